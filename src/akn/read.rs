//! The Akoma Ntoso reader: everything the writer writes, exactly; and Akoma Ntoso 3.0 and
//! 2.0 from other producers, mapped where the model has a place for it, with warnings for
//! what is dropped.

use crate::model::{
    AgendaItem, Annex, Block, Date, Distribution, DivisionKind, DocKind, Document, Inline,
    JobNumber, Language, Link, List, Note, Paragraph, Reference, Resolution, Session, Symbol,
    Table, TableRow, TitleNote, normalize_blocks, normalize_inlines,
};
use crate::xml::{self as dom, El, Node, Source};
use crate::{Format, ReadOptions, ReadOutput, Result, Warning};

/// Reading context: whether the file is ours (exact text) and the warnings so far.
struct Cx {
    ours: bool,
    /// Whether vectors are shrunk to fit as they are built (a streamed, large input: the
    /// model is most of the peak; a held one is read for speed).
    compact: bool,
    warnings: Vec<Warning>,
    dropped: std::collections::BTreeMap<String, usize>,
    /// The notes of `<meta>` (`<notes><note eId=…>`), which `<noteRef>`s in the text cite:
    /// their marker and content, and whether a reference took them.
    notes: std::collections::BTreeMap<String, MetaNote>,
}

/// A note kept in `<meta>`, cited by `<noteRef href="#eId">`.
struct MetaNote {
    marker: Option<String>,
    content: Vec<Block>,
    cited: bool,
}

impl Cx {
    fn warn(&mut self, at: &str, msg: impl Into<String>) {
        self.warnings.push(Warning::new(Format::Akn, at, msg));
    }

    fn drop_el(&mut self, e: El<'_>) {
        *self.dropped.entry(e.name.to_string()).or_default() += 1;
    }

    /// Text as stored: exact in our files, whitespace folded in others (their markup is
    /// indented inside paragraphs).
    fn text(&self, t: &str) -> String {
        if self.ours { t.to_string() } else { fold(t) }
    }

    fn plain(&self, e: El<'_>) -> String {
        if self.ours {
            e.text()
        } else {
            fold(&e.text()).trim().to_string()
        }
    }
}

fn fold(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut space = false;
    for c in t.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

fn has_class(e: El<'_>, class: &str) -> bool {
    e.attr("class")
        .is_some_and(|c| c.split_whitespace().any(|x| x == class))
}

/// The elements whose children are a document's main body.
const BODIES: &[&str] = &[
    "mainBody",
    "body",
    "debateBody",
    "judgmentBody",
    "amendmentBody",
    "portionBody",
];

/// Reads Akoma Ntoso. The document's parts are read as they end, and its body a child at a
/// time: only one child's element tree is held, never the whole document's.
pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<ReadOutput> {
    // (What the XML scanner refuses is read again with quick-xml: see
    // `xml::again_if_refused`.)
    dom::again_if_refused(|| read_once(bytes, options))
}

fn read_once(bytes: &[u8], options: &ReadOptions) -> Result<ReadOutput> {
    let mut st = State::new(document_name(bytes), false);
    let tree = dom::parse_streaming(SOURCE, bytes, options, &STREAMS, &mut |depth, el| {
        Ok(st.top.part(depth, el, &mut st.doc, &mut st.cx))
    })?;
    st.finish(tree.root(), &dom::Lines::Held(bytes))
}

/// Reads Akoma Ntoso from a stream, as [`read`] does, without holding the input: peak
/// memory is the model and one child of the body, not the input besides. The first 64 KiB
/// are read ahead (the document element's name tells the document's kind). At most
/// [`ReadOptions::max_bytes`] are read.
///
/// ```
/// use undocs::{Format, ReadOptions};
/// let mut doc = undocs::model::Document::default();
/// doc.meta.set("symbol", "A/HRC/31/81")?;
/// let mut xml = Vec::new();
/// undocs::write(&doc, Format::Akn, &mut xml)?;
/// let back = undocs::akn::read_from(&xml[..], &ReadOptions::default())?;
/// assert_eq!(back.document, doc);
/// # Ok::<(), undocs::Error>(())
/// ```
pub fn read_from(reader: impl std::io::Read, options: &ReadOptions) -> Result<ReadOutput> {
    use std::io::Read;
    const AHEAD: u64 = 64 << 10;
    let mut limited = reader.take(options.max_bytes.saturating_add(1));
    let mut head = Vec::new();
    (&mut limited).take(AHEAD).read_to_end(&mut head)?;
    let mut st = State::new(document_name(&head), true);
    let mut counting = dom::CountRead {
        inner: std::io::Cursor::new(head).chain(limited),
        read: 0,
        failed: None,
    };
    let parsed = dom::parse_streaming_read(
        SOURCE,
        &mut counting,
        options,
        &STREAMS,
        &mut |depth, el| Ok(st.top.part(depth, el, &mut st.doc, &mut st.cx)),
    );
    // (Cut at the limit, the input would end inside an element: the limit is the error.)
    if counting.read > options.max_bytes {
        return Err(crate::Error::Limit {
            format: Format::Akn,
            at: crate::Location::part("input"),
            what: "size in bytes",
            limit: options.max_bytes,
            option: "max_bytes",
        });
    }
    let (tree, lines) = parsed?;
    st.finish(tree.root(), &lines)
}

const SOURCE: Source<'static> = Source {
    format: Format::Akn,
    part: "input",
    namespaces: true,
    skip: None,
};

const STREAMS: [dom::Stream; 2] = [
    // The document element's parts,
    dom::Stream {
        depth: 1,
        parents: &[],
    },
    // and its body's children.
    dom::Stream {
        depth: 2,
        parents: BODIES,
    },
];

/// A read in progress: the model and what is known of the document so far.
struct State {
    cx: Cx,
    doc: Document,
    top: Top,
}

impl State {
    fn new(name: Option<String>, compact: bool) -> Self {
        State {
            cx: Cx {
                ours: false,
                compact,
                warnings: Vec::new(),
                dropped: Default::default(),
                notes: Default::default(),
            },
            doc: Document::default(),
            top: Top {
                name,
                started: false,
                resolution: None,
                cover: None,
                preface_read: false,
                conclusions: Vec::new(),
                extra: Vec::new(),
                before: Vec::new(),
                body_started: false,
            },
        }
    }

    /// The read after the parse: what the root holds still, and the warnings.
    fn finish(mut self, root: El<'_>, lines: &dom::Lines<'_>) -> Result<ReadOutput> {
        let (doc, cx) = (&mut self.doc, &mut self.cx);
        if root.name != "akomaNtoso" {
            return Err(lines.error(
                SOURCE,
                root.pos,
                format!("the root element is <{}>, not <akomaNtoso>", root.name),
            ));
        }
        let Some(docel) = root.elements().next() else {
            return Err(lines.error(SOURCE, root.pos, "<akomaNtoso> holds no document"));
        };
        self.top.finish(docel, doc, cx);
        if !root.akn() {
            cx.warnings.insert(
                0,
                Warning::new(
                    Format::Akn,
                    "akomaNtoso",
                    "the root element is not in an Akoma Ntoso namespace; read by element names",
                ),
            );
        }
        if !cx.ours {
            doc.normalize();
        }
        for (id, n) in std::mem::take(&mut cx.notes) {
            if !n.cited {
                let text: String = n
                    .content
                    .iter()
                    .filter_map(|b| match b {
                        Block::Paragraph(p) => Some(crate::model::plain_text(&p.content)),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                cx.warn(
                    "meta/notes",
                    format!(
                        "note {id:?} is cited by no <noteRef>: it has no place in the text and was dropped: {:?}",
                        text.chars().take(80).collect::<String>()
                    ),
                );
            }
        }
        let dropped = std::mem::take(&mut cx.dropped);
        for (name, n) in dropped {
            cx.warn("document", format!("{n} <{name}> element(s) have no place in the model: their text was kept where possible, their markup dropped"));
        }
        Ok(ReadOutput {
            document: self.doc,
            warnings: self.cx.warnings,
        })
    }
}

/// The `name` attribute of the document element (the root's first child), read ahead: the
/// document's kind is known before its parts are read.
fn document_name(bytes: &[u8]) -> Option<String> {
    let mut r = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut starts = 0;
    for _ in 0..64 {
        match r.read_event_into(&mut buf).ok()? {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                starts += 1;
                if starts == 2 {
                    let a = e.try_get_attribute("name").ok()??;
                    return Some(
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .ok()?
                            .into_owned(),
                    );
                }
            }
            quick_xml::events::Event::Eof => return None,
            _ => {}
        }
        buf.clear();
    }
    None
}

/// The reading of the top-level document as its parts are handed over.
struct Top {
    /// The document element's `name`.
    name: Option<String>,
    /// Whether the kind (and `ours`, from the metadata) is settled.
    started: bool,
    resolution: Option<Resolution>,
    /// A cover page seen before the preface, read after it (as the preface comes first).
    cover: Option<dom::Tree<'static>>,
    preface_read: bool,
    /// The conclusions of a document that is not a resolution, and parts the model has no
    /// place for: blocks after the body.
    conclusions: Vec<Block>,
    extra: Vec<Block>,
    /// Parts the model has no place for that come before the body (a judgment's
    /// `<header>`: court, parties, citation): blocks before it, in their order.
    before: Vec<Block>,
    /// Whether the body (or a part after it) has begun.
    body_started: bool,
}

impl Top {
    /// Settles the document's kind from its element's name, once, with `meta` (when it
    /// is the first part, as it should be) telling whether the file is undocs' own.
    fn start(&mut self, meta: Option<El<'_>>, doc: &mut Document, cx: &mut Cx) {
        if self.started {
            return;
        }
        self.started = true;
        cx.ours = meta
            .and_then(|m| m.child("identification"))
            .and_then(|i| i.attr("source"))
            == Some("#undocs");
        set_kind(self.name.as_deref(), doc, cx);
    }

    /// Reads a cover page held for the preface, once something else comes.
    fn read_cover(&mut self, doc: &mut Document, cx: &mut Cx) {
        if let Some(c) = self.cover.take() {
            read_preface(c.root(), doc, &mut self.resolution, cx);
        }
    }

    /// One part of the document element (`depth` 1) or one child of its body (2); whether
    /// to keep it in the tree, to be read at the end.
    fn part(&mut self, depth: usize, el: El<'_>, doc: &mut Document, cx: &mut Cx) -> bool {
        if depth == 2 {
            self.start(None, doc, cx);
            self.read_cover(doc, cx);
            self.body_started = true;
            let mut blocks = Vec::new();
            hier_child(el, cx, &mut blocks);
            match self.resolution.as_mut() {
                Some(r) => r.operative.extend(blocks),
                None => doc.body.extend(blocks),
            }
            return false;
        }
        match el.name {
            "meta" => {
                self.start(Some(el), doc, cx);
                read_meta(el, doc, cx);
            }
            "preface" => {
                self.start(None, doc, cx);
                read_preface(el, doc, &mut self.resolution, cx);
                self.preface_read = true;
                self.read_cover(doc, cx);
            }
            // AKN4UN puts the masthead on a cover page; it reads like a preface.
            "coverPage" if !self.preface_read => {
                self.start(None, doc, cx);
                self.cover = Some(dom::Tree::copy_of(el));
            }
            "coverPage" => read_preface(el, doc, &mut self.resolution, cx),
            // Read at the end, together (a collection's body refers to components).
            "components" | "collectionBody" => return true,
            name => {
                self.start(None, doc, cx);
                self.read_cover(doc, cx);
                match name {
                    "preamble" => {
                        let r = self.resolution.get_or_insert_with(Resolution::default);
                        read_preamble(el, r, cx);
                    }
                    // (Their children were read as they came.)
                    _ if BODIES.contains(&name) => self.body_started = true,
                    "conclusions" => match self.resolution.as_mut() {
                        Some(r) => read_adoption(el, r, cx),
                        None => self.conclusions.extend(blocks(el, cx)),
                    },
                    "attachments" => read_attachments(el, doc, cx),
                    // Anything else keeps its text, as paragraphs where it stands:
                    // before the body or after it.
                    _ => {
                        cx.drop_el(el);
                        let place = if self.body_started {
                            &mut self.extra
                        } else {
                            &mut self.before
                        };
                        place.extend(blocks(el, cx));
                    }
                }
            }
        }
        false
    }

    /// The body as a whole, then what is read last: `docel` holds only the parts given
    /// back by [`Top::part`].
    fn finish(mut self, docel: El<'_>, doc: &mut Document, cx: &mut Cx) {
        self.start(None, doc, cx);
        self.read_cover(doc, cx);
        match self.resolution.take() {
            Some(mut r) => {
                // (Body read before a late preamble made it a resolution.)
                let before = std::mem::take(&mut doc.body);
                r.operative.splice(0..0, before);
                doc.body = vec![Block::Resolution(r)];
            }
            None => doc.body.append(&mut self.conclusions),
        }
        doc.body.splice(0..0, self.before);
        doc.body.append(&mut self.extra);
        read_collections(docel, doc, cx);
    }
}

fn set_kind(name: Option<&str>, doc: &mut Document, cx: &mut Cx) {
    let m = &mut doc.meta;
    if let Some(name) = name {
        if cx.ours {
            m.kind = if name == "document" {
                None
            } else {
                name.parse().ok()
            };
        } else {
            m.kind = match name {
                "resolution" => Some(DocKind::Resolution),
                "decision" => Some(DocKind::Decision),
                _ => DocKind::guess(&name.replace(['_', '-'], " ")),
            };
        }
    }
}

/// A document element read whole (a component of a collection).
fn read_document(docel: El<'_>, doc: &mut Document, cx: &mut Cx) {
    set_kind(docel.attr("name"), doc, cx);
    if let Some(meta) = docel.child("meta") {
        read_meta(meta, doc, cx);
    }
    let mut resolution: Option<Resolution> = None;
    if let Some(p) = docel.child("preface") {
        read_preface(p, doc, &mut resolution, cx);
    }
    // AKN4UN puts the masthead on a cover page; it reads like a preface.
    if let Some(c) = docel.child("coverPage") {
        read_preface(c, doc, &mut resolution, cx);
    }
    let preamble = docel.child("preamble");
    let body = docel.elements().find(|e| BODIES.contains(&e.name));
    let conclusions = docel.child("conclusions");
    if resolution.is_none() && preamble.is_some() {
        resolution = Some(Resolution::default());
    }
    match resolution.take() {
        Some(mut r) => {
            if let Some(pre) = preamble {
                read_preamble(pre, &mut r, cx);
            }
            if let Some(b) = body {
                r.operative = hier(b, cx);
            }
            if let Some(c) = conclusions {
                read_adoption(c, &mut r, cx);
            }
            doc.body = vec![Block::Resolution(r)];
        }
        None => {
            if let Some(b) = body {
                doc.body = hier(b, cx);
            }
            if let Some(c) = conclusions {
                let mut extra = blocks(c, cx);
                doc.body.append(&mut extra);
            }
        }
    }
    if let Some(att) = docel.child("attachments") {
        read_attachments(att, doc, cx);
    }
    // Anything else beside the known parts keeps its text, as paragraphs where it
    // stands: before the body or after it.
    let mut before = Vec::new();
    let mut body_started = false;
    for c in docel.elements() {
        body_started |= BODIES.contains(&c.name);
        let known = BODIES.contains(&c.name)
            || matches!(
                c.name,
                "meta"
                    | "coverPage"
                    | "preface"
                    | "preamble"
                    | "conclusions"
                    | "attachments"
                    | "components"
                    | "collectionBody"
            );
        if !known {
            cx.drop_el(c);
            let mut b = blocks(c, cx);
            if body_started {
                doc.body.append(&mut b);
            } else {
                before.append(&mut b);
            }
        }
    }
    doc.body.splice(0..0, before);
    read_collections(docel, doc, cx);
}

/// The annexes of an `<attachments>`.
fn read_attachments(att: El<'_>, doc: &mut Document, cx: &mut Cx) {
    for a in att.elements() {
        let Some(inner) = a.elements().next() else {
            continue;
        };
        let mut annex = Annex::default();
        if let Some(p) = inner.child("preface") {
            let mut ps = Vec::new();
            p.find_all("inline", &mut ps);
            if let Some(l) = ps.iter().find(|e| e.attr("name") == Some("annexLabel")) {
                annex.label = cx.plain(*l);
            }
            let mut titles = Vec::new();
            p.find_all("docTitle", &mut titles);
            if let Some(t) = titles.first() {
                annex.title = inlines(*t, cx);
            }
        }
        if annex.label.is_empty() && !cx.ours {
            annex.label = inner.attr("name").unwrap_or("Annex").to_string();
        }
        // The rest of the annex's preface and its preamble are its first blocks.
        if let Some(p) = inner.child("preface") {
            let rest: Vec<El<'_>> = p
                .elements()
                .filter(|e| {
                    let mut marks = Vec::new();
                    e.find_all("docTitle", &mut marks);
                    e.find_all("inline", &mut marks);
                    !marks
                        .iter()
                        .any(|m| m.name == "docTitle" || m.attr("name") == Some("annexLabel"))
                })
                .collect();
            annex.body.extend(blocks_of(rest, cx));
        }
        if let Some(pre) = inner.child("preamble") {
            annex.body.extend(blocks(pre, cx));
        }
        if let Some(b) = inner
            .elements()
            .find(|e| matches!(e.name, "mainBody" | "body"))
        {
            annex.body.extend(hier(b, cx));
        }
        doc.annexes.push(annex);
    }
}

/// A collection's parts and the components a document carries.
fn read_collections(docel: El<'_>, doc: &mut Document, cx: &mut Cx) {
    // A collection's parts (AKN4UN's form for documents with parts; how the EU publishes
    // proposals), and components a document carries: read in full, in order.
    if let Some(cb) = docel.child("collectionBody") {
        let mut first = true;
        for comp in cb.elements().filter(|c| c.name == "component") {
            read_component(comp, docel, doc, &mut first, cx);
        }
    }
    if let Some(c) = docel.child("components") {
        let referenced = referenced_components(docel);
        let mut first = doc.body.is_empty() && docel.child("collectionBody").is_none();
        for comp in c.elements().filter(|c| c.name == "component") {
            let id = comp.attr("eId").or_else(|| comp.attr("GUID"));
            if id.is_some_and(|id| referenced.iter().any(|r| r == id)) {
                continue; // read where the collection's body refers to it
            }
            read_component(comp, docel, doc, &mut first, cx);
        }
    }
}

/// The components a collection's body refers to (`documentRef href="#id"`).
fn referenced_components(docel: El<'_>) -> Vec<String> {
    let mut refs = Vec::new();
    if let Some(cb) = docel.child("collectionBody") {
        cb.find_all("documentRef", &mut refs);
    }
    refs.iter()
        .filter_map(|r| r.attr("href"))
        .map(|h| h.trim_start_matches('#').to_string())
        .collect()
}

/// The most components followed through references (a loop in a damaged file ends here).
const MAX_COMPONENT_DEPTH: usize = 8;

/// One component: a document (the first one's content is the document's own, later ones
/// are its annexes), a reference to one in `components`, interstitial text, or a table of
/// contents (skipped with a warning: it repeats the headings).
fn read_component(comp: El<'_>, docel: El<'_>, doc: &mut Document, first: &mut bool, cx: &mut Cx) {
    read_component_at(comp, docel, doc, first, cx, 0)
}

fn read_component_at(
    comp: El<'_>,
    docel: El<'_>,
    doc: &mut Document,
    first: &mut bool,
    cx: &mut Cx,
    depth: usize,
) {
    let Some(inner) = comp.elements().next() else {
        return;
    };
    match inner.name {
        "documentRef" => {
            let target = inner.attr("href").unwrap_or("").trim_start_matches('#');
            let mut comps = Vec::new();
            if let Some(c) = docel.child("components") {
                c.find_all("component", &mut comps);
            }
            let found = comps
                .iter()
                .find(|c| c.attr("eId").or_else(|| c.attr("GUID")) == Some(target));
            match found {
                Some(c) if depth < MAX_COMPONENT_DEPTH => {
                    read_component_at(*c, docel, doc, first, cx, depth + 1)
                }
                _ => cx.warn(
                    "collectionBody",
                    format!("component reference {target:?} not found among the components"),
                ),
            }
        }
        "interstitial" => {
            let mut b = blocks(inner, cx);
            doc.body.append(&mut b);
        }
        "toc" => cx.warn(
            "collectionBody",
            "a table of contents component was skipped (it repeats the headings)",
        ),
        _ => {
            let mut part = Document::default();
            read_document(inner, &mut part, cx);
            if *first {
                *first = false;
                merge_meta(&mut doc.meta, part.meta);
                doc.body.append(&mut part.body);
            } else {
                let name = inner.attr("name").unwrap_or(inner.name);
                let title = part.meta.title.clone().unwrap_or_default();
                doc.annexes.push(Annex {
                    label: part
                        .meta
                        .symbols
                        .first()
                        .map(|s| s.to_string())
                        .unwrap_or_else(|| name.to_string()),
                    title: if title.is_empty() {
                        vec![]
                    } else {
                        vec![Inline::Text(title)]
                    },
                    body: part.body,
                });
            }
            doc.annexes.append(&mut part.annexes);
        }
    }
}

/// Fills what the collection's own metadata lacks from its first part's.
fn merge_meta(m: &mut crate::model::Meta, part: crate::model::Meta) {
    if m.symbols.is_empty() {
        m.symbols = part.symbols;
    }
    m.organ = m.organ.take().or(part.organ);
    m.subsidiary_body = m.subsidiary_body.take().or(part.subsidiary_body);
    m.distribution = m.distribution.or(part.distribution);
    m.date = m.date.or(part.date);
    if m.original_language.is_none() {
        m.original_language = part.original_language;
        m.other_original_languages = part.other_original_languages;
    }
    m.language = m.language.or(part.language);
    m.session = m.session.take().or(part.session);
    if m.agenda_items.is_empty() {
        m.agenda_items = part.agenda_items;
    }
    m.kind = m.kind.take().or(part.kind);
    m.title = m.title.take().or(part.title);
    m.subtitle = m.subtitle.take().or(part.subtitle);
    m.title_notes.extend(part.title_notes);
    m.summary.extend(part.summary);
    m.job_number = m.job_number.take().or(part.job_number);
    m.sponsors.extend(part.sponsors);
}

fn read_meta(meta: El<'_>, doc: &mut Document, cx: &mut Cx) {
    for notes in meta.elements().filter(|e| e.name == "notes") {
        for n in notes.elements().filter(|e| e.name == "note") {
            let Some(id) = n.attr("eId").or_else(|| n.attr("id")) else {
                cx.warn(
                    "meta/notes",
                    "a <note> without an eId: no reference can cite it; dropped",
                );
                continue;
            };
            let mut content = blocks(n, cx);
            if !cx.ours {
                normalize_blocks(&mut content);
            }
            cx.notes.insert(
                id.to_string(),
                MetaNote {
                    marker: n.attr("marker").map(str::to_string),
                    content,
                    cited: false,
                },
            );
        }
    }
    let Some(id) = meta.child("identification") else {
        return;
    };
    if let Some(expr) = id.child("FRBRExpression") {
        if let Some(l) = expr.child("FRBRlanguage").and_then(|l| l.attr("language"))
            && l != "und"
        {
            doc.meta.language = Language::from_name(l);
            if doc.meta.language.is_none() {
                cx.warn(
                    "meta/FRBRlanguage",
                    format!("language {l:?} is not one this crate knows"),
                );
            }
        }
        if !cx.ours {
            // The expression date stands in for the date of issue when the preface has none;
            // drafts carry a placeholder far in the future ("2999-01-01" in AKN4EU), which
            // is no date of issue.
            if let Some(d) = expr.child("FRBRdate").and_then(|d| d.attr("date")) {
                let date: Option<crate::model::Date> = d.get(..10).and_then(|d| d.parse().ok());
                match date {
                    Some(date) if date.year() >= PLACEHOLDER_YEAR => cx.warn(
                        "meta/FRBRExpression/FRBRdate",
                        format!("date {d:?} is a placeholder, not a date of issue: left out"),
                    ),
                    date => doc.meta.date = date,
                }
            }
        }
    }
}

/// An FRBR date from this year on is a draft's placeholder, not a date.
const PLACEHOLDER_YEAR: u16 = 2900;

fn read_preface(p: El<'_>, doc: &mut Document, resolution: &mut Option<Resolution>, cx: &mut Cx) {
    let m = &mut doc.meta;
    for c in p.elements() {
        match (c.name, c.attr("name")) {
            ("container", Some("agendaItem")) => {
                let mut item = AgendaItem::default();
                let mut ins = Vec::new();
                c.find_all("inline", &mut ins);
                for i in ins {
                    match i.attr("name") {
                        Some("agendaItemNumber") => item.number = Some(cx.plain(i)),
                        Some("agendaItemTitle") => item.title = cx.plain(i),
                        _ => {}
                    }
                }
                m.agenda_items.push(item);
            }
            ("container", Some("summary")) => m.summary = blocks(c, cx),
            ("container", Some("titleNotes")) => {
                let mut notes = Vec::new();
                c.find_all("authorialNote", &mut notes);
                for n in notes {
                    m.title_notes.push(title_note(n, cx));
                }
            }
            ("container", Some("resolutionHeading")) => {
                let mut r = Resolution::default();
                let mut ins = Vec::new();
                c.find_all("inline", &mut ins);
                for i in ins {
                    match i.attr("name") {
                        Some("resolutionNumber") => r.num = Some(cx.plain(i)),
                        Some("resolutionTitle") => r.title = inlines(i, cx),
                        Some("resolutionOrigin") => r.origin = inlines(i, cx),
                        _ => {}
                    }
                }
                *resolution = Some(r);
            }
            ("longTitle", _) if !cx.ours => m.title = Some(cx.plain(c)),
            _ => masthead_line(c, m, cx),
        }
    }
}

fn title_note(n: El<'_>, cx: &mut Cx) -> TitleNote {
    let mut content = Vec::new();
    for (k, p) in n.elements().filter(|e| e.name == "p").enumerate() {
        if k > 0 {
            content.push(Inline::Text(" ".into()));
        }
        content.extend(inlines(p, cx));
    }
    if !cx.ours {
        trim_inlines(&mut content);
        normalize_inlines(&mut content);
    }
    TitleNote {
        marker: n.attr("marker").unwrap_or("*").to_string(),
        content,
    }
}

/// One paragraph (or container) of a masthead: the semantic inlines in it.
fn masthead_line(c: El<'_>, m: &mut crate::model::Meta, cx: &mut Cx) {
    let whole = cx.plain(c);
    let mut recognized = false;
    let mut stack: Vec<El<'_>> = c.elements().collect();
    stack.reverse();
    while let Some(e) = stack.pop() {
        let text = cx.plain(e);
        recognized = true;
        match (e.name, e.attr("name"), e.attr("refersTo")) {
            ("docNumber", _, _) => match Symbol::parse_printed(&text) {
                Ok((s, r)) => {
                    m.symbols.push(s);
                    m.reissued |= r;
                }
                Err(err) => cx.warn(
                    "preface/docNumber",
                    format!("document number dropped: {err}"),
                ),
            },
            ("inline", Some("reissued"), _) => m.reissued = true,
            ("organization", _, Some("#organ")) => m.organ = Some(text),
            ("organization", _, Some("#body")) => m.subsidiary_body = Some(text),
            ("docIntroducer" | "organization", _, _) => {
                if text.eq_ignore_ascii_case("United Nations") {
                } else if [
                    "General Assembly",
                    "Security Council",
                    "Economic and Social Council",
                    "Trusteeship Council",
                    "Secretariat",
                ]
                .iter()
                .any(|o| o.eq_ignore_ascii_case(&text))
                {
                    m.organ = Some(text);
                } else {
                    m.subsidiary_body = Some(text);
                }
            }
            ("inline", Some("distribution"), _) | ("docStatus", _, _) => {
                m.distribution = Distribution::parse_printed(&text);
                if m.distribution.is_none() {
                    cx.warn("preface", format!("distribution {text:?} not understood"));
                }
            }
            ("docDate", _, _) => {
                m.date = e
                    .attr("date")
                    .and_then(|d| d.get(..10))
                    .and_then(|d| d.parse().ok())
                    .or_else(|| Date::parse_printed(&text));
            }
            ("inline", Some("originalLanguage"), _) => {
                // One for each original language ("Original: English/French").
                let (found, _) = crate::model::words::original_languages(&text);
                for (l, _) in found {
                    m.add_original_language(l);
                }
                if m.original_language.is_none() {
                    cx.warn("preface", format!("original language {text:?} not known"));
                }
            }
            ("session", _, _) => {
                let mut s = if cx.ours {
                    Session::default()
                } else {
                    Session::parse_printed(&text).unwrap_or_default()
                };
                if let Some(v) = e.attr("value").filter(|v| !v.is_empty() || cx.ours) {
                    s.number = Some(v.to_string());
                }
                if !text.is_empty() {
                    s.label = Some(text);
                }
                m.session = Some(s);
            }
            ("inline", Some("sessionDates"), _) => {
                m.session.get_or_insert_with(Session::default).dates = Some(text)
            }
            ("docTitle", _, _) => m.title = Some(text),
            ("inline", Some("subtitle"), _) => m.subtitle = Some(text),
            ("docType", _, _) if !cx.ours => match m.agenda_items.last_mut() {
                Some(a) if a.title.is_empty() => a.title = text,
                _ => m.subtitle = Some(text),
            },
            ("docProponent", _, _) => {
                if cx.ours {
                    m.sponsors.push(text);
                } else {
                    let (who, what) = text.split_once(':').unwrap_or((&text, ""));
                    let mut names: Vec<String> = who
                        .split(',')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect();
                    // "A, B and C": the last comma-separated part holds the last two names.
                    if let Some(last) = names.pop() {
                        match last.split_once(" and ") {
                            Some((a, b)) => {
                                names.extend([a.trim().to_string(), b.trim().to_string()])
                            }
                            None => names.push(last),
                        }
                    }
                    m.sponsors.extend(names);
                    if let Some(k) = DocKind::guess(what.trim()) {
                        m.kind = Some(k);
                    }
                }
            }
            ("docketNumber", _, _) => match text.parse::<JobNumber>() {
                Ok(j) => m.job_number = Some(j),
                Err(err) => cx.warn("preface/docketNumber", format!("job number dropped: {err}")),
            },
            ("authorialNote", _, _) => m.title_notes.push(title_note(e, cx)),

            ("ref", _, _) if !cx.ours && agenda(&text).is_some() => {
                if let Some(n) = agenda(&text) {
                    m.agenda_items.push(AgendaItem {
                        number: Some(n),
                        title: String::new(),
                    });
                }
                stack.extend(e.elements().collect::<Vec<_>>().into_iter().rev());
            }
            (
                "span" | "inline" | "p" | "container" | "longTitle" | "b" | "i" | "ref" | "block",
                _,
                _,
            ) => {
                let inner: Vec<El<'_>> = e.elements().collect();
                if inner.is_empty() {
                    recognized = false;
                }
                stack.extend(inner.into_iter().rev());
            }
            _ => {
                recognized = false;
                cx.drop_el(e);
            }
        }
    }
    // Text that says what it is (in others' files: ours mark every field, and a subtitle
    // reading "Original:En" is a subtitle).
    let w = whole.trim();
    if !cx.ours
        && let Some(l) = w.strip_prefix("Original:")
    {
        if m.original_language.is_none() {
            for (l, _) in crate::model::words::original_languages(l).0 {
                m.add_original_language(l);
            }
        }
        return;
    }
    if !recognized && !cx.ours && !w.is_empty() {
        let datesish = w.chars().any(|c| c.is_ascii_digit())
            && crate::model::MONTHS.iter().any(|mo| w.contains(mo));
        match m.session.as_mut() {
            Some(s) if datesish && s.dates.is_none() => s.dates = Some(w.to_string()),
            _ => cx.warn(
                "preface",
                format!(
                    "masthead text not recognized and dropped: {:?}",
                    w.chars().take(80).collect::<String>()
                ),
            ),
        }
    }
}

/// "Item 4 of the provisional agenda", "Agenda item 6" → "4", "6".
fn agenda(t: &str) -> Option<String> {
    let t = t.trim();
    let rest = t
        .strip_prefix("Agenda item ")
        .or_else(|| t.strip_prefix("Item "))?;
    let n: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '(' || *c == ')' || *c == ' ')
        .collect();
    let n = n.split(" of ").next().unwrap_or("").trim().to_string();
    (!n.is_empty() && n.starts_with(|c: char| c.is_ascii_digit())).then_some(n)
}

fn read_preamble(pre: El<'_>, r: &mut Resolution, cx: &mut Cx) {
    let mut rest = Vec::new();
    for c in pre.elements() {
        if c.name == "formula" && r.formula.is_empty() {
            // Its paragraphs, one after the other (other producers may write more than one).
            for p in c.elements().filter(|p| p.name == "p") {
                let more = inlines(p, cx);
                if !r.formula.is_empty() && !more.is_empty() {
                    r.formula.push(Inline::Text(" ".into()));
                }
                r.formula.extend(more);
            }
            continue;
        }
        if !cx.ours
            && r.formula.is_empty()
            && r.preamble.is_empty()
            && rest.is_empty()
            && c.name == "p"
        {
            let t = cx.plain(c);
            if t.starts_with("The ") && t.ends_with(',') && t.len() < 120 {
                r.formula = inlines(c, cx);
                trim_inlines(&mut r.formula);
                continue;
            }
        }
        rest.push(c);
    }
    let mut run: Vec<El<'_>> = Vec::new();
    for c in rest {
        match c.name {
            "recitals" | "citations" => {
                r.preamble.extend(blocks_of(run.drain(..), cx));
                for x in c.elements() {
                    match x.name {
                        "intro" => r.preamble.extend(blocks(x, cx)),
                        // A recital or citation is a paragraph with its number ("(1)").
                        "recital" | "citation" => r.preamble.extend(point(x, cx)),
                        _ => r.preamble.extend(blocks_of([x], cx)),
                    }
                }
            }
            _ => run.push(c),
        }
    }
    r.preamble.extend(blocks_of(run, cx));
}

fn read_adoption(c: El<'_>, r: &mut Resolution, cx: &mut Cx) {
    let mut ps = Vec::new();
    c.find_all("p", &mut ps);
    for p in ps {
        let t = cx.plain(p);
        if !t.is_empty() || cx.ours {
            r.adoption.push(t);
        }
    }
}

// ---------------------------------------------------------------------------------
// Hierarchy

fn division_kind(name: &str) -> Option<DivisionKind> {
    Some(match name {
        "part" | "book" | "tome" => DivisionKind::Part,
        "chapter" => DivisionKind::Chapter,
        "section" => DivisionKind::Section,
        "subsection" => DivisionKind::Subsection,
        "title" | "subpart" | "subchapter" | "division" | "subdivision" | "article" | "clause"
        | "subclause" | "rule" | "subrule" | "level" | "transitional" | "subtitle"
        | "debateSection" | "hcontainer" => DivisionKind::Heading,
        // Debate sections of Akoma Ntoso debates and debate reports.
        "administrationOfOath"
        | "rollCall"
        | "prayers"
        | "oralStatements"
        | "writtenStatements"
        | "personalStatements"
        | "ministerialStatements"
        | "resolutions"
        | "nationalInterest"
        | "declarationOfVote"
        | "communication"
        | "petitions"
        | "papers"
        | "noticesOfMotion"
        | "questions"
        | "address"
        | "proceduralMotions"
        | "pointOfOrder"
        | "adjournment" => DivisionKind::Heading,
        _ => return None,
    })
}

fn num_of(e: El<'_>, cx: &Cx) -> Option<String> {
    e.child("num").map(|n| cx.plain(n))
}

/// The children of a hierarchy element (or main body) as blocks.
fn hier(e: El<'_>, cx: &mut Cx) -> Vec<Block> {
    let mut out = Vec::new();
    for c in e.elements() {
        hier_child(c, cx, &mut out);
    }
    if cx.compact {
        out.shrink_to_fit();
    }
    out
}

/// [`hier`] for one child: its blocks added to `out` (returned vectors, moved from one
/// to the next, took a few allocations a paragraph).
fn hier_child(c: El<'_>, cx: &mut Cx, out: &mut Vec<Block>) {
    {
        match c.name {
            "num" | "heading" => {}
            // The model's divisions have one heading: a subheading is kept as a paragraph.
            "subheading" => {
                cx.drop_el(c);
                out.extend(heading_paragraph(c, cx));
            }
            "paragraph" | "point" | "subparagraph" | "alinea" | "indent" | "proviso" => {
                point_into(c, cx, out)
            }
            "list" | "sublist" => out.extend(list_items(c, cx)),
            "content" | "intro" | "wrapUp" => out.extend(blocks(c, cx)),
            "hcontainer" if c.attr("name") == Some("block") => {
                if let Some(content) = c.child("content") {
                    out.extend(blocks(content, cx));
                }
            }
            "hcontainer" if c.attr("name") == Some("resolution") => {
                out.push(Block::Resolution(resolution_hcontainer(c, cx)))
            }
            "p" if has_class(c, "empty") => {}
            _ => out.extend(hier_one(c, cx)),
        }
    }
}

/// A `<list>` (or `<sublist>`) standing on its own: its intro, items and wrap-up as blocks.
fn list_items(c: El<'_>, cx: &mut Cx) -> Vec<Block> {
    let mut out = Vec::new();
    for x in c.elements() {
        match x.name {
            "intro" | "wrapUp" => out.extend(blocks(x, cx)),
            "num" | "heading" | "subheading" => {}
            _ => out.extend(hier_one(x, cx)),
        }
    }
    out
}

fn hier_one(c: El<'_>, cx: &mut Cx) -> Vec<Block> {
    // (A list inside content: its items. Handing it back to blocks_of would come back
    // here for ever.)
    if matches!(c.name, "list" | "sublist") {
        return list_items(c, cx);
    }
    if matches!(
        c.name,
        "paragraph" | "point" | "subparagraph" | "alinea" | "indent" | "proviso"
    ) {
        return point(c, cx);
    }
    if let Some(kind) = division_kind(c.name) {
        let heading = c.child("heading").map(|h| {
            let mut v = inlines(h, cx);
            if !cx.ours {
                trim_inlines(&mut v);
            }
            v
        });
        let num = num_of(c, cx);
        let mut content = hier(c, cx);
        // In others' files, a numbered unit without a heading ("(1)" of a subsection,
        // "[3]" of a clause) is a numbered paragraph: its first paragraph takes the number,
        // the numbered paragraphs right after it are its subparagraphs.
        if !cx.ours
            && heading.is_none()
            && let Some(n) = num.as_deref().filter(|n| paragraph_number_like(n))
            && let Some(Block::Paragraph(first)) = content.first_mut()
            && first.num.is_none()
        {
            first.num = Some(n.to_string());
            let subs = content[1..]
                .iter()
                .take_while(|b| matches!(b, Block::Paragraph(p) if p.num.is_some()))
                .count();
            let moved: Vec<Block> = content.drain(1..1 + subs).collect();
            if let Some(Block::Paragraph(first)) = content.first_mut() {
                first
                    .subparagraphs
                    .extend(moved.into_iter().filter_map(|b| match b {
                        Block::Paragraph(p) => Some(p),
                        _ => None,
                    }));
            }
            return content;
        }
        return vec![Block::Division(crate::model::Division {
            kind,
            num,
            heading: heading.unwrap_or_default(),
            content,
        })];
    }
    blocks_of([c], cx)
}

/// Whether a unit's number reads like a paragraph's ("(1)", "1.", "[3]", "2A"), not a
/// heading's label ("Article 2", "PART I").
fn paragraph_number_like(n: &str) -> bool {
    let n = n.trim();
    !n.is_empty() && n.len() <= 8 && !n.contains(char::is_whitespace)
}

/// A paragraph or point: number, text, subparagraphs.
fn point(e: El<'_>, cx: &mut Cx) -> Vec<Block> {
    let mut out = Vec::new();
    point_into(e, cx, &mut out);
    out
}

/// [`point`], its blocks added to `out`.
fn point_into(e: El<'_>, cx: &mut Cx, out: &mut Vec<Block>) {
    let mut p = Paragraph {
        num: num_of(e, cx),
        ..Paragraph::default()
    };
    let mut extra = Vec::new();
    // The model's paragraphs have no heading: one is kept as a paragraph before it.
    let mut before = Vec::new();
    for c in e.elements() {
        match c.name {
            "num" => {}
            "heading" | "subheading" => {
                cx.drop_el(c);
                before.extend(heading_paragraph(c, cx));
            }
            // Text straight in the point (a recital's <p>): its content, first.
            "p" if p.content.is_empty() && extra.is_empty() && !has_class(c, "empty") => {
                p.content = inlines(c, cx);
                if !cx.ours {
                    trim_inlines(&mut p.content);
                }
            }
            "content" | "intro" => {
                let mut bs = blocks(c, cx).into_iter();
                match bs.next() {
                    Some(Block::Paragraph(first))
                        if p.content.is_empty() && first.num.is_none() =>
                    {
                        p.content = first.content;
                        p.subparagraphs.extend(first.subparagraphs);
                    }
                    Some(other) => extra.push(other),
                    None => {}
                }
                extra.extend(bs);
            }
            "list" | "sublist" => {
                for x in c.elements() {
                    match x.name {
                        "intro" => {
                            let mut bs = blocks(x, cx).into_iter();
                            if let Some(Block::Paragraph(first)) = bs.next() {
                                if p.content.is_empty() {
                                    p.content = first.content;
                                } else {
                                    extra.push(Block::Paragraph(first));
                                }
                            }
                            extra.extend(bs);
                        }
                        "point" | "paragraph" | "subparagraph" | "alinea" | "indent" => {
                            for b in point(x, cx) {
                                if let Block::Paragraph(s) = b {
                                    p.subparagraphs.push(s);
                                } else {
                                    extra.push(b);
                                }
                            }
                        }
                        "wrapUp" => extra.extend(blocks(x, cx)),
                        _ => extra.extend(hier_one(x, cx)),
                    }
                }
            }
            "point" | "paragraph" | "subparagraph" | "alinea" | "indent" => {
                for b in point(c, cx) {
                    if let Block::Paragraph(s) = b {
                        p.subparagraphs.push(s);
                    } else {
                        extra.push(b);
                    }
                }
            }
            "wrapUp" => extra.extend(blocks(c, cx)),
            _ => extra.extend(hier_one(c, cx)),
        }
    }
    out.append(&mut before);
    out.push(Block::Paragraph(p));
    out.append(&mut extra);
}

/// A heading-like element the model has no place for, as a paragraph in bold (nothing if
/// it is empty).
fn heading_paragraph(c: El<'_>, cx: &mut Cx) -> Option<Block> {
    let mut content = inlines(c, cx);
    trim_inlines(&mut content);
    (!content.is_empty()).then(|| {
        Block::Paragraph(Paragraph {
            num: None,
            content: vec![Inline::Strong(content)],
            subparagraphs: vec![],
        })
    })
}

fn resolution_hcontainer(e: El<'_>, cx: &mut Cx) -> Resolution {
    let mut r = Resolution {
        num: num_of(e, cx),
        ..Resolution::default()
    };
    for c in e.elements() {
        match (c.name, c.attr("name")) {
            ("heading", _) => r.title = inlines(c, cx),
            ("subheading", _) => r.origin = inlines(c, cx),
            ("hcontainer", Some("formula")) => {
                if let Some(p) = c.child("content").and_then(|x| x.child("p")) {
                    r.formula = inlines(p, cx);
                }
            }
            ("hcontainer", Some("preamble")) => {
                if let Some(x) = c.child("content") {
                    r.preamble = blocks(x, cx);
                }
            }
            ("hcontainer", Some("operative")) => r.operative = hier(c, cx),
            ("hcontainer", Some("adoption")) => read_adoption(c, &mut r, cx),
            ("hcontainer", Some("annex")) => r.annexes.push(Annex {
                label: c.child("num").map(|n| cx.plain(n)).unwrap_or_default(),
                title: c
                    .child("heading")
                    .map(|h| inlines(h, cx))
                    .unwrap_or_default(),
                body: hier(c, cx),
            }),
            ("num", _) => {}
            _ => cx.drop_el(c),
        }
    }
    r
}

// ---------------------------------------------------------------------------------
// Blocks

fn blocks(e: El<'_>, cx: &mut Cx) -> Vec<Block> {
    let stray = e
        .children()
        .any(|n| matches!(n, Node::Text(t) if !t.trim().is_empty()));
    if stray {
        // Text straight in a block container (sloppy markup): one paragraph of it all.
        let mut content = inlines(e, cx);
        trim_inlines(&mut content);
        return vec![Block::Paragraph(Paragraph {
            num: None,
            content,
            subparagraphs: vec![],
        })];
    }
    blocks_of(e.elements(), cx)
}

/// A list item with a `<num>` (in others' files): its blocks, the first a paragraph with
/// the number.
fn numbered_item(i: El<'_>, cx: &mut Cx) -> Vec<Block> {
    let num = num_of(i, cx);
    let stray = i
        .children()
        .any(|n| matches!(n, Node::Text(t) if !t.trim().is_empty()));
    let mut bs = if stray {
        // Text straight in the item: one paragraph of it, the number apart.
        let rest = i
            .children()
            .filter(|n| !matches!(n, Node::El(e) if e.name == "num"));
        let mut content = inline_nodes(rest, cx);
        trim_inlines(&mut content);
        vec![Block::Paragraph(Paragraph {
            num: None,
            content,
            subparagraphs: vec![],
        })]
    } else {
        blocks_of(i.elements().filter(|x| x.name != "num"), cx)
    };
    match bs.first_mut() {
        Some(Block::Paragraph(p)) if p.num.is_none() => p.num = num,
        _ => bs.insert(
            0,
            Block::Paragraph(Paragraph {
                num,
                ..Paragraph::default()
            }),
        ),
    }
    bs
}

fn blocks_of<'t>(children: impl IntoIterator<Item = El<'t>>, cx: &mut Cx) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for c in children {
        match c.name {
            "p" => {
                if has_class(c, "empty") {
                    continue;
                }
                let level = c
                    .attr("class")
                    .and_then(|cl| {
                        cl.split_whitespace()
                            .find_map(|x| x.strip_prefix("subparagraph"))
                    })
                    .map(|rest| {
                        rest.strip_prefix('-')
                            .and_then(|n| n.parse::<usize>().ok())
                            .unwrap_or(1)
                    })
                    .filter(|_| cx.ours);
                let mut kids = c.children();
                let mut num = None;
                let mut content_from = 0;
                if cx.ours
                    && let Some(Node::El(first)) = kids.next()
                    && first.name == "inline"
                    && first.attr("name") == Some("num")
                {
                    num = Some(first.text());
                    content_from = 1;
                }
                let mut content = inline_nodes(c.children().skip(content_from), cx);
                if !cx.ours {
                    trim_inlines(&mut content);
                }
                let para = Paragraph {
                    num,
                    content,
                    subparagraphs: vec![],
                };
                match level {
                    Some(l) if l >= 1 => {
                        if let Some(parent) = crate::model::last_paragraph_at(&mut out, l - 1) {
                            parent.subparagraphs.push(para);
                        } else {
                            out.push(Block::Paragraph(para));
                        }
                    }
                    _ => out.push(Block::Paragraph(para)),
                }
            }
            "blockList" | "ul" | "ol" => {
                if has_class(c, "empty") {
                    out.push(Block::List(List { items: vec![] }));
                    continue;
                }
                // The list's introduction and wrap-up are paragraphs around it.
                for intro in c.elements().filter(|x| x.name == "listIntroduction") {
                    out.extend(blocks(intro, cx));
                }
                let items: Vec<El<'_>> = c
                    .elements()
                    .filter(|i| matches!(i.name, "item" | "li"))
                    .collect();
                // Items numbered in others' files ("[1]", "(a)"): numbered paragraphs, as
                // <paragraph>s and <point>s with a <num> are. (The model's lists are
                // bulleted.)
                let numbered =
                    !cx.ours && !items.is_empty() && items.iter().all(|i| i.child("num").is_some());
                if numbered {
                    for i in items {
                        out.extend(numbered_item(i, cx));
                    }
                } else {
                    let items = items.into_iter().map(|i| blocks(i, cx)).collect();
                    out.push(Block::List(List { items }));
                }
                for wrap in c.elements().filter(|x| x.name == "listWrapUp") {
                    out.extend(blocks(wrap, cx));
                }
            }
            "table" => {
                // A caption has no place in the model's tables: a paragraph before it.
                for cap in c.elements().filter(|x| x.name == "caption") {
                    cx.drop_el(cap);
                    out.extend(blocks(cap, cx));
                }
                let mut t = Table::default();
                if !has_class(c, "empty") {
                    for tr in c.elements().filter(|e| e.name == "tr") {
                        let header = has_class(tr, "header")
                            || (!cx.ours && tr.elements().all(|x| x.name == "th"));
                        let cells = if has_class(tr, "empty") {
                            vec![]
                        } else {
                            tr.elements()
                                .filter(|x| x.name == "td" || x.name == "th")
                                .map(|x| blocks(x, cx))
                                .collect()
                        };
                        t.rows.push(TableRow { header, cells });
                    }
                }
                out.push(Block::Table(t));
            }
            "blockContainer" if has_class(c, "quote") || c.attr("name") == Some("quote") => {
                out.push(Block::Quote(blocks(c, cx)))
            }
            "embeddedStructure" | "quotedStructure" => out.push(Block::Quote(hier(c, cx))),
            "num" | "heading" | "subheading" | "from" => out.extend(heading_paragraph(c, cx)),
            _ => {
                if division_kind(c.name).is_some()
                    || matches!(c.name, "paragraph" | "point" | "list")
                {
                    out.extend(hier_one(c, cx));
                } else {
                    // Containers of blocks (blockContainer, container, speech, recital, tblock…):
                    // their blocks, markup dropped.
                    if !matches!(
                        c.name,
                        "blockContainer" | "container" | "tblock" | "block" | "foreign"
                    ) {
                        cx.drop_el(c);
                    }
                    out.extend(blocks(c, cx));
                }
            }
        }
    }
    if cx.compact {
        out.shrink_to_fit();
    }
    out
}

// ---------------------------------------------------------------------------------
// Inlines

fn inlines(e: El<'_>, cx: &mut Cx) -> Vec<Inline> {
    let mut v = inline_nodes(e.children(), cx);
    if !cx.ours {
        normalize_inlines(&mut v);
    }
    v
}

fn inline_nodes<'t>(nodes: impl Iterator<Item = Node<'t>>, cx: &mut Cx) -> Vec<Inline> {
    let mut out = Vec::new();
    for n in nodes {
        match n {
            Node::Text(t) => out.push(Inline::Text(cx.text(t))),
            Node::El(e) => match e.name {
                "i" => out.push(Inline::Emphasis(inline_nodes(e.children(), cx))),
                "b" => out.push(Inline::Strong(inline_nodes(e.children(), cx))),
                "sup" => out.push(Inline::Superscript(inline_nodes(e.children(), cx))),
                "sub" => out.push(Inline::Subscript(inline_nodes(e.children(), cx))),
                "eol" | "br" => out.push(Inline::LineBreak),
                "a" => out.push(Inline::Link(Link {
                    url: e.attr("href").unwrap_or("").to_string(),
                    content: inline_nodes(e.children(), cx),
                })),
                "ref" => {
                    let plain = e.text_cow();
                    let only_text = e.elements().next().is_none();
                    let symbol = if cx.ours {
                        plain.parse::<Symbol>().ok()
                    } else {
                        fold(&plain).trim().parse::<Symbol>().ok()
                    };
                    match (symbol, only_text) {
                        (Some(symbol), true) if cx.ours || fold(&plain).trim() == plain.trim() => {
                            if !cx.ours && plain.starts_with(char::is_whitespace) {
                                out.push(Inline::Text(" ".into()));
                            }
                            out.push(Inline::Ref(Reference { symbol }))
                        }
                        _ => out.push(Inline::Link(Link {
                            url: e.attr("href").unwrap_or("").to_string(),
                            content: inline_nodes(e.children(), cx),
                        })),
                    }
                }
                "authorialNote" => {
                    let mut content = blocks(e, cx);
                    if !cx.ours {
                        normalize_blocks(&mut content);
                    }
                    out.push(Inline::Note(Note {
                        marker: e.attr("marker").unwrap_or("").to_string(),
                        content,
                    }))
                }
                "omissis" => out.push(Inline::Text("…".into())),
                // A reference to a note kept in <meta>: the note, here.
                "noteRef" => {
                    let href = e.attr("href").unwrap_or("");
                    match cx.notes.get_mut(href.trim_start_matches('#')) {
                        Some(n) => {
                            n.cited = true;
                            let marker = e.attr("marker").map(str::to_string);
                            out.push(Inline::Note(Note {
                                marker: marker.or_else(|| n.marker.clone()).unwrap_or_default(),
                                content: n.content.clone(),
                            }));
                        }
                        None => cx.warn(
                            "noteRef",
                            format!(
                                "a <noteRef> to {href:?}, which is no note in <meta>: left out"
                            ),
                        ),
                    }
                }
                _ => {
                    // Semantic inlines (docTitle, organization, person, term, span, inline…):
                    // their content stays, the markup goes.
                    if !matches!(e.name, "inline" | "span" | "u" | "abbr") {
                        cx.drop_el(e);
                    }
                    out.extend(inline_nodes(e.children(), cx));
                }
            },
        }
    }
    // (Kept in the model: no room left over from growing.)
    if cx.compact {
        out.shrink_to_fit();
    }
    out
}

/// Trims whitespace at both ends of an inline sequence (other producers indent their
/// markup).
fn trim_inlines(v: &mut Vec<Inline>) {
    normalize_inlines(v);
    if let Some(Inline::Text(t)) = v.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some(Inline::Text(t)) = v.last_mut() {
        *t = t.trim_end().to_string();
    }
    normalize_inlines(v);
}
