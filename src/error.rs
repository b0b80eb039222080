//! The one error type of the crate.

use crate::Format;

/// Everything that can go wrong reading, writing or converting. Each message says what,
/// where (format, part, line/column or JSON path) and why.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// This build cannot do this yet (or was built without the format's feature).
    #[error("{action} {format} is not supported {why}")]
    Unsupported {
        /// "reading" or "writing".
        action: &'static str,
        /// The format.
        format: Format,
        /// "yet", or "in this build (enable the cargo feature `docx`)".
        why: String,
    },
    /// The input is larger than a limit in [`crate::ReadOptions`].
    #[error(
        "{format} input, {at}: {what} exceeds the limit of {limit} (raise ReadOptions::{option})"
    )]
    Limit {
        /// The format being read.
        format: Format,
        /// Where: the part of the input ("input", "word/document.xml"…), with the line
        /// where known.
        at: crate::Location,
        /// What is too large ("size in bytes", "nesting depth"…).
        what: &'static str,
        /// The limit in force.
        limit: u64,
        /// The option that sets it.
        option: &'static str,
    },
    /// The input is not well-formed or not what the format requires.
    #[error("{format} input, {at}: {message}")]
    Syntax {
        /// The format being read.
        format: Format,
        /// Where: the part of the input (a file inside a package, or "input"), with line
        /// and column where known.
        at: crate::Location,
        /// What is wrong.
        message: String,
    },
    /// JSON that does not match the model, with the JSON path of the offending value.
    #[error("JSON input at {path} (line {line}, column {column}): {message}")]
    Json {
        /// Path like `body[3].paragraph.num` (`.` for the top).
        path: String,
        /// Line, 1-based.
        line: usize,
        /// Column, 1-based.
        column: usize,
        /// What serde_json said.
        message: String,
    },
    /// A value that does not parse (a date, language, kind, job number, `--set` key…).
    #[error("invalid {what} {value:?}: expected {expected}")]
    Value {
        /// What kind of value.
        what: &'static str,
        /// The value given (cut to 40 characters).
        value: String,
        /// What was expected.
        expected: &'static str,
    },
    /// The document holds something the output format cannot carry (a division inside a
    /// footnote for Akoma Ntoso, a control character for XML…).
    #[error("{format} output: cannot write {what}")]
    Unrepresentable {
        /// The format being written.
        format: Format,
        /// What cannot be written, and where.
        what: String,
    },
    /// A string that is not a UN document symbol.
    #[error(transparent)]
    Symbol(#[from] crate::model::SymbolError),
    /// An input/output error.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
}

/// `Result` with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
