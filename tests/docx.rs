//! DOCX: exact round trips of our own files, real UN Word files, hostile packages, and the
//! programs we did not write (LibreOffice, pandoc, docx-rs) reading our output.

mod common;

use std::io::{Cursor, Write};
use std::path::PathBuf;
use std::process::Command;

use proptest::prelude::*;
use undocs::model::{Block, Distribution, Document, Inline, plain_text};
use undocs::{Format, ReadOptions};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn docx(doc: &Document) -> Vec<u8> {
    let mut out = Vec::new();
    undocs::write(doc, Format::Docx, &mut out).expect("DOCX written");
    out
}

fn read_docx(bytes: &[u8]) -> undocs::ReadOutput {
    undocs::read_bytes(bytes, Format::Docx, &ReadOptions::default()).expect("DOCX read")
}

fn read_file(path: &str, format: Format) -> Document {
    common::read_fixture(path, format)
}

/// A real UN Word file from fixtures/docx, read.
fn read_sample(name: &str) -> undocs::ReadOutput {
    read_docx(&std::fs::read(format!("{ROOT}/fixtures/docx/{name}")).unwrap())
}

fn canonical(d: &Document) -> Document {
    let mut c = d.clone();
    c.canonical_formatting();
    c
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// What the model holds comes back, formatting in the canonical nesting word processors
    /// carry (bold outside italic outside super/subscript; nothing around note marks).
    #[test]
    fn docx_round_trip(doc in common::document()) {
        let bytes = docx(&doc);
        let back = read_docx(&bytes);
        prop_assert_eq!(&back.document, &canonical(&doc));
        prop_assert!(back.warnings.is_empty());
        // The document part streamed, not held: the same.
        let streamed = undocs::read_bytes(&bytes, Format::Docx, &ReadOptions::default().with_stream_from(0)).expect("DOCX streamed");
        prop_assert_eq!(streamed.document, back.document);
        prop_assert!(streamed.warnings.is_empty());
    }

    /// Word files with bytes of their document part changed read the same streamed as
    /// held, or fail with the same error at the same place.
    #[test]
    fn edited_document_part_reads_the_same_streamed(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6), sample in 0usize..2) {
        let name = ["01_FCCC_PA_CMA_2021_10_Add.3_EN.docx", "02_A_80_6_PlanOutline_EN.docx"][sample];
        let bytes = with_document_xml_edited(std::fs::read(format!("{ROOT}/fixtures/docx/{name}")).unwrap(), &edits);
        let (held, streamed) = held_and_streamed(&bytes);
        prop_assert_eq!(held, streamed);
    }
}

/// The two readings of a DOCX file, its document part held and streamed, as comparable
/// text: the document and warnings, or the error's message (its position included).
fn held_and_streamed(bytes: &[u8]) -> (String, String) {
    let read = |from| {
        let opts = ReadOptions::default().with_stream_from(from);
        undocs::read_bytes(bytes, Format::Docx, &opts)
    };
    common::held_and_streamed_text(read(u64::MAX), read(0), true)
}

/// Every Word file of the fixtures (real UN files and other producers' constructs) reads
/// the same with its document part streamed as held.
#[test]
fn streamed_document_part_reads_as_held() {
    let files = common::fixture_files(&["fixtures/docx", "fixtures/docx/silent-loss"], "docx");
    assert!(files.len() >= 10, "{files:?}");
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let (held, streamed) = held_and_streamed(&bytes);
        assert!(!held.starts_with("error"), "{}: {held}", f.display());
        assert_eq!(held, streamed, "{}", f.display());
    }
    // A part past its size limit is refused streamed too, naming the limit.
    let bytes = std::fs::read(&files[0]).unwrap();
    let small = ReadOptions::default()
        .with_stream_from(0)
        .with_max_inflated(100_000, 1 << 30);
    let e = undocs::read_bytes(&bytes, Format::Docx, &small)
        .unwrap_err()
        .to_string();
    assert!(e.contains("max_part_bytes"), "{e}");
}

#[test]
fn seed_round_trips_exactly() {
    let seed = read_file("fixtures/a-hrc-31-81/expected.json", Format::Json);
    assert_eq!(read_docx(&docx(&seed)).document, seed);
}

#[test]
fn fixtures_round_trip() {
    for (name, d) in common::fixture_documents() {
        let back = read_docx(&docx(&d)).document;
        let diffs = undocs::json::differences(&canonical(&d), &back, 10);
        assert!(diffs.is_empty(), "{name}: {}", diffs.join("\n"));
    }
}

#[test]
fn writer_writes_a_complete_un_package() {
    let seed = read_file("fixtures/a-hrc-31-81/expected.json", Format::Json);
    let bytes = docx(&seed);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/footnotes.xml",
        "word/settings.xml",
        "word/numbering.xml",
        "word/header1.xml",
        "word/footer2.xml",
        "docProps/core.xml",
        "docProps/custom.xml",
        "docProps/app.xml",
    ] {
        let f = zip
            .by_name(part)
            .unwrap_or_else(|_| panic!("missing {part}"));
        assert_eq!(
            f.compression(),
            zip::CompressionMethod::Deflated,
            "{part} is deflated"
        );
    }
    let text = |zip: &mut zip::ZipArchive<Cursor<Vec<u8>>>, name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let notes = text(&mut zip, "word/footnotes.xml");
    assert!(
        notes.contains(r#"w:type="separator""#)
            && notes.contains(r#"w:type="continuationSeparator""#)
    );
    assert_eq!(
        notes.matches("<w:footnoteRef/>").count(),
        3,
        "each numbered note carries its w:footnoteRef"
    );
    let styles = text(&mut zip, "word/styles.xml");
    for id in [
        "HMG",
        "HChG",
        "H1G",
        "H23G",
        "H4G",
        "SingleTxtG",
        "Bullet1G",
        "FootnoteText",
        "FootnoteReference",
    ] {
        assert!(
            styles.contains(&format!(r#"w:styleId="{id}""#)),
            "style {id}"
        );
    }
    assert!(styles.contains("Times New Roman") && styles.contains(r#"<w:sz w:val="20"/>"#));
    let custom = text(&mut zip, "docProps/custom.xml");
    for p in [
        r#"name="Symbol1"><vt:lpwstr>A/HRC/31/81<"#,
        r#"name="Session1"><vt:lpwstr>Thirty-first session<"#,
        r#"name="Title1""#,
    ] {
        assert!(custom.contains(p), "custom.xml lacks {p}");
    }
    let doc = text(&mut zip, "word/document.xml");
    assert!(
        doc.contains(r#"<w:t xml:space="preserve">1.</w:t></w:r><w:r><w:tab/></w:r>"#),
        "numbers typed with a tab"
    );
    assert!(
        doc.contains(r#"<w:t xml:space="preserve">A/HRC/31/81*</w:t>"#),
        "symbol with its asterisk in the masthead"
    );
    assert!(doc.contains("<w:titlePg/>"));
    let core = text(&mut zip, "docProps/core.xml");
    assert!(
        core.contains("<dc:language>en</dc:language>") && core.contains("2016-01-29T00:00:00Z")
    );
}

#[test]
fn arabic_documents_are_right_to_left() {
    let mut d = read_file("fixtures/a-hrc-59-15/document.json", Format::Json);
    d.meta.language = Some(undocs::model::Language::ARABIC);
    let bytes = docx(&d);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut s).unwrap();
    assert!(s.contains("<w:bidi/>") && s.contains("<w:rtl/>"));
    assert_eq!(read_docx(&bytes).document, canonical(&d));
}

#[test]
fn geneva_sample_01_decisions() {
    let r = read_sample("01_FCCC_PA_CMA_2021_10_Add.3_EN.docx");
    let d = &r.document;
    let m = &d.meta;
    // Facts read by hand in the file (word/document.xml and footnotes.xml).
    assert_eq!(
        m.symbols.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        ["FCCC/PA/CMA/2021/10/Add.3"]
    );
    assert_eq!(m.distribution, Some(Distribution::General));
    assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2022-03-08"));
    assert_eq!(m.original_language, Some(undocs::model::Language::ENGLISH));
    assert_eq!(
        m.subsidiary_body.as_deref(),
        Some(
            "Conference of the Parties serving as the meeting of the Parties to the Paris Agreement"
        )
    );
    assert_eq!(
        m.title.as_deref(),
        Some(
            "Report of the Conference of the Parties serving as the meeting of the Parties to the Paris Agreement on its third session, held in Glasgow from 31 October to 13 November 2021"
        )
    );
    let decisions: Vec<(String, String)> = d
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Resolution(r) => Some((r.num.clone().unwrap_or_default(), plain_text(&r.title))),
            _ => None,
        })
        .collect();
    let nums: Vec<&str> = decisions.iter().map(|(n, _)| n.as_str()).collect();
    // Decisions 6/CMA.3 to 24/CMA.3, then resolution 1/CMA.3 (the expression of gratitude).
    let mut expected: Vec<String> = (6..=24).map(|n| format!("{n}/CMA.3")).collect();
    expected.push("1/CMA.3".into());
    assert_eq!(nums, expected);
    assert_eq!(
        decisions[0].1,
        "Common time frames for nationally determined contributions referred to in Article 4, paragraph 10, of the Paris Agreement"
    );
    assert_eq!(
        decisions[1].1,
        "Glasgow–Sharm el-Sheikh work programme on the global goal on adaptation"
    );
    assert_eq!(
        decisions[16].1,
        "Glasgow work programme on Action for Climate Empowerment"
    );
    // Decision 7/CMA.3: formula, nine preambular paragraphs, operative 1–20, 7 (a)–(h).
    let Block::Resolution(d7) = d
        .body
        .iter()
        .filter(|b| matches!(b, Block::Resolution(_)))
        .nth(1)
        .unwrap()
    else {
        panic!()
    };
    assert!(plain_text(&d7.formula).starts_with(
        "The Conference of the Parties serving as the meeting of Parties to the Paris Agreement"
    ));
    assert_eq!(d7.preamble.len(), 8);
    let ops: Vec<String> = d7
        .operative
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => p.num.clone(),
            _ => None,
        })
        .collect();
    assert_eq!(ops, (1..=20).map(|n| format!("{n}.")).collect::<Vec<_>>());
    let Block::Paragraph(p7) = &d7.operative[6] else {
        panic!()
    };
    assert_eq!(
        p7.subparagraphs
            .iter()
            .map(|s| s.num.clone().unwrap())
            .collect::<Vec<_>>(),
        ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)"]
    );
    assert_eq!(d7.adoption, ["12th plenary meeting", "13 November 2021"]);
    // Annexes belong to their decisions: "Annex" after 22/CMA.3, "Annex I" and "Annex II"
    // after 23/CMA.3, "Annex" after 24/CMA.3; none to the document.
    let annexes: Vec<(String, Vec<String>)> = d
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Resolution(r) if !r.annexes.is_empty() => Some((
                r.num.clone().unwrap_or_default(),
                r.annexes.iter().map(|a| a.label.clone()).collect(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        annexes,
        [
            ("22/CMA.3".to_string(), vec!["Annex".to_string()]),
            (
                "23/CMA.3".to_string(),
                vec!["Annex I".to_string(), "Annex II".to_string()]
            ),
            ("24/CMA.3".to_string(), vec!["Annex".to_string()]),
        ]
    );
    assert!(d.annexes.is_empty());
    // 84 footnote references, each with its note; 365 typed paragraph numbers "N.\t".
    assert_eq!(d.notes().len(), 84);
    assert_eq!(d.counts().numbered_paragraphs, 365);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn new_york_sample_02_masthead_in_header_and_properties() {
    let r = read_sample("02_A_80_6_PlanOutline_EN.docx");
    let d = &r.document;
    let m = &d.meta;
    assert_eq!(
        m.symbols.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        ["A/80/6 (Plan outline)"]
    );
    assert_eq!(m.organ.as_deref(), Some("General Assembly"));
    assert_eq!(m.distribution, Some(Distribution::General));
    assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2025-04-17"));
    assert_eq!(m.original_language, Some(undocs::model::Language::ENGLISH));
    let s = m.session.as_ref().unwrap();
    assert_eq!(
        (s.number.as_deref(), s.label.as_deref()),
        (Some("80"), Some("Eightieth session"))
    );
    let agenda: Vec<(Option<&str>, &str)> = m
        .agenda_items
        .iter()
        .map(|a| (a.number.as_deref(), a.title.as_str()))
        .collect();
    assert_eq!(
        agenda,
        [
            (Some("137"), "Proposed programme budget for 2026"),
            (Some("138"), "Programme planning")
        ]
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Proposed programme budget for 2026")
    );
    assert_eq!(m.subtitle.as_deref(), Some("Plan outline"));
    let notes: Vec<(&str, String)> = m
        .title_notes
        .iter()
        .map(|n| (n.marker.as_str(), plain_text(&n.content)))
        .collect();
    assert_eq!(notes[0], ("*", "A/80/50.".to_string()));
    assert_eq!(notes[1].0, "**");
    assert!(
        notes[1]
            .1
            .starts_with("In keeping with paragraph 11 of resolution 72/266 A")
    );
    assert_eq!(
        m.job_number.as_ref().map(|j| j.to_string()).as_deref(),
        Some("25-06262 (E)")
    );
    assert_eq!(
        d.paragraph_numbers(),
        (1..=43).map(|n| format!("{n}.")).collect::<Vec<_>>()
    );
    let chapters: Vec<String> = d
        .headings()
        .into_iter()
        .filter(|h| h.level == 1)
        .map(|h| format!("{} {}", h.num.unwrap_or_default(), h.text))
        .collect();
    assert_eq!(
        chapters,
        [
            "I. Background",
            "II. Longer-term objectives of the Organization",
            "III. Priorities"
        ]
    );
    assert_eq!(d.notes().len(), 0);
}

/// The package with bytes of word/document.xml replaced (inflated, edited, packed again).
fn with_document_xml_edited(bytes: Vec<u8>, edits: &[(prop::sample::Index, u8)]) -> Vec<u8> {
    with_document_xml(bytes, |b| {
        for (at, byte) in edits {
            if b.is_empty() {
                break;
            }
            let i = at.index(b.len());
            b[i] = *byte;
        }
    })
}

/// The package with word/document.xml changed by `edit` (inflated, edited, packed again).
fn with_document_xml(bytes: Vec<u8>, edit: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut b).unwrap();
        parts.push((f.name().to_string(), b));
    }
    if let Some((_, b)) = parts.iter_mut().find(|(n, _)| n == "word/document.xml") {
        edit(b);
    }
    let refs: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    zip_of(&refs)
}

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (n, b) in parts {
        w.start_file(
            *n,
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated),
        )
        .unwrap();
        w.write_all(b).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn hostile_packages_give_clear_errors_naming_the_part() {
    let opts = ReadOptions::default();
    let err = |b: &[u8]| {
        undocs::read_bytes(b, Format::Docx, &opts)
            .unwrap_err()
            .to_string()
    };
    // A zip bomb: 200 MiB of zeros in word/document.xml, a few hundred kilobytes deflated.
    let zeros = vec![0u8; 200 << 20];
    let bomb = zip_of(&[("word/document.xml", &zeros)]);
    assert!(bomb.len() < 1 << 20);
    let e = err(&bomb);
    assert!(
        e.contains("word/document.xml") && e.contains("max_inflate_ratio"),
        "{e}"
    );
    // With the ratio check off, the size limit stops it.
    let mut lax = opts.clone();
    lax.max_inflate_ratio = u64::MAX;
    let e = undocs::read_bytes(&bomb, Format::Docx, &lax)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("word/document.xml") && e.contains("max_part_bytes"),
        "{e}"
    );
    // Truncated.
    let seed = docx(&read_file(
        "fixtures/a-hrc-31-81/expected.json",
        Format::Json,
    ));
    let e = err(&seed[..seed.len() / 2]);
    assert!(e.contains("docx") && e.contains("zip"), "{e}");
    // No word/document.xml.
    let e = err(&zip_of(&[("word/styles.xml", b"<x/>")]));
    assert!(
        e.contains("word/document.xml") && e.contains("no such part"),
        "{e}"
    );
    // Malformed XML.
    let e = err(&zip_of(&[(
        "word/document.xml",
        b"<w:document xmlns:w=\"x\"><w:body><w:p></w:body>",
    )]));
    assert!(
        e.contains("word/document.xml") && e.contains("line 1"),
        "{e}"
    );
    // Deep nesting.
    let deep = format!(
        "<w:document xmlns:w=\"x\"><w:body>{}{}</w:body></w:document>",
        "<w:p>".repeat(10_000),
        "</w:p>".repeat(10_000)
    );
    let e = err(&zip_of(&[("word/document.xml", deep.as_bytes())]));
    assert!(e.contains("max_depth"), "{e}");
    // Not a zip at all.
    assert!(err(b"%PDF-1.7").contains("not a zip"));
}

#[test]
fn what_docx_cannot_carry_is_an_error() {
    use undocs::model::{Note, Paragraph};
    let note = |content| {
        Inline::Note(Note {
            marker: "1".into(),
            content,
        })
    };
    let inner = vec![Block::Paragraph(Paragraph {
        num: None,
        content: vec![note(vec![])],
        subparagraphs: vec![],
    })];
    let mut d = Document::default();
    d.body.push(Block::Paragraph(Paragraph {
        num: None,
        content: vec![note(inner)],
        subparagraphs: vec![],
    }));
    let e = undocs::write(&d, Format::Docx, Vec::new())
        .unwrap_err()
        .to_string();
    assert!(e.contains("a footnote inside a footnote"), "{e}");
}

// ------------------------------------------------------------------------- oracles

fn oracle(program: &str, args: &[&str]) -> bool {
    common::oracle_available(program, args)
}

fn seed_docx_file(dir: &str) -> (Document, PathBuf) {
    let seed = read_file("fixtures/a-hrc-31-81/expected.json", Format::Json);
    let d = std::env::temp_dir().join(format!("undocs-{dir}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let path = d.join("seed.docx");
    std::fs::write(&path, docx(&seed)).unwrap();
    (seed, path)
}

/// Text of an HTML file: tags dropped, entities decoded, whitespace folded.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    // Drop the head (styles, title).
    if let Some(i) = rest.find("<body") {
        rest = &rest[i..];
    }
    let mut in_tag = false;
    for c in rest.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let mut s = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    while let Some(i) = s.find("&#") {
        let Some(end) = s[i..].find(';') else { break };
        let code = &s[i + 2..i + end];
        let c = if let Some(h) = code.strip_prefix('x') {
            u32::from_str_radix(h, 16).ok()
        } else {
            code.parse().ok()
        };
        s.replace_range(
            i..i + end + 1,
            &c.and_then(char::from_u32)
                .map(String::from)
                .unwrap_or_default(),
        );
    }
    s.replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn libreoffice_reads_every_paragraph_and_footnote() {
    if !oracle("soffice", &["--version"]) {
        return;
    }
    let (seed, path) = seed_docx_file("lo");
    let dir = path.parent().unwrap();
    let out = Command::new("soffice")
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "html",
            "--outdir",
        ])
        .arg(dir)
        .arg(&path)
        .env("HOME", dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let flat = html_text(&std::fs::read_to_string(dir.join("seed.html")).unwrap());
    // Every paragraph (heading, masthead line, body paragraph) in order…
    let mut at = 0;
    let mut body = Vec::new();
    seed.for_each_inlines(&mut |v, in_note| {
        if in_note {
            return;
        }
        // The text between note marks (LibreOffice writes the marks' numbers in the text).
        let mut seg = Vec::new();
        for i in v {
            if matches!(i, Inline::Note(_)) {
                body.push(
                    plain_text(&seg)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                seg.clear();
            } else {
                seg.push(i.clone());
            }
        }
        body.push(
            plain_text(&seg)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        );
    });
    body.retain(|t| !t.is_empty());
    // for_each_inlines also visits the inside of bold and italic spans: once is enough.
    body.dedup();
    assert!(body.len() > 50);
    for t in &body {
        match flat[at..].find(t.as_str()) {
            Some(i) => at += i + t.len(),
            None => panic!("LibreOffice's text lacks, in order: {t:?}"),
        }
    }
    // …then every footnote, title note first, in order.
    let mut notes: Vec<String> = seed
        .meta
        .title_notes
        .iter()
        .map(|n| plain_text(&n.content))
        .collect();
    notes.extend(seed.notes().iter().map(|n| match n.content.first() {
        Some(Block::Paragraph(p)) => plain_text(&p.content),
        _ => String::new(),
    }));
    let mut at = 0;
    for t in notes {
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        match flat[at..].find(t.as_str()) {
            Some(i) => at += i + t.len(),
            None => panic!("LibreOffice's text lacks the footnote, in order: {t:?}"),
        }
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn pandoc_sees_the_same_footnotes_and_headings() {
    if !oracle("pandoc", &["--version"]) {
        return;
    }
    let (seed, path) = seed_docx_file("pandoc");
    let out = Command::new("pandoc")
        .args(["-f", "docx", "-t", "json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ast: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    fn count(v: &serde_json::Value, tag: &str) -> usize {
        match v {
            serde_json::Value::Object(o) => {
                let me = usize::from(o.get("t").and_then(|t| t.as_str()) == Some(tag));
                me + o.values().map(|x| count(x, tag)).sum::<usize>()
            }
            serde_json::Value::Array(a) => a.iter().map(|x| count(x, tag)).sum(),
            _ => 0,
        }
    }
    // Title notes are footnotes in Word too.
    assert_eq!(
        count(&ast, "Note"),
        seed.notes().len() + seed.meta.title_notes.len()
    );
    // Every division heading is a heading to pandoc (our heading styles are based on Word's
    // "heading n"), and so are the title, the subtitle and the summary's heading.
    let extra = usize::from(seed.meta.title.is_some())
        + usize::from(seed.meta.subtitle.is_some())
        + usize::from(!seed.meta.summary.is_empty());
    assert_eq!(count(&ast, "Header"), seed.headings().len() + extra);
    std::fs::remove_dir_all(path.parent().unwrap()).ok();
}

#[test]
fn docx_rs_reads_our_output() {
    let seed = read_file("fixtures/a-hrc-31-81/expected.json", Format::Json);
    let bytes = docx(&seed);
    let parsed = docx_rs::read_docx(&bytes).expect("docx-rs reads our DOCX");
    // Our blocks sit in content controls (w:sdt) at the top level.
    assert!(
        parsed.document.children.len() >= 5,
        "{} top-level children",
        parsed.document.children.len()
    );
    let json = parsed.json();
    assert!(json.contains("Enhancement of international cooperation in the field of human rights"));
    // (docx-rs does not read word/footnotes.xml at all, so footnotes are not checked here;
    // LibreOffice and pandoc check them.)
}

/// A content control whose first paragraph holds a footnote mark is written as a document
/// part (LibreOffice 7.4 took the text of such a paragraph away from a plain control; the
/// printed text is checked in tests/pdf.rs), every other control as a plain one, and the
/// reader reads both: the resolution of sample 10 (its operative paragraph 1 ends with
/// footnote 1) reads back as written.
#[test]
fn a_control_opening_on_a_note_mark_is_a_document_part() {
    let path = format!("{ROOT}/../shared/samples/un/10_A_RES_73_8_EN.pdf");
    if !std::path::Path::new(&path).exists() {
        common::oracle_missing("../shared/samples");
        return;
    }
    let doc = undocs::read_path(&path, &ReadOptions::default())
        .unwrap()
        .document;
    let bytes = docx(&doc);
    let xml = {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let mut s = String::new();
        std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut s)
            .unwrap();
        s
    };
    let props: Vec<&str> = xml
        .split("<w:sdtPr>")
        .skip(1)
        .filter_map(|s| s.split("</w:sdtPr>").next())
        .collect();
    let parts: Vec<&&str> = props
        .iter()
        .filter(|p| p.contains("<w:docPartObj>"))
        .collect();
    assert_eq!(parts.len(), 1, "{props:?}");
    assert!(
        parts[0].contains(r#"w:val="undocs:operative""#),
        "{parts:?}"
    );
    assert!(props.len() >= 4, "{props:?}");
    assert_eq!(canonical(&read_docx(&bytes).document), canonical(&doc));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    /// A package with bytes changed or cut never makes the reader panic.
    #[test]
    fn mutated_docx_never_panics(doc in common::document(), edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), any::<bool>()), 1..6)) {
        let mut bytes = docx(&doc);
        for (at, byte, cut) in edits {
            if bytes.is_empty() { break; }
            let i = at.index(bytes.len());
            if cut { bytes.truncate(i) } else { bytes[i] = byte }
        }
        let _ = undocs::read_bytes(&bytes, Format::Docx, &ReadOptions::default());
    }

    /// Parts with their XML changed (inflated, edited, packed again) never make the reader
    /// panic either: the edits reach the XML readers, not only the zip layer.
    #[test]
    fn mutated_docx_xml_never_panics(doc in common::document(), edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)) {
        let bytes = docx(&doc);
        let _ = undocs::read_bytes(&with_document_xml_edited(bytes, &edits), Format::Docx, &ReadOptions::default());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 60, ..ProptestConfig::default() })]

    /// The reader of real UN files, on sample 02 with its document.xml edited.
    #[test]
    fn mutated_un_sample_never_panics(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..10)) {
        let bytes = std::fs::read(format!("{ROOT}/fixtures/docx/02_A_80_6_PlanOutline_EN.docx")).unwrap();
        let _ = undocs::read_bytes(&with_document_xml_edited(bytes, &edits), Format::Docx, &ReadOptions::default());
    }
}

/// Style ids differ between Word versions and languages ("Titre1" in French Word); the
/// display name ("heading 1", "_ H _Ch_G") says what the style is.
#[test]
fn headings_known_by_style_display_name() {
    let styles = br#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="a5"><w:name w:val="_ H_1_G"/></w:style></w:styles>"#;
    let document = br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>A/HRC/1/1</w:t></w:r></w:p>
<w:p><w:r><w:t>Title of the report</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Titre1"/></w:pPr><w:r><w:t>I.</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>Introduction</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="a5"/></w:pPr><w:r><w:t>A.</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>Background</w:t></w:r></w:p>
<w:p><w:r><w:t>1.</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>Text of the first paragraph.</w:t></w:r></w:p>
</w:body></w:document>"#;
    let bytes = zip_of(&[("word/styles.xml", styles), ("word/document.xml", document)]);
    let d = read_docx(&bytes).document;
    let h: Vec<(usize, Option<String>, String)> = d
        .headings()
        .into_iter()
        .map(|h| (h.level, h.num, h.text))
        .collect();
    assert_eq!(
        h,
        [
            (1, Some("I.".into()), "Introduction".into()),
            (2, Some("A.".into()), "Background".into())
        ]
    );
    assert_eq!(d.paragraph_numbers(), ["1."]);
}

/// The decision or resolution numbered `num` at the top level of the body.
fn decision<'d>(d: &'d Document, num: &str) -> &'d undocs::model::Resolution {
    d.body
        .iter()
        .find_map(|b| match b {
            Block::Resolution(r) if r.num.as_deref() == Some(num) => Some(r),
            _ => None,
        })
        .unwrap_or_else(|| panic!("decision {num}"))
}

/// Facts of sample 01 checked by hand against the Word file (opened in LibreOffice, and
/// pandoc's plain-text rendering): what the Markdown detour used to break.
#[test]
fn sample_01_decision_15_keeps_its_chapters_and_formatting_is_as_in_word() {
    let d = read_sample("01_FCCC_PA_CMA_2021_10_Add.3_EN.docx").document;
    let json = serde_json::to_string(&d).unwrap();
    // No Markdown left in the text ("R**equests", "1**2 November 2021").
    assert!(!json.contains("**"), "literal ** in the text");
    let r = decision(&d, "15/CMA.3");
    assert_eq!(
        plain_text(&r.title),
        "Enhancing climate technology development and transfer to support implementation of the Paris Agreement"
    );
    // Paragraphs 1-6, then chapters I (7-13) and II (14-22), all inside the decision, then
    // its adoption lines.
    let mut nums = Vec::new();
    let mut chapters = Vec::new();
    for b in &r.operative {
        match b {
            Block::Paragraph(p) => nums.push(p.num.clone().unwrap_or_default()),
            Block::Division(div) => {
                let inside: Vec<String> = div
                    .content
                    .iter()
                    .filter_map(|b| match b {
                        Block::Paragraph(p) => p.num.clone(),
                        _ => None,
                    })
                    .collect();
                chapters.push((div.num.clone().unwrap_or_default(), inside));
            }
            _ => {}
        }
    }
    let n = |a: u32, b: u32| (a..=b).map(|i| format!("{i}.")).collect::<Vec<_>>();
    assert_eq!(nums, n(1, 6));
    assert_eq!(
        chapters,
        [("I.".to_string(), n(7, 13)), ("II.".to_string(), n(14, 22))]
    );
    assert_eq!(r.adoption, ["11th plenary meeting", "12 November 2021"]);
    // Decision 14/CMA.3's paragraph 6 starts with the italic verb "Welcomes", whole (it
    // was read "Wel" + bold "come" + "s").
    let r14 = decision(&d, "14/CMA.3");
    let p6 = r14
        .operative
        .iter()
        .find_map(|b| match b {
            Block::Paragraph(p) if p.num.as_deref() == Some("6.") => Some(p),
            _ => None,
        })
        .expect("paragraph 6");
    assert_eq!(
        p6.content[0],
        Inline::Emphasis(vec![Inline::Text("Welcomes".into())])
    );
    // "2nd meeting" keeps its superscript (a run with w:vertAlign).
    assert!(
        json.contains(r#"{"text":"The facilitation of the 2"},{"superscript":[{"text":"nd"}]}"#)
    );
}

/// A budget fascicle's title block (New York `TitleH1` lines "Part VI", "Human rights and
/// humanitarian affairs", "Section 24", "Human rights", as A/80/6 (Sect. 24) prints them),
/// put in place of sample 02's one subtitle line: the lines are the subtitle, not empty
/// headings of the body.
#[test]
fn title_block_lines_are_the_subtitle_not_headings() {
    let bytes = std::fs::read(format!(
        "{ROOT}/fixtures/docx/02_A_80_6_PlanOutline_EN.docx"
    ))
    .unwrap();
    let edited = with_document_xml(bytes, |b| {
        let xml = String::from_utf8(std::mem::take(b)).unwrap();
        let one = "<w:t>Plan outline</w:t>";
        assert!(xml.contains(one));
        let para = |t: &str| {
            format!(
                r#"</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="TitleH1"/></w:pPr><w:r><w:t>{t}"#
            )
        };
        let block = format!(
            "<w:t>Part VI{}{}{}</w:t>",
            para("Human rights and humanitarian affairs"),
            para("Section 24"),
            para("Human rights")
        );
        *b = xml.replacen(one, &block, 1).into_bytes();
    });
    let d = read_docx(&edited).document;
    assert_eq!(
        d.meta.subtitle.as_deref(),
        Some("Part VI\nHuman rights and humanitarian affairs\nSection 24\nHuman rights")
    );
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Proposed programme budget for 2026")
    );
    // The body starts with chapter I as in the sample; no heading is one of those lines.
    let headings: Vec<String> = d.headings().into_iter().map(|h| h.text).collect();
    assert_eq!(headings[0], "Background");
    assert!(
        !headings
            .iter()
            .any(|h| h.contains("Section 24") || h == "Part VI")
    );
    assert_eq!(d.paragraph_numbers().len(), 43);
}

/// A heading-styled paragraph reading "(placeholder)" (template residue seen in real New
/// York files) is not a heading; it is skipped with a warning.
#[test]
fn placeholder_headings_are_not_headings() {
    let bytes = std::fs::read(format!(
        "{ROOT}/fixtures/docx/02_A_80_6_PlanOutline_EN.docx"
    ))
    .unwrap();
    let plain = read_docx(&bytes).document;
    let edited = with_document_xml(bytes, |b| {
        let xml = String::from_utf8(std::mem::take(b)).unwrap();
        let at = xml.find("<w:body>").unwrap() + "<w:body>".len();
        let placeholder = r#"<w:p><w:pPr><w:pStyle w:val="HCh"/></w:pPr><w:r><w:t>(placeholder)</w:t></w:r></w:p>"#;
        *b = format!("{}{placeholder}{}", &xml[..at], &xml[at..]).into_bytes();
    });
    let read = read_docx(&edited);
    assert_eq!(read.document, plain);
    assert!(
        read.warnings
            .iter()
            .any(|w| w.message.contains("(placeholder)"))
    );
}

/// Notes that refer to notes (fixtures/hostile, found by fuzzing): a note referring to
/// itself, a chain of 10,000, a doubling chain 40 deep, one large note referenced 2,000
/// times. Each reads, keeps every note's text once, says what it did in a bounded number
/// of warnings, and writes JSON the JSON reader reads back.
#[test]
fn notes_referring_to_notes_end_in_bounded_time() {
    use undocs::model::{Block, Inline};
    for (file, notes) in [
        ("docx-footnote-selfref.docx", 1),
        ("docx-footnote-chain-25.docx", 1),
        ("docx-footnote-chain-10000.docx", 1),
        ("docx-footnote-exponential.docx", 1),
        ("docx-footnote-amplify-2000x100k-ours.docx", 1),
    ] {
        let bytes = std::fs::read(format!(
            "{}/fixtures/hostile/{file}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let out = undocs::read_bytes(&bytes, Format::Docx, &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        let d = &out.document;
        // No note inside a note.
        for n in d.notes() {
            for b in &n.content {
                if let Block::Paragraph(p) = b {
                    assert!(
                        !p.content.iter().any(|i| matches!(i, Inline::Note(_))),
                        "{file}: a note inside a note"
                    );
                }
            }
        }
        assert_eq!(d.notes().len(), notes, "{file}");
        assert!(
            !out.warnings.is_empty() && out.warnings.len() <= 3,
            "{file}: {:?}",
            out.warnings
        );
        let mut json = Vec::new();
        undocs::write(d, Format::Json, &mut json).expect("JSON written");
        assert!(json.len() < 1 << 20, "{file}: {} bytes of JSON", json.len());
        let back = undocs::read_bytes(&json, Format::Json, &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{file}: JSON read back: {e}"));
        assert_eq!(&back.document, d, "{file}");
    }
}

/// A paragraph styled "SubTxt0G" (a level no writer makes) in a file that says undocs made
/// it (../shared/hostile/docx_xml-subtxt0g.parts): an integer underflow in debug builds,
/// now read as a subparagraph of the first level would be.
#[test]
fn a_subparagraph_style_of_level_zero_reads() {
    let doc = br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:pStyle w:val="SubTxt0G"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>"#;
    let app = b"<Properties><Application>undocs</Application></Properties>";
    let bytes = zip_of(&[("word/document.xml", doc), ("docProps/app.xml", app)]);
    let d = undocs::read_bytes(&bytes, Format::Docx, &ReadOptions::default())
        .expect("reads")
        .document;
    assert_eq!(
        undocs::model::plain_text(&match &d.body[..] {
            [undocs::model::Block::Paragraph(p)] => p.content.clone(),
            other => panic!("{other:?}"),
        }),
        "x"
    );
}

/// Files whose text the reader used to drop without a word (fixtures/docx/silent-loss):
/// every marker is read now; what the model cannot hold as such (math, an endnote) is kept
/// and said in a warning.
#[test]
fn markup_the_reader_once_dropped_is_read_or_kept_with_a_warning() {
    let cases: &[(&str, &[&str], Option<&str>)] = &[
        ("docx-bdo-foreign.docx", &["BDOTEXT"], None),
        (
            "docx-contents-foreign.docx",
            &["SECONDPARA", "THIRDPARA"],
            None,
        ),
        ("docx-customXml-block-ours.docx", &["CUSTOMXML"], None),
        ("docx-dir-foreign.docx", &["DIRTEXT"], None),
        (
            "docx-endnote-foreign.docx",
            &["ENDNOTETEXT"],
            Some("endnote i read as a note"),
        ),
        (
            "docx-footnote-table-foreign.docx",
            &["FNTABLECELL", "FNPARA"],
            None,
        ),
        ("docx-inline-sdt-ours.docx", &["INLINESDT"], None),
        (
            "docx-math-foreign.docx",
            &["MATHTEXT"],
            Some("<oMath> has no place in the model"),
        ),
        ("docx-moveTo-foreign.docx", &["MOVEDTO"], None),
        ("docx-textbox-wps-foreign.docx", &["TEXTBOX"], None),
        ("docx-unstyled-ours.docx", &["UNSTYLED"], None),
    ];
    for (file, markers, warning) in cases {
        let bytes = std::fs::read(format!("{ROOT}/fixtures/docx/silent-loss/{file}")).unwrap();
        let read = read_docx(&bytes);
        let json = serde_json::to_string(&read.document).unwrap();
        for m in *markers {
            assert!(json.contains(m), "{file}: {m} lost: {json}");
        }
        if let Some(w) = warning {
            assert!(
                read.warnings.iter().any(|x| x.message.contains(w)),
                "{file}: {:?}",
                read.warnings
            );
        }
    }
}

/// A GA resolution (sample 10 as pdftotext gives it, fixtures/pdftotext) written as Word is
/// set as the UN prints it: the origin line, then "73/8.", a tab and the title in one
/// paragraph; the title once (not again in the title block). pandoc's reading of the
/// file says so, and our reader gives the document back.
#[test]
fn a_resolution_is_set_as_the_un_prints_it() {
    let doc = read_file("fixtures/pdftotext/10_A_RES_73_8_EN.txt", Format::Text);
    let bytes = docx(&doc);
    assert_eq!(canonical(&read_docx(&bytes).document), canonical(&doc));
    // The operative paragraphs' numbers a centimetre in (first line 567 twips in from the
    // body's 1134), as sample 10 prints them; the preamble's paragraphs have no number.
    let mut xml = String::new();
    let _ = with_document_xml(bytes.clone(), |b| {
        xml = String::from_utf8_lossy(b).into_owned()
    });
    let operative: Vec<&str> = xml
        .split("<w:p>")
        .filter(|p| {
            p.contains(r#"<w:t xml:space="preserve">1.</w:t>"#)
                || p.contains(r#"<w:t xml:space="preserve">5.</w:t>"#)
        })
        .collect();
    assert_eq!(operative.len(), 2, "{xml}");
    for p in operative {
        assert!(
            p.contains(r#"<w:ind w:left="1134" w:firstLine="567"/>"#),
            "{p}"
        );
    }
    if !common::oracle_available("pandoc", &["--version"]) {
        return;
    }
    let path = std::env::temp_dir().join(format!("undocs-res-{}.docx", std::process::id()));
    std::fs::write(&path, &bytes).unwrap();
    let out = Command::new("pandoc")
        .args(["-t", "plain", "--wrap=none"])
        .arg(&path)
        .output()
        .expect("pandoc runs");
    std::fs::remove_file(&path).ok();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let at = |p: &str| lines.iter().position(|l| l.starts_with(p));
    let heading = at("73/8.").expect(&text);
    assert!(
        lines[heading].ends_with("Necessity of ending the economic, commercial and financial embargo imposed by the United States of America against Cuba"),
        "{text}"
    );
    let origin = at("[without reference to a Main Committee").expect(&text);
    let adopted = at("Resolution adopted by the General Assembly").expect(&text);
    assert!(adopted < origin && origin < heading, "{text}");
    assert_eq!(
        text.matches("Necessity of ending the economic").count(),
        2,
        "{text}"
    ); // and in paragraph 5
}
