//! The PDF writer's fonts: Liberation Serif (metric-compatible with Times New Roman, the UN's
//! font; SIL OFL 1.1, shipped in `fonts/`) in its four faces, then the fonts given in
//! [`WriteOptions::fonts`](crate::WriteOptions), then the system's fonts, for characters the
//! faces before do not cover. Each character is looked up once per face and cached.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use skrifa::raw::{FileRef, TableProvider};

/// One of the four faces of the shipped serif font.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Face {
    Regular = 0,
    Bold = 1,
    Italic = 2,
    BoldItalic = 3,
}

impl Face {
    pub(crate) fn of(bold: bool, italic: bool) -> Face {
        match (bold, italic) {
            (false, false) => Face::Regular,
            (true, false) => Face::Bold,
            (false, true) => Face::Italic,
            (true, true) => Face::BoldItalic,
        }
    }
}

const SHIPPED: [&[u8]; 4] = [
    include_bytes!("../../../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// A shaped glyph: its id, its advance in ems, its cluster as a byte range of the word.
pub(crate) type Shaped = (u16, f32, std::ops::Range<usize>);

/// Code points below this are cached in an array.
const FAST: usize = 2048;

/// Index of a loaded font: 0–3 are the shipped faces, later ones fallbacks.
pub(crate) type FontId = usize;

/// A glyph of a character: the font that has it, its id, its advance in ems.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Mapped {
    pub font: FontId,
    pub gid: u16,
    pub advance: f32,
}

/// A font file's bytes: shipped (static) or given.
pub(crate) type Bytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

struct Loaded {
    data: Bytes,
    /// krilla's handle, made when the font is first drawn.
    pdf: Option<krilla::text::Font>,
    /// Whether it is a bold face (OS/2 weight 600 or more).
    bold: bool,
}

/// Whether a font file is a bold face: its OS/2 weight class is 600 or more.
fn weight_bold(data: &[u8]) -> bool {
    let font = match FileRef::new(data) {
        Ok(FileRef::Font(f)) => Some(f),
        Ok(FileRef::Collection(c)) => c.get(0).ok(),
        Err(_) => None,
    };
    font.and_then(|f| f.os2().ok())
        .is_some_and(|o| o.us_weight_class() >= 600)
}

/// The fonts of one PDF being written.
pub(crate) struct Fonts {
    loaded: Vec<Loaded>,
    /// The system's font files, tried in order after the given ones.
    pending: Vec<PathBuf>,
    /// Those loaded (after the shipped and given fonts, in this order).
    system_loaded: Vec<PathBuf>,
    /// How many fonts were given.
    extra: usize,
    cache: HashMap<(Face, char), Option<Mapped>>,
    /// The same for the first 2,048 code points (Latin, Greek, Cyrillic), by face: looked
    /// up for every character set, so without hashing. `None` inside: not looked up yet.
    fast: Vec<Option<Option<Mapped>>>,
    /// Characters no font covers.
    pub missing: BTreeSet<char>,
}

/// Characters drawn as nothing when no font has them: they have no visible form.
pub(crate) fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}'
    )
}

fn lookup(data: &[u8], c: char) -> Option<(u16, f32)> {
    let font = match FileRef::new(data).ok()? {
        FileRef::Font(f) => f,
        FileRef::Collection(c) => c.get(0).ok()?,
    };
    let gid = font.charmap().map(c)?;
    if gid.to_u32() == 0 {
        return None;
    }
    let upem = f32::from(font.head().ok()?.units_per_em().max(1));
    let adv = font
        .glyph_metrics(Size::unscaled(), LocationRef::default())
        .advance_width(gid)
        .unwrap_or(0.0);
    Some((u16::try_from(gid.to_u32()).ok()?, adv / upem))
}

/// The system's font files (TrueType and OpenType), listed once per process.
fn system_fonts() -> &'static [PathBuf] {
    static LIST: OnceLock<Vec<PathBuf>> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut out = Vec::new();
        let mut dirs: Vec<PathBuf> = ["/usr/share/fonts", "/usr/local/share/fonts"]
            .iter()
            .map(PathBuf::from)
            .collect();
        if let Some(home) = std::env::var_os("HOME") {
            dirs.push(PathBuf::from(home).join(".local/share/fonts"));
        }
        // Depth-limited walk; the order is sorted so that output does not depend on the
        // file system's.
        let mut stack: Vec<(PathBuf, usize)> = dirs.into_iter().map(|d| (d, 0)).collect();
        while let Some((dir, depth)) = stack.pop() {
            let Ok(rd) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() && depth < 6 {
                    stack.push((p, depth + 1));
                } else if p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    matches!(e.to_ascii_lowercase().as_str(), "ttf" | "otf" | "ttc")
                }) {
                    out.push(p);
                }
            }
        }
        out.sort();
        out
    })
}

/// Whether the system font at `path` has a glyph for `c`: its character map is read once
/// per process and kept as ranges.
fn system_covers(path: &PathBuf, c: char) -> bool {
    use std::collections::HashMap as Map;
    use std::sync::Mutex;
    type Ranges = Vec<(u32, u32)>;
    static COVERAGE: OnceLock<Mutex<Map<PathBuf, Ranges>>> = OnceLock::new();
    let cache = COVERAGE.get_or_init(|| Mutex::new(Map::new()));
    let Ok(mut cache) = cache.lock() else {
        return false;
    };
    let ranges = cache.entry(path.clone()).or_insert_with(|| {
        let Ok(data) = std::fs::read(path) else {
            return Vec::new();
        };
        let font = match FileRef::new(&data) {
            Ok(FileRef::Font(f)) => f,
            Ok(FileRef::Collection(c)) => match c.get(0) {
                Ok(f) => f,
                Err(_) => return Vec::new(),
            },
            Err(_) => return Vec::new(),
        };
        let mut codes: Vec<u32> = font.charmap().mappings().map(|(c, _)| c).collect();
        codes.sort_unstable();
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for c in codes {
            match ranges.last_mut() {
                Some(r) if c <= r.1 + 1 => r.1 = r.1.max(c),
                _ => ranges.push((c, c)),
            }
        }
        ranges
    });
    let c = c as u32;
    let i = ranges.partition_point(|r| r.1 < c);
    ranges.get(i).is_some_and(|r| r.0 <= c)
}

impl Fonts {
    /// The shipped faces, then `extra` (font files' bytes), then the system's fonts.
    pub(crate) fn new(extra: &[Bytes], system: bool) -> Fonts {
        let mut loaded: Vec<Loaded> = SHIPPED
            .iter()
            .enumerate()
            .map(|(i, b)| Loaded {
                data: Arc::new(*b) as Bytes,
                pdf: None,
                bold: i == Face::Bold as usize || i == Face::BoldItalic as usize,
            })
            .collect();
        loaded.extend(extra.iter().map(|d| Loaded {
            data: d.clone(),
            pdf: None,
            bold: weight_bold((**d).as_ref()),
        }));
        Fonts {
            loaded,
            system_loaded: Vec::new(),
            extra: extra.len(),
            pending: if system {
                system_fonts().to_vec()
            } else {
                Vec::new()
            },
            cache: HashMap::new(),
            fast: vec![None; 4 * FAST],
            missing: BTreeSet::new(),
        }
    }

    /// The glyph of `c` in font `id` itself, if it has one.
    pub(crate) fn glyph_in(&self, id: FontId, c: char) -> Option<u16> {
        lookup((*self.loaded.get(id)?.data).as_ref(), c).map(|(gid, _)| gid)
    }

    /// Whether font `id` is a bold face: text asked in bold in a font that is not (a
    /// Chinese or Arabic system font with no bold face) is emboldened by stroking.
    pub(crate) fn is_bold(&self, id: FontId) -> bool {
        self.loaded.get(id).is_some_and(|l| l.bold)
    }

    /// The glyph for `c` in `face`, or in the first fallback that has it; `None` (and the
    /// character noted as missing) when no font has it.
    pub(crate) fn map(&mut self, face: Face, c: char) -> Option<Mapped> {
        let slot = (c as usize) < FAST;
        let at = face as usize * FAST + c as usize;
        if slot && let Some(Some(m)) = self.fast.get(at) {
            return *m;
        }
        if !slot && let Some(m) = self.cache.get(&(face, c)) {
            return *m;
        }
        let found = self.find(face, c);
        if found.is_none() && !invisible(c) {
            self.missing.insert(c);
        }
        if slot {
            if let Some(f) = self.fast.get_mut(at) {
                *f = Some(found);
            }
        } else {
            self.cache.insert((face, c), found);
        }
        found
    }

    fn find(&mut self, face: Face, c: char) -> Option<Mapped> {
        let first = face as usize;
        // The face's own font, then the given ones (the system's come below, in the order
        // of their style).
        let order = std::iter::once(first).chain(4..4 + self.extra);
        for i in order {
            if let Some((gid, advance)) = lookup((*self.loaded[i].data).as_ref(), c) {
                return Some(Mapped {
                    font: i,
                    gid,
                    advance,
                });
            }
        }
        // A regular face for a styled one before any system font.
        if first != 0
            && let Some((gid, advance)) = lookup((*self.loaded[0].data).as_ref(), c)
        {
            return Some(Mapped {
                font: 0,
                gid,
                advance,
            });
        }
        // The system's fonts: each one's coverage is read once per process; a font is
        // loaded only when it has the character.
        // The system's fonts whose style (by file name) is the face's first: regular text
        // in a regular font, not in the first bold one that covers it.
        let want = (
            matches!(face, Face::Bold | Face::BoldItalic),
            matches!(face, Face::Italic | Face::BoldItalic),
        );
        let style = |p: &PathBuf| {
            let n = p
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            (
                n.contains("bold"),
                n.contains("italic") || n.contains("oblique"),
            )
        };
        let mut ks: Vec<usize> = (0..self.pending.len()).collect();
        ks.sort_by_key(|&k| style(&self.pending[k]) != want);
        for k in ks {
            let path = self.pending[k].clone();
            if !system_covers(&path, c) {
                continue;
            }
            if let Some(i) = self.system_loaded.iter().position(|p| *p == path) {
                // (Loaded already, for another character or face.)
                let font = 4 + self.extra + i;
                if let Some((gid, advance)) = lookup((*self.loaded[font].data).as_ref(), c) {
                    return Some(Mapped { font, gid, advance });
                }
                continue;
            }
            let Ok(data) = std::fs::read(&path) else {
                continue;
            };
            if let Some((gid, advance)) = lookup(&data, c) {
                let bold = weight_bold(&data);
                self.loaded.push(Loaded {
                    data: Arc::new(data) as Bytes,
                    pdf: None,
                    bold,
                });
                self.system_loaded.push(path);
                return Some(Mapped {
                    font: self.loaded.len() - 1,
                    gid,
                    advance,
                });
            }
        }
        None
    }

    /// Shapes a right-to-left word with font `id` (rustybuzz): its glyphs in visual order,
    /// each with its advance in ems and its cluster as a byte range of `word`. A glyph the
    /// font lacks (id 0) notes its characters as missing.
    pub(crate) fn shape(
        &mut self,
        id: FontId,
        word: &str,
    ) -> Vec<(u16, f32, std::ops::Range<usize>)> {
        let Some(l) = self.loaded.get(id) else {
            return Vec::new();
        };
        let data: &[u8] = (*l.data).as_ref();
        let Some(face) = rustybuzz::Face::from_slice(data, 0) else {
            return Vec::new();
        };
        let upem = f32::from(face.units_per_em().max(1) as u16);
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(word);
        buffer.set_direction(rustybuzz::Direction::RightToLeft);
        buffer.guess_segment_properties();
        let out = rustybuzz::shape(&face, &[], buffer);
        let infos = out.glyph_infos();
        let positions = out.glyph_positions();
        // A cluster runs to the next cluster's start in logical order.
        let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
        starts.sort_unstable();
        starts.dedup();
        let mut glyphs = Vec::with_capacity(infos.len());
        for (info, pos) in infos.iter().zip(positions) {
            let start = (info.cluster as usize).min(word.len());
            let end = starts
                .iter()
                .copied()
                .find(|s| *s > start)
                .unwrap_or(word.len());
            if info.glyph_id == 0 {
                for c in word.get(start..end).unwrap_or("").chars() {
                    if !invisible(c) {
                        self.missing.insert(c);
                    }
                }
            }
            glyphs.push((
                u16::try_from(info.glyph_id).unwrap_or(0),
                pos.x_advance as f32 / upem,
                start..end,
            ));
        }
        glyphs
    }

    /// How many fonts there are: the next one loaded takes this id.
    pub(crate) fn count(&self) -> usize {
        self.loaded.len()
    }

    /// The files of the fonts from id `from` on, in id order (for [`Fonts::adopt`]).
    pub(crate) fn loaded_from(&self, from: usize) -> Vec<Bytes> {
        self.loaded
            .get(from..)
            .unwrap_or_default()
            .iter()
            .map(|l| l.data.clone())
            .collect()
    }

    /// Takes a font file another `Fonts` loaded, at the next id: the id it has there when
    /// both started alike and this one takes every font the other loaded, in order (glyphs
    /// set there are drawn here). It is not searched for characters ([`Fonts::map`]).
    pub(crate) fn adopt(&mut self, data: Bytes) {
        let bold = weight_bold((*data).as_ref());
        self.loaded.push(Loaded {
            data,
            pdf: None,
            bold,
        });
    }

    /// krilla's handle of font `id`.
    pub(crate) fn pdf_font(&mut self, id: FontId) -> Option<krilla::text::Font> {
        let l = self.loaded.get_mut(id)?;
        if l.pdf.is_none() {
            l.pdf = krilla::text::Font::new(krilla::Data::from(l.data.clone()), 0);
        }
        l.pdf.clone()
    }
}

pub(crate) use crate::model::words::right_to_left;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_faces_have_latin_and_cyrillic_with_times_widths() {
        let mut f = Fonts::new(&[], false);
        // Times New Roman's advance of "m" is 1591/2048 em; Liberation Serif matches it.
        let m = f.map(Face::Regular, 'm').unwrap();
        assert_eq!(m.font, 0);
        assert!((m.advance - 1593.0 / 2048.0).abs() < 0.01, "{}", m.advance);
        let b = f.map(Face::Bold, 'ж').unwrap();
        assert_eq!(b.font, 1);
        assert!(f.missing.is_empty());
    }

    #[test]
    fn uncovered_characters_are_noted_without_system_fonts() {
        let mut f = Fonts::new(&[], false);
        assert_eq!(f.map(Face::Regular, '理'), None);
        f.map(Face::Regular, '\u{200B}');
        assert_eq!(f.missing.iter().collect::<String>(), "理");
    }
}
