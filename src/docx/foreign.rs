//! Word files not written by undocs (real UN files): paragraphs become the text reader's
//! items (styles say which are headings; bold, italics and footnote marks become its inline
//! markup; footnotes come from `word/footnotes.xml`), and the text reader's assembler
//! recognizes the masthead, headings, numbered paragraphs, resolutions and decisions. The
//! masthead may also sit in the first-page header (New York template) or in
//! `docProps/custom.xml` (`Symbol1`, `JobNo`).

use super::package::Package;
use super::read::{Parts, footnote_mark, node_text, on, parse, pstyle, val};
use crate::model::JobNumber;
use crate::text::{Block as TBlock, Item, escape};
use crate::xml::El;
use crate::{Format, Read, ReadOptions, Result, Warning};

/// The heading level a style gives a paragraph (0: not a heading), from its id or its
/// display name: Geneva `HChG` ("_ H _Ch_G"), UNFCCC `RegHChG` ("Reg_H__Ch_G"), New York
/// `HCh` ("_ H _Ch"), `TitleHCH` ("Title_H_CH"), and Word's own "heading n".
fn heading_level(style: &str) -> usize {
    let key: String = style
        .chars()
        .filter(|c| !matches!(c, '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect();
    let key = key
        .strip_prefix("reg")
        .or_else(|| key.strip_prefix("anno"))
        .unwrap_or(&key);
    let key = key.strip_suffix('g').unwrap_or(key);
    match key {
        "hm" | "hch" | "titlehch" => 1,
        "h1" | "titleh1" | "titleh2" => 2,
        "h23" | "h2/3" | "h2" | "h3" => 3,
        "h4" => 4,
        "h56" | "h5/6" | "h5" | "h6" => 5,
        k => k
            .strip_prefix("heading")
            .and_then(|n| n.parse().ok())
            .filter(|n| (1..=9).contains(n))
            .unwrap_or(0),
    }
}

struct Cx<'p, 'a> {
    parts: &'p Parts<'a>,
    auto: usize,
    items: Vec<Item>,
}

/// A paragraph's lines in the text reader's markup; footnotes referenced in it are added as
/// note items.
fn markup(p: &El<'_>, cx: &mut Cx<'_, '_>) -> Vec<String> {
    let mut lines = vec![String::new()];
    fn go(e: &El<'_>, cx: &mut Cx<'_, '_>, lines: &mut Vec<String>) {
        for r in e.elements() {
            match r.name.as_ref() {
                "r" => {
                    let rpr = r.child("rPr");
                    let b = rpr.is_some_and(|x| on(x, "b"));
                    let i = rpr.is_some_and(|x| on(x, "i"));
                    let mut text = String::new();
                    let mut custom = false;
                    for c in r.elements() {
                        match c.name.as_ref() {
                            "t" if !custom => text.push_str(&escape(&c.text())),
                            "t" => custom = false,
                            "tab" => text.push(' '),
                            "br" | "cr" => {
                                wrap(&mut text, b, i, lines);
                                lines.push(String::new());
                            }
                            "footnoteReference" => {
                                wrap(&mut text, b, i, lines);
                                let id = c.attr("id").unwrap_or("");
                                let (marker, is_custom) = footnote_mark(c, r, &mut cx.auto);
                                custom = is_custom;
                                if let Some(last) = lines.last_mut() {
                                    last.push_str(&format!("<sup>{}</sup>", escape(&marker)));
                                }
                                let text = match cx.parts.footnotes.get(id) {
                                    Some(n) => n
                                        .elements()
                                        .filter(|p| p.name == "p")
                                        .map(|p| note_text(p))
                                        .filter(|t| !t.is_empty())
                                        .collect::<Vec<_>>()
                                        .join(" "),
                                    None => String::new(),
                                };
                                cx.items.push(Item::NoteDef {
                                    marker: escape(&marker),
                                    text,
                                    line: 0,
                                });
                            }
                            _ => {}
                        }
                    }
                    wrap(&mut text, b, i, lines);
                }
                "hyperlink" | "ins" | "smartTag" | "customXml" | "fldSimple" | "sdt"
                | "sdtContent" => go(r, cx, lines),
                _ => {}
            }
        }
    }
    fn wrap(text: &mut String, b: bool, i: bool, lines: &mut [String]) {
        if text.trim().is_empty() {
            if let Some(l) = lines.last_mut() {
                l.push_str(text);
            }
            text.clear();
            return;
        }
        // Markup goes around the words, spaces stay outside.
        let lead = text.len() - text.trim_start().len();
        let trail = text.len() - text.trim_end().len();
        let core = text.trim();
        let mut s = text[..lead].to_string();
        let d = match (b, i) {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            _ => "",
        };
        s.push_str(d);
        s.push_str(core);
        s.push_str(&d.chars().rev().collect::<String>());
        s.push_str(&text[text.len() - trail..]);
        if let Some(l) = lines.last_mut() {
            l.push_str(&s);
        }
        text.clear();
    }
    go(p, cx, &mut lines);
    let lines: Vec<String> = lines
        .into_iter()
        .map(|l| {
            l.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace("** **", " ")
                .replace("* *", " ")
        })
        .filter(|l| !l.is_empty())
        .collect();
    // A line break before a word in lowercase only wraps a long line ("…serving as the
    // meeting / of the Parties…"); other breaks separate lines ("12th plenary meeting / 13
    // November 2021").
    let mut joined: Vec<String> = Vec::new();
    for l in lines {
        match joined.last_mut() {
            Some(prev)
                if l.trim_start_matches(['*', '\\'])
                    .starts_with(|c: char| c.is_lowercase()) =>
            {
                prev.push(' ');
                prev.push_str(&l);
            }
            _ => joined.push(l),
        }
    }
    joined
}

/// A data table: rows of cells, each cell's paragraphs as one line of markup.
fn table_item(t: &El<'_>, cx: &mut Cx<'_, '_>) -> Item {
    let mut rows = Vec::new();
    for tr in t.elements().filter(|e| e.name == "tr") {
        let header = tr
            .child("trPr")
            .is_some_and(|p| p.child("tblHeader").is_some());
        let mut cells = Vec::new();
        for tc in tr.elements().filter(|e| e.name == "tc") {
            let mut ps = Vec::new();
            tc.find_all("p", &mut ps);
            let text: Vec<String> = ps.iter().flat_map(|p| markup(p, cx)).collect();
            cells.push(text.join(" "));
        }
        rows.push((header, cells));
    }
    Item::Block(TBlock {
        lines: vec![],
        heading_level: 0,
        standalone: false,
        line: 0,
        rows,
    })
}

/// A footnote paragraph's text, without its mark.
fn note_text(p: &El<'_>) -> String {
    let mut s = String::new();
    for r in p.elements() {
        let skip = r
            .child("rPr")
            .and_then(|x| val(x, "rStyle"))
            .is_some_and(|st| st.to_lowercase().contains("footnote"))
            || r.child("footnoteRef").is_some();
        if !skip {
            s.push_str(&node_text(r));
        }
    }
    escape(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The text of the first-page header (New York masthead) as blocks.
fn header_items(
    pkg: &Package<'_>,
    body: &El<'_>,
    parts: &Parts<'_>,
    options: &ReadOptions,
    out: &mut Vec<Item>,
) -> Result<()> {
    // The first section's first-page header: section properties stand at the end of each
    // section (in a paragraph's properties) and at the end of the body.
    let mut sects = Vec::new();
    body.find_all("sectPr", &mut sects);
    let first = sects.iter().find_map(|s| {
        s.elements()
            .find(|e| e.name == "headerReference" && e.attr("type") == Some("first"))
    });
    let Some(target) = first
        .and_then(|h| h.attr("id"))
        .and_then(|id| parts.rels.get(id))
    else {
        return Ok(());
    };
    let name = format!(
        "word/{}",
        target.trim_start_matches('/').trim_start_matches("word/")
    );
    let Some(bytes) = pkg.part(&name)? else {
        return Ok(());
    };
    let root = parse(&name, &bytes, options)?;
    let mut ps = Vec::new();
    root.find_all("p", &mut ps);
    let lines: Vec<String> = ps
        .iter()
        .map(|p| node_text(p))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .collect();
    if !lines.is_empty() {
        out.push(Item::Block(TBlock {
            lines: lines.iter().map(|l| escape(l)).collect(),
            heading_level: 0,
            standalone: true,
            line: 0,
            rows: Vec::new(),
        }));
    }
    Ok(())
}

/// "2506262E" (the New York form of `JobNo`) or a printed job number.
fn job_number(s: &str) -> Option<JobNumber> {
    if let Ok(j) = s.parse() {
        return Some(j);
    }
    let t = s.trim();
    let (digits, letter) = t.split_at(t.find(|c: char| !c.is_ascii_digit())?);
    (digits.len() == 7 && letter.len() == 1).then(|| {
        format!("{}-{} ({letter})", &digits[..2], &digits[2..])
            .parse()
            .ok()
    })?
}

pub(crate) fn read(
    pkg: &Package<'_>,
    body: &El<'_>,
    parts: &Parts<'_>,
    options: &ReadOptions,
) -> Result<Read> {
    // Style display names, for files whose style ids are not the template's own.
    let styles_bytes = pkg.part("word/styles.xml")?;
    let styles_root = match &styles_bytes {
        Some(b) => Some(parse("word/styles.xml", b, options)?),
        None => None,
    };
    let mut style_names: std::collections::HashMap<&str, String> = std::collections::HashMap::new();
    if let Some(root) = &styles_root {
        for st in root.elements().filter(|e| e.name == "style") {
            if let (Some(id), Some(name)) = (
                st.attr("styleId"),
                st.child("name").and_then(|n| n.attr("val")),
            ) {
                style_names.insert(id, name.to_string());
            }
        }
    }
    let level_of = |style: &str| {
        heading_level(style).max(style_names.get(style).map_or(0, |n| heading_level(n)))
    };
    let mut cx = Cx {
        parts,
        auto: 0,
        items: Vec::new(),
    };
    // Masthead facts kept outside the body.
    let mut head = Vec::new();
    for k in ["Symbol1", "Symbol2"] {
        if let Some(s) = parts.prop(k).map(str::trim).filter(|s| !s.is_empty()) {
            head.push(escape(s));
        }
    }
    if !head.is_empty() {
        cx.items.push(Item::Block(TBlock {
            lines: head,
            heading_level: 0,
            standalone: true,
            line: 0,
            rows: Vec::new(),
        }));
    }
    header_items(pkg, body, parts, options, &mut cx.items)?;
    if let Some(j) = parts.prop("JobNo").and_then(job_number) {
        cx.items.push(Item::JobNumber(j.to_string()));
    }
    // The body's paragraphs, tables and content controls in order.
    // The body's paragraphs in order, through content controls and text boxes. Tables
    // before the first heading hold the masthead: their paragraphs are read as lines; later
    // top-level tables are tables.
    enum Unit<'e, 'a> {
        P(&'e El<'a>),
        Table(&'e El<'a>),
    }
    let mut units = Vec::new();
    fn collect<'e, 'a>(
        e: &'e El<'a>,
        out: &mut Vec<Unit<'e, 'a>>,
        top: bool,
        seen_heading: &mut bool,
        level_of: &dyn Fn(&str) -> usize,
    ) {
        for c in e.elements() {
            match c.name.as_ref() {
                "p" => {
                    if pstyle(c).is_some_and(|s| level_of(s) > 0) {
                        *seen_heading = true;
                    }
                    out.push(Unit::P(c))
                }
                "tbl" if top && *seen_heading => out.push(Unit::Table(c)),
                "tbl" | "tr" | "tc" => collect(c, out, false, seen_heading, level_of),
                "sdt" | "sdtContent" | "customXml" | "txbxContent" => {
                    collect(c, out, top, seen_heading, level_of)
                }
                _ => {}
            }
        }
    }
    let mut seen_heading = false;
    collect(body, &mut units, true, &mut seen_heading, &level_of);
    let mut paragraphs: Vec<&El> = Vec::new();
    let mut tables: Vec<(usize, &El)> = Vec::new();
    for u in &units {
        match u {
            Unit::P(p) => paragraphs.push(p),
            Unit::Table(t) => tables.push((paragraphs.len(), t)),
        }
    }
    let mut next_table = 0;
    let mut in_contents = false;
    for (i, p) in paragraphs.iter().enumerate() {
        while next_table < tables.len() && tables[next_table].0 == i {
            let t = tables[next_table].1;
            let item = table_item(t, &mut cx);
            cx.items.push(item);
            next_table += 1;
        }
        let style = pstyle(p).unwrap_or("");
        let level = level_of(style);
        let lines = markup(p, &mut cx);
        let plain: String = lines.join(" ");
        if plain.trim().eq_ignore_ascii_case("Contents") {
            in_contents = true;
            continue;
        }
        if in_contents {
            if level > 0 {
                in_contents = false;
            } else {
                continue;
            }
        }
        if style.starts_with("TOC") || lines.is_empty() {
            continue;
        }
        // Asterisk notes typed as paragraphs ("*\tA/80/50.").
        let stars = plain
            .trim()
            .chars()
            .take_while(|c| *c == '*' || *c == '\\')
            .filter(|c| *c == '*')
            .count();
        if stars > 0 && stars <= 3 && level == 0 {
            let rest = plain.trim().trim_start_matches(['*', '\\']).trim();
            if !rest.is_empty() && plain.trim().starts_with("\\*") {
                cx.items.push(Item::StarNote {
                    marker: "*".repeat(stars),
                    text: rest.to_string(),
                    line: i + 1,
                });
                continue;
            }
        }
        cx.items.push(Item::Block(TBlock {
            lines,
            heading_level: level,
            standalone: true,
            line: i + 1,
            rows: Vec::new(),
        }));
    }
    while next_table < tables.len() {
        let t = tables[next_table].1;
        let item = table_item(t, &mut cx);
        cx.items.push(item);
        next_table += 1;
    }
    let mut warnings: Vec<Warning> = Vec::new();
    let mut document = crate::text::assemble_items(cx.items, &mut warnings);
    for w in &mut warnings {
        w.format = Format::Docx;
        if w.location.starts_with("line ") {
            w.location = format!("word/document.xml, paragraph {}", &w.location[5..]);
        }
    }
    if document.meta.language.is_none() {
        document.meta.language = parts
            .prop("Language")
            .and_then(crate::model::Language::from_name);
    }
    Ok(Read { document, warnings })
}

#[cfg(test)]
mod tests {
    use super::heading_level;

    #[test]
    fn heading_levels_by_id_and_display_name() {
        for (style, level) in [
            ("HChG", 1),
            ("_ H _Ch_G", 1),
            ("RegHChG", 1),
            ("Reg_H__Ch_G", 1),
            ("HCh", 1),
            ("_ H _Ch", 1),
            ("TitleHCH", 1),
            ("Title_H_CH", 1),
            ("H1G", 2),
            ("_ H_1_G", 2),
            ("H23G", 3),
            ("_ H_2/3_G", 3),
            ("H4", 4),
            ("heading 2", 2),
            ("Heading3", 3),
            ("SingleTxtG", 0),
            ("_ Single Txt_G", 0),
            ("Normal", 0),
        ] {
            assert_eq!(heading_level(style), level, "{style}");
        }
    }
}
