//! The DOCX reader: the package, its parts, and the exact reading of our own files; other
//! Word files go to [`super::foreign`].

use std::collections::HashMap;

use super::package::{Package, missing};
use super::styles::{self, Role};
use crate::model::{
    AgendaItem, Annex, Block, Distribution, Division, DivisionKind, Document, Inline, JobNumber,
    Language, Link, List, Meta, Note, Paragraph, Reference, Resolution, RunFormat, Session, Symbol,
    Table, TableRow, TitleNote, build_runs,
};
use crate::xml::{self, El, Node, Source};
use crate::{Format, ReadOptions, ReadOutput, Result, Warning};

/// What every reader of a package needs: footnotes by id, hyperlink targets by
/// relationship id, custom properties.
pub(crate) struct Parts<'a> {
    pub footnotes: Notes<'a>,
    /// Endnotes by id: read as notes at their reference (the model has no endnotes).
    pub endnotes: Notes<'a>,
    pub rels: Rels,
    pub custom: Vec<(String, String)>,
    /// Whether the document part is larger than [`ReadOptions::stream_from`]: streamed,
    /// its notes not held as trees.
    pub large: bool,
}

impl Parts<'_> {
    pub fn prop(&self, name: &str) -> Option<&str> {
        self.custom
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The notes of a part (`word/footnotes.xml`, `word/endnotes.xml`) by id. In a large
/// document (its document part streamed, [`ReadOptions::stream_from`]) only where each
/// note is in the part is kept, and a note is parsed again at its reference: every note's
/// tree held for the whole read would take about four times the part. Otherwise the
/// notes' trees are held (faster).
pub(crate) struct Notes<'a> {
    part: &'static str,
    bytes: &'a [u8],
    /// The part's tree, holding the notes (`held`: each note's index in it, for
    /// [`xml::Tree::element`]).
    root: Option<xml::Tree<'a>>,
    held: HashMap<String, usize>,
    spans: HashMap<String, (u64, u64)>,
    options: ReadOptions,
}

/// A note's element: held in its part's tree, or parsed again.
pub(crate) enum NoteEl<'n, 'a> {
    Held(El<'n>),
    Parsed(xml::Tree<'a>),
}

impl NoteEl<'_, '_> {
    /// The note's element.
    pub fn el(&self) -> El<'_> {
        match self {
            NoteEl::Held(e) => *e,
            NoteEl::Parsed(t) => t.root(),
        }
    }
}

impl<'a> Notes<'a> {
    /// Finds the elements named `name` among the root's children, by their `w:id`: their
    /// trees kept when `hold`, else where they are.
    fn index(
        part: &'static str,
        bytes: Option<&'a [u8]>,
        name: &str,
        hold: bool,
        options: &ReadOptions,
    ) -> Result<Self> {
        let mut notes = Notes {
            part,
            bytes: bytes.unwrap_or_default(),
            root: None,
            held: HashMap::new(),
            spans: HashMap::new(),
            options: options.clone(),
        };
        let Some(bytes) = bytes else {
            return Ok(notes);
        };
        if hold {
            let tree = parse(part, bytes, options)?;
            for e in tree.root().elements() {
                if e.name == name
                    && let Some(id) = e.attr("id")
                {
                    notes.held.insert(id.to_string(), e.index());
                }
            }
            notes.root = Some(tree);
            return Ok(notes);
        }
        // Where each child of the root starts (a note ends where the next child starts).
        let mut starts: Vec<(Option<String>, u64)> = Vec::new();
        xml::parse_streaming(
            source(part),
            bytes,
            options,
            &[xml::Stream {
                depth: 0,
                parents: &[],
            }],
            &mut |_, e| {
                let id = (e.name == name)
                    .then(|| e.attr("id").map(str::to_string))
                    .flatten();
                starts.push((id, e.pos));
                Ok(false)
            },
        )?;
        let ends: Vec<u64> = starts
            .iter()
            .skip(1)
            .map(|(_, at)| *at)
            .chain([bytes.len() as u64])
            .collect();
        for ((id, at), to) in starts.into_iter().zip(ends) {
            if let Some(id) = id {
                notes.spans.insert(id, (at, to));
            }
        }
        Ok(notes)
    }

    /// The note with this id; `None` when there is none.
    pub fn get(&self, id: &str) -> Option<Result<NoteEl<'_, 'a>>> {
        if let Some(tree) = &self.root {
            let i = *self.held.get(id)?;
            return tree.element(i).map(|e| Ok(NoteEl::Held(e)));
        }
        let span = *self.spans.get(id)?;
        Some(
            xml::parse_element(source(self.part), self.bytes, span, &self.options)
                .map(NoteEl::Parsed),
        )
    }
}

/// How a WordprocessingML part is read: by local names, formatting details skipped.
fn source(part: &str) -> Source<'_> {
    Source {
        format: Format::Docx,
        part,
        namespaces: false,
        skip: Some(skip),
    }
}

pub(crate) fn parse<'a>(
    part: &'a str,
    bytes: &'a [u8],
    options: &ReadOptions,
) -> Result<xml::Tree<'a>> {
    xml::parse(source(part), bytes, options)
}

/// Parses `word/styles.xml` for what the readers take from it: each style's id, type,
/// name, `basedOn` and character properties. Paragraph and table properties and the
/// document defaults are skipped (they are most of the part).
pub(crate) fn parse_styles<'a>(bytes: &'a [u8], options: &ReadOptions) -> Result<xml::Tree<'a>> {
    fn skip_in_styles(name: &str) -> bool {
        skip(name)
            || matches!(
                name,
                "pPr" | "tblPr" | "trPr" | "tcPr" | "tblStylePr" | "docDefaults" | "next" | "link"
            )
    }
    let src = Source {
        skip: Some(skip_in_styles),
        ..source("word/styles.xml")
    };
    xml::parse(src, bytes, options)
}

/// WordprocessingML elements neither DOCX reader looks at: their subtrees are skipped.
pub(crate) fn skip(name: &str) -> bool {
    matches!(
        name,
        "rFonts"
            | "lang"
            | "sz"
            | "szCs"
            | "color"
            | "kern"
            | "noProof"
            | "lastRenderedPageBreak"
            | "proofErr"
            | "bookmarkStart"
            | "bookmarkEnd"
            | "ind"
            | "jc"
            | "spacing"
            | "tabs"
            | "keepNext"
            | "keepLines"
            | "widowControl"
            | "shd"
            | "snapToGrid"
            | "rsids"
            | "webHidden"
            | "ligatures"
            | "docGrid"
            | "pgSz"
            | "pgMar"
            | "cols"
            | "tblBorders"
            | "tcBorders"
            | "tblLook"
            | "tblCellMar"
            | "tblGrid"
            | "tcW"
            | "tblW"
            | "tblInd"
            | "vAlign"
            | "pBdr"
            | "u"
            | "caps"
            | "smallCaps"
            | "outlineLvl"
            | "suppressAutoHyphens"
            | "autoSpaceDE"
            | "autoSpaceDN"
            | "adjustRightInd"
            | "contextualSpacing"
            | "textAlignment"
            | "highlight"
            | "w"
            | "cnfStyle"
            | "tblStyle"
            | "tblLayout"
            | "tblpPr"
            // In styles.xml: the latent styles (hundreds of attribute-laden elements in
            // every file Word writes) and the style gallery's settings.
            | "latentStyles"
            | "uiPriority"
            | "qFormat"
            | "semiHidden"
            | "unhideWhenUsed"
            | "rsid"
    )
}

/// The `w:val` of a property child (`w:pStyle`, `w:rStyle`, `w:vertAlign`…).
pub(crate) fn val<'e>(e: El<'e>, child: &str) -> Option<&'e str> {
    e.child(child).and_then(|c| c.attr("val"))
}

/// A paragraph's style id.
pub(crate) fn pstyle<'e>(p: El<'e>) -> Option<&'e str> {
    p.child("pPr").and_then(|ppr| val(ppr, "pStyle"))
}

/// Whether an on/off property (`w:b`, `w:i`) is on.
pub(crate) fn on(rpr: El<'_>, name: &str) -> bool {
    rpr.child(name)
        .is_some_and(|e| !matches!(e.attr("val"), Some("0" | "false" | "off")))
}

/// The mark of a footnote reference (`w:footnoteReference` in run `r`): its custom mark
/// (the run's text) or the next automatic number. Returns the mark and whether it is custom.
pub(crate) fn footnote_mark(c: El<'_>, r: El<'_>, auto: &mut usize) -> (String, bool) {
    if c.attr("customMarkFollows")
        .is_some_and(|v| v == "1" || v == "true")
    {
        (
            r.elements()
                .find(|x| x.name == "t")
                .map(|x| x.text())
                .unwrap_or_default(),
            true,
        )
    } else {
        *auto += 1;
        (auto.to_string(), false)
    }
}

/// Reads a DOCX package. The document part is read one child of its body at a time: only
/// that child's element tree is held, never the whole document's.
pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<ReadOutput> {
    // (Parts are parsed by the XML scanner; an input it refuses is read again with
    // quick-xml, as it streams: see `xml::again_if_refused`.)
    xml::again_if_refused(|| read_once(bytes, options))
}

fn read_once(bytes: &[u8], options: &ReadOptions) -> Result<ReadOutput> {
    let pkg = Package::open(bytes, options)?;
    let ours = match pkg.part("docProps/app.xml")? {
        Some(b) => parse("docProps/app.xml", &b, options)?
            .root()
            .child("Application")
            .is_some_and(|a| a.text() == "undocs"),
        None => false,
    };
    let mut custom = Vec::new();
    if let Some(bytes) = pkg.part("docProps/custom.xml")? {
        let tree = parse("docProps/custom.xml", &bytes, options)?;
        for p in tree.root().elements().filter(|e| e.name == "property") {
            let value = p.elements().next().map(|v| v.text()).unwrap_or_default();
            custom.push((p.attr("name").unwrap_or("").to_string(), value));
        }
    }
    // (A large document streams, its notes not held as trees: see `Notes`.)
    let large = pkg.declared_size("word/document.xml") > options.stream_from;
    let notes_bytes = pkg.part("word/footnotes.xml")?;
    let footnotes = Notes::index(
        "word/footnotes.xml",
        notes_bytes.as_deref(),
        "footnote",
        !large,
        options,
    )?;
    let end_bytes = pkg.part("word/endnotes.xml")?;
    let endnotes = Notes::index(
        "word/endnotes.xml",
        end_bytes.as_deref(),
        "endnote",
        !large,
        options,
    )?;
    let rels = relationships(&pkg, options)?;
    let parts = Parts {
        footnotes,
        endnotes,
        rels,
        custom,
        large,
    };
    if ours {
        let mut cx = Cx {
            parts: &parts,
            auto: 0,
            warnings: Vec::new(),
            in_note: false,
            notes_read: Default::default(),
            repeats_said: Default::default(),
        };
        let mut reader = Ours::new(&mut cx);
        parse_body(&pkg, &parts, options, &mut |c| {
            reader.child(c, &mut cx);
            Ok(())
        })?;
        Ok(ReadOutput {
            document: reader.doc,
            warnings: cx.warnings,
        })
    } else {
        super::foreign::read(&pkg, &parts, options)
    }
}

/// The document part's relationships, id to target. (Its own function so that the part
/// and its tree are freed before the body is read, and their memory is used again.)
fn relationships(pkg: &Package<'_>, options: &ReadOptions) -> Result<Rels> {
    const PART: &str = "word/_rels/document.xml.rels";
    let mut rels = Rels::default();
    if let Some(bytes) = pkg.part(PART)? {
        let tree = parse(PART, &bytes, options)?;
        for rel in tree.root().elements() {
            if let (Some(id), Some(t)) = (rel.attr("Id"), rel.attr("Target")) {
                rels.push(id, t);
            }
        }
    }
    rels.seal();
    Ok(rels)
}

/// Relationship targets by id: every id and target in one string, the entries sorted by
/// id. (A UN report links every document it cites: sample 02 has 287 relationships, and a
/// map of owned strings took two allocations and a SipHash each.)
#[derive(Default)]
pub(crate) struct Rels {
    text: String,
    /// (The id's first 8 bytes as a number, where the id starts, where it ends and the
    /// target starts, where the target ends.)
    entries: Vec<(u64, usize, usize, usize)>,
}

/// The first 8 bytes of `id`, big-endian, zero-padded: ordered as the ids are ("rId117"
/// is 6 bytes, so most ids compare by this number alone).
fn rel_key(id: &[u8]) -> u64 {
    let mut k = [0u8; 8];
    for (d, s) in k.iter_mut().zip(id) {
        *d = *s;
    }
    u64::from_be_bytes(k)
}

impl Rels {
    /// Adds a relationship; [`Rels::seal`] before looking any up.
    fn push(&mut self, id: &str, target: &str) {
        let start = self.text.len();
        self.text.push_str(id);
        let mid = self.text.len();
        self.text.push_str(target);
        let key = rel_key(id.as_bytes());
        self.entries.push((key, start, mid, self.text.len()));
    }

    /// An entry's id, as ordered: its first 8 bytes as a number, then the whole.
    fn id(&self, e: &(u64, usize, usize, usize)) -> (u64, &[u8]) {
        (e.0, self.text.as_bytes().get(e.1..e.2).unwrap_or_default())
    }

    /// Sorts the entries by id, keeping their order among equal ids.
    fn seal(&mut self) {
        let mut entries = std::mem::take(&mut self.entries);
        entries.sort_by(|a, b| self.id(a).cmp(&self.id(b)));
        self.entries = entries;
    }

    /// The target of the relationship `id` (the last one given, when an id is repeated).
    pub fn get(&self, id: &str) -> Option<&str> {
        let id = (rel_key(id.as_bytes()), id.as_bytes());
        let after = self.entries.partition_point(|e| self.id(e) <= id);
        let e = self.entries.get(after.checked_sub(1)?)?;
        (self.id(e) == id).then(|| self.text.get(e.2..e.3).unwrap_or_default())
    }
}

/// Parses the document part, handing each child of its `w:body` to `each` as it ends, and
/// refuses a part without a body. A large part ([`Parts::large`]) streams out of the
/// package, never held whole; a smaller one is inflated and parsed in place.
pub(crate) fn parse_body(
    pkg: &Package<'_>,
    parts: &Parts<'_>,
    options: &ReadOptions,
    each: &mut dyn FnMut(El<'_>) -> Result<()>,
) -> Result<()> {
    const PART: &str = "word/document.xml";
    let streams = [xml::Stream {
        depth: 1,
        parents: &["body"],
    }];
    if parts.large {
        let root = pkg.stream(PART, |input| {
            xml::parse_streaming_read(source(PART), input, options, &streams, &mut |_, e| {
                each(e).map(|()| false)
            })
            .map(|(root, _)| root)
        })?;
        return has_body(root.ok_or_else(|| missing(PART))?.root());
    }
    let bytes = pkg.part(PART)?.ok_or_else(|| missing(PART))?;
    let root = xml::parse_streaming(source(PART), &bytes, options, &streams, &mut |_, e| {
        each(e).map(|()| false)
    })?;
    has_body(root.root())
}

/// Refuses a document part without a body.
pub(crate) fn has_body(root: El<'_>) -> Result<()> {
    match root.child("body") {
        Some(_) => Ok(()),
        None => Err(crate::Error::Syntax {
            format: Format::Docx,
            at: crate::Location::part("word/document.xml"),
            message: "no <w:body>".into(),
        }),
    }
}

struct Cx<'p, 'a> {
    parts: &'p Parts<'a>,
    /// Auto-numbered footnote references met so far.
    auto: usize,
    warnings: Vec<Warning>,
    /// Whether a footnote's content is being read (a reference inside it is kept as its
    /// mark: a note cannot hold a note, and a note referring to itself would never end).
    in_note: bool,
    /// The footnotes already read, by id (a second reference to one keeps its mark only: a
    /// large note referenced thousands of times is not copied thousands of times).
    notes_read: std::collections::HashSet<String>,
    /// The notes whose repeated references were already said in a warning.
    repeats_said: std::collections::HashSet<String>,
}

fn meta_from_props(p: &Parts<'_>, warnings: &mut Vec<Warning>) -> Meta {
    let mut m = Meta::default();
    let mut warn = |what: &str, e: String| {
        warnings.push(Warning::new(
            Format::Docx,
            "docProps/custom.xml",
            format!("{what} dropped: {e}"),
        ))
    };
    let mut i = 1;
    while let Some(s) = p.prop(&format!("Symbol{i}")) {
        match s.parse::<Symbol>() {
            Ok(s) => m.symbols.push(s),
            Err(e) => warn("symbol", e.to_string()),
        }
        i += 1;
    }
    m.reissued = p.prop("undocs.reissued").is_some();
    m.organ = p.prop("undocs.organ").map(str::to_string);
    m.subsidiary_body = p.prop("undocs.body").map(str::to_string);
    m.distribution = p
        .prop("Publication Date")
        .and_then(Distribution::parse_printed);
    m.date = p.prop("undocs.date").and_then(|d| d.parse().ok());
    m.original_language = p
        .prop("undocs.originalLanguage")
        .and_then(|l| l.parse().ok());
    for code in p
        .prop("undocs.otherOriginalLanguages")
        .unwrap_or_default()
        .split_whitespace()
    {
        match code.parse() {
            Ok(l) => m.other_original_languages.push(l),
            Err(_) => warn(
                "original language",
                format!("{code:?} is not a language code"),
            ),
        }
    }
    m.language = p.prop("Language").and_then(Language::from_name);
    if p.prop("undocs.session").is_some() {
        m.session = Some(Session {
            number: p.prop("undocs.session.number").map(str::to_string),
            label: p.prop("Session1").map(str::to_string),
            dates: p.prop("undocs.session.dates").map(str::to_string),
        });
    }
    let n: usize = p
        .prop("undocs.agendaItems")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    for i in 1..=n.min(10_000) {
        m.agenda_items.push(AgendaItem {
            number: p
                .prop(&format!("undocs.agenda{i}.number"))
                .map(str::to_string),
            title: p
                .prop(&format!("Agenda Title{i}"))
                .unwrap_or("")
                .to_string(),
        });
    }
    m.kind = p.prop("undocs.kind").and_then(|k| k.parse().ok());
    m.title = p.prop("Title1").map(str::to_string);
    m.subtitle = p.prop("Title2").map(str::to_string);
    if let Some(j) = p.prop("JobNo") {
        match j.parse::<JobNumber>() {
            Ok(j) => m.job_number = Some(j),
            Err(e) => warn("job number", e.to_string()),
        }
    }
    let mut i = 1;
    while let Some(s) = p.prop(&format!("undocs.sponsor{i}")) {
        m.sponsors.push(s.to_string());
        i += 1;
    }
    m
}

fn read_annex(c: El<'_>, cx: &mut Cx<'_, '_>) -> Annex {
    let mut annex = Annex::default();
    let mut kids = Vec::new();
    for k in sdt_content(c) {
        match pstyle(k) {
            Some("AnnexLabelG") => {
                annex.label = crate::model::plain_text(&paragraph_inlines(k, cx))
            }
            Some("AnnexTitleG") => annex.title = paragraph_inlines(k, cx),
            _ => kids.push(k),
        }
    }
    annex.body = blocks(&kids, cx);
    annex
}

fn tag<'e>(sdt: El<'e>) -> Option<&'e str> {
    sdt.child("sdtPr").and_then(|p| val(p, "tag"))
}

fn sdt_content<'e>(sdt: El<'e>) -> Vec<El<'e>> {
    sdt.child("sdtContent")
        .map(|c| c.elements().collect())
        .unwrap_or_default()
}

/// The reading of undocs' own files, one child of the body at a time (as
/// [`xml::parse_streaming`] hands them over), in document order, so that footnotes are
/// numbered as Word numbers them.
struct Ours {
    doc: Document,
    in_annexes: bool,
}

impl Ours {
    fn new(cx: &mut Cx<'_, '_>) -> Self {
        Ours {
            doc: Document {
                meta: meta_from_props(cx.parts, &mut cx.warnings),
                ..Document::default()
            },
            in_annexes: false,
        }
    }

    fn child(&mut self, c: El<'_>, cx: &mut Cx<'_, '_>) {
        let doc = &mut self.doc;
        match (c.name, tag(c)) {
            ("sdt", Some("undocs:masthead")) => {
                // Everything here is in the properties but the title notes.
                let mut ps = Vec::new();
                c.find_all("p", &mut ps);
                for p in ps.into_iter().filter(|p| pstyle(*p) == Some(styles::TITLE)) {
                    for inline in paragraph_inlines(p, cx) {
                        if let Inline::Note(n) = inline {
                            let content = match n.content.into_iter().next() {
                                Some(Block::Paragraph(p)) => p.content,
                                _ => vec![],
                            };
                            doc.meta.title_notes.push(TitleNote {
                                marker: n.marker,
                                content,
                            });
                        }
                    }
                }
            }
            ("sdt", Some("undocs:summary")) => {
                // Inside the one-cell table that frames it.
                let mut kids: Vec<El<'_>> = Vec::new();
                for k in sdt_content(c) {
                    match k.name {
                        "tbl" => {
                            let mut cells = Vec::new();
                            k.find_all("tc", &mut cells);
                            if let Some(tc) = cells.first() {
                                kids.extend(tc.elements().filter(|e| e.name != "tcPr"));
                            }
                        }
                        _ => kids.push(k),
                    }
                }
                kids.retain(|e| pstyle(*e) != Some("SummaryHeadG"));
                doc.meta.summary = blocks(&kids, cx);
            }
            ("sdt", Some("undocs:annex")) => {
                self.in_annexes = true;
                let annex = read_annex(c, cx);
                doc.annexes.push(annex);
            }
            ("sectPr", _) => {}
            _ => {
                // After the first annex (undocs writes nothing there), in the last annex.
                let out = match doc.annexes.last_mut() {
                    Some(a) if self.in_annexes => &mut a.body,
                    _ => &mut doc.body,
                };
                blocks_into(&[c], cx, out);
            }
        }
    }
}

/// The number typed at the start of a paragraph ("1." then a tab), if any, and how many
/// runs it takes.
fn typed_number(p: El<'_>) -> Option<String> {
    let mut runs = p.elements().filter(|e| e.name != "pPr");
    let (a, b) = (runs.next()?, runs.next()?);
    let plain = |r: El<'_>| {
        r.name == "r"
            && r.child("rPr")
                .is_none_or(|p| p.elements().all(|x| x.name == "rtl"))
    };
    let content = |r: El<'_>| {
        r.elements()
            .filter(|e| e.name != "rPr")
            .map(|e| e.name.to_string())
            .collect::<Vec<_>>()
    };
    let only_text = !content(a).is_empty() && content(a).iter().all(|n| n == "t");
    let only_tab = content(b) == ["tab"];
    (plain(a) && plain(b) && only_text && only_tab).then(|| a.text())
}

fn paragraph(p: El<'_>, cx: &mut Cx<'_, '_>) -> Paragraph {
    let num = typed_number(p);
    let content = runs(p, num.is_some(), cx);
    Paragraph {
        num,
        content,
        subparagraphs: vec![],
    }
}

fn paragraph_inlines(p: El<'_>, cx: &mut Cx<'_, '_>) -> Vec<Inline> {
    runs(p, false, cx)
}

/// The runs of a paragraph (or hyperlink) as inlines; `skip_number` leaves out the typed
/// number and its tab.
fn runs(p: El<'_>, skip_number: bool, cx: &mut Cx<'_, '_>) -> Vec<Inline> {
    let mut items: Vec<(RunFormat, Inline)> = Vec::new();
    let mut skip = if skip_number { 2 } else { 0 };
    for e in p.elements() {
        match e.name {
            "pPr" => {}
            "r" => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                run(e, cx, &mut items);
            }
            "hyperlink" => {
                let url = e
                    .attr("id")
                    .and_then(|id| cx.parts.rels.get(id))
                    .map(str::to_string)
                    .unwrap_or_default();
                let content = runs(e, false, cx);
                items.push((RunFormat::default(), Inline::Link(Link { url, content })));
            }
            // Containers of runs: their runs, at any depth.
            "ins" | "moveTo" | "smartTag" | "customXml" | "fldSimple" | "sdt" | "sdtContent"
            | "bdo" | "dir" => {
                let mut rs = Vec::new();
                e.find_all("r", &mut rs);
                for r in rs {
                    run(r, cx, &mut items);
                }
            }
            // Tracked deletions and moves away are not the document's text.
            "del" | "moveFrom" | "proofErr" | "bookmarkStart" | "bookmarkEnd" => {}
            other => keep_unknown_text(e, other, cx, &mut items),
        }
    }
    build_runs(items)
}

/// Markup the model has no place for (math, a field undocs does not write): its text kept
/// as plain text, and said; never dropped without a word.
fn keep_unknown_text(
    e: El<'_>,
    name: &str,
    cx: &mut Cx<'_, '_>,
    items: &mut Vec<(RunFormat, Inline)>,
) {
    if let Some((text, w)) = super::runs::unknown_markup(e, name) {
        cx.warnings.push(w);
        items.push((RunFormat::default(), Inline::Text(text)));
    }
}

fn run(r: El<'_>, cx: &mut Cx<'_, '_>, items: &mut Vec<(RunFormat, Inline)>) {
    let rpr = r.child("rPr");
    let rstyle = rpr.and_then(|x| val(x, "rStyle"));
    let f = RunFormat {
        bold: rpr.is_some_and(|x| on(x, "b")),
        italic: rpr.is_some_and(|x| on(x, "i")),
        vertical: match rpr.and_then(|x| val(x, "vertAlign")) {
            Some("superscript") => Some(true),
            Some("subscript") => Some(false),
            _ => None,
        },
    };
    if rstyle == Some(styles::FOOTNOTE_REF) && r.child("footnoteReference").is_none() {
        return; // the mark at the start of a footnote's text
    }
    let mut text = String::new();
    let mut custom_mark = false;
    let flush = |text: &mut String, items: &mut Vec<(RunFormat, Inline)>| {
        if !text.is_empty() {
            let t = std::mem::take(text);
            let inline = match (rstyle == Some(styles::SYMBOL_REF))
                .then(|| t.parse::<Symbol>().ok())
                .flatten()
            {
                Some(symbol) => Inline::Ref(Reference { symbol }),
                None => Inline::Text(t),
            };
            items.push((f, inline));
        }
    };
    for c in r.elements() {
        match c.name {
            "t" => {
                if custom_mark {
                    custom_mark = false; // the mark itself was taken with the reference
                } else {
                    text.push_str(&c.text());
                }
            }
            "tab" => text.push('\t'),
            "cr" => text.push('\n'),
            "br" => {
                flush(&mut text, items);
                items.push((f, Inline::LineBreak));
            }
            "footnoteReference" => {
                flush(&mut text, items);
                let id = c.attr("id").unwrap_or("");
                let (marker, custom) = footnote_mark(c, r, &mut cx.auto);
                custom_mark = custom;
                // A reference inside a note, or a second reference to a note: its mark,
                // raised, with a warning.
                let again = cx.notes_read.contains(id);
                if cx.in_note || again {
                    // (One warning per note, however often it is referenced again.)
                    let why = if !again {
                        Some(format!(
                            "a footnote references footnote {id}; kept as its mark"
                        ))
                    } else if cx.repeats_said.insert(id.to_string()) {
                        Some(format!(
                            "footnote {id} is referenced more than once; the repeated references are kept as its mark"
                        ))
                    } else {
                        None
                    };
                    if let Some(why) = why {
                        cx.warnings.push(
                            Warning::new(Format::Docx, "word/document.xml", why)
                                .with_kind(crate::WarningKind::KeptAsText),
                        );
                    }
                    items.push((
                        RunFormat::default(),
                        Inline::Superscript(vec![Inline::Text(marker)]),
                    ));
                    continue;
                }
                cx.notes_read.insert(id.to_string());
                let content = match cx.parts.footnotes.get(id) {
                    Some(Err(e)) => {
                        cx.warnings.push(Warning::new(
                            Format::Docx,
                            "word/footnotes.xml",
                            format!("footnote {id} could not be read: {e}"),
                        ));
                        vec![]
                    }
                    Some(Ok(n)) => {
                        let kids: Vec<El<'_>> = n.el().elements().collect();
                        cx.in_note = true;
                        let mut bs = blocks(&kids, cx);
                        cx.in_note = false;
                        if let [Block::Paragraph(p)] = bs.as_slice()
                            && p.num.is_none()
                            && p.content.is_empty()
                            && p.subparagraphs.is_empty()
                        {
                            bs.clear();
                        }
                        bs
                    }
                    None => {
                        cx.warnings.push(Warning::new(
                            Format::Docx,
                            "word/footnotes.xml",
                            format!("footnote {id} is referenced but missing"),
                        ));
                        vec![]
                    }
                };
                items.push((RunFormat::default(), Inline::Note(Note { marker, content })));
            }
            _ => {}
        }
    }
    flush(&mut text, items);
}

fn blocks(children: &[El<'_>], cx: &mut Cx<'_, '_>) -> Vec<Block> {
    let mut out = Vec::new();
    blocks_into(children, cx, &mut out);
    out
}

/// [`blocks`], appended to `out` (a subparagraph attaches to the paragraph before it there).
fn blocks_into(children: &[El<'_>], cx: &mut Cx<'_, '_>, out: &mut Vec<Block>) {
    for c in children {
        match c.name {
            "p" => {
                let Some(style) = pstyle(*c) else {
                    // Unstyled paragraphs close table cells and fill empty ones; one with
                    // text (not undocs' own) is a paragraph.
                    let p = paragraph(*c, cx);
                    if !crate::recognize::inlines::is_blank(&p.content) {
                        out.push(Block::Paragraph(p));
                    }
                    continue;
                };
                match styles::role(style) {
                    Role::Sub(level) => {
                        let p = paragraph(*c, cx);
                        // ("SubTxt0G", a level 0 no writer makes, attaches like level 1.)
                        match crate::model::last_paragraph_at(out, level.saturating_sub(1)) {
                            Some(parent) => parent.subparagraphs.push(p),
                            None => out.push(Block::Paragraph(p)),
                        }
                    }
                    Role::Heading(kind) => {
                        out.push(Block::Division(division_heading(*c, kind, cx)))
                    }
                    _ => out.push(Block::Paragraph(paragraph(*c, cx))),
                }
            }
            "sdt" => {
                let kids = sdt_content(*c);
                match tag(*c) {
                    Some("undocs:division") => {
                        let (head, rest) = match kids.split_first() {
                            Some((h, rest)) if h.name == "p" => (Some(*h), rest),
                            _ => (None, kids.as_slice()),
                        };
                        let mut d = match head {
                            Some(h) => {
                                let kind = match pstyle(h).map(styles::role) {
                                    Some(Role::Heading(k)) => k,
                                    _ => DivisionKind::Heading,
                                };
                                division_heading(h, kind, cx)
                            }
                            None => Division {
                                kind: DivisionKind::Heading,
                                num: None,
                                heading: vec![],
                                content: vec![],
                            },
                        };
                        d.content = blocks(rest, cx);
                        out.push(Block::Division(d));
                    }
                    Some("undocs:list") => {
                        let items = kids
                            .iter()
                            .map(|item| blocks(&sdt_content(*item), cx))
                            .collect();
                        out.push(Block::List(List { items }));
                    }
                    Some("undocs:quote") => out.push(Block::Quote(blocks(&kids, cx))),
                    Some("undocs:resolution") => {
                        let mut r = Resolution::default();
                        for k in kids {
                            match (k.name, pstyle(k).map(styles::role), tag(k)) {
                                // "73/8.", a tab and the title; or the number alone
                                // (a decision's, and resolutions in files written
                                // before they were set that way).
                                ("p", Some(Role::ResNum), _) => {
                                    let p = paragraph(k, cx);
                                    match p.num {
                                        Some(n) => {
                                            r.num = Some(n.strip_suffix('.').unwrap_or(&n).into());
                                            r.title = p.content;
                                        }
                                        None => r.num = Some(crate::model::plain_text(&p.content)),
                                    }
                                }
                                ("p", Some(Role::ResTitle), _) => {
                                    r.title = paragraph_inlines(k, cx)
                                }
                                ("p", Some(Role::ResOrigin), _) => {
                                    r.origin = paragraph_inlines(k, cx)
                                }
                                ("p", Some(Role::Formula), _) => {
                                    r.formula = paragraph_inlines(k, cx)
                                }
                                ("p", Some(Role::Adoption), _) => r
                                    .adoption
                                    .push(crate::model::plain_text(&paragraph_inlines(k, cx))),
                                ("sdt", _, Some("undocs:preamble")) => {
                                    r.preamble = blocks(&sdt_content(k), cx)
                                }
                                ("sdt", _, Some("undocs:operative")) => {
                                    r.operative = blocks(&sdt_content(k), cx)
                                }
                                ("sdt", _, Some("undocs:annex")) => {
                                    r.annexes.push(read_annex(k, cx))
                                }
                                _ => {}
                            }
                        }
                        out.push(Block::Resolution(r));
                    }
                    _ => out.extend(blocks(&kids, cx)),
                }
            }
            "tbl" => {
                let mut t = Table::default();
                for tr in c.elements().filter(|e| e.name == "tr") {
                    let header = tr
                        .child("trPr")
                        .is_some_and(|p| p.child("tblHeader").is_some());
                    let cells = tr
                        .elements()
                        .filter(|e| e.name == "tc")
                        .map(|tc| {
                            let kids: Vec<El<'_>> =
                                tc.elements().filter(|e| e.name != "tcPr").collect();
                            blocks(&kids, cx)
                        })
                        .collect();
                    t.rows.push(TableRow { header, cells });
                }
                out.push(Block::Table(t));
            }
            // Containers of blocks.
            "customXml" | "ins" | "moveTo" => {
                let kids: Vec<El<'_>> = c.elements().collect();
                out.extend(blocks(&kids, cx));
            }
            "sectPr" | "bookmarkStart" | "bookmarkEnd" | "del" | "moveFrom" | "proofErr" => {}
            other => {
                let mut items = Vec::new();
                keep_unknown_text(*c, other, cx, &mut items);
                if !items.is_empty() {
                    out.push(Block::Paragraph(Paragraph {
                        num: None,
                        content: build_runs(items),
                        subparagraphs: vec![],
                    }));
                }
            }
        }
    }
}

fn division_heading(p: El<'_>, kind: DivisionKind, cx: &mut Cx<'_, '_>) -> Division {
    let num = typed_number(p);
    let heading = runs(p, num.is_some(), cx);
    Division {
        kind,
        num,
        heading,
        content: vec![],
    }
}

/// Text of a paragraph with its tabs as `\t` (used by the foreign reader too).
pub(crate) fn node_text(e: El<'_>) -> String {
    let mut s = String::new();
    fn go(e: El<'_>, s: &mut String) {
        for c in e.children() {
            if let Node::El(x) = c {
                match x.name {
                    "t" => s.push_str(&x.text()),
                    "tab" => s.push('\t'),
                    "br" | "cr" => s.push('\n'),
                    "pPr" | "rPr" | "instrText" | "delText" => {}
                    _ => go(x, s),
                }
            }
        }
    }
    go(e, &mut s);
    s
}

#[cfg(test)]
mod tests {
    use super::Rels;
    use std::collections::HashMap;

    fn rels(pairs: &[(&str, &str)]) -> Rels {
        let mut r = Rels::default();
        for (id, t) in pairs {
            r.push(id, t);
        }
        r.seal();
        r
    }

    #[test]
    fn targets_are_found_by_id_and_a_repeated_id_keeps_the_last() {
        let r = rels(&[
            ("rId10", "https://docs.un.org/en/A/RES/70/1"),
            ("rId2", "footer1.xml"),
            ("rId1", "styles.xml"),
            ("rId2", "header3.xml"),
            ("rId", ""),
            ("rIdLonger12", "a"),
            ("rIdLonger1", "b"),
        ]);
        assert_eq!(r.get("rIdLonger1"), Some("b"));
        assert_eq!(r.get("rIdLonger12"), Some("a"));
        assert_eq!(r.get("rIdLonger"), None);
        assert_eq!(r.get("rId1"), Some("styles.xml"));
        assert_eq!(r.get("rId10"), Some("https://docs.un.org/en/A/RES/70/1"));
        assert_eq!(r.get("rId2"), Some("header3.xml"));
        assert_eq!(r.get("rId"), Some(""));
        assert_eq!(r.get("rId3"), None);
        assert_eq!(r.get(""), None);
        assert_eq!(rels(&[]).get("rId1"), None);
    }

    proptest::proptest! {
        #[test]
        fn finds_what_a_map_of_the_same_pairs_finds(
            pairs in proptest::collection::vec(("(rId|rIdLonger)[0-9]{0,2}", "[a-z/.]{0,6}"), 0..30),
            probe in "(rId|rIdLonger)[0-9]{0,2}",
        ) {
            let mut map = HashMap::new();
            for (id, t) in &pairs {
                map.insert(id.clone(), t.clone());
            }
            let pairs: Vec<(&str, &str)> = pairs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
            let r = rels(&pairs);
            for id in map.keys().chain(std::iter::once(&probe)) {
                proptest::prop_assert_eq!(r.get(id), map.get(id).map(String::as_str));
            }
        }
    }
}
