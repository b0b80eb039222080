//! Reader for PDF-extracted text and Markdown.

use crate::{Format, Read, ReadOptions, Result};

/// Reads PDF-extracted Markdown or `pdftotext -layout` output.
pub fn read(_bytes: &[u8], _options: &ReadOptions) -> Result<Read> {
    Err(Format::Text.unsupported("reading"))
}
