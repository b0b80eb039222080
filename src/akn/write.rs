//! The Akoma Ntoso writer: quick-xml events, AKN4UN naming and metadata, schema-valid
//! structure. Indentation is written only between elements whose content is elements, never
//! inside mixed content, so text comes back exactly.

use std::borrow::Cow;
use std::io::Write;

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;

use super::iri::{self, EIds};
use crate::model::{
    Annex, Block, DivisionKind, Document, Inline, Meta, Paragraph, Resolution, TitleNote,
};
use crate::xml::{AKN3, escape};
use crate::{Error, Format, Result};

fn check(s: &str, what: &str) -> Result<()> {
    crate::xml::check(s, Format::Akn, what)
}

struct W<'a> {
    x: quick_xml::Writer<&'a mut dyn Write>,
    depth: usize,
    flat: usize,
    ids: EIds,
}

type Attrs<'a> = &'a [(&'a str, &'a str)];

impl<'a> W<'a> {
    fn ev(&mut self, e: Event<'_>) -> Result<()> {
        self.x.write_event(e).map_err(Error::Io)
    }

    fn start_tag(name: &str, attrs: Attrs<'_>) -> Result<BytesStart<'static>> {
        let mut s = BytesStart::new(name.to_string());
        for (k, v) in attrs {
            check(v, &format!("the attribute {k} of <{name}>"))?;
            s.push_attribute(Attribute {
                key: QName(k),
                value: Cow::Owned(escape(v, true)),
            });
        }
        Ok(s)
    }

    fn nl(&mut self) -> Result<()> {
        if self.flat == 0 {
            let s = format!("\n{}", "  ".repeat(self.depth));
            self.ev(Event::Text(BytesText::from_escaped(s)))?;
        }
        Ok(())
    }

    /// Opens an element whose content is elements.
    fn open(&mut self, name: &str, attrs: Attrs<'_>) -> Result<()> {
        self.nl()?;
        let s = Self::start_tag(name, attrs)?;
        self.ev(Event::Start(s))?;
        self.depth += 1;
        Ok(())
    }

    fn close(&mut self, name: &str) -> Result<()> {
        self.depth -= 1;
        self.nl()?;
        self.ev(Event::End(BytesEnd::new(name.to_string())))
    }

    fn empty(&mut self, name: &str, attrs: Attrs<'_>) -> Result<()> {
        self.nl()?;
        let s = Self::start_tag(name, attrs)?;
        self.ev(Event::Empty(s))
    }

    /// An element with mixed content, started on its own line.
    fn mixed(
        &mut self,
        name: &str,
        attrs: Attrs<'_>,
        f: impl FnOnce(&mut Self) -> Result<()>,
    ) -> Result<()> {
        self.nl()?;
        self.inline_el(name, attrs, f)
    }

    /// An element inside mixed content: no whitespace around it.
    fn inline_el(
        &mut self,
        name: &str,
        attrs: Attrs<'_>,
        f: impl FnOnce(&mut Self) -> Result<()>,
    ) -> Result<()> {
        let s = Self::start_tag(name, attrs)?;
        self.ev(Event::Start(s))?;
        self.flat += 1;
        f(self)?;
        self.flat -= 1;
        self.ev(Event::End(BytesEnd::new(name.to_string())))
    }

    fn text(&mut self, s: &str) -> Result<()> {
        if s.is_empty() {
            return Ok(());
        }
        check(s, "text")?;
        self.ev(Event::Text(BytesText::from_escaped(escape(s, false))))
    }

    // ----------------------------------------------------------------- inlines

    fn inlines(&mut self, v: &[Inline], at: &str) -> Result<()> {
        for i in v {
            match i {
                Inline::Text(t) => self.text(t)?,
                Inline::Emphasis(c) => self.inline_el("i", &[], |w| w.inlines(c, at))?,
                Inline::Strong(c) => self.inline_el("b", &[], |w| w.inlines(c, at))?,
                Inline::Superscript(c) => self.inline_el("sup", &[], |w| w.inlines(c, at))?,
                Inline::Subscript(c) => self.inline_el("sub", &[], |w| w.inlines(c, at))?,
                Inline::Ref(r) => {
                    let href = iri::symbol_href(&r.symbol);
                    let text = r.symbol.to_string();
                    self.inline_el("ref", &[("href", &href)], |w| w.text(&text))?
                }
                Inline::Link(l) => {
                    self.inline_el("a", &[("href", &l.url)], |w| w.inlines(&l.content, at))?
                }
                Inline::LineBreak => {
                    let s = Self::start_tag("eol", &[])?;
                    self.ev(Event::Empty(s))?
                }
                Inline::Note(n) => {
                    let id = self.ids.make(at, "authorialNote", None, 1);
                    let id2 = id.clone();
                    self.inline_el(
                        "authorialNote",
                        &[("marker", &n.marker), ("placement", "bottom"), ("eId", &id)],
                        |w| w.note_blocks(&n.content, &id2),
                    )?
                }
            }
        }
        Ok(())
    }

    fn note_blocks(&mut self, bs: &[Block], at: &str) -> Result<()> {
        if bs.is_empty() {
            // authorialNote needs content: an empty marker paragraph.
            return self.inline_el("p", &[("class", "empty")], |_| Ok(()));
        }
        self.blocks(bs, at, "a footnote")
    }

    // ------------------------------------------------------------ block context

    fn para_block(&mut self, p: &Paragraph, level: usize, at: &str) -> Result<()> {
        let class = match level {
            0 => None,
            1 => Some("subparagraph".to_string()),
            n => Some(format!("subparagraph-{n}")),
        };
        let attrs: Vec<(&str, &str)> = class
            .as_deref()
            .map(|c| vec![("class", c)])
            .unwrap_or_default();
        self.mixed("p", &attrs, |w| {
            if let Some(n) = &p.num {
                w.inline_el("inline", &[("name", "num")], |w| w.text(n))?;
            }
            w.inlines(&p.content, at)
        })?;
        for s in &p.subparagraphs {
            self.para_block(s, level + 1, at)?;
        }
        Ok(())
    }

    /// Blocks where Akoma Ntoso allows only block elements: notes, list items, table cells,
    /// quotations, the summary, a preamble.
    fn blocks(&mut self, bs: &[Block], at: &str, place: &str) -> Result<()> {
        for (i, b) in bs.iter().enumerate() {
            match b {
                Block::Paragraph(p) => self.para_block(p, 0, at)?,
                Block::List(l) => {
                    let id = self.ids.make(at, "list", None, i + 1);
                    let empty = l.items.is_empty();
                    let mut attrs = vec![("eId", id.as_str())];
                    if empty {
                        attrs.push(("class", "empty"));
                    }
                    self.open("blockList", &attrs)?;
                    if empty {
                        let item = self.ids.make(&id, "item", None, 1);
                        self.open("item", &[("eId", &item)])?;
                        self.mixed("p", &[("class", "empty")], |_| Ok(()))?;
                        self.close("item")?;
                    }
                    for (k, item) in l.items.iter().enumerate() {
                        let iid = self.ids.make(&id, "item", None, k + 1);
                        self.open("item", &[("eId", &iid)])?;
                        if item.is_empty() {
                            self.mixed("p", &[("class", "empty")], |_| Ok(()))?;
                        }
                        self.blocks(item, &iid, place)?;
                        self.close("item")?;
                    }
                    self.close("blockList")?;
                }
                Block::Table(t) => {
                    let id = self.ids.make(at, "table", None, i + 1);
                    let mut attrs = vec![("eId", id.as_str())];
                    if t.rows.is_empty() {
                        attrs.push(("class", "empty"));
                    }
                    self.open("table", &attrs)?;
                    if t.rows.is_empty() {
                        self.open("tr", &[("class", "empty")])?;
                        self.empty("td", &[])?;
                        self.close("tr")?;
                    }
                    for row in &t.rows {
                        let class = match (row.header, row.cells.is_empty()) {
                            (true, true) => Some("header empty"),
                            (true, false) => Some("header"),
                            (false, true) => Some("empty"),
                            (false, false) => None,
                        };
                        let attrs: Vec<(&str, &str)> =
                            class.map(|c| vec![("class", c)]).unwrap_or_default();
                        self.open("tr", &attrs)?;
                        if row.cells.is_empty() {
                            self.empty("td", &[])?;
                        }
                        let cell = if row.header { "th" } else { "td" };
                        for c in &row.cells {
                            if c.is_empty() {
                                self.empty(cell, &[])?;
                            } else {
                                self.open(cell, &[])?;
                                self.blocks(c, &id, place)?;
                                self.close(cell)?;
                            }
                        }
                        self.close("tr")?;
                    }
                    self.close("table")?;
                }
                Block::Quote(q) => {
                    let id = self.ids.make(at, "blockContainer", None, i + 1);
                    self.open("blockContainer", &[("eId", &id), ("class", "quote")])?;
                    if q.is_empty() {
                        self.mixed("p", &[("class", "empty")], |_| Ok(()))?;
                    }
                    self.blocks(q, &id, place)?;
                    self.close("blockContainer")?;
                }
                Block::Division(_) | Block::Resolution(_) => {
                    let what = if matches!(b, Block::Division(_)) {
                        "a division"
                    } else {
                        "a resolution"
                    };
                    return Err(Error::Unrepresentable {
                        format: Format::Akn,
                        what: format!(
                            "{what} inside {place} (Akoma Ntoso allows only blocks there)"
                        ),
                    });
                }
            }
        }
        Ok(())
    }

    // -------------------------------------------------------- hierarchy context

    fn point(&mut self, tag: &str, abbr: &str, p: &Paragraph, at: &str, pos: usize) -> Result<()> {
        let id = self.ids.make(at, abbr, p.num.as_deref(), pos);
        self.open(tag, &[("eId", &id)])?;
        if let Some(n) = &p.num {
            self.mixed("num", &[], |w| w.text(n))?;
        }
        if p.subparagraphs.is_empty() {
            self.open("content", &[])?;
            self.mixed("p", &[], |w| w.inlines(&p.content, &id))?;
            self.close("content")?;
        } else {
            let lid = self.ids.make(&id, "list", None, 1);
            self.open("list", &[("eId", &lid)])?;
            self.open("intro", &[])?;
            self.mixed("p", &[], |w| w.inlines(&p.content, &lid))?;
            self.close("intro")?;
            for (k, s) in p.subparagraphs.iter().enumerate() {
                self.point("point", "point", s, &lid, k + 1)?;
            }
            self.close("list")?;
        }
        self.close(tag)
    }

    /// Blocks where Akoma Ntoso expects hierarchy: the main body and divisions.
    fn hier(&mut self, bs: &[Block], at: &str) -> Result<()> {
        for (i, b) in bs.iter().enumerate() {
            match b {
                Block::Division(d) => {
                    let (tag, abbr) = match d.kind {
                        DivisionKind::Part => ("part", "part"),
                        DivisionKind::Chapter => ("chapter", "chp"),
                        DivisionKind::Section => ("section", "sec"),
                        DivisionKind::Subsection => ("subsection", "subsec"),
                        DivisionKind::Heading => ("hcontainer", "hcontainer"),
                    };
                    let id = self.ids.make(at, abbr, d.num.as_deref(), i + 1);
                    let mut attrs = vec![("eId", id.as_str())];
                    if d.kind == DivisionKind::Heading {
                        attrs.push(("name", "heading"));
                    }
                    self.open(tag, &attrs)?;
                    if let Some(n) = &d.num {
                        self.mixed("num", &[], |w| w.text(n))?;
                    }
                    if !d.heading.is_empty() {
                        self.mixed("heading", &[], |w| w.inlines(&d.heading, &id))?;
                    }
                    self.hier(&d.content, &id)?;
                    self.close(tag)?;
                }
                Block::Paragraph(p) => self.point("paragraph", "para", p, at, i + 1)?,
                Block::List(_) | Block::Table(_) | Block::Quote(_) => {
                    let id = self.ids.make(at, "hcontainer", None, i + 1);
                    self.open("hcontainer", &[("eId", &id), ("name", "block")])?;
                    self.open("content", &[])?;
                    self.blocks(std::slice::from_ref(b), &id, "a block")?;
                    self.close("content")?;
                    self.close("hcontainer")?;
                }
                Block::Resolution(r) => self.resolution_hcontainer(r, at, i + 1)?,
            }
        }
        Ok(())
    }

    fn content_part(
        &mut self,
        name: &str,
        at: &str,
        f: impl FnOnce(&mut Self, &str) -> Result<()>,
    ) -> Result<()> {
        let id = self.ids.make(at, "hcontainer", Some(name), 1);
        self.open("hcontainer", &[("eId", &id), ("name", name)])?;
        self.open("content", &[])?;
        f(self, &id)?;
        self.close("content")?;
        self.close("hcontainer")
    }

    fn resolution_hcontainer(&mut self, r: &Resolution, at: &str, pos: usize) -> Result<()> {
        let id = self.ids.make(
            at,
            "hcontainer",
            r.num
                .as_deref()
                .map(|_| "resolution")
                .or(Some("resolution")),
            pos,
        );
        self.open("hcontainer", &[("eId", &id), ("name", "resolution")])?;
        if let Some(n) = &r.num {
            self.mixed("num", &[], |w| w.text(n))?;
        }
        if !r.title.is_empty() {
            self.mixed("heading", &[], |w| w.inlines(&r.title, &id))?;
        }
        if !r.origin.is_empty() {
            self.mixed("subheading", &[], |w| w.inlines(&r.origin, &id))?;
        }
        if !r.formula.is_empty() {
            self.content_part("formula", &id, |w, at| {
                w.mixed("p", &[], |w| w.inlines(&r.formula, at))
            })?;
        }
        if !r.preamble.is_empty() {
            self.content_part("preamble", &id, |w, at| {
                w.blocks(&r.preamble, at, "a preamble")
            })?;
        }
        if !r.operative.is_empty() {
            let oid = self.ids.make(&id, "hcontainer", Some("operative"), 1);
            self.open("hcontainer", &[("eId", &oid), ("name", "operative")])?;
            self.hier(&r.operative, &oid)?;
            self.close("hcontainer")?;
        }
        if !r.adoption.is_empty() {
            self.content_part("adoption", &id, |w, _| {
                for l in &r.adoption {
                    w.mixed("p", &[], |w| w.text(l))?;
                }
                Ok(())
            })?;
        }
        for (k, a) in r.annexes.iter().enumerate() {
            let aid = self.ids.make(&id, "hcontainer", Some("annex"), k + 1);
            self.open("hcontainer", &[("eId", &aid), ("name", "annex")])?;
            self.mixed("num", &[], |w| w.text(&a.label))?;
            if !a.title.is_empty() {
                self.mixed("heading", &[], |w| w.inlines(&a.title, &aid))?;
            }
            self.hier(&a.body, &aid)?;
            self.close("hcontainer")?;
        }
        self.close("hcontainer")
    }

    fn main_body(&mut self, bs: &[Block], at: &str) -> Result<()> {
        self.open("mainBody", &[])?;
        if bs.is_empty() {
            self.mixed("p", &[("class", "empty")], |_| Ok(()))?;
        }
        self.hier(bs, at)?;
        self.close("mainBody")
    }

    // ------------------------------------------------------------------- meta

    fn identification(&mut self, meta: &Meta, component: &str) -> Result<()> {
        let kind = meta.kind.as_ref();
        let class = iri::class(kind);
        let subtype = if class == "statement" {
            "deliberation".to_string()
        } else {
            iri::uri_safe(iri::class_name(kind))
        };
        let (date, date_name) = match meta.date {
            Some(d) => (d.to_string(), "publication"),
            None => ("0001-01-01".to_string(), "unknown"),
        };
        let work = format!(
            "/akn/un/{class}/{subtype}/{}/{date}/{}",
            iri::actor(meta),
            iri::number(&meta.symbols)
        );
        let lang = meta.language.map(|l| l.iso639_2()).unwrap_or("und");
        let expr = format!("{work}/{lang}@{date}");
        self.open("identification", &[("source", "#undocs")])?;
        self.open("FRBRWork", &[])?;
        self.empty("FRBRthis", &[("value", &format!("{work}/{component}"))])?;
        self.empty("FRBRuri", &[("value", &work)])?;
        self.empty("FRBRdate", &[("date", &date), ("name", date_name)])?;
        self.empty("FRBRauthor", &[("href", "#author")])?;
        self.empty("FRBRcountry", &[("value", "un")])?;
        self.empty("FRBRsubtype", &[("value", &subtype)])?;
        for s in &meta.symbols {
            let printed = s.to_string();
            self.empty(
                "FRBRnumber",
                &[
                    ("value", &iri::uri_safe(&s.akn_number())),
                    ("showAs", &printed),
                ],
            )?;
        }
        self.close("FRBRWork")?;
        self.open("FRBRExpression", &[])?;
        self.empty("FRBRthis", &[("value", &format!("{expr}/{component}"))])?;
        self.empty("FRBRuri", &[("value", &expr)])?;
        self.empty("FRBRdate", &[("date", &date), ("name", date_name)])?;
        self.empty("FRBRauthor", &[("href", "#author")])?;
        self.empty("FRBRlanguage", &[("language", lang)])?;
        self.close("FRBRExpression")?;
        self.open("FRBRManifestation", &[])?;
        self.empty("FRBRthis", &[("value", &format!("{expr}/{component}.xml"))])?;
        self.empty("FRBRuri", &[("value", &format!("{expr}/.xml"))])?;
        self.empty("FRBRdate", &[("date", &date), ("name", date_name)])?;
        self.empty("FRBRauthor", &[("href", "#undocs")])?;
        self.empty("FRBRformat", &[("value", "application/akn+xml")])?;
        self.close("FRBRManifestation")?;
        self.close("identification")
    }

    fn meta(&mut self, meta: &Meta) -> Result<()> {
        self.open("meta", &[])?;
        self.identification(meta, "!main")?;
        if let Some(d) = meta.date {
            self.open("lifecycle", &[("source", "#undocs")])?;
            self.empty(
                "eventRef",
                &[
                    ("eId", "evt_1"),
                    ("date", &d.to_string()),
                    ("source", "#original"),
                    ("type", "generation"),
                ],
            )?;
            self.close("lifecycle")?;
        }
        self.open("references", &[("source", "#undocs")])?;
        let show = meta
            .title
            .clone()
            .or_else(|| meta.symbols.first().map(|s| s.to_string()))
            .unwrap_or_else(|| "original".into());
        self.empty(
            "original",
            &[("eId", "original"), ("href", "#"), ("showAs", &show)],
        )?;
        let actor = iri::actor(meta);
        let author = [meta.organ.as_deref(), meta.subsidiary_body.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        let author = if author.is_empty() {
            "United Nations".to_string()
        } else {
            author
        };
        self.empty(
            "TLCOrganization",
            &[
                ("eId", "author"),
                ("href", &format!("/akn/ontology/organizations/un/{actor}")),
                ("showAs", &author),
            ],
        )?;
        if let Some(o) = &meta.organ {
            self.empty(
                "TLCOrganization",
                &[
                    ("eId", "organ"),
                    ("href", "/akn/ontology/organizations/un/organ"),
                    ("showAs", o),
                ],
            )?;
        }
        if let Some(b) = &meta.subsidiary_body {
            self.empty(
                "TLCOrganization",
                &[
                    ("eId", "body"),
                    ("href", &format!("/akn/ontology/organizations/un/{actor}")),
                    ("showAs", b),
                ],
            )?;
        }
        self.empty(
            "TLCOrganization",
            &[
                ("eId", "undocs"),
                ("href", "/akn/ontology/organizations/undocs"),
                ("showAs", "undocs"),
            ],
        )?;
        self.empty(
            "TLCConcept",
            &[
                ("eId", "symbol"),
                ("href", "/akn/ontology/concepts/un/symbol"),
                ("showAs", "Document symbol"),
            ],
        )?;
        self.empty(
            "TLCConcept",
            &[
                ("eId", "publicationJobNumber"),
                ("href", "/akn/ontology/concepts/un/publicationJobNumber"),
                ("showAs", "Job number"),
            ],
        )?;
        self.empty(
            "TLCRole",
            &[
                ("eId", "sponsor"),
                ("href", "/akn/ontology/roles/un/sponsor"),
                ("showAs", "Sponsor"),
            ],
        )?;
        self.close("references")?;
        self.close("meta")
    }

    fn preface(&mut self, meta: &Meta, resolution: Option<&Resolution>) -> Result<()> {
        let has_any = !meta.symbols.is_empty()
            || meta.reissued
            || meta.organ.is_some()
            || meta.subsidiary_body.is_some()
            || meta.distribution.is_some()
            || meta.date.is_some()
            || meta.original_languages().next().is_some()
            || meta.session.is_some()
            || !meta.agenda_items.is_empty()
            || meta.title.is_some()
            || meta.subtitle.is_some()
            || !meta.title_notes.is_empty()
            || !meta.summary.is_empty()
            || meta.job_number.is_some()
            || !meta.sponsors.is_empty()
            || resolution.is_some();
        if !has_any {
            return Ok(());
        }
        self.open("preface", &[])?;
        for (i, s) in meta.symbols.iter().enumerate() {
            let printed = if i == 0 && meta.reissued {
                format!("{s}*")
            } else {
                s.to_string()
            };
            self.mixed("p", &[], |w| {
                w.inline_el("docNumber", &[("refersTo", "#symbol")], |w| {
                    w.text(&printed)
                })
            })?;
        }
        if meta.reissued && meta.symbols.is_empty() {
            self.mixed("p", &[], |w| {
                w.inline_el("inline", &[("name", "reissued")], |w| w.text("*"))
            })?;
        }
        if let Some(o) = &meta.organ {
            self.mixed("p", &[], |w| {
                w.inline_el("organization", &[("refersTo", "#organ")], |w| w.text(o))
            })?;
        }
        let labels = crate::model::words::Labels::new(meta.language);
        if let Some(d) = meta.distribution {
            let t = labels.distribution(d);
            self.mixed("p", &[], |w| {
                w.inline_el("inline", &[("name", "distribution")], |w| w.text(&t))
            })?;
        }
        if let Some(d) = meta.date {
            let iso = d.to_string();
            self.mixed("p", &[], |w| {
                w.inline_el("docDate", &[("date", &iso)], |w| w.text(&labels.date(d)))
            })?;
        }
        if let Some(l) = meta.original_languages().next() {
            // "Original: English/French": one inline for each language.
            let (label, _) = labels.original(l);
            self.mixed("p", &[], |w| {
                w.text(label)?;
                for (i, l) in meta.original_languages().enumerate() {
                    if i > 0 {
                        w.text("/")?;
                    }
                    let (_, name) = labels.original(l);
                    w.inline_el("inline", &[("name", "originalLanguage")], |w| w.text(&name))?;
                }
                Ok(())
            })?;
        }
        if let Some(b) = &meta.subsidiary_body {
            self.mixed("p", &[], |w| {
                w.inline_el("organization", &[("refersTo", "#body")], |w| w.text(b))
            })?;
        }
        if let Some(s) = &meta.session {
            let attrs: Vec<(&str, &str)> = s
                .number
                .as_deref()
                .map(|n| vec![("value", n)])
                .unwrap_or_default();
            self.mixed("p", &[], |w| {
                w.inline_el("session", &attrs, |w| {
                    w.text(s.label.as_deref().unwrap_or(""))
                })
            })?;
            if let Some(d) = &s.dates {
                self.mixed("p", &[], |w| {
                    w.inline_el("inline", &[("name", "sessionDates")], |w| w.text(d))
                })?;
            }
        }
        for a in &meta.agenda_items {
            self.open("container", &[("name", "agendaItem")])?;
            if let Some(n) = &a.number {
                self.mixed("p", &[], |w| {
                    w.inline_el("inline", &[("name", "agendaItemNumber")], |w| w.text(n))
                })?;
            }
            self.mixed("p", &[], |w| {
                w.inline_el("inline", &[("name", "agendaItemTitle")], |w| {
                    w.text(&a.title)
                })
            })?;
            self.close("container")?;
        }
        if let Some(t) = &meta.title {
            self.mixed("p", &[], |w| w.inline_el("docTitle", &[], |w| w.text(t)))?;
        }
        if let Some(t) = &meta.subtitle {
            self.mixed("p", &[], |w| {
                w.inline_el("inline", &[("name", "subtitle")], |w| w.text(t))
            })?;
        }
        for s in &meta.sponsors {
            self.mixed("p", &[], |w| {
                w.inline_el("docProponent", &[("refersTo", "#sponsor")], |w| w.text(s))
            })?;
        }
        if !meta.summary.is_empty() {
            self.open("container", &[("name", "summary")])?;
            self.blocks(&meta.summary, "summary", "the summary")?;
            self.close("container")?;
        }
        if !meta.title_notes.is_empty() {
            self.open("container", &[("name", "titleNotes")])?;
            for (i, TitleNote { marker, content }) in meta.title_notes.iter().enumerate() {
                let id = self.ids.make("preface", "authorialNote", None, i + 1);
                self.mixed("p", &[], |w| {
                    w.inline_el(
                        "authorialNote",
                        &[("marker", marker), ("placement", "bottom"), ("eId", &id)],
                        |w| w.inline_el("p", &[], |w| w.inlines(content, &id)),
                    )
                })?;
            }
            self.close("container")?;
        }
        if let Some(j) = &meta.job_number {
            let t = j.to_string();
            self.mixed("p", &[], |w| {
                w.inline_el(
                    "docketNumber",
                    &[("refersTo", "#publicationJobNumber")],
                    |w| w.text(&t),
                )
            })?;
        }
        if let Some(r) = resolution {
            self.open("container", &[("name", "resolutionHeading")])?;
            let mut any = false;
            if let Some(n) = &r.num {
                any = true;
                self.mixed("p", &[], |w| {
                    w.inline_el("inline", &[("name", "resolutionNumber")], |w| w.text(n))
                })?;
            }
            if !r.title.is_empty() {
                any = true;
                self.mixed("p", &[], |w| {
                    w.inline_el("inline", &[("name", "resolutionTitle")], |w| {
                        w.inlines(&r.title, "resolution")
                    })
                })?;
            }
            if !r.origin.is_empty() {
                any = true;
                self.mixed("p", &[], |w| {
                    w.inline_el("inline", &[("name", "resolutionOrigin")], |w| {
                        w.inlines(&r.origin, "resolution")
                    })
                })?;
            }
            if !any {
                self.mixed("p", &[("class", "empty")], |_| Ok(()))?;
            }
            self.close("container")?;
        }
        self.close("preface")
    }

    fn annexes(&mut self, doc: &Document) -> Result<()> {
        if doc.annexes.is_empty() {
            return Ok(());
        }
        self.open("attachments", &[])?;
        for (i, Annex { label, title, body }) in doc.annexes.iter().enumerate() {
            let aid = self.ids.make("", "att", None, i + 1);
            self.open("attachment", &[("eId", &aid)])?;
            self.open("doc", &[("name", "annex")])?;
            self.open("meta", &[])?;
            self.identification(&doc.meta, &format!("!annex_{}", i + 1))?;
            self.close("meta")?;
            self.open("preface", &[])?;
            self.mixed("p", &[], |w| {
                w.inline_el("inline", &[("name", "annexLabel")], |w| w.text(label))
            })?;
            if !title.is_empty() {
                self.mixed("p", &[], |w| {
                    w.inline_el("docTitle", &[], |w| w.inlines(title, &aid))
                })?;
            }
            self.close("preface")?;
            self.main_body(body, &aid)?;
            self.close("doc")?;
            self.close("attachment")?;
        }
        self.close("attachments")
    }
}

/// The single resolution of an adopted resolution or decision, written the AKN4UN way
/// (preamble with the enacting formula, operative part in the main body).
fn statement_resolution(doc: &Document) -> Option<&Resolution> {
    match (iri::class(doc.meta.kind.as_ref()), doc.body.as_slice()) {
        ("statement", [Block::Resolution(r)]) if r.annexes.is_empty() => Some(r),
        _ => None,
    }
}

/// Writes `doc` as Akoma Ntoso 3.0 (AKN4UN).
pub fn write(doc: &Document, out: &mut dyn Write) -> Result<()> {
    // The XML goes out in small pieces as it is made: buffered here, never held whole.
    let mut buffered = std::io::BufWriter::with_capacity(64 << 10, out);
    let mut w = W {
        x: quick_xml::Writer::new(&mut buffered),
        depth: 0,
        flat: 0,
        ids: EIds::default(),
    };
    for reserved in [
        "author",
        "organ",
        "body",
        "undocs",
        "symbol",
        "publicationJobNumber",
        "sponsor",
        "original",
        "evt_1",
    ] {
        w.ids.reserve(reserved);
    }
    w.ev(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.open("akomaNtoso", &[("xmlns", AKN3)])?;
    let kind = doc.meta.kind.as_ref();
    let class = iri::class(kind);
    w.open(class, &[("name", iri::class_name(kind))])?;
    w.meta(&doc.meta)?;
    let res = statement_resolution(doc);
    w.preface(&doc.meta, res)?;
    match res {
        Some(r) => {
            if !r.formula.is_empty() || !r.preamble.is_empty() {
                w.open("preamble", &[])?;
                if !r.formula.is_empty() {
                    w.open("formula", &[("name", "enactingFormula")])?;
                    w.mixed("p", &[], |w| w.inlines(&r.formula, "preamble"))?;
                    w.close("formula")?;
                }
                w.blocks(&r.preamble, "preamble", "a preamble")?;
                w.close("preamble")?;
            }
            w.main_body(&r.operative, "")?;
            if !r.adoption.is_empty() {
                w.open("conclusions", &[])?;
                w.open("container", &[("name", "adoption")])?;
                for l in &r.adoption {
                    w.mixed("p", &[], |w| w.text(l))?;
                }
                w.close("container")?;
                w.close("conclusions")?;
            }
        }
        None => w.main_body(&doc.body, "")?,
    }
    w.annexes(doc)?;
    w.close(class)?;
    w.close("akomaNtoso")?;
    w.x.get_mut().write_all(b"\n")?;
    buffered.flush()?;
    Ok(())
}
