//! The document as a flow of set lines, in the UN's Geneva layout (A4; measures from the UN
//! templates and samples 04 and 06): body text 10 pt on 12 pt at 4 cm from the page's edge,
//! paragraph numbers at the text's left with the text at the next centimetre, headings by
//! level, notes in 9 pt. Each line says what it keeps with, where it belongs in the tagged
//! structure, and which notes it calls.

use super::fonts::Fonts;
use super::layout::{Align, Frame, Line, Style, set};
use crate::model::{Annex, Block, DivisionKind, Inline, Meta, Note, Paragraph, Table, plain_text};

/// Page width and height (A4), in points.
pub(crate) const PAGE_W: f32 = 595.3;
pub(crate) const PAGE_H: f32 = 841.9;
/// The page margin (2 cm) and the body text's edges (2 cm further in).
pub(crate) const MARGIN: f32 = 56.7;
pub(crate) const TEXT_L: f32 = 113.4;
pub(crate) const TEXT_R: f32 = PAGE_W - 113.4;
/// One centimetre: the UN template's tab.
pub(crate) const TAB: f32 = 28.35;

/// A structure element of the tagged PDF.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum GroupKind {
    Section,
    Heading(u16, String),
    P,
    Note,
    Table,
    Row,
    HeaderCell,
    Cell,
    List,
    Item,
    Quote,
}

#[derive(Clone, Debug)]
pub(crate) struct Group {
    pub kind: GroupKind,
    pub parent: Option<usize>,
}

/// A table cell's lines, each at its offset below the row's top.
#[derive(Clone, Debug)]
pub(crate) struct Cell {
    pub lines: Vec<(f32, Line, usize)>,
}

/// A set line in the flow, or a table row.
#[derive(Clone, Debug)]
pub(crate) struct FlowLine {
    pub line: Line,
    /// Space above the line, dropped at the top of a page.
    pub space_before: f32,
    /// The line stays on the page of the next one.
    pub keep_with_next: bool,
    /// The line starts a page.
    pub new_page: bool,
    /// Its structure element.
    pub group: usize,
    /// Inside the summary's frame.
    pub boxed: bool,
    /// A table row's cells (the line itself then holds no glyphs).
    pub cells: Vec<Cell>,
    /// Horizontal rules: x from, x to, offset below the line's top, thickness.
    pub rules: Vec<[f32; 4]>,
    /// A heading: its level and text, for the outline.
    pub heading: Option<(usize, String)>,
    /// A table's body row: the index of its header rows, repeated on a new page.
    pub header: Option<usize>,
}

impl FlowLine {
    fn new(line: Line, group: usize) -> FlowLine {
        FlowLine {
            line,
            space_before: 0.0,
            keep_with_next: false,
            new_page: false,
            group,
            boxed: false,
            cells: Vec::new(),
            rules: Vec::new(),
            heading: None,
            header: None,
        }
    }
}

/// Where blocks are set: text edges, size, pitch, space after paragraphs.
#[derive(Clone, Copy, Debug)]
struct Env {
    left: f32,
    right: f32,
    size: f32,
    leading: f32,
    after: f32,
    italic: bool,
    depth: usize,
    /// How far in a paragraph's number stands from the left edge (a GA resolution's
    /// operative "1." a centimetre in, as the UN prints it; 0 elsewhere).
    number_in: f32,
}

const BODY: Env = Env {
    left: TEXT_L,
    right: TEXT_R,
    size: 10.0,
    leading: 12.0,
    after: 6.0,
    italic: false,
    depth: 0,
    number_in: 0.0,
};

/// Deepest nesting of blocks set; deeper content is set flat at this depth.
const MAX_DEPTH: usize = 64;

/// The flow being built.
pub(crate) struct Flow<'f> {
    pub fonts: &'f mut Fonts,
    pub lines: Vec<FlowLine>,
    pub groups: Vec<Group>,
    pub notes: Vec<Note>,
    /// Each note's lines (its nested notes' lines after its own); from note `note_base` on
    /// when the earlier ones were handed to the sink.
    pub note_lines: Vec<Vec<FlowLine>>,
    /// Header rows of each table, to repeat; from table `header_base` on.
    pub headers: Vec<Vec<FlowLine>>,
    boxed: bool,
    /// Space owed below the last line.
    pending_after: f32,
    /// Where set lines go as they are final ([`Flow::streaming`]), instead of being held.
    sink: Option<Sink<'f>>,
    /// Whether the lines being set are the body's, final once a block ends (not a note's,
    /// a table cell's or the masthead's, which are still moved or changed).
    flushable: bool,
    note_base: usize,
    header_base: usize,
}

/// Where a flow hands its batches, with the fonts they were set in (see [`Flow::streaming`]).
pub(crate) type Sink<'f> = &'f mut dyn FnMut(Batch, &Fonts);

/// Lines handed over as they are final: the body's lines, and the notes' lines and tables'
/// header rows set since the last batch; `groups`, how many tagging groups there are so far
/// (the lines' groups among them). Indices in lines (notes, headers, groups) count from
/// the flow's start, across batches.
#[derive(Debug, Default)]
pub(crate) struct Batch {
    pub lines: Vec<FlowLine>,
    pub note_lines: Vec<Vec<FlowLine>>,
    pub headers: Vec<Vec<FlowLine>>,
    pub groups: usize,
}

/// A list item's first paragraph: the bullet at the left, the text hanging 5 mm in.
fn bullet_frame(env: &Env, align: Align) -> Frame {
    Frame {
        style: style(env, false, env.size),
        leading: env.leading,
        first: env.left,
        tab: env.left + 14.2,
        rest: env.left + 14.2,
        right: env.right,
        align,
        label: Some("•".into()),
        label_style: None,
    }
}

fn style(env: &Env, bold: bool, size: f32) -> Style {
    Style {
        size,
        bold,
        italic: env.italic,
    }
}

impl<'f> Flow<'f> {
    pub(crate) fn new(fonts: &'f mut Fonts) -> Flow<'f> {
        Flow {
            fonts,
            lines: Vec::new(),
            groups: Vec::new(),
            notes: Vec::new(),
            note_lines: Vec::new(),
            headers: Vec::new(),
            boxed: false,
            pending_after: 0.0,
            sink: None,
            flushable: false,
            note_base: 0,
            header_base: 0,
        }
    }

    /// Hands the body's lines to `sink` as they are final (after each block of the body
    /// and of an annex, at any depth of divisions), with the notes and table headers set
    /// since; call after the masthead. The lines left at the end are in `lines`.
    pub(crate) fn streaming(&mut self, sink: Sink<'f>) {
        self.sink = Some(sink);
        self.flushable = true;
    }

    /// Hands what is final to the sink, if there is one and the lines in `out` are the
    /// body's ([`Flow::streaming`]).
    fn flush(&mut self, out: &mut Vec<FlowLine>) {
        if !self.flushable || out.is_empty() {
            return;
        }
        let Some(sink) = self.sink.as_mut() else {
            return;
        };
        let note_lines = std::mem::take(&mut self.note_lines);
        let headers = std::mem::take(&mut self.headers);
        self.note_base += note_lines.len();
        self.header_base += headers.len();
        sink(
            Batch {
                lines: std::mem::take(out),
                note_lines,
                headers,
                groups: self.groups.len(),
            },
            self.fonts,
        );
    }

    /// The flow's remaining lines, notes and headers, as a last batch.
    pub(crate) fn rest(&mut self) -> Batch {
        Batch {
            lines: std::mem::take(&mut self.lines),
            note_lines: std::mem::take(&mut self.note_lines),
            headers: std::mem::take(&mut self.headers),
            groups: self.groups.len(),
        }
    }

    pub(crate) fn group(&mut self, kind: GroupKind, parent: Option<usize>) -> usize {
        self.groups.push(Group { kind, parent });
        self.groups.len() - 1
    }

    /// Sets inlines in `frame` into `out`, the notes they call set too.
    fn set_into(
        &mut self,
        v: &[Inline],
        frame: &Frame,
        group: usize,
        before: f32,
        keep: bool,
        out: &mut Vec<FlowLine>,
    ) {
        let first_note = self.notes.len();
        let lines = set(v, frame, self.fonts, &mut self.notes);
        let n = lines.len();
        for (k, l) in lines.into_iter().enumerate() {
            let mut f = FlowLine::new(l, group);
            f.boxed = self.boxed;
            if k == 0 {
                f.space_before = before;
            }
            // No first line alone at a page's foot, no last line alone at its top.
            f.keep_with_next = keep || (n > 1 && (k == 0 || k + 2 == n));
            out.push(f);
        }
        self.set_notes(first_note, group);
    }

    /// Sets the notes from `first` on (and the notes those call).
    fn set_notes(&mut self, first: usize, parent: usize) {
        let mut i = first;
        while i < self.notes.len() {
            if self.note_base + self.note_lines.len() <= i {
                let note = self.notes[i].clone();
                let g = self.group(GroupKind::Note, Some(parent));
                let mut lines = Vec::new();
                let saved = (self.boxed, self.flushable);
                self.boxed = false;
                self.flushable = false;
                self.note(&note, g, &mut lines);
                (self.boxed, self.flushable) = saved;
                self.note_lines.push(lines);
            }
            i += 1;
        }
    }

    fn note(&mut self, n: &Note, g: usize, out: &mut Vec<FlowLine>) {
        let env = Env {
            left: TEXT_L,
            right: TEXT_R,
            size: 9.0,
            leading: 11.0,
            after: 0.0,
            italic: false,
            depth: 0,
            number_in: 0.0,
        };
        let mut first = true;
        let mut blocks_out = Vec::new();
        for b in &n.content {
            match b {
                Block::Paragraph(p) if first && p.num.is_none() => {
                    // The mark hangs left of the text, raised.
                    let mut v = vec![Inline::Superscript(vec![Inline::Text(n.marker.clone())])];
                    v.push(Inline::Text(" ".into()));
                    v.extend(p.content.iter().cloned());
                    let frame = self.note_frame(&env, &n.marker, Align::Justify);
                    self.set_into(&v, &frame, g, 0.0, false, &mut blocks_out);
                    for s in &p.subparagraphs {
                        self.paragraph(s, 1, &env, g, &mut blocks_out);
                    }
                }
                b => self.block(b, &env, g, &mut blocks_out),
            }
            first = false;
        }
        if n.content.is_empty()
            || !matches!(n.content.first(), Some(Block::Paragraph(p)) if p.num.is_none())
        {
            // A note that starts otherwise: its mark on a line of its own.
            let v = vec![Inline::Superscript(vec![Inline::Text(n.marker.clone())])];
            let frame = self.note_frame(&env, &n.marker, Align::Left);
            let mut mark = Vec::new();
            self.set_into(&v, &frame, g, 0.0, false, &mut mark);
            mark.append(&mut blocks_out);
            blocks_out = mark;
        }
        for l in &mut blocks_out {
            l.keep_with_next = false;
        }
        out.append(&mut blocks_out);
    }

    /// A note's first line: its raised mark hanging left of the text.
    fn note_frame(&mut self, env: &Env, marker: &str, align: Align) -> Frame {
        Frame {
            style: style(env, false, 9.0),
            leading: env.leading,
            first: TEXT_L - self.mark_width(marker, 9.0) - 2.5,
            tab: 0.0,
            rest: TEXT_L,
            right: TEXT_R,
            align,
            label: None,
            label_style: None,
        }
    }

    fn mark_width(&mut self, m: &str, size: f32) -> f32 {
        m.chars()
            .map(|c| {
                self.fonts
                    .map(super::fonts::Face::Regular, c)
                    .map_or(0.0, |g| g.advance * size * 0.67)
            })
            .sum()
    }

    fn paragraph(
        &mut self,
        p: &Paragraph,
        level: usize,
        env: &Env,
        parent: usize,
        out: &mut Vec<FlowLine>,
    ) {
        let g = self.group(GroupKind::P, Some(parent));
        let indent = TAB * level.min(4) as f32 + if level == 0 { env.number_in } else { 0.0 };
        // Items numbered "1.", "2."… inside a paragraph are set as an indented block, as
        // the UN sets them.
        let block = level > 0 && p.numbered_with_digits();
        let frame = Frame {
            style: style(env, false, env.size),
            leading: env.leading,
            first: env.left + indent,
            tab: env.left + indent + TAB,
            rest: if block { env.left + indent } else { env.left },
            right: env.right,
            align: Align::Justify,
            label: p.num.clone(),
            label_style: None,
        };
        let before = std::mem::take(&mut self.pending_after);
        self.set_into(&p.content, &frame, g, before, false, out);
        self.pending_after = env.after;
        for s in &p.subparagraphs {
            self.paragraph(s, level + 1, env, g, out);
        }
    }

    /// A heading line (or lines), kept with what follows.
    #[allow(clippy::too_many_arguments)]
    fn heading(
        &mut self,
        num: Option<&str>,
        text: &[Inline],
        size: f32,
        leading: f32,
        (bold, italic): (bool, bool),
        first: f32,
        (before, after): (f32, f32),
        level: usize,
        env: &Env,
        parent: usize,
        out: &mut Vec<FlowLine>,
    ) {
        let title = plain_text(text).trim().to_string();
        let g = self.group(
            GroupKind::Heading(level.clamp(1, 6) as u16, title.clone()),
            Some(parent),
        );
        let st = Style { size, bold, italic };
        let frame = Frame {
            style: st,
            leading,
            first: if num.is_some() { first } else { env.left },
            tab: env.left,
            rest: env.left,
            right: env.right,
            align: Align::Left,
            label: num.map(str::to_string),
            label_style: None,
        };
        let before = before.max(self.pending_after);
        let start = out.len();
        self.set_into(text, &frame, g, before, true, out);
        if let Some(f) = out.get_mut(start) {
            let full = match num {
                Some(n) => format!("{n} {title}"),
                None => title,
            };
            f.heading = Some((level, full));
        }
        self.pending_after = after;
    }

    pub(crate) fn blocks(&mut self, bs: &[Block], parent: usize) {
        let mut out = std::mem::take(&mut self.lines);
        for b in bs {
            self.block(b, &BODY, parent, &mut out);
            self.flush(&mut out);
        }
        self.lines = out;
    }

    fn block(&mut self, b: &Block, env: &Env, parent: usize, out: &mut Vec<FlowLine>) {
        let mut env = *env;
        env.depth += 1;
        if env.depth > MAX_DEPTH {
            env.depth = MAX_DEPTH;
        }
        let in_body = env.left == TEXT_L;
        match b {
            Block::Paragraph(p) => self.paragraph(p, 0, &env, parent, out),
            Block::Division(d) => {
                let g = self.group(GroupKind::Section, Some(parent));
                let level = match d.kind {
                    DivisionKind::Part => 1,
                    DivisionKind::Chapter => 1,
                    DivisionKind::Section => 2,
                    DivisionKind::Subsection => 3,
                    DivisionKind::Heading => 4,
                };
                let (size, lead, style, first, space) = match d.kind {
                    DivisionKind::Part | DivisionKind::Chapter => {
                        (14.0, 16.0, (true, false), MARGIN, (24.0, 12.0))
                    }
                    DivisionKind::Section => (12.0, 14.0, (true, false), MARGIN + TAB, (12.0, 6.0)),
                    DivisionKind::Subsection => {
                        (10.0, 12.0, (true, false), MARGIN + TAB, (12.0, 6.0))
                    }
                    DivisionKind::Heading => (10.0, 12.0, (false, true), MARGIN + TAB, (12.0, 6.0)),
                };
                let first = if in_body { first } else { env.left };
                self.heading(
                    d.num.as_deref(),
                    &d.heading,
                    size,
                    lead,
                    style,
                    first,
                    space,
                    level,
                    &env,
                    g,
                    out,
                );
                for c in &d.content {
                    self.block(c, &env, g, out);
                    self.flush(out);
                }
            }
            Block::List(l) => {
                let g = self.group(GroupKind::List, Some(parent));
                for item in &l.items {
                    let ig = self.group(GroupKind::Item, Some(g));
                    let inner = Env {
                        left: env.left + 14.2,
                        ..env
                    };
                    for (k, b) in item.iter().enumerate() {
                        match b {
                            Block::Paragraph(p) if k == 0 && p.num.is_none() => {
                                let pg = self.group(GroupKind::P, Some(ig));
                                let frame = bullet_frame(&env, Align::Justify);
                                let before = std::mem::take(&mut self.pending_after);
                                self.set_into(&p.content, &frame, pg, before, false, out);
                                self.pending_after = env.after;
                                for s in &p.subparagraphs {
                                    self.paragraph(s, 1, &inner, pg, out);
                                }
                            }
                            b => self.block(b, &inner, ig, out),
                        }
                    }
                    if item.is_empty() {
                        // An empty item still shows its bullet.
                        let pg = self.group(GroupKind::P, Some(ig));
                        let frame = bullet_frame(&env, Align::Left);
                        let before = std::mem::take(&mut self.pending_after);
                        self.set_into(&[], &frame, pg, before, false, out);
                        self.pending_after = env.after;
                    }
                }
            }
            Block::Quote(q) => {
                let g = self.group(GroupKind::Quote, Some(parent));
                let inner = Env {
                    left: env.left + TAB,
                    right: env.right - TAB,
                    ..env
                };
                for b in q {
                    self.block(b, &inner, g, out);
                }
            }
            Block::Table(t) => self.table(t, &env, parent, out),
            Block::Resolution(r) => {
                let g = self.group(GroupKind::Section, Some(parent));
                // A resolution prints "73/8. Title"; a decision "Decision 6/CMA.3" on a
                // line of its own, its title under it.
                let resolution_number = r.numbered_as_a_resolution();
                let x = if in_body { TEXT_L } else { env.left };
                // "[without reference to a Main Committee (A/73/L.3)]" stands over the
                // number and title, as the UN prints it.
                if !r.origin.is_empty() {
                    self.resolution_part(&r.origin, true, 0.0, Align::Left, &env, g, out);
                }
                match &r.num {
                    Some(n) if !resolution_number => {
                        self.heading(
                            None,
                            &[Inline::Text(format!("Decision {n}"))],
                            12.0,
                            14.0,
                            (true, false),
                            x,
                            (18.0, 6.0),
                            1,
                            &env,
                            g,
                            out,
                        );
                        if !r.title.is_empty() {
                            self.heading(
                                None,
                                &r.title,
                                12.0,
                                14.0,
                                (true, false),
                                x,
                                (0.0, 12.0),
                                2,
                                &env,
                                g,
                                out,
                            );
                        }
                    }
                    _ if r.num.is_some() || !r.title.is_empty() => {
                        let num = r.num.as_ref().map(|n| format!("{n}."));
                        self.heading(
                            num.as_deref(),
                            &r.title,
                            12.0,
                            14.0,
                            (true, false),
                            if in_body { MARGIN } else { env.left },
                            (18.0, 12.0),
                            1,
                            &env,
                            g,
                            out,
                        );
                    }
                    _ => {}
                }
                if !r.formula.is_empty() {
                    self.resolution_part(&r.formula, false, TAB, Align::Left, &env, g, out);
                }
                // Preambular paragraphs start a centimetre in, as the formula does (sample
                // 10, and the FCCC decisions of sample 01).
                for b in &r.preamble {
                    match b {
                        Block::Paragraph(p) if p.num.is_none() && p.subparagraphs.is_empty() => {
                            let italic = env.italic;
                            self.resolution_part(
                                &p.content,
                                italic,
                                TAB,
                                Align::Justify,
                                &env,
                                g,
                                out,
                            );
                        }
                        b => self.block(b, &env, g, out),
                    }
                }
                // A GA resolution's operative paragraphs set their number a centimetre in,
                // the text at the next centimetre and the later lines at the margin (sample
                // 10); a decision's hang it at the margin (the FCCC decisions of sample 01).
                let operative = Env {
                    number_in: if resolution_number { TAB } else { 0.0 },
                    ..env
                };
                for b in &r.operative {
                    self.block(b, &operative, g, out);
                }
                // "30th plenary meeting" / "1 November 2018" end at the right margin, as in
                // sample 10 and the FCCC decisions of sample 01.
                for a in &r.adoption {
                    let pg = self.group(GroupKind::P, Some(g));
                    let frame = Frame {
                        style: Style {
                            size: env.size,
                            bold: false,
                            italic: true,
                        },
                        leading: env.leading,
                        first: env.left,
                        tab: env.left,
                        rest: env.left,
                        right: env.right,
                        align: Align::Right,
                        label: None,
                        label_style: None,
                    };
                    let before = std::mem::take(&mut self.pending_after).max(12.0);
                    self.set_into(&[Inline::Text(a.clone())], &frame, pg, before, false, out);
                    self.pending_after = env.after;
                }
                for a in &r.annexes {
                    self.annex_into(a, g, out);
                }
            }
        }
    }

    /// A paragraph of a resolution's own parts, from the left margin: `italic` its base
    /// style (the origin is set in italics, as the UN prints it; the formula's and the
    /// preamble's italics are their own: "*The General Assembly*," keeps its comma
    /// upright), its first line `indent` in.
    #[allow(clippy::too_many_arguments)]
    fn resolution_part(
        &mut self,
        v: &[Inline],
        italic: bool,
        indent: f32,
        align: Align,
        env: &Env,
        parent: usize,
        out: &mut Vec<FlowLine>,
    ) {
        let pg = self.group(GroupKind::P, Some(parent));
        let frame = Frame {
            style: Style {
                size: env.size,
                bold: false,
                italic,
            },
            leading: env.leading,
            first: env.left + indent,
            tab: env.left + indent,
            rest: env.left,
            right: env.right,
            align,
            label: None,
            label_style: None,
        };
        let before = std::mem::take(&mut self.pending_after);
        self.set_into(v, &frame, pg, before, false, out);
        self.pending_after = env.after;
    }

    fn table(&mut self, t: &Table, env: &Env, parent: usize, out: &mut Vec<FlowLine>) {
        let g = self.group(GroupKind::Table, Some(parent));
        let cols = t.columns().max(1);
        let left = env.left;
        let width = (env.right - left) / cols as f32;
        let pad = 2.8;
        // (Held whole: a table's rows and cells are set before they are final.)
        let flushable = std::mem::replace(&mut self.flushable, false);
        let header_index = self.header_base + self.headers.len();
        let local_header = self.headers.len();
        self.headers.push(Vec::new());
        let has_header = t.rows.first().is_some_and(|r| r.header);
        let before = std::mem::take(&mut self.pending_after).max(6.0);
        let n = t.rows.len();
        for (ri, row) in t.rows.iter().enumerate() {
            let rg = self.group(GroupKind::Row, Some(g));
            let mut cells = Vec::new();
            let mut height: f32 = 0.0;
            let mut notes = Vec::new();
            for (ci, c) in row.cells.iter().enumerate() {
                let cg = self.group(
                    if row.header {
                        GroupKind::HeaderCell
                    } else {
                        GroupKind::Cell
                    },
                    Some(rg),
                );
                let cenv = Env {
                    left: left + ci as f32 * width + pad,
                    right: left + (ci + 1) as f32 * width - pad,
                    size: 9.0,
                    leading: 11.0,
                    after: 3.0,
                    italic: row.header,
                    depth: env.depth,
                    number_in: 0.0,
                };
                let mut lines = Vec::new();
                self.pending_after = 0.0;
                for b in c {
                    self.block(b, &cenv, cg, &mut lines);
                }
                let mut y = pad;
                let mut placed = Vec::new();
                for (k, l) in lines.into_iter().enumerate() {
                    if k > 0 {
                        y += l.space_before;
                    }
                    notes.extend(l.line.notes.iter().copied());
                    let h = l.line.height;
                    placed.push((y, l.line, l.group));
                    // A nested table's rows are flattened into their own lines' glyphs.
                    for c in l.cells {
                        for (dy, line, grp) in c.lines {
                            placed.push((y + dy, line, grp));
                        }
                    }
                    y += h;
                }
                height = height.max(y + pad);
                cells.push(Cell { lines: placed });
            }
            if row.cells.is_empty() {
                height = height.max(11.0 + 2.0 * pad);
            }
            self.pending_after = 0.0;
            let line = Line {
                pieces: Vec::new(),
                height,
                baseline: 0.0,
                notes,
                end: env.right,
                links: Vec::new(),
            };
            let mut f = FlowLine::new(line, rg);
            f.cells = cells;
            f.boxed = self.boxed;
            if ri == 0 {
                f.space_before = before;
                f.rules.push([left, env.right, 0.0, 0.5]);
            }
            f.rules.push([
                left,
                env.right,
                height,
                if ri + 1 == n { 0.5 } else { 0.25 },
            ]);
            f.keep_with_next = row.header;
            if row.header {
                self.headers[local_header].push(f.clone());
            } else if has_header {
                f.header = Some(header_index);
            }
            out.push(f);
        }
        self.pending_after = 6.0;
        self.flushable = flushable;
    }

    /// The masthead's flowing part on page 1: body, session, agenda items, title, subtitle.
    /// The first page's left column and title block. `title_in_body`: the title is printed
    /// by the body (a resolution's "73/8. Title", as the UN prints a resolution), not here.
    pub(crate) fn masthead(&mut self, m: &Meta, root: usize, title_in_body: bool) {
        let mut out = std::mem::take(&mut self.lines);
        // A right-to-left document's column is at the right (its lines end there).
        let rtl = m.language.is_some_and(|l| l.is_rtl());
        // The masthead's left column wraps at 10 cm (the body's name is never wrapped).
        let line = |f: &mut Self,
                    text: &[Inline],
                    size: f32,
                    bold: bool,
                    before: f32,
                    x: f32,
                    out: &mut Vec<FlowLine>| {
            let wrap = if size > 10.0 {
                PAGE_W - MARGIN
            } else {
                MARGIN + 283.5
            };
            let g = f.group(GroupKind::P, Some(root));
            let right = if x < TEXT_L { wrap } else { TEXT_R };
            let (x, right) = if rtl {
                (PAGE_W - right, PAGE_W - x)
            } else {
                (x, right)
            };
            let frame = Frame {
                style: Style {
                    size,
                    bold,
                    italic: false,
                },
                leading: size * 1.2,
                first: x,
                tab: x,
                rest: x,
                right,
                align: Align::Left,
                label: None,
                label_style: None,
            };
            f.set_into(text, &frame, g, before, true, out);
        };
        let t = |s: &str| vec![Inline::Text(s.to_string())];
        if let Some(b) = &m.subsidiary_body {
            line(self, &t(b), 12.0, true, 0.0, MARGIN, &mut out);
        }
        if let Some(s) = &m.session {
            if let Some(l) = s.printed_label(m.language) {
                line(self, &t(&l), 10.0, true, 2.0, MARGIN, &mut out);
            }
            if let Some(d) = &s.dates {
                line(self, &t(d), 10.0, false, 0.0, MARGIN, &mut out);
            }
        }
        for a in &m.agenda_items {
            if let Some(n) = &a.number {
                line(
                    self,
                    &t(&crate::model::words::Labels::new(m.language).agenda_item(n)),
                    10.0,
                    false,
                    0.0,
                    MARGIN,
                    &mut out,
                );
            }
            line(self, &t(&a.title), 10.0, true, 0.0, MARGIN, &mut out);
        }
        for s in &m.sponsors {
            line(self, &t(s), 10.0, false, 6.0, MARGIN, &mut out);
        }
        if (m.title.is_some() || !m.title_notes.is_empty()) && !title_in_body {
            let mut v = t(m.title.as_deref().unwrap_or(""));
            for n in &m.title_notes {
                v.push(Inline::Note(Note {
                    marker: n.marker.clone(),
                    content: vec![Block::Paragraph(Paragraph {
                        num: None,
                        content: n.content.clone(),
                        subparagraphs: vec![],
                    })],
                }));
            }
            let g = self.group(
                GroupKind::Heading(1, m.title.clone().unwrap_or_default()),
                Some(root),
            );
            let frame = Frame {
                style: Style {
                    size: 14.0,
                    bold: true,
                    italic: false,
                },
                leading: 15.0,
                first: TEXT_L,
                tab: TEXT_L,
                rest: TEXT_L,
                right: TEXT_R,
                align: Align::Left,
                label: None,
                label_style: None,
            };
            self.set_into(&v, &frame, g, 18.0, true, &mut out);
        }
        if let Some(s) = &m.subtitle {
            line(self, &t(s), 14.0, true, 18.0, TEXT_L, &mut out);
        }
        if !m.summary.is_empty() {
            let g = self.group(GroupKind::Section, Some(root));
            self.boxed = true;
            let summary = crate::model::words::Labels::new(m.language).summary();
            let hg = self.group(GroupKind::Heading(2, summary.into()), Some(g));
            let frame = Frame {
                style: Style {
                    size: 12.0,
                    bold: true,
                    italic: false,
                },
                leading: 14.0,
                first: TEXT_L,
                tab: TEXT_L,
                rest: TEXT_L,
                right: TEXT_R,
                align: Align::Center,
                label: None,
                label_style: None,
            };
            self.set_into(&t(summary), &frame, hg, 24.0, true, &mut out);
            self.pending_after = 6.0;
            for b in &m.summary {
                self.block(b, &BODY, g, &mut out);
            }
            self.boxed = false;
            self.pending_after = 18.0;
        } else if !out.is_empty() {
            self.pending_after = 18.0;
        }
        if let Some(l) = out.last_mut() {
            l.keep_with_next = false;
        }
        self.lines = out;
    }

    /// An annex: on a new page, its label and title, its body.
    pub(crate) fn annex(&mut self, a: &Annex, root: usize) {
        let mut out = std::mem::take(&mut self.lines);
        self.annex_into(a, root, &mut out);
        self.lines = out;
    }

    fn annex_into(&mut self, a: &Annex, parent: usize, out: &mut Vec<FlowLine>) {
        let g = self.group(GroupKind::Section, Some(parent));
        let start = out.len();
        self.pending_after = 0.0;
        self.heading(
            None,
            &[Inline::Text(a.label.clone())],
            14.0,
            16.0,
            (true, false),
            MARGIN,
            (0.0, 12.0),
            1,
            &Env {
                left: MARGIN,
                ..BODY
            },
            g,
            out,
        );
        if let Some(f) = out.get_mut(start) {
            f.new_page = true;
        }
        // A language note opening the body ("[English only]") stands at the right between
        // the label and the title, as the UN prints it.
        let note = match a.body.first() {
            Some(Block::Paragraph(p))
                if !a.title.is_empty() && crate::recognize::body::language_note(&a.body[0]) =>
            {
                Some(p)
            }
            _ => None,
        };
        if let Some(p) = note {
            let pg = self.group(GroupKind::P, Some(g));
            let frame = Frame {
                style: style(&BODY, false, BODY.size),
                leading: BODY.leading,
                first: TEXT_L,
                tab: TEXT_L,
                rest: TEXT_L,
                right: TEXT_R,
                align: Align::Right,
                label: None,
                label_style: None,
            };
            let before = std::mem::take(&mut self.pending_after);
            self.set_into(&p.content, &frame, pg, before, false, out);
            self.pending_after = 12.0;
        }
        if !a.title.is_empty() {
            self.heading(
                None,
                &a.title,
                14.0,
                16.0,
                (true, false),
                TEXT_L,
                (0.0, 12.0),
                1,
                &BODY,
                g,
                out,
            );
        }
        for b in &a.body[usize::from(note.is_some())..] {
            self.block(b, &BODY, g, out);
            self.flush(out);
        }
    }
}
