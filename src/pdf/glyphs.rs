//! A page's glyphs as the page shows them: where each stands (x, baseline y from the top, in
//! points), its size, its text; and the thin horizontal rules (the separator above
//! footnotes). Collected with hayro-interpret as a [`Device`]: there is no text API, so
//! every glyph run drawn is taken apart. Text drawn twice (fill and stroke) is kept once;
//! invisible text (an OCR layer) is kept.

use hayro_interpret::font::GlyphRun;
use hayro_interpret::kurbo::{Affine, BezPath, Point, Shape};
use hayro_interpret::{
    BlendMode, ClipPath, Device, DrawMode, DrawProps, Image, ImageDrawProps, SoftMask,
};

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
    pub text: String,
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

/// The collector.
#[derive(Default)]
pub(crate) struct Collector {
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    /// Glyphs whose text could not be found (no ToUnicode, no glyph name).
    pub unmapped: usize,
    /// Whether glyphs were dropped at [`MAX_GLYPHS`].
    pub truncated: bool,
}

fn scale_of(t: Affine) -> f64 {
    let c = t.as_coeffs();
    (c[2] * c[2] + c[3] * c[3]).sqrt()
}

impl<'a> Device<'a> for Collector {
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
        // Fill and stroke draw the same run twice: the stroke is not text again.
        if matches!(mode, DrawMode::Stroke(_)) {
            return;
        }
        for g in run.glyphs() {
            if self.glyphs.len() >= MAX_GLYPHS {
                self.truncated = true;
                return;
            }
            let t = props.transform * g.transform();
            let origin = t * Point::new(0.0, 0.0);
            // The glyph transform maps 1000 font units to the size.
            let size = scale_of(t) * 1000.0;
            let text = match g.as_unicode() {
                Some(hayro_interpret::hayro_cmap::BfString::Char(c)) => c.to_string(),
                Some(hayro_interpret::hayro_cmap::BfString::String(s)) => s,
                None => {
                    self.unmapped += 1;
                    continue;
                }
            };
            let advance = match &**g {
                hayro_interpret::font::Glyph::Outline(o) => o
                    .advance_width()
                    .map_or(0.0, |w| f64::from(w) / 1000.0 * size),
                hayro_interpret::font::Glyph::Type3(t3) => t3
                    .advance_width()
                    .map_or(0.0, |w| f64::from(w) / 1000.0 * size),
            };
            if !size.is_finite() || !origin.x.is_finite() || !origin.y.is_finite() {
                continue;
            }
            self.glyphs.push(Glyph {
                x: origin.x,
                y: origin.y,
                size,
                advance,
                text,
            });
        }
    }

    fn draw_image(&mut self, _: Image<'a, '_>, _: ImageDrawProps<'a>) {}

    fn pop_clip(&mut self) {}

    fn pop_transparency_group(&mut self) {}
}
