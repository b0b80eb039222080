//! Word (DOCX): a writer in the UN Geneva template and a reader of our own, on our XML scanner
//! (quick-xml for what it refuses and for parts too large to hold) and
//! the zip crate.
//!
//! The reader takes back exactly what the writer writes (formatting in the canonical form
//! word processors carry: see [`crate::model::canonical_formatting`]), and reads real UN Word
//! files of both template families: Geneva (`HChG`, `H1G`, `SingleTxtG`, UNFCCC `Reg*G`) and
//! New York (`HCh`, `H1`, `SingleTxt`, `TitleHCH`, `Session`, `AgendaItemNormal`…), with
//! the masthead from body paragraphs, the first-page header or `docProps/custom.xml`,
//! footnotes from `word/footnotes.xml` at their references, and typed paragraph numbers.
//!
//! Packages are read within limits ([`crate::ReadOptions`]): entries, uncompressed bytes per
//! part and in total (counted while inflating, never trusting declared sizes), XML depth.
//!
//! ```
//! use undocs::{Format, ReadOptions};
//! let mut doc = undocs::model::Document::default();
//! doc.meta.set("symbol", "A/HRC/31/81")?;
//! let mut docx = Vec::new();
//! undocs::write(&doc, Format::Docx, &mut docx)?;
//! assert!(docx.starts_with(b"PK"));
//! assert_eq!(undocs::read_bytes(&docx, Format::Docx, &ReadOptions::default())?.document, doc);
//! # Ok::<(), undocs::Error>(())
//! ```

mod foreign;
mod package;
mod read;
mod runs;
pub(crate) mod styles;
mod write;

pub use read::read;
/// The elements the DOCX readers skip (for the XML scanner's tests).
#[cfg(test)]
pub(crate) use read::skip as skip_for_tests;
pub use write::write;
