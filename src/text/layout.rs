//! `pdftotext -layout` output into [`Item`]s: pages split at form feeds, running headers and
//! footers dropped, the two-column masthead split into lines, footnotes taken from the page
//! bottom and their marks in the text turned into `<sup>n</sup>`, paragraphs split at their
//! numbers and first-line indents.

use super::{Block, Item, escape};
use crate::Warning;
use crate::model::{Date, JobNumber, Symbol};
use crate::recognize::numbering::{Numbering, Start, names_a_state, starts_afresh};

fn indent(l: &str) -> usize {
    l.len() - l.trim_start().len()
}

/// Parts of a line separated by runs of three or more spaces.
fn segments(l: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = l.trim();
    while !rest.is_empty() {
        match rest.find("   ") {
            Some(i) => {
                out.push(rest[..i].trim());
                rest = rest[i..].trim_start();
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out
}

fn is_symbol(s: &str) -> bool {
    Symbol::parse_printed(s).is_ok()
}

/// A running header or footer piece: page number, "2/2", job number, date code, barcode,
/// the symbol.
fn furniture(seg: &str) -> bool {
    let s = seg.trim();
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    digits(s)
        || s.split_once('/')
            .is_some_and(|(a, b)| digits(a) && digits(b))
        || JobNumber::parse_prefix(s).is_some()
        || (s.starts_with('*') && s.ends_with('*') && s.len() > 2 && digits(&s[1..s.len() - 1]))
        || is_symbol(s)
        || s.strip_prefix("Page ").is_some_and(digits)
        || crate::recognize::scan::truncated_job_number(s)
        || s.split_whitespace().all(|w| digits(w) && w.len() == 6)
}

fn masthead_token(seg: &str) -> bool {
    let s = seg.trim();
    s.eq_ignore_ascii_case("United Nations")
        || is_symbol(s)
        || s.starts_with("Distr")
        || s.starts_with("Original:")
        || Date::parse_printed(s).is_some()
        || [
            "General Assembly",
            "Security Council",
            "Economic and Social Council",
        ]
        .iter()
        .any(|o| o.eq_ignore_ascii_case(s))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

struct Def {
    marker: String,
    text: String,
    line: usize,
}

/// Splits a page bottom into footnotes, if it holds the next expected ones.
fn take_notes(
    lines: &mut Vec<(usize, String)>,
    next_note: &mut u32,
) -> (Vec<Def>, Vec<(usize, String, String)>) {
    let mut defs = Vec::new();
    let mut stars = Vec::new();
    // Where the note area starts: a separator line, or a blank line followed by the next
    // expected note number (or asterisks).
    let sep = lines.iter().rposition(|(_, l)| {
        let t = l.trim();
        t.len() >= 5 && t.chars().all(|c| c == '_')
    });
    // "1 Text" or, in older documents, "1/ Text".
    let starts_note = |l: &str, n: u32| {
        let t = l.trim_start();
        let num = n.to_string();
        t.strip_prefix(num.as_str()).is_some_and(|r| {
            let r = r.strip_prefix('/').unwrap_or(r);
            r.is_empty() || r.starts_with(char::is_whitespace)
        })
    };
    let star = |l: &str| {
        let t = l.trim_start();
        let t = t.replace('∗', "*");
        let n = t.bytes().take_while(|&b| b == b'*').count();
        (n > 0 && n <= 3 && (t[n..].starts_with(' ') || t[n..].is_empty()))
            .then(|| (t[..n].to_string(), t[n..].trim().to_string()))
    };
    let start = match sep {
        Some(i) => Some(i + 1),
        // (Only the page's last 40 lines can be its notes: looked at first, so that a page
        // of thousands of note-like lines is not scanned to its end from each of them.)
        None => (lines.len().saturating_sub(40).max(1)..lines.len()).find(|&i| {
            lines[i - 1].1.trim().is_empty()
                && (starts_note(&lines[i].1, *next_note) || star(&lines[i].1).is_some())
                && lines[i..].iter().all(|(_, l)| l.trim().len() < 200)
        }),
    };
    let Some(start) = start else {
        return (defs, stars);
    };
    let area: Vec<(usize, String)> = lines.drain(start..).collect();
    if sep.is_some() {
        lines.truncate(start - 1);
    }
    let mut cur: Option<Def> = None;
    let mut cur_star: Option<(usize, String, String)> = None;
    for (no, l) in area {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        if starts_note(&l, *next_note) {
            if let Some(d) = cur.take() {
                defs.push(d);
            }
            if let Some(s) = cur_star.take() {
                stars.push(s);
            }
            let mut num = next_note.to_string();
            let mut text = t[num.len()..].trim_start();
            if let Some(rest) = text.strip_prefix('/') {
                num.push('/');
                text = rest;
            }
            cur = Some(Def {
                marker: num,
                text: collapse(text.trim()),
                line: no,
            });
            *next_note += 1;
        } else if let Some((m, text)) = star(&l) {
            if let Some(d) = cur.take() {
                defs.push(d);
            }
            if let Some(s) = cur_star.take() {
                stars.push(s);
            }
            cur_star = Some((no, m, collapse(&text)));
        } else if let Some(d) = cur.as_mut() {
            if !d.text.is_empty() {
                d.text.push(' ');
            }
            d.text.push_str(&collapse(t));
        } else if let Some(s) = cur_star.as_mut() {
            if !s.2.is_empty() {
                s.2.push(' ');
            }
            s.2.push_str(&collapse(t));
        }
    }
    defs.extend(cur);
    stars.extend(cur_star);
    (defs, stars)
}

/// Whether the numbered item starting `lines` reads as a UPR recommendation: its last line,
/// before the next number or a blank line, names the recommending State in brackets.
fn recommendation(lines: &[(usize, String)]) -> bool {
    let mut last = "";
    for (k, (_, l)) in lines.iter().enumerate() {
        let t = l.trim();
        let numbered = t
            .split_whitespace()
            .next()
            .and_then(|h| h.strip_suffix('.'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if t.is_empty() || (k > 0 && numbered) || k > 12 {
            break;
        }
        last = t;
    }
    names_a_state(last)
}

/// Finds the mark of note `n` in body lines from `from` (line, byte) on; returns where.
fn find_mark(lines: &[(usize, String)], n: &str, from: (usize, usize)) -> Option<(usize, usize)> {
    for (li, (_, l)) in lines.iter().enumerate().skip(from.0) {
        let start = if li == from.0 { from.1 } else { 0 };
        let mut search = start;
        while let Some(off) = l.get(search..).and_then(|s| s.find(n)) {
            let at = search + off;
            search = at + n.len();
            let before = &l[..at];
            let after = &l[at + n.len()..];
            if after.starts_with(|c: char| c.is_alphanumeric())
                || before.ends_with(|c: char| {
                    c.is_ascii_digit() || c == '/' || c == '.' && before.ends_with(". ")
                })
            {
                continue;
            }
            let prev = before.chars().last();
            let ok = match prev {
                Some(c) if ";.,:)”’\"".contains(c) => true,
                Some(c) if c.is_lowercase() => true,
                Some(' ') => before
                    .trim_end()
                    .ends_with([';', '.', ',', ':', ')', '”', '’']),
                _ => false,
            };
            let after_ok = after.is_empty() || after.starts_with([' ', '.', ',', ';', ':', ')']);
            if ok && after_ok {
                return Some((li, at));
            }
        }
    }
    None
}

/// Where note mark `n` stands apart from its word at a line's end ("when available 1"):
/// some programs print a raised number so that the extractor sees a space before it. Only
/// after a lowercase word that takes no number ("article 1", "paragraph 2" are no marks).
fn find_spaced_mark(
    lines: &[(usize, String)],
    n: &str,
    from: (usize, usize),
) -> Option<(usize, usize)> {
    /// Words a number follows in running text.
    const TAKES_A_NUMBER: &[&str] = &[
        "article",
        "articles",
        "paragraph",
        "paragraphs",
        "para",
        "paras",
        "resolution",
        "resolutions",
        "decision",
        "decisions",
        "item",
        "items",
        "chapter",
        "section",
        "annex",
        "no",
        "number",
        "page",
        "pages",
        "rule",
        "rules",
        "principle",
        "goal",
        "goals",
        "target",
        "targets",
        "recommendation",
        "recommendations",
        "part",
        "volume",
        "session",
        "table",
        "figure",
        "box",
        "step",
        "phase",
        "level",
        "protocol",
        "convention",
        "and",
        "or",
        "to",
        "of",
        "than",
        "about",
        "over",
        "under",
        "nearly",
        "approximately",
        "some",
        "by",
        "from",
        "in",
        "on",
        "at",
        "per",
        "the",
        "a",
        "category",
        "option",
        "priority",
        "cycle",
        "round",
        "group",
        "tier",
        "stage",
        "pillar",
        "schedule",
        "appendix",
        "note",
        "footnote",
        "line",
        "clause",
        "sub",
        "vol",
        "p",
        "pp",
    ];
    for (li, (_, l)) in lines.iter().enumerate().skip(from.0) {
        let start = if li == from.0 { from.1 } else { 0 };
        let Some(before) = l.strip_suffix(n) else {
            continue;
        };
        let at = before.len();
        if at < start || !before.ends_with(' ') || before.ends_with("  ") {
            continue;
        }
        let word = before.trim_end().rsplit(' ').next().unwrap_or_default();
        let word_ok = !word.is_empty()
            && word.chars().all(|c| c.is_lowercase())
            && !TAKES_A_NUMBER.contains(&word);
        if word_ok {
            return Some((li, at));
        }
    }
    None
}

pub(crate) fn items(text: &str, warnings: &mut Vec<Warning>) -> Vec<Item> {
    let mut out = Vec::new();
    let mut next_note = 1u32;
    let mut numbering = Numbering::default();
    let mut line_no = 0usize;
    let mut symbol: Option<String> = None;
    for (pi, page) in text.split('\u{c}').enumerate() {
        let mut lines: Vec<(usize, String)> = Vec::new();
        for l in page.split('\n') {
            line_no += 1;
            lines.push((line_no, l.trim_end().to_string()));
        }
        line_no -= 1; // the form feed does not end a line
        line_no += 1;
        // Running header: on later pages, lines up to the one holding the symbol.
        if pi > 0 {
            let nonblank: Vec<usize> = lines
                .iter()
                .enumerate()
                .filter(|(_, (_, l))| !l.trim().is_empty())
                .map(|(i, _)| i)
                .take(3)
                .collect();
            // Older running headers print the symbol with a space after a slash
            // ("A/HRC/ 8/29") and "Page 3" on the next line.
            let hit = nonblank.iter().copied().find(|&i| {
                segments(&lines[i].1).iter().any(|s| {
                    let s = s.replace("/ ", "/");
                    symbol.as_deref() == Some(s.as_str()) || (symbol.is_none() && is_symbol(&s))
                })
            });
            if let Some(h) = hit {
                lines.drain(..=h);
                let page_line = lines
                    .iter()
                    .position(|(_, l)| !l.trim().is_empty())
                    .filter(|&i| {
                        let t = lines[i].1.trim();
                        t.strip_prefix("Page ")
                            .or_else(|| t.strip_prefix("page "))
                            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                    });
                if let Some(p) = page_line {
                    lines.drain(..=p);
                }
            } else if let Some(&f) = nonblank.first()
                && segments(&lines[f].1).iter().all(|s| furniture(s))
            {
                lines.drain(..=f);
            }
        }
        // Footer: up to three trailing lines of furniture; the job number is kept.
        let mut dropped = 0;
        while dropped < 4 {
            while lines.last().is_some_and(|(_, l)| l.trim().is_empty()) {
                lines.pop();
            }
            let Some((_, last)) = lines.last() else { break };
            let segs = segments(last);
            if segs.is_empty() || !segs.iter().all(|s| furniture(s)) {
                break;
            }
            if let Some(j) = JobNumber::parse_prefix(last.trim()) {
                out.push(Item::JobNumber(j.to_string()));
            }
            lines.pop();
            dropped += 1;
        }
        if pi == 0 {
            // The masthead: split two-column lines into their parts.
            let mut split = Vec::new();
            for (no, l) in lines.drain(..) {
                let segs = segments(&l);
                if segs.len() >= 2 && segs.iter().any(|s| masthead_token(s)) {
                    for s in segs {
                        if symbol.is_none() && is_symbol(s) {
                            symbol = Symbol::parse_printed(s).ok().map(|(s, _)| s.to_string());
                        }
                        split.push((no, s.to_string()));
                    }
                } else {
                    if symbol.is_none() && segs.len() == 1 && is_symbol(segs[0]) {
                        symbol = Symbol::parse_printed(segs[0])
                            .ok()
                            .map(|(s, _)| s.to_string());
                    }
                    split.push((no, l));
                }
            }
            lines = split;
        }
        let (mut defs, stars) = take_notes(&mut lines, &mut next_note);
        // Marks of this page's notes in its text.
        // (line, byte offset, the note's marker, the printed mark's length in bytes)
        let mut marks: Vec<(usize, usize, String, usize)> = Vec::new();
        for (no, marker, text) in stars {
            // After the first page, an asterisk note belongs to the line of that page ending
            // with its mark ("II. Conclusions and/or recommendations**"), not to the title.
            let at = (pi > 0)
                .then(|| {
                    lines.iter().enumerate().find_map(|(li, (_, l))| {
                        // The trailing run of asterisks ("**" or "∗∗"), as many as the mark.
                        let t = l.trim_end();
                        let body = t.trim_end_matches(['*', '∗']);
                        let run = t[body.len()..].chars().count();
                        (run == marker.len() && !body.trim().is_empty())
                            .then(|| (li, body.len(), t[body.len()..].to_string()))
                    })
                })
                .flatten();
            match at {
                Some((li, pos, printed)) => {
                    // "∗∗" (a font's asterisk operator) is the mark "**".
                    let mark = printed.replace('∗', "*");
                    marks.push((li, pos, mark.clone(), printed.len()));
                    defs.push(Def {
                        marker: mark,
                        text: collapse(&text),
                        line: no,
                    });
                }
                None => out.push(Item::StarNote {
                    marker,
                    text: escape(&text),
                    line: no,
                }),
            }
        }
        let mut from = (0, 0);
        for d in defs.iter().filter(|d| !d.marker.starts_with(['*', '∗'])) {
            match find_mark(&lines, &d.marker, from)
                .or_else(|| find_spaced_mark(&lines, &d.marker, from))
            {
                Some((li, at)) => {
                    marks.push((li, at, d.marker.clone(), d.marker.len()));
                    from = (li, at + d.marker.len());
                }
                None => warnings.push(Warning::new(
                    crate::Format::Text,
                    format!("line {}", d.line),
                    format!("no mark found in the text for footnote {}", d.marker),
                )),
            }
        }
        marks.sort_by_key(|(li, at, _, _)| (*li, *at));
        let mut body: Vec<(usize, String)> = Vec::with_capacity(lines.len());
        for (li, (no, l)) in lines.iter().enumerate() {
            let mut esc = String::new();
            let mut last = 0;
            for (_, at, m, printed_len) in marks.iter().filter(|(x, _, _, _)| *x == li) {
                // Two marks found at one place (an asterisk note's and a number's): the
                // first one stands.
                let Some(before) = l.get(last..*at) else {
                    continue;
                };
                let before = before.trim_end_matches(' ');
                esc.push_str(&escape(before));
                esc.push_str(&format!("<sup>{m}</sup>"));
                last = at + printed_len;
            }
            esc.push_str(&escape(&l[last..]));
            body.push((*no, esc));
        }
        for d in defs {
            out.push(Item::NoteDef {
                marker: d.marker,
                text: escape(&d.text),
                line: d.line,
            });
        }
        // Blocks. Indentation is measured from the page's left margin (its least indented
        // line): odd and even pages are printed with different margins.
        let margin = body
            .iter()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(_, l)| indent(l))
            .min()
            .unwrap_or(0);
        let mut cur: Option<Block> = None;
        let mut prev_blank = true;
        let mut cur_indent = 0;
        for i in 0..body.len() {
            let (no, l) = &body[i];
            if l.trim().is_empty() {
                if let Some(mut b) = cur.take() {
                    b.standalone = b.standalone && b.lines.len() <= 3;
                    out.push(Item::Block(b));
                }
                prev_blank = true;
                continue;
            }
            let t = l.trim_start();
            let ind = indent(l);
            let next_ind = body
                .get(i + 1)
                .filter(|(_, n)| !n.trim().is_empty())
                .map(|(_, n)| indent(n));
            let head = t.split_whitespace().next().unwrap_or("");
            let spaced = t
                .get(head.len()..)
                .is_some_and(|r| r.starts_with("  ") || r.starts_with('\t'));
            // Which numbers start paragraphs, subparagraphs and items of a list inside a
            // paragraph: the numbering shared with the PDF reader.
            let rel = ind - margin;
            // A new decision, resolution or annex numbers its paragraphs from 1.
            if starts_afresh(t) {
                numbering.restart();
            }
            // A paragraph number printed without its period, where the next one stands:
            // read as the number it is, and said.
            let fixed = (head.bytes().all(|b| b.is_ascii_digit())
                && numbering.missing_period(head, spaced, rel as f64))
            .then(|| {
                warnings.push(
                    Warning::new(
                        crate::Format::Text,
                        format!("line {no}"),
                        format!(
                            "paragraph number \"{head}\" printed without its period: read as \"{head}.\""
                        ),
                    )
                    .with_kind(crate::WarningKind::Corrected),
                );
                format!("{head}.{}", &t[head.len()..])
            });
            let t = fixed.as_deref().unwrap_or(t);
            let head = t.split_whitespace().next().unwrap_or("");
            let start = numbering.classify(head, spaced, rel as f64, || recommendation(&body[i..]));
            let nested_item = start == Start::ListItem;
            let para_start = start == Start::Paragraph;
            let sub_start = matches!(start, Start::Sub | Start::ListItem);
            let one_line = cur.as_ref().is_some_and(|b| b.lines.len() == 1);
            // The hanging indent of a numbered item's text ("3.     Consider…" / "China);")
            // goes on with the item, even when the next item starts further left.
            let hanging = ind == cur_indent
                && cur.as_ref().and_then(|b| b.lines.first()).is_some_and(|f| {
                    f.split_whitespace()
                        .next()
                        .and_then(|h| h.strip_suffix('.'))
                        .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
                });
            let indented = next_ind.is_some_and(|n| ind >= n + 3)
                && cur.is_some()
                && !hanging
                && (ind > cur_indent || one_line);
            let bullet = t.starts_with("• ");
            let new_block = cur.is_none() || para_start || sub_start || indented || bullet;
            if new_block {
                if let Some(b) = cur.take() {
                    let standalone = b.standalone && b.lines.len() <= 2;
                    out.push(Item::Block(Block { standalone, ..b }));
                }
                cur = Some(Block {
                    lines: vec![],
                    heading_level: 0,
                    standalone: prev_blank,
                    line: *no,
                    indent: rel,
                    nested: nested_item,
                    rows: Vec::new(),
                });
            }
            cur_indent = if new_block {
                next_ind.unwrap_or(ind)
            } else {
                cur_indent
            };
            if let Some(b) = cur.as_mut() {
                b.lines.push(collapse(t));
            }
            prev_blank = false;
        }
        if let Some(mut b) = cur.take() {
            b.standalone = b.standalone && b.lines.len() <= 3;
            out.push(Item::Block(b));
        }
        out.push(Item::PageBreak);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_and_segments() {
        assert_eq!(
            segments("  United Nations        A/HRC/59/15"),
            ["United Nations", "A/HRC/59/15"]
        );
        assert!(furniture("GE.25-02819 (E)"));
        assert!(furniture("2/2"));
        assert!(furniture("*1406716*"));
        assert!(furniture("210325 210325"));
        assert!(!furniture("Introduction"));
    }

    #[test]
    fn marks() {
        let lines = vec![
            (1, "with paragraph 15 (a);1".to_string()),
            (2, "(b); 2 and resolution 5/1".to_string()),
        ];
        assert_eq!(find_mark(&lines, "1", (0, 0)), Some((0, 22)));
        assert_eq!(find_mark(&lines, "2", (0, 23)), Some((1, 5)));
        assert_eq!(find_mark(&lines, "5", (0, 0)), None);
    }

    #[test]
    fn marks_set_apart_at_a_lines_end() {
        // LibreOffice's print of australia2011 through pdftotext: "when available 1".
        let lines = vec![
            (1, "as set out in article 1".to_string()),
            (2, "the review when available 1".to_string()),
            (3, "and States 2".to_string()),
        ];
        assert_eq!(find_mark(&lines, "1", (0, 0)), None);
        assert_eq!(find_spaced_mark(&lines, "1", (0, 0)), Some((1, 26)));
        // Not before where the search starts, not after a capital or a number word.
        assert_eq!(find_spaced_mark(&lines, "1", (2, 0)), None);
        assert_eq!(find_spaced_mark(&lines, "2", (0, 0)), None);
    }
}
