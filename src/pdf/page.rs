//! One page's glyphs → the recognizer's typed lines: lines by baseline, raised smaller
//! glyphs as superscripts, columns split at wide gaps, the footnote area under its rule (or
//! the small print at the page's foot), running headers and footers dropped, blocks by
//! vertical gaps, numbers and short last lines.

use super::fonts::Style;
use super::glyphs::{Glyph, GlyphText, Rule};
use crate::model::words::right_to_left as is_rtl;
use crate::model::{Block, Inline, JobNumber, Note, Paragraph};
use crate::recognize::inlines::joins_without_space;
use crate::recognize::numbering::{Numbering, Start, names_a_state, starts_afresh};
use crate::recognize::scan::{furniture, truncated_job_number};
use std::collections::HashMap;

use crate::recognize::{Hints, Input, Lines};

/// A piece of a line: text, whether it was printed raised and smaller, and in what style.
#[derive(Clone, Debug)]
struct Piece {
    text: String,
    sup: bool,
    style: Style,
    /// The byte length of each glyph's text in `text`, in order (a glyph may stand for
    /// several characters, as Arabic lam-alef does: it is moved whole when right-to-left
    /// text is put back in reading order).
    units: Vec<u32>,
}

/// A column of a line (the masthead prints two side by side).
#[derive(Clone, Debug)]
struct Segment {
    x0: f64,
    x1: f64,
    pieces: Vec<Piece>,
}

impl Segment {
    fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }
}

/// A printed line.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    y: f64,
    size: f64,
    segments: Vec<Segment>,
    /// Whether a wide gap (a tab) follows the line's first word, as after a paragraph's
    /// number.
    spaced: bool,
    /// The same, reading from the right (a right-to-left page's first word is its
    /// rightmost).
    spaced_rtl: bool,
}

impl Line {
    fn x0(&self) -> f64 {
        self.segments.first().map_or(0.0, |s| s.x0)
    }
    fn x1(&self) -> f64 {
        self.segments.last().map_or(0.0, |s| s.x1)
    }
    /// Whether a line of page 1 holds columns that are lines of their own (the masthead's
    /// left and right blocks), not one line set with wide gaps: a table of contents entry
    /// ("I.   Background ......... 2") is one line.
    ///
    /// A line whose first column is a lone label ("73/8.   Title", "I.   Introduction",
    /// "1.   Text": a number set apart by a tab with no space glyph in it) is one line too.
    fn masthead_columns(&self) -> bool {
        self.segments.len() > 1
            && !self.text().contains("....")
            && !self
                .segments
                .first()
                .is_some_and(|s| is_label(s.text().trim()))
    }

    /// Whether the line ends a sentence (a note mark after the full stop does not count).
    fn ends_sentence(&self) -> bool {
        let mut t = String::new();
        let pieces: Vec<&Piece> = self.segments.iter().flat_map(|s| &s.pieces).collect();
        let end = pieces.iter().rposition(|p| !p.sup).map_or(0, |i| i + 1);
        for p in &pieces[..end] {
            t.push_str(&p.text);
        }
        let t = t.trim_end().trim_end_matches(['”', '’', '"', ')']);
        t.ends_with(['.', ':', ';', '?', '!'])
    }

    /// Whether every word of the line is bold (a heading's line; marks, and a number in
    /// another type before a bold recommendation, do not count).
    fn bold(&self) -> bool {
        self.segments
            .iter()
            .flat_map(|s| &s.pieces)
            .enumerate()
            .all(|(i, p)| {
                let number = i == 0 && starts_numbered(&p.text) && !p.text.trim().contains(' ');
                p.style.bold || p.sup || number || !p.text.chars().any(char::is_alphanumeric)
            })
    }
    fn text(&self) -> String {
        let parts: Vec<String> = self.segments.iter().map(Segment::text).collect();
        parts.join("   ").trim().to_string()
    }
}

/// Gap between glyphs, in font sizes, that is a word space.
const WORD_GAP: f64 = 0.2;
/// Gap between glyphs, in font sizes, under which a Chinese character and a Latin letter or
/// digit beside it are not two words.
const WIDE_GAP: f64 = 0.45;

/// Whether a glyph is a Chinese or Japanese character or full-width punctuation.
fn wide(t: &GlyphText) -> bool {
    let w = crate::model::words::wide;
    match t {
        GlyphText::Char(c) => w(*c),
        GlyphText::Long(s) => s.chars().any(w),
    }
}

/// Gap between glyphs, in font sizes, that separates columns.
const COLUMN_GAP: f64 = 2.5;
/// A line at most this share of the neighbouring line's size, raised, is superscript.
const SUP_SIZE: f64 = 0.85;
/// Most glyphs of one raised mark ("123", "**", "th"; "(a)" is three).
const MAX_MARK_GLYPHS: usize = 4;

/// Whether a glyph stands for combining marks only (an Arabic vowel sign, a Hebrew point,
/// an accent drawn apart from its letter).
fn mark_only(g: &Glyph) -> bool {
    let mark = |c: char| crate::model::words::rtl_mark(c) || ('\u{0300}'..='\u{036F}').contains(&c);
    match &g.text {
        GlyphText::Char(c) => mark(*c),
        GlyphText::Long(t) => !t.is_empty() && t.chars().all(mark),
    }
}

/// Most glyphs looked at, left of a mark, for the letter it sits on.
const MARK_BASE_CANDIDATES: usize = 256;

/// The glyphs with each combining mark drawn as a glyph of its own (as LibreOffice draws
/// an Arabic vowel sign, set higher or lower than its letter) joined to the letter under
/// or over it: its text after the letter's. `None` when no glyph is a mark alone.
fn join_marks(glyphs: &[Glyph]) -> Option<Vec<Glyph>> {
    if !glyphs.iter().any(mark_only) {
        return None;
    }
    let (marks, mut bases): (Vec<Glyph>, Vec<Glyph>) = glyphs.iter().cloned().partition(mark_only);
    bases.sort_by(|a, b| a.x.total_cmp(&b.x));
    let mut leftover = Vec::new();
    for m in marks {
        let centre = m.x + 0.5 * m.advance.max(0.0);
        let end = bases.partition_point(|b| b.x <= centre + 0.4 * m.size);
        let found = bases[..end]
            .iter()
            .enumerate()
            .rev()
            .take(MARK_BASE_CANDIDATES)
            .filter(|(_, b)| {
                let letter = match &b.text {
                    GlyphText::Char(c) => c.is_alphabetic(),
                    GlyphText::Long(t) => t.chars().any(char::is_alphabetic),
                };
                letter
                    && (b.y - m.y).abs() <= 0.8 * b.size.max(m.size)
                    && centre <= b.x + b.advance.max(0.3 * b.size) + 0.3 * m.size
            })
            // The nearest line, then the letter whose middle is nearest.
            .min_by(|(_, a), (_, b)| {
                let key = |g: &Glyph| {
                    (
                        ((g.y - m.y).abs() / (0.3 * g.size.max(0.1))).round() as i64,
                        (g.x + 0.5 * g.advance - centre).abs(),
                    )
                };
                let (ka, kb) = (key(a), key(b));
                ka.0.cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
            })
            .map(|(i, _)| i);
        match found {
            Some(i) => {
                let mut t = String::new();
                bases[i].text.push_to(&mut t);
                m.text.push_to(&mut t);
                bases[i].text = GlyphText::new(&t);
            }
            None => leftover.push(m),
        }
    }
    bases.extend(leftover);
    Some(bases)
}

/// Groups glyphs into lines by baseline; small raised glyphs join the line they sit on.
pub(crate) fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    let joined = join_marks(glyphs);
    let glyphs = joined.as_deref().unwrap_or(glyphs);
    // (A glyph without text is one of an /ActualText sequence that never ended.)
    let mut gs: Vec<&Glyph> = glyphs
        .iter()
        .filter(|g| g.size > 0.5 && !matches!(&g.text, GlyphText::Long(t) if t.is_empty()))
        .collect();
    // Whether most of the page's letters are right to left (see `right_to_left_page`).
    let page_rtl = crate::model::words::mostly_right_to_left(gs.iter().flat_map(|g| {
        let (c, t) = match &g.text {
            GlyphText::Char(c) => (Some(*c), ""),
            GlyphText::Long(t) => (None, &**t),
        };
        c.into_iter().chain(t.chars())
    }));
    gs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Rows by baseline (within a fifth of the size).
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for g in gs {
        match rows.last_mut() {
            // (The smaller size decides: a large letter beside two lines of small
            // capitals must not join them into one.)
            Some(r) if (r[0].y - g.y).abs() <= 0.3 * g.size.min(r[0].size) => r.push(g),
            _ => rows.push(vec![g]),
        }
    }
    let sizes: Vec<f64> = rows
        .iter()
        .map(|r| r.iter().map(|g| g.size).fold(0.0, f64::max))
        .collect();
    let largest = sizes.iter().copied().fold(0.0, f64::max);
    // Superscript rows: smaller, just above a row of normal size that they overlap, and
    // made of marks ("1", "12", "**", "th"), not words: a short line of small print set
    // beside large type ("Distr.: General" beside "General Assembly") is a line.
    let marks_only = |r: &[&Glyph]| {
        let mut r = r.to_vec();
        r.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut run = 0;
        let mut end = f64::NEG_INFINITY;
        for g in r {
            run = if g.x - end > 0.5 * g.size { 1 } else { run + 1 };
            end = g.x + g.advance.max(0.3 * g.size);
            if run > MAX_MARK_GLYPHS {
                return false;
            }
        }
        true
    };
    let mut sup_of: Vec<Option<usize>> = vec![None; rows.len()];
    for i in 0..rows.len() {
        if !marks_only(&rows[i]) {
            continue;
        }
        let s = sizes[i];
        let y = rows[i][0].y;
        // (Rows are in baseline order: none lower than the largest size's reach can do.)
        let below = (i + 1..rows.len())
            .take_while(|&j| rows[j][0].y - y < 0.6 * largest)
            .find(|&j| {
                let sj = sizes[j];
                let dy = rows[j][0].y - y;
                s <= SUP_SIZE * sj && dy > 0.0 && dy < 0.6 * sj
            });
        if let Some(j) = below {
            sup_of[i] = Some(j);
        }
    }
    let mut merged: Vec<Vec<(&Glyph, bool)>> = rows
        .iter()
        .map(|r| r.iter().map(|g| (*g, false)).collect())
        .collect();
    for i in 0..rows.len() {
        if let Some(j) = sup_of[i] {
            let moved: Vec<(&Glyph, bool)> = rows[i].iter().map(|g| (*g, true)).collect();
            merged[j].extend(moved);
            merged[i].clear();
        }
    }
    let mut out = Vec::new();
    for row in merged.into_iter().filter(|r| !r.is_empty()) {
        let mut row = row;
        row.sort_by(|a, b| a.0.x.total_cmp(&b.0.x));
        let size = row
            .iter()
            .filter(|(_, s)| !s)
            .map(|(g, _)| g.size)
            .fold(0.0, f64::max);
        let y = row
            .iter()
            .find(|(_, s)| !s)
            .map_or(row[0].0.y, |(g, _)| g.y);
        let extent = |g: &Glyph| {
            let end = g.x
                + if g.advance > 0.0 {
                    g.advance
                } else {
                    0.5 * g.size
                };
            (g.x, end, g.text.is_blank(), g.size)
        };
        let spaced = first_word_spaced(row.iter().map(|(g, _)| extent(g)));
        let spaced_rtl = first_word_spaced(row.iter().rev().map(|(g, _)| {
            let (x0, x1, blank, size) = extent(g);
            (-x1, -x0, blank, size)
        }));
        let mut segments: Vec<Segment> = Vec::new();
        let mut end = f64::NEG_INFINITY;
        let mut prev_wide = false;
        for (g, sup) in row {
            let gap = g.x - end;
            let unit = if size > 0.0 { size } else { g.size };
            if segments.is_empty() || gap > COLUMN_GAP * unit {
                segments.push(Segment {
                    x0: g.x,
                    x1: g.x,
                    pieces: vec![],
                });
            } else if gap > WORD_GAP * unit
                // (Word and LibreOffice set a little room between Chinese and Latin letters
                // or digits, "第28/2 号": no space in the text.)
                && !(gap < WIDE_GAP * unit && (wide(&g.text) || prev_wide))
            {
                let seg = segments.last_mut();
                if let Some(seg) = seg {
                    let ends_space = seg.pieces.last().is_some_and(|p| p.text.ends_with(' '));
                    if !ends_space && !g.text.starts_with_space() {
                        // A space between two words of one style has that style; between
                        // styles, none (so a bold run ends at its last word).
                        match seg.pieces.last_mut() {
                            Some(p) if !p.sup && p.style == g.style => {
                                p.text.push(' ');
                                p.units.push(1);
                            }
                            _ => seg.pieces.push(Piece {
                                text: " ".into(),
                                sup: false,
                                style: Style::default(),
                                units: vec![1],
                            }),
                        }
                    }
                }
            }
            if let Some(seg) = segments.last_mut() {
                let style = g.style;
                // (A space glyph takes the style around it.)
                let blank = g.text.is_blank();
                match seg.pieces.last_mut() {
                    Some(p) if p.sup == sup && (p.style == style || blank) => {
                        let before = p.text.len();
                        g.text.push_to(&mut p.text);
                        p.units.push((p.text.len() - before) as u32);
                    }
                    _ => seg.pieces.push(Piece {
                        text: {
                            let mut t = String::new();
                            g.text.push_to(&mut t);
                            t
                        },
                        sup,
                        style,
                        units: Vec::new(),
                    }),
                }
                if let Some(p) = seg.pieces.last_mut()
                    && p.units.is_empty()
                {
                    p.units.push(p.text.len() as u32);
                }
                seg.x1 = seg.x1.max(g.x + g.advance.max(0.3 * g.size));
            }
            end = extent(g).1;
            if !g.text.is_blank() {
                prev_wide = wide(&g.text);
            }
        }
        for s in &mut segments {
            // Right-to-left text (Arabic, Hebrew) is printed in visual order.
            logical_order(s, page_rtl);
            // Collapse runs of spaces.
            for p in &mut s.pieces {
                p.text = collapse_spaces(&p.text);
            }
        }
        segments.retain(|s| !s.text().trim().is_empty());
        if !segments.is_empty() {
            out.push(Line {
                y,
                size,
                segments,
                spaced,
                spaced_rtl,
            });
        }
    }
    out
}

/// A glyph's text as the bidirectional algorithm classes it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Class {
    /// Holds a right-to-left letter.
    Rtl,
    /// Holds another letter.
    Ltr,
    /// Starts with a digit (European, Arabic-Indic or Persian).
    Number,
    /// Blank.
    Space,
    /// Punctuation and symbols.
    Other,
}

impl Class {
    fn of(t: &str) -> Self {
        let arabic_digit = |c: char| matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}');
        if t.starts_with(|c: char| c.is_ascii_digit() || arabic_digit(c)) {
            Class::Number
        } else if t
            .chars()
            .any(|c| is_rtl(c) && c.is_alphabetic() && !arabic_digit(c))
        {
            Class::Rtl
        } else if t.chars().any(char::is_alphanumeric) {
            Class::Ltr
        } else if t.trim().is_empty() {
            Class::Space
        } else {
            Class::Other
        }
    }
}

/// Whether a wide gap (a tab, as after a paragraph's number) follows the first word of a
/// line whose glyphs are given as start, end, blank and size, in reading order: the word
/// ends at its last glyph once a space or a gap of a word space follows.
fn first_word_spaced(glyphs: impl Iterator<Item = (f64, f64, bool, f64)>) -> bool {
    let mut word_end: Option<f64> = None;
    let mut last_end: Option<f64> = None;
    let mut end = f64::NEG_INFINITY;
    for (x0, x1, blank, size) in glyphs {
        let gap = x0 - end;
        if blank {
            word_end = word_end.or(last_end);
        } else if let Some(e) = word_end.or(last_end.filter(|_| gap > WORD_GAP * size)) {
            return x0 - e > 0.8 * size;
        }
        end = x1;
        if !blank {
            last_end = Some(x1);
        }
    }
    false
}

/// Whether a page reads from the right: most of its letters are right to left (an Arabic
/// or Hebrew page, whose English masthead lines do not change it).
fn right_to_left_page(ls: &[Line]) -> bool {
    crate::model::words::mostly_right_to_left(
        ls.iter()
            .flat_map(|l| &l.segments)
            .flat_map(|s| &s.pieces)
            .flat_map(|p| p.text.chars()),
    )
}

/// Mirrors a right-to-left page left for right, so that what follows reads it as a page
/// that reads from the left: each line's columns in reading order (the masthead's right
/// block first, a heading's number before its text), x measured from the right edge (the
/// indents of an Arabic page are on the right), the gap after the first word taken from
/// the right; rules too.
fn mirror(ls: &mut [Line], rules: &mut [Rule], width: f64) {
    for l in ls {
        l.segments.reverse();
        for s in &mut l.segments {
            (s.x0, s.x1) = (width - s.x1, width - s.x0);
        }
        l.spaced = l.spaced_rtl;
    }
    for r in rules {
        (r.x0, r.x1) = (width - r.x1, width - r.x0);
    }
}

/// Puts a segment's right-to-left text back in reading order: a PDF holds its glyphs in
/// the order they stand on the page. The segment's base direction is that of most of its
/// letters; runs of one direction (white space and punctuation between two letters of a
/// direction join them, else take the base) are put in order, right-to-left runs read
/// from the right, each glyph's text kept whole (lam-alef) in reading order and brackets
/// mirrored. The
/// styles of the pieces go with their glyphs.
fn logical_order(seg: &mut Segment, page_rtl: bool) {
    if !(page_rtl || seg.pieces.iter().any(|p| p.text.chars().any(is_rtl))) {
        return;
    }
    // The glyphs, in visual order, with their piece.
    let mut units: Vec<(String, usize)> = Vec::new();
    for (pi, p) in seg.pieces.iter().enumerate() {
        let whole = p.units.iter().map(|&u| u as usize).sum::<usize>() == p.text.len();
        let mut at = 0;
        if whole {
            for &u in &p.units {
                let end = at + u as usize;
                if let Some(t) = p.text.get(at..end) {
                    units.push((t.to_string(), pi));
                }
                at = end;
            }
        } else {
            units.extend(p.text.chars().map(|c| (c.to_string(), pi)));
        }
    }
    let class: Vec<Class> = units.iter().map(|(t, _)| Class::of(t)).collect();
    let rtl = class.iter().filter(|c| **c == Class::Rtl).count();
    let ltr = class.iter().filter(|c| **c == Class::Ltr).count();
    // (A segment of numbers and punctuation alone, as a paragraph's number set apart,
    // takes the page's direction.)
    // (On a right-to-left page a line holding right-to-left letters reads from the right,
    // as the writer sets a line whose first letter is right to left.)
    let base = if rtl + ltr == 0 {
        page_rtl
    } else if page_rtl && rtl > 0 {
        true
    } else {
        rtl >= ltr
    };
    // Direction of each glyph, as the Unicode bidirectional algorithm resolves it (UAX #9,
    // W4, N1, N2), so that the page's order is undone as a writer following it made it:
    // a number is set left to right; punctuation between two digits belongs to the number
    // ("28/2", "1,000"); other punctuation and spaces take the direction of the text on
    // both sides when it agrees, else the line's. In a right-to-left line a number counts
    // as right-to-left text for its neighbours, so "1." and "2016." at the end of an
    // Arabic sentence stand on the page as ".1" and ".2016"; in a left-to-right line, as
    // left-to-right text. A bracket against a number or word goes with it.
    let digit = |k: usize| class.get(k) == Some(&Class::Number);
    let near = |k: usize| matches!(class.get(k), Some(Class::Number | Class::Ltr));
    let strong = |k: usize| match class[k] {
        Class::Rtl => Some(true),
        Class::Ltr => Some(false),
        Class::Number => Some(base),
        Class::Other | Class::Space => None,
    };
    let dir: Vec<bool> = (0..units.len())
        .map(|i| match class[i] {
            Class::Rtl => true,
            Class::Ltr | Class::Number => false,
            Class::Other if digit(i.wrapping_sub(1)) && digit(i + 1) => false,
            Class::Other
                if units[i].0.contains(['(', ')', '[', ']'])
                    && (near(i.wrapping_sub(1)) || near(i + 1)) =>
            {
                false
            }
            Class::Other if !base && (digit(i.wrapping_sub(1)) || digit(i + 1)) => false,
            Class::Other | Class::Space => {
                let before = (0..i).rev().find_map(strong);
                let after = (i + 1..units.len()).find_map(strong);
                match (before, after) {
                    (Some(a), Some(b)) if a == b => a,
                    _ => base,
                }
            }
        })
        .collect();
    let mut runs: Vec<(bool, Vec<usize>)> = Vec::new();
    for (i, &d) in dir.iter().enumerate() {
        match runs.last_mut() {
            Some((rd, v)) if *rd == d => v.push(i),
            _ => runs.push((d, vec![i])),
        }
    }
    if base {
        runs.reverse();
    }
    let mut order: Vec<(String, usize)> = Vec::with_capacity(units.len());
    for (d, mut idx) in runs {
        if d {
            idx.reverse();
        }
        for i in idx {
            let (t, pi) = &units[i];
            let t = if d {
                // A glyph's text stored right to left (as undocs writes a ligature's) is
                // read back from its end.
                let chars: Vec<char> = if crate::model::words::stored_right_to_left(t) {
                    t.chars().rev().collect()
                } else {
                    t.chars().collect()
                };
                chars
                    .into_iter()
                    .map(|c| match c {
                        '(' => ')',
                        ')' => '(',
                        '[' => ']',
                        ']' => '[',
                        c => c,
                    })
                    .collect()
            } else {
                t.clone()
            };
            order.push((t, *pi));
        }
    }
    let old = std::mem::take(&mut seg.pieces);
    for (t, pi) in order {
        let Some(src) = old.get(pi) else { continue };
        match seg.pieces.last_mut() {
            Some(p) if p.style == src.style && p.sup == src.sup => {
                p.units.push(t.len() as u32);
                p.text.push_str(&t);
            }
            _ => seg.pieces.push(Piece {
                units: vec![t.len() as u32],
                text: t,
                sup: src.sup,
                style: src.style,
            }),
        }
    }
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// The size most of the page's text is set in.
fn body_size(lines: &[Line]) -> f64 {
    let mut counts: Vec<(i64, usize)> = Vec::new();
    for l in lines {
        let key = (l.size * 2.0).round() as i64;
        let n = l.text().chars().count();
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, c)) => *c += n,
            None => counts.push((key, n)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, c)| *c)
        .map_or(10.0, |(k, _)| k as f64 / 2.0)
}

/// A note body from the page's foot.
pub(crate) struct NoteDef {
    pub marker: String,
    pub text: String,
}

/// What a page gives: its blocks, its footnote bodies, its asterisk notes and job number.
#[derive(Default)]
pub(crate) struct PageOut {
    pub blocks: Vec<Input>,
    pub notes: Vec<NoteDef>,
    pub job_number: Option<JobNumber>,
    /// Slips of print read as what they stand for, to be said in warnings.
    pub corrected: Vec<String>,
    /// Whether the page's text ends with a line that runs to its right edge: its last
    /// paragraph goes on over the page.
    pub ends_full: bool,
    /// Text at the top of the notes, before any note starts: the rest of the last note
    /// of the page before.
    pub note_continued: Option<String>,
}

/// A note's start: "1 Text", "1/ Text", "* Text", or a raised number.
fn note_start(l: &Line) -> Option<(String, String)> {
    let first = l.segments.first()?;
    let mut pieces = first.pieces.iter();
    let p0 = pieces.next()?;
    if p0.sup {
        let marker = p0.text.trim().to_string();
        let rest: String = first.pieces[1..].iter().map(|p| p.text.as_str()).collect();
        // (A justified line's wide gaps split it into segments: one space between them.)
        let rest = collapse_spaces(&format!("{rest} {}", rest_segments(l)));
        return (!marker.is_empty()).then(|| (marker, rest.trim().to_string()));
    }
    let t = l.text();
    let head = t.split_whitespace().next()?;
    let bare = head.trim_end_matches('/');
    let numeric = !bare.is_empty() && bare.len() <= 3 && bare.bytes().all(|b| b.is_ascii_digit());
    let stars =
        !head.is_empty() && head.chars().all(|c| c == '*' || c == '∗') && head.chars().count() <= 3;
    (numeric || stars).then(|| (head.to_string(), collapse_spaces(t[head.len()..].trim())))
}

fn rest_segments(l: &Line) -> String {
    l.segments[1..]
        .iter()
        .map(Segment::text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a raised piece is a note mark ("1", "12", "*", "**").
fn is_mark(t: &str) -> bool {
    let t = t.trim();
    !t.is_empty()
        && t.chars().count() <= 4
        && (t.bytes().all(|b| b.is_ascii_digit()) || t.chars().all(|c| c == '*' || c == '∗'))
}

/// Reads one page. `first` is page 1 (the masthead: columns become lines of their own).
pub(crate) fn read(
    mut ls: Vec<Line>,
    mut rules: Vec<Rule>,
    width: f64,
    height: f64,
    page: usize,
    first: bool,
    numbering: &mut Numbering,
) -> PageOut {
    let mut out = PageOut::default();
    if ls.is_empty() {
        return out;
    }
    if right_to_left_page(&ls) {
        mirror(&mut ls, &mut rules, width);
    }
    if std::env::var("UNDOCS_DEBUG_LINES").is_ok() {
        for l in &ls {
            eprintln!(
                "{:.1} {:.1}-{:.1} s{:.1} {:?}",
                l.y,
                l.x0(),
                l.x1(),
                l.size,
                l.text()
            );
        }
    }
    let body = body_size(&ls);
    // Running header: lines in the top tenth that are furniture.
    // (Older headers print the symbol with a space after a slash: "A/HRC/ 8/29".)
    let furniture_text = |s: &str| {
        let s = s.trim().replace("/ ", "/");
        furniture(&s) || is_page_word(&s)
    };
    // A running header of several lines, in smaller print, set apart from the text, one of
    // them holding the symbol or page: all furniture (a resolution's later pages print its
    // title beside the symbol).
    if !first {
        let mut k = 0;
        while k < ls.len()
            && ls[k].y < 0.12 * height
            && (k == 0 || ls[k].y - ls[k - 1].y < 2.0 * ls[k].size.max(ls[k - 1].size))
        {
            k += 1;
        }
        let band = &ls[..k];
        let marked = band
            .iter()
            .any(|l| l.segments.iter().any(|s| furniture_text(&s.text())));
        let small = band.iter().all(|l| l.size < 0.95 * body);
        let apart = match (band.last(), ls.get(k)) {
            (Some(a), Some(b)) => b.y - a.y > 1.5 * body,
            _ => true,
        };
        if k > 1 && marked && small && apart {
            ls.drain(..k);
        }
    }
    while ls.first().is_some_and(|l| {
        l.y < 0.12 * height && l.segments.iter().all(|s| furniture_text(&s.text()))
    }) {
        ls.remove(0);
    }
    // Footer: furniture at the foot; a job number is kept.
    while let Some(l) = ls.last() {
        if l.y < 0.85 * height {
            break;
        }
        let segs: Vec<String> = l
            .segments
            .iter()
            .map(|s| s.text().trim().to_string())
            .collect();
        let is_furniture = segs.iter().all(|s| {
            furniture(s)
                || is_page_word(s)
                || truncated_job_number(s)
                || s.eq_ignore_ascii_case("Please recycle")
                || s.starts_with('*') && s.ends_with('*')
                || private_use(s)
        });
        if !is_furniture {
            break;
        }
        for s in &segs {
            if let Some(j) = JobNumber::parse_prefix(s) {
                out.job_number.get_or_insert(j);
            }
        }
        ls.pop();
    }
    // The footnote area: under a short rule in the page's lower half, or small print at the
    // foot that starts with a note number.
    // (A line just under a line of text, within its width, underlines it: a link.)
    let underline = |r: &Rule| {
        ls.iter().any(|l| {
            r.y >= l.y && r.y - l.y < 0.35 * l.size && r.x0 >= l.x0() - 2.0 && r.x1 <= l.x1() + 2.0
        })
    };
    // (Higher up too, where long notes fill more than half the page: then everything
    // under the rule is small print starting with a note.)
    let notes_below = |y: f64| {
        // (The notes may hold more print than the text: the text's size is above.)
        let above: Vec<Line> = ls.iter().filter(|l| l.y < y).cloned().collect();
        let text_size = body_size(&above);
        // (The first lines may go on with a note from the page before.)
        let below: Vec<&Line> = ls.iter().filter(|l| l.y > y).collect();
        // (Not on page 1, whose masthead has rules of its own high up, and with some
        // lines of text above.)
        !first
            && above.len() >= 5
            && below.iter().any(|l| note_start(l).is_some())
            && below.iter().all(|l| l.size < 0.92 * text_size)
    };
    let rule = rules
        .iter()
        .filter(|r| r.x1 - r.x0 < 0.6 * width && !underline(r))
        .filter(|r| r.y > 0.45 * height || notes_below(r.y))
        .map(|r| r.y)
        .fold(f64::INFINITY, f64::min);
    // A rule typed as underscores counts too.
    let typed_rule = ls
        .iter()
        .filter(|l| l.y > 0.45 * height)
        .find(|l| {
            let t = l.text();
            let t = t.trim();
            t.len() >= 5 && t.chars().all(|c| c == '_')
        })
        .map(|l| l.y);
    let rule = typed_rule.map_or(rule, |y| y.min(rule));
    let split = if rule.is_finite() {
        ls.iter().position(|l| l.y > rule).unwrap_or(ls.len())
    } else {
        // Small lines at the end, the first of them a note start.
        let mut k = ls.len();
        while k > 0 && ls[k - 1].size < 0.92 * body {
            k -= 1;
        }
        if k < ls.len() && note_start(&ls[k]).is_some() {
            k
        } else {
            ls.len()
        }
    };
    let mut notes_area: Vec<Line> = ls.split_off(split);
    notes_area.retain(|l| !l.text().trim().chars().all(|c| c == '_'));
    ls.retain(|l| {
        let t = l.text();
        let t = t.trim();
        !(t.len() >= 5 && t.chars().all(|c| c == '_'))
    });
    let mut cur: Option<NoteDef> = None;
    for l in &notes_area {
        match note_start(l) {
            Some((marker, text)) => {
                if let Some(d) = cur.take() {
                    out.notes.push(d);
                }
                cur = Some(NoteDef { marker, text });
            }
            None => {
                let next = l.text();
                if let Some(d) = cur.as_mut() {
                    // (As body lines join: "adaptation-" / "committee" without a space.)
                    if !joins_without_space(&d.text, next.chars().next()) {
                        d.text.push(' ');
                    }
                    d.text.push_str(&next);
                } else {
                    // The rest of a note begun on the page before.
                    let c = out.note_continued.get_or_insert_with(String::new);
                    if !c.is_empty() && !joins_without_space(c, next.chars().next()) {
                        c.push(' ');
                    }
                    c.push_str(&next);
                }
            }
        }
    }
    out.notes.extend(cur);
    // The body's left margin, and the right edge of full lines; a character's width.
    let left = ls.iter().map(Line::x0).fold(f64::INFINITY, f64::min);
    // The right edge of full lines: where most lines end (justified lines end at one
    // place), else the farthest end. (Page 1's masthead columns and long agenda titles
    // reach the page's margin, past the body's right edge.)
    let right = {
        let ends: Vec<f64> = ls
            .iter()
            .filter(|l| !(first && l.masthead_columns()))
            .map(Line::x1)
            .collect();
        let mut counts: HashMap<i64, usize> = HashMap::new();
        for x in &ends {
            *counts.entry(x.round() as i64).or_default() += 1;
        }
        // Ends within a point of each other count together.
        let near = |x: i64| {
            (x - 1..=x + 1)
                .map(|k| counts.get(&k).copied().unwrap_or(0))
                .sum::<usize>()
        };
        let common = counts
            .keys()
            .map(|x| (near(*x), *x))
            .filter(|(n, _)| *n >= 3)
            .max()
            .map(|(_, x)| {
                ends.iter()
                    .copied()
                    .filter(|e| (e - x as f64).abs() <= 1.5)
                    .fold(0.0, f64::max)
            });
        common.unwrap_or_else(|| ends.iter().copied().fold(0.0, f64::max))
    };
    let char_w = 0.5 * body;
    // Blocks.
    let mut blocks: Vec<(Vec<Line>, bool, bool)> = Vec::new();
    let mut prev: Option<usize> = None;
    for idx in 0..ls.len() {
        // A paragraph number printed without its period, where the next one stands: read
        // as the number it is, and said.
        let bare = ls[idx].text().split_whitespace().next().map(str::to_string);
        if let Some(head) = bare
            && head.bytes().all(|b| b.is_ascii_digit())
            && numbering.missing_period(&head, ls[idx].spaced, (ls[idx].x0() - left) / char_w)
            && let Some(p) = ls[idx]
                .segments
                .first_mut()
                .and_then(|s| s.pieces.first_mut())
            && p.text.trim_start().starts_with(head.as_str())
        {
            let at = p.text.len() - p.text.trim_start().len() + head.len();
            p.text.insert(at, '.');
            out.corrected.push(format!(
                "paragraph number \"{head}\" printed without its period: read as \"{head}.\""
            ));
        }
        let l = &ls[idx];
        if starts_afresh(&l.text()) {
            numbering.restart();
        }
        let prev_line = prev.map(|k| &ls[k]);
        let gap = prev_line.map_or(f64::INFINITY, |p| l.y - p.y);
        let spacing = 1.6 * l.size.max(body);
        let text = l.text();
        let start = match text.split_whitespace().next() {
            Some(head) if starts_numbered(&text) => {
                // The item's last line: up to the next numbered line or a wide gap.
                let recommendation = || {
                    let mut last = text.clone();
                    let mut y = l.y;
                    for m in ls[idx + 1..].iter().take(12) {
                        let t = m.text();
                        if starts_numbered(&t) || m.y - y > spacing {
                            break;
                        }
                        last = t;
                        y = m.y;
                    }
                    names_a_state(&last)
                };
                numbering.classify(head, l.spaced, (l.x0() - left) / char_w, recommendation)
            }
            _ => Start::Other,
        };
        let numbered = start != Start::Other;
        let nested = start == Start::ListItem;
        // A paragraph's last line: short, and ending its sentence (a title set over two
        // short centred lines goes on).
        let short_prev =
            prev_line.is_some_and(|p| p.x1() < right - 4.0 * body && p.ends_sentence());
        // A bold line after a sentence's end in a line that is not bold: a heading starts.
        let bold_edge = prev_line.is_some_and(|p| l.bold() && !p.bold() && p.ends_sentence());
        let new = prev_line.is_none()
            || gap > spacing
            || bold_edge
            || numbered
            || (short_prev && !text.starts_with(char::is_lowercase))
            || (first && l.masthead_columns())
            || prev_line.is_some_and(|p| first && p.masthead_columns());
        if new {
            blocks.push((vec![l.clone()], gap > spacing, nested));
        } else if let Some(b) = blocks.last_mut() {
            b.0.push(l.clone());
        }
        prev = Some(idx);
    }
    out.ends_full = blocks
        .last()
        .and_then(|b| b.0.last())
        .is_some_and(|l| l.segments.len() == 1 && l.x1() >= right - 2.0 * body);
    let n = blocks.len();
    for k in 0..n {
        let (lines, gap_before, nested) = &blocks[k];
        // (The page's last block may go on over the page: no gap is known after it.)
        let gap_after = blocks.get(k + 1).is_some_and(|(_, g, _)| *g);
        let mut typed: Vec<Vec<Inline>> = Vec::new();
        for l in lines {
            if first && l.masthead_columns() {
                for s in &l.segments {
                    typed.push(inlines(&s.pieces));
                }
            } else {
                // Columns of one line (a heading's number and its text) are one run of
                // pieces, a space between them in the style on both sides.
                let mut pieces: Vec<Piece> = Vec::new();
                for s in &l.segments {
                    if let (Some(a), Some(b)) = (pieces.last(), s.pieces.first()) {
                        let style = if a.style == b.style {
                            a.style
                        } else {
                            Style::default()
                        };
                        pieces.push(Piece {
                            text: " ".into(),
                            sup: false,
                            style,
                            units: vec![1],
                        });
                    }
                    pieces.extend(s.pieces.iter().cloned());
                }
                typed.push(inlines(&pieces));
            }
        }
        let x0 = lines.first().map_or(left, Line::x0);
        let indent = ((x0 - left) / char_w).max(0.0).round() as u32;
        out.blocks.push(Input::Lines(Lines {
            lines: typed,
            hints: Hints {
                heading_level: 0,
                standalone: *gap_before && gap_after,
                title_block: false,
                indent: Some(indent),
                nested: *nested,
                continues: false,
            },
            at: page,
        }));
    }
    out
}

/// Text in the Private Use Area only: a barcode font's glyphs ("*1423492*" set in a
/// symbol font, whose codes map to U+F02A, U+F031…).
fn private_use(s: &str) -> bool {
    let mut cs = s.chars().filter(|c| !c.is_whitespace()).peekable();
    cs.peek().is_some() && cs.all(|c| ('\u{E000}'..='\u{F8FF}').contains(&c))
}

fn is_page_word(s: &str) -> bool {
    let t = s.trim();
    t.strip_prefix("Page ")
        .or_else(|| t.strip_prefix("page "))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// "12.", "(a)", "93.1": a numbered line.
/// A heading's or paragraph's number standing alone: "73/8.", "6/CMA.3.", "1.", "12.3.",
/// "IV.", "A.", "(a)".
fn is_label(t: &str) -> bool {
    if t.is_empty() || t.len() > 12 || t.contains(char::is_whitespace) {
        return false;
    }
    if let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        return !inner.is_empty()
            && inner.len() <= 4
            && inner.bytes().all(|b| b.is_ascii_lowercase());
    }
    let Some(num) = t.strip_suffix('.') else {
        return false;
    };
    let roman = !num.is_empty() && num.bytes().all(|b| b"IVXLC".contains(&b));
    let letter = num.len() == 1 && num.bytes().all(|b| b.is_ascii_uppercase());
    // Digits first, then digits, dots, slashes and letters ("73/8", "6/CMA.3", "12.3").
    let number = num.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && num
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'/');
    roman || letter || number
}

fn starts_numbered(t: &str) -> bool {
    let Some(head) = t.split_whitespace().next() else {
        return false;
    };
    let num = head.strip_suffix('.').unwrap_or(head);
    let dotted = num
        .split('.')
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let paren = head.len() <= 6
        && head.starts_with('(')
        && head.ends_with(')')
        && head[1..head.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_lowercase());
    (dotted && head.contains('.') && num.len() <= 8) || paren
}

/// A line's pieces as inlines: raised marks become note references (`Note` with no content
/// yet, filled by the reader from the page's foot), other raised text superscript.
/// Pieces in a bold or italic font are wrapped in `Strong` / `Emphasis`, one wrapper per
/// run of pieces in that style (a note mark inside a bold heading stays inside it).
fn inlines(pieces: &[Piece]) -> Vec<Inline> {
    let mut v: Vec<Inline> = Vec::new();
    let mut run: Vec<Inline> = Vec::new();
    let mut run_style = Style::default();
    for p in pieces {
        // Spaces printed with a raised mark ("63 and") stay spaces of the line.
        let (lead, trail) = if p.sup {
            let t = p.text.as_str();
            (
                t.len() > t.trim_start().len(),
                t.len() > t.trim_end().len() && !t.trim().is_empty(),
            )
        } else {
            (false, false)
        };
        if lead {
            run.push(Inline::Text(" ".into()));
        }
        let inline = if p.sup && is_mark(&p.text) {
            Inline::Note(Note {
                // "∗" (a font's asterisk operator) is the mark "*".
                marker: p.text.trim().replace('∗', "*"),
                content: vec![],
            })
        } else if p.sup {
            Inline::Superscript(vec![Inline::Text(p.text.trim().to_string())])
        } else {
            Inline::Text(p.text.clone())
        };
        // A raised mark keeps the run it is printed in, whatever its own font.
        let style = if p.sup { run_style } else { p.style };
        if style != run_style {
            v.extend(wrap(std::mem::take(&mut run), run_style));
            run_style = style;
        }
        // Marks printed side by side with a thin space ("* **"): one note each.
        let marks: Vec<&str> = p.text.split_whitespace().collect();
        if p.sup && marks.len() > 1 && marks.iter().all(|m| is_mark(m)) {
            for m in marks {
                run.push(Inline::Note(Note {
                    marker: m.replace('∗', "*"),
                    content: vec![],
                }));
            }
        } else {
            run.push(inline);
        }
        if trail {
            run.push(Inline::Text(" ".into()));
        }
    }
    v.extend(wrap(run, run_style));
    v
}

/// Inlines in a style, wrapped as the model says it; spaces at the run's ends stay outside
/// ("*Recalling* the", not "*Recalling *the").
fn wrap(mut run: Vec<Inline>, style: Style) -> Vec<Inline> {
    if run.is_empty() || style == Style::default() {
        return run;
    }
    let mut before = false;
    let mut after = false;
    if let Some(Inline::Text(t)) = run.first_mut()
        && t.starts_with(' ')
    {
        *t = t.trim_start().to_string();
        before = true;
    }
    if let Some(Inline::Text(t)) = run.last_mut()
        && t.ends_with(' ')
    {
        *t = t.trim_end().to_string();
        after = true;
    }
    run.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    if run.is_empty() {
        return vec![Inline::Text(" ".into())];
    }
    let run = if style.italic {
        vec![Inline::Emphasis(run)]
    } else {
        run
    };
    let mut out = Vec::with_capacity(3);
    if before {
        out.push(Inline::Text(" ".into()));
    }
    if style.bold {
        out.push(Inline::Strong(run));
    } else {
        out.extend(run);
    }
    if after {
        out.push(Inline::Text(" ".into()));
    }
    out
}

/// A note's text as its content.
pub(crate) fn note_blocks(text: &str) -> Vec<Block> {
    vec![Block::Paragraph(Paragraph {
        num: None,
        content: vec![Inline::Text(text.trim().to_string())],
        subparagraphs: vec![],
    })]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lone_labels() {
        for t in [
            "73/8.", "6/CMA.3.", "1.", "12.3.", "IV.", "A.", "(a)", "(iii)",
        ] {
            assert!(is_label(t), "{t}");
        }
        for t in [
            "",
            "A",
            "United Nations",
            "Distr.: General",
            "A/HRC/31/81",
            "GE.16-01234",
            "(E)",
            "Annex",
            "2016.",
            "a.",
            "/8.",
            "(abcde)",
        ] {
            assert_eq!(is_label(t), t == "2016.", "{t}");
        }
    }

    fn seg(pieces: &[(&str, &[u32])]) -> Segment {
        Segment {
            x0: 0.0,
            x1: 0.0,
            pieces: pieces
                .iter()
                .map(|(t, u)| Piece {
                    text: t.to_string(),
                    sup: false,
                    style: Style::default(),
                    units: u.to_vec(),
                })
                .collect(),
        }
    }

    /// A right-to-left line as Word and LibreOffice print it (the Unicode bidirectional
    /// algorithm): "1." and "2016." at its ends stand as ".1" and ".2016".
    #[test]
    fn numbers_in_right_to_left_lines_are_read_as_the_bidi_algorithm_set_them() {
        // Drawn from the left: "طلب 1." reads "1. طلب".
        let visual = "بلط .1";
        let units: Vec<u32> = visual.chars().map(|c| c.len_utf8() as u32).collect();
        let mut s = seg(&[(visual, &units)]);
        logical_order(&mut s, true);
        assert_eq!(s.text(), "1. طلب");
        let visual = ".2016 سرام/راذآ 2 يف";
        let units: Vec<u32> = visual.chars().map(|c| c.len_utf8() as u32).collect();
        let mut s = seg(&[(visual, &units)]);
        logical_order(&mut s, true);
        assert_eq!(s.text(), "في 2 آذار/مارس 2016.");
        // A number alone on a right-to-left page ("1." set apart at the right).
        let mut s = seg(&[(".1", &[1, 1])]);
        logical_order(&mut s, true);
        assert_eq!(s.text(), "1.");
        // On a left-to-right page it is left alone.
        let mut s = seg(&[("1.", &[1, 1])]);
        logical_order(&mut s, false);
        assert_eq!(s.text(), "1.");
    }

    fn glyph(x: f64, y: f64, advance: f64, text: &str) -> Glyph {
        Glyph {
            x,
            y,
            size: 10.0,
            advance,
            text: GlyphText::new(text),
            style: Style::default(),
        }
    }

    /// A vowel sign drawn as a glyph of its own, higher than its letter (as LibreOffice
    /// draws "تقريراً"), joins the letter under it, not the full stop beside it, and no
    /// line of its own is made.
    #[test]
    fn a_mark_drawn_apart_joins_its_letter() {
        let gs = [
            glyph(100.0, 200.0, 2.5, "."),
            glyph(102.5, 200.0, 2.8, "ا"),
            glyph(105.3, 200.0, 5.5, "ر"),
            glyph(101.4, 196.1, 0.0, "\u{64B}"),
        ];
        let ls = lines(&gs);
        assert_eq!(ls.len(), 1, "{ls:?}");
        assert_eq!(ls[0].text(), "راً.");
    }

    proptest::proptest! {
        /// What the PDF writer sets from the right (`rtl_line_order`, brackets mirrored)
        /// the reader puts back in reading order: lines of Arabic words mixed with what
        /// Arabic UN text holds (numbers and symbols, "28/2", "1.", "2016.", "(أ)", Latin
        /// names, punctuation after words), separated by spaces.
        #[test]
        fn the_writers_right_to_left_order_reads_back(
            first in proptest::sample::select(vec!["مجلس", "حقوق", "الأمم"]),
            rest in proptest::collection::vec(proptest::sample::select(vec![
                "مجلس", "حقوق،", "الإنسان.", "في", "قراره", "(أ)", "(انظر", "المرفق)",
                "28/2", "28/2،", "1.", "2016.", "31", "A/HRC/31/81", "(2016)", "UNICEF",
                "Human Rights", "2-3", "10:00", "-", "«النص»",
            ]), 0..10),
            lead in proptest::sample::select(vec!["", "1. ", "(أ) ", "- "]),
        ) {
            use crate::pdf::write::layout::{Bidi, mirrored, rtl_line_order};
            let logical = format!("{lead}{first} {}", rest.join(" "));
            let logical = logical.trim_end().to_string();
            let chars: Vec<char> = logical.chars().collect();
            let classes: Vec<Bidi> = chars.iter().map(|c| Bidi::of(*c)).collect();
            let visual: String = rtl_line_order(&classes)
                .into_iter()
                .map(|(i, rtl)| if rtl { mirrored(chars[i]) } else { chars[i] })
                .collect();
            let units: Vec<u32> = visual.chars().map(|c| c.len_utf8() as u32).collect();
            let mut s = seg(&[(&visual, &units)]);
            logical_order(&mut s, true);
            proptest::prop_assert_eq!(s.text(), logical, "drawn as {:?}", visual);
        }
    }

    #[test]
    fn right_to_left_text_is_put_back_in_reading_order() {
        // "البند 2 من جدول" as an Arabic line stands on the page: from the right. Each
        // glyph one unit; the lam-alef of "الأعمال" one glyph for two characters.
        let visual: String = "لودج نم 2 دنبلا".to_string();
        let units: Vec<u32> = visual.chars().map(|c| c.len_utf8() as u32).collect();
        let mut s = seg(&[(&visual, &units)]);
        logical_order(&mut s, false);
        assert_eq!(s.text(), "البند 2 من جدول");
        // A ligature's text (logical "لا") is moved whole, not reversed.
        let mut s = seg(&[("ملاع", &[2, 4, 2])]);
        logical_order(&mut s, false);
        assert_eq!(s.text(), "علام");
        // Brackets are mirrored; Latin text alone is left as it is.
        let mut s = seg(&[("(أ)", &[1, 2, 1])]);
        logical_order(&mut s, false);
        assert_eq!(s.text(), "(أ)");
        let mut s = seg(&[("A/HRC/31/81 (2016)", &[])]);
        logical_order(&mut s, false);
        assert_eq!(s.text(), "A/HRC/31/81 (2016)");
    }
}
