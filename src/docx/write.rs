//! The DOCX writer: a complete, minimal WordprocessingML package in the UN Geneva template's
//! styles, deflated.
//!
//! Structure the flat paragraph stream cannot show (where a division ends, what belongs to a
//! list item, a quotation, a resolution's parts, an annex, the summary) is kept in block-level
//! content controls (`w:sdt` tagged `undocs:…`), which Word, LibreOffice and pandoc show as
//! their content. Metadata goes to `docProps/custom.xml` under the UN's property names
//! (`Symbol1`, `JobNo`, `Session1`, `Title1`…) and `undocs.*` names for the rest, and is also
//! laid out as the UN masthead on the first page.

use std::io::{Cursor, Write};

use super::package::PackageWriter;
use super::styles::{
    self, BODY, BULLET, FOOTNOTE_REF, FOOTNOTE_TEXT, HYPERLINK, QUOTE, SYMBOL_REF,
};
use crate::model::{Block, Document, Inline, Meta, Paragraph, RunFormat, flatten_runs};
use crate::{Error, Format, Result};

pub(crate) const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(crate) const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HYPERLINK_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

/// Escapes text or an attribute value; refuses characters XML cannot carry.
fn esc(s: &str) -> Result<String> {
    crate::xml::check(s, Format::Docx, "the document")?;
    Ok(crate::xml::escape(s, true))
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
    /// Whether a footnote is being written (notes cannot nest).
    in_note: bool,
    /// Whether notes keep their marks as written (title notes: "*", "**").
    custom_marks: bool,
}

impl Ctx {
    fn ppr(&self, style: &str, extra: &str) -> String {
        let bidi = if self.rtl { "<w:bidi/>" } else { "" };
        format!(r#"<w:pPr><w:pStyle w:val="{style}"/>{extra}{bidi}</w:pPr>"#)
    }

    fn rpr(&self, f: RunFormat, style: Option<&str>) -> String {
        let mut s = String::new();
        if let Some(st) = style {
            s.push_str(&format!(r#"<w:rStyle w:val="{st}"/>"#));
        }
        if f.bold {
            s.push_str("<w:b/>");
        }
        if f.italic {
            s.push_str("<w:i/>");
        }
        match f.vertical {
            Some(true) => s.push_str(r#"<w:vertAlign w:val="superscript"/>"#),
            Some(false) => s.push_str(r#"<w:vertAlign w:val="subscript"/>"#),
            None => {}
        }
        if self.rtl {
            s.push_str("<w:rtl/>");
        }
        if s.is_empty() {
            s
        } else {
            format!("<w:rPr>{s}</w:rPr>")
        }
    }

    /// Text as run content: `w:t`, with tabs and line feeds as `w:tab` and `w:cr`.
    fn text_content(&self, t: &str) -> Result<String> {
        let mut out = String::new();
        let mut buf = String::new();
        let flush = |buf: &mut String, out: &mut String| -> Result<()> {
            if !buf.is_empty() {
                out.push_str(&format!(r#"<w:t xml:space="preserve">{}</w:t>"#, esc(buf)?));
                buf.clear();
            }
            Ok(())
        };
        for c in t.chars() {
            match c {
                '\t' => {
                    flush(&mut buf, &mut out)?;
                    out.push_str("<w:tab/>");
                }
                '\n' => {
                    flush(&mut buf, &mut out)?;
                    out.push_str("<w:cr/>");
                }
                c => buf.push(c),
            }
        }
        flush(&mut buf, &mut out)?;
        Ok(out)
    }

    fn runs(&mut self, v: &[Inline], out: &mut String) -> Result<()> {
        self.runs_in(v, out, false)
    }

    /// Runs for inlines; `in_link` gives plain runs the hyperlink character style.
    fn runs_in(&mut self, v: &[Inline], out: &mut String, in_link: bool) -> Result<()> {
        let plain_style = in_link.then_some(HYPERLINK);
        for (f, leaf) in flatten_runs(v) {
            match leaf {
                Inline::Text(t) => {
                    let content = self.text_content(&t)?;
                    out.push_str(&format!("<w:r>{}{content}</w:r>", self.rpr(f, plain_style)));
                }
                Inline::Ref(r) => {
                    let content = self.text_content(&r.symbol.to_string())?;
                    out.push_str(&format!(
                        "<w:r>{}{content}</w:r>",
                        self.rpr(f, Some(SYMBOL_REF))
                    ));
                }
                Inline::LineBreak => {
                    out.push_str(&format!("<w:r>{}<w:br/></w:r>", self.rpr(f, plain_style)))
                }
                Inline::Link(l) => {
                    self.links.push(l.url.clone());
                    let id = format!("rIdL{}", self.links.len());
                    out.push_str(&format!(r#"<w:hyperlink r:id="{id}">"#));
                    self.runs_in(&l.content, out, true)?;
                    out.push_str("</w:hyperlink>");
                }
                Inline::Note(n) => {
                    if self.in_note {
                        return Err(Error::Unrepresentable {
                            format: Format::Docx,
                            what: "a footnote inside a footnote".into(),
                        });
                    }
                    let id = self.notes.len() + 1;
                    let auto = !self.custom_marks && n.marker == (self.auto + 1).to_string();
                    let rstyle = format!(r#"<w:rPr><w:rStyle w:val="{FOOTNOTE_REF}"/></w:rPr>"#);
                    let (reference, mark) = if auto {
                        self.auto += 1;
                        (
                            format!(r#"<w:r>{rstyle}<w:footnoteReference w:id="{id}"/></w:r>"#),
                            format!(r#"<w:r>{rstyle}<w:footnoteRef/><w:tab/></w:r>"#),
                        )
                    } else {
                        let m = esc(&n.marker)?;
                        (
                            format!(
                                r#"<w:r>{rstyle}<w:footnoteReference w:customMarkFollows="1" w:id="{id}"/><w:t xml:space="preserve">{m}</w:t></w:r>"#
                            ),
                            format!(
                                r#"<w:r>{rstyle}<w:t xml:space="preserve">{m}</w:t><w:tab/></w:r>"#
                            ),
                        )
                    };
                    // Reserve the id before writing the body (notes in order of reference).
                    self.notes.push(String::new());
                    self.in_note = true;
                    let mut body = String::new();
                    let res = self.note_body(&n.content, &mark, &mut body);
                    self.in_note = false;
                    res?;
                    self.notes[id - 1] = format!(r#"<w:footnote w:id="{id}">{body}</w:footnote>"#);
                    out.push_str(&reference);
                }
                Inline::Emphasis(_)
                | Inline::Strong(_)
                | Inline::Superscript(_)
                | Inline::Subscript(_) => {}
            }
        }
        Ok(())
    }

    fn note_body(&mut self, content: &[Block], mark: &str, out: &mut String) -> Result<()> {
        let start = out.len();
        self.blocks(content, out, FOOTNOTE_TEXT)?;
        // The mark goes at the start of the first paragraph.
        let first_p = out[start..].find("<w:p>").map(|i| i + start);
        match first_p.and_then(|p| out[p..].find("</w:pPr>").map(|e| p + e + "</w:pPr>".len())) {
            Some(at)
                if content
                    .first()
                    .is_some_and(|b| matches!(b, Block::Paragraph(_))) =>
            {
                out.insert_str(at, mark)
            }
            _ => {
                let p = format!("<w:p>{}{mark}</w:p>", self.ppr(FOOTNOTE_TEXT, ""));
                out.insert_str(start, &p);
            }
        }
        Ok(())
    }

    fn paragraph(
        &mut self,
        p: &Paragraph,
        style: &str,
        level: usize,
        out: &mut String,
    ) -> Result<()> {
        out.push_str("<w:p>");
        let st = if level == 0 {
            style.to_string()
        } else {
            styles::sub(level)
        };
        out.push_str(&self.ppr(&st, ""));
        if let Some(n) = &p.num {
            let content = self.text_content(n)?;
            let rpr = self.rpr(RunFormat::default(), None);
            out.push_str(&format!(
                "<w:r>{rpr}{content}</w:r><w:r>{rpr}<w:tab/></w:r>"
            ));
        }
        self.runs(&p.content, out)?;
        out.push_str("</w:p>");
        for s in &p.subparagraphs {
            self.paragraph(s, style, level + 1, out)?;
        }
        Ok(())
    }

    fn simple(&mut self, style: &str, extra: &str, v: &[Inline], out: &mut String) -> Result<()> {
        out.push_str("<w:p>");
        out.push_str(&self.ppr(style, extra));
        self.runs(v, out)?;
        out.push_str("</w:p>");
        Ok(())
    }

    fn sdt(
        &mut self,
        tag: &str,
        out: &mut String,
        f: impl FnOnce(&mut Self, &mut String) -> Result<()>,
    ) -> Result<()> {
        out.push_str(&format!(r#"<w:sdt><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="undocs:{tag}"/></w:sdtPr><w:sdtContent>"#));
        f(self, out)?;
        out.push_str("</w:sdtContent></w:sdt>");
        Ok(())
    }

    /// Blocks; `para_style` is the style of plain paragraphs here (body text or footnote text).
    fn blocks(&mut self, bs: &[Block], out: &mut String, para_style: &str) -> Result<()> {
        for b in bs {
            match b {
                Block::Paragraph(p) => self.paragraph(p, para_style, 0, out)?,
                Block::Division(d) => self.sdt("division", out, |w, out| {
                    out.push_str("<w:p>");
                    out.push_str(&w.ppr(styles::heading(d.kind), ""));
                    if let Some(n) = &d.num {
                        let content = w.text_content(n)?;
                        out.push_str(&format!("<w:r>{content}</w:r><w:r><w:tab/></w:r>"));
                    }
                    w.runs(&d.heading, out)?;
                    out.push_str("</w:p>");
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
                    if let Some(n) = &r.num {
                        w.simple("ResNumG", "", &[Inline::Text(n.clone())], out)?;
                    }
                    if !r.title.is_empty() {
                        w.simple("ResTitleG", "", &r.title, out)?;
                    }
                    if !r.origin.is_empty() {
                        w.simple("ResOriginG", "", &r.origin, out)?;
                    }
                    if !r.formula.is_empty() {
                        w.simple("FormulaG", "", &r.formula, out)?;
                    }
                    if !r.preamble.is_empty() {
                        w.sdt("preamble", out, |w, out| {
                            w.blocks(&r.preamble, out, para_style)
                        })?;
                    }
                    if !r.operative.is_empty() {
                        w.sdt("operative", out, |w, out| {
                            w.blocks(&r.operative, out, para_style)
                        })?;
                    }
                    for l in &r.adoption {
                        w.simple("AdoptionG", "", &[Inline::Text(l.clone())], out)?;
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
    fn annex(&mut self, a: &crate::model::Annex, out: &mut String) -> Result<()> {
        self.sdt("annex", out, |c, out| {
            c.simple("AnnexLabelG", "", &[Inline::Text(a.label.clone())], out)?;
            if !a.title.is_empty() {
                c.simple("AnnexTitleG", "", &a.title, out)?;
            }
            c.blocks(&a.body, out, BODY)
        })
    }

    fn table(&mut self, t: &crate::model::Table, out: &mut String, para_style: &str) -> Result<()> {
        let cols = t
            .rows
            .iter()
            .map(|r| r.cells.len())
            .max()
            .unwrap_or(0)
            .max(1);
        let width = 7370 / cols;
        out.push_str(r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblInd w:w="1134" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>"#);
        for _ in 0..cols {
            out.push_str(&format!(r#"<w:gridCol w:w="{width}"/>"#));
        }
        out.push_str("</w:tblGrid>");
        let rows: Vec<crate::model::TableRow> = if t.rows.is_empty() {
            vec![Default::default()]
        } else {
            t.rows.clone()
        };
        for row in &rows {
            out.push_str("<w:tr>");
            if row.header {
                out.push_str("<w:trPr><w:tblHeader/></w:trPr>");
            }
            let cells: Vec<Vec<Block>> = if row.cells.is_empty() {
                vec![vec![]]
            } else {
                row.cells.clone()
            };
            for c in &cells {
                out.push_str(&format!(
                    r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>"#
                ));
                if c.is_empty() || !matches!(c.last(), Some(Block::Paragraph(_))) {
                    // A cell ends with a paragraph; an empty one carries no style.
                    self.blocks(c, out, para_style)?;
                    out.push_str("<w:p/>");
                } else {
                    self.blocks(c, out, para_style)?;
                }
                out.push_str("</w:tc>");
            }
            out.push_str("</w:tr>");
        }
        out.push_str("</w:tbl>");
        Ok(())
    }

    fn masthead(&mut self, m: &Meta, out: &mut String) -> Result<()> {
        let cell = |content: &str, w: u32| {
            format!(r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{content}</w:tc>"#)
        };
        let line = |ctx: &Ctx, style: &str, text: &str| -> Result<String> {
            Ok(format!(
                "<w:p>{}<w:r>{}</w:r></w:p>",
                ctx.ppr(style, ""),
                ctx.text_content(text)?
            ))
        };
        let mut symbols = String::new();
        for (i, s) in m.symbols.iter().enumerate() {
            let printed = if i == 0 && m.reissued {
                format!("{s}*")
            } else {
                s.to_string()
            };
            symbols.push_str(&line(self, "Symbol", &printed)?);
        }
        if symbols.is_empty() {
            symbols.push_str("<w:p/>");
        }
        let mut right = String::new();
        if let Some(d) = m.distribution {
            right.push_str(&line(
                self,
                "Distribution",
                &format!("Distr.: {}", d.as_str()),
            )?);
        }
        if let Some(d) = m.date {
            right.push_str(&line(self, "ReleaseDate", &d.to_printed())?);
        }
        if let Some(l) = m.original_language {
            right.push_str(&line(self, "Original", &format!("Original: {}", l.name()))?);
        }
        if right.is_empty() {
            right.push_str("<w:p/>");
        }
        let organ = match &m.organ {
            Some(o) => line(self, "XLarge", o)?,
            None => "<w:p/>".into(),
        };
        out.push_str(r#"<w:tbl><w:tblPr><w:tblW w:w="9638" w:type="dxa"/><w:tblBorders><w:bottom w:val="single" w:sz="12" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="12" w:space="0" w:color="auto"/></w:tblBorders><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="5103"/><w:gridCol w:w="4535"/></w:tblGrid>"#);
        out.push_str(&format!(
            "<w:tr>{}{}</w:tr>",
            cell(&line(self, "UNName", "United Nations")?, 5103),
            cell(&symbols, 4535)
        ));
        out.push_str(&format!(
            "<w:tr>{}{}</w:tr>",
            cell(&organ, 5103),
            cell(&right, 4535)
        ));
        out.push_str("</w:tbl>");
        if let Some(b) = &m.subsidiary_body {
            out.push_str(&line(self, "Body", b)?);
        }
        if let Some(s) = &m.session {
            if let Some(l) = &s.label {
                out.push_str(&line(self, "Session", l)?);
            }
            if let Some(d) = &s.dates {
                out.push_str(&line(self, "SessionDates", d)?);
            }
        }
        for a in &m.agenda_items {
            if let Some(n) = &a.number {
                out.push_str(&line(
                    self,
                    "AgendaItemNormal",
                    &format!("Agenda item {n}"),
                )?);
            }
            out.push_str(&line(self, "AgendaTitleH2", &a.title)?);
        }
        for s in &m.sponsors {
            out.push_str(&line(self, "Sponsors", s)?);
        }
        if m.title.is_some() || !m.title_notes.is_empty() {
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
            let r = self.simple(styles::TITLE, "", &v, out);
            self.custom_marks = false;
            r?;
        }
        if let Some(s) = &m.subtitle {
            out.push_str(&line(self, styles::SUBTITLE, s)?);
        }
        Ok(())
    }
}

fn prop(pid: &mut u32, name: &str, value: &str) -> Result<String> {
    *pid += 1;
    Ok(format!(
        r#"<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{}"><vt:lpwstr>{}</vt:lpwstr></property>"#,
        esc(name)?,
        esc(value)?
    ))
}

fn custom_xml(m: &Meta) -> Result<String> {
    let mut pid = 1;
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
    );
    for (i, sym) in m.symbols.iter().enumerate() {
        s.push_str(&prop(
            &mut pid,
            &format!("Symbol{}", i + 1),
            &sym.to_string(),
        )?);
    }
    if m.reissued {
        s.push_str(&prop(&mut pid, "undocs.reissued", "1")?);
    }
    if let Some(o) = &m.organ {
        s.push_str(&prop(&mut pid, "undocs.organ", o)?);
    }
    if let Some(b) = &m.subsidiary_body {
        s.push_str(&prop(&mut pid, "undocs.body", b)?);
    }
    if let Some(d) = m.distribution {
        s.push_str(&prop(
            &mut pid,
            "Publication Date",
            &format!("Distr.: {}", d.as_str()),
        )?);
    }
    if let Some(d) = m.date {
        s.push_str(&prop(&mut pid, "undocs.date", &d.to_string())?);
    }
    if let Some(l) = m.original_language {
        s.push_str(&prop(&mut pid, "undocs.originalLanguage", l.code())?);
    }
    if let Some(l) = m.language {
        s.push_str(&prop(&mut pid, "Language", l.name())?);
    }
    if let Some(se) = &m.session {
        s.push_str(&prop(&mut pid, "undocs.session", "1")?);
        if let Some(l) = &se.label {
            s.push_str(&prop(&mut pid, "Session1", l)?);
        }
        if let Some(n) = &se.number {
            s.push_str(&prop(&mut pid, "undocs.session.number", n)?);
        }
        if let Some(d) = &se.dates {
            s.push_str(&prop(&mut pid, "undocs.session.dates", d)?);
        }
    }
    if !m.agenda_items.is_empty() {
        s.push_str(&prop(
            &mut pid,
            "undocs.agendaItems",
            &m.agenda_items.len().to_string(),
        )?);
    }
    for (i, a) in m.agenda_items.iter().enumerate() {
        if let Some(n) = &a.number {
            s.push_str(&prop(
                &mut pid,
                &format!("undocs.agenda{}.number", i + 1),
                n,
            )?);
        }
        s.push_str(&prop(
            &mut pid,
            &format!("Agenda Title{}", i + 1),
            &a.title,
        )?);
    }
    if let Some(k) = &m.kind {
        s.push_str(&prop(&mut pid, "undocs.kind", k.as_str())?);
    }
    if let Some(t) = &m.title {
        s.push_str(&prop(&mut pid, "Title1", t)?);
    }
    if let Some(t) = &m.subtitle {
        s.push_str(&prop(&mut pid, "Title2", t)?);
    }
    if let Some(j) = &m.job_number {
        s.push_str(&prop(&mut pid, "JobNo", &j.to_string())?);
    }
    for (i, sp) in m.sponsors.iter().enumerate() {
        s.push_str(&prop(&mut pid, &format!("undocs.sponsor{}", i + 1), sp)?);
    }
    s.push_str("</Properties>");
    Ok(s)
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
        in_note: false,
        custom_marks: false,
    };
    let mut body = String::new();
    ctx.sdt("masthead", &mut body, |c, out| c.masthead(m, out))?;
    if !m.summary.is_empty() {
        ctx.sdt("summary", &mut body, |c, out| {
            // The UN summary box: a one-cell table with a frame.
            out.push_str(r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblInd w:w="1134" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="7370"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="7370" w:type="dxa"/></w:tcPr>"#);
            c.simple("SummaryHeadG", "", &[Inline::Text("Summary".into())], out)?;
            c.blocks(&m.summary, out, BODY)?;
            if !matches!(m.summary.last(), Some(Block::Paragraph(_))) {
                out.push_str("<w:p/>");
            }
            out.push_str("</w:tc></w:tr></w:tbl>");
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
<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}{sect}</w:body></w:document>"#
    );

    let mut footnotes = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#
    );
    for n in &ctx.notes {
        footnotes.push_str(n);
    }
    footnotes.push_str("</w:footnotes>");

    let symbol_line = match m.symbols.first() {
        Some(s) => format!(
            r#"<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            esc(&s.to_string())?
        ),
        None => r#"<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p>"#.to_string(),
    };
    let header_default = part_header("hdr", &symbol_line);
    let header_first = part_header("hdr", "<w:p/>");
    let footer_default = part_header(
        "ftr",
        r#"<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>"#,
    );
    let job = match &m.job_number {
        Some(j) => format!(
            r#"<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
            esc(&j.to_string())?
        ),
        None => "<w:p/>".into(),
    };
    let footer_first = part_header("ftr", &job);

    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdH2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/><Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdF2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>"#,
    );
    for (i, url) in ctx.links.iter().enumerate() {
        rels.push_str(&format!(r#"<Relationship Id="rIdL{}" Type="{HYPERLINK_REL}" Target="{}" TargetMode="External"/>"#, i + 1, esc(url)?));
    }
    rels.push_str("</Relationships>");

    let settings = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W_NS}"><w:defaultTabStop w:val="567"/><w:characterSpacingControl w:val="doNotCompress"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    );
    let created = m
        .date
        .map(|d| format!("{d}T00:00:00Z"))
        .unwrap_or_else(|| "2000-01-01T00:00:00Z".into());
    let core = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:language>{}</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created></cp:coreProperties>"#,
        esc(m.title.as_deref().unwrap_or(""))?,
        m.language.map(|l| l.code()).unwrap_or("und")
    );
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
    pkg.add("word/styles.xml", styles::styles_xml(ctx.rtl).as_bytes())?;
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
