//! AKN4UN naming: document class, work/expression/manifestation IRIs, actors, eIds.

use std::collections::HashSet;

use crate::model::{DocKind, Meta, Symbol};

/// The Akoma Ntoso document class for a kind (AKN4UN "Document classes").
pub fn class(kind: Option<&DocKind>) -> &'static str {
    match kind {
        Some(DocKind::Resolution | DocKind::Decision) => "statement",
        Some(DocKind::VerbatimRecord | DocKind::SummaryRecord | DocKind::Agenda) => "debateReport",
        _ => "doc",
    }
}

/// The `@name` of the document element: the kind, or "document" when it is not known.
pub fn class_name(kind: Option<&DocKind>) -> &str {
    kind.map(DocKind::as_str).unwrap_or("document")
}

fn organ_code(organ: &str) -> Option<&'static str> {
    let o = organ.trim().to_lowercase();
    Some(match o.as_str() {
        "general assembly" => "ga",
        "security council" => "sc",
        "economic and social council" => "ecosoc",
        "trusteeship council" => "tc",
        "secretariat" => "st",
        "international court of justice" => "icj",
        _ => return None,
    })
}

/// Lowercase initials of the capitalized words: "Human Rights Council" → "hrc".
fn initials(s: &str) -> String {
    s.split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// The actor of the work IRI: `un-ga`, `un-ga-hrc`, `un-sc`….
pub fn actor(meta: &Meta) -> String {
    let mut parts = vec!["un".to_string()];
    if let Some(o) = meta.organ.as_deref() {
        let code = organ_code(o)
            .map(str::to_string)
            .unwrap_or_else(|| initials(o));
        if !code.is_empty() {
            parts.push(code);
        }
    }
    if let Some(b) = meta.subsidiary_body.as_deref() {
        let code = initials(b);
        if !code.is_empty() {
            parts.push(code);
        }
    }
    parts.join("-")
}

/// The number part of IRIs: the first symbol's AKN form, or `unnumbered`.
pub fn number(symbols: &[Symbol]) -> String {
    symbols
        .first()
        .map(|s| uri_safe(&s.akn_number()))
        .unwrap_or_else(|| "unnumbered".into())
}

/// Percent-encodes what may not stand in a URI path (the parentheses and dots of symbols
/// may).
pub fn uri_safe(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || "-._~()!$&'*+,;=:@".contains(c) {
            out.push(c);
        } else {
            let mut b = [0u8; 4];
            for byte in c.encode_utf8(&mut b).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

/// The IRI a reference to a symbol points to: the work of that number, class unknown.
pub fn symbol_href(s: &Symbol) -> String {
    format!("/akn/un/doc/{}", uri_safe(&s.akn_number()))
}

/// Unique eIds following the Akoma Ntoso naming convention: `chp_I__sec_A__para_13`.
#[derive(Default)]
pub struct EIds {
    used: HashSet<String>,
}

impl EIds {
    /// Marks an id as taken (ids of the metadata).
    pub fn reserve(&mut self, id: &str) {
        self.used.insert(id.to_string());
    }

    /// An eId for an element of `abbr` ("chp", "para"…) under `parent`, numbered by `num`
    /// (as printed; "I." gives "I", "(a)" gives "a") or by `pos` when it has none.
    pub fn make(&mut self, parent: &str, abbr: &str, num: Option<&str>, pos: usize) -> String {
        let n: String = num
            .map(|n| {
                n.chars()
                    .filter(|c| c.is_alphanumeric() || *c == '.' || *c == '-')
                    .collect::<String>()
            })
            .map(|n| n.trim_matches('.').to_string())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| format!("{pos}"));
        let base = if parent.is_empty() {
            format!("{abbr}_{n}")
        } else {
            format!("{parent}__{abbr}_{n}")
        };
        let mut id = base.clone();
        let mut k = 2;
        while !self.used.insert(id.clone()) {
            id = format!("{base}-{k}");
            k += 1;
        }
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_and_ids() {
        let m = Meta {
            organ: Some("General Assembly".into()),
            subsidiary_body: Some("Human Rights Council".into()),
            ..Meta::default()
        };
        assert_eq!(actor(&m), "un-ga-hrc");
        let mut e = EIds::default();
        assert_eq!(e.make("", "chp", Some("I."), 1), "chp_I");
        assert_eq!(e.make("chp_I", "para", Some("1."), 1), "chp_I__para_1");
        assert_eq!(e.make("chp_I", "para", Some("1."), 2), "chp_I__para_1-2");
        assert_eq!(e.make("", "hcontainer", None, 3), "hcontainer_3");
        let s: Symbol = "A/80/6 (Sect. 24)".parse().unwrap();
        assert_eq!(symbol_href(&s), "/akn/un/doc/A-80-6_(Sect._24)");
    }
}
