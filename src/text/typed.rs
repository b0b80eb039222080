//! Items → the recognizer's typed lines: each block's lines parsed from the dialect's inline
//! markup into inlines, each footnote body placed at its mark (in reading order, so that a
//! page's note 1 goes to that page's mark 1), and a note whose mark cannot be found kept at
//! the end of the paragraph printed just above it, with a warning.

use std::collections::{HashMap, VecDeque};

use super::Item;
use super::inline::parse;
use crate::model::{Block, Inline, Note, Paragraph, TitleNote};
use crate::{Warning, WarningKind};

use crate::recognize::{Hints, Input, Lines, Source};

/// How the text reader names a position.
pub(crate) const SOURCE: Source = Source {
    format: crate::Format::Text,
    locate: |line| crate::Location::line("input", line as u64),
};

fn note_blocks(text: &str) -> Vec<Block> {
    vec![Block::Paragraph(Paragraph {
        num: None,
        content: parse(text, &mut |_| None),
        subparagraphs: vec![],
    })]
}

/// Inlines split at the line feeds in their text, formatting carried over to each piece.
fn split_lines(v: Vec<Inline>) -> Vec<Vec<Inline>> {
    fn go(v: Vec<Inline>, lines: &mut Vec<Vec<Inline>>) {
        for i in v {
            match i {
                Inline::Text(t) => {
                    for (k, piece) in t.split('\n').enumerate() {
                        if k > 0 {
                            lines.push(Vec::new());
                        }
                        if !piece.is_empty()
                            && let Some(l) = lines.last_mut()
                        {
                            l.push(Inline::Text(piece.to_string()));
                        }
                    }
                }
                Inline::Strong(c) => wrap(c, Inline::Strong, lines),
                Inline::Emphasis(c) => wrap(c, Inline::Emphasis, lines),
                Inline::Superscript(c) => wrap(c, Inline::Superscript, lines),
                Inline::Subscript(c) => wrap(c, Inline::Subscript, lines),
                other => {
                    if let Some(l) = lines.last_mut() {
                        l.push(other);
                    }
                }
            }
        }
    }
    fn wrap(c: Vec<Inline>, f: fn(Vec<Inline>) -> Inline, lines: &mut Vec<Vec<Inline>>) {
        let mut inner = vec![Vec::new()];
        go(c, &mut inner);
        for (k, piece) in inner.into_iter().enumerate() {
            if k > 0 {
                lines.push(Vec::new());
            }
            if !piece.is_empty()
                && let Some(l) = lines.last_mut()
            {
                l.push(f(piece));
            }
        }
    }
    let mut lines = vec![Vec::new()];
    go(v, &mut lines);
    lines
}

pub(crate) fn inputs(items: Vec<Item>, warnings: &mut Vec<Warning>) -> Vec<Input> {
    let mut notes: HashMap<String, VecDeque<(String, usize)>> = HashMap::new();
    for it in &items {
        if let Item::NoteDef { marker, text, line } = it {
            notes
                .entry(marker.clone())
                .or_default()
                .push_back((text.clone(), *line));
        }
    }
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let mut at_mark = |marker: &str| {
            let (t, _) = notes.get_mut(marker)?.pop_front()?;
            Some(note_blocks(&t))
        };
        match it {
            Item::Block(b) if !b.rows.is_empty() => out.push(Input::Table {
                rows: b
                    .rows
                    .iter()
                    .map(|(h, cells)| {
                        let cells = cells.iter().map(|c| vec![parse(c, &mut at_mark)]).collect();
                        (*h, cells)
                    })
                    .collect(),
                at: b.line,
            }),
            Item::Block(b) => out.push(Input::Lines(Lines {
                // Parsed whole, so that bold running over several lines pairs up, then
                // split into its lines again.
                lines: split_lines(parse(&b.lines.join("\n"), &mut at_mark)),
                hints: Hints {
                    heading_level: b.heading_level,
                    standalone: b.standalone,
                    title_block: false,
                    indent: u32::try_from(b.indent).ok(),
                    nested: b.nested,
                    continues: false,
                },
                at: b.line,
            })),
            Item::StarNote { marker, text, .. } => out.push(Input::TitleNote(TitleNote {
                marker,
                content: parse(&text, &mut |_| None),
            })),
            Item::JobNumber(j) => {
                if let Ok(j) = j.parse() {
                    out.push(Input::JobNumber(j));
                }
            }
            Item::PageBreak | Item::NoteDef { .. } => {}
        }
    }
    // Notes whose mark was not found: kept at the end of the paragraph printed above them.
    let mut left: Vec<(String, String, usize)> = notes
        .into_iter()
        .flat_map(|(m, q)| q.into_iter().map(move |(t, l)| (m.clone(), t, l)))
        .collect();
    left.sort_by_key(|(_, _, l)| *l);
    for (marker, text, line) in left {
        let host = out.iter_mut().rev().find_map(|i| match i {
            Input::Lines(l) if l.at <= line || line == 0 => Some(l),
            _ => None,
        });
        let note = Inline::Note(Note {
            marker: marker.clone(),
            content: note_blocks(&text),
        });
        match host.and_then(|h| h.lines.last_mut().map(|l| (h.at, l))) {
            Some((at, l)) => {
                l.push(note);
                SOURCE.warn(
                    warnings,
                    WarningKind::NoteWithoutMark,
                    line,
                    format!(
                        "footnote {marker} has no mark in the text; kept at the end of the paragraph at line {at}"
                    ),
                );
            }
            None => {
                out.push(Input::Lines(Lines {
                    lines: vec![vec![note]],
                    hints: Hints::default(),
                    at: line,
                }));
                SOURCE.warn(
                    warnings,
                    WarningKind::NoteWithoutMark,
                    line,
                    format!("footnote {marker} has no mark in the text; kept as a paragraph"),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_over_two_lines_is_split_into_bold_lines() {
        let v = parse("**Annual report\nof the Council**", &mut |_| None);
        let t = |s: &str| Inline::Text(s.into());
        assert_eq!(
            split_lines(v),
            [
                vec![Inline::Strong(vec![t("Annual report")])],
                vec![Inline::Strong(vec![t("of the Council")])]
            ]
        );
    }
}
