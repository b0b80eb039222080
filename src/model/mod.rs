//! The UN document model: pure data with serde, no I/O and no format knowledge.
//!
//! A [`Document`] is its masthead ([`Meta`]), its body (a list of [`Block`]s) and its
//! [`Annex`]es. Numbers, symbols and headings keep their printed form; footnotes live inside
//! the inline content at their reference point ([`Inline::Note`]).

mod body;
mod check;
mod inline;
mod meta;
mod symbol;

pub use body::{
    Annex, Block, Division, DivisionKind, List, Paragraph, Resolution, Table, TableRow,
    canonical_blocks, for_each_inlines_mut, last_paragraph_at, normalize_blocks,
};
pub use check::{Finding, Severity};
pub use inline::{
    Inline, Link, Note, Reference, RunFormat, build_runs, canonical_formatting, flatten_runs,
    link_symbols, normalize_inlines, plain_text,
};
pub use meta::{
    AgendaItem, Date, Distribution, DocKind, JobNumber, Language, MONTHS, Meta, SET_KEYS, Session,
    TitleNote,
};
pub use symbol::{
    FINALS, MAX_SYMBOL_LEN, NUMBERED_SPECIALS, Part, PartKind, SERIES, SPECIALS, Symbol,
    SymbolError, find_symbols,
};

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
    /// Calls `f` on every block of summary, body and annexes in document order (not inside
    /// notes), with its region and division depth.
    pub fn walk(&self, f: &mut dyn FnMut(&Block, Region, usize)) {
        fn go(bs: &[Block], r: Region, depth: usize, f: &mut dyn FnMut(&Block, Region, usize)) {
            for b in bs {
                f(b, r, depth);
                match b {
                    Block::Division(d) => go(&d.content, r, depth + 1, f),
                    Block::List(l) => l.items.iter().for_each(|i| go(i, r, depth, f)),
                    Block::Table(t) => t
                        .rows
                        .iter()
                        .flat_map(|r| &r.cells)
                        .for_each(|c| go(c, r, depth, f)),
                    Block::Quote(q) => go(q, r, depth, f),
                    Block::Resolution(res) => {
                        go(&res.preamble, r, depth, f);
                        go(&res.operative, r, depth, f);
                        res.annexes.iter().for_each(|a| go(&a.body, r, depth, f));
                    }
                    Block::Paragraph(_) => {}
                }
            }
        }
        go(&self.meta.summary, Region::Summary, 0, f);
        go(&self.body, Region::Body, 0, f);
        for (i, a) in self.annexes.iter().enumerate() {
            go(&a.body, Region::Annex(i), 0, f);
        }
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
            if let (Block::Paragraph(p), Region::Body | Region::Annex(_)) = (b, r) {
                if let Some(n) = &p.num {
                    out.push(n.clone());
                }
            }
        });
        out
    }

    /// Every inline sequence of the document (masthead notes, headings, paragraphs, notes'
    /// content included), with a flag telling whether it is inside a note.
    pub fn for_each_inlines(&self, f: &mut dyn FnMut(&[Inline], bool)) {
        fn blocks(bs: &[Block], in_note: bool, f: &mut dyn FnMut(&[Inline], bool)) {
            for b in bs {
                match b {
                    Block::Division(d) => {
                        inl(&d.heading, in_note, f);
                        blocks(&d.content, in_note, f);
                    }
                    Block::Paragraph(p) => para(p, in_note, f),
                    Block::List(l) => l.items.iter().for_each(|i| blocks(i, in_note, f)),
                    Block::Table(t) => t
                        .rows
                        .iter()
                        .flat_map(|r| &r.cells)
                        .for_each(|c| blocks(c, in_note, f)),
                    Block::Quote(q) => blocks(q, in_note, f),
                    Block::Resolution(r) => {
                        inl(&r.title, in_note, f);
                        inl(&r.origin, in_note, f);
                        inl(&r.formula, in_note, f);
                        blocks(&r.preamble, in_note, f);
                        blocks(&r.operative, in_note, f);
                        for a in &r.annexes {
                            inl(&a.title, in_note, f);
                            blocks(&a.body, in_note, f);
                        }
                    }
                }
            }
        }
        fn para(p: &Paragraph, in_note: bool, f: &mut dyn FnMut(&[Inline], bool)) {
            inl(&p.content, in_note, f);
            p.subparagraphs.iter().for_each(|s| para(s, in_note, f));
        }
        fn inl(v: &[Inline], in_note: bool, f: &mut dyn FnMut(&[Inline], bool)) {
            f(v, in_note);
            for i in v {
                match i {
                    Inline::Emphasis(c)
                    | Inline::Strong(c)
                    | Inline::Superscript(c)
                    | Inline::Subscript(c) => inl(c, in_note, f),
                    Inline::Link(l) => inl(&l.content, in_note, f),
                    Inline::Note(n) => blocks(&n.content, true, f),
                    _ => {}
                }
            }
        }
        for n in &self.meta.title_notes {
            inl(&n.content, true, f);
        }
        blocks(&self.meta.summary, false, f);
        blocks(&self.body, false, f);
        for a in &self.annexes {
            inl(&a.title, false, f);
            blocks(&a.body, false, f);
        }
    }

    /// Footnotes in document order (title notes not included).
    pub fn notes(&self) -> Vec<&Note> {
        let mut out = Vec::new();
        fn blocks<'a>(bs: &'a [Block], out: &mut Vec<&'a Note>) {
            for b in bs {
                match b {
                    Block::Division(d) => {
                        inl(&d.heading, out);
                        blocks(&d.content, out);
                    }
                    Block::Paragraph(p) => para(p, out),
                    Block::List(l) => l.items.iter().for_each(|i| blocks(i, out)),
                    Block::Table(t) => t
                        .rows
                        .iter()
                        .flat_map(|r| &r.cells)
                        .for_each(|c| blocks(c, out)),
                    Block::Quote(q) => blocks(q, out),
                    Block::Resolution(r) => {
                        inl(&r.title, out);
                        inl(&r.origin, out);
                        inl(&r.formula, out);
                        blocks(&r.preamble, out);
                        blocks(&r.operative, out);
                        for a in &r.annexes {
                            inl(&a.title, out);
                            blocks(&a.body, out);
                        }
                    }
                }
            }
        }
        fn para<'a>(p: &'a Paragraph, out: &mut Vec<&'a Note>) {
            inl(&p.content, out);
            p.subparagraphs.iter().for_each(|s| para(s, out));
        }
        fn inl<'a>(v: &'a [Inline], out: &mut Vec<&'a Note>) {
            for i in v {
                match i {
                    Inline::Emphasis(c)
                    | Inline::Strong(c)
                    | Inline::Superscript(c)
                    | Inline::Subscript(c) => inl(c, out),
                    Inline::Link(l) => inl(&l.content, out),
                    Inline::Note(n) => {
                        out.push(n);
                        blocks(&n.content, out);
                    }
                    _ => {}
                }
            }
        }
        blocks(&self.meta.summary, &mut out);
        blocks(&self.body, &mut out);
        for a in &self.annexes {
            inl(&a.title, &mut out);
            blocks(&a.body, &mut out);
        }
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

    /// Puts formatting in the form word processors can carry ([`canonical_formatting`]),
    /// everywhere: what a DOCX round trip gives back.
    pub fn canonical_formatting(&mut self) {
        for n in &mut self.meta.title_notes {
            canonical_formatting(&mut n.content);
        }
        canonical_blocks(&mut self.meta.summary);
        canonical_blocks(&mut self.body);
        for a in &mut self.annexes {
            canonical_formatting(&mut a.title);
            canonical_blocks(&mut a.body);
        }
    }

    /// Puts every inline sequence in canonical form (see [`normalize_inlines`]).
    pub fn normalize(&mut self) {
        for n in &mut self.meta.title_notes {
            normalize_inlines(&mut n.content);
        }
        normalize_blocks(&mut self.meta.summary);
        normalize_blocks(&mut self.body);
        for a in &mut self.annexes {
            normalize_inlines(&mut a.title);
            normalize_blocks(&mut a.body);
        }
    }
}
