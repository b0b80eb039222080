//! Word files not written by undocs (real UN files): each paragraph becomes one block of
//! the recognizer's typed lines — its runs read as inlines by [`super::runs`], its style's
//! heading level as the block's hint — and [`crate::recognize`] builds the masthead,
//! headings, numbered paragraphs, resolutions and decisions. The masthead may also sit in
//! the first-page header (New York template) or in `docProps/custom.xml` (`Symbol1`,
//! `JobNo`); the job number also in the first-page footer or in `word/settings.xml`'s
//! document variables.

use super::package::Package;
use super::read::{Parts, node_text, parse, parse_styles, pstyle};
use super::runs::{RunCx, Styles, paragraph_lines};
use crate::model::{Inline, JobNumber, TitleNote, plain_text};
use crate::recognize::{Hints, Input, Lines, Source};
use crate::xml::El;
use crate::{Format, ReadOptions, ReadOutput, Result};

/// How the DOCX reader names a position.
const SOURCE: Source = Source {
    format: Format::Docx,
    locate: |p| crate::Location::paragraph("word/document.xml", p as u64),
};

/// The heading level a style gives a paragraph (0: not a heading), from its id or its
/// display name: Geneva `HChG` ("_ H _Ch_G"), UNFCCC `RegHChG` ("Reg_H__Ch_G"), New York
/// `HCh` ("_ H _Ch"), `TitleHCH` ("Title_H_CH"), and Word's own "heading n".
fn heading_level(style: &str) -> usize {
    // (Every heading style's name has an "h" and is short: most styles are passed over
    // without building their key.)
    if style.len() > 32 || !style.bytes().any(|b| b | 0x20 == b'h') {
        return 0;
    }
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

/// A data table: rows of cells, each cell's paragraphs.
fn table_input(t: El<'_>, cx: &mut RunCx<'_, '_>) -> Input {
    let mut rows = Vec::new();
    for tr in t.elements().filter(|e| e.name == "tr") {
        let header = tr
            .child("trPr")
            .is_some_and(|p| p.child("tblHeader").is_some());
        let mut cells = Vec::new();
        for tc in tr.elements().filter(|e| e.name == "tc") {
            let mut ps = Vec::new();
            tc.find_all("p", &mut ps);
            let paras: Vec<Vec<Inline>> = ps
                .iter()
                .map(|p| crate::recognize::inlines::join_owned(paragraph_lines(*p, cx, false)))
                .collect();
            cells.push(paras);
        }
        rows.push((header, cells));
    }
    Input::Table { rows, at: 0 }
}

/// The text lines of a header or footer part referenced from the first section's
/// properties (`kind` "headerReference" or "footerReference", type "first").
/// The id of the first first-page header and footer (`type="first"`) of the sections
/// inside `e` (a child of the body), when none was found before.
fn first_refs(e: El<'_>, header: &mut Option<String>, footer: &mut Option<String>) {
    if header.is_some() && footer.is_some() {
        return;
    }
    let mut sects = Vec::new();
    if e.name == "sectPr" {
        sects.push(e);
    }
    e.find_all("sectPr", &mut sects);
    for (kind, slot) in [("headerReference", header), ("footerReference", footer)] {
        if slot.is_none() {
            *slot = sects.iter().find_map(|s| {
                s.elements()
                    .find(|r| r.name == kind && r.attr("type") == Some("first"))
                    .and_then(|r| r.attr("id"))
                    .map(str::to_string)
            });
        }
    }
}

/// The text lines of the first-page header or footer with relationship id `id`.
fn first_page_part(
    pkg: &Package<'_>,
    id: Option<&str>,
    parts: &Parts<'_>,
    options: &ReadOptions,
) -> Result<Vec<String>> {
    let Some(target) = id.and_then(|id| parts.rels.get(id)) else {
        return Ok(vec![]);
    };
    let name = format!(
        "word/{}",
        target.trim_start_matches('/').trim_start_matches("word/")
    );
    let Some(bytes) = pkg.part(&name)? else {
        return Ok(vec![]);
    };
    let tree = parse(&name, &bytes, options)?;
    let mut ps = Vec::new();
    tree.root().find_all("p", &mut ps);
    Ok(ps
        .iter()
        .map(|p| node_text(*p))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .collect())
}

/// The document variables of `word/settings.xml` (New York files keep the job number
/// there: `jobn`, `FooterJN`).
fn doc_vars(pkg: &Package<'_>, options: &ReadOptions) -> Result<Vec<(String, String)>> {
    let Some(bytes) = pkg.part("word/settings.xml")? else {
        return Ok(vec![]);
    };
    let tree = parse("word/settings.xml", &bytes, options)?;
    let mut vars = Vec::new();
    tree.root().find_all("docVar", &mut vars);
    Ok(vars
        .iter()
        .filter_map(|v| Some((v.attr("name")?.to_string(), v.attr("val")?.to_string())))
        .collect())
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

/// The body's units in reading order, through content controls and text boxes. Tables
/// before the first heading hold the masthead: their paragraphs are read as lines; later
/// top-level tables are tables.
enum Unit<'e> {
    /// A paragraph, and the masthead-area table it sits in (by index), if any.
    P(El<'e>, Option<usize>),
    Table(El<'e>),
}

/// Where [`collect`] is.
struct Walk<'l> {
    seen_heading: bool,
    tables: usize,
    level_of: &'l dyn Fn(&str) -> usize,
}

fn collect<'e>(
    e: El<'e>,
    out: &mut Vec<Unit<'e>>,
    top: bool,
    table: Option<usize>,
    w: &mut Walk<'_>,
) {
    for c in e.elements() {
        collect_child(c, out, top, table, w);
    }
}

/// [`collect`] for one child.
fn collect_child<'e>(
    c: El<'e>,
    out: &mut Vec<Unit<'e>>,
    top: bool,
    table: Option<usize>,
    w: &mut Walk<'_>,
) {
    match c.name {
        "p" => {
            if pstyle(c).is_some_and(|s| (w.level_of)(s) > 0) {
                w.seen_heading = true;
            }
            out.push(Unit::P(c, table));
            // Text boxes anchored in the paragraph follow it.
            let mut boxes = Vec::new();
            text_boxes(c, &mut boxes);
            for b in boxes {
                collect(b, out, false, table, w);
            }
        }
        "tbl" if top && w.seen_heading => out.push(Unit::Table(c)),
        "tbl" if table.is_none() => {
            w.tables += 1;
            let id = w.tables;
            collect(c, out, false, Some(id), w)
        }
        "tbl" | "tr" | "tc" => collect(c, out, false, table, w),
        "sdt" | "sdtContent" | "customXml" => collect(c, out, top, table, w),
        _ => {}
    }
}

/// The text boxes (`w:txbxContent`) inside a paragraph's runs, once each: the VML copy in
/// `mc:Fallback` repeats the `mc:Choice` one.
fn text_boxes<'e>(e: El<'e>, out: &mut Vec<El<'e>>) {
    for c in e.elements() {
        match c.name {
            "txbxContent" => out.push(c),
            "Fallback" | "pPr" | "rPr" | "t" => {}
            _ => text_boxes(c, out),
        }
    }
}

/// Whether a paragraph's text is a template placeholder: "(placeholder)", "[Placeholder]".
fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    let inner = t
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .or_else(|| t.strip_prefix('[').and_then(|r| r.strip_suffix(']')));
    inner.is_some_and(|i| i.trim().eq_ignore_ascii_case("placeholder"))
}

/// Whether a paragraph is an entry of a table of contents: a TOC style, leader dots, or a
/// page number after a tab.
fn is_toc_entry(style: &str, text: &str) -> bool {
    let t = text.trim_end();
    style.to_ascii_uppercase().starts_with("TOC")
        || t.contains("....")
        || t.contains("…….")
        || t.rsplit_once(char::is_whitespace).is_some_and(|(head, n)| {
            head.ends_with(['.', '…']) && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
        })
}

pub(crate) fn read(
    pkg: &Package<'_>,
    parts: &Parts<'_>,
    options: &ReadOptions,
) -> Result<ReadOutput> {
    // Style display names, for files whose style ids are not the template's own. (Read
    // into owned maps, so that the part and its tree are freed before the body is read,
    // and their memory is used again.)
    let mut style_names: std::collections::HashMap<String, String> =
        std::collections::HashMap::new();
    let styles = match pkg.part("word/styles.xml")? {
        Some(bytes) => {
            let tree = parse_styles(&bytes, options)?;
            for st in tree.root().elements().filter(|e| e.name == "style") {
                if let (Some(id), Some(name)) = (
                    st.attr("styleId"),
                    st.child("name").and_then(|n| n.attr("val")),
                ) {
                    style_names.insert(id.to_string(), name.to_string());
                }
            }
            Styles::new(Some(tree.root()))
        }
        None => Styles::new(None),
    };
    // (Each style's level worked out once, at the first paragraph in it: a template
    // defines hundreds of styles, and a document uses a few dozen.)
    let levels: std::cell::RefCell<std::collections::HashMap<&str, usize>> = Default::default();
    let level_of = |style: &str| {
        let Some((id, name)) = style_names.get_key_value(style) else {
            return heading_level(style);
        };
        if let Some(&level) = levels.borrow().get(id.as_str()) {
            return level;
        }
        let level = heading_level(id).max(heading_level(name));
        levels.borrow_mut().insert(id.as_str(), level);
        level
    };
    let mut cx = RunCx {
        parts,
        styles: &styles,
        auto: 0,
        endnotes: 0,
        notes_read: Default::default(),
        repeats_said: Default::default(),
        warnings: Vec::new(),
    };
    let mut walk = Walk {
        seen_heading: false,
        tables: 0,
        level_of: &level_of,
    };
    let mut body = BodyReader {
        inputs: Vec::new(),
        units: 0,
        toc_entries: 0,
        placeholders: 0,
        in_contents: false,
        toc_table: None,
    };
    let (mut first_header, mut first_footer) = (None, None);
    super::read::parse_body(pkg, parts, options, &mut |c| {
        first_refs(c, &mut first_header, &mut first_footer);
        let mut units = Vec::new();
        collect_child(c, &mut units, true, None, &mut walk);
        for u in &units {
            body.unit(u, &mut cx, &level_of, &style_names);
        }
        Ok(())
    })?;
    let BodyReader {
        inputs: body_inputs,
        toc_entries,
        placeholders,
        ..
    } = body;
    let mut inputs: Vec<Input> = Vec::new();
    let plain_block = |lines: Vec<String>| {
        Input::Lines(Lines {
            lines: lines.into_iter().map(|l| vec![Inline::Text(l)]).collect(),
            hints: Hints {
                heading_level: 0,
                standalone: true,
                title_block: false,
                indent: None,
                nested: false,
                continues: false,
            },
            at: 0,
        })
    };
    // Masthead facts kept outside the body.
    let head: Vec<String> = ["Symbol1", "Symbol2"]
        .iter()
        .filter_map(|k| parts.prop(k).map(str::trim).filter(|s| !s.is_empty()))
        .map(str::to_string)
        .collect();
    if !head.is_empty() {
        inputs.push(plain_block(head));
    }
    let header = first_page_part(pkg, first_header.as_deref(), parts, options)?;
    if !header.is_empty() {
        inputs.push(plain_block(header));
    }
    // The job number: from the custom properties, else the document variables of
    // `word/settings.xml`, else the first-page footer (the later parts are read only when
    // the earlier ones have none).
    let mut job = parts.prop("JobNo").and_then(job_number);
    if job.is_none() {
        let vars = doc_vars(pkg, options)?;
        let var = |name: &str| {
            vars.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        };
        job = var("jobn")
            .and_then(job_number)
            .or_else(|| var("JobNo").and_then(job_number));
    }
    if job.is_none() {
        let footer = first_page_part(pkg, first_footer.as_deref(), parts, options)?;
        job = footer.iter().find_map(|l| JobNumber::parse_prefix(l));
    }
    if let Some(j) = job {
        inputs.push(Input::JobNumber(j));
    }
    inputs.extend(body_inputs);
    let mut warnings = std::mem::take(&mut cx.warnings);
    if toc_entries > 0 {
        warnings.push(
            crate::Warning::new(
                Format::Docx,
                "word/document.xml",
                crate::recognize::toc_skipped(toc_entries),
            )
            .with_kind(crate::WarningKind::TableOfContentsSkipped),
        );
    }
    if placeholders > 0 {
        warnings.push(
            crate::Warning::new(
                Format::Docx,
                "word/document.xml",
                format!("{placeholders} template placeholder heading(s) \"(placeholder)\" skipped"),
            )
            .with_kind(crate::WarningKind::Dropped),
        );
    }
    let mut document = crate::recognize::recognize(inputs, SOURCE, &mut warnings);
    if document.meta.language.is_none() {
        document.meta.language = parts
            .prop("Language")
            .and_then(crate::model::Language::from_name);
    }
    Ok(ReadOutput { document, warnings })
}

/// A line break before a word in lowercase only wraps a long line ("…serving as the
/// meeting / of the Parties…"): such lines are joined; other breaks separate lines ("12th
/// plenary meeting / 13 November 2021").
fn rejoin_wrapped(lines: Vec<Vec<Inline>>) -> Vec<Vec<Inline>> {
    let mut out: Vec<Vec<Inline>> = Vec::new();
    for l in lines {
        if crate::recognize::inlines::is_blank(&l) {
            continue;
        }
        let lower = plain_text(&l)
            .trim_start()
            .starts_with(|c: char| c.is_lowercase());
        match out.last_mut() {
            Some(prev) if lower => crate::recognize::inlines::append_spaced(prev, l),
            _ => out.push(l),
        }
    }
    out
}

/// The reading of a body's units into the recognizer's inputs, a unit at a time (as the
/// body's children are handed over by [`super::read::parse_body`]).
struct BodyReader {
    inputs: Vec<Input>,
    /// Units read so far.
    units: usize,
    toc_entries: usize,
    placeholders: usize,
    in_contents: bool,
    /// The table that follows a "Contents" paragraph is the table of contents.
    toc_table: Option<usize>,
}

impl BodyReader {
    fn unit(
        &mut self,
        u: &Unit<'_>,
        cx: &mut RunCx<'_, '_>,
        level_of: &dyn Fn(&str) -> usize,
        style_names: &std::collections::HashMap<String, String>,
    ) {
        self.units += 1;
        let p = match u {
            Unit::P(p, table) => {
                if self.in_contents && self.toc_table.is_none() {
                    self.toc_table = *table;
                }
                if table.is_some() && *table == self.toc_table {
                    self.toc_entries += 1;
                    return;
                }
                p
            }
            Unit::Table(t) => {
                if self.in_contents && self.toc_table.is_none() {
                    // The table of contents laid out as a table: one entry a row.
                    self.toc_entries += t.elements().filter(|r| r.name == "tr").count();
                    self.in_contents = false;
                    return;
                }
                let t = table_input(*t, cx);
                self.inputs.push(t);
                return;
            }
        };
        let style = pstyle(*p).unwrap_or("");
        let level = level_of(style);
        let lines = paragraph_lines(*p, cx, false);
        let text = crate::model::plain_text_joined(&lines, " ");
        // "Contents", as a plain paragraph or styled as a heading, opens the table of
        // contents.
        if text.trim().eq_ignore_ascii_case("Contents") {
            self.in_contents = true;
            return;
        }
        if self.in_contents || style.to_ascii_uppercase().starts_with("TOC") {
            if is_toc_entry(style, &text) || (self.in_contents && text.trim().is_empty()) {
                self.toc_entries += 1;
                return;
            }
            self.in_contents = false;
        }
        if lines.iter().all(|l| crate::recognize::inlines::is_blank(l)) {
            return;
        }
        // A template's placeholder left in a heading style ("(placeholder)") is neither a
        // heading nor text of the document.
        if level > 0 && is_placeholder(&text) {
            self.placeholders += 1;
            return;
        }
        // Asterisk notes typed as paragraphs ("*\tA/80/50.").
        let t = text.trim();
        let stars = t.chars().take_while(|c| *c == '*').count();
        if (1..=3).contains(&stars) && level == 0 {
            let content = crate::recognize::inlines::join_lines(&lines);
            let content = crate::recognize::inlines::strip_prefix(content, &"*".repeat(stars));
            if !crate::recognize::inlines::is_blank(&content) {
                self.inputs.push(Input::TitleNote(TitleNote {
                    marker: "*".repeat(stars),
                    content,
                }));
                return;
            }
        }
        let title_block = [Some(style), style_names.get(style).map(String::as_str)]
            .into_iter()
            .flatten()
            .any(|s| {
                // Its letters and digits, lower-cased, start "titleh" (compared as they
                // come: this is asked of every paragraph).
                let mut chars = s
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .map(|c| c.to_ascii_lowercase());
                "titleh".chars().all(|w| chars.next() == Some(w))
            });
        // Our own subparagraph styles ("SubTxt1G"), kept by a word processor that dropped
        // our content controls on saving (LibreOffice): an item numbered "1." in one is
        // inside the open paragraph, as the recommendations listed in a UPR paragraph.
        let nested = matches!(super::styles::role(style), super::styles::Role::Sub(_));
        self.inputs.push(Input::Lines(Lines {
            lines: rejoin_wrapped(lines),
            hints: Hints {
                heading_level: level,
                standalone: true,
                title_block,
                indent: None,
                nested,
                continues: false,
            },
            at: self.units,
        }));
    }
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
