//! The PDF writer: the embedded JSON read back exactly (proptest), the page layout read
//! back by the PDF reader (seed, samples 01 and 02) as the source says, and programs we did
//! not write on the files: qpdf, pdffonts, pdftotext, pdfdetach, pdfinfo.
#![cfg(all(feature = "pdf", feature = "docx"))]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;
use undocs::model::{Block, Document, Inline, Note, Paragraph, Region, plain_text};
use undocs::{Format, ReadOptions, WriteOptions};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn seed() -> Document {
    common::read_fixture("fixtures/a-hrc-31-81/expected.json", Format::Json)
}

fn pdf_of(doc: &Document) -> Vec<u8> {
    let mut out = Vec::new();
    undocs::write(doc, Format::Pdf, &mut out).expect("the PDF writer writes");
    out
}

fn layout_read(pdf: &[u8]) -> undocs::ReadOutput {
    let opts = ReadOptions::default().with_ignore_embedded(true);
    undocs::read_bytes(pdf, Format::Pdf, &opts).expect("the PDF reader reads the layout")
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("undocs-pdfw-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn run(program: &str, args: &[&str], file: &Path) -> String {
    let mut cmd = Command::new(program);
    cmd.args(args).arg(file);
    if program == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd.output().unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success() || program == "qpdf" && out.status.code() == Some(3),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Nothing to complain of, either: poppler before 23.x said "Syntax Error: Suspects
    // object is wrong type" of krilla's catalog until the writer blanked that entry out.
    assert!(
        out.stderr.is_empty(),
        "{program} {args:?} complains: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Chinese needs a font the shipped one lacks, found among the system's; without one the
/// documents with Chinese are skipped, with a notice.
fn cjk_font_present() -> bool {
    let mut d = Document::default();
    d.meta.title = Some("人权理事会".into());
    let mut out = Vec::new();
    undocs::write(&d, Format::Pdf, &mut out).is_ok()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The JSON embedded in the PDF is read back first: the very same document.
    #[test]
    fn the_embedded_json_reads_back_exactly(doc in common::document()) {
        let mut out = Vec::new();
        match undocs::write(&doc, Format::Pdf, &mut out) {
            Ok(()) => {}
            Err(e) if e.to_string().contains("no font covers") => {
                // Only Chinese or Arabic may lack a font, and only on a machine without one.
                prop_assert!(!cjk_font_present(), "{e}");
                return Ok(());
            }
            Err(e) => return Err(TestCaseError::fail(e.to_string())),
        }
        let back = undocs::read_bytes(&out, Format::Pdf, &ReadOptions::default()).unwrap();
        prop_assert_eq!(back.document, doc);
        prop_assert!(back.warnings.is_empty());
    }
}

#[test]
fn a_font_for_chinese_is_found_on_the_system() {
    if !cjk_font_present() {
        common::oracle_missing("a system font with Chinese (Debian: fonts-wqy-microhei)");
    }
}

#[test]
fn the_seed_read_back_from_the_page_layout_is_the_seed() {
    let doc = seed();
    let pdf = pdf_of(&doc);
    let back = layout_read(&pdf);
    assert_eq!(back.document, doc);
}

#[test]
fn characters_no_font_has_are_an_error_naming_them() {
    let mut d = seed();
    d.meta.title = Some("Report on 理事会 and \u{1F600}".into());
    let opts = WriteOptions::default().with_system_fonts(false);
    let e = undocs::write_with(&d, Format::Pdf, &mut Vec::new(), &opts).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("U+7406") && msg.contains("U+1F600"), "{msg}");
    assert!(msg.contains("WriteOptions::fonts"), "{msg}");
    // Given the font, it writes.
    if let Some(path) = ["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"]
        .iter()
        .find(|p| Path::new(p).exists())
    {
        d.meta.title = Some("Report on 理事会".into());
        let opts = opts.with_font(std::fs::read(path).unwrap());
        undocs::write_with(&d, Format::Pdf, &mut Vec::new(), &opts).expect("with the font");
    }
}

/// Arabic is shaped (joined letters, from a system font with Arabic) and its words set
/// right to left inside a line of English; pdftotext finds the words.
#[test]
fn arabic_is_shaped_and_set_right_to_left() {
    if !common::oracle_available("pdftotext", &["-v"]) {
        return;
    }
    let mut d = seed();
    d.meta.title = Some("Report on حقوق الإنسان today".into());
    let mut out = Vec::new();
    match undocs::write(&d, Format::Pdf, &mut out) {
        Ok(()) => {}
        Err(e) => {
            assert!(e.to_string().contains("no font covers"), "{e}");
            common::oracle_missing("a system font with Arabic (Debian: fonts-dejavu-core)");
            return;
        }
    }
    let path = temp("arabic.pdf");
    std::fs::write(&path, &out).unwrap();
    let text = run("pdftotext", &["-f", "1", "-l", "1", "-raw"], &path);
    let line = text
        .lines()
        .find(|l| l.starts_with("Report on"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("حقوق"), "{line}");
    assert!(line.ends_with("today*"), "{line}");
    // The embedded JSON still gives the very same document.
    let back = undocs::read_bytes(&out, Format::Pdf, &ReadOptions::default()).unwrap();
    assert_eq!(back.document, d);
}

/// A note longer than the room left on its page goes on at the foot of the next; its mark
/// stays on the page where it starts, and the layout reads back whole.
#[test]
fn long_notes_continue_on_the_next_page_and_marks_stay_with_them() {
    let word = "cooperation ";
    let mut body = Vec::new();
    for i in 1..=30 {
        let mut content = vec![Inline::Text(format!(
            "Paragraph {i} says that {}",
            word.repeat(40)
        ))];
        content.push(Inline::Note(Note {
            marker: i.to_string(),
            content: vec![Block::Paragraph(Paragraph {
                num: None,
                content: vec![Inline::Text(format!(
                    "Note {i}: {}end.",
                    word.repeat(if i % 4 == 0 { 250 } else { 8 })
                ))],
                subparagraphs: vec![],
            })],
        }));
        content.push(Inline::Text(" and more.".into()));
        body.push(Block::Paragraph(Paragraph {
            num: Some(format!("{i}.")),
            content,
            subparagraphs: vec![],
        }));
    }
    let mut doc = seed();
    doc.body = body;
    doc.annexes.clear();
    let pdf = pdf_of(&doc);
    let back = layout_read(&pdf);
    assert!(
        !back
            .warnings
            .iter()
            .any(|w| w.message.contains("no mark") || w.message.contains("no footnote")),
        "{:?}",
        back.warnings
    );
    assert_eq!(
        common::notes_squeezed(&back.document),
        common::notes_squeezed(&doc)
    );
    assert_eq!(back.document.paragraph_numbers(), doc.paragraph_numbers());
}

use common::squeeze;

/// The page layout, read by the PDF reader, gives back the headings, paragraph numbers,
/// paragraph texts and notes of the document written: the seed and two Word samples.
#[test]
fn the_layout_reads_back_headings_numbers_texts_and_notes() {
    let Some(un) = common::shared_samples("un") else {
        return;
    };
    for name in [
        "01_FCCC_PA_CMA_2021_10_Add.3_EN",
        "02_A_80_6_PlanOutline_EN",
    ] {
        let word = undocs::read_path(un.join(format!("{name}.docx")), &ReadOptions::default())
            .expect("the Word reader reads")
            .document;
        let back = layout_read(&pdf_of(&word));
        assert!(
            !back.warnings.iter().any(|w| w.message.contains("no mark")),
            "{name}: {:?}",
            back.warnings
        );
        let pdf = back.document;
        common::assert_same_masthead(&word, &pdf, name);
        assert_eq!(word.meta.job_number, pdf.meta.job_number, "{name}");
        let tn = |d: &Document| -> Vec<(String, String)> {
            d.meta
                .title_notes
                .iter()
                .map(|n| (n.marker.clone(), squeeze(&plain_text(&n.content))))
                .collect()
        };
        assert_eq!(tn(&word), tn(&pdf), "{name}");
        // Tables are not read from PDF yet: their rows come back as lines of text (01's
        // "Document information" table; its italic header row reads as a heading). Those
        // rows are the only headings allowed in excess.
        assert_eq!(
            common::headings_outside_tables(&word, &word),
            common::headings_outside_tables(&pdf, &word),
            "{name}"
        );
        assert_eq!(word.paragraph_numbers(), pdf.paragraph_numbers(), "{name}");
        // Every numbered paragraph's text, exactly but for white space (a no-break space
        // prints as a space; a line break as the end of a line).
        assert_eq!(
            common::numbered_texts(&word, true),
            common::numbered_texts(&pdf, true),
            "{name}"
        );
        assert_eq!(
            common::notes_squeezed(&word),
            common::notes_squeezed(&pdf),
            "{name}"
        );
    }
}

/// Programs we did not write: qpdf finds no error, pdffonts every font embedded and
/// subset, pdfdetach the embedded source, pdfinfo a tagged PDF/A with its title, and
/// pdftotext every paragraph and note of the seed, in order.
#[test]
fn poppler_and_qpdf_find_the_file_sound_and_whole() {
    for (tool, args) in [
        ("qpdf", &["--version"][..]),
        ("pdffonts", &["-v"][..]),
        ("pdftotext", &["-v"][..]),
    ] {
        if !common::oracle_available(tool, args) {
            return;
        }
    }
    let doc = seed();
    let path = temp("seed.pdf");
    std::fs::write(&path, pdf_of(&doc)).unwrap();
    let check = run("qpdf", &["--check"], &path);
    assert!(
        check.contains("No syntax or stream encoding errors"),
        "{check}"
    );
    let fonts = run("pdffonts", &[], &path);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 3, "{fonts}");
    for r in &rows {
        let cols: Vec<&str> = r.split_whitespace().collect();
        // emb sub uni: yes yes yes; the name has its subset prefix ("ABCDEF+").
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "{r}");
        assert!(cols[0].len() > 7 && cols[0].as_bytes()[6] == b'+', "{r}");
    }
    let attached = run("pdfdetach", &["-list"], &path);
    assert!(attached.contains("undocs.json"), "{attached}");
    let info = run("pdfinfo", &[], &path);
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("Author:          United Nations"), "{info}");
    assert!(
        info.contains("Title:           Enhancement of international cooperation"),
        "{info}"
    );
    let xmp = run("pdfinfo", &["-meta"], &path);
    assert!(
        xmp.contains("<pdfaid:part>3</pdfaid:part>") && xmp.contains("<pdfaid:conformance>B"),
        "{xmp}"
    );
    // pdftotext: every paragraph and every note of the seed, in order.
    let text = squeeze(&run("pdftotext", &[], &path).replace('\u{c}', ""));
    let mut at = 0;
    let mut found = 0;
    let mut paragraphs: Vec<String> = Vec::new();
    for b in &doc.meta.summary {
        if let Block::Paragraph(p) = b {
            paragraphs.push(squeeze(&plain_text(&p.content)));
        }
    }
    doc.walk(&mut |b, r, _| {
        if let (Block::Paragraph(p), Region::Body) = (b, r) {
            paragraphs.push(squeeze(&plain_text(&p.content)));
        }
    });
    let n = paragraphs.len();
    for t in paragraphs {
        {
            let head: String = t.chars().take(30).collect();
            match text[at..].find(&head) {
                Some(i) => {
                    at += i + head.len();
                    found += 1;
                }
                None => panic!("paragraph not found in order: {head}"),
            }
        }
    }
    assert!(found == n && n > 30, "{found} of {n}");
    let notes_text = squeeze(&run("pdftotext", &[], &path));
    for n in doc.notes() {
        let t = squeeze(&common::note_text(n));
        assert!(notes_text.contains(&t), "note {}: {t}", n.marker);
    }
}

/// Bookmarks come from the headings (qpdf lists them); each annex starts a page.
#[test]
fn bookmarks_follow_the_headings_and_annexes_start_pages() {
    if !common::oracle_available("qpdf", &["--version"]) {
        return;
    }
    let doc = seed();
    let path = temp("seed-outline.pdf");
    std::fs::write(&path, pdf_of(&doc)).unwrap();
    let json = run("qpdf", &["--json", "--json-key=outlines"], &path);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    fn titles(v: &serde_json::Value, out: &mut Vec<String>) {
        if let Some(a) = v.as_array() {
            for o in a {
                if let Some(t) = o["title"].as_str() {
                    out.push(t.to_string());
                }
                titles(&o["kids"], out);
            }
        }
    }
    let mut got = Vec::new();
    titles(&v["outlines"], &mut got);
    let want: Vec<String> = doc
        .headings()
        .into_iter()
        .map(|h| match h.num {
            Some(n) => format!("{n} {}", h.text),
            None => h.text,
        })
        .collect();
    assert_eq!(got, want);
    if !common::oracle_available("pdftotext", &["-v"]) {
        return;
    }
    let mut with_annex = doc.clone();
    with_annex.annexes = vec![undocs::model::Annex {
        label: "Annex".into(),
        title: vec![Inline::Text("List of contributions".into())],
        body: vec![Block::Paragraph(Paragraph {
            num: None,
            content: vec![Inline::Text("Bahrain; Russian Federation.".into())],
            subparagraphs: vec![],
        })],
    }];
    let path = temp("annex.pdf");
    std::fs::write(&path, pdf_of(&with_annex)).unwrap();
    let pages = run("pdftotext", &["-layout"], &path);
    let last = pages
        .split('\u{c}')
        .rfind(|p| !p.trim().is_empty())
        .unwrap();
    let first_line = last
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("A/HRC/31/81"))
        .unwrap();
    assert_eq!(first_line, "Annex");
}

/// A table longer than a page repeats its header row on the next page.
#[test]
fn a_long_table_repeats_its_header_row() {
    if !common::oracle_available("pdftotext", &["-v"]) {
        return;
    }
    let cell = |t: &str| {
        vec![Block::Paragraph(Paragraph {
            num: None,
            content: vec![Inline::Text(t.into())],
            subparagraphs: vec![],
        })]
    };
    let mut rows = vec![undocs::model::TableRow {
        header: true,
        cells: vec![cell("State"), cell("Recommendation")],
    }];
    for i in 0..120 {
        rows.push(undocs::model::TableRow {
            header: false,
            cells: vec![cell(&format!("State {i}")), cell("Accepted")],
        });
    }
    let mut doc = seed();
    doc.body = vec![Block::Table(undocs::model::Table { rows })];
    let path = temp("table.pdf");
    std::fs::write(&path, pdf_of(&doc)).unwrap();
    let text = run("pdftotext", &["-layout"], &path);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() >= 3, "{}", pages.len());
    for p in &pages[1..] {
        assert!(p.contains("Recommendation"), "{p}");
    }
    // Every row once, in order.
    let mut at = 0;
    for i in 0..120 {
        let want = format!("State {i} ");
        let i = text[at..].find(&want).unwrap_or_else(|| panic!("{want}"));
        at += i + want.len();
    }
}

/// A document with nothing in it still makes a valid one-page PDF that reads back.
#[test]
fn an_empty_document_writes_and_reads_back() {
    let doc = Document::default();
    let pdf = pdf_of(&doc);
    let back = undocs::read_bytes(&pdf, Format::Pdf, &ReadOptions::default()).unwrap();
    assert_eq!(back.document, doc);
}

/// A broken embedded JSON is said, and the page layout read instead.
#[test]
fn a_damaged_embedded_json_falls_back_to_the_layout_with_a_warning() {
    let doc = seed();
    let mut pdf = pdf_of(&doc);
    // The embedded file's stream is compressed: damage its bytes past the header.
    let at = pdf
        .windows(b"/EmbeddedFile".len())
        .position(|w| w == b"/EmbeddedFile")
        .expect("an embedded file");
    let stream = at
        + pdf[at..]
            .windows(b"stream".len())
            .position(|w| w == b"stream")
            .unwrap()
        + 10;
    for b in &mut pdf[stream..stream + 20] {
        *b ^= 0x55;
    }
    let back = undocs::read_bytes(&pdf, Format::Pdf, &ReadOptions::default()).unwrap();
    assert!(
        back.warnings
            .iter()
            .any(|w| w.message.contains("undocs.json could not be read")),
        "{:?}",
        back.warnings
    );
    assert_eq!(back.document.meta.symbols, doc.meta.symbols);
}

#[test]
fn the_readme_page_images_are_there() {
    for f in [
        "docs/a-hrc-31-81-pdf-page1.png",
        "docs/a-hrc-31-81-docx-page1.png",
    ] {
        assert!(Path::new(ROOT).join(f).exists(), "{f}");
    }
}

/// Links are clickable: each becomes a link annotation over its words (pdfinfo lists them),
/// on every line a link is broken over.
#[test]
fn links_are_annotations_over_their_words() {
    if !common::oracle_available("pdfinfo", &["-v"]) {
        return;
    }
    let mut doc = seed();
    let link = Inline::Link(undocs::model::Link {
        url: "https://docs.un.org/en/A/HRC/31/81".into(),
        content: vec![Inline::Text(
            "the report of the Office of the United Nations High Commissioner for Human Rights on the enhancement of international cooperation".into(),
        )],
    });
    doc.body = vec![Block::Paragraph(Paragraph {
        num: Some("1.".into()),
        content: vec![Inline::Text("See ".into()), link, Inline::Text(".".into())],
        subparagraphs: vec![],
    })];
    let path = temp("links.pdf");
    std::fs::write(&path, pdf_of(&doc)).unwrap();
    let urls = run("pdfinfo", &["-url"], &path);
    let n = urls
        .lines()
        .filter(|l| l.ends_with("https://docs.un.org/en/A/HRC/31/81"))
        .count();
    // The link's words run over two lines: one area on each.
    assert_eq!(n, 2, "{urls}");
}

/// A resolution is printed as the UN prints A/RES/73/8 (its page 1 compared by eye with
/// sample 10's): the title once, after its number ("73/8. Title"), under the "Resolution
/// adopted…" line and the origin; the formula's italics its own. And it reads back from
/// the page layout whole: preamble, operative paragraphs, formula, origin, adoption lines,
/// note. (Before, the title printed twice and the reader took the number's wide gap on
/// page 1 for the masthead's two columns: the title lost its second line and the
/// preamble ended up in a section.)
#[test]
fn a_resolution_reads_back_whole_from_its_page_layout() {
    let doc = common::read_fixture("fixtures/pdftotext/10_A_RES_73_8_EN.txt", Format::Text);
    let r = common::first_resolution(&doc);
    assert_eq!((r.preamble.len(), r.operative.len()), (8, 5));
    let back = layout_read(&pdf_of(&doc)).document;
    let diffs = undocs::json::differences(&doc, &back, 10);
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
    // The title is printed once (the other mention is operative paragraph 5's, quoted).
    if let Some(text) = pdftotext_of(&doc) {
        let titles = text
            .lines()
            .filter(|l| l.starts_with("Necessity of ending the economic"))
            .count();
        assert_eq!(titles, 1, "{text}");
        assert_eq!(text.matches("“Necessity of ending the economic").count(), 1);
    }
}

/// pdftotext's reading of the document's PDF (`None`, with a notice, without pdftotext).
fn pdftotext_of(doc: &Document) -> Option<String> {
    if !common::oracle_available("pdftotext", &["-v"]) {
        return None;
    }
    // (A file of its own for each call: tests run in parallel.)
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let k = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = temp(&format!("pdftotext-of-{k}.pdf"));
    std::fs::write(&path, pdf_of(doc)).unwrap();
    Some(run("pdftotext", &[], &path))
}

/// A treaty body's masthead prints the treaty in the organ's place, over several lines of
/// the left column when it is long (the Convention against Torture's name takes two at
/// 14 points). Every word is printed, left of the distribution column (pdftotext), and the
/// layout reads back the whole name, the symbol with its range of reports, and the rest of
/// the masthead; so do DOCX, AKN and JSON.
#[test]
fn a_treaty_bodys_masthead_keeps_the_whole_treaty_name() {
    const CAT: &str =
        "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment";
    let mut doc = common::read_fixture("fixtures/a-hrc-59-15/document.json", Format::Json);
    doc.meta.symbols = vec!["CAT/C/GBR/CO/6-7".parse().unwrap()];
    doc.meta.organ = Some(CAT.into());
    doc.meta.subsidiary_body = Some("Committee against Torture".into());
    let want = doc.meta.clone();
    let back = layout_read(&pdf_of(&doc)).document.meta;
    assert_eq!(back.symbols, want.symbols);
    assert_eq!(back.organ.as_deref(), Some(CAT));
    assert_eq!(back.subsidiary_body, want.subsidiary_body);
    assert_eq!(
        (back.distribution, back.date, back.original_language),
        (want.distribution, want.date, want.original_language)
    );
    assert_eq!(back.title, want.title);
    for to in [Format::Docx, Format::Akn, Format::Json] {
        let mut bytes = Vec::new();
        undocs::write(&doc, to, &mut bytes).unwrap();
        let opts = ReadOptions::default().with_ignore_embedded(true);
        let m = undocs::read_bytes(&bytes, to, &opts).unwrap().document.meta;
        assert_eq!(
            (m.symbols, m.organ, m.subsidiary_body),
            (
                want.symbols.clone(),
                want.organ.clone(),
                want.subsidiary_body.clone()
            ),
            "{to:?}"
        );
    }
    if let Some(text) = pdftotext_of(&doc) {
        // pdftotext (without -layout) gives the left column's lines, then the right's.
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let at = |s: &str| lines.iter().position(|l| *l == s);
        let first = at("Convention against Torture and Other Cruel,").expect(&text);
        assert_eq!(
            lines.get(first + 1),
            Some(&"Inhuman or Degrading Treatment or Punishment"),
            "{text}"
        );
        assert!(at("Distr.: General").is_some(), "{text}");
    }
}

/// A document in all six languages at once ("Original: English/French/Spanish/Russian/
/// Arabic/Chinese"): the list wraps in the distribution column after a slash, never inside
/// a name (pdftotext), and the layout reads every language back, in order.
#[test]
fn six_original_languages_wrap_at_a_slash_and_read_back() {
    use undocs::model::Language;
    let mut doc = common::read_fixture("fixtures/a-hrc-59-15/document.json", Format::Json);
    doc.meta.original_language = Some(Language::ENGLISH);
    doc.meta.other_original_languages = vec![
        Language::FRENCH,
        Language::SPANISH,
        Language::RUSSIAN,
        Language::ARABIC,
        Language::CHINESE,
    ];
    let r = layout_read(&pdf_of(&doc));
    assert!(
        !r.warnings.iter().any(|w| w.message.contains("original")),
        "{:?}",
        r.warnings
    );
    let m = r.document.meta;
    assert_eq!(
        (m.original_language, m.other_original_languages),
        (
            doc.meta.original_language,
            doc.meta.other_original_languages.clone()
        )
    );
    assert_eq!(m.title, doc.meta.title);
    if let Some(text) = pdftotext_of(&doc) {
        assert!(
            text.lines().any(|l| l.trim().ends_with("Russian/"))
                && text.lines().any(|l| l.trim() == "Arabic/Chinese"),
            "{text}"
        );
    }
}

/// A GA resolution's operative paragraphs set their number a centimetre in and their later
/// lines at the margin, as the UN prints them (sample 10): so pdftotext -layout shows them.
#[test]
fn a_resolutions_operative_numbers_stand_a_centimetre_in() {
    if !common::oracle_available("pdftotext", &["-v"]) {
        return;
    }
    let doc = common::read_fixture("fixtures/pdftotext/10_A_RES_73_8_EN.txt", Format::Text);
    let path = temp("operative.pdf");
    std::fs::write(&path, pdf_of(&doc)).unwrap();
    let text = run("pdftotext", &["-layout"], &path);
    let lines: Vec<&str> = text.lines().collect();
    let lead = |l: &str| l.len() - l.trim_start().len();
    let at = lines
        .iter()
        .position(|l| l.trim_start().starts_with("1.") && l.contains("Takes note"))
        .expect(&text);
    // The next line goes back to the margin, 1 cm (about five characters) to the left.
    assert!(lead(lines[at]) >= lead(lines[at + 1]) + 4, "{text}");
}
