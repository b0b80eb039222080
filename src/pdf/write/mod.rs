//! The PDF writer: the UN page layout set with the shipped Times-compatible font, written by
//! krilla as PDF/A-3b, tagged, with bookmarks from the headings and the document's JSON
//! embedded as its source (which the PDF reader reads back first).
//!
//! `flow` turns the document into set lines (`layout` breaks and justifies them), `paginate`
//! puts them on pages with their notes at the foot, and this module draws the pages. On a
//! long document the flow is set on a thread of its own and handed over as it goes, a
//! block at a time, while this thread paginates and draws the pages already filled.

mod catalog;
mod flow;
mod fonts;
pub(crate) mod layout;
mod paginate;

use std::io::Write;
use std::num::NonZeroU16;
use std::sync::Arc;

use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::configure::{Archival, ConfigurationBuilder, PdfVersion};
use krilla::destination::XyzDestination;
use krilla::embed::{AssociationKind, EmbeddedFile, MimeType};
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope,
    Tag, TagGroup, TagKind, TagTree,
};
use krilla::{Document as PdfDocument, SerializeSettings};

use crate::model::Document;
use crate::{Error, Format, Result, WriteOptions};
use flow::{FlowLine, GroupKind, MARGIN, PAGE_H, PAGE_W};
use fonts::Fonts;
use layout::{Line, Piece};

/// The name of the embedded JSON, which the reader looks for.
pub(crate) const EMBEDDED_NAME: &str = "undocs.json";

fn unrepresentable(what: impl Into<String>) -> Error {
    Error::Unrepresentable {
        format: Format::Pdf,
        what: what.into(),
    }
}

/// Writes `doc` as PDF.
pub fn write(doc: &Document, out: &mut dyn Write, options: &WriteOptions) -> Result<()> {
    let bytes = to_bytes(doc, options, THREAD_FROM)?;
    out.write_all(&bytes)?;
    Ok(())
}

/// The PDF's bytes; the flow is set on a thread of its own when the document's compact JSON
/// takes `thread_from` bytes or more.
fn to_bytes(doc: &Document, options: &WriteOptions, thread_from: usize) -> Result<Vec<u8>> {
    // The document as undocs JSON (the file format, with its version; compact), embedded.
    let mut json = Vec::new();
    crate::json::write_compact(doc, &mut json)?;
    let extra: Vec<fonts::Bytes> = options
        .fonts
        .iter()
        .map(|f| f.clone() as fonts::Bytes)
        .collect();
    let m = &doc.meta;

    // The flow is set on a thread of its own, and handed over a block at a time, while
    // this one paginates what it has and draws each page as it is filled: setting the
    // lines is a quarter of the work and drawing them (krilla) half, so the two overlap.
    // Glyphs in fonts the layout thread loads from the system are drawn in the same fonts
    // here: each batch brings the fonts loaded since the last.
    let (tx, rx) = std::sync::mpsc::channel::<Laid>();
    std::thread::scope(|scope| -> Result<Vec<u8>> {
        let system = options.system_fonts;
        // (A short document is set here first: a thread's start, and the memory it takes
        // fresh, cost more than the overlap saves.)
        let started = if json.len() >= thread_from {
            // (The thread's own sender: dropped with the thread, or here if it cannot start.)
            let layout_tx = tx.clone();
            let layout_extra = extra.clone();
            // Lines drawn go back to the layout thread to be dropped there, off this
            // thread's path, and into the memory the layout takes its next lines from.
            let (drawn_tx, drawn_rx) = std::sync::mpsc::channel::<Vec<FlowLine>>();
            std::thread::Builder::new()
                .name("undocs-layout".into())
                .spawn_scoped(scope, move || {
                    let laid = lay_out(doc, &layout_extra, system, &layout_tx, Some(&drawn_rx));
                    // (The flow is all handed over: the page side's loop ends with this
                    // sender, and then the lines it draws are dropped here until it stops
                    // sending, before it waits for this thread.)
                    drop(layout_tx);
                    drawn_rx.iter().for_each(drop);
                    laid
                })
                .map(|h| (h, drawn_tx))
        } else {
            Err(std::io::Error::other("a short document"))
        };
        // (The channel ends when the layout's sender is dropped: this one goes now.)
        let (layout, mut fonts) = match started {
            // Drawn in fonts of this thread's own, which takes those the layout loads.
            Ok((h, drawn)) => {
                drop(tx);
                (Layout::Thread(h, drawn), Fonts::new(&extra, false))
            }
            // (No thread to be had: the whole flow first, on this one, and drawn in the
            // fonts it was set in.)
            Err(_) => {
                let laid = lay_out(doc, &extra, system, &tx, None);
                drop(tx);
                let (groups, mut fonts) = laid?;
                no_missing(&mut fonts)?;
                (Layout::Here(groups), fonts)
            }
        };
        let adopt = matches!(layout, Layout::Thread(..));
        let mut pdf = new_pdf()?;
        let mut pages = PageWriter {
            m,
            symbol: m.symbols.first().map(|s| s.to_string()),
            top_lines: Vec::new(),
            bottom: 0.0,
            ids: Vec::new(),
            top_ids: Vec::new(),
            outline: Vec::new(),
            count: 0,
        };
        let mut lines = paginate::Window::default();
        let (mut note_lines, mut headers) = (Vec::new(), Vec::new());
        let mut pager: Option<paginate::Paginator> = None;
        let mut ready = Vec::new();
        // (The channel ends when the flow is done, or failed: the thread says which.)
        while let Ok(laid) = rx.recv() {
            if adopt {
                for f in laid.fonts {
                    fonts.adopt(f);
                }
            }
            match laid.what {
                Handed::Top(top, low) => {
                    pages.top_lines = top;
                    pages.bottom = masthead_bottom(m, low);
                    pager = Some(paginate::Paginator::new(pages.bottom));
                }
                Handed::Lines(batch) => {
                    lines.extend(batch.lines);
                    if note_lines.is_empty() && headers.is_empty() {
                        // (The whole flow when it comes at once: taken, not copied.)
                        (note_lines, headers) = (batch.note_lines, batch.headers);
                    } else {
                        note_lines.extend(batch.note_lines);
                        headers.extend(batch.headers);
                    }
                    if pages.ids.len() < batch.groups {
                        pages.ids.resize(batch.groups, Vec::new());
                    }
                    if let Some(p) = pager.as_mut() {
                        p.advance(&lines, &note_lines, &headers, &mut ready);
                    }
                    for page in ready.drain(..) {
                        pages.draw(&mut pdf, &mut fonts, &page, &lines, &note_lines, &headers)?;
                    }
                    // (The drawn pages' lines go: their memory is set again by the layout.)
                    if let Some(p) = pager.as_ref() {
                        let gone = lines.release_before(p.keep_from());
                        // (Dropped here if the layout thread has gone, or there is none.)
                        if let Layout::Thread(_, drawn) = &layout {
                            let _ = drawn.send(gone);
                        }
                    }
                }
            }
        }
        let groups = match layout {
            Layout::Thread(h, drawn) => {
                // (The layout thread drops drawn lines until this sender goes: before it
                // is waited for.)
                drop(drawn);
                let laid = h
                    .join()
                    .map_err(|_| unrepresentable("the page layout (its thread failed)"))?;
                let (groups, mut set_in) = laid?;
                no_missing(&mut set_in)?;
                groups
            }
            Layout::Here(groups) => groups,
        };
        let Some(pager) = pager else {
            return Err(unrepresentable("the page layout (no masthead)"));
        };
        // (paginate gives at least one page: a document with nothing to flow has its first.)
        pager.finish(&note_lines, &mut ready);
        for page in ready.drain(..) {
            pages.draw(&mut pdf, &mut fonts, &page, &lines, &note_lines, &headers)?;
        }
        let PageWriter {
            mut ids,
            top_ids,
            outline,
            symbol,
            ..
        } = pages;
        ids.resize(groups.len(), Vec::new());
        finish_pdf(pdf, m, &groups, ids, top_ids, outline, symbol, json)
    })
}

/// The size of the document's compact JSON from which it is set on a thread of its own.
const THREAD_FROM: usize = 128 << 10;

/// Where the flow is set: on a thread of its own (with the sender that hands it back the
/// lines drawn, to drop), or on the drawing thread, already done (with the tagging groups
/// it gave).
enum Layout<'scope> {
    Thread(
        std::thread::ScopedJoinHandle<'scope, Result<(Vec<flow::Group>, Fonts)>>,
        std::sync::mpsc::Sender<Vec<FlowLine>>,
    ),
    Here(Vec<flow::Group>),
}

/// What the layout thread hands over, with the fonts it loaded since the last.
struct Laid {
    fonts: Vec<fonts::Bytes>,
    what: Handed,
}

enum Handed {
    /// The masthead's lines at their places on page 1, and their lowest baseline.
    Top(Vec<(Line, Point, Align)>, f32),
    /// Lines of the flow, final.
    Lines(flow::Batch),
}

/// Sets the document, handing the masthead and then the flow's lines to `tx`: as they are
/// final when there is a `drawn` channel (on the layout thread, which drops there the lines
/// the page side has drawn), else all at the end. Gives the tagging groups and the fonts it
/// was set in (with the characters no font covers).
fn lay_out(
    doc: &Document,
    extra: &[fonts::Bytes],
    system: bool,
    tx: &std::sync::mpsc::Sender<Laid>,
    drawn: Option<&std::sync::mpsc::Receiver<Vec<FlowLine>>>,
) -> Result<(Vec<flow::Group>, Fonts)> {
    let m = &doc.meta;
    let mut fonts = Fonts::new(extra, system);
    // (The page side has the same fonts to start with: the shipped ones and `extra`.)
    let base = fonts.count();
    let (top, low) = set_masthead_top(masthead_top(m), &mut fonts);
    let laid = Laid {
        fonts: fonts.loaded_from(base),
        what: Handed::Top(top, low),
    };
    let mut told = fonts.count();
    // (Sending fails only when the page side has stopped, on an error: its result is
    // that error, whatever is set here.)
    let _ = tx.send(laid);
    let mut sink = |b: flow::Batch, fonts: &Fonts| {
        // (Lines drawn since the last batch, dropped on this thread.)
        if let Some(d) = drawn {
            d.try_iter().for_each(drop);
        }
        let laid = Laid {
            fonts: fonts.loaded_from(told),
            what: Handed::Lines(b),
        };
        told = fonts.count();
        let _ = tx.send(laid);
    };
    let stream = drawn.is_some();
    let sink_if: Option<flow::Sink<'_>> = if stream { Some(&mut sink) } else { None };
    let (rest, groups) = set_flow(doc, &mut fonts, sink_if);
    sink(rest, &fonts);
    Ok((groups, fonts))
}

/// Sets the document's flow (masthead, body, annexes) in `fonts`, handing the lines to
/// `sink` as they are final when there is one; gives the lines left (all of them without a
/// sink) and the tagging groups.
fn set_flow<'f>(
    doc: &Document,
    fonts: &'f mut Fonts,
    sink: Option<flow::Sink<'f>>,
) -> (flow::Batch, Vec<flow::Group>) {
    let mut f = flow::Flow::new(fonts);
    let root = f.group(GroupKind::Section, None);
    // A resolution document's title is its resolution's: printed once, after the number
    // ("73/8. Title"), as the UN prints it (its notes, if any, stay with the title block).
    f.masthead(&doc.meta, root, doc.title_printed_by_resolution());
    if let Some(sink) = sink {
        f.streaming(sink);
    }
    f.blocks(&doc.body, root);
    for a in &doc.annexes {
        f.annex(a, root);
    }
    (f.rest(), std::mem::take(&mut f.groups))
}

/// Refuses text with characters no font covers, naming them.
fn no_missing(fonts: &mut Fonts) -> Result<()> {
    let missing = std::mem::take(&mut fonts.missing);
    if missing.is_empty() {
        return Ok(());
    }
    let list: String = missing.iter().take(20).collect();
    let codes: Vec<String> = missing
        .iter()
        .take(20)
        .map(|c| format!("U+{:04X}", *c as u32))
        .collect();
    Err(unrepresentable(format!(
        "{} character(s) no font covers: {list:?} ({}); give a font that has them in WriteOptions::fonts",
        missing.len(),
        codes.join(", ")
    )))
}

/// A new PDF/A-3b document, tagged.
fn new_pdf() -> Result<PdfDocument> {
    let configuration = ConfigurationBuilder::new()
        .with_version(PdfVersion::Pdf17)
        .with_archival_validator(Archival::A3_B)
        .finish()
        .map_err(|e| unrepresentable(format!("PDF/A-3b configuration: {e:?}")))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    Ok(PdfDocument::new_with(settings))
}

/// Draws the pages as they are paginated.
struct PageWriter<'d> {
    m: &'d crate::model::Meta,
    symbol: Option<String>,
    top_lines: Vec<(Line, Point, Align)>,
    /// Where the flow starts on page 1.
    bottom: f32,
    /// Tagged content of each group of the flow.
    ids: Vec<Vec<Identifier>>,
    /// Tagged content of the masthead.
    top_ids: Vec<Identifier>,
    /// Headings for the outline: level, text, page, y.
    outline: Vec<(usize, String, usize, f32)>,
    /// Pages drawn.
    count: usize,
}

impl PageWriter<'_> {
    #[allow(clippy::too_many_arguments)]
    fn draw(
        &mut self,
        pdf: &mut PdfDocument,
        fonts: &mut Fonts,
        page: &paginate::Page,
        lines: &paginate::Window,
        note_lines: &[Vec<FlowLine>],
        headers: &[Vec<FlowLine>],
    ) -> Result<()> {
        let pi = self.count;
        self.count += 1;
        let m = self.m;
        let bottom = self.bottom;
        let PageWriter {
            symbol,
            top_lines,
            ids,
            top_ids,
            outline,
            ..
        } = self;
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
            .ok_or_else(|| unrepresentable("the page size"))?;
        let mut p = pdf.start_page_with(settings);
        let mut links: Vec<LinkArea> = Vec::new();
        let mut s = p.surface();
        s.set_fill(Some(Fill::default()));
        if pi == 0 {
            // Shifts: right-aligned lines end at the margin; the symbol's series letter
            // ends where the rest of the symbol starts.
            let mut dxs = vec![0.0f32; top_lines.len()];
            for k in (0..top_lines.len()).rev() {
                let (l, at, align) = &top_lines[k];
                dxs[k] = match align {
                    Align::Right => (PAGE_W - MARGIN) - l.end,
                    // Where the next line's first glyph is drawn.
                    Align::BeforeNext => top_lines.get(k + 1).map_or(0.0, |(n, nat, _)| {
                        n.pieces.first().map_or(nat.x, |p| p.x) + dxs[k + 1] - l.end
                    }),
                    // (Starting at its place, though right-to-left text would be set
                    // from the frame's right.)
                    Align::Left => at.x - l.pieces.first().map_or(at.x, |p| p.x),
                };
            }
            // A right-to-left document's masthead is mirrored, as the UN's Arabic
            // template sets it: "الأمم المتحدة" and the organ at the right, the symbol
            // and the distribution block at the left.
            // (The symbol's series letter and the rest move together.)
            if m.language.is_some_and(|l| l.is_rtl()) {
                let span = |k: usize, dxs: &[f32]| {
                    let (l, at, _) = &top_lines[k];
                    (
                        l.pieces.first().map_or(at.x, |p| p.x) + dxs[k],
                        l.end + dxs[k],
                    )
                };
                let mut k = 0;
                while k < top_lines.len() {
                    let last = if top_lines[k].2 == Align::BeforeNext && k + 1 < top_lines.len() {
                        k + 1
                    } else {
                        k
                    };
                    let delta = PAGE_W - span(last, &dxs).1 - span(k, &dxs).0;
                    for d in &mut dxs[k..=last] {
                        *d += delta;
                    }
                    k = last + 1;
                }
            }
            for ((l, at, _), dx) in top_lines.iter().zip(&dxs) {
                let id = draw_line(&mut s, fonts, l, *dx, at.y, false);
                top_ids.extend(id);
            }
            // The rules under "United Nations" and under the organ.
            artifact(&mut s, |s| {
                rule(s, MARGIN, PAGE_W - MARGIN, 57.5, 0.75);
                rule(s, MARGIN, PAGE_W - MARGIN, bottom - 14.0, 2.0);
            });
            if let Some(j) = &m.job_number {
                let frame = small_frame(9.0, MARGIN);
                let set = layout::set(
                    &[crate::model::Inline::Text(j.to_string())],
                    &frame,
                    fonts,
                    &mut Vec::new(),
                );
                if let Some(l) = set.first() {
                    artifact(&mut s, |s| {
                        draw_line(s, fonts, l, 0.0, PAGE_H - 36.0, true);
                    });
                }
            }
        } else {
            // Running header (the symbol) and page number, on alternate sides.
            let even = (pi + 1).is_multiple_of(2);
            for (text, y, bold) in [
                (symbol.clone(), 36.0, true),
                (Some((pi + 1).to_string()), PAGE_H - 36.0, true),
            ] {
                let Some(text) = text else { continue };
                let mut frame = small_frame(9.0, MARGIN);
                frame.style.bold = bold;
                let set = layout::set(
                    &[crate::model::Inline::Text(text)],
                    &frame,
                    fonts,
                    &mut Vec::new(),
                );
                if let Some(l) = set.first() {
                    let dx = if even { 0.0 } else { PAGE_W - MARGIN - l.end };
                    artifact(&mut s, |s| {
                        draw_line(s, fonts, l, dx, y, true);
                    });
                }
            }
        }
        // The summary's frame around its lines on this page.
        let boxed: Vec<(f32, f32)> = page
            .body
            .iter()
            .filter(|(i, _)| lines[*i].boxed)
            .map(|(i, y)| (*y, *y + lines[*i].line.height))
            .collect();
        if let (Some(first), Some(last)) = (boxed.first(), boxed.last()) {
            let (y0, y1) = (first.0 - 6.0, last.1 + 6.0);
            artifact(&mut s, |s| {
                let (x0, x1) = (flow::TEXT_L - 8.5, flow::TEXT_R + 8.5);
                rule(s, x0, x1, y0, 0.5);
                rule(s, x0, x1, y1, 0.5);
                vrule(s, x0, y0, y1, 0.5);
                vrule(s, x1, y0, y1, 0.5);
            });
        }
        for (i, y) in &page.body {
            let fl = &lines[*i];
            place(&mut s, fonts, fl, *y, ids, &mut links);
            if let Some((level, text)) = &fl.heading {
                outline.push((*level, text.clone(), pi, *y));
            }
        }
        for (i, y) in &page.repeated {
            // A repeated table header: drawn again as an artifact.
            let fl = &headers[i.0][i.1];
            artifact(&mut s, |s| {
                let mut sink = vec![Vec::new(); ids.len()];
                draw_flow_line(s, fonts, fl, *y, &mut sink, true);
            });
        }
        if let Some(y) = page.separator {
            // (At the right in a right-to-left document.)
            let x0 = if m.language.is_some_and(|l| l.is_rtl()) {
                PAGE_W - MARGIN - 144.0
            } else {
                MARGIN
            };
            artifact(&mut s, |s| rule(s, x0, x0 + 144.0, y, 0.5));
        }
        for ((n, k), y) in &page.notes {
            let fl = &note_lines[*n][*k];
            place(&mut s, fonts, fl, *y, ids, &mut links);
        }
        s.finish();
        for (rect, url) in links {
            let target = Target::Action(Action::Link(LinkAction::new(url.clone())));
            p.add_annotation(Annotation::new_link(
                LinkAnnotation::new(rect, target),
                Some(url),
            ));
        }
        p.finish();
        Ok(())
    }
}

/// Tags, outline, metadata and the embedded JSON; the PDF's bytes.
#[allow(clippy::too_many_arguments)]
fn finish_pdf(
    mut pdf: PdfDocument,
    m: &crate::model::Meta,
    groups: &[flow::Group],
    mut ids: Vec<Vec<Identifier>>,
    top_ids: Vec<Identifier>,
    outline: Vec<(usize, String, usize, f32)>,
    symbol: Option<String>,
    json: Vec<u8>,
) -> Result<Vec<u8>> {
    // The tag tree, in reading order.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (i, g) in groups.iter().enumerate() {
        if let Some(parent) = g.parent {
            children[parent].push(i);
        }
    }
    let mut tree = TagTree::new().with_lang(m.language.map(|l| l.code().to_string()));
    let mut masthead = TagGroup::new(Tag::P);
    for id in top_ids {
        masthead.push(id);
    }
    tree.push(masthead);
    for node in build_tags(0, groups, &children, &mut ids, 0) {
        tree.push(node);
    }
    pdf.set_tag_tree(tree);

    // Bookmarks from the headings.
    let mut o = Outline::new();
    let mut stack: Vec<(usize, OutlineNode)> = Vec::new();
    for (level, text, page, y) in outline {
        let node = OutlineNode::new(text, XyzDestination::new(page, Point::from_xy(MARGIN, y)));
        while stack.last().is_some_and(|(l, _)| *l >= level) {
            if let Some((_, done)) = stack.pop() {
                match stack.last_mut() {
                    Some((_, parent)) => parent.push_child(done),
                    None => o.push_child(done),
                }
            }
        }
        stack.push((level, node));
    }
    while let Some((_, done)) = stack.pop() {
        match stack.last_mut() {
            Some((_, parent)) => parent.push_child(done),
            None => o.push_child(done),
        }
    }
    pdf.set_outline(o);

    let title = m
        .title
        .clone()
        .or_else(|| symbol.clone())
        .unwrap_or_else(|| "United Nations document".into());
    let mut meta = Metadata::new()
        .title(title)
        .authors(vec!["United Nations".into()])
        .creator(format!("undocs {}", env!("CARGO_PKG_VERSION")))
        .language(m.language.map_or("en", |l| l.code()).to_string());
    if let Some(s) = &symbol {
        meta = meta.description(format!("UN document {s}"));
    }
    let stamp = date_stamp(m);
    meta = meta.creation_date(stamp);
    pdf.set_metadata(meta);
    pdf.embed_file(EmbeddedFile {
        path: EMBEDDED_NAME.into(),
        mime_type: MimeType::new("application/json"),
        description: Some("The document as undocs JSON: the source of this PDF".into()),
        association_kind: AssociationKind::Source,
        data: Arc::new(json).into(),
        modification_date: Some(stamp),
        compress: Some(true),
        location: None,
    })
    .ok_or_else(|| unrepresentable("the embedded JSON (a file of that name is there already)"))?;
    pdf.finish()
        .map(catalog::without_suspects)
        .map_err(|e| unrepresentable(format!("the PDF (krilla: {e:?})")))
}

fn small_frame(size: f32, x: f32) -> layout::Frame {
    layout::Frame {
        style: layout::Style {
            size,
            bold: false,
            italic: false,
        },
        leading: size * 1.2,
        first: x,
        tab: x,
        rest: x,
        right: PAGE_W - MARGIN,
        align: layout::Align::Left,
        label: None,
        label_style: None,
    }
}

/// How a masthead line at a fixed place is aligned.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Align {
    Left,
    /// Ending at the right margin.
    Right,
    /// Ending where the next line starts (the symbol's large series letter).
    BeforeNext,
}

/// One masthead item at a fixed place on page 1.
struct Top {
    text: Vec<crate::model::Inline>,
    size: f32,
    /// A smaller size for a text that takes more than two lines at `size` (a treaty's
    /// long name in the organ's place).
    small: f32,
    bold: bool,
    x: f32,
    /// Where its lines end at the latest (the organ stops short of the distribution
    /// column).
    right: f32,
    /// The first line's baseline.
    y: f32,
    align: Align,
}

/// Where the distribution column starts.
const DISTRIBUTION_X: f32 = PAGE_W - MARGIN - 146.5;

/// The page-1 masthead items at their places.
fn masthead_top(m: &crate::model::Meta) -> Vec<Top> {
    use crate::model::Inline;
    let t = |s: String| vec![Inline::Text(s)];
    let item = |text: String, size: f32, x: f32, y: f32, align: Align| Top {
        text: t(text),
        size,
        small: size,
        bold: false,
        x,
        right: PAGE_W - MARGIN,
        y,
        align,
    };
    let labels = crate::model::words::Labels::new(m.language);
    let mut out = vec![item(
        labels.united_nations().into(),
        14.0,
        MARGIN,
        51.0,
        Align::Left,
    )];
    for (i, s) in m.symbols.iter().enumerate() {
        let printed = if i == 0 && m.reissued {
            format!("{s}*")
        } else {
            s.to_string()
        };
        let y = 51.0 + 12.0 * i as f32;
        // The first symbol's series letters large, as the UN prints them ("A/HRC/59/15").
        match printed.split_once('/') {
            Some((series, rest)) if i == 0 && !series.is_empty() && series.len() <= 4 => {
                out.push(item(series.to_string(), 20.0, MARGIN, y, Align::BeforeNext));
                out.push(item(format!("/{rest}"), 10.0, MARGIN, y, Align::Right));
            }
            _ => out.push(item(printed, 10.0, MARGIN, y, Align::Right)),
        }
    }
    if let Some(o) = &m.organ {
        out.push(Top {
            small: 14.0,
            bold: true,
            right: DISTRIBUTION_X - 12.0,
            ..item(o.clone(), 20.0, MARGIN, 82.0, Align::Left)
        });
    }
    let x = DISTRIBUTION_X;
    let mut y = 80.0;
    let mut right = Vec::new();
    if let Some(d) = m.distribution {
        right.push(labels.distribution(d));
    }
    if let Some(d) = m.date {
        right.push(labels.date(d));
    }
    for r in right {
        out.push(item(r, 10.0, x, y, Align::Left));
        y += 12.0;
    }
    if let (Some(v), Some(_)) = (labels.version_line(), m.original_languages().next()) {
        out.push(item(v.into(), 10.0, x, y, Align::Left));
    }
    if m.original_languages().next().is_some() {
        let (label, name) = labels.originals(m.original_languages());
        out.push(item(
            format!("{label}{name}"),
            10.0,
            x,
            y + 12.0,
            Align::Left,
        ));
    }
    out
}

/// Sets the masthead items: every line of each (a long organ or list of original
/// languages wraps; the items below it in its column move down), and the lowest baseline.
fn set_masthead_top(top: Vec<Top>, fonts: &mut Fonts) -> (Vec<(Line, Point, Align)>, f32) {
    let mut out = Vec::new();
    // Where an item took more than one line: its column, its place, the extra depth.
    let mut grown: Vec<(f32, f32, f32)> = Vec::new();
    let mut low = 0.0f32;
    for it in top {
        let set_at = |size: f32, fonts: &mut Fonts| {
            let mut frame = small_frame(size, it.x);
            frame.style.bold = it.bold;
            frame.right = it.right;
            (
                layout::set(&it.text, &frame, fonts, &mut Vec::new()),
                frame.leading,
            )
        };
        let (mut lines, mut leading) = set_at(it.size, fonts);
        if lines.len() > 2 && it.small < it.size {
            (lines, leading) = set_at(it.small, fonts);
        }
        let dy: f32 = grown
            .iter()
            .filter(|(x, y, _)| *x == it.x && *y < it.y)
            .map(|g| g.2)
            .sum();
        let n = lines.len();
        for (i, l) in lines.into_iter().enumerate() {
            let y = it.y + dy + i as f32 * leading;
            low = low.max(y);
            out.push((l, Point::from_xy(it.x, y), it.align));
        }
        if n > 1 {
            grown.push((it.x, it.y, (n - 1) as f32 * leading));
        }
    }
    (out, low)
}

/// Where the flow starts on page 1, below the masthead's rule (which is 14 points above
/// it, and at least 10 below the masthead's lowest baseline, `low`).
fn masthead_bottom(m: &crate::model::Meta, low: f32) -> f32 {
    let extra = m.symbols.len().saturating_sub(3) as f32 * 12.0;
    (140.0 + extra).max(low + 24.0)
}

fn artifact(s: &mut Surface, f: impl FnOnce(&mut Surface)) {
    s.start_tagged(ContentTag::Artifact(Artifact::with_kind(
        ArtifactType::Page,
    )));
    f(s);
    s.end_tagged();
}

fn rule(s: &mut Surface, x0: f32, x1: f32, y: f32, t: f32) {
    if let Some(r) = Rect::from_xywh(x0, y - t / 2.0, (x1 - x0).max(0.1), t) {
        let mut pb = PathBuilder::new();
        pb.push_rect(r);
        if let Some(path) = pb.finish() {
            s.draw_path(&path);
        }
    }
}

fn vrule(s: &mut Surface, x: f32, y0: f32, y1: f32, t: f32) {
    if let Some(r) = Rect::from_xywh(x - t / 2.0, y0, t, (y1 - y0).max(0.1)) {
        let mut pb = PathBuilder::new();
        pb.push_rect(r);
        if let Some(path) = pb.finish() {
            s.draw_path(&path);
        }
    }
}

/// A link's area on a page, and its address.
type LinkArea = (Rect, String);

/// Draws a flow line at `top` (its cells and rules too), its spans tagged into `ids`, its
/// links' areas added to `links`.
fn place(
    s: &mut Surface,
    fonts: &mut Fonts,
    fl: &FlowLine,
    top: f32,
    ids: &mut [Vec<Identifier>],
    links: &mut Vec<LinkArea>,
) {
    draw_flow_line(s, fonts, fl, top, ids, false);
    let mut add = |l: &Line, top: f32| {
        for (x0, x1, url) in &l.links {
            if let Some(r) = Rect::from_xywh(*x0, top, (x1 - x0).max(0.5), l.height) {
                links.push((r, url.clone()));
            }
        }
    };
    add(&fl.line, top);
    for c in &fl.cells {
        for (dy, l, _) in &c.lines {
            add(l, top + dy);
        }
    }
}

fn draw_flow_line(
    s: &mut Surface,
    fonts: &mut Fonts,
    fl: &FlowLine,
    top: f32,
    ids: &mut [Vec<Identifier>],
    untagged: bool,
) {
    if let Some(id) = draw_line(s, fonts, &fl.line, 0.0, top + fl.line.baseline, untagged) {
        ids[fl.group].push(id);
    }
    for c in &fl.cells {
        for (dy, l, g) in &c.lines {
            if let Some(id) = draw_line(s, fonts, l, 0.0, top + dy + l.baseline, untagged) {
                ids[*g].push(id);
            }
        }
    }
    if !fl.rules.is_empty() {
        let draw = |s: &mut Surface| {
            for r in &fl.rules {
                rule(s, r[0], r[1], top + r[2], r[3]);
            }
        };
        if untagged {
            draw(s);
        } else {
            artifact(s, draw);
        }
    }
}

/// Draws a line's pieces with its baseline at `y`, shifted by `dx`; tagged as one span
/// unless `untagged` (inside an artifact).
fn draw_line(
    s: &mut Surface,
    fonts: &mut Fonts,
    l: &Line,
    dx: f32,
    y: f32,
    untagged: bool,
) -> Option<Identifier> {
    if l.pieces.is_empty() {
        return None;
    }
    let id = (!untagged).then(|| s.start_tagged(ContentTag::Span(SpanTag::empty())));
    for p in &l.pieces {
        draw_piece(s, fonts, p, dx, y);
    }
    if id.is_some() {
        s.end_tagged();
    }
    id
}

fn draw_piece(s: &mut Surface, fonts: &mut Fonts, p: &Piece, dx: f32, y: f32) {
    if p.glyphs.is_empty() {
        return;
    }
    if let Some(font) = fonts.pdf_font(p.font) {
        // Bold in a font with no bold face: filled and stroked, as LibreOffice and Word
        // embolden (the PDF reader reads it as bold).
        if p.embolden {
            s.set_stroke(Some(krilla::paint::Stroke {
                width: p.size * 0.03,
                ..Default::default()
            }));
        }
        s.draw_glyphs(
            Point::from_xy(p.x + dx, y - p.rise),
            &p.glyphs,
            font,
            &p.text,
            p.size,
            false,
        );
        if p.embolden {
            s.set_stroke(None);
        }
    }
}

fn build_tags(
    g: usize,
    groups: &[flow::Group],
    children: &[Vec<usize>],
    ids: &mut [Vec<Identifier>],
    depth: usize,
) -> Vec<Node> {
    let mut kids: Vec<Node> = ids[g].drain(..).map(Node::from).collect();
    for &c in &children[g] {
        if depth < 200 {
            kids.extend(build_tags(c, groups, children, ids, depth + 1));
        }
    }
    if kids.is_empty() {
        return Vec::new();
    }
    if g == 0 {
        return kids;
    }
    let kind: TagKind = match &groups[g].kind {
        GroupKind::Section => Tag::Section.into(),
        GroupKind::Heading(level, title) => Tag::Hn(
            NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN),
            Some(title.clone()),
        )
        .into(),
        GroupKind::P => Tag::P.into(),
        GroupKind::Note => Tag::Note.into(),
        GroupKind::Table => Tag::Table.into(),
        GroupKind::Row => Tag::TR.into(),
        GroupKind::HeaderCell => Tag::TH(TableHeaderScope::Column).into(),
        GroupKind::Cell => Tag::TD.into(),
        GroupKind::List => Tag::L(ListNumbering::Disc).into(),
        GroupKind::Item => Tag::LI.into(),
        GroupKind::Quote => Tag::BlockQuote.into(),
    };
    vec![TagGroup::with_children(kind, kids).into()]
}

/// The PDF's date (PDF/A requires one): `SOURCE_DATE_EPOCH` when set (reproducible
/// builds), else the date the document bears, so that one document always gives the same
/// bytes, else the time of writing.
fn date_stamp(m: &crate::model::Meta) -> krilla::metadata::DateTime {
    let from_secs = |secs: u64| {
        // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
        let days = (secs / 86_400) as i64;
        let rem = secs % 86_400;
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)).clamp(0, 9999) as u16;
        krilla::metadata::DateTime::new(year)
            .month(month)
            .day(day)
            .hour((rem / 3600) as u8)
            .minute((rem % 3600 / 60) as u8)
            .second((rem % 60) as u8)
            .utc_offset_hour(0)
            .utc_offset_minute(0)
    };
    if let Some(secs) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
    {
        return from_secs(secs);
    }
    if let Some(d) = m.date {
        return krilla::metadata::DateTime::new(d.year())
            .month(d.month())
            .day(d.day())
            .hour(0)
            .minute(0)
            .second(0)
            .utc_offset_hour(0)
            .utc_offset_minute(0);
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    from_secs(now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annex, Block, Division, DivisionKind, Inline, List, Note, Paragraph};
    use crate::model::{Table, TableRow};

    /// The Chinese font `.ci/run` installs.
    const CJK: &str = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    fn text(s: &str) -> Vec<Inline> {
        vec![Inline::Text(s.into())]
    }

    fn para(num: Option<String>, words: usize, note: Option<Note>) -> Block {
        let mut content = text(&"Lorem ipsum dolor sit amet consectetur ".repeat(words / 6 + 1));
        content.extend(note.map(Inline::Note));
        Block::Paragraph(Paragraph {
            num,
            content,
            subparagraphs: Vec::new(),
        })
    }

    fn note(marker: usize, long: bool) -> Note {
        let mut content = vec![para(None, if long { 900 } else { 20 }, None)];
        if marker.is_multiple_of(5) {
            // (A note holding a division and a list: set apart from the body, never handed
            // over as body lines.)
            content.push(Block::Division(Division {
                kind: DivisionKind::Heading,
                num: None,
                heading: text("In a note"),
                content: vec![para(None, 30, None)],
            }));
            content.push(Block::List(List {
                items: vec![vec![para(None, 10, None)]; 3],
            }));
        }
        Note {
            marker: marker.to_string(),
            content,
        }
    }

    /// A report with what the flow hands over in pieces: chapters of sections, notes (long
    /// ones among them, and notes holding divisions), a long table with a header row, a
    /// list, a quote, and annexes with divisions of their own.
    fn report() -> Document {
        let mut marker = 0;
        let mut chapters = Vec::new();
        for c in 1..=3 {
            let mut sections = Vec::new();
            for s in 1..=3 {
                let mut content = Vec::new();
                for p in 1..=8 {
                    let n = (p % 3 == 0).then(|| {
                        marker += 1;
                        note(marker, marker % 4 == 0)
                    });
                    content.push(para(Some(format!("{p}.")), 40 + 17 * p, n));
                }
                if s == 2 {
                    // (Cells holding a division: set apart from the body too.)
                    let cell = |t: &str| {
                        vec![Block::Division(Division {
                            kind: DivisionKind::Heading,
                            num: None,
                            heading: text(t),
                            content: vec![para(None, 3, None)],
                        })]
                    };
                    let mut rows = vec![TableRow {
                        header: true,
                        cells: vec![cell("Country"), cell("Recommendation")],
                    }];
                    rows.extend((0..70).map(|r| TableRow {
                        header: false,
                        cells: vec![cell(&format!("Row {r}")), cell("Accepted")],
                    }));
                    content.push(Block::Table(Table { rows }));
                    content.push(Block::List(List {
                        items: vec![vec![para(None, 25, None)]; 4],
                    }));
                    content.push(Block::Quote(vec![para(None, 60, None)]));
                }
                sections.push(Block::Division(Division {
                    kind: DivisionKind::Section,
                    num: Some(format!("{}.", (b'A' + s as u8 - 1) as char)),
                    heading: text("A section"),
                    content,
                }));
            }
            chapters.push(Block::Division(Division {
                kind: DivisionKind::Chapter,
                num: Some(format!("{c}.")),
                heading: text("A chapter"),
                content: sections,
            }));
        }
        let annexes = (1..=2)
            .map(|a| Annex {
                label: format!("Annex {a}"),
                title: text("An annex"),
                body: vec![
                    para(None, 200, None),
                    Block::Division(Division {
                        kind: DivisionKind::Section,
                        num: None,
                        heading: text("Its part"),
                        content: vec![para(Some("1.".into()), 300, None); 3],
                    }),
                ],
            })
            .collect();
        let mut doc = Document {
            body: chapters,
            annexes,
            ..Document::default()
        };
        doc.meta.symbols = vec!["A/HRC/59/15".parse().unwrap()];
        doc.meta.title = Some("A report".into());
        doc
    }

    /// The flow set whole, and paginated whole.
    fn whole(doc: &Document) -> (String, Vec<paginate::Page>) {
        let mut fonts = Fonts::new(&[], false);
        let (f, groups) = set_flow(doc, &mut fonts, None);
        let pages = paginate::paginate(&f.lines, &f.note_lines, &f.headers, 140.0);
        let set = format!("{:?}", (&f.lines, &f.note_lines, &f.headers, &groups));
        (set, pages)
    }

    /// Set on a thread of its own and handed over as it goes, or set first on the drawing
    /// thread: the same PDF, byte for byte.
    #[test]
    fn the_layout_thread_writes_the_pdf_the_single_thread_writes() {
        let mut doc = report();
        doc.meta.date = Some("2025-03-24".parse().unwrap());
        let options = WriteOptions::default();
        let threaded = to_bytes(&doc, &options, 0).unwrap();
        let single = to_bytes(&doc, &options, usize::MAX).unwrap();
        assert!(threaded.len() > 100_000, "{}", threaded.len());
        assert!(
            threaded == single,
            "{} and {} bytes",
            threaded.len(),
            single.len()
        );
        // Chinese in the body: a system font loaded by the layout thread, drawn by the
        // other (or, on a machine without one, the same error either way).
        if let Some(Block::Division(d)) = doc.body.get_mut(1) {
            d.content.insert(
                0,
                Block::Paragraph(Paragraph {
                    num: None,
                    content: text("联合国人权理事会第五十九届会议"),
                    subparagraphs: Vec::new(),
                }),
            );
        }
        let options = WriteOptions {
            system_fonts: true,
            ..WriteOptions::default()
        };
        let threaded = to_bytes(&doc, &options, 0).map_err(|e| e.to_string());
        let single = to_bytes(&doc, &options, usize::MAX).map_err(|e| e.to_string());
        assert!(threaded == single);
        assert!(threaded.is_ok() || !std::path::Path::new(CJK).exists());
    }

    #[test]
    fn a_flow_handed_over_in_batches_is_the_whole_flow_and_paginates_alike() {
        let fixture = include_str!("../../../fixtures/a-hrc-59-15/document.json");
        let read = |s: &str| crate::json::read(s.as_bytes(), &crate::ReadOptions::default());
        let docs = [report(), read(fixture).unwrap().document];
        for doc in &docs {
            let (want_set, want_pages) = whole(doc);
            // Streamed, as `lay_out` hands it over.
            let mut fonts = Fonts::new(&[], false);
            let mut batches: Vec<flow::Batch> = Vec::new();
            let mut sink = |b: flow::Batch, _: &Fonts| batches.push(b);
            let (rest, groups) = set_flow(doc, &mut fonts, Some(&mut sink));
            sink(rest, &fonts);
            assert!(batches.len() > 5, "{} batches", batches.len());
            let (mut lines, mut notes, mut headers) = (Vec::new(), Vec::new(), Vec::new());
            let mut pager = paginate::Paginator::new(140.0);
            // (Paginated as the writer does: each page's lines released once it is handed
            // over; a line looked at after its release would be out of bounds.)
            let mut window = paginate::Window::default();
            let mut pages = Vec::new();
            let mut seen_groups = 0;
            for b in batches {
                assert!(b.groups >= seen_groups);
                seen_groups = b.groups;
                lines.extend(b.lines.iter().cloned());
                window.extend(b.lines);
                notes.extend(b.note_lines);
                headers.extend(b.headers);
                // Every group a line names is known by the time the line comes.
                assert!(lines.iter().all(|l: &FlowLine| l.group < seen_groups));
                pager.advance(&window, &notes, &headers, &mut pages);
                window.release_before(pager.keep_from());
            }
            assert!(window.end() == lines.len());
            pager.finish(&notes, &mut pages);
            assert_eq!(
                format!("{:?}", (&lines, &notes, &headers, &groups)),
                want_set
            );
            assert_eq!(format!("{pages:?}"), format!("{want_pages:?}"));
            assert!(pages.len() >= 3, "{} pages", pages.len());
        }
    }
}
