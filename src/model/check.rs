//! Structural lint of a document: findings, not errors.

use serde::Serialize;

use super::{Block, Date, Document, Inline, SERIES, Symbol, plain_text};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; the document may well be right.
    Warning,
    /// Almost certainly wrong in the document or its conversion.
    Error,
}

/// One lint finding: where, what, how serious.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// How serious it is.
    pub severity: Severity,
    /// Where in the document: "body", "annex 1", "para 12", "meta.date"….
    pub location: String,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{s}: {}: {}", self.location, self.message)
    }
}

pub(super) fn check(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut push = |severity, location: &str, message: String| {
        out.push(Finding {
            severity,
            location: location.to_string(),
            message,
        })
    };

    if let Some(d) = doc.meta.date {
        if d > Date::today() {
            push(
                Severity::Error,
                "meta.date",
                format!("date of issue {d} is in the future"),
            );
        }
    }

    // Paragraph numbering, per region (numbering restarts in annexes).
    let mut regions: Vec<(String, &[Block])> = vec![("body".into(), &doc.body)];
    for (i, a) in doc.annexes.iter().enumerate() {
        regions.push((format!("annex {}", i + 1), &a.body));
    }
    for (name, blocks) in &regions {
        let mut nums = Vec::new();
        collect_numbers(blocks, &mut nums);
        let mut prev: Option<u64> = None;
        let mut seen = std::collections::HashSet::new();
        for n in &nums {
            let Some(v) = simple_number(n) else { continue };
            if !seen.insert(v) {
                push(
                    Severity::Error,
                    name,
                    format!("paragraph number {n} appears more than once"),
                );
            } else if let Some(p) = prev {
                if v != p + 1 {
                    push(
                        Severity::Warning,
                        name,
                        format!("paragraph {n} follows paragraph {p}."),
                    );
                }
            }
            prev = Some(v);
        }
        check_divisions(blocks, name, &mut push);
    }

    // Numbered footnote marks run 1, 2, 3… through the document (marks like "*" or "a" are
    // not counted; a restart at 1 is allowed, as in annexes).
    let mut prev_mark: Option<u64> = None;
    for n in doc.notes() {
        let Ok(v) = n.marker.trim_end_matches('/').parse::<u64>() else {
            continue;
        };
        if let Some(p) = prev_mark {
            if v != p + 1 && v != 1 {
                push(
                    Severity::Warning,
                    "footnotes",
                    format!("footnote {} follows footnote {p}", n.marker),
                );
            }
        }
        prev_mark = Some(v);
    }
    for (i, n) in doc.notes().iter().enumerate() {
        let empty = n.content.iter().all(|b| match b {
            Block::Paragraph(p) => {
                plain_text(&p.content).trim().is_empty() && p.subparagraphs.is_empty()
            }
            _ => false,
        });
        if empty {
            push(
                Severity::Error,
                &format!("footnote {} (marker {:?})", i + 1, n.marker),
                "footnote is empty".into(),
            );
        }
    }

    doc.for_each_inlines(&mut |v, _| {
        for i in v {
            if let Inline::Text(t) = i {
                for word in t.split(|c: char| c.is_whitespace() || ",;()".contains(c)) {
                    let w = word.trim_end_matches(['.', ':']);
                    let looks = w.split_once('/').is_some_and(|(head, rest)| {
                        SERIES.contains(&head) && !rest.is_empty() && w.len() > 4
                    });
                    if looks && w.parse::<Symbol>().is_err() {
                        push(
                            Severity::Warning,
                            "text",
                            format!("{w:?} looks like a UN symbol but does not parse"),
                        );
                    }
                }
            }
        }
    });
    out
}

/// "12." → 12; other numbering styles ("24.11", "5., 6.", "(a)") are not checked.
fn simple_number(n: &str) -> Option<u64> {
    let d = n.strip_suffix('.')?;
    (!d.is_empty() && d.len() < 10 && d.bytes().all(|b| b.is_ascii_digit()))
        .then(|| d.parse().ok())?
}

fn collect_numbers(blocks: &[Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => out.extend(p.num.clone()),
            Block::Division(d) => collect_numbers(&d.content, out),
            Block::Quote(_) | Block::List(_) | Block::Table(_) | Block::Resolution(_) => {}
        }
    }
}

fn check_divisions(blocks: &[Block], at: &str, push: &mut impl FnMut(Severity, &str, String)) {
    let nums: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Division(d) => d.num.as_deref(),
            _ => None,
        })
        .collect();
    for (first, second) in [("A.", "B."), ("1.", "2.")] {
        if nums.contains(&first) && !nums.contains(&second) {
            push(
                Severity::Warning,
                at,
                format!("heading {first} has no {second} beside it"),
            );
        }
    }
    for b in blocks {
        if let Block::Division(d) = b {
            let name = match &d.num {
                Some(n) => format!("{at} / {n}"),
                None => format!(
                    "{at} / {}",
                    plain_text(&d.heading).chars().take(30).collect::<String>()
                ),
            };
            check_divisions(&d.content, &name, push);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Division, DivisionKind, Note, Paragraph};

    fn para(n: &str, content: Vec<Inline>) -> Block {
        Block::Paragraph(Paragraph {
            num: Some(n.into()),
            content,
            subparagraphs: vec![],
        })
    }

    #[test]
    fn finds_numbering_notes_symbols_and_dates() {
        let mut d = Document::default();
        d.meta.date = Date::new(9999, 1, 1);
        d.body = vec![
            Block::Division(Division {
                kind: DivisionKind::Section,
                num: Some("A.".into()),
                heading: vec![Inline::Text("Opening".into())],
                content: vec![para("1.", vec![Inline::Text("see A/HRC/1x/7".into())])],
            }),
            para(
                "3.",
                vec![Inline::Note(Note {
                    marker: "1".into(),
                    content: vec![],
                })],
            ),
            para("3.", vec![]),
        ];
        let f = d.check();
        let msgs: Vec<String> = f.iter().map(|x| x.to_string()).collect();
        assert!(
            msgs.iter()
                .any(|m| m.contains("meta.date") && m.starts_with("error")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("paragraph 3. follows paragraph 1.")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("3. appears more than once") && m.starts_with("error")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.contains("heading A. has no B.")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.contains("footnote is empty")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.contains("\"A/HRC/1x/7\" looks like")),
            "{msgs:?}"
        );
        assert_eq!(f.len(), 6, "{msgs:?}");
    }

    #[test]
    fn footnote_marks_out_of_sequence() {
        let note = |m: &str| {
            Inline::Note(Note {
                marker: m.into(),
                content: vec![Block::Paragraph(Paragraph {
                    num: None,
                    content: vec![Inline::Text("x".into())],
                    subparagraphs: vec![],
                })],
            })
        };
        let d = Document {
            body: vec![para(
                "1.",
                vec![note("1"), note("2"), note("*"), note("4"), note("1")],
            )],
            ..Document::default()
        };
        let msgs: Vec<String> = d.check().iter().map(|f| f.to_string()).collect();
        assert_eq!(msgs, ["warning: footnotes: footnote 4 follows footnote 2"]);
    }

    #[test]
    fn clean_document_has_no_findings() {
        let mut d = Document::default();
        d.meta.date = Date::new(2016, 1, 29);
        d.body = vec![
            para(
                "1.",
                vec![Inline::Text("see A/HRC/19/74, HIV/AIDS.".into())],
            ),
            para("2.", vec![]),
        ];
        assert_eq!(d.check(), vec![]);
    }
}
