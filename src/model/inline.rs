//! Inline content: text, emphasis, notes at their reference point, references to UN
//! documents, links.

use serde::{Deserialize, Serialize};

use super::{Block, Symbol};

/// A piece of inline content.
///
/// Canonical form, which every reader produces: no empty [`Inline::Text`], no two
/// [`Inline::Text`] side by side (see [`normalize_inlines`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Italic.
    Emphasis(Vec<Inline>),
    /// Bold.
    Strong(Vec<Inline>),
    /// Superscript (not a footnote mark: those are [`Inline::Note`]).
    Superscript(Vec<Inline>),
    /// Subscript.
    Subscript(Vec<Inline>),
    /// A footnote, anchored where it is referenced.
    Note(Note),
    /// A reference to a UN document by its symbol, recognized in the text.
    Ref(Reference),
    /// A hyperlink.
    Link(Link),
    /// A forced line break inside a paragraph.
    LineBreak,
}

/// A footnote: the marker as printed and its content.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// The marker as printed: "1", "*", "a".
    pub marker: String,
    /// The note's content.
    pub content: Vec<Block>,
}

/// A reference to a UN document in running text ("see A/HRC/19/74, para. 26").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// The symbol referred to; its printed form is the reference's text.
    pub symbol: Symbol,
}

/// A hyperlink.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The target URL.
    pub url: String,
    /// The link text.
    pub content: Vec<Inline>,
}

/// Puts inlines in canonical form: merges adjacent text, drops empty text and empty
/// emphasis/strong/superscript/subscript wrappers, recursively.
///
/// ```
/// use undocs::model::{Inline, normalize_inlines};
/// let mut v = vec![Inline::Text("a".into()), Inline::Text(String::new()), Inline::Text("b".into())];
/// normalize_inlines(&mut v);
/// assert_eq!(v, [Inline::Text("ab".into())]);
/// ```
pub fn normalize_inlines(v: &mut Vec<Inline>) {
    // (In place: the inlines kept move to the front, the rest is cut off the end. Most
    // runs are already canonical, and are not rebuilt.)
    let mut kept: usize = 0;
    for at in 0..v.len() {
        let Some(i) = v.get_mut(at) else { break };
        let gone = match i {
            Inline::Text(t) => t.is_empty(),
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c) => {
                normalize_inlines(c);
                c.is_empty()
            }
            Inline::Link(l) => {
                normalize_inlines(&mut l.content);
                false
            }
            Inline::Note(n) => {
                super::normalize_blocks(&mut n.content);
                false
            }
            _ => false,
        };
        if gone {
            continue;
        }
        let (before, from) = v.split_at_mut(at);
        if let (Some(Inline::Text(prev)), Some(Inline::Text(t))) = (
            kept.checked_sub(1).and_then(|k| before.get_mut(k)),
            from.first(),
        ) {
            if prev.capacity() - prev.len() < t.len() {
                // Room for the whole run of texts at once, not grown a piece at a time.
                let run: usize = from
                    .iter()
                    .map_while(|i| match i {
                        Inline::Text(t) => Some(t.len()),
                        _ => None,
                    })
                    .sum();
                prev.reserve_exact(run);
            }
            prev.push_str(t);
            continue;
        }
        v.swap(kept, at);
        kept += 1;
    }
    v.truncate(kept);
    // Text grown a piece at a time holds up to twice its length: a document holds its
    // text for as long as it lives, so the slack goes (most of a read's memory is text).
    for i in v.iter_mut() {
        if let Inline::Text(t) = i
            && t.capacity() > t.len() + t.len() / 8 + 16
        {
            t.shrink_to_fit();
        }
    }
    if v.capacity() > v.len() + 2 {
        v.shrink_to_fit();
    }
}

/// Gives back the room `v`'s vectors and texts grew beyond their contents (marks' notes
/// excepted, whose blocks are compacted where they are read): a reader keeps what it
/// built for the rest of the read, so a document's inlines are held at their size.
#[cfg_attr(
    not(any(feature = "text", feature = "docx", feature = "pdf")),
    allow(dead_code)
)]
pub(crate) fn compact(v: &mut Vec<Inline>) {
    for i in v.iter_mut() {
        match i {
            Inline::Text(t) => t.shrink_to_fit(),
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c) => compact(c),
            Inline::Link(l) => compact(&mut l.content),
            Inline::Note(_) | Inline::Ref(_) | Inline::LineBreak => {}
        }
    }
    v.shrink_to_fit();
}

/// The plain text of inlines, without notes (references give their symbol's printed form).
pub fn plain_text(v: &[Inline]) -> String {
    if let [Inline::Text(t)] = v {
        return t.clone();
    }
    // (Sized once: most inlines are text, and growing the string by doubling cost more
    // than the text it copied.)
    let mut s = String::with_capacity(plain_len(v));
    push_plain(v, &mut s);
    s
}

/// The plain text of lines of inlines, `sep` between lines: what joining their
/// [`plain_text`]s gives, built in one string.
#[cfg_attr(not(feature = "docx"), allow(dead_code))]
pub(crate) fn plain_text_joined(lines: &[Vec<Inline>], sep: &str) -> String {
    let len = lines.iter().map(|l| plain_len(l) + sep.len()).sum();
    let mut s = String::with_capacity(len);
    for (k, l) in lines.iter().enumerate() {
        if k > 0 {
            s.push_str(sep);
        }
        push_plain(l, &mut s);
    }
    s
}

/// About the length of [`plain_text`]'s result: exact for text and line breaks, a guess
/// for a UN symbol.
fn plain_len(v: &[Inline]) -> usize {
    v.iter()
        .map(|i| match i {
            Inline::Text(t) => t.len(),
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c) => plain_len(c),
            Inline::Link(l) => plain_len(&l.content),
            Inline::Ref(_) => 24,
            Inline::LineBreak => 1,
            Inline::Note(_) => 0,
        })
        .sum()
}

/// The start of the plain text of inlines ([`plain_text`]): at least its first `n` bytes
/// (all of it when it is shorter), for rules that look at how a text starts.
#[cfg_attr(
    not(any(feature = "text", feature = "docx", feature = "pdf")),
    allow(dead_code)
)]
pub(crate) fn plain_head(v: &[Inline], n: usize) -> String {
    fn go(v: &[Inline], n: usize, out: &mut String) {
        for i in v {
            if out.len() >= n {
                return;
            }
            match i {
                Inline::Text(t) => {
                    let mut k = (n - out.len()).min(t.len());
                    while !t.is_char_boundary(k) {
                        k += 1;
                    }
                    out.push_str(t.get(..k).unwrap_or(t));
                }
                Inline::Emphasis(c)
                | Inline::Strong(c)
                | Inline::Superscript(c)
                | Inline::Subscript(c) => go(c, n, out),
                Inline::Link(l) => go(&l.content, n, out),
                other => push_plain(std::slice::from_ref(other), out),
            }
        }
    }
    // (Sized for about `n` bytes, without walking the rest of the inlines: a character is
    // not cut, and a symbol is taken whole.)
    let mut s = String::with_capacity(n.min(256) + 4);
    go(v, n, &mut s);
    s
}

fn push_plain(v: &[Inline], out: &mut String) {
    for i in v {
        match i {
            Inline::Text(t) => out.push_str(t),
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c) => push_plain(c, out),
            Inline::Link(l) => push_plain(&l.content, out),
            Inline::Ref(r) => out.push_str(&r.symbol.to_string()),
            Inline::LineBreak => out.push('\n'),
            Inline::Note(_) => {}
        }
    }
}

/// Splits plain text into text and [`Inline::Ref`] wherever a UN symbol is recognized.
///
/// ```
/// use undocs::model::{Inline, link_symbols};
/// let v = link_symbols("see A/HRC/19/74, para. 26");
/// assert_eq!(v.len(), 3);
/// assert!(matches!(&v[1], Inline::Ref(r) if r.symbol.to_string() == "A/HRC/19/74"));
/// ```
pub fn link_symbols(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    split_symbols(text, super::find_symbols(text), &mut out);
    out
}

/// Text split at the symbols `found` in it ([`super::find_symbols`]), onto `out`.
pub(crate) fn split_symbols(
    text: &str,
    found: Vec<(std::ops::Range<usize>, super::Symbol)>,
    out: &mut Vec<Inline>,
) {
    let mut at = 0;
    for (range, symbol) in found {
        if range.start > at {
            out.push(Inline::Text(text[at..range.start].to_string()));
        }
        out.push(Inline::Ref(Reference { symbol }));
        at = range.end;
    }
    if at < text.len() {
        out.push(Inline::Text(text[at..].to_string()));
    }
}

/// Character formatting of a run: bold, italic, vertical alignment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunFormat {
    /// Bold ([`Inline::Strong`]).
    pub bold: bool,
    /// Italic ([`Inline::Emphasis`]).
    pub italic: bool,
    /// Superscript (`Some(true)`) or subscript (`Some(false)`).
    pub vertical: Option<bool>,
}

/// Flattens inlines into runs of leaves (text, references, line breaks, notes, links) with
/// their formatting, as word processors store them. Notes and links carry no formatting of
/// their own: formatting around a link moves inside it, around a note mark it is dropped.
pub fn flatten_runs(v: &[Inline]) -> Vec<(RunFormat, Inline)> {
    fn go(v: &[Inline], f: RunFormat, out: &mut Vec<(RunFormat, Inline)>) {
        for i in v {
            match i {
                Inline::Text(t) => {
                    if !t.is_empty() {
                        out.push((f, Inline::Text(t.clone())))
                    }
                }
                Inline::Strong(c) => go(c, RunFormat { bold: true, ..f }, out),
                Inline::Emphasis(c) => go(c, RunFormat { italic: true, ..f }, out),
                Inline::Superscript(c) => go(
                    c,
                    RunFormat {
                        vertical: Some(true),
                        ..f
                    },
                    out,
                ),
                Inline::Subscript(c) => go(
                    c,
                    RunFormat {
                        vertical: Some(false),
                        ..f
                    },
                    out,
                ),
                Inline::Ref(_) | Inline::LineBreak => out.push((f, i.clone())),
                Inline::Note(n) => {
                    let mut n = n.clone();
                    super::canonical_blocks(&mut n.content);
                    out.push((RunFormat::default(), Inline::Note(n)))
                }
                Inline::Link(l) => {
                    let mut inner = Vec::new();
                    go(&l.content, f, &mut inner);
                    out.push((
                        RunFormat::default(),
                        Inline::Link(Link {
                            url: l.url.clone(),
                            content: build_runs(inner),
                        }),
                    ))
                }
            }
        }
    }
    let mut out = Vec::new();
    go(v, RunFormat::default(), &mut out);
    out
}

/// Builds inlines from formatted runs in canonical nesting: [`Inline::Strong`] outside
/// [`Inline::Emphasis`] outside superscript or subscript; adjacent text merged.
pub fn build_runs(runs: Vec<(RunFormat, Inline)>) -> Vec<Inline> {
    fn key(f: &RunFormat, depth: u8) -> u8 {
        match depth {
            0 => f.bold as u8,
            1 => f.italic as u8,
            _ => match f.vertical {
                None => 0,
                Some(true) => 1,
                Some(false) => 2,
            },
        }
    }
    fn wrap(k: u8, depth: u8, group: Vec<(RunFormat, Inline)>, out: &mut Vec<Inline>) {
        let inner = level(group, depth + 1);
        match (depth, k) {
            (_, 0) => out.extend(inner),
            (0, _) => out.push(Inline::Strong(inner)),
            (1, _) => out.push(Inline::Emphasis(inner)),
            (_, 1) => out.push(Inline::Superscript(inner)),
            _ => out.push(Inline::Subscript(inner)),
        }
    }
    // The runs are moved, never copied, into the groups of each level.
    fn level(runs: Vec<(RunFormat, Inline)>, depth: u8) -> Vec<Inline> {
        if depth == 3 {
            let mut v: Vec<Inline> = runs.into_iter().map(|(_, i)| i).collect();
            normalize_inlines(&mut v);
            return v;
        }
        // (Runs all of one key, the common case, are one group: not split and gathered
        // again.)
        let uniform = runs.split_first().and_then(|(first, rest)| {
            let k = key(&first.0, depth);
            rest.iter().all(|r| key(&r.0, depth) == k).then_some(k)
        });
        match uniform {
            Some(0) => return level(runs, depth + 1),
            Some(k) => {
                let mut out = Vec::with_capacity(1);
                wrap(k, depth, runs, &mut out);
                return out;
            }
            None => {}
        }
        let mut out = Vec::new();
        let mut group = Vec::new();
        let mut current: Option<u8> = None;
        for r in runs {
            let k = key(&r.0, depth);
            if let Some(c) = current.filter(|&c| c != k) {
                wrap(c, depth, std::mem::take(&mut group), &mut out);
            }
            current = Some(k);
            group.push(r);
        }
        if let Some(c) = current {
            wrap(c, depth, group, &mut out);
        }
        out
    }
    let mut v = level(runs, 0);
    normalize_inlines(&mut v);
    v
}

/// Puts formatting in the canonical form that word processors can carry: the inlines are
/// flattened into runs of leaves with their formatting (as Word stores them; formatting
/// around a link moves inside it, around a note mark it is dropped) and rebuilt with bold
/// outside italic outside superscript or subscript, adjacent text merged.
///
/// ```
/// use undocs::model::{Inline, canonical_formatting};
/// let mut v = vec![Inline::Emphasis(vec![Inline::Strong(vec![Inline::Text("a".into())])]), Inline::Strong(vec![Inline::Text("b".into())])];
/// canonical_formatting(&mut v);
/// assert_eq!(v, [Inline::Strong(vec![Inline::Emphasis(vec![Inline::Text("a".into())]), Inline::Text("b".into())])]);
/// ```
pub fn canonical_formatting(v: &mut Vec<Inline>) {
    *v = build_runs(flatten_runs(v));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn plain_text_joined_is_the_lines_plain_texts_joined() {
        let lines = vec![
            vec![
                Inline::Strong(vec![Inline::Text("12.".into())]),
                Inline::Text(" See ".into()),
            ],
            link_symbols("A/HRC/31/81 and S/RES/1244 (1999)"),
            vec![],
            vec![Inline::LineBreak, Inline::Text("é".into())],
        ];
        let want = lines.iter().map(|l| plain_text(l)).collect::<Vec<_>>();
        for sep in [" ", "", "\n"] {
            assert_eq!(plain_text_joined(&lines, sep), want.join(sep));
        }
        assert_eq!(plain_text_joined(&[], " "), "");
        // The start of a text: whole characters, at least `n` bytes of it.
        assert_eq!(plain_head(&lines[3], 2), "\né");
        assert_eq!(plain_head(&lines[1], 4), "A/HRC/31/81");
    }

    /// The rebuilding form [`normalize_inlines`] had before it worked in place: the oracle
    /// the in-place form is checked against.
    fn normalized_by_rebuilding(v: Vec<Inline>) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        for mut i in v {
            match &mut i {
                Inline::Text(t) if t.is_empty() => continue,
                Inline::Emphasis(c)
                | Inline::Strong(c)
                | Inline::Superscript(c)
                | Inline::Subscript(c) => {
                    *c = normalized_by_rebuilding(std::mem::take(c));
                    if c.is_empty() {
                        continue;
                    }
                }
                Inline::Link(l) => {
                    l.content = normalized_by_rebuilding(std::mem::take(&mut l.content))
                }
                _ => {}
            }
            if let (Some(Inline::Text(prev)), Inline::Text(t)) = (out.last_mut(), &i) {
                prev.push_str(t);
                continue;
            }
            out.push(i);
        }
        out
    }

    /// Inlines far from canonical: empty texts, texts side by side, empty wrappers.
    fn raw_inlines() -> impl Strategy<Value = Vec<Inline>> {
        let leaf = prop_oneof![
            prop::sample::select(vec!["", "a", " b ", "see A/HRC/31/81", "é", ""])
                .prop_map(|s| Inline::Text(s.to_string())),
            Just(Inline::LineBreak),
        ];
        let inline = leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Inline::Emphasis),
                prop::collection::vec(inner.clone(), 0..4).prop_map(Inline::Strong),
                prop::collection::vec(inner.clone(), 0..3).prop_map(Inline::Superscript),
                prop::collection::vec(inner.clone(), 0..3).prop_map(Inline::Subscript),
                prop::collection::vec(inner, 0..3).prop_map(|content| Inline::Link(Link {
                    url: "https://un.org".into(),
                    content,
                })),
            ]
        });
        prop::collection::vec(inline, 0..8)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn in_place_normalizing_agrees_with_rebuilding(v in raw_inlines()) {
            let want = normalized_by_rebuilding(v.clone());
            let mut got = v;
            normalize_inlines(&mut got);
            prop_assert_eq!(got, want);
        }

        #[test]
        fn the_head_of_plain_text_is_its_start(v in raw_inlines(), n in 0usize..40) {
            let all = plain_text(&v);
            let head = plain_head(&v, n);
            prop_assert!(all.starts_with(&head), "{head:?} / {all:?}");
            prop_assert!(head.len() >= n.min(all.len()), "{n}: {head:?} / {all:?}");
        }
    }

    #[test]
    fn text_split_at_symbols_keeps_every_byte() {
        let text = "see A/HRC/31/81 and S/RES/1244 (1999).";
        let mut out = Vec::new();
        split_symbols(text, super::super::find_symbols(text), &mut out);
        assert_eq!(out.len(), 5, "{out:?}");
        assert_eq!(plain_text(&out), text);
    }
}
