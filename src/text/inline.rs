//! The readers' small inline markup into model inlines: `**strong**`, `*emphasis*`,
//! `<sup>x</sup>` (a footnote mark, or superscript when no note has that marker),
//! `<sub>x</sub>`, backslash escapes. (Symbols become references in the recognizer.)

use crate::model::{Block, Inline, Note, normalize_inlines};

#[derive(Debug, PartialEq)]
enum Tok {
    Text(String),
    Strong,
    Em,
    Sup(String),
    Sub(String),
}

fn tokens(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = s;
    let push_text = |text: &mut String, out: &mut Vec<Tok>| {
        if !text.is_empty() {
            out.push(Tok::Text(std::mem::take(text)));
        }
    };
    while let Some(c) = rest.chars().next() {
        // Plain text up to the next markup character, in one piece.
        if !matches!(c, '\\' | '*' | '<') {
            let end = rest.find(['\\', '*', '<']).unwrap_or(rest.len());
            text.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        if c == '\\' {
            let mut it = rest[1..].chars();
            match it.next() {
                Some(n) if n.is_ascii_punctuation() => {
                    text.push(n);
                    rest = &rest[1 + n.len_utf8()..];
                }
                _ => {
                    text.push('\\');
                    rest = &rest[1..];
                }
            }
            continue;
        }
        if let Some(r) = rest.strip_prefix("**") {
            push_text(&mut text, &mut out);
            out.push(Tok::Strong);
            rest = r;
            continue;
        }
        if let Some(r) = rest.strip_prefix('*') {
            push_text(&mut text, &mut out);
            out.push(Tok::Em);
            rest = r;
            continue;
        }
        let mut tagged = false;
        for (open, close, sup) in [("<sup>", "</sup>", true), ("<sub>", "</sub>", false)] {
            if let Some(r) = rest.strip_prefix(open)
                && let Some(end) = r.find(close).filter(|&e| e <= 40)
            {
                push_text(&mut text, &mut out);
                let inner = r[..end].to_string();
                out.push(if sup {
                    Tok::Sup(inner)
                } else {
                    Tok::Sub(inner)
                });
                rest = &r[end + close.len()..];
                tagged = true;
                break;
            }
        }
        if !tagged {
            text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    push_text(&mut text, &mut out);
    out
}

/// Parses inline markup. `note` is asked for the content of the note with a marker when a
/// `<sup>` mark is met; `None` leaves the mark as superscript text.
pub(crate) fn parse(s: &str, note: &mut dyn FnMut(&str) -> Option<Vec<Block>>) -> Vec<Inline> {
    let toks = tokens(s);
    // Which delimiters have a partner: pair them left to right.
    let mut paired = vec![false; toks.len()];
    for kind in [Tok::Strong, Tok::Em] {
        let idx: Vec<usize> = toks
            .iter()
            .enumerate()
            .filter(|(_, t)| **t == kind)
            .map(|(i, _)| i)
            .collect();
        for pair in idx.chunks(2) {
            if let [a, b] = pair {
                paired[*a] = true;
                paired[*b] = true;
            }
        }
    }
    // Build with a stack of open containers.
    let mut stack: Vec<(Option<bool>, Vec<Inline>)> = vec![(None, Vec::new())];
    let mut toks: Vec<Option<Tok>> = toks.into_iter().map(Some).collect();
    // "***" closing an emphasis inside strong comes out as Strong, Em: swap them when the
    // emphasis is the one open on top.
    for i in 0..toks.len().saturating_sub(1) {
        if toks[i] == Some(Tok::Strong)
            && toks[i + 1] == Some(Tok::Em)
            && paired[i]
            && paired[i + 1]
        {
            let em_open = toks[..i].iter().filter(|t| **t == Some(Tok::Em)).count() % 2 == 1;
            if em_open {
                toks.swap(i, i + 1);
            }
        }
    }
    for (i, t) in toks.into_iter().enumerate() {
        let Some(t) = t else { continue };
        let top = |stack: &mut Vec<(Option<bool>, Vec<Inline>)>| -> usize { stack.len() - 1 };
        match t {
            Tok::Text(x) => {
                let at = top(&mut stack);
                stack[at].1.push(Inline::Text(x))
            }
            Tok::Strong | Tok::Em => {
                let strong = t == Tok::Strong;
                let lit = if strong { "**" } else { "*" };
                if !paired[i] {
                    let at = top(&mut stack);
                    stack[at].1.push(Inline::Text(lit.into()));
                } else if stack.last().is_some_and(|(k, _)| *k == Some(strong)) {
                    if let Some((_, content)) = stack.pop() {
                        let at = top(&mut stack);
                        stack[at].1.push(if strong {
                            Inline::Strong(content)
                        } else {
                            Inline::Emphasis(content)
                        });
                    }
                } else {
                    stack.push((Some(strong), Vec::new()));
                }
            }
            Tok::Sup(m) => {
                let marker = m.trim();
                let inl = match note(marker) {
                    Some(content) => Inline::Note(Note {
                        marker: marker.to_string(),
                        content,
                    }),
                    None => Inline::Superscript(vec![Inline::Text(m)]),
                };
                let at = top(&mut stack);
                stack[at].1.push(inl);
            }
            Tok::Sub(m) => {
                let at = top(&mut stack);
                stack[at].1.push(Inline::Subscript(vec![Inline::Text(m)]));
            }
        }
    }
    // Close anything left open (mismatched nesting): as plain content.
    while stack.len() > 1 {
        if let Some((k, content)) = stack.pop() {
            let at = stack.len() - 1;
            stack[at].1.push(Inline::Text(
                if k == Some(true) { "**" } else { "*" }.into(),
            ));
            stack[at].1.extend(content);
        }
    }
    let mut v = stack.pop().map(|(_, v)| v).unwrap_or_default();
    normalize_inlines(&mut v);
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, plain_text};

    fn no_notes(_: &str) -> Option<Vec<Block>> {
        None
    }

    #[test]
    fn markup() {
        let v = parse("a **b *c*** d \\* e", &mut no_notes);
        assert_eq!(
            v,
            [
                Inline::Text("a ".into()),
                Inline::Strong(vec![
                    Inline::Text("b ".into()),
                    Inline::Emphasis(vec![Inline::Text("c".into())])
                ]),
                Inline::Text(" d * e".into()),
            ]
        );
        assert_eq!(
            parse("5 * 3", &mut no_notes),
            [Inline::Text("5 * 3".into())]
        );
    }

    #[test]
    fn notes_and_symbols() {
        let mut note = |m: &str| {
            (m == "1").then(|| {
                vec![Block::Paragraph(Paragraph {
                    num: None,
                    content: vec![Inline::Text("Ibid.".into())],
                    subparagraphs: vec![],
                })]
            })
        };
        let v = parse("see A/HRC/19/74.<sup>1</sup> and x<sup>2</sup>", &mut note);
        assert_eq!(v[0], Inline::Text("see A/HRC/19/74.".into()));
        assert!(matches!(&v[1], Inline::Note(n) if n.marker == "1"));
        assert!(matches!(&v[3], Inline::Superscript(_)));
        assert_eq!(plain_text(&v), "see A/HRC/19/74. and x2");
    }
}
