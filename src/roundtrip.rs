//! Round trips: a document written in every format this build writes, read back, compared.

use crate::model::Document;
use crate::{Format, ReadOptions, Result};

/// What one format did with a document written and read back.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RoundTrip {
    /// The format was not tried: `why` says ("not in this build", "read-only format", "not
    /// supported yet").
    Skipped {
        /// The format.
        format: Format,
        /// Why it was not tried.
        why: &'static str,
    },
    /// The document came back the same: exactly, or (`canonical`) with its character
    /// formatting in the canonical nesting Word carries
    /// ([`Document::canonical_formatting`]).
    Identical {
        /// The format.
        format: Format,
        /// The size of what was written.
        bytes: usize,
        /// Whether the comparison was with the canonical nesting.
        canonical: bool,
    },
    /// The document came back different: the first differences, as JSON paths.
    Differs {
        /// The format.
        format: Format,
        /// "meta.title: \"A\" ≠ \"B\"" and so on.
        differences: Vec<String>,
    },
}

impl RoundTrip {
    /// Whether the document came back different.
    pub fn differs(&self) -> bool {
        matches!(self, RoundTrip::Differs { .. })
    }

    /// The format tried (or skipped).
    pub fn format(&self) -> Format {
        match self {
            RoundTrip::Skipped { format, .. }
            | RoundTrip::Identical { format, .. }
            | RoundTrip::Differs { format, .. } => *format,
        }
    }
}

impl std::fmt::Display for RoundTrip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RoundTrip::Skipped { format, why } => write!(f, "{format}: skipped ({why})"),
            RoundTrip::Identical {
                format,
                bytes,
                canonical,
            } => {
                let note = if *canonical {
                    ", formatting in canonical nesting"
                } else {
                    ""
                };
                write!(f, "{format}: identical ({bytes} bytes{note})")
            }
            RoundTrip::Differs {
                format,
                differences,
            } => {
                write!(f, "{format}: DIFFERS")?;
                for d in differences {
                    write!(f, "\n  {d}")?;
                }
                Ok(())
            }
        }
    }
}

/// Writes `doc` in every format this build both writes and reads, reads each back and
/// compares, giving at most `max_differences` differences a format. Word is compared in the
/// canonical formatting nesting when the exact comparison differs (it carries formatting
/// as flat runs).
///
/// ```
/// let doc = undocs::read_path("fixtures/a-hrc-59-15/document.json", &undocs::ReadOptions::default())?.document;
/// for r in undocs::roundtrip(&doc, 20)? {
///     assert!(!r.differs(), "{r}");
/// }
/// # Ok::<(), undocs::Error>(())
/// ```
pub fn roundtrip(doc: &Document, max_differences: usize) -> Result<Vec<RoundTrip>> {
    roundtrip_with(doc, max_differences, &ReadOptions::default())
}

/// [`roundtrip`], reading back with these options: with
/// [`ReadOptions::ignore_embedded`], the PDF comes back from its page layout rather than
/// from the JSON it embeds, and the differences say what the layout does not carry.
///
/// ```
/// # #[cfg(feature = "pdf")] {
/// let doc = undocs::read_path("fixtures/a-hrc-59-15/document.json", &undocs::ReadOptions::default())?.document;
/// let layout = undocs::ReadOptions::default().with_ignore_embedded(true);
/// let pdf = undocs::roundtrip_with(&doc, 20, &layout)?
///     .into_iter()
///     .find(|r| r.format() == undocs::Format::Pdf);
/// println!("{}", pdf.map(|r| r.to_string()).unwrap_or_default());
/// # }
/// # Ok::<(), undocs::Error>(())
/// ```
pub fn roundtrip_with(
    doc: &Document,
    max_differences: usize,
    options: &ReadOptions,
) -> Result<Vec<RoundTrip>> {
    let mut out = Vec::new();
    for format in Format::ALL {
        if !format.can_write() || !format.can_read() {
            let why = if !format.enabled() {
                "not in this build"
            } else if format == Format::Text {
                "read-only format"
            } else if format.can_read() {
                "writing not supported yet"
            } else {
                "not supported yet"
            };
            out.push(RoundTrip::Skipped { format, why });
            continue;
        }
        let mut buf = Vec::new();
        crate::write(doc, format, &mut buf)?;
        let back = crate::read_bytes(&buf, format, options)?;
        let mut differences = crate::json::differences(doc, &back.document, max_differences);
        let mut canonical = false;
        if !differences.is_empty() && format == Format::Docx {
            let mut c = doc.clone();
            c.canonical_formatting();
            differences = crate::json::differences(&c, &back.document, max_differences);
            canonical = true;
        }
        out.push(if differences.is_empty() {
            RoundTrip::Identical {
                format,
                bytes: buf.len(),
                canonical,
            }
        } else {
            RoundTrip::Differs {
                format,
                differences,
            }
        });
    }
    Ok(out)
}
