//! Read options (input limits) and read warnings.

use crate::Format;

/// Options for reading, chiefly the limits that keep hostile input from exhausting memory or
/// stack. The defaults suit real UN documents (the largest are a few megabytes).
///
/// Within them, a read's peak memory is at most 3× a JSON input, 4× an Akoma Ntoso input
/// and 5× a DOCX's uncompressed XML (plus about 16 MB for the program), measured on real
/// and generated documents; any XML, whatever its shape, at most 50× (README, "Memory").
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Largest input accepted, in bytes. Default: 256 MiB.
    pub max_bytes: u64,
    /// Deepest nesting accepted (JSON arrays/objects, XML elements). Default: 128, which is
    /// also the most serde_json allows.
    pub max_depth: usize,
    /// Most entries a zip package (DOCX) may list. Default: 10,000.
    pub max_zip_entries: usize,
    /// Largest uncompressed size of one part of a package, counted while inflating (the
    /// sizes a zip declares are not trusted); for a PDF, of one page's decoded content
    /// stream. Default: 128 MiB.
    pub max_part_bytes: u64,
    /// Largest uncompressed size of all the parts read from a package together, counted
    /// while inflating; for a PDF, of all its pages' decoded content streams. Default:
    /// 512 MiB. (Fonts and images in a PDF are decoded by hayro under its own limits.)
    pub max_total_bytes: u64,
    /// Largest ratio of a package part's uncompressed size to its compressed size, for
    /// parts past 8 MiB: real Word XML compresses 5 to 20 times, repetitive generated Word
    /// (the same paragraph 50,000 times) about 80 times; a zip bomb of zeros a thousand, the
    /// most deflate can reach. Default: 100.
    pub max_inflate_ratio: u64,
    /// Most objects a PDF may list in its cross-reference table. Default: 2,000,000 (UN
    /// PDFs hold a few thousand). Nesting inside PDF objects and content is bounded by
    /// hayro's own limits, and forms are followed at most [`ReadOptions::max_depth`] deep.
    pub max_objects: usize,
    /// Most pages of a PDF read. Default: 20,000 (the largest UN documents run to a few
    /// thousand).
    pub max_pages: usize,
    /// Threads a PDF's pages are interpreted on: 0 (the default) takes as many as the
    /// machine has, up to 4, for files of several pages; 1 reads on the calling thread only
    /// (set it when reading many files in parallel yourself).
    pub threads: usize,
    /// Longest single string of a JSON input (a title, a paragraph's text run), and longest
    /// line of a text input, in bytes, checked before parsing (for a text file, while it is
    /// read). Default: 16 MiB (the longest paragraph of a real UN document is a few
    /// kilobytes).
    pub max_string_bytes: u64,
    /// Most non-blank lines a text input may have, counted before anything is built from
    /// them (each can become a paragraph, and a paragraph costs a few hundred bytes of
    /// memory). Default: 300,000 (`pdftotext` prints about 50 such lines a page: some 6,000
    /// pages).
    pub max_text_lines: usize,
    /// Read a PDF from its page layout even when it embeds the document's JSON (as the PDF
    /// undocs writes do). Default: false, the embedded JSON is read first.
    pub ignore_embedded: bool,
    /// XML larger than this many bytes streams through its reader instead of being held
    /// whole while it is parsed: an Akoma Ntoso file read from a path, and a DOCX file's
    /// document part (by its declared size; the limits above hold either way). Streaming
    /// keeps a large read's peak memory near the model's size (README, "Memory") and costs
    /// some speed (every name and text is copied out of the reader's buffer), so small
    /// inputs are held. Default: 2 MiB; 0 streams everything.
    pub stream_from: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: 256 << 20,
            max_depth: 128,
            max_zip_entries: 10_000,
            max_part_bytes: 128 << 20,
            max_total_bytes: 512 << 20,
            max_pages: 20_000,
            max_inflate_ratio: 100,
            max_objects: 2_000_000,
            threads: 0,
            max_string_bytes: 16 << 20,
            max_text_lines: 300_000,
            ignore_embedded: false,
            stream_from: 2 << 20,
        }
    }
}

impl ReadOptions {
    /// Sets [`ReadOptions::ignore_embedded`].
    pub fn with_ignore_embedded(mut self, yes: bool) -> Self {
        self.ignore_embedded = yes;
        self
    }

    /// Sets [`ReadOptions::stream_from`].
    pub fn with_stream_from(mut self, n: u64) -> Self {
        self.stream_from = n;
        self
    }

    /// Sets [`ReadOptions::max_bytes`].
    pub fn with_max_bytes(mut self, n: u64) -> Self {
        self.max_bytes = n;
        self
    }

    /// Sets [`ReadOptions::max_part_bytes`] and [`ReadOptions::max_total_bytes`].
    pub fn with_max_inflated(mut self, part: u64, total: u64) -> Self {
        self.max_part_bytes = part;
        self.max_total_bytes = total;
        self
    }

    /// Sets [`ReadOptions::max_pages`].
    pub fn with_max_pages(mut self, n: usize) -> Self {
        self.max_pages = n;
        self
    }

    /// Sets [`ReadOptions::max_objects`].
    pub fn with_max_objects(mut self, n: usize) -> Self {
        self.max_objects = n;
        self
    }

    /// Sets [`ReadOptions::threads`].
    ///
    /// ```
    /// let one = undocs::ReadOptions::default().with_threads(1);
    /// assert_eq!(one.threads, 1);
    /// ```
    pub fn with_threads(mut self, n: usize) -> Self {
        self.threads = n;
        self
    }

    /// Sets [`ReadOptions::max_string_bytes`].
    pub fn with_max_string_bytes(mut self, n: u64) -> Self {
        self.max_string_bytes = n;
        self
    }

    /// Sets [`ReadOptions::max_text_lines`].
    ///
    /// ```
    /// use undocs::{Format, ReadOptions};
    /// let few = ReadOptions::default().with_max_text_lines(2);
    /// let e = undocs::read_bytes(b"1.\n2.\n3.\n", Format::Text, &few).unwrap_err();
    /// assert!(e.to_string().contains("max_text_lines"));
    /// ```
    pub fn with_max_text_lines(mut self, n: usize) -> Self {
        self.max_text_lines = n;
        self
    }

    /// Sets [`ReadOptions::max_depth`].
    pub fn with_max_depth(mut self, n: usize) -> Self {
        self.max_depth = n;
        self
    }
}

/// What kind of thing a [`Warning`] reports, so that programs can act on it without
/// matching its message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// No document symbol was found (give one with `--set symbol=…`).
    MissingSymbol,
    /// No date of issue was found.
    MissingDate,
    /// No title was found.
    MissingTitle,
    /// A masthead line was recognized by its label but its value was not understood
    /// (distribution, original language, agenda titles).
    NotUnderstood,
    /// A footnote whose mark was not found in the text: kept at the end of the paragraph
    /// above it.
    NoteWithoutMark,
    /// A table of contents was skipped (it repeats the headings).
    TableOfContentsSkipped,
    /// Content the model has no place for was kept in another form (as text, as a
    /// superscript mark).
    KeptAsText,
    /// Content was dropped.
    Dropped,
    /// A slip of print was read as what it stands for: a paragraph number printed without
    /// its period ("36   The Government…") where the next paragraph's number stands, read
    /// as "36.".
    Corrected,
    /// Anything else.
    Other,
}

/// Something a reader dropped or could not find: the document was still read.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    /// What kind of thing it is.
    pub kind: WarningKind,
    /// The format read.
    pub format: Format,
    /// Where: the part (`input`, `document`, `word/footnotes.xml`…) and the line or
    /// paragraph where known.
    pub location: crate::Location,
    /// What happened.
    pub message: String,
    /// What the user can do about it ("give one with --set symbol=…"), kept apart from
    /// what happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Warning {
    /// A warning of kind [`WarningKind::Other`].
    pub fn new(
        format: Format,
        location: impl Into<crate::Location>,
        message: impl Into<String>,
    ) -> Self {
        Warning {
            kind: WarningKind::Other,
            format,
            location: location.into(),
            message: message.into(),
            hint: None,
        }
    }

    /// The same warning with a hint of what to do about it.
    ///
    /// ```
    /// use undocs::{Format, Warning};
    /// let w = Warning::new(Format::Text, "document", "no document symbol found").with_hint("give one with --set symbol=…");
    /// assert_eq!(w.to_string(), "text document: no document symbol found (give one with --set symbol=…)");
    /// ```
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same warning with its kind set.
    ///
    /// ```
    /// use undocs::{Format, Warning, WarningKind};
    /// let w = Warning::new(Format::Text, "document", "no title found").with_kind(WarningKind::MissingTitle);
    /// assert_eq!(w.kind, WarningKind::MissingTitle);
    /// ```
    pub fn with_kind(mut self, kind: WarningKind) -> Self {
        self.kind = kind;
        self
    }
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.format, self.location, self.message)?;
        if let Some(h) = &self.hint {
            write!(f, " ({h})")?;
        }
        Ok(())
    }
}

/// A font file's bytes (TrueType or OpenType), shared.
pub type FontBytes = std::sync::Arc<Vec<u8>>;

/// Options for writing. Only the PDF writer has any today.
///
/// ```
/// let options = undocs::WriteOptions::default().with_system_fonts(false);
/// assert!(options.fonts.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct WriteOptions {
    /// Fonts for text the shipped font (Liberation Serif: Latin, Greek, Cyrillic) cannot
    /// show, tried in order, before the system's. Default: none.
    pub fonts: Vec<FontBytes>,
    /// Whether the system's fonts (under /usr/share/fonts, /usr/local/share/fonts and
    /// ~/.local/share/fonts) are searched for characters no other font has. Default: true.
    /// A character no font has is an error naming it, never a blank box.
    pub system_fonts: bool,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            fonts: Vec::new(),
            system_fonts: true,
        }
    }
}

impl WriteOptions {
    /// Adds a font (its file's bytes) to [`WriteOptions::fonts`].
    pub fn with_font(mut self, bytes: Vec<u8>) -> Self {
        self.fonts.push(std::sync::Arc::new(bytes));
        self
    }

    /// Sets [`WriteOptions::system_fonts`].
    pub fn with_system_fonts(mut self, yes: bool) -> Self {
        self.system_fonts = yes;
        self
    }
}
