//! Reader for PDF: the page layout into the recognizer's typed lines (hayro-syntax and
//! hayro-interpret parse and interpret the pages; `glyphs.rs` collects what they draw;
//! `page.rs` finds lines, columns, running headers and footers, the footnote area, raised
//! note marks and blocks), and the shared recognizer builds the document.
//!
//! A PDF with no text layer (a scanned image) is an error that says so; an encrypted one
//! too. Writing PDF is not supported yet.

mod embedded;
mod fonts;
mod glyphs;
mod page;
mod write;

pub use write::write;

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use hayro_interpret::kurbo::{Affine, Rect};
use hayro_interpret::{Context, InterpreterCache, InterpreterSettings, interpret_page};
use hayro_syntax::{LoadPdfError, Pdf};

use crate::model::{Inline, Note};
use crate::recognize::{Input, Source};
use crate::{Error, Format, Location, ReadOptions, ReadOutput, Result, Warning, WarningKind};

/// How the PDF reader names a position: the page.
const SOURCE: Source = Source {
    format: Format::Pdf,
    locate: |p| Location::part(format!("page {p}")),
};

fn syntax(message: impl Into<String>) -> Error {
    Error::Syntax {
        format: Format::Pdf,
        at: Location::part("input"),
        message: message.into(),
    }
}

/// Most threads a PDF's pages are drawn on by default.
const MAX_THREADS: usize = 4;
/// Fewest pages worth a thread of their own.
const MIN_PAGES_PER_THREAD: usize = 3;

/// One page as drawn: its printed lines (glyphs grouped by baseline) and rules, and what
/// could not be kept.
#[derive(Default)]
struct Drawn {
    /// The decoded content stream's size (when over the limit, nothing else was done).
    content_bytes: u64,
    lines: Vec<page::Line>,
    glyphs: usize,
    rules: Vec<glyphs::Rule>,
    width: f64,
    height: f64,
    unmapped: usize,
    truncated: bool,
}

/// Draws pages one after the other, keeping what they share: hayro's cache of fonts and
/// objects, the fonts' styles, and what each font's codes stand for.
#[derive(Default)]
struct Drawer<'a> {
    /// [`ReadOptions::max_part_bytes`] and [`ReadOptions::max_depth`].
    max_part: u64,
    max_depth: usize,
    cache: InterpreterCache<'a>,
    fonts: fonts::Fonts,
    codes: glyphs::Codes,
}

impl<'a> Drawer<'a> {
    fn draw(&mut self, p: &hayro_syntax::page::Page<'a>) -> Drawn {
        let content_bytes = p.page_stream().map_or(0, |s| s.len() as u64);
        if content_bytes > self.max_part {
            return Drawn {
                content_bytes,
                ..Default::default()
            };
        }
        let it = Affine::new(p.initial_transform(true).as_coeffs());
        let (w, h) = p.render_dimensions();
        let (w, h) = (f64::from(w), f64::from(h));
        let mut ctx = Context::new(
            it,
            Rect::new(0.0, 0.0, w, h),
            &self.cache,
            p.xref(),
            InterpreterSettings::default(),
        );
        let shown = fonts::shown(p, &mut self.fonts, self.max_depth);
        let mut dev = glyphs::Collector::new(shown, self.fonts.styles(), &mut self.codes);
        interpret_page(p, &mut ctx, &mut dev);
        Drawn {
            content_bytes,
            width: w,
            height: h,
            unmapped: dev.unmapped,
            truncated: dev.truncated,
            rules: std::mem::take(&mut dev.rules),
            glyphs: dev.glyphs.len(),
            lines: page::lines(&dev.glyphs),
        }
    }
}

fn limit(at: Location, what: &'static str, limit: u64, option: &'static str) -> Error {
    Error::Limit {
        format: Format::Pdf,
        at,
        what,
        limit,
        option,
    }
}

/// Reads a PDF into a document, with warnings for what could not be recognized.
pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<ReadOutput> {
    let pdf = Pdf::new(Arc::new(bytes.to_vec())).map_err(|e| match e {
        LoadPdfError::Decryption(d) => syntax(format!(
            "the PDF is encrypted and cannot be opened without its password ({d:?})"
        )),
        LoadPdfError::Invalid => {
            syntax("not a readable PDF (no valid cross-reference table or objects)")
        }
    })?;
    let mut warnings = Vec::new();
    if !options.ignore_embedded {
        match embedded::read(&pdf, options)? {
            embedded::Embedded::Read(r) => return Ok(*r),
            embedded::Embedded::Broken(w) => warnings.push(w),
            embedded::Embedded::None => {}
        }
    }
    let pages = pdf.pages();
    for (n, max, what, option) in [
        (
            pdf.len(),
            options.max_objects,
            "number of objects",
            "max_objects",
        ),
        (
            pages.len(),
            options.max_pages,
            "number of pages",
            "max_pages",
        ),
    ] {
        if n > max {
            return Err(limit(Location::part("input"), what, max as u64, option));
        }
    }
    let mut inputs: Vec<Input> = Vec::new();
    let mut glyph_count = 0usize;
    let mut numbering = crate::recognize::numbering::Numbering::default();
    let mut carried: Option<Carried> = None;
    // Whether the page before ended with a full line (its paragraph goes on).
    let mut ends_full = false;
    let mut unmapped = 0usize;
    // Pages are drawn (the costly part) on worker threads, and read in order here.
    let mut content_bytes = 0u64;
    let mut take = |i: usize, d: Drawn| -> Result<()> {
        content_bytes += d.content_bytes;
        for (n, max, what, option) in [
            (
                d.content_bytes,
                options.max_part_bytes,
                "decoded size of the page's content stream, in bytes",
                "max_part_bytes",
            ),
            (
                content_bytes,
                options.max_total_bytes,
                "decoded size of the pages' content streams together, in bytes",
                "max_total_bytes",
            ),
        ] {
            if n > max {
                return Err(limit(
                    Location::part(format!("page {}", i + 1)),
                    what,
                    max,
                    option,
                ));
            }
        }
        glyph_count += d.glyphs;
        unmapped += d.unmapped;
        if d.truncated {
            SOURCE.warn(
                &mut warnings,
                WarningKind::Dropped,
                i + 1,
                format!(
                    "more than {} glyphs: the rest of the page dropped",
                    glyphs::MAX_GLYPHS
                ),
            );
        }
        let out = page::read(
            d.lines,
            d.rules,
            d.width,
            d.height,
            i + 1,
            i == 0,
            &mut numbering,
        );
        let mut out = out;
        if let Some(j) = out.job_number.take() {
            inputs.push(Input::JobNumber(j));
        }
        if ends_full
            && let Some(Input::Lines(l)) =
                out.blocks.iter_mut().find(|b| matches!(b, Input::Lines(_)))
        {
            l.hints.continues = true;
        }
        ends_full = out.ends_full;
        for c in out.corrected {
            SOURCE.warn(&mut warnings, WarningKind::Corrected, i + 1, c);
        }
        if let Some(rest) = out.note_continued.take() {
            continue_note(&mut inputs, rest, i + 1, &mut warnings);
        }
        place_notes(
            out.blocks,
            out.notes,
            i + 1,
            &mut inputs,
            &mut carried,
            &mut warnings,
        );
        Ok(())
    };
    let threads = match options.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS)),
        n => n,
    }
    .min(pages.len() / MIN_PAGES_PER_THREAD)
    .max(1);
    let drawer = || Drawer {
        max_part: options.max_part_bytes,
        max_depth: options.max_depth,
        ..Default::default()
    };
    if threads == 1 {
        let mut drawer = drawer();
        for (i, p) in pages.iter().enumerate() {
            take(i, drawer.draw(p))?;
        }
    } else {
        std::thread::scope(|scope| -> Result<()> {
            let pages = &pages;
            // Worker t draws pages t, t + threads, …; each may run two pages ahead.
            let receivers: Vec<_> = (0..threads)
                .map(|t| {
                    let (tx, rx) = std::sync::mpsc::sync_channel::<Drawn>(2);
                    scope.spawn(move || {
                        let mut drawer = drawer();
                        for p in pages.iter().skip(t).step_by(threads) {
                            if tx.send(drawer.draw(p)).is_err() {
                                return;
                            }
                        }
                    });
                    rx
                })
                .collect();
            for i in 0..pages.len() {
                // (A worker gone before its page would have panicked: the scope says so.)
                let Ok(d) = receivers[i % threads].recv() else {
                    break;
                };
                // (An error drops the receivers: the workers stop at their next page.)
                take(i, d)?;
            }
            Ok(())
        })?;
    }
    if glyph_count == 0 {
        return Err(syntax(
            "no text layer: the pages hold no text (a scanned image? run OCR first)",
        ));
    }
    if unmapped > 0 {
        warnings.push(
            Warning::new(
                Format::Pdf,
                "input",
                format!(
                    "{unmapped} glyph(s) with no known text (a font without a Unicode map): dropped"
                ),
            )
            .with_kind(WarningKind::Dropped),
        );
    }
    if let Some(c) = carried.take() {
        c.warn(&mut warnings);
    }
    let document = crate::recognize::recognize(inputs, SOURCE, &mut warnings);
    Ok(ReadOutput { document, warnings })
}

/// Adds the rest of a note, printed at the top of a page's notes, to the last note of the
/// pages before; with none there, keeps it as a paragraph, with a warning.
fn continue_note(inputs: &mut Vec<Input>, rest: String, page: usize, warnings: &mut Vec<Warning>) {
    fn last_note(v: &mut [Inline]) -> Option<&mut Note> {
        for i in v.iter_mut().rev() {
            match i {
                Inline::Note(n) if !n.content.is_empty() => return Some(n),
                Inline::Strong(c) | Inline::Emphasis(c) => {
                    if let Some(n) = last_note(c) {
                        return Some(n);
                    }
                }
                _ => {}
            }
        }
        None
    }
    let found = inputs.iter_mut().rev().find_map(|i| match i {
        Input::Lines(l) => l.lines.iter_mut().rev().find_map(|line| last_note(line)),
        _ => None,
    });
    match found {
        Some(n) => match n.content.last_mut() {
            Some(crate::model::Block::Paragraph(p)) => {
                let tail = crate::recognize::inlines::plain_tail(&p.content, 2);
                let glue =
                    if crate::recognize::inlines::joins_without_space(&tail, rest.chars().next()) {
                        ""
                    } else {
                        " "
                    };
                p.content.push(Inline::Text(format!("{glue}{rest}")));
                crate::model::normalize_inlines(&mut p.content);
            }
            _ => n.content.extend(page::note_blocks(&rest)),
        },
        None => {
            SOURCE.warn(
                warnings,
                WarningKind::KeptAsText,
                page,
                "note text at the top of the page's notes, with no note before it to go on: kept as a paragraph",
            );
            inputs.push(Input::Lines(crate::recognize::Lines {
                lines: vec![vec![Inline::Text(rest)]],
                hints: Default::default(),
                at: page,
            }));
        }
    }
}

/// The raised numbers of a page that found no note text on it, held for the next page:
/// a word processor that cannot fit a note under its mark prints it on the next page.
struct Carried {
    page: usize,
    /// The page's inputs (a range of the inputs).
    inputs: std::ops::Range<usize>,
    marks: Vec<String>,
}

impl Carried {
    /// The marks no note took: said, not silently made superscripts.
    fn warn(self, warnings: &mut Vec<Warning>) {
        for m in self.marks {
            SOURCE.warn(
                warnings,
                WarningKind::KeptAsText,
                self.page,
                format!("raised {m} has no footnote text on its page: kept as a superscript"),
            );
        }
    }
}

/// Turns the first superscript `marker` of `v` (a raised number that found no note) into
/// the note with `text`; whether one was found.
fn fill_carried(v: &mut [Inline], marker: &str, text: &str) -> bool {
    for i in v.iter_mut() {
        let found = match i {
            Inline::Strong(c) | Inline::Emphasis(c) => fill_carried(c, marker, text),
            Inline::Superscript(c) if matches!(c.as_slice(), [Inline::Text(t)] if t == marker) => {
                *i = Inline::Note(Note {
                    marker: marker.to_string(),
                    content: page::note_blocks(text),
                });
                true
            }
            _ => false,
        };
        if found {
            return true;
        }
    }
    false
}

/// Fills a page's note marks with the page's note bodies, in reading order; a body whose
/// mark is not on its page goes to the previous page's raised number that found no note
/// (`carried`), else is kept at the end of the page's last block, with a warning; a mark
/// with no body stays a superscript (said once the next page has no body for it either).
fn place_notes(
    blocks: Vec<Input>,
    notes: Vec<page::NoteDef>,
    page: usize,
    inputs: &mut Vec<Input>,
    carried: &mut Option<Carried>,
    warnings: &mut Vec<Warning>,
) {
    let mut defs: HashMap<String, VecDeque<String>> = HashMap::new();
    for n in notes {
        defs.entry(normalize_marker(&n.marker))
            .or_default()
            .push_back(n.text);
    }
    let start = inputs.len();
    let mut unmatched = Vec::new();
    for mut b in blocks {
        if let Input::Lines(l) = &mut b {
            for line in &mut l.lines {
                fill(line, &mut defs, &mut unmatched);
            }
        }
        inputs.push(b);
    }
    let mut left: Vec<(String, String)> = defs
        .into_iter()
        .flat_map(|(m, q)| q.into_iter().map(move |t| (m.clone(), t)))
        .collect();
    left.sort();
    // A note whose mark is the previous page's last raised number with no note: printed
    // on the next page.
    if let Some(c) = carried.as_mut() {
        left.retain(|(marker, text)| {
            let Some(k) = c.marks.iter().position(|m| m == marker) else {
                return true;
            };
            let found = inputs[c.inputs.clone()].iter_mut().any(|i| match i {
                Input::Lines(l) => l
                    .lines
                    .iter_mut()
                    .any(|line| fill_carried(line, marker, text)),
                _ => false,
            });
            if found {
                c.marks.remove(k);
            }
            !found
        });
    }
    // A raised number with no note text on its page may be a note whose text is on the
    // next page, or was not found: said then, not silently made a superscript.
    if let Some(c) = carried.take() {
        c.warn(warnings);
    }
    *carried = Some(Carried {
        page,
        inputs: start..inputs.len(),
        marks: unmatched
            .into_iter()
            .filter(|m| m.bytes().all(|b| b.is_ascii_digit()))
            .collect(),
    });
    // An asterisk mark printed on the line, not raised ("Periodic Review*"): the line of
    // the page ending with it.
    left.retain(|(marker, text)| {
        if !marker.starts_with('*') {
            return true;
        }
        for i in inputs[start..].iter_mut() {
            let Input::Lines(l) = i else { continue };
            for line in &mut l.lines {
                if let Some(mark) = take_star_mark(line, marker.len()) {
                    line.push(Inline::Note(Note {
                        marker: mark,
                        content: page::note_blocks(text),
                    }));
                    return false;
                }
            }
        }
        // Or inside a line, after a word ("when available.* A number of").
        for i in inputs[start..].iter_mut() {
            let Input::Lines(l) = i else { continue };
            for line in &mut l.lines {
                if put_star_note(line, marker.len(), text) {
                    return false;
                }
            }
        }
        true
    });
    for (marker, text) in left {
        let host = inputs[start..].iter_mut().rev().find_map(|i| match i {
            Input::Lines(l) => l.lines.last_mut(),
            _ => None,
        });
        let note = Inline::Note(Note {
            marker: marker.clone(),
            content: page::note_blocks(&text),
        });
        match host {
            Some(l) => l.push(note),
            None => inputs.push(Input::Lines(crate::recognize::Lines {
                lines: vec![vec![note]],
                hints: Default::default(),
                at: page,
            })),
        }
        SOURCE.warn(
            warnings,
            WarningKind::NoteWithoutMark,
            page,
            format!(
                "footnote {marker} has no mark on its page; kept at the end of the page's text"
            ),
        );
    }
}

/// Takes a printed mark of `n` asterisks off the end of a line ("Periodic Review*"),
/// inside the bold or italic run the line ends with if it does; gives the mark ("∗∗", a
/// font's asterisk operator, is "**"). A line of nothing but asterisks has no mark.
fn take_star_mark(v: &mut Vec<Inline>, n: usize) -> Option<String> {
    // (Spaces after the mark do not count.)
    while matches!(v.last(), Some(Inline::Text(t)) if t.trim().is_empty()) {
        v.pop();
    }
    let words_before = v.len() > 1;
    match v.last_mut()? {
        Inline::Strong(c) | Inline::Emphasis(c) => take_star_mark(c, n),
        Inline::Text(t) => {
            let end = t.trim_end();
            let body = end.trim_end_matches(['*', '∗']);
            if end[body.len()..].chars().count() != n || body.trim().is_empty() && !words_before {
                return None;
            }
            let mark = end[body.len()..].replace('∗', "*");
            *t = body.to_string();
            if t.is_empty() {
                v.pop();
            }
            Some(mark)
        }
        _ => None,
    }
}

/// Puts an asterisk note where a run of `n` asterisks stands right after a word inside a
/// line, followed by a space ("available.* A"); not after a symbol ("A/HRC/11/17*", a
/// reissued document named in the text). Whether it did.
fn put_star_note(v: &mut Vec<Inline>, n: usize, text: &str) -> bool {
    for k in 0..v.len() {
        let found = match &mut v[k] {
            Inline::Strong(c) | Inline::Emphasis(c) => {
                if put_star_note(c, n, text) {
                    return true;
                }
                None
            }
            Inline::Text(t) => star_run_after_word(t, n).map(|at| {
                let after = t.split_off(at);
                (after[..n].to_string(), after[n..].to_string())
            }),
            _ => None,
        };
        if let Some((marker, rest)) = found {
            v.insert(
                k + 1,
                Inline::Note(Note {
                    marker,
                    content: page::note_blocks(text),
                }),
            );
            v.insert(k + 2, Inline::Text(rest));
            return true;
        }
    }
    false
}

/// Where a run of exactly `n` ASCII asterisks starts, right after a word that is not a
/// symbol and followed by a space.
fn star_run_after_word(t: &str, n: usize) -> Option<usize> {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'*' {
            i += 1;
            continue;
        }
        let end = b[i..]
            .iter()
            .position(|&c| c != b'*')
            .map_or(b.len(), |p| i + p);
        let word = t[..i].rsplit(' ').next().unwrap_or("");
        let after_word = word
            .chars()
            .last()
            .is_some_and(|c| c.is_alphabetic() || ".,;:)”’\"".contains(c));
        if end - i == n && after_word && !word.contains('/') && b.get(end) == Some(&b' ') {
            return Some(i);
        }
        i = end;
    }
    None
}

fn normalize_marker(m: &str) -> String {
    m.trim().trim_end_matches('/').replace('∗', "*")
}

/// Fills the note marks of a line with the page's note texts; a mark with no text on the
/// page stays a superscript, and its marker goes to `unmatched`.
fn fill(
    v: &mut [Inline],
    defs: &mut HashMap<String, VecDeque<String>>,
    unmatched: &mut Vec<String>,
) {
    // (A unit's exponent, "km2", "m3", is no note's mark.)
    let mut after_unit = false;
    for i in v.iter_mut() {
        if let Inline::Strong(c) | Inline::Emphasis(c) = i {
            fill(c, defs, unmatched);
        } else if let Inline::Note(n) = i
            && n.content.is_empty()
        {
            match defs
                .get_mut(&normalize_marker(&n.marker))
                .and_then(VecDeque::pop_front)
            {
                Some(text) => n.content = page::note_blocks(&text),
                None => {
                    if !(after_unit && matches!(n.marker.as_str(), "2" | "3")) {
                        unmatched.push(n.marker.clone());
                    }
                    *i = Inline::Superscript(vec![Inline::Text(n.marker.clone())]);
                }
            }
        }
        after_unit = matches!(i, Inline::Text(t)
            if t.rsplit(|c: char| !c.is_alphabetic()).next().is_some_and(|w| matches!(w, "m" | "km" | "cm" | "mm")));
    }
}
