//! Walking a document: every block, every inline sequence, every note, in document order;
//! and the passes built on the walk (normalization, canonical formatting).

use super::{
    Block, Document, Inline, Note, Paragraph, Region, canonical_formatting, normalize_inlines,
};

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

    /// Calls `f` on every inline sequence of the document outside notes (title notes,
    /// summary, headings, paragraphs, resolutions' parts, annex titles): notes' content is
    /// `f`'s business.
    pub fn for_each_inlines_mut(&mut self, f: &mut dyn FnMut(&mut Vec<Inline>)) {
        for n in &mut self.meta.title_notes {
            f(&mut n.content);
        }
        for_each_inlines_mut(&mut self.meta.summary, f);
        for_each_inlines_mut(&mut self.body, f);
        for a in &mut self.annexes {
            f(&mut a.title);
            for_each_inlines_mut(&mut a.body, f);
        }
    }

    /// Puts formatting in the form word processors can carry ([`canonical_formatting`]),
    /// everywhere: what a DOCX round trip gives back.
    pub fn canonical_formatting(&mut self) {
        self.for_each_inlines_mut(&mut canonical_formatting);
    }

    /// Puts every inline sequence in canonical form (see [`normalize_inlines`]).
    pub fn normalize(&mut self) {
        self.for_each_inlines_mut(&mut normalize_inlines);
    }
}

/// Applies [`canonical_formatting`] to every inline sequence inside blocks.
pub fn canonical_blocks(blocks: &mut [Block]) {
    for_each_inlines_mut(blocks, &mut canonical_formatting);
}

/// Calls `f` on every inline sequence inside blocks (headings, paragraphs, resolution
/// parts; notes' content is the caller's business).
pub fn for_each_inlines_mut(blocks: &mut [Block], f: &mut dyn FnMut(&mut Vec<Inline>)) {
    fn para(p: &mut Paragraph, f: &mut dyn FnMut(&mut Vec<Inline>)) {
        f(&mut p.content);
        p.subparagraphs.iter_mut().for_each(|s| para(s, f));
    }
    for b in blocks {
        match b {
            Block::Division(d) => {
                f(&mut d.heading);
                for_each_inlines_mut(&mut d.content, f);
            }
            Block::Paragraph(p) => para(p, f),
            Block::List(l) => l.items.iter_mut().for_each(|i| for_each_inlines_mut(i, f)),
            Block::Table(t) => t
                .rows
                .iter_mut()
                .flat_map(|r| r.cells.iter_mut())
                .for_each(|c| for_each_inlines_mut(c, f)),
            Block::Quote(q) => for_each_inlines_mut(q, f),
            Block::Resolution(r) => {
                f(&mut r.title);
                f(&mut r.origin);
                f(&mut r.formula);
                for_each_inlines_mut(&mut r.preamble, f);
                for_each_inlines_mut(&mut r.operative, f);
                for a in &mut r.annexes {
                    f(&mut a.title);
                    for_each_inlines_mut(&mut a.body, f);
                }
            }
        }
    }
}

/// Normalizes every inline sequence inside blocks (see [`normalize_inlines`]).
pub fn normalize_blocks(blocks: &mut [Block]) {
    for_each_inlines_mut(blocks, &mut normalize_inlines);
}
