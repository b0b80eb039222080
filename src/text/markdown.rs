//! The Markdown dialect of PDF extractors (the seed's form) into [`Item`]s.

use super::{Block, Item, cap_line};

/// Splits Markdown into items: blocks between blank lines, `---` page breaks, footnote bodies
/// (`<sup>1</sup> text`) and asterisk notes (`\* text`).
pub(crate) fn items(text: &str) -> Vec<Item> {
    let mut out = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    let mut start = 0;
    let flush = |cur: &mut Vec<String>, start: usize, out: &mut Vec<Item>| {
        if cur.is_empty() {
            return;
        }
        let lines = std::mem::take(cur);
        out.push(classify(lines, start));
    };
    for (i, raw) in text.lines().enumerate() {
        let line = cap_line(raw);
        let t = line.trim();
        if t.is_empty() {
            flush(&mut cur, start, &mut out);
            continue;
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
        if cur.is_empty() {
            start = i + 1;
        }
        // Hard line breaks (two trailing spaces) keep lines apart; soft ones too: the
        // assembler joins lines where it wants running text.
        cur.push(t.trim_end().to_string());
    }
    flush(&mut cur, start, &mut out);
    out
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
        });
    }
    // Footnote body: "<sup>1</sup> The full texts…".
    if let Some(rest) = first.strip_prefix("<sup>") {
        if let Some((marker, text)) = rest.split_once("</sup>") {
            if !marker.is_empty() && marker.len() <= 4 && text.starts_with(' ') {
                let text = joined_with_first(lines, text, line);
                return Item::NoteDef {
                    marker: marker.trim().to_string(),
                    text,
                    line,
                };
            }
        }
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
    if let Some((n, rest)) = stars {
        if rest.starts_with(' ') {
            let text = joined_with_first(lines, rest, line);
            return Item::StarNote {
                marker: "*".repeat(n),
                text,
                line,
            };
        }
    }
    let standalone = lines.len() == 1;
    Item::Block(Block {
        lines,
        heading_level: 0,
        standalone,
        line,
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
    }
    .joined()
}

#[cfg(test)]
mod tests {
    use super::*;

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
