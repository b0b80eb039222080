//! The UN document model: pure data with serde, no I/O and no format knowledge.
//!
//! A [`Document`] is its masthead ([`Meta`]), its body (a list of [`Block`]s) and its
//! [`Annex`]es. Numbers, symbols and headings keep their printed form; footnotes live inside
//! the inline content at their reference point ([`Inline::Note`]).

mod body;
mod check;
mod inline;
mod meta;
#[cfg_attr(
    not(any(feature = "text", feature = "docx", feature = "pdf")),
    allow(unused_imports)
)]
pub(crate) use meta::words;
mod symbol;
mod walk;

pub use body::{
    Annex, Block, Division, DivisionKind, List, Paragraph, Resolution, Table, TableRow,
    last_paragraph_at,
};
pub use check::{Finding, Severity};
pub use inline::{
    Inline, Link, Note, Reference, canonical_formatting, link_symbols, normalize_inlines,
    plain_text,
};
#[cfg_attr(not(feature = "docx"), allow(unused_imports))]
pub(crate) use inline::{
    RunFormat, build_runs, compact, flatten_runs, plain_head, plain_text_joined, split_symbols,
};
pub use meta::{
    AgendaItem, Date, Distribution, DocKind, JobNumber, Language, MONTHS, Meta, SET_KEYS, Session,
    TitleNote,
};
pub use symbol::{
    FINALS, MAX_SYMBOL_LEN, NUMBERED_SPECIALS, Part, PartKind, SERIES, SPECIALS, Symbol,
    SymbolError, find_symbols,
};
pub use walk::{canonical_blocks, for_each_inlines_mut, normalize_blocks};

use serde::{Deserialize, Serialize};

/// A UN document.
///
/// ```
/// use undocs::model::*;
/// let mut doc = Document::default();
/// doc.meta.symbols.push("A/HRC/31/81".parse()?);
/// doc.body.push(Block::Paragraph(Paragraph {
///     num: Some("1.".into()),
///     content: vec![Inline::Text("In its resolution 28/2…".into())],
///     subparagraphs: vec![],
/// }));
/// assert_eq!(doc.counts().numbered_paragraphs, 1);
/// # Ok::<(), undocs::model::SymbolError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Document {
    /// The masthead and metadata.
    pub meta: Meta,
    /// The main body.
    pub body: Vec<Block>,
    /// Annexes, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub annexes: Vec<Annex>,
}

/// A heading in document order, as `undocs info` lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HeadingInfo {
    /// Nesting depth, 1 for top-level divisions.
    pub level: usize,
    /// The number as printed.
    pub num: Option<String>,
    /// The heading's plain text.
    pub text: String,
}

/// How much a document holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Paragraphs with a number (subparagraphs not included).
    pub numbered_paragraphs: usize,
    /// All paragraphs, subparagraphs included, outside notes.
    pub paragraphs: usize,
    /// Footnotes (title notes not included).
    pub footnotes: usize,
    /// Headings (divisions).
    pub headings: usize,
    /// Words in the body, annexes and notes (whitespace-separated).
    pub words: usize,
}

/// Where a block stands while walking a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    /// The main body (index of the annex otherwise).
    Body,
    /// The summary in the masthead.
    Summary,
    /// An annex, by index.
    Annex(usize),
}

impl Document {
    /// Whether a writer prints the title only in the body: a resolution document whose
    /// title is its resolution's, printed once after the number ("73/8. Title"), as the UN
    /// prints it (title notes, if any, keep it in the title block).
    #[cfg_attr(not(any(feature = "docx", feature = "pdf")), allow(dead_code))]
    pub(crate) fn title_printed_by_resolution(&self) -> bool {
        self.meta.title_notes.is_empty()
            && matches!(self.body.first(), Some(Block::Resolution(r))
                if r.num.is_some()
                    && self.meta.title.as_deref().is_some_and(|t| t.trim() == plain_text(&r.title).trim()))
    }

    /// Headings in document order.
    pub fn headings(&self) -> Vec<HeadingInfo> {
        let mut out = Vec::new();
        self.walk(&mut |b, _, depth| {
            if let Block::Division(d) = b {
                out.push(HeadingInfo {
                    level: depth + 1,
                    num: d.num.clone(),
                    text: plain_text(&d.heading).trim().to_string(),
                });
            }
        });
        out
    }

    /// Numbers of numbered paragraphs as printed, in document order (body, then annexes).
    pub fn paragraph_numbers(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.walk(&mut |b, r, _| {
            if let (Block::Paragraph(p), Region::Body | Region::Annex(_)) = (b, r)
                && let Some(n) = &p.num
            {
                out.push(n.clone());
            }
        });
        out
    }

    /// Counts of paragraphs, footnotes, headings and words.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        self.walk(&mut |b, r, _| match b {
            Block::Division(_) => c.headings += 1,
            Block::Paragraph(p) if r != Region::Summary => {
                fn count(p: &Paragraph, c: &mut Counts) {
                    c.paragraphs += 1;
                    p.subparagraphs.iter().for_each(|s| count(s, c));
                }
                if p.num.is_some() {
                    c.numbered_paragraphs += 1;
                }
                count(p, &mut c);
            }
            _ => {}
        });
        c.footnotes = self.notes().len();
        self.for_each_inlines(&mut |v, _| {
            for i in v {
                match i {
                    Inline::Text(t) => c.words += t.split_whitespace().count(),
                    Inline::Ref(_) => c.words += 1,
                    _ => {}
                }
            }
        });
        c
    }

    /// Structural lint: see [`Finding`].
    pub fn check(&self) -> Vec<Finding> {
        check::check(self)
    }
}
