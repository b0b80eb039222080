//! A page's glyphs as the page shows them: where each stands (x, baseline y from the top, in
//! points), its size, its text; and the thin horizontal rules (the separator above
//! footnotes). Collected with hayro-interpret as a [`Device`]: there is no text API, so
//! every glyph run drawn is taken apart. Text drawn twice (fill and stroke) is kept once;
//! invisible text (an OCR layer) is kept. Each run is paired with the text-showing
//! operator that drew it (see `fonts.rs`) for its font's style; what a font's code stands
//! for and how wide it is are asked once per font and code.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use hayro_interpret::font::GlyphRun;
use hayro_interpret::kurbo::{Affine, BezPath, Point, Shape};
use hayro_interpret::{
    BlendMode, ClipPath, Device, DrawMode, DrawProps, Image, ImageDrawProps, SoftMask,
};

use hayro_syntax::object::{Dict, String as PdfString};

use super::fonts::{Shown, Style, same_codes};

/// One glyph on the page.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Glyph {
    /// Left edge, points from the page's left.
    pub x: f64,
    /// Baseline, points from the page's top.
    pub y: f64,
    /// Font size in points (the glyph's vertical scale).
    pub size: f64,
    /// How far the next glyph would start, when the font says (points).
    pub advance: f64,
    /// The text it stands for (a ligature may stand for several characters).
    pub text: GlyphText,
    /// Its font's style, when the run it belongs to was paired with its operator.
    pub style: Style,
}

/// A glyph's text, held without an allocation when it is one character (nearly always).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum GlyphText {
    Char(char),
    Long(Box<str>),
}

impl GlyphText {
    pub(crate) fn new(s: &str) -> Self {
        let mut cs = s.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) => GlyphText::Char(c),
            _ => GlyphText::Long(s.into()),
        }
    }

    /// Whether it is white space only (or nothing).
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            GlyphText::Char(c) => c.is_whitespace(),
            GlyphText::Long(s) => s.trim().is_empty(),
        }
    }

    /// Whether it starts with a space.
    pub(crate) fn starts_with_space(&self) -> bool {
        match self {
            GlyphText::Char(c) => *c == ' ',
            GlyphText::Long(s) => s.starts_with(' '),
        }
    }

    /// Appends it to `out`.
    pub(crate) fn push_to(&self, out: &mut String) {
        match self {
            GlyphText::Char(c) => out.push(*c),
            GlyphText::Long(s) => out.push_str(s),
        }
    }
}

/// A thin horizontal rule: from `x0` to `x1` at `y`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rule {
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
}

/// Most glyphs kept for one page (a hostile file drawing millions stops here).
pub(crate) const MAX_GLYPHS: usize = 2_000_000;

/// How far ahead of the last paired operator a run's operator is looked for (runs hayro
/// does not draw, such as text in a hidden layer, are skipped over).
const PAIR_WINDOW: usize = 64;

/// What a font's code stands for and its advance per 1000 units of size.
pub(crate) type CodeInfo = (Option<GlyphText>, Option<f32>);

/// The document's cache of [`CodeInfo`] by (font, code).
pub(crate) type Codes = HashMap<(u32, u32), CodeInfo, BuildHasherDefault<CodeHasher>>;

/// A multiply-rotate hash (as rustc's FxHash) for the small integer keys of [`Codes`]:
/// the keys come from the file, but a collision only costs time, and there are at most
/// fonts × codes of them.
#[derive(Default)]
pub(crate) struct CodeHasher(u64);

impl Hasher for CodeHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// The collector, for one page; `codes` is kept from page to page.
pub(crate) struct Collector<'c> {
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    /// Glyphs whose text could not be found (no ToUnicode, no glyph name).
    pub unmapped: usize,
    /// Whether glyphs were dropped at [`MAX_GLYPHS`].
    pub truncated: bool,
    /// The page's text-showing operators, and the first not yet paired.
    shown: Vec<Shown>,
    next: usize,
    /// The styles of the fonts the operators name.
    styles: Vec<Style>,
    /// Each paired font's codes: text and advance, asked of hayro once.
    codes: &'c mut Codes,
    /// The last filled run (first glyph's position and length): its stroke is not text
    /// again.
    last_fill: Option<(f64, f64, usize)>,
    /// Where the glyphs of that run start in `glyphs`.
    last_fill_start: usize,
    /// Open marked-content sequences: the `/ActualText` each gives, if any, and the first
    /// glyph drawn inside it.
    marked: Vec<(Option<String>, usize)>,
}

impl<'c> Collector<'c> {
    /// A collector for a page whose text-showing operators are `shown`, in fonts of these
    /// `styles`; `codes` is the document's cache of what codes stand for.
    pub(crate) fn new(shown: Vec<Shown>, styles: Vec<Style>, codes: &'c mut Codes) -> Self {
        Collector {
            glyphs: Vec::new(),
            rules: Vec::new(),
            unmapped: 0,
            truncated: false,
            shown,
            next: 0,
            styles,
            codes,
            last_fill: None,
            last_fill_start: 0,
            marked: Vec::new(),
        }
    }

    /// The font of the operator that showed these codes, if one of the next ones did, and
    /// whether it was the very next (no operator skipped: the pairing is sure).
    fn pair(&mut self, codes: &[u32]) -> (Option<u32>, bool) {
        let end = self.shown.len().min(self.next + PAIR_WINDOW);
        let Some(i) = (self.next..end).find(|&i| same_codes(codes, &self.shown[i].bytes)) else {
            return (None, false);
        };
        let sure = i == self.next;
        self.next = i + 1;
        (self.shown[i].font, sure)
    }
}

fn scale_of(t: Affine) -> f64 {
    let c = t.as_coeffs();
    (c[2] * c[2] + c[3] * c[3]).sqrt()
}

impl<'a> Device<'a> for Collector<'_> {
    fn draw_path(&mut self, path: &BezPath, props: DrawProps<'a>, _: &DrawMode) {
        let b = (props.transform * path.clone()).bounding_box();
        if b.height() < 2.0 && b.width() > 20.0 {
            self.rules.push(Rule {
                x0: b.x0,
                x1: b.x1,
                y: (b.y0 + b.y1) / 2.0,
            });
        }
    }

    fn push_clip_path(&mut self, _: &ClipPath) {}

    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}

    fn draw_glyph_run(&mut self, run: &GlyphRun<'_, 'a>, props: DrawProps<'a>, mode: &DrawMode) {
        let glyphs = run.glyphs();
        let Some(first) = glyphs.first() else { return };
        let at = (props.transform * first.transform()) * Point::new(0.0, 0.0);
        let id = (at.x, at.y, glyphs.len());
        // Fill and stroke draw the same run twice: the stroke is not text again (text only
        // stroked, outlined, is). Text filled and stroked is emboldened (as LibreOffice
        // prints bold in a font that has no bold face, Chinese or Arabic): bold.
        if matches!(mode, DrawMode::Stroke(_)) && self.last_fill == Some(id) {
            for g in self.glyphs.iter_mut().skip(self.last_fill_start) {
                g.style.bold = true;
            }
            return;
        }
        self.last_fill = Some(id);
        self.last_fill_start = self.glyphs.len();
        let codes: Vec<u32> = glyphs.iter().map(|g| g.char_code()).collect();
        let (font, sure) = self.pair(&codes);
        let style = font
            .and_then(|f| self.styles.get(f as usize).copied())
            .unwrap_or_default();
        for (g, code) in glyphs.iter().zip(codes) {
            if self.glyphs.len() >= MAX_GLYPHS {
                self.truncated = true;
                return;
            }
            let t = props.transform * g.transform();
            let origin = t * Point::new(0.0, 0.0);
            // The glyph transform maps 1000 font units to the size.
            let size = scale_of(t) * 1000.0;
            let ask = || {
                let text = match g.as_unicode() {
                    Some(hayro_interpret::hayro_cmap::BfString::Char(c)) => {
                        Some(GlyphText::Char(c))
                    }
                    Some(hayro_interpret::hayro_cmap::BfString::String(s)) => {
                        Some(GlyphText::new(&s))
                    }
                    None => None,
                };
                let advance = match &**g {
                    hayro_interpret::font::Glyph::Outline(o) => o.advance_width(),
                    hayro_interpret::font::Glyph::Type3(t3) => t3.advance_width(),
                };
                (text, advance)
            };
            // (Only a sure pairing may fill the cache: a wrong font would spoil it.)
            let (text, advance) = match font {
                Some(f) if sure => self.codes.entry((f, code)).or_insert_with(ask).clone(),
                _ => ask(),
            };
            let in_actual_text = self.marked.iter().any(|(t, _)| t.is_some());
            let text = match text {
                Some(t) => t,
                // (Inside an /ActualText sequence the text is known all the same; the
                // glyph is kept, without text, for where it stands.)
                None if in_actual_text => GlyphText::Long("".into()),
                None => {
                    self.unmapped += 1;
                    continue;
                }
            };
            let advance = advance.map_or(0.0, |w| f64::from(w) / 1000.0 * size);
            if !size.is_finite() || !origin.x.is_finite() || !origin.y.is_finite() {
                continue;
            }
            self.glyphs.push(Glyph {
                x: origin.x,
                y: origin.y,
                size,
                advance,
                text,
                style,
            });
        }
    }

    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {}

    fn pop_clip(&mut self) {}

    fn pop_transparency_group(&mut self) {}

    fn begin_marked_content(&mut self, _tag: &[u8], properties: Option<&Dict<'_>>) {
        let text = properties
            .and_then(|d| d.get::<PdfString>(b"ActualText"))
            .map(|s| text_string(s.as_bytes()));
        if self.marked.len() < MAX_MARKED {
            self.marked.push((text, self.glyphs.len()));
        }
    }

    /// A sequence with `/ActualText` (a ligature, an Arabic cluster whose glyphs cannot
    /// each carry their text) stands for that text: its glyphs become one, spanning them,
    /// that carries it.
    fn end_marked_content(&mut self) {
        let Some((Some(text), start)) = self.marked.pop() else {
            return;
        };
        let Some(span) = self.glyphs.get(start..) else {
            return;
        };
        // Where the text stands: its letters' glyphs (those that advance); a vowel sign
        // is set higher or lower and beside its letter, and would move the text to a
        // line of its own or away from its word.
        let letters: Vec<&Glyph> = span.iter().filter(|g| g.advance > 0.0).collect();
        let letters: Vec<&Glyph> = if letters.is_empty() {
            span.iter().collect()
        } else {
            letters
        };
        // (A mark's own advance in the font may not be nothing: the widest glyph is the
        // letter.)
        let Some(base) = letters
            .iter()
            .copied()
            .reduce(|a, b| if b.advance >= a.advance { b } else { a })
        else {
            return;
        };
        let x0 = letters.iter().map(|g| g.x).fold(base.x, f64::min);
        let x1 = letters
            .iter()
            .map(|g| g.x + g.advance)
            .fold(f64::MIN, f64::max);
        let mut g = base.clone();
        g.x = x0;
        g.advance = (x1 - x0).max(0.0);
        g.text = GlyphText::new(&text);
        self.glyphs.truncate(start);
        self.glyphs.push(g);
    }
}

/// Most nested marked-content sequences followed (deeper ones are ignored).
const MAX_MARKED: usize = 64;

/// A PDF text string: UTF-16BE after its byte-order mark, UTF-8 after its mark, else
/// PDFDocEncoding (read as Latin-1, which it equals for letters).
fn text_string(b: &[u8]) -> String {
    if let Some(rest) = b.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = b.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    b.iter().map(|&c| char::from(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_strings_in_their_encodings() {
        assert_eq!(text_string(&[0xFE, 0xFF, 0x06, 0x44, 0x06, 0x27]), "لا");
        assert_eq!(text_string(b"\xEF\xBB\xBFfi"), "fi");
        assert_eq!(text_string(b"fi"), "fi");
    }
}
