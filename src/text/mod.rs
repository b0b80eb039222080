//! Reader for PDF-extracted text: the Markdown that PDF extractors write (the seed's dialect:
//! `#` headings, `**bold**`, `<sup>1</sup>` note marks, `---` page breaks) and the plain text of
//! `pdftotext -layout` (two-column masthead, running headers and footers, form feeds between
//! pages, footnotes at the page bottom).
//!
//! Both dialects are first turned into a stream of items — blocks of text in the dialect's
//! inline markup, page breaks, footnote bodies and asterisk notes — by `markdown.rs` and
//! `layout.rs`; `typed.rs` turns the items into the recognizer's typed lines (inlines, with
//! each footnote placed at its mark), and the shared recognizer (`src/recognize/`) builds the document: the
//! masthead, headings classified by their numbering (`I.` chapter, `A.` section, `1.`
//! subsection, bare bold line unnumbered heading), numbered paragraphs and subparagraphs,
//! paragraphs rejoined across page breaks, resolutions and decisions, symbols recognized as
//! references.
//!
//! Text that is not a UN document still reads, as a document with what could be recognized
//! and warnings saying what was missing.

mod inline;
mod layout;
mod markdown;
mod typed;

use crate::{Error, Format, ReadOptions, ReadOutput, Result};

/// Longest line read as one, in bytes: longer ones are broken (a PDF extractor never writes
/// them).
const MAX_LINE: usize = 100_000;

/// A unit of extracted text, before the masthead and body are recognized.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Item {
    /// A block of text (lines joined by `\n`), in the reader's inline markup: `**strong**`,
    /// `*emphasis*`, `<sup>x</sup>`, backslash escapes.
    Block(Block),
    /// A page break.
    PageBreak,
    /// A footnote body from a page bottom: marker and text (inline markup).
    NoteDef {
        marker: String,
        text: String,
        line: usize,
    },
    /// An asterisk note ("* Reissued for technical reasons on 2 March 2016.").
    StarNote {
        marker: String,
        text: String,
        line: usize,
    },
    /// A job number found in a page footer ("GE.25-02819 (E)").
    JobNumber(String),
}

/// A block of text with what its form says about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Block {
    /// The lines, in inline markup.
    pub lines: Vec<String>,
    /// The Markdown heading level (`#` count), 0 when not a Markdown heading.
    pub heading_level: usize,
    /// Whether the block stood alone between blank lines (layout dialect headings).
    pub standalone: bool,
    /// 1-based line in the input where the block starts.
    pub line: usize,
    /// The indentation of the block's first line, in characters (layout text; 0 otherwise).
    pub indent: usize,
    /// Whether the block is an item of a numbered list printed inside the paragraph above.
    pub nested: bool,
    /// Table rows (header flag, cells in inline markup) when the block is a table.
    pub rows: Vec<(bool, Vec<String>)>,
}

impl Block {
    /// The lines joined with spaces.
    pub fn joined(&self) -> String {
        let mut s = String::new();
        for l in &self.lines {
            let l = l.trim();
            if l.is_empty() {
                continue;
            }
            if !s.is_empty() {
                if s.ends_with('-')
                    && !s.ends_with(" -")
                    && l.starts_with(|c: char| c.is_lowercase())
                    && s.len() > 1
                {
                    // A word hyphenated at the line end keeps its hyphen: UN text hyphenates
                    // compounds ("asylum-seekers"), and soft hyphens are not extracted.
                } else {
                    s.push(' ');
                }
            }
            s.push_str(l);
        }
        s
    }
}

/// Which dialect a text is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dialect {
    Markdown,
    Layout,
}

fn dialect(text: &str) -> Dialect {
    let markdown_signs = text.contains("<sup>")
        || text.lines().any(|l| {
            let t = l.trim_start();
            t.starts_with("# ") || t.starts_with("## ") || t.starts_with("**") || t == "---"
        });
    if text.contains('\u{c}') || !markdown_signs {
        Dialect::Layout
    } else {
        Dialect::Markdown
    }
}

/// Reads PDF-extracted Markdown or `pdftotext -layout` output into a document, with
/// warnings for what could not be recognized.
///
/// The input size limit is applied by [`crate::read_bytes`]; text has no nesting to limit,
/// and overlong lines are broken into several (with a warning; nothing is dropped).
pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<ReadOutput> {
    // UTF-16 (as Windows tools save "Unicode" text) is decoded; anything else must be UTF-8.
    let decoded;
    let text = match crate::encoding::utf16(bytes) {
        Some(order) => {
            decoded = crate::encoding::decode_utf16(bytes, order).ok_or_else(|| Error::Syntax {
                format: Format::Text,
                at: crate::Location::part("input"),
                message: "UTF-16 text that is not valid UTF-16 (an odd length or a lone surrogate)"
                    .into(),
            })?;
            decoded.as_str()
        }
        None => std::str::from_utf8(bytes).map_err(|e| Error::Syntax {
            format: Format::Text,
            at: crate::Location::in_bytes("input", bytes, e.valid_up_to() as u64),
            message: "not UTF-8 text".into(),
        })?,
    };
    check_lines(text, options)?;
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let mut warnings = Vec::new();
    let text = drop_controls(text, &mut warnings);
    let text = break_long_lines(text, &mut warnings);
    let items = match dialect(&text) {
        Dialect::Markdown => markdown::items(&text),
        Dialect::Layout => layout::items(&text, &mut warnings),
    };
    let inputs = typed::inputs(items, &mut warnings);
    let document = crate::recognize::recognize(inputs, typed::SOURCE, &mut warnings);
    Ok(ReadOutput { document, warnings })
}

/// Refuses, before anything is built from it, a text with a line longer than
/// [`ReadOptions::max_string_bytes`] or more non-blank lines than
/// [`ReadOptions::max_text_lines`]:
/// what such a text would make (copies of a line of hundreds of megabytes, a million
/// paragraphs) takes many times its size in memory.
fn check_lines(text: &str, options: &ReadOptions) -> Result<()> {
    let mut filled = 0usize;
    for (i, line) in text.split('\n').enumerate() {
        let n = i + 1;
        if line.len() as u64 > options.max_string_bytes {
            return Err(Error::Limit {
                format: Format::Text,
                at: crate::Location::line("input", n as u64),
                what: "length of a line in bytes",
                limit: options.max_string_bytes,
                option: "max_string_bytes",
            });
        }
        if !line.trim().is_empty() {
            filled += 1;
        }
        if filled > options.max_text_lines {
            return Err(Error::Limit {
                format: Format::Text,
                at: crate::Location::line("input", n as u64),
                what: "number of non-blank lines",
                limit: options.max_text_lines as u64,
                option: "max_text_lines",
            });
        }
    }
    Ok(())
}

/// Escapes the characters of the readers' inline markup (`*`, `\\`, `<`, `_`) in plain text.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '\\' | '<' | '_') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Removes control characters other than tab, line feed and form feed (the page break
/// of `pdftotext`): extraction debris that no document format can carry (XML 1.0 cannot
/// hold U+0002). Said in one warning, with the first one's line and how many there were.
fn drop_controls(text: String, warnings: &mut Vec<crate::Warning>) -> String {
    let control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\u{c}');
    let Some(first) = text.find(control) else {
        return text;
    };
    let line = text[..first].matches('\n').count() + 1;
    let n = text.chars().filter(|&c| control(c)).count();
    warnings.push(
        crate::Warning::new(
            Format::Text,
            crate::Location::line("input", line as u64),
            format!(
                "{n} control character(s) removed (the first, U+{:04X}, here)",
                text[first..].chars().next().map_or(0, u32::from)
            ),
        )
        .with_kind(crate::WarningKind::Dropped),
    );
    text.chars().filter(|&c| !control(c)).collect()
}

/// Breaks lines longer than [`MAX_LINE`] bytes into lines of at most that, at a space
/// where there is one (a PDF extractor never writes such lines; what one holds is kept,
/// and said in a warning).
fn break_long_lines(text: String, warnings: &mut Vec<crate::Warning>) -> String {
    if text.lines().all(|l| l.len() <= MAX_LINE) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + text.len() / MAX_LINE + 1);
    for (no, line) in text.split('\n').enumerate() {
        let mut l = line;
        let mut pieces = 0;
        while l.len() > MAX_LINE {
            let mut cut = MAX_LINE;
            while !l.is_char_boundary(cut) {
                cut -= 1;
            }
            // (At the last space before the limit, when there is one.)
            if let Some(space) = l[..cut].rfind(' ').filter(|&s| s > 0) {
                cut = space;
            }
            out.push_str(&l[..cut]);
            out.push('\n');
            l = l[cut..].trim_start_matches(' ');
            pieces += 1;
        }
        out.push_str(l);
        out.push('\n');
        if pieces > 0 {
            warnings.push(
                crate::Warning::new(
                    Format::Text,
                    crate::Location::line("input", no as u64 + 1),
                    format!(
                        "a line of {} bytes (longer than {MAX_LINE}) was broken into {} lines; nothing dropped",
                        line.len(),
                        pieces + 1
                    ),
                )
                .with_kind(crate::WarningKind::Other),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlong_lines_and_too_many_lines_are_refused_naming_the_line() {
        let opts = ReadOptions::default()
            .with_max_string_bytes(10)
            .with_max_text_lines(3);
        let e = read(b"short\n0123456789A\n", &opts)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("line 2") && e.contains("max_string_bytes"),
            "{e}"
        );
        let e = read(b"1.\n\n2.\n3.\n4.", &opts).unwrap_err().to_string();
        assert!(e.contains("line 5") && e.contains("max_text_lines"), "{e}");
        // At the limits (blank lines are not counted), read.
        assert!(read(b"0123456789\n\n \n2.\n3.", &opts).is_ok());
    }

    #[test]
    fn dialects() {
        assert_eq!(
            dialect("# General Assembly\n\nDistr.: General"),
            Dialect::Markdown
        );
        assert_eq!(
            dialect("   United Nations     A/HRC/59/15\n\u{c}page 2"),
            Dialect::Layout
        );
        assert_eq!(dialect("plain words"), Dialect::Layout);
    }

    #[test]
    fn not_utf8_names_the_position() {
        let e = read(b"ok\nab\xff", &ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2, column 3"), "{e}");
    }
}
