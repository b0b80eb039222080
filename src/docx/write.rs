//! The DOCX writer: a complete, minimal WordprocessingML package in the UN Geneva template's
//! styles, deflated.
//!
//! Structure the flat paragraph stream cannot show (where a division ends, what belongs to a
//! list item, a quotation, a resolution's parts, an annex, the summary) is kept in block-level
//! content controls (`w:sdt` tagged `undocs:…`), which Word, LibreOffice and pandoc show as
//! their content (a control whose first paragraph holds a note mark is a document part:
//! see [`DOC_PART`]). Metadata goes to `docProps/custom.xml` under the UN's property names
//! (`Symbol1`, `JobNo`, `Session1`, `Title1`…) and `undocs.*` names for the rest, and is also
//! laid out as the UN masthead on the first page.

use std::io::{Cursor, Write};

use super::package::PackageWriter;
use super::styles::{
    self, BODY, BULLET, FOOTNOTE_REF, FOOTNOTE_TEXT, HYPERLINK, QUOTE, SYMBOL_REF,
};
use crate::model::{Block, Document, Inline, Meta, Paragraph, RunFormat, flatten_runs};
use crate::xml::XmlOut;
use crate::{Error, Format, Result};

pub(crate) const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(crate) const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HYPERLINK_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

/// The kind of content control given to one whose first paragraph holds a note mark: a
/// document part from the Quick Parts gallery (`w:docPartObj`, the kind of Word's own
/// cover pages and tables of contents), not the plain (rich text) kind. LibreOffice 7.4 moves a plain control's
/// first paragraph into an inline control of its own, and a footnote mark in it moved to
/// the paragraph's start and took the text before it away: operative paragraph 1 of
/// A/RES/73/8 printed as a bare "1". It keeps a document part's paragraphs as they are.
/// (Only these controls: every other keeps the plain kind Word gives a new control.)
const DOC_PART: &str = r#"<w:docPartObj><w:docPartGallery w:val="Quick Parts"/></w:docPartObj>"#;

/// Whether the first paragraph of written WordprocessingML holds a footnote or endnote
/// reference.
fn first_paragraph_has_note(xml: &str) -> bool {
    let first = xml
        .find("</w:p>")
        .and_then(|end| xml.get(..end))
        .unwrap_or(xml);
    first.contains("<w:footnoteReference") || first.contains("<w:endnoteReference")
}

struct Ctx {
    /// Footnote bodies (`<w:footnote>` elements), ids from 1.
    notes: Vec<String>,
    /// Auto-numbered notes so far.
    auto: usize,
    /// External hyperlink targets (relationship ids rIdL1…).
    links: Vec<String>,
    /// Right-to-left paragraphs and runs (Arabic).
    rtl: bool,
    /// Whether the document is right to left (its defaults are): a paragraph written left
    /// to right in it says so.
    doc_rtl: bool,
    /// Whether a footnote is being written (notes cannot nest).
    in_note: bool,
    /// Whether notes keep their marks as written (title notes: "*", "**").
    custom_marks: bool,
    /// The mark a footnote's first paragraph starts with, while its body is written.
    pending_mark: Option<Mark>,
    /// Whether numbered paragraphs set their number a centimetre in (a GA resolution's
    /// operative paragraphs, as the UN prints them).
    number_in: bool,
}

/// A footnote's mark at the start of its text: Word's automatic number, or a custom mark.
#[derive(Clone)]
enum Mark {
    Auto,
    Custom(String),
}

/// A new part of the document being written.
fn part() -> XmlOut {
    XmlOut::new(Format::Docx)
}

impl Ctx {
    fn ppr(&self, style: &str, out: &mut XmlOut) -> Result<()> {
        self.ppr_with(style, None, out)
    }

    /// `<w:pPr>` with the style and, when given, a left and first-line indent in twips over
    /// the style's (after the direction, in the schema's order: `w:bidi` before `w:ind`).
    fn ppr_with(&self, style: &str, ind: Option<(u32, u32)>, out: &mut XmlOut) -> Result<()> {
        out.open("w:pPr", &[])?;
        out.empty("w:pStyle", &[("w:val", style)])?;
        if self.rtl {
            out.raw("<w:bidi/>");
        } else if self.doc_rtl {
            out.raw(r#"<w:bidi w:val="0"/>"#);
        }
        if let Some((left, first)) = ind {
            out.empty(
                "w:ind",
                &[
                    ("w:left", &left.to_string()),
                    ("w:firstLine", &first.to_string()),
                ],
            )?;
        }
        out.close("w:pPr");
        Ok(())
    }

    fn rpr(&self, f: RunFormat, style: Option<&str>, out: &mut XmlOut) -> Result<()> {
        let any = style.is_some()
            || f.bold
            || f.italic
            || f.vertical.is_some()
            || self.rtl
            || self.doc_rtl;
        if !any {
            return Ok(());
        }
        out.open("w:rPr", &[])?;
        if let Some(st) = style {
            out.empty("w:rStyle", &[("w:val", st)])?;
        }
        if f.bold {
            out.raw("<w:b/><w:bCs/>");
        }
        if f.italic {
            out.raw("<w:i/><w:iCs/>");
        }
        match f.vertical {
            Some(true) => out.raw(r#"<w:vertAlign w:val="superscript"/>"#),
            Some(false) => out.raw(r#"<w:vertAlign w:val="subscript"/>"#),
            None => {}
        }
        if self.rtl {
            out.raw("<w:rtl/>");
        } else if self.doc_rtl {
            out.raw(r#"<w:rtl w:val="0"/>"#);
        }
        out.close("w:rPr");
        Ok(())
    }

    /// Text as run content: `w:t`, with tabs and line feeds as `w:tab` and `w:cr`.
    fn text_content(&self, t: &str, out: &mut XmlOut) -> Result<()> {
        for (i, line) in t.split('\n').enumerate() {
            if i > 0 {
                out.raw("<w:cr/>");
            }
            for (k, piece) in line.split('\t').enumerate() {
                if k > 0 {
                    out.raw("<w:tab/>");
                }
                if !piece.is_empty() {
                    out.element("w:t", &[("xml:space", "preserve")], piece)?;
                }
            }
        }
        Ok(())
    }

    /// One run: its properties and its text.
    fn run(&self, f: RunFormat, style: Option<&str>, text: &str, out: &mut XmlOut) -> Result<()> {
        out.open("w:r", &[])?;
        self.rpr(f, style, out)?;
        self.text_content(text, out)?;
        out.close("w:r");
        Ok(())
    }

    fn runs(&mut self, v: &[Inline], out: &mut XmlOut) -> Result<()> {
        self.runs_in(v, out, false)
    }

    /// Runs for inlines; `in_link` gives plain runs the hyperlink character style.
    fn runs_in(&mut self, v: &[Inline], out: &mut XmlOut, in_link: bool) -> Result<()> {
        let plain_style = in_link.then_some(HYPERLINK);
        for (f, leaf) in flatten_runs(v) {
            match leaf {
                Inline::Text(t) => self.run(f, plain_style, &t, out)?,
                Inline::Ref(r) => self.run(f, Some(SYMBOL_REF), &r.symbol.to_string(), out)?,
                Inline::LineBreak => {
                    out.open("w:r", &[])?;
                    self.rpr(f, plain_style, out)?;
                    out.raw("<w:br/>");
                    out.close("w:r");
                }
                Inline::Link(l) => {
                    self.links.push(l.url.clone());
                    let id = format!("rIdL{}", self.links.len());
                    out.open("w:hyperlink", &[("r:id", &id)])?;
                    self.runs_in(&l.content, out, true)?;
                    out.close("w:hyperlink");
                }
                Inline::Note(n) => self.note(&n, out)?,
                Inline::Emphasis(_)
                | Inline::Strong(_)
                | Inline::Superscript(_)
                | Inline::Subscript(_) => {}
            }
        }
        Ok(())
    }

    /// A footnote: its reference here, its body in the notes part.
    fn note(&mut self, n: &crate::model::Note, out: &mut XmlOut) -> Result<()> {
        if self.in_note {
            return Err(Error::Unrepresentable {
                format: Format::Docx,
                what: "a footnote inside a footnote".into(),
            });
        }
        let id = (self.notes.len() + 1).to_string();
        let auto = !self.custom_marks && n.marker == (self.auto + 1).to_string();
        out.open("w:r", &[])?;
        self.rpr(RunFormat::default(), Some(FOOTNOTE_REF), out)?;
        let mark = if auto {
            self.auto += 1;
            out.empty("w:footnoteReference", &[("w:id", &id)])?;
            Mark::Auto
        } else {
            out.empty(
                "w:footnoteReference",
                &[("w:customMarkFollows", "1"), ("w:id", &id)],
            )?;
            out.element("w:t", &[("xml:space", "preserve")], &n.marker)?;
            Mark::Custom(n.marker.clone())
        };
        out.close("w:r");
        // Reserve the id before writing the body (notes in order of reference).
        self.notes.push(String::new());
        self.in_note = true;
        let mut body = part();
        let res = self.note_body(&n.content, mark, &mut body);
        self.in_note = false;
        self.pending_mark = None;
        res?;
        let mut note = part();
        note.open("w:footnote", &[("w:id", &id)])?;
        note.append(body);
        note.close("w:footnote");
        if let Some(slot) = self.notes.last_mut() {
            *slot = note.into_string();
        }
        Ok(())
    }

    /// The mark Word prints at the start of a footnote's text.
    fn mark(&self, mark: &Mark, out: &mut XmlOut) -> Result<()> {
        out.open("w:r", &[])?;
        self.rpr(RunFormat::default(), Some(FOOTNOTE_REF), out)?;
        match mark {
            Mark::Auto => out.raw("<w:footnoteRef/>"),
            Mark::Custom(m) => out.element("w:t", &[("xml:space", "preserve")], m)?,
        }
        out.raw("<w:tab/>");
        out.close("w:r");
        Ok(())
    }

    fn note_body(&mut self, content: &[Block], mark: Mark, out: &mut XmlOut) -> Result<()> {
        if matches!(content.first(), Some(Block::Paragraph(_))) {
            // The mark goes at the start of the first paragraph.
            self.pending_mark = Some(mark);
        } else {
            out.open("w:p", &[])?;
            self.ppr(FOOTNOTE_TEXT, out)?;
            self.mark(&mark, out)?;
            out.close("w:p");
        }
        self.blocks(content, out, FOOTNOTE_TEXT)
    }

    /// `<w:p>` with its style, and the pending footnote mark if this paragraph is a note's
    /// first.
    fn open_paragraph(&mut self, style: &str, out: &mut XmlOut) -> Result<()> {
        self.open_paragraph_with(style, None, out)
    }

    /// `open_paragraph` with an indent over the style's (see `ppr_with`).
    fn open_paragraph_with(
        &mut self,
        style: &str,
        ind: Option<(u32, u32)>,
        out: &mut XmlOut,
    ) -> Result<()> {
        out.open("w:p", &[])?;
        self.ppr_with(style, ind, out)?;
        if let Some(m) = self.pending_mark.take() {
            self.mark(&m, out)?;
        }
        Ok(())
    }

    fn paragraph(
        &mut self,
        p: &Paragraph,
        style: &str,
        level: usize,
        out: &mut XmlOut,
    ) -> Result<()> {
        let st = if level == 0 {
            style.to_string()
        } else {
            styles::sub(level)
        };
        let ind = if level > 0 && p.numbered_with_digits() {
            Some((styles::sub_block_left(level), 0))
        } else if level == 0 && self.number_in && !self.in_note && p.num.is_some() {
            Some((styles::BODY_LEFT, styles::TAB))
        } else {
            None
        };
        self.open_paragraph_with(&st, ind, out)?;
        if let Some(n) = &p.num {
            self.run(RunFormat::default(), None, n, out)?;
            self.run(RunFormat::default(), None, "\t", out)?;
        }
        self.runs(&p.content, out)?;
        out.close("w:p");
        for s in &p.subparagraphs {
            self.paragraph(s, style, level + 1, out)?;
        }
        Ok(())
    }

    fn simple(&mut self, style: &str, v: &[Inline], out: &mut XmlOut) -> Result<()> {
        self.open_paragraph(style, out)?;
        self.runs(v, out)?;
        out.close("w:p");
        Ok(())
    }

    /// A paragraph of one line of plain text.
    /// A masthead line. In a right-to-left document, a line with no right-to-left letter
    /// ("A/HRC/31/81", "Distr.: General", "29 January 2016") is set left to right, as the
    /// UN's Arabic documents print them (else Word would reorder "29 January 2016").
    fn line(&mut self, style: &str, text: &str, out: &mut XmlOut) -> Result<()> {
        let saved = self.rtl;
        if saved && !text.chars().any(crate::model::words::right_to_left) {
            self.rtl = false;
        }
        let result = (|| {
            self.open_paragraph(style, out)?;
            out.open("w:r", &[])?;
            self.rpr(RunFormat::default(), None, out)?;
            self.text_content(text, out)?;
            out.close("w:r");
            out.close("w:p");
            Ok(())
        })();
        self.rtl = saved;
        result
    }

    fn sdt(
        &mut self,
        tag: &str,
        out: &mut XmlOut,
        f: impl FnOnce(&mut Self, &mut XmlOut) -> Result<()>,
    ) -> Result<()> {
        out.open("w:sdt", &[])?;
        out.open("w:sdtPr", &[])?;
        out.empty("w:alias", &[("w:val", tag)])?;
        out.empty("w:tag", &[("w:val", &format!("undocs:{tag}"))])?;
        let kind_at = out.len();
        out.close("w:sdtPr");
        out.open("w:sdtContent", &[])?;
        let content_at = out.len();
        f(self, out)?;
        if first_paragraph_has_note(out.written_since(content_at)) {
            out.insert_raw(kind_at, DOC_PART);
        }
        out.close("w:sdtContent");
        out.close("w:sdt");
        Ok(())
    }

    /// Blocks; `para_style` is the style of plain paragraphs here (body text or footnote text).
    fn blocks(&mut self, bs: &[Block], out: &mut XmlOut, para_style: &str) -> Result<()> {
        for b in bs {
            match b {
                Block::Paragraph(p) => self.paragraph(p, para_style, 0, out)?,
                Block::Division(d) => self.sdt("division", out, |w, out| {
                    w.open_paragraph(styles::heading(d.kind), out)?;
                    if let Some(n) = &d.num {
                        out.open("w:r", &[])?;
                        w.text_content(n, out)?;
                        out.close("w:r");
                        out.raw("<w:r><w:tab/></w:r>");
                    }
                    w.runs(&d.heading, out)?;
                    out.close("w:p");
                    w.blocks(&d.content, out, para_style)
                })?,
                Block::List(l) => self.sdt("list", out, |w, out| {
                    for item in &l.items {
                        w.sdt("item", out, |w, out| match item.split_first() {
                            Some((Block::Paragraph(first), rest)) => {
                                w.paragraph(first, BULLET, 0, out)?;
                                w.blocks(rest, out, para_style)
                            }
                            _ => w.blocks(item, out, para_style),
                        })?;
                    }
                    Ok(())
                })?,
                Block::Quote(q) => self.sdt("quote", out, |w, out| w.blocks(q, out, QUOTE))?,
                Block::Table(t) => self.table(t, out, para_style)?,
                Block::Resolution(r) => self.sdt("resolution", out, |w, out| {
                    // As the UN prints a resolution: the origin line "[without reference
                    // to a Main Committee (A/73/L.3)]", then "73/8.", a tab and the title
                    // in one paragraph. A decision's number ("6/CMA.3") has a line of its
                    // own, the title under it.
                    if !r.origin.is_empty() {
                        w.simple("ResOriginG", &r.origin, out)?;
                    }
                    match &r.num {
                        Some(n) if r.numbered_as_a_resolution() => {
                            let heading = Paragraph {
                                num: Some(format!("{n}.")),
                                content: r.title.clone(),
                                subparagraphs: vec![],
                            };
                            w.paragraph(&heading, "ResNumG", 0, out)?;
                        }
                        _ => {
                            if let Some(n) = &r.num {
                                w.simple("ResNumG", &[Inline::Text(n.clone())], out)?;
                            }
                            if !r.title.is_empty() {
                                w.simple("ResTitleG", &r.title, out)?;
                            }
                        }
                    }
                    if !r.formula.is_empty() {
                        w.simple("FormulaG", &r.formula, out)?;
                    }
                    if !r.preamble.is_empty() {
                        w.sdt("preamble", out, |w, out| {
                            w.blocks(&r.preamble, out, para_style)
                        })?;
                    }
                    if !r.operative.is_empty() {
                        // A GA resolution's operative numbers a centimetre in (sample 10);
                        // a decision's at the margin.
                        let saved = w.number_in;
                        w.number_in = r.numbered_as_a_resolution();
                        let written = w.sdt("operative", out, |w, out| {
                            w.blocks(&r.operative, out, para_style)
                        });
                        w.number_in = saved;
                        written?;
                    }
                    for l in &r.adoption {
                        w.simple("AdoptionG", &[Inline::Text(l.clone())], out)?;
                    }
                    for a in &r.annexes {
                        w.annex(a, out)?;
                    }
                    Ok(())
                })?,
            }
        }
        Ok(())
    }

    /// An annex: on a new page, its label and title, its body.
    fn annex(&mut self, a: &crate::model::Annex, out: &mut XmlOut) -> Result<()> {
        self.sdt("annex", out, |c, out| {
            c.simple("AnnexLabelG", &[Inline::Text(a.label.clone())], out)?;
            if !a.title.is_empty() {
                c.simple("AnnexTitleG", &a.title, out)?;
            }
            c.blocks(&a.body, out, BODY)
        })
    }

    fn table(&mut self, t: &crate::model::Table, out: &mut XmlOut, para_style: &str) -> Result<()> {
        let cols = t.columns().max(1);
        let width = (7370 / cols).to_string();
        out.raw(r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblInd w:w="1134" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>"#);
        for _ in 0..cols {
            out.empty("w:gridCol", &[("w:w", &width)])?;
        }
        out.close("w:tblGrid");
        let empty_row = [crate::model::TableRow::default()];
        let rows: &[crate::model::TableRow] = if t.rows.is_empty() {
            &empty_row
        } else {
            &t.rows
        };
        let empty_cell: [Vec<Block>; 1] = [vec![]];
        for row in rows {
            out.open("w:tr", &[])?;
            if row.header {
                out.raw("<w:trPr><w:tblHeader/></w:trPr>");
            }
            let cells: &[Vec<Block>] = if row.cells.is_empty() {
                &empty_cell
            } else {
                &row.cells
            };
            for c in cells {
                out.open("w:tc", &[])?;
                out.open("w:tcPr", &[])?;
                out.empty("w:tcW", &[("w:w", &width), ("w:type", "dxa")])?;
                out.close("w:tcPr");
                self.blocks(c, out, para_style)?;
                if !matches!(c.last(), Some(Block::Paragraph(_))) {
                    // A cell ends with a paragraph; an empty one carries no style.
                    out.raw("<w:p/>");
                }
                out.close("w:tc");
            }
            out.close("w:tr");
        }
        out.close("w:tbl");
        Ok(())
    }

    /// The masthead table and the lines under it. `title_in_body`: the title is printed by
    /// the body (a resolution's "73/8. Title", as the UN prints a resolution), not here.
    fn masthead(&mut self, m: &Meta, title_in_body: bool, out: &mut XmlOut) -> Result<()> {
        out.raw(r#"<w:tbl><w:tblPr><w:tblW w:w="9638" w:type="dxa"/><w:tblBorders><w:bottom w:val="single" w:sz="12" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="12" w:space="0" w:color="auto"/></w:tblBorders><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="5103"/><w:gridCol w:w="4535"/></w:tblGrid>"#);
        let cell = |out: &mut XmlOut, w: &str| -> Result<()> {
            out.open("w:tc", &[])?;
            out.open("w:tcPr", &[])?;
            out.empty("w:tcW", &[("w:w", w), ("w:type", "dxa")])?;
            out.close("w:tcPr");
            Ok(())
        };
        // Row 1: "United Nations" and the symbols.
        out.open("w:tr", &[])?;
        cell(out, "5103")?;
        let labels = crate::model::words::Labels::new(m.language);
        self.line("UNName", labels.united_nations(), out)?;
        out.close("w:tc");
        cell(out, "4535")?;
        for (i, s) in m.symbols.iter().enumerate() {
            let printed = if i == 0 && m.reissued {
                format!("{s}*")
            } else {
                s.to_string()
            };
            self.line("Symbol", &printed, out)?;
        }
        if m.symbols.is_empty() {
            out.raw("<w:p/>");
        }
        out.close("w:tc");
        out.close("w:tr");
        // Row 2: the organ, and distribution, date and original language.
        out.open("w:tr", &[])?;
        cell(out, "5103")?;
        match &m.organ {
            Some(o) => self.line("XLarge", o, out)?,
            None => out.raw("<w:p/>"),
        }
        out.close("w:tc");
        cell(out, "4535")?;
        let mut right = false;
        // In the document's language (the Russian, Arabic and Chinese versions print this
        // block in English, naming their language).
        if let Some(d) = m.distribution {
            self.line("Distribution", &labels.distribution(d), out)?;
            right = true;
        }
        if let Some(d) = m.date {
            self.line("ReleaseDate", &labels.date(d), out)?;
            right = true;
        }
        if let Some(v) = labels
            .version_line()
            .filter(|_| m.original_languages().next().is_some())
        {
            self.line("Original", v, out)?;
        }
        if m.original_languages().next().is_some() {
            let (label, names) = labels.originals(m.original_languages());
            self.line("Original", &format!("{label}{names}"), out)?;
            right = true;
        }
        if !right {
            out.raw("<w:p/>");
        }
        out.close("w:tc");
        out.close("w:tr");
        out.close("w:tbl");
        if let Some(b) = &m.subsidiary_body {
            self.line("Body", b, out)?;
        }
        if let Some(s) = &m.session {
            if let Some(l) = s.printed_label(m.language) {
                self.line("Session", &l, out)?;
            }
            if let Some(d) = &s.dates {
                self.line("SessionDates", d, out)?;
            }
        }
        for a in &m.agenda_items {
            if let Some(n) = &a.number {
                self.line("AgendaItemNormal", &labels.agenda_item(n), out)?;
            }
            self.line("AgendaTitleH2", &a.title, out)?;
        }
        for s in &m.sponsors {
            self.line("Sponsors", s, out)?;
        }
        if (m.title.is_some() || !m.title_notes.is_empty()) && !title_in_body {
            let mut v = vec![Inline::Text(m.title.clone().unwrap_or_default())];
            for n in &m.title_notes {
                v.push(Inline::Note(crate::model::Note {
                    marker: n.marker.clone(),
                    content: vec![Block::Paragraph(Paragraph {
                        num: None,
                        content: n.content.clone(),
                        subparagraphs: vec![],
                    })],
                }));
            }
            // Title notes keep their own marks ("*", "**"), never auto numbers.
            self.custom_marks = true;
            let r = self.simple(styles::TITLE, &v, out);
            self.custom_marks = false;
            r?;
        }
        if let Some(s) = &m.subtitle {
            self.line(styles::SUBTITLE, s, out)?;
        }
        Ok(())
    }
}

fn custom_xml(m: &Meta) -> Result<String> {
    let mut out = part();
    out.raw(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
    );
    let mut pid = 1u32;
    let mut prop = |name: &str, value: &str| -> Result<()> {
        pid += 1;
        out.open(
            "property",
            &[
                ("fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"),
                ("pid", &pid.to_string()),
                ("name", name),
            ],
        )?;
        out.element("vt:lpwstr", &[], value)?;
        out.close("property");
        Ok(())
    };
    for (i, sym) in m.symbols.iter().enumerate() {
        prop(&format!("Symbol{}", i + 1), &sym.to_string())?;
    }
    if m.reissued {
        prop("undocs.reissued", "1")?;
    }
    if let Some(o) = &m.organ {
        prop("undocs.organ", o)?;
    }
    if let Some(b) = &m.subsidiary_body {
        prop("undocs.body", b)?;
    }
    if let Some(d) = m.distribution {
        prop("Publication Date", &format!("Distr.: {}", d.as_str()))?;
    }
    if let Some(d) = m.date {
        prop("undocs.date", &d.to_string())?;
    }
    if let Some(l) = m.original_language {
        prop("undocs.originalLanguage", l.code())?;
    }
    if !m.other_original_languages.is_empty() {
        let codes: Vec<&str> = m
            .other_original_languages
            .iter()
            .map(|l| l.code())
            .collect();
        prop("undocs.otherOriginalLanguages", &codes.join(" "))?;
    }
    if let Some(l) = m.language {
        prop("Language", l.name())?;
    }
    if let Some(se) = &m.session {
        prop("undocs.session", "1")?;
        if let Some(l) = &se.label {
            prop("Session1", l)?;
        }
        if let Some(n) = &se.number {
            prop("undocs.session.number", n)?;
        }
        if let Some(d) = &se.dates {
            prop("undocs.session.dates", d)?;
        }
    }
    if !m.agenda_items.is_empty() {
        prop("undocs.agendaItems", &m.agenda_items.len().to_string())?;
    }
    for (i, a) in m.agenda_items.iter().enumerate() {
        if let Some(n) = &a.number {
            prop(&format!("undocs.agenda{}.number", i + 1), n)?;
        }
        prop(&format!("Agenda Title{}", i + 1), &a.title)?;
    }
    if let Some(k) = &m.kind {
        prop("undocs.kind", k.as_str())?;
    }
    if let Some(t) = &m.title {
        prop("Title1", t)?;
    }
    if let Some(t) = &m.subtitle {
        prop("Title2", t)?;
    }
    if let Some(j) = &m.job_number {
        prop("JobNo", &j.to_string())?;
    }
    for (i, sp) in m.sponsors.iter().enumerate() {
        prop(&format!("undocs.sponsor{}", i + 1), sp)?;
    }
    out.close("Properties");
    Ok(out.into_string())
}

fn part_header(tag: &str, paragraphs: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:{tag} xmlns:w="{W_NS}" xmlns:r="{R_NS}">{paragraphs}</w:{tag}>"#
    )
}

/// Writes `doc` as a DOCX package.
pub fn write(doc: &Document, out: &mut dyn Write) -> Result<()> {
    let m = &doc.meta;
    let mut ctx = Ctx {
        notes: Vec::new(),
        auto: 0,
        links: Vec::new(),
        rtl: m.language.is_some_and(|l| l.is_rtl()),
        doc_rtl: m.language.is_some_and(|l| l.is_rtl()),
        in_note: false,
        custom_marks: false,
        pending_mark: None,
        number_in: false,
    };
    let mut body = part();
    let title_in_body = doc.title_printed_by_resolution();
    ctx.sdt("masthead", &mut body, |c, out| {
        c.masthead(m, title_in_body, out)
    })?;
    if !m.summary.is_empty() {
        ctx.sdt("summary", &mut body, |c, out| {
            // The UN summary box: a one-cell table with a frame.
            out.raw(r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblInd w:w="1134" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="7370"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="7370" w:type="dxa"/></w:tcPr>"#);
            let summary = crate::model::words::Labels::new(m.language).summary();
            c.simple("SummaryHeadG", &[Inline::Text(summary.into())], out)?;
            c.blocks(&m.summary, out, BODY)?;
            if !matches!(m.summary.last(), Some(Block::Paragraph(_))) {
                out.raw("<w:p/>");
            }
            out.raw("</w:tc></w:tr></w:tbl>");
            Ok(())
        })?;
    }
    ctx.blocks(&doc.body, &mut body, BODY)?;
    for a in &doc.annexes {
        ctx.annex(a, &mut body)?;
    }
    let sect = r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:headerReference w:type="first" r:id="rIdH2"/><w:footerReference w:type="default" r:id="rIdF1"/><w:footerReference w:type="first" r:id="rIdF2"/><w:footnotePr><w:numRestart w:val="continuous"/></w:footnotePr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" w:right="1134" w:bottom="2268" w:left="1134" w:header="1134" w:footer="1701" w:gutter="0"/><w:titlePg/></w:sectPr>"#;
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{}{sect}</w:body></w:document>"#,
        body.into_string()
    );

    let mut footnotes = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#
    );
    for n in &ctx.notes {
        footnotes.push_str(n);
    }
    footnotes.push_str("</w:footnotes>");

    // Running header: the symbol; first-page footer: the job number.
    let footer_line = |text: Option<String>, style: &str| -> Result<String> {
        let mut p = part();
        p.open("w:p", &[])?;
        p.open("w:pPr", &[])?;
        p.empty("w:pStyle", &[("w:val", style)])?;
        p.close("w:pPr");
        if let Some(t) = text {
            p.open("w:r", &[])?;
            p.element("w:t", &[("xml:space", "preserve")], &t)?;
            p.close("w:r");
        }
        p.close("w:p");
        Ok(p.into_string())
    };
    let symbol_line = footer_line(m.symbols.first().map(|s| s.to_string()), "Header")?;
    let header_default = part_header("hdr", &symbol_line);
    let header_first = part_header("hdr", "<w:p/>");
    let footer_default = part_header(
        "ftr",
        r#"<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>"#,
    );
    let job = match &m.job_number {
        Some(j) => footer_line(Some(j.to_string()), "Footer")?,
        None => "<w:p/>".into(),
    };
    let footer_first = part_header("ftr", &job);

    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdH2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/><Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdF2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>"#,
    );
    let mut links = part();
    for (i, url) in ctx.links.iter().enumerate() {
        links.empty(
            "Relationship",
            &[
                ("Id", format!("rIdL{}", i + 1).as_str()),
                ("Type", HYPERLINK_REL),
                ("Target", url.as_str()),
                ("TargetMode", "External"),
            ],
        )?;
    }
    rels.push_str(&links.into_string());
    rels.push_str("</Relationships>");

    let settings = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W_NS}"><w:defaultTabStop w:val="567"/><w:characterSpacingControl w:val="doNotCompress"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    );
    let created = m
        .date
        .map(|d| format!("{d}T00:00:00Z"))
        .unwrap_or_else(|| "2000-01-01T00:00:00Z".into());
    let mut core = part();
    core.raw(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
    );
    core.element("dc:title", &[], m.title.as_deref().unwrap_or(""))?;
    core.element(
        "dc:language",
        &[],
        m.language.map(|l| l.code()).unwrap_or("und"),
    )?;
    core.element(
        "dcterms:created",
        &[("xsi:type", "dcterms:W3CDTF")],
        &created,
    )?;
    core.close("cp:coreProperties");
    let core = core.into_string();
    let app = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>undocs</Application></Properties>"#;
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>"#;
    let root_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>"#;

    let mut pkg = PackageWriter::new(Cursor::new(Vec::new()));
    pkg.add("[Content_Types].xml", content_types.as_bytes())?;
    pkg.add("_rels/.rels", root_rels.as_bytes())?;
    pkg.add("word/document.xml", document.as_bytes())?;
    pkg.add("word/_rels/document.xml.rels", rels.as_bytes())?;
    pkg.add(
        "word/styles.xml",
        styles::styles_xml(doc.meta.language).as_bytes(),
    )?;
    pkg.add("word/numbering.xml", styles::NUMBERING_XML.as_bytes())?;
    pkg.add("word/settings.xml", settings.as_bytes())?;
    pkg.add("word/footnotes.xml", footnotes.as_bytes())?;
    pkg.add("word/header1.xml", header_default.as_bytes())?;
    pkg.add("word/header2.xml", header_first.as_bytes())?;
    pkg.add("word/footer1.xml", footer_default.as_bytes())?;
    pkg.add("word/footer2.xml", footer_first.as_bytes())?;
    pkg.add("docProps/core.xml", core.as_bytes())?;
    pkg.add("docProps/app.xml", app.as_bytes())?;
    pkg.add("docProps/custom.xml", custom_xml(m)?.as_bytes())?;
    let bytes = pkg.finish()?.into_inner();
    out.write_all(&bytes)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_first_paragraph_holding_a_note_mark_makes_a_document_part() {
        let note =
            r#"<w:p><w:r><w:t>1.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#;
        let plain = r#"<w:p><w:r><w:t>2.</w:t></w:r></w:p>"#;
        let end = r#"<w:p><w:r><w:endnoteReference w:id="1"/></w:r></w:p>"#;
        assert!(first_paragraph_has_note(note));
        assert!(first_paragraph_has_note(end));
        assert!(first_paragraph_has_note(&format!(
            "<w:sdt><w:sdtContent>{note}"
        )));
        assert!(!first_paragraph_has_note(plain));
        // A mark in a later paragraph: the first is kept as it is.
        assert!(!first_paragraph_has_note(&format!("{plain}{note}")));
        assert!(!first_paragraph_has_note(""));
    }
}
