//! Where in an input: shared by [`crate::Error`] and [`crate::Warning`].

/// Where in an input a reader was: the part (a file inside a package, `input`, `document`,
/// `docProps/custom.xml`…) and, where known, the line and column, or the paragraph.
///
/// ```
/// use undocs::Location;
/// assert_eq!(Location::line_column("input", 3, 7).to_string(), "input, line 3, column 7");
/// assert_eq!(Location::paragraph("word/document.xml", 12).to_string(), "word/document.xml, paragraph 12");
/// assert_eq!(Location::in_bytes("input", b"ab\ncd", 4), Location::line_column("input", 2, 2));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Location {
    /// The part of the input: a file inside a package, or `input`, or `document` for the
    /// document as a whole.
    pub part: String,
    /// The line, 1-based.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The column, 1-based, in characters… or bytes where the input is not text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
    /// The paragraph, 1-based (Word has paragraphs, not lines).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u64>,
}

impl Location {
    /// A part as a whole.
    pub fn part(part: impl Into<String>) -> Self {
        Location {
            part: part.into(),
            ..Location::default()
        }
    }

    /// A line of a part.
    pub fn line(part: impl Into<String>, line: u64) -> Self {
        Location {
            line: Some(line),
            ..Location::part(part)
        }
    }

    /// A line and column of a part.
    pub fn line_column(part: impl Into<String>, line: u64, column: u64) -> Self {
        Location {
            line: Some(line),
            column: Some(column),
            ..Location::part(part)
        }
    }

    /// A paragraph of a part.
    pub fn paragraph(part: impl Into<String>, paragraph: u64) -> Self {
        Location {
            paragraph: Some(paragraph),
            ..Location::part(part)
        }
    }

    /// The line and column of byte offset `pos` in `bytes` (column counted in bytes).
    pub fn in_bytes(part: impl Into<String>, bytes: &[u8], pos: u64) -> Self {
        let upto = &bytes[..usize::try_from(pos).unwrap_or(usize::MAX).min(bytes.len())];
        let line = upto.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        let column = upto.iter().rev().take_while(|&&b| b != b'\n').count() as u64 + 1;
        Location::line_column(part, line, column)
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.part)?;
        if let Some(l) = self.line {
            write!(f, ", line {l}")?;
        }
        if let Some(c) = self.column {
            write!(f, ", column {c}")?;
        }
        if let Some(p) = self.paragraph {
            write!(f, ", paragraph {p}")?;
        }
        Ok(())
    }
}

impl From<&str> for Location {
    fn from(part: &str) -> Self {
        Location::part(part)
    }
}

impl From<String> for Location {
    fn from(part: String) -> Self {
        Location::part(part)
    }
}
