//! Which font each piece of text is shown in, and whether that font is bold or italic.
//!
//! hayro-interpret's [`Device`](hayro_interpret::Device) hands over glyph runs without
//! their font, and most UN PDFs set their body in fonts that are not embedded
//! (Times-Roman, TimesNewRomanPS-BoldMT…), whose glyphs carry no name. So the page's
//! content stream is read a second time here, with hayro-syntax only: every text-showing
//! operator (`Tj`, `TJ`, `'`, `"`) is listed with the bytes it shows and the font resource
//! selected by the last `Tf` (kept across `q`/`Q`, followed into form XObjects). The
//! collector then pairs each glyph run with its operator by comparing the run's character
//! codes with the operator's bytes; a run that pairs with nothing has no known font, and
//! its text is read as before, without bold or italic.
//!
//! A font's style comes from its dictionary: the `/BaseFont` name ("…-BoldItalicMT",
//! "Times-Bold", "Arial,Bold"), then its font descriptor (the italic flag, the
//! force-bold flag, a weight of 600 or more, a slanted italic angle); a Type 0 font's
//! descriptor is its descendant's.

use std::collections::HashMap;

use hayro_syntax::content::TypedIter;
use hayro_syntax::content::ops::TypedInstruction;
use hayro_syntax::object::{Array, Dict, Name, Object, ObjectIdentifier, Stream};
use hayro_syntax::page::{Page, Resources};

/// How a font prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Style {
    pub bold: bool,
    pub italic: bool,
}

/// One text-showing operator: the bytes it shows, and the font it shows them in (an index
/// into [`Fonts`]), if one was selected.
#[derive(Debug)]
pub(crate) struct Shown {
    pub bytes: Vec<u8>,
    pub font: Option<u32>,
}

/// How a font dictionary is told apart from another: its object number, or (for a
/// dictionary written inline in the resources) its bytes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Object(ObjectIdentifier),
    Inline(Vec<u8>),
}

/// The fonts of a document met so far, each with its style.
#[derive(Default)]
pub(crate) struct Fonts {
    styles: Vec<Style>,
    ids: HashMap<Key, u32>,
}

/// Deepest nesting of form XObjects followed (hayro-interpret stops nesting too).
const MAX_FORM_DEPTH: usize = 8;
/// Most bytes of shown text listed for one page; beyond it runs have no known font.
const MAX_SHOWN_BYTES: usize = 4_000_000;

impl Fonts {
    /// The styles of the fonts met so far, by number.
    pub(crate) fn styles(&self) -> Vec<Style> {
        self.styles.clone()
    }

    fn id_of(&mut self, dict: &Dict<'_>) -> u32 {
        let key = match dict.obj_id() {
            Some(id) => Key::Object(id),
            None => Key::Inline(dict.data().to_vec()),
        };
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = u32::try_from(self.styles.len()).unwrap_or(u32::MAX);
        self.styles.push(style_of(dict));
        self.ids.insert(key, id);
        id
    }
}

/// Whether a font's name says bold / italic ("TimesNewRomanPS-BoldItalicMT", "Times-Bold",
/// "Arial,BoldItalic", "MinionPro-It", "ABCDEF+Calibri-Light").
fn style_of_name(name: &str) -> Style {
    // A subset prefix "ABCDEF+" is not part of the name.
    let name = match name.split_once('+') {
        Some((p, rest)) if p.len() == 6 && p.bytes().all(|b| b.is_ascii_uppercase()) => rest,
        _ => name,
    };
    let lower = name.to_ascii_lowercase();
    // The style part follows the family: "Family-Style" or "Family,Style".
    let style = lower
        .rsplit_once(['-', ','])
        .map_or(lower.as_str(), |(_, s)| s);
    let bold =
        ["bold", "black", "heavy"].iter().any(|w| style.contains(w)) || style.starts_with("demi");
    let italic = lower.contains("italic")
        || lower.contains("oblique")
        || style == "it"
        || style.starts_with("it") && style.len() <= 4
        || style.ends_with("it") && style.starts_with("bold");
    Style { bold, italic }
}

/// A font's style from its dictionary: the name first, then the descriptor.
fn style_of(dict: &Dict<'_>) -> Style {
    let name = dict
        .get::<Name<'_>>(b"BaseFont")
        .map(|n| n.as_str().to_string())
        .unwrap_or_default();
    let mut style = style_of_name(&name);
    let descriptor = dict.get::<Dict<'_>>(b"FontDescriptor").or_else(|| {
        dict.get::<Array<'_>>(b"DescendantFonts")
            .and_then(|a| a.iter::<Dict<'_>>().next())
            .and_then(|d| d.get::<Dict<'_>>(b"FontDescriptor"))
    });
    if let Some(d) = descriptor {
        /// Font descriptor flags (PDF 32000-1, table 123): bit 7 Italic, bit 19 ForceBold.
        const ITALIC: u32 = 1 << 6;
        const FORCE_BOLD: u32 = 1 << 18;
        /// The weight from which a font is bold (600 is semibold).
        const BOLD_WEIGHT: f64 = 600.0;
        /// Degrees of slant from which a font is italic.
        const ITALIC_ANGLE: f64 = 5.0;
        let flags = d.get::<u32>(b"Flags").unwrap_or(0);
        style.italic |= flags & ITALIC != 0;
        style.bold |= flags & FORCE_BOLD != 0;
        style.bold |= d
            .get::<f64>(b"FontWeight")
            .is_some_and(|w| w >= BOLD_WEIGHT);
        style.italic |= d
            .get::<f64>(b"ItalicAngle")
            .is_some_and(|a| a.abs() >= ITALIC_ANGLE);
    }
    style
}

/// The page's text-showing operators, in the order they are drawn; forms are followed at
/// most `max_depth` deep (and never deeper than hayro draws them).
pub(crate) fn shown(page: &Page<'_>, fonts: &mut Fonts, max_depth: usize) -> Vec<Shown> {
    let mut out = Vec::new();
    let mut scan = Scan {
        fonts,
        out: &mut out,
        bytes: 0,
        max_depth: max_depth.min(MAX_FORM_DEPTH),
    };
    let data = page.page_stream().unwrap_or(&[]);
    scan.ops(TypedIter::new(data), page.resources(), None, 0);
    out
}

struct Scan<'f> {
    fonts: &'f mut Fonts,
    out: &'f mut Vec<Shown>,
    bytes: usize,
    max_depth: usize,
}

impl Scan<'_> {
    /// Lists the operators of one content stream; `font` is the font in effect when it
    /// starts (a form XObject inherits its caller's).
    fn ops(&mut self, mut it: TypedIter<'_>, res: &Resources<'_>, font: Option<u32>, depth: usize) {
        let mut font = font;
        let mut saved: Vec<Option<u32>> = Vec::new();
        let mut by_name: HashMap<Vec<u8>, Option<u32>> = HashMap::new();
        while let Some(op) = it.next() {
            match op {
                TypedInstruction::SaveState(_) => saved.push(font),
                TypedInstruction::RestoreState(_) => {
                    if let Some(f) = saved.pop() {
                        font = f;
                    }
                }
                TypedInstruction::TextFont(t) => {
                    let name: &[u8] = t.0.as_ref();
                    font = match by_name.get(name) {
                        Some(f) => *f,
                        None => {
                            let f = res.get_font(t.0).map(|d| self.fonts.id_of(&d));
                            by_name.insert(name.to_vec(), f);
                            f
                        }
                    };
                }
                TypedInstruction::ShowText(s) => self.push(s.0.as_bytes().to_vec(), font),
                TypedInstruction::NextLineAndShowText(s) => {
                    self.push(s.0.as_bytes().to_vec(), font)
                }
                TypedInstruction::ShowTextWithParameters(s) => {
                    self.push(s.2.as_bytes().to_vec(), font)
                }
                TypedInstruction::ShowTexts(a) => {
                    let mut bytes = Vec::new();
                    for o in a.0.iter::<Object<'_>>() {
                        if let Object::String(s) = o {
                            bytes.extend_from_slice(s.as_bytes());
                        }
                    }
                    self.push(bytes, font);
                }
                TypedInstruction::XObject(x) if depth < self.max_depth => {
                    let Some(stream) = res.get_x_object(x.0) else {
                        continue;
                    };
                    self.form(&stream, res, font, depth);
                }
                _ => {}
            }
        }
    }

    fn form(&mut self, stream: &Stream<'_>, res: &Resources<'_>, font: Option<u32>, depth: usize) {
        let dict = stream.dict();
        if dict
            .get::<Name<'_>>(b"Subtype")
            .is_none_or(|s| s.as_str() != "Form")
        {
            return;
        }
        let Ok(data) = stream.decoded() else { return };
        let own = dict.get::<Dict<'_>>(b"Resources").map(Resources::new);
        self.ops(
            TypedIter::new(&data),
            own.as_ref().unwrap_or(res),
            font,
            depth + 1,
        );
    }

    fn push(&mut self, bytes: Vec<u8>, font: Option<u32>) {
        if bytes.is_empty() || self.bytes > MAX_SHOWN_BYTES {
            return;
        }
        self.bytes += bytes.len();
        self.out.push(Shown { bytes, font });
    }
}

/// Whether a run's character codes are what an operator showed: one byte per code, or
/// two (a Type 0 font with Identity-H, as Word writes embedded fonts).
pub(crate) fn same_codes(codes: &[u32], bytes: &[u8]) -> bool {
    if codes.len() == bytes.len() {
        return codes.iter().zip(bytes).all(|(c, b)| *c == u32::from(*b));
    }
    codes.len() * 2 == bytes.len()
        && codes
            .iter()
            .zip(bytes.chunks_exact(2))
            .all(|(c, b)| *c == u32::from(b[0]) << 8 | u32::from(b[1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_say_bold_and_italic() {
        let s = |n: &str| {
            let s = style_of_name(n);
            (s.bold, s.italic)
        };
        assert_eq!(s("Times-Roman"), (false, false));
        assert_eq!(s("Times-Bold"), (true, false));
        assert_eq!(s("Times-Italic"), (false, true));
        assert_eq!(s("Times-BoldItalic"), (true, true));
        assert_eq!(s("TimesNewRomanPSMT"), (false, false));
        assert_eq!(s("TimesNewRomanPS-BoldMT"), (true, false));
        assert_eq!(s("TimesNewRomanPS-ItalicMT"), (false, true));
        assert_eq!(s("PEMAPM+TimesNewRomanPS-BoldItalicMT"), (true, true));
        assert_eq!(s("Arial,Bold"), (true, false));
        assert_eq!(s("Arial,BoldItalic"), (true, true));
        assert_eq!(s("MinionPro-It"), (false, true));
        assert_eq!(s("MinionPro-BoldIt"), (true, true));
        assert_eq!(s("Helvetica-Oblique"), (false, true));
        // "Italian"-like family names and a lone "it" inside a word are not italic.
        assert_eq!(s("Britannic"), (false, false));
        assert_eq!(s("ABCDEF+Calibri-Light"), (false, false));
        assert_eq!(s("ArialBold"), (true, false));
        assert_eq!(s("Academic"), (false, false));
        assert_eq!(s("Bodoni-Demi"), (true, false));
        assert_eq!(s("Myriad-SemiboldCond"), (true, false));
    }

    #[test]
    fn codes_pair_with_one_or_two_bytes() {
        assert!(same_codes(&[72, 105], b"Hi"));
        assert!(same_codes(&[0x0102, 0x0003], &[1, 2, 0, 3]));
        assert!(!same_codes(&[72, 104], b"Hi"));
        assert!(!same_codes(&[72], b"Hi!"));
    }
}
