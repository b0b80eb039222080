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
    /// Where in the document, as a path: "body › I. › A. › paragraph 12.", "body ›
    /// resolution 15/CMA.3 › II. › paragraph 14.", "Annex › paragraph 3. › footnote 2",
    /// "meta.date".
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
    let mut c = Checker::default();
    if let Some(d) = doc.meta.date
        && d > Date::today()
    {
        c.push(
            Severity::Error,
            "meta.date".into(),
            format!("date of issue {d} is in the future"),
        );
    }
    for n in &doc.meta.title_notes {
        c.inlines(&n.content, &format!("title note {}", n.marker));
    }
    c.blocks(&doc.meta.summary, &["summary".into()]);
    c.scope(&doc.body, &["body".into()]);
    for (i, a) in doc.annexes.iter().enumerate() {
        let at = annex_name(&a.label, i);
        c.inlines(&a.title, &at);
        c.scope(&a.body, &[at]);
    }
    c.out
}

fn annex_name(label: &str, i: usize) -> String {
    if label.trim().is_empty() {
        format!("annex {}", i + 1)
    } else {
        label.trim().to_string()
    }
}

/// The walk: findings so far, and the last numbered footnote mark (numbered marks run 1, 2,
/// 3… through the document; marks like "*" or "a" are not counted; a restart at 1 is
/// allowed, as in annexes).
#[derive(Default)]
struct Checker {
    out: Vec<Finding>,
    prev_mark: Option<u64>,
}

impl Checker {
    fn push(&mut self, severity: Severity, location: String, message: String) {
        self.out.push(Finding {
            severity,
            location,
            message,
        });
    }

    /// Blocks that number their paragraphs from 1 (the body, an annex, a resolution's
    /// operative part): numbering is checked over them, through their divisions.
    fn scope(&mut self, blocks: &[Block], path: &[String]) {
        let mut nums = Vec::new();
        collect_numbers(blocks, path, &mut nums);
        let mut prev: Option<(u64, &str)> = None;
        let mut seen = std::collections::HashSet::new();
        for (n, at, division) in &nums {
            let Some(v) = simple_number(n) else { continue };
            // Numbering that starts again at 1 in another division (rules numbered within
            // each section of an annex) is a new sequence.
            if v == 1 && prev.is_some_and(|(_, d)| d != division.as_str()) {
                seen.clear();
                prev = None;
            }
            if !seen.insert(v) {
                self.push(
                    Severity::Error,
                    at.clone(),
                    format!("paragraph number {n} appears more than once"),
                );
            } else if let Some((p, _)) = prev
                && v != p + 1
            {
                self.push(
                    Severity::Warning,
                    at.clone(),
                    format!("paragraph {n} follows paragraph {p}."),
                );
            }
            prev = Some((v, division));
        }
        self.blocks(blocks, path);
    }

    fn blocks(&mut self, blocks: &[Block], path: &[String]) {
        let here = path.join(" › ");
        let nums: Vec<&str> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Division(d) => d.num.as_deref(),
                _ => None,
            })
            .collect();
        for (first, second) in [("A.", "B."), ("1.", "2.")] {
            if nums.contains(&first) && !nums.contains(&second) {
                self.push(
                    Severity::Warning,
                    here.clone(),
                    format!("heading {first} has no {second} beside it"),
                );
            }
        }
        for b in blocks {
            match b {
                Block::Division(d) => {
                    let mut p = path.to_vec();
                    p.push(division_name(d));
                    self.inlines(&d.heading, &p.join(" › "));
                    self.blocks(&d.content, &p);
                }
                Block::Paragraph(para) => self.paragraph(para, path),
                Block::List(l) => l.items.iter().for_each(|i| self.blocks(i, path)),
                Block::Table(t) => {
                    for cell in t.rows.iter().flat_map(|r| &r.cells) {
                        self.blocks(cell, path);
                    }
                }
                Block::Quote(q) => self.blocks(q, path),
                Block::Resolution(r) => {
                    let mut p = path.to_vec();
                    p.push(match &r.num {
                        Some(n) => format!("resolution {n}"),
                        None => "resolution".into(),
                    });
                    let at = p.join(" › ");
                    for v in [&r.title, &r.origin, &r.formula] {
                        self.inlines(v, &at);
                    }
                    self.blocks(&r.preamble, &p);
                    self.scope(&r.operative, &p);
                    for (i, a) in r.annexes.iter().enumerate() {
                        let mut ap = p.clone();
                        ap.push(annex_name(&a.label, i));
                        self.inlines(&a.title, &ap.join(" › "));
                        self.scope(&a.body, &ap);
                    }
                }
            }
        }
    }

    fn paragraph(&mut self, p: &super::Paragraph, path: &[String]) {
        let at = paragraph_at(path, p.num.as_deref());
        self.inlines(&p.content, &at);
        for s in &p.subparagraphs {
            let mut sp = path.to_vec();
            sp.push(
                p.num
                    .clone()
                    .map_or_else(|| "paragraph".into(), |n| format!("paragraph {n}")),
            );
            self.paragraph(s, &sp);
        }
    }

    /// Text that looks like a symbol but does not parse; footnotes (marks in sequence, not
    /// empty) and their content.
    fn inlines(&mut self, v: &[Inline], at: &str) {
        for i in v {
            match i {
                Inline::Text(t) => {
                    for word in t.split(|c: char| c.is_whitespace() || ",;()".contains(c)) {
                        let w = word.trim_end_matches(['.', ':']);
                        let looks = w.split_once('/').is_some_and(|(head, rest)| {
                            SERIES.contains(&head) && !rest.is_empty() && w.len() > 4
                        });
                        if looks && w.parse::<Symbol>().is_err() {
                            self.push(
                                Severity::Warning,
                                at.to_string(),
                                format!("{w:?} looks like a UN symbol but does not parse"),
                            );
                        }
                    }
                }
                Inline::Emphasis(c)
                | Inline::Strong(c)
                | Inline::Superscript(c)
                | Inline::Subscript(c) => self.inlines(c, at),
                Inline::Link(l) => self.inlines(&l.content, at),
                Inline::Note(n) => self.note(n, at),
                Inline::Ref(_) | Inline::LineBreak => {}
            }
        }
    }

    fn note(&mut self, n: &super::Note, at: &str) {
        let here = format!("{at} › footnote {}", n.marker);
        if let Ok(v) = n.marker.trim_end_matches('/').parse::<u64>() {
            if let Some(p) = self.prev_mark
                && v != p + 1
                && v != 1
            {
                self.push(
                    Severity::Warning,
                    here.clone(),
                    format!("footnote {} follows footnote {p}", n.marker),
                );
            }
            self.prev_mark = Some(v);
        }
        let empty = n.content.iter().all(|b| match b {
            Block::Paragraph(p) => {
                plain_text(&p.content).trim().is_empty() && p.subparagraphs.is_empty()
            }
            _ => false,
        });
        if empty {
            self.push(Severity::Error, here.clone(), "footnote is empty".into());
        }
        self.blocks(&n.content, &[here]);
    }
}

/// "II.", "A. Opening remarks" cut, or an unnumbered heading's first words.
fn division_name(d: &super::Division) -> String {
    match &d.num {
        Some(n) => n.clone(),
        None => plain_text(&d.heading).chars().take(30).collect(),
    }
}

fn paragraph_at(path: &[String], num: Option<&str>) -> String {
    let mut p = path.join(" › ");
    if let Some(n) = num {
        p.push_str(&format!(" › paragraph {n}"));
    }
    p
}

/// "12." → 12; other numbering styles ("24.11", "5., 6.", "(a)") are not checked.
fn simple_number(n: &str) -> Option<u64> {
    let d = n.strip_suffix('.')?;
    (!d.is_empty() && d.len() < 10 && d.bytes().all(|b| b.is_ascii_digit()))
        .then(|| d.parse().ok())?
}

/// The paragraph numbers of a numbering scope, with where each stands and the division
/// holding it; resolutions number their own.
fn collect_numbers(blocks: &[Block], path: &[String], out: &mut Vec<(String, String, String)>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                if let Some(n) = &p.num {
                    out.push((n.clone(), paragraph_at(path, Some(n)), path.join(" › ")));
                }
            }
            Block::Division(d) => {
                let mut p = path.to_vec();
                p.push(division_name(d));
                collect_numbers(&d.content, &p, out)
            }
            Block::Quote(_) | Block::List(_) | Block::Table(_) | Block::Resolution(_) => {}
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
        let msgs: Vec<String> = d.check().iter().map(|x| x.to_string()).collect();
        // Each finding says where, as a path through the document.
        assert_eq!(
            msgs,
            [
                "error: meta.date: date of issue 9999-01-01 is in the future",
                "warning: body › paragraph 3.: paragraph 3. follows paragraph 1.",
                "error: body › paragraph 3.: paragraph number 3. appears more than once",
                "warning: body: heading A. has no B. beside it",
                "warning: body › A. › paragraph 1.: \"A/HRC/1x/7\" looks like a UN symbol but does not parse",
                "error: body › paragraph 3. › footnote 1: footnote is empty",
            ]
        );
    }

    #[test]
    fn a_decision_numbers_its_own_paragraphs_and_findings_say_where() {
        use crate::model::Resolution;
        let division = |num: &str, content| {
            Block::Division(Division {
                kind: DivisionKind::Chapter,
                num: Some(num.into()),
                heading: vec![Inline::Text("Heading".into())],
                content,
            })
        };
        let d = Document {
            body: vec![Block::Resolution(Resolution {
                num: Some("15/CMA.3".into()),
                operative: vec![
                    para("1.", vec![]),
                    division("I.", vec![para("2.", vec![])]),
                    division("II.", vec![para("4.", vec![])]),
                ],
                ..Resolution::default()
            })],
            ..Document::default()
        };
        let msgs: Vec<String> = d.check().iter().map(|x| x.to_string()).collect();
        assert_eq!(
            msgs,
            [
                "warning: body › resolution 15/CMA.3 › II. › paragraph 4.: paragraph 4. follows paragraph 2."
            ]
        );
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
        assert_eq!(
            msgs,
            ["warning: body › paragraph 1. › footnote 4: footnote 4 follows footnote 2"]
        );
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
