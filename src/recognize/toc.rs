//! Tables of contents: found by their heading ("Contents", "CONTENTS") and dropped with a
//! warning, entries and all. They repeat the headings; read as text they would become
//! headings, paragraphs and even annexes of their own (a contents line "Annex" opened an
//! annex that swallowed the body).

use super::{Input, Source, toc_skipped};
use crate::model::plain_text;
use crate::{Warning, WarningKind};

/// Longest group label inside a table of contents ("Annex", "Annexes", "Page"), in
/// characters: a short line standing between entries.
const MAX_TOC_LABEL: usize = 20;

/// Whether a block is an entry of a table of contents: a table, a line with leader dots,
/// the "Paragraphs Page" captions, or page and paragraph numbers alone.
fn is_entry(b: &Input) -> bool {
    match b {
        Input::Table { .. } => true,
        Input::Lines(b) => b.lines.iter().all(|l| {
            let t = plain_text(l);
            let t = t.trim();
            // Leader dots (three at least: "… PROCESS ... 5 - 51 3").
            t.contains("...")
                || t.contains("…")
                || matches!(t, "Paragraphs" | "Paragraph" | "Page" | "Paragraphs Page")
                || t.starts_with("Paragraphs")
                || t.chars()
                    .all(|c| c.is_ascii_digit() || c.is_whitespace() || c == '-')
        }),
        _ => false,
    }
}

/// A short line between entries ("Annex"): part of the table when an entry follows it.
fn is_label(b: &Input) -> bool {
    match b {
        Input::Lines(b) => {
            let t = plain_text(&super::inlines::join_lines(&b.lines));
            let t = t.trim();
            !t.is_empty() && t.chars().count() <= MAX_TOC_LABEL && !t.ends_with('.')
        }
        _ => false,
    }
}

fn is_heading(b: &Input) -> bool {
    match b {
        Input::Lines(b) => plain_text(&super::inlines::join_lines(&b.lines))
            .trim()
            .eq_ignore_ascii_case("contents"),
        _ => false,
    }
}

/// The inputs without their tables of contents; each one skipped is said in a warning.
pub(crate) fn drop_tables_of_contents(
    inputs: Vec<Input>,
    src: Source,
    warnings: &mut Vec<Warning>,
) -> Vec<Input> {
    if !inputs.iter().any(is_heading) {
        return inputs;
    }
    let mut out = Vec::with_capacity(inputs.len());
    let mut i = 0;
    while i < inputs.len() {
        if !is_heading(&inputs[i]) {
            out.push(inputs[i].clone());
            i += 1;
            continue;
        }
        let at = match &inputs[i] {
            Input::Lines(b) => b.at,
            _ => 0,
        };
        i += 1;
        let first = i;
        while i < inputs.len()
            && (is_entry(&inputs[i])
                || (is_label(&inputs[i]) && inputs.get(i + 1).is_some_and(is_entry)))
        {
            i += 1;
        }
        src.warn(
            warnings,
            WarningKind::TableOfContentsSkipped,
            at,
            toc_skipped(i - first),
        );
    }
    out
}
