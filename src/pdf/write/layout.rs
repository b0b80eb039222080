//! Inline content into lines: the inlines flattened into styled atoms, line breaks where
//! Unicode's line-breaking rules (UAX #14) allow one, except inside a UN symbol, inside a
//! reference, or before a note mark; lines filled greedily (as Word fills them) and
//! justified by widening their spaces.

use std::ops::Range;

use krilla::text::GlyphId;
use unicode_linebreak::BreakOpportunity;

use super::fonts::{Face, FontId, Fonts, Shaped};
use crate::model::{Inline, Note};

/// How a paragraph's lines are aligned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    Justify,
    /// From the left; a line of right-to-left text, from the right.
    Left,
    Center,
    /// Ending at the right ("[English only]" over an annex's title).
    Right,
}

/// The text style of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Style {
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
}

/// Where and how a paragraph is set.
#[derive(Clone, Debug)]
pub(crate) struct Frame {
    pub style: Style,
    /// Line pitch, in points.
    pub leading: f32,
    /// x of the first line's start (where its label, if any, goes).
    pub first: f32,
    /// x where the first line's text starts after a label (a tab stop); moved right past a
    /// long label.
    pub tab: f32,
    /// x where later lines start.
    pub rest: f32,
    /// x where lines end.
    pub right: f32,
    pub align: Align,
    /// A label before the text (a paragraph number, a bullet), drawn at `first`.
    pub label: Option<String>,
    /// The label's style when it differs from the text's (bold heading numbers).
    pub label_style: Option<Style>,
}

/// Glyphs of one font, size and rise, drawn from `x`.
#[derive(Clone, Debug)]
pub(crate) struct Piece {
    pub x: f32,
    pub font: FontId,
    pub size: f32,
    /// Raise above the baseline, in points (superscripts).
    pub rise: f32,
    pub text: String,
    pub glyphs: Vec<SetGlyph>,
    /// Where the last glyph ends.
    pub end: f32,
    /// Bold asked of a font with no bold face: drawn filled and stroked.
    pub embolden: bool,
}

/// A set glyph: 16 bytes where krilla's own `KrillaGlyph` takes 56. A document's glyphs are
/// all held until it is paginated, so this is most of the PDF writer's memory (and the
/// page faults of touching it, a fifth of its time before).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct SetGlyph {
    pub id: u32,
    /// Advance, in units of the font size.
    pub advance: f32,
    /// The bytes of the piece's text its cluster covers.
    pub start: u32,
    pub end: u32,
}

impl krilla::text::Glyph for SetGlyph {
    fn glyph_id(&self) -> GlyphId {
        GlyphId::new(self.id)
    }
    fn text_range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    fn x_advance(&self, size: f32) -> f32 {
        self.advance * size
    }
    fn x_offset(&self, _: f32) -> f32 {
        0.0
    }
    fn y_offset(&self, _: f32) -> f32 {
        0.0
    }
    fn y_advance(&self, _: f32) -> f32 {
        0.0
    }
    fn location(&self) -> Option<krilla::surface::Location> {
        None
    }
}

/// A byte offset into a piece's text as stored in a [`SetGlyph`] (a piece's text is one
/// line's run, far below 4 GiB; saturates rather than wraps).
fn offset(b: usize) -> u32 {
    u32::try_from(b).unwrap_or(u32::MAX)
}

/// One set line.
#[derive(Clone, Debug)]
pub(crate) struct Line {
    pub pieces: Vec<Piece>,
    pub height: f32,
    /// Baseline below the line's top.
    pub baseline: f32,
    /// Notes whose marks the line holds (indexes into the notes being collected).
    pub notes: Vec<usize>,
    /// The end of the line's last glyph.
    pub end: f32,
    /// Links: x from, x to, address.
    pub links: Vec<(f32, f32, String)>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Plain,
    /// A note's mark: no break before it.
    Mark(usize),
    /// A reference to a UN document: never broken.
    Atomic,
}

#[derive(Clone, Debug)]
struct Atom {
    text: String,
    bold: bool,
    italic: bool,
    vertical: Option<bool>,
    kind: Kind,
    /// The link it is part of (an index into the links met).
    link: Option<usize>,
}

/// Where atoms go, and the notes and links met on the way.
struct Atoms<'n> {
    notes: &'n mut Vec<Note>,
    links: Vec<String>,
    out: Vec<Atom>,
}

/// Flattens inlines into atoms; notes are pushed to `notes` and stand as their marks.
fn atoms(v: &[Inline], s: (bool, bool, Option<bool>), link: Option<usize>, acc: &mut Atoms) {
    for i in v {
        let atom = |text: String, kind| Atom {
            text,
            bold: s.0,
            italic: s.1,
            vertical: s.2,
            kind,
            link,
        };
        match i {
            Inline::Text(t) => acc.out.push(atom(t.clone(), Kind::Plain)),
            Inline::Strong(c) => atoms(c, (true, s.1, s.2), link, acc),
            Inline::Emphasis(c) => atoms(c, (s.0, true, s.2), link, acc),
            Inline::Superscript(c) => atoms(c, (s.0, s.1, Some(true)), link, acc),
            Inline::Subscript(c) => atoms(c, (s.0, s.1, Some(false)), link, acc),
            Inline::Link(l) => {
                acc.links.push(l.url.clone());
                let at = acc.links.len() - 1;
                atoms(&l.content, s, Some(at), acc)
            }
            Inline::Ref(r) => acc.out.push(atom(r.symbol.to_string(), Kind::Atomic)),
            Inline::LineBreak => acc.out.push(atom("\n".into(), Kind::Plain)),
            Inline::Note(n) => {
                acc.notes.push(n.clone());
                acc.out.push(Atom {
                    text: n.marker.clone(),
                    bold: false,
                    italic: false,
                    vertical: Some(true),
                    kind: Kind::Mark(acc.notes.len() - 1),
                    link: None,
                });
            }
        }
    }
}

/// A character to set, with its glyph and width.
struct Ch {
    at: usize,
    c: char,
    font: Option<FontId>,
    gid: u16,
    /// Advance in points.
    width: f32,
    size: f32,
    rise: f32,
    mark: Option<usize>,
    link: Option<usize>,
    /// The atom it comes from.
    atom: usize,
    /// Part of a right-to-left word (set in reverse order among its neighbours).
    rtl: bool,
    /// Bold in a font with no bold face.
    embolden: bool,
    /// A right-to-left word's shaped glyphs, on its first character (the others then
    /// draw nothing): glyph, advance in ems, cluster as bytes of the word, in visual order.
    /// (Boxed: most characters have none, and a document's characters are many.)
    shaped: Option<Box<(String, Vec<Shaped>)>>,
}

fn sized(style: Style, vertical: Option<bool>) -> (f32, f32) {
    match vertical {
        None => (style.size, 0.0),
        Some(true) => (style.size * 0.67, style.size * 0.35),
        Some(false) => (style.size * 0.67, -style.size * 0.14),
    }
}

/// Sets `inlines` in `frame`. Notes met are appended to `notes`; each line lists those whose
/// marks it holds.
pub(crate) fn set(
    inlines: &[Inline],
    frame: &Frame,
    fonts: &mut Fonts,
    notes: &mut Vec<Note>,
) -> Vec<Line> {
    let mut acc = Atoms {
        notes,
        links: Vec::new(),
        out: Vec::new(),
    };
    atoms(
        inlines,
        (frame.style.bold, frame.style.italic, None),
        None,
        &mut acc,
    );
    let Atoms {
        links: urls,
        out: list,
        ..
    } = acc;
    // The text, its characters and where atoms start and end.
    let bytes: usize = list.iter().map(|a| a.text.len()).sum();
    let mut text = String::with_capacity(bytes);
    let mut chars: Vec<Ch> = Vec::with_capacity(bytes);
    let mut atomic: Vec<Range<usize>> = Vec::new();
    let mut mark_starts: Vec<usize> = Vec::new();
    let mut prev_mark = false;
    for (ai, a) in list.iter().enumerate() {
        let start = text.len();
        let is_mark = matches!(a.kind, Kind::Mark(_));
        if is_mark
            && prev_mark
            && let Some(last) = chars.last_mut()
        {
            // Two marks side by side ("*" and "**") are told apart by a thin space.
            last.width += frame.style.size * 0.4;
        }
        prev_mark = is_mark;
        let face = Face::of(a.bold, a.italic);
        let (size, rise) = sized(frame.style, a.vertical);
        for (o, c) in a.text.char_indices() {
            let shown = match c {
                '\t' | '\r' => ' ',
                c => c,
            };
            let (font, gid, width) = if c == '\n' {
                (None, 0, 0.0)
            } else {
                match fonts.map(face, shown) {
                    Some(m) => (Some(m.font), m.gid, m.advance * size),
                    None => (None, 0, 0.0),
                }
            };
            chars.push(Ch {
                at: start + o,
                c: shown,
                font,
                gid,
                width,
                size,
                rise,
                link: a.link,
                atom: ai,
                rtl: false,
                embolden: a.bold && font.is_some_and(|f| !fonts.is_bold(f)),
                shaped: None,
                mark: match a.kind {
                    Kind::Mark(n) => Some(n),
                    _ => None,
                },
            });
        }
        text.push_str(&a.text.replace(['\t', '\r'], " "));
        match a.kind {
            Kind::Atomic => atomic.push(start..text.len()),
            Kind::Mark(_) => mark_starts.push(start),
            Kind::Plain => {}
        }
    }
    for (r, _) in crate::model::find_symbols(&text) {
        atomic.push(r);
    }
    shape_right_to_left(&mut chars, &text, fonts);
    // A body paragraph or numbered heading whose first letter is right to left (Arabic)
    // is mirrored: its lines end at the right, its label (paragraph or chapter number)
    // stands at the right. (The masthead keeps its places.)
    let rtl_start = chars
        .iter()
        .find(|c| c.c.is_alphabetic())
        .is_some_and(|c| c.rtl);
    let rtl_para = (frame.align == Align::Justify || frame.label.is_some()) && rtl_start;
    // Break opportunities as character indexes, with whether they are mandatory.
    let byte_to_char = |b: usize| chars.partition_point(|c| c.at < b);
    let mut breaks: Vec<(usize, bool)> = unicode_linebreak::linebreaks(&text)
        .filter(|(b, o)| {
            !atomic.iter().any(|r| r.start < *b && *b < r.end)
                && !mark_starts.contains(b)
                && (*o == BreakOpportunity::Mandatory || word_break(&text, *b))
        })
        .map(|(b, o)| (byte_to_char(b), o == BreakOpportunity::Mandatory))
        .collect();
    if breaks.last().map(|b| b.0) != Some(chars.len()) {
        breaks.push((chars.len(), true));
    }
    let mut prefix = Vec::with_capacity(chars.len() + 1);
    prefix.push(0.0f32);
    for c in &chars {
        prefix.push(prefix.last().copied().unwrap_or(0.0) + c.width);
    }
    let trimmed_end = |a: usize, mut b: usize| {
        while b > a && (chars[b - 1].c == ' ' || chars[b - 1].c == '\n') {
            b -= 1;
        }
        b
    };
    let width = |a: usize, b: usize| prefix[trimmed_end(a, b)] - prefix[a];

    // The label and where the first line's text starts.
    let label_style = frame.label_style.unwrap_or(frame.style);
    let label = frame.label.as_deref().map(|l| {
        let face = Face::of(label_style.bold, label_style.italic);
        let w: f32 = l
            .chars()
            .map(|c| {
                fonts
                    .map(face, c)
                    .map_or(0.0, |m| m.advance * label_style.size)
            })
            .sum();
        (l, w)
    });
    let first_x = match &label {
        Some((_, w)) => {
            let min = frame.first + w + label_style.size * 0.25;
            if frame.tab >= min {
                frame.tab
            } else {
                // Past a long label, to the next half-centimetre.
                (min / 14.17).ceil() * 14.17
            }
        }
        None => frame.first,
    };

    // Greedy filling.
    let mut out_ranges: Vec<(usize, usize, bool)> = Vec::new(); // (start, end, last)
    let mut start = 0usize;
    let mut fit = 0usize; // last break that fits
    let mut bi = 0usize;
    while bi < breaks.len() {
        let (b, mandatory) = breaks[bi];
        let x0 = if out_ranges.is_empty() {
            first_x
        } else {
            frame.rest
        };
        let avail = (frame.right - x0).max(1.0);
        if b <= start {
            bi += 1;
            continue;
        }
        if width(start, b) <= avail + 0.01 {
            fit = b;
            if mandatory {
                out_ranges.push((start, b, true));
                start = b;
            }
            bi += 1;
        } else if fit > start {
            out_ranges.push((start, fit, false));
            start = fit;
        } else {
            // One word wider than the line: cut it where it stops fitting, after its last
            // slash that fits if it has one ("English/French/…/Arabic/Chinese" of a long
            // "Original:" line), not inside a name.
            let mut e = start + 1;
            while e < b && prefix[e + 1] - prefix[start] <= avail {
                e += 1;
            }
            if let Some(k) = (start + 1..e).rev().find(|&k| chars[k - 1].c == '/') {
                e = k;
            }
            out_ranges.push((start, e, false));
            start = e;
            fit = e;
        }
    }
    if out_ranges.is_empty() {
        out_ranges.push((0, chars.len(), true));
    }

    let ascent = frame.style.size * 0.891;
    let baseline = (frame.leading - frame.style.size) / 2.0 + ascent;
    let mut lines = Vec::with_capacity(out_ranges.len());
    for (k, &(a, b, last)) in out_ranges.iter().enumerate() {
        // A line does not start with the spaces the break left.
        let mut a = a;
        while k > 0 && a < b && chars[a].c == ' ' {
            a += 1;
        }
        let e = trimmed_end(a, b);
        let x0 = if k == 0 { first_x } else { frame.rest };
        let natural = prefix[e] - prefix[a];
        let avail = frame.right - x0;
        let spaces = chars[a..e].iter().filter(|c| c.c == ' ').count();
        let (mut x, extra) = match frame.align {
            Align::Justify if !last && spaces > 0 && natural < avail => {
                (x0, (avail - natural) / spaces as f32)
            }
            Align::Center => (x0 + ((avail - natural) / 2.0).max(0.0), 0.0),
            Align::Right => (x0 + (avail - natural).max(0.0), 0.0),
            // (A line of right-to-left text set from the left ends at the right.)
            Align::Left if rtl_start => (x0 + (avail - natural).max(0.0), 0.0),
            _ => (x0, 0.0),
        };
        let mut pieces: Vec<Piece> = Vec::new();
        // The label's x span and how many pieces it drew (they come first).
        let mut label_span: Option<(f32, f32, usize)> = None;
        if k == 0
            && let Some((l, _)) = &label
        {
            let face = Face::of(label_style.bold, label_style.italic);
            let mut lx = frame.first;
            // A right-to-left label ("أولا -") is shaped, its words from the right.
            let rtl = l.chars().any(super::fonts::right_to_left);
            // A number before right-to-left text is set as the bidirectional algorithm
            // sets it: "1." stands as ".1".
            let reordered: String;
            let l: &str = if rtl_para && !rtl {
                let chars: Vec<char> = l.chars().collect();
                let classes: Vec<Bidi> = chars.iter().map(|c| Bidi::of(*c)).collect();
                reordered = rtl_line_order(&classes)
                    .into_iter()
                    .map(|(i, rtl)| if rtl { mirrored(chars[i]) } else { chars[i] })
                    .collect();
                &reordered
            } else {
                l
            };
            let mut words: Vec<&str> = if rtl {
                l.split(' ').filter(|w| !w.is_empty()).collect()
            } else {
                vec![l]
            };
            if rtl {
                words.reverse();
            }
            for (wi, w) in words.iter().enumerate() {
                if wi > 0
                    && let Some(m) = fonts.map(face, ' ')
                {
                    lx += m.advance * label_style.size;
                }
                let first = w.chars().next().unwrap_or(' ');
                if super::fonts::right_to_left(first)
                    && let Some(m) = fonts.map(face, first)
                {
                    let glyphs = fonts.shape(m.font, w);
                    let embolden = label_style.bold && !fonts.is_bold(m.font);
                    push_shaped(
                        &mut pieces,
                        lx,
                        m.font,
                        label_style.size,
                        0.0,
                        embolden,
                        w,
                        &glyphs,
                    );
                    lx += glyphs.iter().map(|g| g.1 * label_style.size).sum::<f32>();
                    continue;
                }
                for c in w.chars() {
                    if let Some(m) = fonts.map(face, c) {
                        push_glyph(
                            &mut pieces,
                            lx,
                            m.font,
                            label_style.size,
                            0.0,
                            label_style.bold && !fonts.is_bold(m.font),
                            c,
                            m.gid,
                            m.advance,
                        );
                        lx += m.advance * label_style.size;
                    }
                }
            }
            label_span = Some((frame.first, lx, pieces.len()));
        }
        let mut line_notes = Vec::new();
        let mut links: Vec<(f32, f32, String)> = Vec::new();
        let mut open: Option<(usize, f32)> = None;
        for (ch, mirror) in visual_order(&chars[a..e]) {
            if let Some(n) = ch.mark
                && !line_notes.contains(&n)
            {
                line_notes.push(n);
            }
            // Links: the x span of each run of one link's characters.
            if open.map(|o| o.0) != ch.link {
                if let Some((k, x0)) = open.take()
                    && let Some(u) = urls.get(k)
                {
                    links.push((x0, x, u.clone()));
                }
                open = ch.link.map(|k| (k, x));
            }
            if let (Some(shaped), Some(font)) = (&ch.shaped, ch.font) {
                let (word, glyphs) = &**shaped;
                push_shaped(
                    &mut pieces,
                    x,
                    font,
                    ch.size,
                    ch.rise,
                    ch.embolden,
                    word,
                    glyphs,
                );
                x += ch.width;
                continue;
            }
            let Some(font) = ch.font else {
                continue;
            };
            let stretch = if ch.c == ' ' { extra } else { 0.0 };
            // (A bracket set right to left is drawn and mapped as its mirror image.)
            let (c, gid) = if mirror {
                fonts
                    .glyph_in(font, mirrored(ch.c))
                    .map_or((ch.c, ch.gid), |g| (mirrored(ch.c), g))
            } else {
                (ch.c, ch.gid)
            };
            push_glyph(
                &mut pieces,
                x,
                font,
                ch.size,
                ch.rise,
                ch.embolden,
                c,
                gid,
                (ch.width + stretch) / ch.size,
            );
            x += ch.width + stretch;
        }
        if let Some((k, x0)) = open
            && let Some(u) = urls.get(k)
        {
            links.push((x0, x, u.clone()));
        }
        if rtl_para {
            // Each span moved to its mirror image in the column [left, right], its
            // content kept in drawing order.
            let (left, right) = (frame.first.min(frame.rest), frame.right);
            let label_count = match label_span {
                Some((s, e, n)) => {
                    let shift = left + right - e - s;
                    for p in pieces.iter_mut().take(n) {
                        p.x += shift;
                        p.end += shift;
                    }
                    n
                }
                None => 0,
            };
            let shift = left + right - x - x0;
            for p in pieces.iter_mut().skip(label_count) {
                p.x += shift;
                p.end += shift;
            }
            for l in &mut links {
                l.0 += shift;
                l.1 += shift;
            }
            x += shift;
        }
        // (Held until the document is paginated: no room left over from growing.)
        for p in &mut pieces {
            p.glyphs.shrink_to_fit();
            p.text.shrink_to_fit();
        }
        lines.push(Line {
            pieces,
            height: frame.leading,
            baseline,
            notes: line_notes,
            end: x,
            links,
        });
    }
    lines
}

/// Shapes each right-to-left word (a run of characters of one atom, not spaces, holding a
/// right-to-left letter) with the font of its first such letter: joined letters, in visual
/// order. The word's width goes to its first character; the others draw nothing.
fn shape_right_to_left(chars: &mut [Ch], text: &str, fonts: &mut Fonts) {
    let mut i = 0;
    while i < chars.len() {
        let rtl_letter = |c: char| super::fonts::right_to_left(c) && Bidi::of(c) != Bidi::Number;
        let Some(font) = chars[i].font.filter(|_| rtl_letter(chars[i].c)) else {
            i += 1;
            continue;
        };
        // The word: its right-to-left letters, marks and joiners, and what else in it the
        // same font draws (Chinese beside it takes its own font).
        let mut j = i + 1;
        while j < chars.len()
            && !chars[j].c.is_whitespace()
            && chars[j].atom == chars[i].atom
            && Bidi::of(chars[j].c) != Bidi::Number
            && (rtl_letter(chars[j].c)
                || matches!(
                    chars[j].c,
                    '\u{200C}' | '\u{200D}' | '\u{0300}'..='\u{036F}'
                )
                || chars[j].font == Some(font))
        {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |c| c.at);
        let word = text[chars[i].at..end].to_string();
        let glyphs = fonts.shape(font, &word);
        let size = chars[i].size;
        let width: f32 = glyphs.iter().map(|g| g.1 * size).sum();
        for c in &mut chars[i..j] {
            c.rtl = true;
            c.width = 0.0;
            c.font = None;
        }
        chars[i].width = width;
        chars[i].font = Some(font);
        chars[i].shaped = Some(Box::new((word, glyphs)));
        i = j;
    }
}

/// A character as the bidirectional algorithm classes it, for setting a right-to-left
/// line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Bidi {
    /// A right-to-left letter (or a shaped right-to-left word's character).
    Rtl,
    /// Another letter.
    Ltr,
    /// A digit.
    Number,
    /// White space.
    Space,
    /// A bracket: it goes with the number or word it stands against.
    Bracket,
    /// Other punctuation and symbols.
    Other,
}

impl Bidi {
    pub(crate) fn of(c: char) -> Self {
        if c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}') {
            Bidi::Number
        } else if c.is_alphabetic() {
            if super::fonts::right_to_left(c) {
                Bidi::Rtl
            } else {
                Bidi::Ltr
            }
        } else if c.is_whitespace() {
            Bidi::Space
        } else if matches!(c, '(' | ')' | '[' | ']') {
            Bidi::Bracket
        } else {
            Bidi::Other
        }
    }
}

/// The drawing order, from the left, of a right-to-left line's characters given in reading
/// order, as the Unicode bidirectional algorithm resolves it (UAX #9, W4, N1, N2, L2),
/// simplified as the PDF reader undoes it: numbers and left-to-right words are set left
/// to right; punctuation between two digits belongs to the number ("28/2"); a bracket
/// against a number or word goes with it; other punctuation and spaces take the direction
/// of the text on both sides when it agrees (a number counting as right-to-left text),
/// else right to left. So "1." ending or starting a right-to-left line stands as ".1",
/// as Word and LibreOffice print it.
pub(crate) fn rtl_line_order(classes: &[Bidi]) -> Vec<(usize, bool)> {
    let n = classes.len();
    let digit = |k: usize| classes.get(k) == Some(&Bidi::Number);
    let near = |k: usize| matches!(classes.get(k), Some(Bidi::Number | Bidi::Ltr));
    let strong = |k: usize| match classes[k] {
        Bidi::Rtl | Bidi::Number => Some(true),
        Bidi::Ltr => Some(false),
        Bidi::Space | Bidi::Bracket | Bidi::Other => None,
    };
    let neutral = |i: usize| {
        let before = (0..i).rev().find_map(strong);
        let after = (i + 1..n).find_map(strong);
        match (before, after) {
            (Some(a), Some(b)) if a == b => a,
            _ => true,
        }
    };
    let rtl: Vec<bool> = (0..n)
        .map(|i| match classes[i] {
            Bidi::Rtl => true,
            Bidi::Ltr | Bidi::Number => false,
            Bidi::Other | Bidi::Bracket if digit(i.wrapping_sub(1)) && digit(i + 1) => false,
            Bidi::Bracket if near(i.wrapping_sub(1)) || near(i + 1) => false,
            Bidi::Other | Bidi::Bracket | Bidi::Space => neutral(i),
        })
        .collect();
    // The whole line reversed, then each run set left to right put back in its order.
    let mut order: Vec<usize> = (0..n).rev().collect();
    let mut t = 0;
    while t < n {
        if rtl[order[t]] {
            t += 1;
            continue;
        }
        let mut u = t;
        while u < n && !rtl[order[u]] {
            u += 1;
        }
        order[t..u].reverse();
        t = u;
    }
    order.into_iter().map(|i| (i, rtl[i])).collect()
}

/// A bracket's mirror image: set right to left, "(" is drawn as ")" (UAX #9, L4).
pub(crate) fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        c => c,
    }
}

/// A line's characters in the order they are drawn: a run of right-to-left words (with
/// the spaces between them) reversed, word by word; everything else as it comes. With
/// each, whether it is a bracket set right to left (drawn mirrored).
fn visual_order(line: &[Ch]) -> Vec<(&Ch, bool)> {
    // Tokens: words and runs of spaces, with whether each word is right to left.
    let mut tokens: Vec<(usize, usize, bool)> = Vec::new();
    let mut k = 0;
    while k < line.len() {
        let space = line[k].c == ' ';
        let mut m = k;
        while m < line.len() && (line[m].c == ' ') == space && (space || line[m].rtl == line[k].rtl)
        {
            m += 1;
        }
        tokens.push((k, m, !space && line[k].rtl));
        k = m;
    }
    // A line whose first letter is right to left (an Arabic paragraph) is laid out from
    // the right, as the Unicode bidirectional algorithm orders it (see `rtl_line_order`).
    if line
        .iter()
        .find(|c| c.c.is_alphabetic())
        .is_some_and(|c| c.rtl)
    {
        let classes: Vec<Bidi> = line
            .iter()
            .map(|c| if c.rtl { Bidi::Rtl } else { Bidi::of(c.c) })
            .collect();
        return rtl_line_order(&classes)
            .into_iter()
            .map(|(i, rtl)| {
                (
                    &line[i],
                    rtl && line[i].shaped.is_none() && mirrored(line[i].c) != line[i].c,
                )
            })
            .collect();
    }
    let mut order: Vec<usize> = (0..tokens.len()).collect();
    let mut t = 0;
    while t < tokens.len() {
        if !tokens[t].2 {
            t += 1;
            continue;
        }
        // From this right-to-left word to the last one reached over spaces only.
        let mut last = t;
        let mut u = t + 1;
        while u < tokens.len() {
            let (s, e, rtl) = tokens[u];
            if rtl {
                last = u;
            } else if !line[s..e].iter().all(|c| c.c == ' ') {
                break;
            }
            u += 1;
        }
        order[t..=last].reverse();
        t = last + 1;
    }
    order
        .into_iter()
        .flat_map(|i| {
            let (s, e, _) = tokens[i];
            line[s..e].iter().map(|c| (c, false))
        })
        .collect()
}

/// A shaped right-to-left word's text with the text of each glyph of several characters
/// (lam-alef, a letter and its marks) stored right to left, as the glyphs stand: text
/// extractors (pdftotext, pdf.js) reverse a right-to-left line character by character, and
/// a ligature stored in reading order came out of them reversed ("األمم" for "الأمم").
/// Brackets are mirrored, as the shaper draws them. The byte ranges of the clusters do not
/// change. undocs' reader tells either order
/// (`words::stored_right_to_left`).
fn clusters_right_to_left(word: &str, glyphs: &[Shaped]) -> String {
    let mut text = word.to_string();
    let mut last: Option<&std::ops::Range<usize>> = None;
    for (_, _, cluster) in glyphs {
        if last == Some(cluster) {
            continue;
        }
        last = Some(cluster);
        let Some(t) = word.get(cluster.clone()) else {
            continue;
        };
        if t.chars().nth(1).is_some() && t.chars().any(super::fonts::right_to_left) {
            let reversed: String = t.chars().rev().collect();
            text.replace_range(cluster.clone(), &reversed);
        }
    }
    // (The shaper draws a bracket of a right-to-left word mirrored: its text says so.)
    if text.contains(['(', ')', '[', ']']) {
        text = text.chars().map(mirrored).collect();
    }
    text
}

/// Adds a shaped word's glyphs (in visual order) at `x`, its text once, each glyph mapped
/// to its cluster.
#[allow(clippy::too_many_arguments)]
fn push_shaped(
    pieces: &mut Vec<Piece>,
    x: f32,
    font: FontId,
    size: f32,
    rise: f32,
    embolden: bool,
    word: &str,
    glyphs: &[Shaped],
) {
    pieces.push(Piece {
        x,
        font,
        size,
        rise,
        text: clusters_right_to_left(word, glyphs),
        glyphs: Vec::with_capacity(glyphs.len()),
        end: x,
        embolden,
    });
    if let Some(p) = pieces.last_mut() {
        for (gid, advance, cluster) in glyphs {
            p.glyphs.push(SetGlyph {
                id: u32::from(*gid),
                advance: *advance,
                start: offset(cluster.start),
                end: offset(cluster.end),
            });
            p.end += advance * size;
        }
    }
}

/// Whether a line may break at byte `b` as Word breaks lines: after a space or a hyphen or
/// dash, or beside an ideograph (Chinese and Japanese break between characters); never
/// after a slash or inside a number, as UAX #14 alone would allow.
fn word_break(text: &str, b: usize) -> bool {
    let prev = text[..b].chars().next_back();
    let next = text[b..].chars().next();
    let wide = |c: Option<char>| c.is_some_and(crate::model::words::wide);
    match prev {
        Some(c) if c.is_whitespace() => true,
        Some('-' | '\u{2010}' | '\u{2013}' | '\u{2014}') => {
            next.is_some_and(|n| !n.is_ascii_digit())
        }
        _ => wide(prev) || wide(next),
    }
}

/// Adds a glyph to the last piece when it continues it, else starts a piece at `x`.
#[allow(clippy::too_many_arguments)]
fn push_glyph(
    pieces: &mut Vec<Piece>,
    x: f32,
    font: FontId,
    size: f32,
    rise: f32,
    embolden: bool,
    c: char,
    gid: u16,
    advance: f32,
) {
    let continues = pieces.last().is_some_and(|p| {
        p.font == font
            && p.size == size
            && p.rise == rise
            && p.embolden == embolden
            && (p.end - x).abs() < 0.001
    });
    if !continues {
        pieces.push(Piece {
            x,
            font,
            size,
            rise,
            // (Room for a line's run; shrunk to fit when the line is done.)
            text: String::with_capacity(128),
            glyphs: Vec::with_capacity(96),
            end: x,
            embolden,
        });
    }
    if let Some(p) = pieces.last_mut() {
        p.end += advance * size;
        let start = p.text.len();
        p.text.push(c);
        p.glyphs.push(SetGlyph {
            id: u32::from(gid),
            advance,
            start: offset(start),
            end: offset(p.text.len()),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Reference, Symbol};

    fn frame(right: f32) -> Frame {
        Frame {
            style: Style {
                size: 10.0,
                bold: false,
                italic: false,
            },
            leading: 12.0,
            first: 0.0,
            tab: 28.35,
            rest: 0.0,
            right,
            align: Align::Justify,
            label: None,
            label_style: None,
        }
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.pieces.iter().map(|p| p.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn lines_fill_greedily_and_are_justified_to_the_right_edge() {
        let mut fonts = Fonts::new(&[], false);
        let words = "The Working Group on the Universal Periodic Review held its session ";
        let v = vec![Inline::Text(words.repeat(4))];
        let lines = set(&v, &frame(200.0), &mut fonts, &mut Vec::new());
        assert!(lines.len() > 3);
        for l in &lines[..lines.len() - 1] {
            assert!(
                (l.end - 200.0).abs() < 0.05,
                "justified line ends at {}",
                l.end
            );
        }
        assert!(lines.last().unwrap().end < 200.0);
        // Every word is there, in order.
        let joined = texts(&lines).join(" ");
        assert_eq!(
            joined.split_whitespace().collect::<Vec<_>>(),
            words.repeat(4).split_whitespace().collect::<Vec<_>>()
        );
    }

    #[test]
    fn symbols_and_references_are_never_broken() {
        let mut fonts = Fonts::new(&[], false);
        let sym: Symbol = "S/RES/1244 (1999)".parse().unwrap();
        let mut v = vec![Inline::Text("see the report A/HRC/31/81 and ".repeat(3))];
        v.push(Inline::Ref(Reference { symbol: sym }));
        v.push(Inline::Text(" again".into()));
        // (From 90 pt, wider than "S/RES/1244 (1999)": a word wider than the line is cut.)
        for right in [90.0, 95.0, 110.0, 120.0, 150.0] {
            let lines = set(&v, &frame(right), &mut fonts, &mut Vec::new());
            let t = texts(&lines);
            assert!(t.iter().any(|l| l.contains("S/RES/1244 (1999)")), "{t:?}");
            assert!(
                t.iter().filter(|l| l.contains("A/HRC/31/81")).count() == 3,
                "{t:?}"
            );
        }
    }

    #[test]
    fn a_note_mark_stays_on_the_line_of_the_word_before_it() {
        let mut fonts = Fonts::new(&[], false);
        let note = Note {
            marker: "12".into(),
            content: vec![],
        };
        for right in 60..120 {
            let v = vec![
                Inline::Text("alpha beta gamma.".into()),
                Inline::Note(note.clone()),
                Inline::Text(" delta".into()),
            ];
            let mut notes = Vec::new();
            let lines = set(&v, &frame(right as f32), &mut fonts, &mut notes);
            assert_eq!(notes.len(), 1);
            let with = lines.iter().position(|l| l.notes == [0]).unwrap();
            let t: String = lines[with].pieces.iter().map(|p| p.text.as_str()).collect();
            assert!(t.contains("gamma.12"), "{right}: {t:?}");
        }
    }

    #[test]
    fn a_label_sits_at_first_and_the_text_at_the_tab() {
        let mut fonts = Fonts::new(&[], false);
        let mut f = frame(300.0);
        f.label = Some("12.".into());
        let lines = set(
            &[Inline::Text("Text".into())],
            &f,
            &mut fonts,
            &mut Vec::new(),
        );
        let p = &lines[0].pieces;
        assert_eq!((p[0].x, p[0].text.as_str()), (0.0, "12."));
        assert_eq!((p[1].x, p[1].text.as_str()), (28.35, "Text"));
    }

    #[test]
    fn right_to_left_words_are_shaped_and_reversed_inside_a_line() {
        let mut fonts = Fonts::new(&[], true);
        let v = vec![Inline::Text("on حقوق الإنسان today".into())];
        let lines = set(&v, &frame(400.0), &mut fonts, &mut Vec::new());
        if !fonts.missing.is_empty() {
            // No system font with Arabic on this machine: nothing to check here (the
            // integration test says so).
            return;
        }
        let texts: Vec<&str> = lines[0].pieces.iter().map(|p| p.text.as_str()).collect();
        // "الإنسان" (the second word) is drawn before "حقوق" (the first): right to left.
        // (Its lam-alef's text is stored right to left: "اإلنسان".)
        assert!(texts.contains(&"اإلنسان"), "{texts:?}");
        let a = texts.iter().position(|t| t.contains("نسان")).unwrap();
        let b = texts.iter().position(|t| t.contains("حقوق")).unwrap();
        assert!(a < b, "{texts:?}");
        // Joined: the shaped glyphs differ from the letters' isolated forms.
        let shaped = &lines[0].pieces[b].glyphs;
        let isolated: Vec<u32> = "حقوق"
            .chars()
            .map(|c| u32::from(fonts.map(Face::Regular, c).unwrap().gid))
            .collect();
        let ids: Vec<u32> = shaped.iter().rev().map(|g| g.id).collect();
        assert_ne!(ids, isolated);
    }
}
