//! # undocs
//!
//! United Nations documents as a typed model, converted between Akoma Ntoso XML, DOCX, PDF,
//! JSON and PDF-extracted text.
//!
//! Every reader produces one [`model::Document`]; every writer consumes it; no format knows
//! another. Symbols, paragraph numbers and headings keep their printed form, and footnotes
//! stay at their reference point.
//!
//! ```
//! use undocs::{Format, ReadOptions};
//!
//! let json = r#"{"undocs": "1", "meta": {"symbols": ["A/HRC/31/81"], "reissued": true},
//!                "body": [{"paragraph": {"num": "1.", "content": [{"text": "In its resolution 28/2…"}]}}]}"#;
//! let read = undocs::read(json.as_bytes(), Format::Json, &ReadOptions::default())?;
//! assert_eq!(read.document.meta.symbols[0].to_string(), "A/HRC/31/81");
//! assert!(read.warnings.is_empty());
//!
//! let mut out = Vec::new();
//! undocs::write(&read.document, Format::Json, &mut out)?;
//! # Ok::<(), undocs::Error>(())
//! ```
//!
//! ## Formats
//! Each format is a cargo feature (`json`, `akn`, `docx`, `pdf`, `text`; all on by default;
//! the command-line tool `cli` and the JSON Schema `schema` are opt-in).
//! A format this build cannot read or write answers with [`Error::Unsupported`], never with an
//! empty or fake output.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(any(feature = "text", feature = "json", feature = "akn", feature = "docx"))]
mod encoding;
mod error;
mod format;
mod location;
pub mod model;
mod options;
#[cfg(any(feature = "akn", feature = "docx"))]
mod xml;

#[cfg(feature = "akn")]
pub mod akn;
#[cfg(feature = "batch")]
pub mod batch;
#[cfg(feature = "docx")]
pub mod docx;
#[cfg(feature = "json")]
pub mod json;
#[cfg(feature = "pdf")]
pub mod pdf;
#[cfg(any(feature = "text", feature = "docx", feature = "pdf"))]
mod recognize;
#[cfg(feature = "json")]
mod roundtrip;
#[cfg(feature = "text")]
pub mod text;

/// Checks for the fuzz targets, not part of the API.
#[doc(hidden)]
#[cfg(feature = "docx")]
pub mod fuzzing {
    /// The XML scanner of DOCX parts against quick-xml on `data`: an error describes a
    /// disagreement (the scanner accepting what quick-xml refuses, or another tree).
    pub fn xml_scanner_agrees(data: &[u8]) -> Result<(), String> {
        crate::xml::scanner_agrees(data)
    }
}

pub use error::{Error, Result};
pub use format::Format;
pub use location::Location;
pub use options::{FontBytes, ReadOptions, Warning, WarningKind, WriteOptions};
#[cfg(feature = "json")]
pub use roundtrip::{RoundTrip, roundtrip, roundtrip_with};

use std::io::{Read as _, Write};

use model::Document;

/// A document read from some format, with warnings about anything the reader had to drop or
/// could not recognize. (Named `Read` before 0.2; the name stood beside `std::io::Read`.)
#[derive(Clone, Debug, PartialEq)]
pub struct ReadOutput {
    /// The document.
    pub document: Document,
    /// What the reader dropped or could not find.
    pub warnings: Vec<Warning>,
}

/// Reads a document in `format` from `reader`, within the limits of `options`.
pub fn read(
    reader: impl std::io::Read,
    format: Format,
    options: &ReadOptions,
) -> Result<ReadOutput> {
    let bytes = read_limited(reader, format, true, None, options)?;
    read_bytes(&bytes, format, options)
}

/// Reads a document in `format` from bytes already in memory.
///
/// Bytes that plainly are another format (a zip package, a PDF) are refused with an error
/// that says so, rather than a parse error of the format asked for:
///
/// ```
/// use undocs::{Format, ReadOptions};
/// let e = undocs::read_bytes(b"PK\x03\x04rest of a zip", Format::Json, &ReadOptions::default()).unwrap_err();
/// assert!(e.to_string().contains("looks like a DOCX (zip) file"));
/// ```
pub fn read_bytes(bytes: &[u8], format: Format, options: &ReadOptions) -> Result<ReadOutput> {
    if bytes.len() as u64 > options.max_bytes {
        return Err(too_large(format, options));
    }
    check_signature(bytes, format)?;
    match format {
        #[cfg(feature = "json")]
        Format::Json => json::read(bytes, options),
        #[cfg(feature = "text")]
        Format::Text => text::read(bytes, options),
        #[cfg(feature = "akn")]
        Format::Akn => akn::read(bytes, options),
        #[cfg(feature = "docx")]
        Format::Docx => docx::read(bytes, options),
        #[cfg(feature = "pdf")]
        Format::Pdf => pdf::read(bytes, options),
        #[allow(unreachable_patterns)]
        f => Err(f.unsupported("reading")),
    }
}

/// Writes `doc` in `format` to `out`.
pub fn write(doc: &Document, format: Format, out: impl Write) -> Result<()> {
    write_with(doc, format, out, &WriteOptions::default())
}

/// Writes `doc` in `format` to `out`, with `options` (the PDF writer's fonts).
///
/// ```
/// use undocs::{Format, WriteOptions};
/// let doc = undocs::read_path("fixtures/a-hrc-59-15/document.json", &Default::default())?.document;
/// let mut pdf = Vec::new();
/// undocs::write_with(&doc, Format::Pdf, &mut pdf, &WriteOptions::default())?;
/// assert!(pdf.starts_with(b"%PDF-1.7"));
/// // The JSON embedded in it is read back first: the very same document.
/// let back = undocs::read_bytes(&pdf, Format::Pdf, &Default::default())?;
/// assert_eq!(back.document, doc);
/// # Ok::<(), undocs::Error>(())
/// ```
pub fn write_with(
    doc: &Document,
    format: Format,
    out: impl Write,
    options: &WriteOptions,
) -> Result<()> {
    #[allow(unused_variables, unused_mut)]
    let mut out = out;
    // A build without writers uses neither.
    let _ = (&doc, &out, options);
    match format {
        #[cfg(feature = "json")]
        Format::Json => json::write(doc, &mut out),
        #[cfg(feature = "akn")]
        Format::Akn => akn::write(doc, &mut out),
        #[cfg(feature = "docx")]
        Format::Docx => docx::write(doc, &mut out),
        #[cfg(feature = "pdf")]
        Format::Pdf => pdf::write(doc, &mut out, options),
        f => Err(f.unsupported("writing")),
    }
}

/// Writes `doc` in `format` to the file at `path`, streamed through a buffer into a
/// temporary file beside it that replaces `path` only once the whole document is written:
/// a failed write (a character the format cannot carry, a full disk) leaves no partial
/// file and an existing file untouched. JSON and Akoma Ntoso are never held whole in
/// memory; DOCX and PDF are built in memory (a zip package and a PDF's cross-references
/// need the whole) and then written.
///
/// ```
/// let doc = undocs::read_path("fixtures/a-hrc-59-15/document.json", &Default::default())?.document;
/// let path = std::env::temp_dir().join("undocs-doctest-write-path.xml");
/// undocs::write_path(&doc, undocs::Format::Akn, &path, &Default::default())?;
/// assert_eq!(undocs::read_path(&path, &Default::default())?.document.meta.symbols, doc.meta.symbols);
/// # std::fs::remove_file(&path).ok();
/// # Ok::<(), undocs::Error>(())
/// ```
pub fn write_path(
    doc: &Document,
    format: Format,
    path: impl AsRef<std::path::Path>,
    options: &WriteOptions,
) -> Result<()> {
    let path = path.as_ref();
    let at = |e: std::io::Error| {
        Error::Io(std::io::Error::new(
            e.kind(),
            format!("{}: {e}", path.display()),
        ))
    };
    let name = path.file_name().map_or_else(
        || std::ffi::OsString::from("output"),
        std::ffi::OsStr::to_os_string,
    );
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(&name);
    tmp_name.push(format!(".undocs-{}.tmp", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    let result = (|| {
        let file = std::fs::File::create(&tmp).map_err(at)?;
        let mut w = std::io::BufWriter::with_capacity(64 << 10, file);
        write_with(doc, format, &mut w, options)?;
        w.flush().map_err(at)?;
        std::fs::rename(&tmp, path).map_err(at)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Reads from one format and writes to another; returns the reader's warnings.
pub fn convert(
    reader: impl std::io::Read,
    from: Format,
    out: impl Write,
    to: Format,
    options: &ReadOptions,
) -> Result<Vec<Warning>> {
    let r = read(reader, from, options)?;
    write(&r.document, to, out)?;
    Ok(r.warnings)
}

/// Reads the file at `path`: the format from its extension, or failing that from its first
/// bytes ([`Format::sniff`]); what has no signature is read as text (PDF-extracted text and
/// Markdown have none). The size limit is checked against the file's length before
/// anything is read.
///
/// ```
/// use undocs::ReadOptions;
/// let read = undocs::read_path("fixtures/a-hrc-59-15/document.json", &ReadOptions::default())?;
/// assert_eq!(read.document.meta.symbols[0].to_string(), "A/HRC/59/15");
/// # Ok::<(), undocs::Error>(())
/// ```
pub fn read_path(path: impl AsRef<std::path::Path>, options: &ReadOptions) -> Result<ReadOutput> {
    read_file(path.as_ref(), None, options)
}

/// Reads the file at `path` in `format`, whatever its name says (as [`read_path`] otherwise).
pub fn read_path_as(
    path: impl AsRef<std::path::Path>,
    format: Format,
    options: &ReadOptions,
) -> Result<ReadOutput> {
    read_file(path.as_ref(), Some(format), options)
}

fn read_file(
    path: &std::path::Path,
    format: Option<Format>,
    options: &ReadOptions,
) -> Result<ReadOutput> {
    let named = format.or_else(|| Format::from_path(path));
    let at = |e: std::io::Error| {
        Error::Io(std::io::Error::new(
            e.kind(),
            format!("{}: {e}", path.display()),
        ))
    };
    let file = std::fs::File::open(path).map_err(at)?;
    let len = file.metadata().map_err(at)?.len();
    let guess = named.unwrap_or(Format::Text);
    if len > options.max_bytes {
        return Err(too_large(guess, options));
    }
    // Large Akoma Ntoso streams from the file: the input is not held beside the model.
    // (Only a large file is looked at first: a smaller one is read straight into its
    // buffer, with no copy through a reader's own.)
    #[cfg(feature = "akn")]
    if len > options.stream_from {
        use std::io::BufRead;
        let mut input = std::io::BufReader::with_capacity(64 << 10, file);
        let head = input.fill_buf().map_err(at)?;
        if named.or_else(|| Format::sniff(head)) == Some(Format::Akn) {
            check_signature(head, Format::Akn)?;
            return akn::read_from(input, options);
        }
        let bytes = read_limited(input, guess, named.is_some(), Some(len), options)?;
        return read_held(&bytes, named, options);
    }
    let bytes = read_limited(file, guess, named.is_some(), Some(len), options)?;
    read_held(&bytes, named, options)
}

/// Reads a file's bytes, held whole, as the format it is named or sniffed to be.
fn read_held(bytes: &[u8], named: Option<Format>, options: &ReadOptions) -> Result<ReadOutput> {
    let format = named
        .or_else(|| Format::sniff(bytes))
        .unwrap_or(Format::Text);
    read_bytes(bytes, format, options)
}

/// Refuses bytes whose signature is another format's than `format`'s.
fn check_signature(bytes: &[u8], format: Format) -> Result<()> {
    let looks = if bytes.starts_with(b"PK\x03\x04") {
        Some((Format::Docx, "a DOCX (zip) file"))
    } else if bytes.starts_with(b"%PDF") {
        Some((Format::Pdf, "a PDF file"))
    } else {
        None
    };
    match looks {
        Some((f, what)) if f != format => Err(Error::Syntax {
            format,
            at: Location::part("input"),
            message: format!(
                "this looks like {what}, not {}{}: read it as {} (--from {})",
                format.name(),
                if format == Format::Docx {
                    " (not a zip package)"
                } else {
                    ""
                },
                f.name(),
                f.name()
            ),
        }),
        _ => Ok(()),
    }
}

/// Reads at most `max_bytes` (more is an error); text (`format` is text and `named`: not a
/// guess) with its lines measured as they come. `len`, a file's size, sizes the buffer
/// once (a buffer grown by doubling holds up to twice the input, and the input is held
/// for the whole read).
fn read_limited(
    mut reader: impl std::io::Read,
    format: Format,
    named: bool,
    len: Option<u64>,
    options: &ReadOptions,
) -> Result<Vec<u8>> {
    let cap = len.map_or(0, |n| n.min(options.max_bytes).saturating_add(1));
    let mut bytes = Vec::with_capacity(usize::try_from(cap).unwrap_or(0));
    if format != Format::Text || !named {
        reader
            .take(options.max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)?;
        if bytes.len() as u64 > options.max_bytes {
            return Err(too_large(format, options));
        }
        return Ok(bytes);
    }
    // Text is read in chunks, its lines measured as they come: a line longer than
    // `max_string_bytes` (a 200 MB file of one line) is refused before the rest is read.
    let mut chunk = vec![0u8; 64 << 10];
    let (mut line, mut line_len) = (1u64, 0u64);
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        };
        let got = chunk.get(..n).unwrap_or_default();
        for piece in got.split_inclusive(|&b| b == b'\n') {
            line_len += piece.len() as u64;
            if line_len > options.max_string_bytes.saturating_add(1) {
                return Err(Error::Limit {
                    format,
                    at: Location::line("input", line),
                    what: "length of a line in bytes",
                    limit: options.max_string_bytes,
                    option: "max_string_bytes",
                });
            }
            if piece.ends_with(b"\n") {
                line += 1;
                line_len = 0;
            }
        }
        bytes.extend_from_slice(got);
        if bytes.len() as u64 > options.max_bytes {
            return Err(too_large(format, options));
        }
    }
    Ok(bytes)
}

fn too_large(format: Format, options: &ReadOptions) -> Error {
    Error::Limit {
        format,
        at: Location::part("input"),
        what: "size in bytes",
        limit: options.max_bytes,
        option: "max_bytes",
    }
}

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
