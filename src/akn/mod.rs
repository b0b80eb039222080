//! Akoma Ntoso 3.0 following the UN's AKN4UN guidelines: writer and reader.
//!
//! The writer uses quick-xml events and writes documents that validate against the OASIS
//! Akoma Ntoso 3.0 schema: the class by kind (`statement` for resolutions and decisions,
//! `debateReport` for meeting records, `doc` otherwise), FRBR identification with AKN4UN
//! IRIs (`/akn/un/doc/report/un-ga-hrc/2016-01-29/A-HRC-31-81`), the masthead in the
//! preface (`docNumber`, `docDate`, `session`, `docketNumber`…), divisions as
//! `chapter`/`section`/`subsection`/`hcontainer`, numbered paragraphs as `paragraph` with
//! `num`, subparagraphs as `list`/`point`, footnotes as `authorialNote` at their mark,
//! references as `ref`, annexes as `attachments`. eIds are derived, never stored.
//!
//! The reader takes back everything the writer writes, exactly, and reads Akoma Ntoso 3.0
//! and 2.0 from other producers, mapping what has a place in the model and warning about
//! what it drops. It refuses DOCTYPEs (no entity is ever expanded) and limits nesting depth
//! ([`crate::ReadOptions::max_depth`]).
//!
//! ```
//! use undocs::{Format, ReadOptions};
//! let mut doc = undocs::model::Document::default();
//! doc.meta.set("symbol", "A/HRC/31/81")?;
//! let mut xml = Vec::new();
//! undocs::write(&doc, Format::Akn, &mut xml)?;
//! assert!(String::from_utf8_lossy(&xml).contains("<docNumber refersTo=\"#symbol\">A/HRC/31/81</docNumber>"));
//! let back = undocs::read_bytes(&xml, Format::Akn, &ReadOptions::default())?;
//! assert_eq!(back.document, doc);
//! # Ok::<(), undocs::Error>(())
//! ```

pub mod iri;
mod read;
mod write;

pub use crate::xml::{AKN2, AKN3};
pub use read::{read, read_from};
pub use write::write;
