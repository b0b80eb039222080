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

/// Whether a line is an entry of a table of contents: leader dots, the "Paragraphs Page"
/// captions, or page and paragraph numbers alone.
fn is_entry_line(l: &[crate::model::Inline]) -> bool {
    let t = plain_text(l);
    let t = t.trim();
    // Leader dots (three at least: "… PROCESS ... 5 - 51 3").
    t.contains("...")
        || t.contains("…")
        || matches!(t, "Paragraphs" | "Paragraph" | "Page" | "Paragraphs Page")
        || t.starts_with("Paragraphs")
        || t.chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || c == '-')
}

/// Whether a block is an entry of a table of contents: a table, or lines that all are
/// (group labels among them).
fn is_entry(b: &Input) -> bool {
    match b {
        Input::Table { .. } => true,
        Input::Lines(b) => !b.lines.is_empty() && entry_lines(&b.lines, 0) == b.lines.len(),
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

/// Whether a block starts with the heading "Contents" (alone, or with its entries under it
/// in the same block).
fn is_heading(b: &Input) -> bool {
    match b {
        Input::Lines(b) => b.lines.first().is_some_and(|l| {
            const HEAD: usize = 64;
            let head = crate::model::plain_head(l, HEAD);
            if head.len() < HEAD {
                return head.trim().eq_ignore_ascii_case("contents");
            }
            // (A longer line is the word only with white space around it: it is read whole
            // only when it starts so.)
            head.trim_start()
                .get(..8)
                .is_some_and(|w| w.eq_ignore_ascii_case("contents"))
                && plain_text(l).trim().eq_ignore_ascii_case("contents")
        }),
        _ => false,
    }
}

/// How many of a block's lines, from `from`, are entries (and group labels with an entry
/// after them).
fn entry_lines(lines: &[Vec<crate::model::Inline>], from: usize) -> usize {
    let mut k = from;
    while k < lines.len() {
        let t = plain_text(&lines[k]);
        let t = t.trim();
        let label = !t.is_empty() && t.chars().count() <= MAX_TOC_LABEL && !t.ends_with('.');
        if is_entry_line(&lines[k]) || (label && lines.get(k + 1).is_some_and(|l| is_entry_line(l)))
        {
            k += 1;
        } else {
            break;
        }
    }
    k - from
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
        let Input::Lines(head) = &inputs[i] else {
            out.push(inputs[i].clone());
            i += 1;
            continue;
        };
        if !is_heading(&inputs[i]) {
            out.push(inputs[i].clone());
            i += 1;
            continue;
        }
        let at = head.at;
        // Entries under the heading in its own block.
        let n = entry_lines(&head.lines, 1);
        let mut skipped = n;
        i += 1;
        if 1 + n < head.lines.len() {
            // The block goes on with text: the table ended inside it.
            let mut rest = head.clone();
            rest.lines.drain(..1 + n);
            out.push(Input::Lines(rest));
        } else {
            // Entry blocks after it.
            while i < inputs.len()
                && (is_entry(&inputs[i])
                    || (is_label(&inputs[i]) && inputs.get(i + 1).is_some_and(is_entry)))
            {
                i += 1;
                skipped += 1;
            }
            // A block whose first lines are the last entries and whose rest is text
            // (extractors run the table's end into the first heading): the entries go, the
            // rest stays.
            if let Some(Input::Lines(b)) = inputs.get(i) {
                let k = entry_lines(&b.lines, 0);
                if k > 0 && k < b.lines.len() {
                    let mut rest = b.clone();
                    rest.lines.drain(..k);
                    out.push(Input::Lines(rest));
                    skipped += k;
                    i += 1;
                }
            }
        }
        src.warn(
            warnings,
            WarningKind::TableOfContentsSkipped,
            at,
            toc_skipped(skipped),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Inline;

    fn block(line: Vec<Inline>) -> Input {
        Input::Lines(crate::recognize::Lines {
            lines: vec![line],
            ..Default::default()
        })
    }

    #[test]
    fn a_contents_heading_is_the_word_alone() {
        let t = |s: &str| Inline::Text(s.to_string());
        let long_blank = format!("Contents{}", " ".repeat(100));
        let yes = [
            vec![t("Contents")],
            vec![t("  CONTENTS ")],
            vec![Inline::Strong(vec![t("Con")]), t("tents")],
            vec![t(&long_blank)],
        ];
        for l in yes {
            assert!(is_heading(&block(l.clone())), "{l:?}");
        }
        let long = format!("Contents{}x", " ".repeat(100));
        let no = [
            vec![t("Contents of the report")],
            vec![t("Content")],
            vec![t(&long)],
            vec![t("Contentsé")],
            vec![],
        ];
        for l in no {
            assert!(!is_heading(&block(l.clone())), "{l:?}");
        }
    }
}
