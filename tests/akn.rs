//! Akoma Ntoso: schema validity (xmllint + the OASIS XSD), exact round trips, other
//! producers' files, hostile input.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use undocs::model::{Block, Distribution, DocKind, Document, Inline, Language, plain_text};
use undocs::{Format, ReadOptions};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn akn(doc: &Document) -> Vec<u8> {
    let mut out = Vec::new();
    undocs::write(doc, Format::Akn, &mut out).expect("AKN written");
    out
}

fn read_akn(bytes: &[u8]) -> undocs::ReadOutput {
    undocs::read_bytes(bytes, Format::Akn, &ReadOptions::default()).expect("AKN read")
}

fn read_file(path: &str, format: Format) -> Document {
    common::read_fixture(path, format)
}

/// A stream that hands out one to seven bytes at a time: every buffer boundary of the
/// streaming reader falls somewhere inside a name, a text or a tag.
struct Trickle<'b> {
    bytes: &'b [u8],
    calls: usize,
}

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.calls += 1;
        let n = (1 + self.calls % 7).min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

/// The two readings of the same bytes, held and streamed, as comparable text: the document
/// and warnings, or the error's message (its position included).
fn held_and_streamed(bytes: &[u8], opts: &ReadOptions) -> (String, String) {
    common::held_and_streamed_text(
        undocs::read_bytes(bytes, Format::Akn, opts),
        undocs::akn::read_from(Trickle { bytes, calls: 0 }, opts),
        std::str::from_utf8(bytes).is_err(),
    )
}

/// The XSD: `UNDOCS_AKN_XSD`, or ../shared/reference/akn/akomantoso30.xsd.
fn xsd() -> Option<PathBuf> {
    let p = std::env::var_os("UNDOCS_AKN_XSD")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(ROOT).join("../shared/reference/akn/akomantoso30.xsd"));
    p.exists().then_some(p)
}

use common::oracle_missing;

/// Validates files with xmllint against the XSD; panics with xmllint's words on failure.
fn validate(files: &[PathBuf]) -> bool {
    let Some(xsd) = xsd() else {
        oracle_missing("the Akoma Ntoso XSD");
        return false;
    };
    if Command::new("xmllint").arg("--version").output().is_err() {
        oracle_missing("xmllint");
        return false;
    }
    for chunk in files.chunks(100) {
        let out = Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(&xsd)
            .args(chunk)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "xmllint rejected our output:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    true
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("undocs-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn fixtures() -> Vec<(&'static str, Document)> {
    common::fixture_documents()
}

#[test]
fn every_fixture_validates_and_round_trips() {
    let dir = tmpdir("akn-fixtures");
    let mut files = Vec::new();
    for (name, doc) in fixtures() {
        let xml = akn(&doc);
        let back = read_akn(&xml);
        let diffs = undocs::json::differences(&doc, &back.document, 10);
        assert!(diffs.is_empty(), "{name}: {}", diffs.join("\n"));
        assert!(back.warnings.is_empty(), "{name}: {:?}", back.warnings);
        let path = dir.join(format!("{name}.akn.xml"));
        std::fs::write(&path, &xml).unwrap();
        files.push(path);
    }
    validate(&files);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn two_hundred_generated_documents_validate() {
    let dir = tmpdir("akn-generated");
    let mut runner = TestRunner::deterministic();
    let strategy = common::document();
    let mut files = Vec::new();
    for i in 0..200 {
        let doc = strategy.new_tree(&mut runner).unwrap().current();
        let path = dir.join(format!("gen-{i}.akn.xml"));
        std::fs::write(&path, akn(&doc)).unwrap();
        files.push(path);
    }
    validate(&files);
    std::fs::remove_dir_all(&dir).ok();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn akn_round_trip(doc in common::document()) {
        let bytes = akn(&doc);
        let back = read_akn(&bytes);
        prop_assert_eq!(&back.document, &doc);
        prop_assert!(back.warnings.is_empty());
        // Streamed, not held: the same.
        let streamed = undocs::akn::read_from(Trickle { bytes: &bytes, calls: 0 }, &ReadOptions::default()).expect("AKN streamed");
        prop_assert_eq!(streamed.document, doc);
        prop_assert!(streamed.warnings.is_empty());
    }
}

#[test]
fn seed_round_trips_exactly() {
    let seed = read_file("fixtures/a-hrc-31-81/expected.json", Format::Json);
    assert_eq!(read_akn(&akn(&seed)).document, seed);
}

#[test]
fn writer_follows_akn4un() {
    let seed = read_file("fixtures/a-hrc-31-81/expected.json", Format::Json);
    let xml = String::from_utf8(akn(&seed)).unwrap();
    for needle in [
        r##"<doc name="report">"##,
        r##"<FRBRthis value="/akn/un/doc/report/un-ga-hrc/2016-01-29/A-HRC-31-81/!main"/>"##,
        r##"<FRBRuri value="/akn/un/doc/report/un-ga-hrc/2016-01-29/A-HRC-31-81/eng@2016-01-29"/>"##,
        r##"<FRBRuri value="/akn/un/doc/report/un-ga-hrc/2016-01-29/A-HRC-31-81/eng@2016-01-29/.xml"/>"##,
        r##"<FRBRnumber value="A-HRC-31-81" showAs="A/HRC/31/81"/>"##,
        r##"<FRBRcountry value="un"/>"##,
        r##"<docNumber refersTo="#symbol">A/HRC/31/81*</docNumber>"##,
        r##"<inline name="distribution">Distr.: General</inline>"##,
        r##"<docDate date="2016-01-29">29 January 2016</docDate>"##,
        r##"Original: <inline name="originalLanguage">English</inline>"##,
        r##"<session value="31">Thirty-first session</session>"##,
        r##"<paragraph eId="chp_I__para_1"><num>1.</num>"##,
        r##"<chapter eId="chp_I">"##,
        r##"<section eId="chp_IV__sec_A">"##,
        r##"<authorialNote marker="1" placement="bottom" eId="chp_I__para_1__authorialNote_1">"##,
        r##"<ref href="/akn/un/doc/A-HRC-19-74">A/HRC/19/74</ref>"##,
        r##"<TLCOrganization eId="body" href="/akn/ontology/organizations/un/un-ga-hrc" showAs="Human Rights Council"/>"##,
    ] {
        assert!(
            xml.replace('\n', "")
                .replace("  ", "")
                .contains(&needle.replace("  ", "")),
            "missing: {needle}"
        );
    }
}

#[test]
fn resolutions_are_statements_with_preamble_and_formula() {
    let doc = read_file("fixtures/pdftotext/10_A_RES_73_8_EN.txt", Format::Text);
    assert_eq!(doc.meta.kind, Some(DocKind::Resolution));
    let xml = String::from_utf8(akn(&doc)).unwrap();
    assert!(xml.contains(r##"<statement name="resolution">"##));
    assert!(xml.contains(r##"<FRBRsubtype value="deliberation"/>"##));
    assert!(xml.contains(r##"<formula name="enactingFormula">"##));
    assert!(xml.contains("<p>The General Assembly,</p>"));
    assert!(xml.contains("<preamble>") && xml.contains("<conclusions>"));
    assert_eq!(read_akn(xml.as_bytes()).document, doc);
}

#[test]
fn un_draft_resolution_in_akn_2_0() {
    let r = read_akn(
        &std::fs::read(format!(
            "{ROOT}/fixtures/akn/un_E-CN.7-2012-L.2_eng.akn20.xml"
        ))
        .unwrap(),
    );
    let d = &r.document;
    let m = &d.meta;
    // Facts read by hand in the file.
    assert_eq!(
        m.symbols.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        ["E/CN.7/2012/L.2"]
    );
    assert_eq!(m.distribution, Some(Distribution::Limited));
    assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2012-02-22"));
    assert_eq!(m.original_language, Some(Language::ENGLISH));
    assert_eq!(m.language, Some(Language::ENGLISH));
    assert_eq!(m.organ.as_deref(), Some("Economic and Social Council"));
    assert_eq!(
        m.subsidiary_body.as_deref(),
        Some("Commission on Narcotic Drugs")
    );
    let s = m.session.as_ref().unwrap();
    assert_eq!(
        (s.number.as_deref(), s.label.as_deref(), s.dates.as_deref()),
        (
            Some("55"),
            Some("Fifty-fifth session"),
            Some("Vienna, 12-16 March 2012")
        )
    );
    assert_eq!(
        m.job_number.as_ref().map(|j| j.to_string()).as_deref(),
        Some("V.12-51096 (E)")
    );
    assert_eq!(m.agenda_items.len(), 1);
    assert_eq!(m.agenda_items[0].number.as_deref(), Some("4"));
    assert_eq!(
        m.agenda_items[0].title,
        "Implementation of the international drug control treaties"
    );
    assert_eq!(
        m.sponsors,
        [
            "Australia",
            "Japan",
            "the United Kingdom of Great Britain and Northern Ireland"
        ]
    );
    assert_eq!(m.kind, Some(DocKind::DraftResolution));
    assert_eq!(
        m.title.as_deref(),
        Some("Promoting international cooperation in responding to new psychoactive substances")
    );
    assert_eq!(m.title_notes.len(), 1);
    assert_eq!(m.title_notes[0].marker, "*");
    assert_eq!(plain_text(&m.title_notes[0].content), "E/CN.7/2012/1.");
    let [Block::Resolution(res)] = d.body.as_slice() else {
        panic!("one resolution: {:?}", d.body)
    };
    assert_eq!(
        plain_text(&res.formula),
        "The Commission on Narcotic Drugs,"
    );
    assert!(matches!(res.formula.as_slice(), [Inline::Emphasis(_)]));
    assert_eq!(res.preamble.len(), 4);
    assert_eq!(d.paragraph_numbers(), ["1.", "2.", "3.", "8."]);
    let notes = d.notes();
    assert_eq!(
        notes.iter().map(|n| n.marker.as_str()).collect::<Vec<_>>(),
        ["1", "2", "3"]
    );
    let Block::Paragraph(p1) = &res.operative[0] else {
        panic!()
    };
    assert!(
        plain_text(&p1.content).starts_with("Encourages Member States to monitor emerging trends")
    );
    // The omission mark in paragraph 3 stays as an ellipsis; everything in the body had a
    // place, so nothing was dropped.
    let Block::Paragraph(p3) = &res.operative[2] else {
        panic!()
    };
    assert!(
        plain_text(&p3.content).ends_with("to minimize risks to public health; …"),
        "{}",
        plain_text(&p3.content)
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn akn4eu_bill_and_kenyan_debate() {
    let r = read_akn(
        &std::fs::read(format!(
            "{ROOT}/fixtures/akn/eu_akn4eu_council-position_bill_123.xml"
        ))
        .unwrap(),
    );
    let d = &r.document;
    // Facts counted by hand in the file: 9 articles (each a heading division), 13
    // authorialNotes, recitals and citations in the preamble.
    let [Block::Resolution(res)] = d.body.as_slice() else {
        panic!("preamble + body as a resolution")
    };
    let articles = res
        .operative
        .iter()
        .filter(|b| matches!(b, Block::Division(_)))
        .count();
    assert_eq!(articles, 9);
    assert_eq!(d.notes().len(), 13);
    // The preamble as printed: 4 citations, "Whereas:", recitals (1) to (25) with their
    // numbers, and the formula "HAVE ADOPTED THIS DECISION:" (counted by hand in the file).
    let nums: Vec<Option<&str>> = res
        .preamble
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => p.num.as_deref(),
            _ => Some("not a paragraph"),
        })
        .collect();
    let recitals: Vec<String> = (1..=25).map(|n| format!("({n})")).collect();
    let mut want: Vec<Option<&str>> = vec![None; 5];
    want.extend(recitals.iter().map(|r| Some(r.as_str())));
    want.push(None);
    assert_eq!(nums, want);
    let text = |i: usize| match &res.preamble[i] {
        Block::Paragraph(p) => plain_text(&p.content),
        _ => String::new(),
    };
    assert!(text(0).starts_with("Having regard to the Treaty on the Functioning"));
    assert_eq!(text(4), "Whereas:");
    assert!(text(5).starts_with("Cooperation between the Union and the Kyrgyz Republic"));
    assert_eq!(text(30), "HAVE ADOPTED THIS DECISION:");
    assert!(d.meta.title.as_deref().is_some_and(|t| {
        t.starts_with("DECISION No …/2013/EU OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL")
    }));
    // Markup without a place in the model is reported.
    assert!(
        r.warnings.iter().any(|w| w.message.contains("<formula>")),
        "{:?}",
        r.warnings
    );
    // Its FRBRdate is the draft's placeholder, 2999-01-01: no date of issue, and said.
    assert_eq!(d.meta.date, None);
    assert!(
        r.warnings
            .iter()
            .any(|w| w.message.contains("\"2999-01-01\" is a placeholder")),
        "{:?}",
        r.warnings
    );

    let r = read_akn(
        &std::fs::read(format!(
            "{ROOT}/fixtures/akn/ke_Debate_Bungeni_2011-06-10.xml"
        ))
        .unwrap(),
    );
    let d = &r.document;
    assert_eq!(
        d.meta.date.map(|d| d.to_string()).as_deref(),
        Some("2011-06-10")
    );
    // 17 debateSection elements plus prayers, oralStatements and adjournment (sections of
    // their own kind): 20 divisions, 11 of them with a heading.
    let h = d.headings();
    assert_eq!(h.len(), 20);
    assert_eq!(h.iter().filter(|h| !h.text.is_empty()).count(), 11);
    assert!(h.iter().any(|h| h.text == "ORAL ANSWERS TO QUESTIONS"));
    // Every speaker (<from>) and every narrative line of the record is read, in order: the
    // speakers as bold lines, the narrative as paragraphs (read by hand in the file).
    let mut paras = Vec::new();
    d.walk(&mut |b, _, _| {
        if let Block::Paragraph(p) = b {
            paras.push(
                plain_text(&p.content)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
    });
    let src = std::fs::read_to_string(format!(
        "{ROOT}/fixtures/akn/ke_Debate_Bungeni_2011-06-10.xml"
    ))
    .unwrap();
    let speakers: Vec<String> = src
        .split("<from>")
        .skip(1)
        .filter_map(|s| s.split("</from>").next())
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(speakers.len(), 11);
    for line in speakers.iter().map(String::as_str).chain([
        "[MR. SPEAKER IN THE CHAIR]",
        "(The Division Bell was rung)",
        "(Question put and the House divided)",
        "(Loud consultation)",
        "(Question carried by 72 to 56 votes)",
        "(Proceed with the recount.)",
    ]) {
        assert!(paras.iter().any(|p| p == line), "{line:?} not read");
    }
    assert_eq!(paras.iter().filter(|p| *p == "(Applause)").count(), 2);
    // The one note, kept in <meta> and cited by <noteRef href="#not01" marker="1"/> after
    // "BES" (read by hand in the file): a note there, with its marker and text.
    let mut notes = Vec::new();
    d.walk(&mut |b, _, _| {
        if let Block::Paragraph(p) = b {
            for (k, i) in p.content.iter().enumerate() {
                if let Inline::Note(n) = i {
                    let before = plain_text(&p.content[..k]);
                    notes.push((before, n.marker.clone(), n.content.clone()));
                }
            }
        }
    });
    assert_eq!(notes.len(), 1, "{notes:?}");
    let (before, marker, content) = &notes[0];
    assert!(before.ends_with("serving the interest of teachers in the BES"));
    assert_eq!(marker, "1");
    let [Block::Paragraph(p)] = content.as_slice() else {
        panic!("{content:?}")
    };
    assert_eq!(
        plain_text(&p.content),
        "BES: definition of Educational System"
    );
    assert!(!r.warnings.iter().any(|w| w.message.contains("noteRef")));
}

/// A judgment (its parts as in the OASIS example of a South African judgment,
/// za_Judgement_2008-11-26.xml, cut down): the header, which the model has no place
/// for, stays before the body; items numbered "[1]" are numbered paragraphs; an editorial
/// note in <meta> that nothing cites is named in a warning.
#[test]
fn a_judgments_header_comes_first_and_its_numbered_items_are_paragraphs() {
    let xml = r##"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
<judgment name="decision"><meta>
 <identification source="#somebody"><FRBRExpression><FRBRdate date="2008-11-26" name="Delivery"/><FRBRlanguage language="eng"/></FRBRExpression></identification>
 <notes source="#somebody"><note eId="not1"><p>Sections starting at [16] and ending at [35] were deleted.</p></note></notes>
</meta>
<header>
 <p><b><docProponent refersTo="#Scoa">SUPREME COURT OF APPEAL</docProponent></b></p>
 <p class="judgementNumber">Case number: <docNumber>653/07</docNumber></p>
</header>
<judgmentBody><background><blockList eId="l1">
 <item eId="i1"><num>[1]</num><p>The appellant is a long distance haulier.</p></item>
 <item eId="i2"><num>[2]</num><p>The truck was on its way.</p>
  <blockList eId="l2"><listIntroduction>As follows:</listIntroduction><item eId="i3"><num>(a)</num><p>first</p></item></blockList></item>
</blockList></background></judgmentBody>
<conclusions><p>BRAND JA</p></conclusions>
</judgment></akomaNtoso>"##;
    for r in [
        read_akn(xml.as_bytes()),
        undocs::akn::read_from(xml.as_bytes(), &ReadOptions::default()).unwrap(),
    ] {
        let texts: Vec<(Option<String>, String)> = r
            .document
            .body
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => (p.num.clone(), plain_text(&p.content)),
                other => panic!("{other:?}"),
            })
            .collect();
        let want = [
            (None, "SUPREME COURT OF APPEAL"),
            (None, "Case number: 653/07"),
            (Some("[1]"), "The appellant is a long distance haulier."),
            (Some("[2]"), "The truck was on its way."),
            (None, "As follows:"),
            (Some("(a)"), "first"),
            (None, "BRAND JA"),
        ]
        .map(|(n, t)| (n.map(str::to_string), t.to_string()));
        assert_eq!(texts, want);
        assert!(
            r.warnings
                .iter()
                .any(|w| w.message.contains("note \"not1\" is cited by no <noteRef>")),
            "{:?}",
            r.warnings
        );
    }
}

#[test]
fn hostile_and_broken_input_gives_clear_errors() {
    let opts = ReadOptions::default();
    let laughs = br#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]><akomaNtoso>&lol2;</akomaNtoso>"#;
    let e = undocs::read_bytes(laughs, Format::Akn, &opts)
        .unwrap_err()
        .to_string();
    assert!(e.contains("DOCTYPE"), "{e}");
    let deep = format!(
        "<akomaNtoso>{}{}</akomaNtoso>",
        "<p>".repeat(100_000),
        "</p>".repeat(100_000)
    );
    let e = undocs::read_bytes(deep.as_bytes(), Format::Akn, &opts)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("nesting depth") && e.contains("max_depth"),
        "{e}"
    );
    let e = undocs::read_bytes(
        b"<akomaNtoso>\n  <doc name=\"x\">\n  </dok>\n</akomaNtoso>",
        Format::Akn,
        &opts,
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("line 3"), "{e}");
    let e = undocs::read_bytes(b"<html/>", Format::Akn, &opts)
        .unwrap_err()
        .to_string();
    assert!(e.contains("not <akomaNtoso>"), "{e}");
    // No root element: named at the end of the input, held or streamed alike (a stream
    // once named line 2, column 0 where the held reading named line 1, column 1).
    for (input, at) in [
        (&b""[..], "line 1, column 1"),
        (b"<?xml version=\"1.0\"?>\n", "line 2, column 1"),
        (
            b"<?xml version=\"1.0\"?>\n<!-- none -->\n  ",
            "line 3, column 3",
        ),
    ] {
        let (held, streamed) = held_and_streamed(input, &opts);
        assert!(
            held.contains("no root element") && held.contains(at),
            "{held}"
        );
        assert_eq!(held, streamed);
    }
}

#[test]
fn what_akn_cannot_carry_is_an_error() {
    use undocs::model::{Division, DivisionKind, Note, Paragraph};
    let mut d = Document::default();
    d.body.push(Block::Paragraph(Paragraph {
        num: None,
        content: vec![Inline::Note(Note {
            marker: "1".into(),
            content: vec![Block::Division(Division {
                kind: DivisionKind::Chapter,
                num: None,
                heading: vec![],
                content: vec![],
            })],
        })],
        subparagraphs: vec![],
    }));
    let e = undocs::write(&d, Format::Akn, Vec::new())
        .unwrap_err()
        .to_string();
    assert!(e.contains("a division inside a footnote"), "{e}");
    let mut d = Document::default();
    d.meta.title = Some("bell \u{7}".into());
    let e = undocs::write(&d, Format::Akn, Vec::new())
        .unwrap_err()
        .to_string();
    assert!(e.contains("U+0007"), "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Our own output with bytes changed, cut or repeated never makes the reader panic: it
    /// reads or it says what is wrong.
    #[test]
    fn mutated_akn_never_panics(doc in common::document(), edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8)) {
        let mut bytes = akn(&doc);
        for (at, byte, op) in edits {
            if bytes.is_empty() { break; }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => bytes.truncate(i),
                _ => { let chunk: Vec<u8> = bytes[i..].iter().take(40).copied().collect(); bytes.splice(i..i, chunk); }
            }
        }
        // Held or streamed, the same reading or the same error at the same place.
        let (held, streamed) = held_and_streamed(&bytes, &ReadOptions::default());
        prop_assert_eq!(held, streamed);
    }
}

/// Every Akoma Ntoso file of the fixtures (other producers' among them) reads the same
/// streamed as held; so do broken ones, with the same error at the same line and column.
#[test]
fn streamed_reading_equals_held_reading() {
    let mut files = common::fixture_files(&["fixtures/akn", "fixtures/akn/silent-loss"], "xml");
    assert!(files.len() >= 6, "{files:?}");
    // And the seed as undocs writes it.
    let seed = tmpdir("akn-streamed").join("seed.xml");
    std::fs::write(
        &seed,
        akn(&read_file(
            "fixtures/a-hrc-31-81/expected.json",
            Format::Json,
        )),
    )
    .unwrap();
    files.push(seed);
    let opts = ReadOptions::default();
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let (held, streamed) = held_and_streamed(&bytes, &opts);
        assert!(!held.starts_with("error"), "{}: {held}", f.display());
        assert_eq!(held, streamed, "{}", f.display());
        // Cut anywhere: the same error, at the same place.
        for k in 1..40 {
            let cut = &bytes[..bytes.len() * k / 40];
            let (held, streamed) = held_and_streamed(cut, &opts);
            assert_eq!(held, streamed, "{} cut at {}", f.display(), cut.len());
        }
    }
    // Errors found after the parse (at the root) and in it, with their lines.
    for bad in [
        &b"<html/>"[..],
        b"<akomaNtoso>\n  <doc name=\"x\">\n  </dok>\n</akomaNtoso>",
        b"\n\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"/>",
        b"<akomaNtoso>\n<doc name=\"x\"><mainBody>\n<p>&nope;</p></mainBody></doc></akomaNtoso>",
        b"<akomaNtoso>\n<doc name=\"x\" a=\"1\" a=\"2\"></doc></akomaNtoso>",
        b"<!DOCTYPE x><akomaNtoso/>",
        b"\xff\xfe<\x00a\x00",
        b"<akomaNtoso>caf\xe9</akomaNtoso>",
    ] {
        let (held, streamed) = held_and_streamed(bad, &opts);
        assert!(held.starts_with("error"), "{held}");
        assert_eq!(held, streamed);
    }
    // A byte-order mark, Windows line ends: read alike, errors at the same lines.
    let seed = std::fs::read(files.last().unwrap()).unwrap();
    let bom = [&b"\xEF\xBB\xBF"[..], &seed].concat();
    let crlf = String::from_utf8(seed.clone())
        .unwrap()
        .replace('\n', "\r\n")
        .into_bytes();
    for bytes in [bom, crlf] {
        let (held, streamed) = held_and_streamed(&bytes, &opts);
        assert!(!held.starts_with("error"), "{held}");
        assert_eq!(held, streamed);
        for k in 1..20 {
            let cut = &bytes[..bytes.len() * k / 20];
            let (held, streamed) = held_and_streamed(cut, &opts);
            assert_eq!(held, streamed, "cut at {}", cut.len());
        }
    }
    // The size limit holds for a stream too.
    let bytes = std::fs::read(&files[0]).unwrap();
    let small = ReadOptions::default().with_max_bytes(100);
    let e = undocs::akn::read_from(&bytes[..], &small)
        .unwrap_err()
        .to_string();
    assert!(e.contains("max_bytes"), "{e}");
}

#[test]
fn akn4un_cover_page_reads_like_a_preface() {
    let r = read_akn(
        &std::fs::read(format!(
            "{ROOT}/fixtures/akn/constructed_akn4un_coverpage.xml"
        ))
        .unwrap(),
    );
    let m = &r.document.meta;
    assert_eq!(
        m.symbols.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        ["A/HRC/31/81"]
    );
    assert!(m.reissued);
    assert_eq!(m.organ.as_deref(), Some("General Assembly"));
    assert_eq!(m.subsidiary_body.as_deref(), Some("Human Rights Council"));
    assert_eq!(m.distribution, Some(Distribution::General));
    assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2016-01-29"));
    assert_eq!(
        m.session.as_ref().and_then(|s| s.number.as_deref()),
        Some("31")
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Enhancement of international cooperation in the field of human rights")
    );
    assert_eq!(m.kind, Some(DocKind::Report));
    assert_eq!(r.document.paragraph_numbers(), ["1."]);
}

/// A document collection (AKN4UN's form for documents with parts; how the EU publishes
/// proposals) is read in full: the first part's paragraphs are the body, interstitial text
/// follows, later parts are annexes. The fixture validates against the OASIS schema and was
/// built for this test (see fixtures/akn/README.md).
#[test]
fn document_collection_is_read_in_full() {
    let r = read_akn(
        &std::fs::read(format!("{ROOT}/fixtures/akn/constructed_collection.xml")).unwrap(),
    );
    let d = &r.document;
    assert_eq!(d.meta.title.as_deref(), Some("Proposal in three parts"));
    assert_eq!(d.paragraph_numbers(), ["1.", "2."]);
    let body: Vec<String> = d
        .body
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => plain_text(&p.content),
            _ => String::new(),
        })
        .collect();
    assert_eq!(
        body,
        [
            "MEMO-PARAGRAPH-ONE of the memorandum.",
            "MEMO-PARAGRAPH-TWO of the memorandum.",
            "INTERSTITIAL-TEXT between the parts."
        ]
    );
    assert_eq!(d.annexes.len(), 1);
    assert_eq!(d.annexes[0].label, "annex");
    assert!(
        matches!(&d.annexes[0].body[..], [Block::Paragraph(p)] if plain_text(&p.content) == "ANNEX-TEXT of the annex.")
    );
}

/// Files whose text the reader used to drop without a word (../shared/hostile/silent-loss,
/// copied to fixtures/akn/silent-loss): every marked text (LOST-…, COMPONENT-TEXT, the
/// upper-case words the files were built with) is in the document read, and an element the
/// model has no place for is named in a warning.
#[test]
fn nothing_in_other_producers_akn_is_dropped_silently() {
    let dir = format!("{ROOT}/fixtures/akn/silent-loss");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 8);
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let r = read_akn(&bytes);
        let json = serde_json::to_string(&r.document).unwrap();
        let markers: Vec<&str> = text
            .split(|c: char| !(c.is_ascii_uppercase() || c == '-'))
            .filter(|w| w.len() >= 6 && w.contains('-'))
            .collect();
        assert!(!markers.is_empty(), "{}", f.display());
        for m in markers {
            assert!(json.contains(m), "{}: {m} dropped", f.display());
        }
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let named = |el: &str| r.warnings.iter().any(|w| w.message.contains(el));
        match name.as_str() {
            "akn-table-caption.xml" => assert!(named("<caption>")),
            "akn-subheading.xml" => assert!(named("<subheading>")),
            "akn-paragraph-heading.xml" => assert!(named("<heading>")),
            "akn-doc-sibling.xml" => assert!(named("<interstitial>")),
            _ => {}
        }
    }
}

/// A subtitle reading "Original:En" (found by fuzzing: ../shared/hostile/
/// rt-akn-original-language.txt) came back from our own Akoma Ntoso as an original
/// language too, so `undocs roundtrip` failed; in our files every field is marked, and a
/// subtitle stays a subtitle.
#[test]
fn a_subtitle_that_reads_like_a_masthead_line_round_trips() {
    let mut d = Document::default();
    d.meta.title = Some("l".into());
    d.meta.subtitle = Some("Original:En".into());
    let back = read_akn(&akn(&d)).document;
    assert_eq!(back, d);
    // In another producer's file, such a line still says what it is.
    let theirs = br##"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><doc name="report"><meta><identification source="#x"><FRBRWork><FRBRthis value="/x"/><FRBRuri value="/x"/><FRBRdate date="2016-01-29" name="x"/><FRBRauthor href="#x"/><FRBRcountry value="un"/></FRBRWork><FRBRExpression><FRBRthis value="/x"/><FRBRuri value="/x"/><FRBRdate date="2016-01-29" name="x"/><FRBRauthor href="#x"/><FRBRlanguage language="eng"/></FRBRExpression><FRBRManifestation><FRBRthis value="/x"/><FRBRuri value="/x"/><FRBRdate date="2016-01-29" name="x"/><FRBRauthor href="#x"/></FRBRManifestation></identification></meta><preface><p>Original: English</p></preface><mainBody><p>Text.</p></mainBody></doc></akomaNtoso>"##;
    let d = read_akn(theirs).document;
    assert_eq!(d.meta.original_language, Some(Language::ENGLISH));
}

/// A list inside a point's content (found by fuzzing: it recursed for ever and overflowed
/// the stack) reads as the point's subparagraphs, its text kept.
#[test]
fn a_list_inside_content_reads_and_ends() {
    let xml = std::fs::read(format!(
        "{ROOT}/tests/fuzz-regressions/read_akn/stack-overflow-list-in-content.xml"
    ))
    .unwrap();
    let read = undocs::read_bytes(&xml, Format::Akn, &ReadOptions::default()).unwrap();
    let json = serde_json::to_string(&read.document).unwrap();
    assert!(json.contains("\"x\""), "{json}");
}

/// The seed's masthead in each official language (fixtures/languages/) written as Akoma
/// Ntoso: schema-valid, its expression in that language (`FRBRlanguage` with the ISO 639-2
/// code), the labels in it, and read back the same.
#[cfg(feature = "text")]
#[test]
fn the_seed_in_each_official_language_validates() {
    let dir = tmpdir("akn-languages");
    let mut files = Vec::new();
    for (code, iso, label) in [
        ("ar", "ara", "Distr.: General"),
        ("zh", "zho", "Distr.: General"),
        ("en", "eng", "Distr.: General"),
        ("fr", "fra", "Distr. générale"),
        ("ru", "rus", "Distr.: General"),
        ("es", "spa", "Distr. general"),
    ] {
        let src = std::fs::read(format!("{ROOT}/fixtures/languages/{code}.md")).unwrap();
        let doc = undocs::read_bytes(&src, Format::Text, &ReadOptions::default())
            .unwrap()
            .document;
        let mut out = Vec::new();
        undocs::write(&doc, Format::Akn, &mut out).unwrap();
        let xml = String::from_utf8(out.clone()).unwrap();
        assert!(
            xml.contains(&format!("<FRBRlanguage language=\"{iso}\"/>")),
            "{code}"
        );
        assert!(xml.contains(&format!(">{label}</inline>")), "{code}");
        let back = undocs::read_bytes(&out, Format::Akn, &ReadOptions::default())
            .unwrap()
            .document;
        assert_eq!(back, doc, "{code}");
        let path = dir.join(format!("{code}.xml"));
        std::fs::write(&path, &out).unwrap();
        files.push(path);
    }
    validate(&files);
}

/// A portion of an act (constructed in the Akoma Ntoso 3.0 vocabulary): sections keep
/// their headings; subsections numbered "(1)" without a heading are numbered paragraphs,
/// with the numbered paragraphs in them as subparagraphs; nothing is warned about.
#[test]
fn numbered_units_without_headings_are_numbered_paragraphs() {
    let xml = r##"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
<portion includedIn="/akn/ke/act/1997/3/!main">
<meta><identification source="#a"><FRBRWork><FRBRthis value="/akn/ke/act/1997/3/!main"/></FRBRWork></identification></meta>
<portionBody>
 <section eId="sec_1"><num>1.</num><heading>Short title</heading><content><p>This Act may be cited as the Example Act.</p></content></section>
 <section eId="sec_2"><num>2.</num><heading>Interpretation</heading>
  <subsection eId="sec_2__subsec_1"><num>(1)</num><content><p>In this Act—</p></content></subsection>
  <subsection eId="sec_2__subsec_2"><num>(2)</num><intro><p>For the purposes of</p></intro>
   <paragraph eId="p1"><num>(a)</num><content><p>one; and</p></content></paragraph>
   <paragraph eId="p2"><num>(b)</num><content><p>two.</p></content></paragraph></subsection>
 </section>
 <article eId="art_3"><num>Article 3</num><content><p>A label, not a paragraph number.</p></content></article>
</portionBody></portion></akomaNtoso>"##;
    let r = read_akn(xml.as_bytes());
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let d = &r.document;
    let h: Vec<String> = d.headings().iter().map(|h| h.text.clone()).collect();
    assert_eq!(h, ["Short title", "Interpretation", ""]);
    let Block::Division(s2) = &d.body[1] else {
        panic!("{:?}", d.body[1])
    };
    let paras: Vec<(Option<&str>, String, Vec<String>)> = s2
        .content
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => (
                p.num.as_deref(),
                plain_text(&p.content),
                p.subparagraphs
                    .iter()
                    .map(|s| {
                        format!(
                            "{} {}",
                            s.num.as_deref().unwrap_or(""),
                            plain_text(&s.content)
                        )
                    })
                    .collect(),
            ),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        paras,
        [
            (Some("(1)"), "In this Act—".to_string(), vec![]),
            (
                Some("(2)"),
                "For the purposes of".to_string(),
                vec!["(a) one; and".to_string(), "(b) two.".to_string()]
            ),
        ]
    );
    let Block::Division(a3) = &d.body[2] else {
        panic!("{:?}", d.body[2])
    };
    assert_eq!(a3.num.as_deref(), Some("Article 3"));
}
