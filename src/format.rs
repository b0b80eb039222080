//! The formats undocs knows.

use std::fmt;
use std::path::Path;

/// A document format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// undocs JSON (`.json`).
    Json,
    /// Akoma Ntoso 3.0 XML, AKN4UN (`.akn.xml`, `.xml`).
    Akn,
    /// Word (`.docx`).
    Docx,
    /// PDF (`.pdf`).
    Pdf,
    /// PDF-extracted text or Markdown (`.md`, `.txt`).
    Text,
}

impl Format {
    /// All formats.
    pub const ALL: [Format; 5] = [
        Format::Json,
        Format::Akn,
        Format::Docx,
        Format::Pdf,
        Format::Text,
    ];

    /// The format of a file name, by extension.
    ///
    /// ```
    /// use undocs::Format;
    /// assert_eq!(Format::from_path("out.akn.xml"), Some(Format::Akn));
    /// assert_eq!(Format::from_path("A_HRC_31_81.PDF"), Some(Format::Pdf));
    /// assert_eq!(Format::from_path("notes"), None);
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Option<Format> {
        let ext = path.as_ref().extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "xml" | "akn" => Some(Format::Akn),
            "docx" => Some(Format::Docx),
            "pdf" => Some(Format::Pdf),
            "md" | "txt" | "markdown" => Some(Format::Text),
            _ => None,
        }
    }

    /// Guesses the format from the first bytes of a file: `PK` zip (DOCX), `%PDF`, `<?xml` or
    /// `<akomaNtoso` (AKN), `{` (JSON). Text has no signature: `None`.
    ///
    /// ```
    /// use undocs::Format;
    /// assert_eq!(Format::sniff(b"%PDF-1.7"), Some(Format::Pdf));
    /// assert_eq!(Format::sniff(b"\xEF\xBB\xBF  <?xml version"), Some(Format::Akn));
    /// assert_eq!(Format::sniff(b"General Assembly"), None);
    /// ```
    pub fn sniff(bytes: &[u8]) -> Option<Format> {
        if bytes.starts_with(b"PK\x03\x04") {
            return Some(Format::Docx);
        }
        if bytes.starts_with(b"%PDF") {
            return Some(Format::Pdf);
        }
        let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let start = b
            .iter()
            .position(|c| !c.is_ascii_whitespace())
            .unwrap_or(b.len());
        let b = &b[start..];
        if b.starts_with(b"<?xml")
            || b.starts_with(b"<akomaNtoso")
            || b.starts_with(b"<an:akomaNtoso")
        {
            Some(Format::Akn)
        } else if b.starts_with(b"{") {
            Some(Format::Json)
        } else {
            None
        }
    }

    /// The format's short name: `json`, `akn`, `docx`, `pdf`, `text`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Akn => "akn",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Text => "text",
        }
    }

    /// The file extension writers use: `json`, `akn.xml`, `docx`, `pdf`, `md`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Akn => "akn.xml",
            Format::Text => "md",
            f => f.name(),
        }
    }

    /// Whether this build can read the format.
    #[allow(clippy::match_like_matches_macro)] // grows as formats arrive
    pub fn can_read(self) -> bool {
        match self {
            Format::Json => cfg!(feature = "json"),
            Format::Text => cfg!(feature = "text"),
            Format::Akn => cfg!(feature = "akn"),
            Format::Docx => cfg!(feature = "docx"),
            Format::Pdf => cfg!(feature = "pdf"),
        }
    }

    /// Whether this build can write the format.
    #[allow(clippy::match_like_matches_macro)] // grows as formats arrive
    pub fn can_write(self) -> bool {
        match self {
            Format::Json => cfg!(feature = "json"),
            Format::Akn => cfg!(feature = "akn"),
            Format::Docx => cfg!(feature = "docx"),
            Format::Pdf => cfg!(feature = "pdf"),
            Format::Text => false,
        }
    }

    /// Whether the format's cargo feature is on in this build.
    pub fn enabled(self) -> bool {
        match self {
            Format::Json => cfg!(feature = "json"),
            Format::Akn => cfg!(feature = "akn"),
            Format::Docx => cfg!(feature = "docx"),
            Format::Pdf => cfg!(feature = "pdf"),
            Format::Text => cfg!(feature = "text"),
        }
    }

    pub(crate) fn unsupported(self, action: &'static str) -> crate::Error {
        let why = if action == "writing" && self == Format::Text {
            "(text is a read-only format: undocs reads PDF-extracted text, it does not write it)"
                .to_string()
        } else if self.enabled() {
            "yet".to_string()
        } else {
            format!("in this build (enable the cargo feature `{}`)", self.name())
        };
        crate::Error::Unsupported {
            action,
            format: self,
            why,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Format {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s.to_ascii_lowercase())
            .ok_or_else(|| crate::Error::Value {
                what: "format",
                value: s.chars().take(40).collect(),
                expected: "json, akn, docx, pdf or text",
            })
    }
}
