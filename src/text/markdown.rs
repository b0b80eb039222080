//! The Markdown dialect of PDF extractors (the seed's form) into [`Item`]s.

use super::{Block, Item};

/// Splits Markdown into items: blocks between blank lines, `---` page breaks, footnote bodies
/// (`<sup>1</sup> text`) and asterisk notes (`\* text`).
pub(crate) fn items(text: &str) -> Vec<Item> {
    let mut out = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let mut start = 0;
    let mut table: Option<(usize, Vec<String>)> = None;
    let flush = |cur: &mut Vec<String>, start: usize, out: &mut Vec<Item>| {
        if cur.is_empty() {
            return;
        }
        let lines = std::mem::take(cur);
        out.push(classify(lines, start));
    };
    for (i, raw) in text.lines().enumerate() {
        let line = raw;
        let t = line.trim();
        if t.is_empty() {
            flush(&mut cur, start, &mut out);
            if let Some((at, rows)) = table.take() {
                out.push(pipe_table(&rows, at));
            }
            continue;
        }
        if t.starts_with('|') {
            flush(&mut cur, start, &mut out);
            match table.as_mut() {
                Some((_, rows)) => rows.push(t.to_string()),
                None => table = Some((i + 1, vec![t.to_string()])),
            }
            continue;
        }
        if let Some((at, rows)) = table.take() {
            out.push(pipe_table(&rows, at));
        }
        if t == "---" || t == "***" || t == "___" {
            flush(&mut cur, start, &mut out);
            out.push(Item::PageBreak);
            continue;
        }
        // A heading line stands alone.
        if t.starts_with('#') {
            flush(&mut cur, start, &mut out);
            out.push(classify(vec![t.to_string()], i + 1));
            continue;
        }
        // A list item starts a block of its own.
        let item = t.starts_with("- ")
            || t.starts_with("• ")
            || (t.starts_with("* ") && !t.starts_with("* *"));
        if item && !cur.is_empty() {
            flush(&mut cur, start, &mut out);
        }
        if cur.is_empty() {
            start = i + 1;
        }
        // Hard line breaks (two trailing spaces) keep lines apart; soft ones too: the
        // assembler joins lines where it wants running text.
        cur.push(t.trim_end().to_string());
    }
    flush(&mut cur, start, &mut out);
    if let Some((at, rows)) = table.take() {
        out.push(pipe_table(&rows, at));
    }
    out
}

/// Splits a pipe-table row into its cells (`\|` stays in the cell).
fn cells(row: &str) -> Vec<String> {
    let inner = row.trim().strip_prefix('|').unwrap_or(row.trim());
    let inner = inner
        .strip_suffix('|')
        .filter(|s| !s.ends_with('\\'))
        .unwrap_or(inner);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut esc = false;
    for c in inner.chars() {
        match (esc, c) {
            (true, _) => {
                cur.push('\\');
                cur.push(c);
                esc = false;
            }
            (false, '\\') => esc = true,
            (false, '|') => out.push(std::mem::take(&mut cur).trim().to_string()),
            (false, c) => cur.push(c),
        }
    }
    out.push(cur.trim().to_string());
    out
}

/// A Markdown pipe table: rows above a `|---|---|` line are header rows.
fn pipe_table(rows: &[String], line: usize) -> Item {
    let is_rule = |r: &str| {
        let c = cells(r);
        !c.is_empty()
            && c.iter().all(|x| {
                !x.is_empty()
                    && x.chars().all(|ch| matches!(ch, '-' | ':' | ' '))
                    && x.contains('-')
            })
    };
    let rule = rows.iter().position(|r| is_rule(r));
    let parsed = rows
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != rule)
        .map(|(i, r)| (rule.is_some_and(|k| i < k), cells(r)))
        .collect();
    Item::Block(Block {
        lines: vec![],
        heading_level: 0,
        standalone: false,
        line,
        indent: 0,
        nested: false,
        rows: parsed,
    })
}

fn classify(mut lines: Vec<String>, line: usize) -> Item {
    let first = lines[0].clone();
    // Heading: "## **I. Introduction**".
    let hashes = first.bytes().take_while(|&b| b == b'#').count();
    if hashes > 0 && first[hashes..].starts_with(' ') {
        lines[0] = first[hashes..].trim().to_string();
        return Item::Block(Block {
            lines,
            heading_level: hashes,
            standalone: true,
            line,
            indent: 0,
            nested: false,
            rows: Vec::new(),
        });
    }
    // Footnote body: "<sup>1</sup> The full texts…".
    if let Some(rest) = first.strip_prefix("<sup>")
        && let Some((marker, text)) = rest.split_once("</sup>")
        && !marker.is_empty()
        && marker.len() <= 4
        && text.starts_with(' ')
    {
        let text = joined_with_first(lines, text, line);
        return Item::NoteDef {
            marker: marker.trim().to_string(),
            text,
            line,
        };
    }
    // Asterisk note: "\* Reissued for technical reasons on 2 March 2016."
    let stars = first.strip_prefix("\\*").map(|r| {
        let mut n = 1;
        let mut r = r;
        while let Some(x) = r.strip_prefix("\\*") {
            n += 1;
            r = x;
        }
        (n, r)
    });
    if let Some((n, rest)) = stars
        && rest.starts_with(' ')
    {
        let text = joined_with_first(lines, rest, line);
        return Item::StarNote {
            marker: "*".repeat(n),
            text,
            line,
        };
    }
    // Markdown marks its headings (`#`, bold): a short plain line is not one.
    let standalone = false;
    Item::Block(Block {
        lines,
        heading_level: 0,
        standalone,
        line,
        indent: 0,
        nested: false,
        rows: Vec::new(),
    })
}

/// The block's lines joined, with the first line replaced by `first` (its marker removed).
fn joined_with_first(mut lines: Vec<String>, first: &str, line: usize) -> String {
    lines[0] = first.trim().to_string();
    Block {
        lines,
        heading_level: 0,
        standalone: false,
        line,
        indent: 0,
        nested: false,
        rows: Vec::new(),
    }
    .joined()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipe_tables() {
        let items = items(
            "Before\n\n| Year | Total |\n|---|---:|\n| 2015 | 1 \\| 2 |\n| 2016 | |\n\nAfter",
        );
        assert_eq!(items.len(), 3, "{items:?}");
        let Item::Block(t) = &items[1] else { panic!() };
        assert_eq!(
            t.rows,
            [
                (true, vec!["Year".to_string(), "Total".into()]),
                (false, vec!["2015".into(), "1 \\| 2".into()]),
                (false, vec!["2016".into(), String::new()])
            ]
        );
    }

    #[test]
    fn splits_blocks_breaks_notes() {
        let md = "# General Assembly\n\nDistr.: General  \n29 January 2016\n\n---\n\n<sup>1</sup> The full texts.\n\n\\* Reissued.\n";
        let items = items(md);
        assert_eq!(items.len(), 5, "{items:?}");
        assert!(
            matches!(&items[0], Item::Block(b) if b.heading_level == 1 && b.lines == ["General Assembly"])
        );
        assert!(matches!(&items[1], Item::Block(b) if b.lines.len() == 2));
        assert_eq!(items[2], Item::PageBreak);
        assert!(
            matches!(&items[3], Item::NoteDef { marker, text, .. } if marker == "1" && text == "The full texts.")
        );
        assert!(
            matches!(&items[4], Item::StarNote { marker, text, .. } if marker == "*" && text == "Reissued.")
        );
    }
}
