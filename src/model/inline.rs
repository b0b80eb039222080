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
    let old = std::mem::take(v);
    for mut i in old {
        match &mut i {
            Inline::Text(t) if t.is_empty() => continue,
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c) => {
                normalize_inlines(c);
                if c.is_empty() {
                    continue;
                }
            }
            Inline::Link(l) => normalize_inlines(&mut l.content),
            Inline::Note(n) => super::normalize_blocks(&mut n.content),
            _ => {}
        }
        if let (Some(Inline::Text(prev)), Inline::Text(t)) = (v.last_mut(), &i) {
            prev.push_str(t);
            continue;
        }
        v.push(i);
    }
}

/// The plain text of inlines, without notes (references give their symbol's printed form).
pub fn plain_text(v: &[Inline]) -> String {
    let mut s = String::new();
    push_plain(v, &mut s);
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
    let mut at = 0;
    for (range, symbol) in super::find_symbols(text) {
        if range.start > at {
            out.push(Inline::Text(text[at..range.start].to_string()));
        }
        out.push(Inline::Ref(Reference { symbol }));
        at = range.end;
    }
    if at < text.len() {
        out.push(Inline::Text(text[at..].to_string()));
    }
    out
}
