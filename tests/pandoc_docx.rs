//! Real UN Word files read by undocs, checked against a reader we did not write: pandoc's
//! AST (`pandoc -f docx -t json`) of the same file.
//!
//! - Every paragraph pandoc sees is found in undocs' document, with the same text, in the
//!   same order (white space normalized).
//! - Bold, italic and superscript spans match pandoc's Strong, Emph and Superscript spans in
//!   number and text.
//! - Footnote texts are equal, in order.
//!
//! The model stores some printed lines as fields rather than paragraphs; the mapping, which
//! each check applies, is:
//!
//! | pandoc paragraph | undocs |
//! |---|---|
//! | masthead lines before the body (symbol, organ, body, distribution, date, session, agenda items, title) | `meta` fields, in any order |
//! | "Decision 6/CMA.3", "Resolution 1/CMA.3" | `Resolution::num` |
//! | "11th plenary meeting / 12 November 2021" | `Resolution::adoption`, one line each |
//! | "* A/80/50." typed under the title | `meta.title_notes` |
//! | table-of-contents entries | skipped, with a warning |
//!
//! Formatting the model does not keep as spans, by design: the bold or italics of a line
//! that is a heading, an annex label or title, a decision title, a masthead field or an
//! adoption line (these are stored as their text; their look is the heading's). Adjacent
//! pandoc spans of one kind separated only by white space count as one span (Word often
//! splits "*Also* *welcomes*" at a plain space; undocs joins them).

mod common;

use std::process::Command;

use serde_json::Value;
use undocs::model::{Annex, Block, Document, Inline, Note, Paragraph, plain_text};
use undocs::{Format, ReadOptions};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// White space collapsed, no-break spaces and hyphens as plain ones.
fn norm(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}'], " ")
        .replace('\u{2011}', "-")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

// ----- pandoc's side -------------------------------------------------------------------

fn p_text(v: &[Value], out: &mut String) {
    for i in v {
        let c = &i["c"];
        match i["t"].as_str().unwrap_or("") {
            "Str" => out.push_str(c.as_str().unwrap_or("")),
            "Space" | "SoftBreak" | "LineBreak" => out.push(' '),
            "Emph" | "Strong" | "Superscript" | "Subscript" | "SmallCaps" | "Underline"
            | "Strikeout" => p_text(c.as_array().map_or(&[], |v| v), out),
            "Link" | "Span" | "Quoted" => p_text(c[1].as_array().map_or(&[], |v| v), out),
            _ => {}
        }
    }
}

fn p_inline_text(v: &[Value]) -> String {
    let mut s = String::new();
    p_text(v, &mut s);
    norm(&s)
}

/// Paragraph texts of pandoc blocks in order (not inside notes).
fn p_paragraphs(blocks: &[Value], out: &mut Vec<String>) {
    for b in blocks {
        let c = &b["c"];
        match b["t"].as_str().unwrap_or("") {
            "Para" | "Plain" => out.push(p_inline_text(c.as_array().map_or(&[], |v| v))),
            "Header" => out.push(p_inline_text(c[2].as_array().map_or(&[], |v| v))),
            "BlockQuote" => p_paragraphs(c.as_array().map_or(&[], |v| v), out),
            "BulletList" | "OrderedList" => {
                let items = if b["t"] == "BulletList" { c } else { &c[1] };
                for item in items.as_array().into_iter().flatten() {
                    p_paragraphs(item.as_array().map_or(&[], |v| v), out);
                }
            }
            // The table after "Contents" is the table of contents: its entries are marked.
            "Table" if out.last().is_some_and(|l| l == "Contents") => {
                out.pop();
                let mut entries = Vec::new();
                p_table(c, &mut entries);
                out.extend(
                    entries
                        .into_iter()
                        .filter(|e| !e.is_empty())
                        .map(|e| format!("{TOC}{e}")),
                );
            }
            "Table" => p_table(c, out),
            "Div" => p_paragraphs(c[1].as_array().map_or(&[], |v| v), out),
            _ => {}
        }
    }
}

/// Every block list inside a table value (pandoc 2.10+ tables: head, bodies, foot), in order.
fn p_table(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Array(a) => {
            let is_blocks = !a.is_empty() && a.iter().all(|x| x.get("t").is_some());
            let block_like = is_blocks
                && a.iter().all(|x| {
                    matches!(
                        x["t"].as_str(),
                        Some("Para" | "Plain" | "Header" | "BlockQuote" | "Table" | "Div")
                    )
                });
            if block_like {
                p_paragraphs(a, out);
            } else {
                a.iter().for_each(|x| p_table(x, out));
            }
        }
        Value::Object(o) => o.values().for_each(|x| p_table(x, out)),
        _ => {}
    }
}

/// Spans of one kind (`Strong`, `Emph`, `Superscript`) in order, notes included, with
/// same-kind spans separated only by white space joined.
fn p_spans(v: &Value, kind: &str, out: &mut Vec<String>) {
    match v {
        Value::Array(a) => {
            let inlines = !a.is_empty() && a.iter().all(|x| x.get("t").is_some());
            if inlines {
                let mut k = 0;
                while k < a.len() {
                    if a[k]["t"] == kind {
                        let mut text = p_inline_text(a[k]["c"].as_array().map_or(&[], |v| v));
                        // Join "Emph, Space, Emph".
                        while k + 2 < a.len() && a[k + 1]["t"] == "Space" && a[k + 2]["t"] == kind {
                            text.push(' ');
                            text.push_str(&p_inline_text(
                                a[k + 2]["c"].as_array().map_or(&[], |v| v),
                            ));
                            k += 2;
                        }
                        out.push(text);
                        // Spans of the same kind nested inside are part of this one, but a
                        // note inside has spans of its own.
                        let mut notes = Vec::new();
                        p_notes_in(&a[k]["c"], &mut notes);
                        for n in notes {
                            p_spans(n, kind, out);
                        }
                        k += 1;
                        continue;
                    }
                    p_spans(&a[k], kind, out);
                    k += 1;
                }
            } else {
                a.iter().for_each(|x| p_spans(x, kind, out));
            }
        }
        Value::Object(o) => {
            // Note content and any nested structure, in key order of pandoc's JSON ("c" after
            // "t").
            if let Some(c) = o.get("c") {
                p_spans(c, kind, out);
            }
        }
        _ => {}
    }
}

/// The contents of notes inside a value.
fn p_notes_in<'v>(v: &'v Value, out: &mut Vec<&'v Value>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| p_notes_in(x, out)),
        Value::Object(o) => {
            if o.get("t").and_then(Value::as_str) == Some("Note") {
                out.push(&o["c"]);
            } else if let Some(c) = o.get("c") {
                p_notes_in(c, out);
            }
        }
        _ => {}
    }
}

fn p_notes(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| p_notes(x, out)),
        Value::Object(o) => {
            if o.get("t").and_then(Value::as_str) == Some("Note") {
                let mut paras = Vec::new();
                p_paragraphs(o["c"].as_array().map_or(&[], |v| v), &mut paras);
                out.push(norm(&paras.join(" ")));
            } else if let Some(c) = o.get("c") {
                p_notes(c, out);
            }
        }
        _ => {}
    }
}

/// The table of contents (the table after a "Contents" paragraph) taken out of pandoc's
/// blocks; returns its paragraphs.
fn strip_toc(blocks: &mut Vec<Value>) {
    let at = blocks.windows(2).position(|w| {
        let mut t = Vec::new();
        p_paragraphs(std::slice::from_ref(&w[0]), &mut t);
        t == ["Contents"] && w[1]["t"] == "Table"
    });
    if let Some(i) = at {
        blocks.remove(i + 1);
    }
}

/// Removes the paragraphs whose text `drop` names, wherever they are.
fn strip_paras(v: &mut Value, drop: &dyn Fn(&str) -> bool) {
    match v {
        Value::Array(a) => {
            a.retain(|b| {
                b["t"] != "Para" || !drop(&p_inline_text(b["c"].as_array().map_or(&[], |v| v)))
            });
            a.iter_mut().for_each(|x| strip_paras(x, drop));
        }
        Value::Object(o) => {
            if let Some(c) = o.get_mut("c") {
                strip_paras(c, drop);
            }
        }
        _ => {}
    }
}

// ----- undocs' side ----------------------------------------------------------------------

/// What a unit of undocs' document is to the checks.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    /// A heading, a decision's number or title, an annex label or title: stored as its
    /// text, its bold or italics being the heading's look.
    Heading,
    /// Running text: paragraphs, table cells, a resolution's origin and formula.
    Text,
}

/// A printed unit of undocs' document: its text as printed (with its number), its inlines.
struct Unit<'d> {
    role: Role,
    text: String,
    inlines: &'d [Inline],
}

/// undocs' document as units in reading order: headings and paragraphs with their printed
/// numbers, table cells, resolutions' parts, annex labels and titles. Adoption lines are
/// checked apart: they print before or after a decision's annexes, and the model does not
/// say which.
fn u_units(doc: &Document) -> Vec<Unit<'_>> {
    fn unit<'d>(role: Role, num: Option<&str>, inlines: &'d [Inline]) -> Unit<'d> {
        let num = num.map(|n| format!("{n} ")).unwrap_or_default();
        Unit {
            role,
            text: norm(&format!("{num}{}", plain_text(inlines))),
            inlines,
        }
    }
    fn para<'d>(p: &'d Paragraph, out: &mut Vec<Unit<'d>>) {
        out.push(unit(Role::Text, p.num.as_deref(), &p.content));
        p.subparagraphs.iter().for_each(|s| para(s, out));
    }
    fn annex<'d>(a: &'d Annex, out: &mut Vec<Unit<'d>>) {
        out.push(unit(Role::Heading, Some(&a.label), &[]));
        out.push(unit(Role::Heading, None, &a.title));
        blocks(&a.body, out);
    }
    fn blocks<'d>(bs: &'d [Block], out: &mut Vec<Unit<'d>>) {
        for b in bs {
            match b {
                Block::Division(d) => {
                    out.push(unit(Role::Heading, d.num.as_deref(), &d.heading));
                    blocks(&d.content, out);
                }
                Block::Paragraph(p) => para(p, out),
                Block::List(l) => l.items.iter().for_each(|i| blocks(i, out)),
                Block::Table(t) => t
                    .rows
                    .iter()
                    .flat_map(|r| &r.cells)
                    .for_each(|c| blocks(c, out)),
                Block::Quote(q) => blocks(q, out),
                Block::Resolution(r) => {
                    out.push(unit(Role::Heading, r.num.as_deref(), &[]));
                    out.push(unit(Role::Heading, None, &r.title));
                    out.push(unit(Role::Text, None, &r.origin));
                    out.push(unit(Role::Text, None, &r.formula));
                    blocks(&r.preamble, out);
                    blocks(&r.operative, out);
                    r.annexes.iter().for_each(|a| annex(a, out));
                }
            }
        }
    }
    let mut out = Vec::new();
    blocks(&doc.meta.summary, &mut out);
    blocks(&doc.body, &mut out);
    doc.annexes.iter().for_each(|a| annex(a, &mut out));
    out.retain(|u| !u.text.is_empty());
    out
}

/// Every resolution's adoption lines, joined as pandoc shows them.
fn adoption_lines(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    doc.walk(&mut |b, _, _| {
        if let Block::Resolution(r) = b {
            out.push(norm(&r.adoption.join(" ")));
        }
    });
    out
}

/// The masthead's fields as printed lines.
fn u_meta(doc: &Document) -> Vec<String> {
    let m = &doc.meta;
    let mut v: Vec<String> = m.symbols.iter().map(|s| s.to_string()).collect();
    v.extend(m.organ.clone());
    v.extend(m.subsidiary_body.clone());
    v.extend(m.title.clone());
    v.extend(m.subtitle.clone());
    v.extend(m.distribution.map(|d| d.as_str().to_string()));
    v.extend(m.date.map(|d| d.to_printed()));
    v.extend(m.original_language.map(|l| l.name().to_string()));
    if let Some(s) = &m.session {
        v.extend(s.label.clone());
        v.extend(s.dates.clone());
    }
    for a in &m.agenda_items {
        v.push(a.title.clone());
        v.extend(a.number.clone());
    }
    for n in &m.title_notes {
        v.push(format!("{} {}", n.marker, plain_text(&n.content)));
    }
    v.iter().map(|s| norm(s)).collect()
}

fn u_spans(v: &[Inline], kind: &str, out: &mut Vec<String>) {
    for i in v {
        match i {
            Inline::Strong(c) if kind == "Strong" => out.push(norm(&plain_text(c))),
            Inline::Emphasis(c) if kind == "Emph" => out.push(norm(&plain_text(c))),
            Inline::Superscript(c) if kind == "Superscript" => out.push(norm(&plain_text(c))),
            Inline::Strong(c)
            | Inline::Emphasis(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c) => u_spans(c, kind, out),
            Inline::Link(l) => u_spans(&l.content, kind, out),
            Inline::Note(n) => u_note_spans(n, kind, out),
            _ => {}
        }
        // Spans inside a span of the same kind belong to it (pandoc nests the same way).
        if let (Inline::Strong(c), "Strong") | (Inline::Emphasis(c), "Emph") = (i, kind) {
            for x in c {
                if let Inline::Note(n) = x {
                    u_note_spans(n, kind, out);
                }
            }
        }
    }
}

fn u_note_spans(n: &Note, kind: &str, out: &mut Vec<String>) {
    let mut inner = Vec::new();
    for b in &n.content {
        if let Block::Paragraph(p) = b {
            u_spans(&p.content, kind, &mut inner);
        }
    }
    out.extend(inner);
}

/// Texts stored as fields whose look (bold, italics) the model does not keep as spans: the
/// masthead's, headings (with and without their number), adoption lines.
fn field_texts(doc: &Document, units: &[Unit<'_>]) -> Vec<String> {
    let mut v = u_meta(doc);
    for u in units.iter().filter(|u| u.role == Role::Heading) {
        v.push(u.text.clone());
        v.push(norm(&plain_text(u.inlines)));
    }
    doc.walk(&mut |b, _, _| {
        if let Block::Resolution(r) = b {
            v.extend(r.adoption.iter().map(|l| norm(l)));
        }
    });
    v
}

/// Spans of one kind (`Strong`, `Emph`, `Superscript`) in undocs' document in reading
/// order: title notes first, then every unit's.
fn u_all_spans(doc: &Document, units: &[Unit<'_>], kind: &str) -> Vec<String> {
    let mut out = Vec::new();
    for n in &doc.meta.title_notes {
        u_spans(&n.content, kind, &mut out);
    }
    for u in units {
        u_spans(u.inlines, kind, &mut out);
    }
    out
}

// ----- the checks ------------------------------------------------------------------------

fn pandoc_ast(path: &str) -> Option<Value> {
    if !common::oracle_available("pandoc", &["--version"]) {
        return None;
    }
    let out = Command::new("pandoc")
        .args(["-f", "docx", "-t", "json", path])
        .output()
        .expect("pandoc runs");
    assert!(out.status.success(), "pandoc failed on {path}");
    Some(serde_json::from_slice(&out.stdout).expect("pandoc JSON"))
}

fn read(path: &str) -> undocs::ReadOutput {
    let bytes = std::fs::read(path).expect("sample");
    undocs::read_bytes(&bytes, Format::Docx, &ReadOptions::default()).expect("read")
}

/// Marks a table-of-contents entry among pandoc's paragraphs.
const TOC: &str = "\u{2}";

fn check_sample(name: &str) {
    let path = format!("{ROOT}/fixtures/docx/{name}");
    let Some(ast) = pandoc_ast(&path) else {
        return;
    };
    let read = read(&path);
    let doc = &read.document;
    let mut paras = Vec::new();
    p_paragraphs(ast["blocks"].as_array().expect("blocks"), &mut paras);
    paras.retain(|p| !p.is_empty());

    // 1. Paragraph texts, in order.
    let units = u_units(doc);
    let adoption = adoption_lines(doc);
    let meta = u_meta(doc);
    let text: String = units
        .iter()
        .map(|u| u.text.as_str())
        .collect::<Vec<_>>()
        .join("\u{1}");
    let mut at = 0;
    let mut in_body = false;
    let mut skipped_toc = 0;
    let mut missing = Vec::new();
    for p in &paras {
        if p.starts_with(TOC) {
            skipped_toc += 1;
            continue;
        }
        // "Decision 6/CMA.3" is the resolution's number.
        let wanted = p
            .strip_prefix("Decision ")
            .or_else(|| p.strip_prefix("Resolution "))
            .filter(|r| !r.contains(' '))
            .unwrap_or(p);
        // Before the body, a masthead line maps to a meta field ("Distr.: General" to the
        // distribution, "Items 137 and 138 of the preliminary list*" to the agenda items).
        let masthead = |p: &str| {
            p == "United Nations"
                || meta
                    .iter()
                    .any(|m| !m.is_empty() && (m == p || p.contains(m.as_str())))
                || p.starts_with("Items ")
        };
        if !in_body && masthead(p) {
            continue;
        }
        if let Some(i) = text[at..].find(wanted) {
            if std::env::var("UNDOCS_DEBUG").is_ok() && i > 50 {
                let skipped: String = text[at..at + i].chars().take(200).collect();
                eprintln!("JUMP {i} for {wanted:?}: skipped {skipped:?}");
            }
            at += i + wanted.len();
            in_body = true;
            continue;
        }
        // Adoption lines: "11th plenary meeting 12 November 2021" is two lines of a
        // resolution's adoption.
        let found_split = adoption.contains(p);
        if !found_split {
            let next: String = text[at..].chars().take(300).collect();
            missing.push(format!("{p}\n    [undocs next: {next}]"));
        }
    }
    assert!(
        missing.is_empty(),
        "{name}: {} of {} pandoc paragraphs not found in order, first: {:#?}",
        missing.len(),
        paras.len(),
        &missing[..missing.len().min(5)]
    );
    if skipped_toc > 0 {
        assert!(
            read.warnings
                .iter()
                .any(|w| w.message.contains("table of contents skipped")),
            "{name}: contents entries dropped without a warning"
        );
    }

    // 2. Spans.
    let fields = field_texts(doc, &units);
    let mut ast = ast;
    if let Some(b) = ast["blocks"].as_array_mut() {
        strip_toc(b);
    }
    // Adoption lines are plain text in the model (their italics and "th" are not kept).
    strip_paras(&mut ast["blocks"], &|t| adoption.iter().any(|a| a == t));
    for kind in ["Strong", "Emph", "Superscript"] {
        let mut theirs = Vec::new();
        p_spans(&ast["blocks"], kind, &mut theirs);
        theirs.retain(|s| !s.is_empty());
        let whole_field = |s: &String| fields.iter().any(|f| f == s);
        let theirs: Vec<String> = theirs.into_iter().filter(|s| !whole_field(s)).collect();
        let mut ours = u_all_spans(doc, &units, kind);
        ours.retain(|s| !s.is_empty());
        assert_eq!(
            ours,
            theirs,
            "{name}: {kind} spans differ from pandoc's ({} against {})",
            ours.len(),
            theirs.len()
        );
    }

    // 3. Footnote texts.
    let mut their_notes = Vec::new();
    p_notes(&ast["blocks"], &mut their_notes);
    let our_notes: Vec<String> = doc
        .notes()
        .iter()
        .map(|n| norm(&common::note_text(n)))
        .collect();
    assert_eq!(our_notes.len(), their_notes.len(), "{name}: footnote count");
    for (i, (o, t)) in our_notes.iter().zip(&their_notes).enumerate() {
        assert_eq!(o, t, "{name}: footnote {} differs", i + 1);
    }
}

#[test]
fn sample_01_reads_as_pandoc_reads_it() {
    check_sample("01_FCCC_PA_CMA_2021_10_Add.3_EN.docx");
}

#[test]
fn sample_02_reads_as_pandoc_reads_it() {
    check_sample("02_A_80_6_PlanOutline_EN.docx");
}
