//! The text reader on the seed (golden fixture) and on pdftotext output of real UN PDFs.

mod common;

use proptest::prelude::*;
use undocs::model::{Block, Date, Distribution, DivisionKind, Document, Language};
use undocs::{Format, ReadOptions};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read_text(bytes: &[u8]) -> undocs::ReadOutput {
    undocs::read_bytes(bytes, Format::Text, &ReadOptions::default()).expect("text reads")
}

fn seed() -> Document {
    let src = std::fs::read(format!("{ROOT}/fixtures/a-hrc-31-81/source.md")).unwrap();
    let mut d = read_text(&src).document;
    d.meta.set("symbol", "A/HRC/31/81*").unwrap();
    d
}

#[test]
fn seed_reads_exactly_as_the_reviewed_golden_json() {
    let expected = std::fs::read(format!("{ROOT}/fixtures/a-hrc-31-81/expected.json")).unwrap();
    let expected = undocs::read_bytes(&expected, Format::Json, &ReadOptions::default())
        .unwrap()
        .document;
    let got = seed();
    let diffs = undocs::json::differences(&expected, &got, 20);
    assert!(
        diffs.is_empty(),
        "differences from expected.json:\n{}",
        diffs.join("\n")
    );
}

#[test]
fn seed_facts_checked_by_hand() {
    let d = seed();
    let m = &d.meta;
    assert_eq!(m.symbols[0].to_string(), "A/HRC/31/81");
    assert!(m.reissued);
    assert_eq!(m.organ.as_deref(), Some("General Assembly"));
    assert_eq!(m.subsidiary_body.as_deref(), Some("Human Rights Council"));
    assert_eq!(m.distribution, Some(Distribution::General));
    assert_eq!(m.date, Date::new(2016, 1, 29));
    assert_eq!(m.original_language, Some(Language::ENGLISH));
    let s = m.session.as_ref().unwrap();
    assert_eq!(
        (s.number.as_deref(), s.label.as_deref()),
        (Some("31"), Some("Thirty-first session"))
    );
    assert_eq!(m.agenda_items.len(), 2);
    assert_eq!(m.agenda_items[0].number.as_deref(), Some("2"));
    assert!(m.agenda_items[0].title.starts_with(
        "Annual report of the United Nations High Commissioner for Human Rights and reports"
    ));
    assert!(m.agenda_items[0].title.ends_with("Secretary-General"));
    assert_eq!(m.agenda_items[1].number.as_deref(), Some("3"));
    assert!(
        m.agenda_items[1]
            .title
            .ends_with("including the right to development")
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Enhancement of international cooperation in the field of human rights")
    );
    assert_eq!(
        m.subtitle.as_deref(),
        Some("Report of the Office of the United Nations High Commissioner for Human Rights")
    );
    assert_eq!(m.title_notes.len(), 1);
    assert_eq!(
        undocs::model::plain_text(&m.title_notes[0].content),
        "Reissued for technical reasons on 2 March 2016."
    );
    assert_eq!(m.summary.len(), 1);

    assert_eq!(
        d.paragraph_numbers(),
        (1..=38).map(|n| format!("{n}.")).collect::<Vec<_>>()
    );
    let notes = d.notes();
    assert_eq!(
        notes.iter().map(|n| n.marker.as_str()).collect::<Vec<_>>(),
        ["1", "2", "3"]
    );

    let h = d.headings();
    let chapters: Vec<_> = h
        .iter()
        .filter(|h| h.level == 1)
        .map(|h| h.num.clone().unwrap_or_default())
        .collect();
    assert_eq!(chapters, ["I.", "II.", "III.", "IV.", "V."]);
    // Chapter III: three unnumbered country headings; chapter IV: sections A–D; IV.C: 1–3.
    let ch = |n: &str| {
        d.body
            .iter()
            .find_map(|b| match b {
                Block::Division(x) if x.num.as_deref() == Some(n) => Some(x),
                _ => None,
            })
            .unwrap()
    };
    let subs = |x: &undocs::model::Division| -> Vec<(DivisionKind, Option<String>, String)> {
        x.content
            .iter()
            .filter_map(|b| match b {
                Block::Division(y) => {
                    Some((y.kind, y.num.clone(), undocs::model::plain_text(&y.heading)))
                }
                _ => None,
            })
            .collect()
    };
    let iii = subs(ch("III."));
    assert_eq!(
        iii.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(),
        ["Bahrain", "Russian Federation", "Syrian Arab Republic"]
    );
    assert!(iii.iter().all(|x| x.1.is_none()));
    let iv = subs(ch("IV."));
    assert_eq!(
        iv.iter().map(|x| x.1.clone().unwrap()).collect::<Vec<_>>(),
        ["A.", "B.", "C.", "D."]
    );
    assert!(iv.iter().all(|x| x.0 == DivisionKind::Section));
    let c = ch("IV.")
        .content
        .iter()
        .find_map(|b| match b {
            Block::Division(x) if x.num.as_deref() == Some("C.") => Some(x),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        subs(c)
            .iter()
            .map(|x| x.1.clone().unwrap())
            .collect::<Vec<_>>(),
        ["1.", "2.", "3."]
    );
    assert!(d.check().is_empty(), "{:?}", d.check());
}

#[test]
fn committed_pdftotext_output_of_the_sample_pdfs() {
    for p in common::PDFS {
        let text = std::fs::read(format!("{ROOT}/fixtures/pdftotext/{}.txt", p.file)).unwrap();
        common::check_pdf_facts(p, &read_text(&text).document);
    }
}

#[test]
fn pdftotext_oracle_on_the_sample_pdfs() {
    let shared = format!("{ROOT}/../shared/samples/un");
    let have = std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok();
    if !have || !std::path::Path::new(&shared).exists() {
        assert!(
            std::env::var("UNDOCS_REQUIRE_ORACLES").as_deref() != Ok("1"),
            "pdftotext or ../shared/samples missing and UNDOCS_REQUIRE_ORACLES=1"
        );
        common::skip_notice("pdftotext or ../shared/samples/un not available");
        return;
    }
    for p in common::PDFS {
        let out = std::process::Command::new("pdftotext")
            .args(["-layout", &format!("{shared}/{}.pdf", p.file), "-"])
            .output()
            .unwrap();
        assert!(out.status.success());
        common::check_pdf_facts(p, &read_text(&out.stdout).document);
    }
}

#[test]
fn the_resolution_has_its_parts() {
    let text = std::fs::read(format!("{ROOT}/fixtures/pdftotext/10_A_RES_73_8_EN.txt")).unwrap();
    let d = read_text(&text).document;
    let r = common::first_resolution(&d);
    assert_eq!(r.num.as_deref(), Some("73/8"));
    assert_eq!(
        undocs::model::plain_text(&r.formula),
        "The General Assembly,"
    );
    assert_eq!(
        undocs::model::plain_text(&r.origin),
        "[without reference to a Main Committee (A/73/L.3)]"
    );
    assert_eq!(r.preamble.len(), 8);
    assert_eq!(r.operative.len(), 5);
    assert_eq!(r.adoption, ["30th plenary meeting", "1 November 2018"]);
}

#[test]
fn not_a_un_document_still_reads_with_warnings() {
    let r = read_text(b"Shopping list\n\nmilk, eggs\n\n1. bread\n");
    assert_eq!(r.document.paragraph_numbers(), ["1."]);
    let w: Vec<String> = r.warnings.iter().map(|w| w.to_string()).collect();
    assert!(w.iter().any(|w| w.contains("no document symbol")), "{w:?}");
    assert!(w.iter().any(|w| w.contains("no date")), "{w:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Random lines, UN-like and not, never make the reader panic.
    #[test]
    fn random_lines_never_panic(lines in prop::collection::vec(prop_oneof![
        Just("---".to_string()), Just("\u{c}".to_string()), Just(String::new()),
        Just("## **I. Introduction**".to_string()), Just("<sup>1</sup> Note".to_string()),
        Just("\\* Reissued for technical reasons on 2 March 2016.".to_string()),
        Just("Agenda items 2 and 3".to_string()), Just("Distr.: General".to_string()),
        Just("   United Nations      A/HRC/1/2".to_string()), Just("73/8. Title".to_string()),
        Just("(a)   sub".to_string()), Just("**".to_string()), Just("*x* <sup>".to_string()),
        "[0-9]{1,3}\\. [a-zA-Z ]{0,20}", "\\PC{0,40}", common::text(),
    ], 0..40)) {
        let text = lines.join("\n");
        let r = undocs::read_bytes(text.as_bytes(), Format::Text, &ReadOptions::default());
        prop_assert!(r.is_ok());
    }
}

/// A Security Council letter in the seed's dialect, as another extraction would give it:
/// running headers with the symbol and page numbers between pages, a pipe table, a list.
/// (Constructed for the test, in the form of real S/ letters.)
#[test]
fn letter_with_running_headers_and_a_table() {
    let md = "# Security Council\n\nDistr.: General  \n4 March 2016\n\nOriginal: English\n\n\
## **Letter dated 3 March 2016 from the Permanent Representative of Slovenia to the United Nations addressed to the President of the Security Council**\n\n\
I have the honour to transmit the following figures (see S/2015/120, annex).<sup>1</sup>\n\n\
| Year | Contributions |\n|---|---|\n| 2014 | 12 |\n| 2015 | 15 |\n\n\
The figures show an increase over the\n\n---\n\nS/2016/210\n\n2\n\n<sup>1</sup> Figures of the Ministry of Foreign Affairs.\n\n\
previous period.\n\n- first point\n- second point\n";
    let r = read_text(md.as_bytes());
    let d = &r.document;
    assert_eq!(d.meta.organ.as_deref(), Some("Security Council"));
    assert_eq!(
        d.meta.date.map(|d| d.to_string()).as_deref(),
        Some("2016-03-04")
    );
    assert_eq!(d.meta.kind, Some(undocs::model::DocKind::Letter));
    assert!(
        d.meta
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("Letter dated 3 March 2016"))
    );
    let tables: Vec<&undocs::model::Table> = d
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].rows.len(), 3);
    assert!(tables[0].rows[0].header && !tables[0].rows[1].header);
    // The paragraph cut by the page break is whole again, the running header dropped.
    let texts: Vec<String> = d
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(undocs::model::plain_text(&p.content)),
            _ => None,
        })
        .collect();
    assert!(
        texts.contains(&"The figures show an increase over the previous period.".to_string()),
        "{texts:?}"
    );
    assert!(
        !texts.iter().any(|t| t.contains("S/2016/210") || t == "2"),
        "{texts:?}"
    );
    assert_eq!(d.notes().len(), 1);
    assert!(
        d.body
            .iter()
            .any(|b| matches!(b, Block::List(l) if l.items.len() == 2))
    );
}

/// The older layout (before about 2010): capitals in the masthead, "Distr. GENERAL",
/// "Original: ENGLISH", an agenda line "Item 4 of the provisional agenda", "Page 2"
/// running headers. (Constructed for the test, in that layout.)
#[test]
fn older_layout_in_capitals() {
    let txt = "   UNITED NATIONS                                              E\n\n   ECONOMIC AND SOCIAL COUNCIL               Distr. GENERAL\n                                             E/CN.4/1999/10\n                                             12 January 1999\n\n                                             Original: ENGLISH\n\n\
COMMISSION ON HUMAN RIGHTS\nFifty-fifth session\nItem 4 of the provisional agenda\n\n\
     QUESTION OF THE VIOLATION OF HUMAN RIGHTS\n\n\
     Report of the Special Rapporteur\n\n\
                 I. INTRODUCTION\n\n\
1.   The present report is submitted pursuant to resolution 1998/5.\n\n\
2.   The Special Rapporteur visited the country in 1998.\n\u{c}\
E/CN.4/1999/10\nPage 2\n\n\
3.   The Special Rapporteur thanks the Government.\n";
    let r = read_text(txt.as_bytes());
    let m = &r.document.meta;
    assert_eq!(
        m.symbols.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        ["E/CN.4/1999/10"]
    );
    assert_eq!(m.organ.as_deref(), Some("ECONOMIC AND SOCIAL COUNCIL"));
    assert_eq!(m.distribution, Some(Distribution::General));
    assert_eq!(m.date, Date::new(1999, 1, 12));
    assert_eq!(m.original_language, Some(Language::ENGLISH));
    assert_eq!(
        m.subsidiary_body.as_deref(),
        Some("COMMISSION ON HUMAN RIGHTS")
    );
    assert_eq!(
        m.session.as_ref().and_then(|s| s.number.as_deref()),
        Some("55")
    );
    assert_eq!(
        m.agenda_items.first().and_then(|a| a.number.as_deref()),
        Some("4")
    );
    assert_eq!(
        m.agenda_items.first().map(|a| a.title.as_str()),
        Some("QUESTION OF THE VIOLATION OF HUMAN RIGHTS")
    );
    assert_eq!(m.title.as_deref(), Some("Report of the Special Rapporteur"));
    assert_eq!(r.document.paragraph_numbers(), ["1.", "2.", "3."]);
    assert_eq!(
        r.document.headings().first().map(|h| h.text.as_str()),
        Some("INTRODUCTION")
    );
}

#[test]
fn resolution_in_markdown() {
    let src = std::fs::read(format!("{ROOT}/fixtures/text/hrc-resolution-form.md")).unwrap();
    let d = read_text(&src).document;
    assert_eq!(d.meta.symbols[0].to_string(), "A/HRC/RES/53/1");
    assert_eq!(d.meta.kind, Some(undocs::model::DocKind::Resolution));
    assert_eq!(d.meta.title.as_deref(), Some("Countering religious hatred"));
    assert_eq!(
        d.meta.subtitle.as_deref(),
        Some("Resolution adopted by the Human Rights Council on 11 July 2023")
    );
    let s = d.meta.session.as_ref().unwrap();
    assert_eq!(
        (s.number.as_deref(), s.dates.as_deref()),
        (Some("53"), Some("19 June–14 July 2023"))
    );
    let [Block::Resolution(r)] = d.body.as_slice() else {
        panic!("{:?}", d.body)
    };
    assert_eq!(r.num.as_deref(), Some("53/1"));
    assert_eq!(
        undocs::model::plain_text(&r.formula),
        "The Human Rights Council,"
    );
    assert_eq!(r.preamble.len(), 2);
    assert_eq!(d.paragraph_numbers(), ["1.", "2.", "3."]);
    let Block::Paragraph(p2) = &r.operative[1] else {
        panic!()
    };
    assert_eq!(
        p2.subparagraphs
            .iter()
            .map(|s| s.num.clone().unwrap())
            .collect::<Vec<_>>(),
        ["(a)", "(b)"]
    );
    assert_eq!(
        r.adoption,
        [
            "30th meeting",
            "11 July 2023",
            "[Adopted by a recorded vote of 28 to 12.]"
        ]
    );
    assert_eq!(d.notes().len(), 1);
}

/// Variations an extractor may produce on the seed's masthead: distribution and date on one
/// line, the agenda title on the agenda line, the title split over two heading lines.
#[test]
fn masthead_variations() {
    let md = "# General Assembly\n\nDistr.: General 29 January 2016\n\nOriginal: English\n\n## Human Rights Council\n\nThirty-first session\n\n\
Agenda item 2 Annual report of the High Commissioner\n\n## **Enhancement of international cooperation in**\n\n## **the field of human rights**\n\n\
### **Report of the Office**\n\n## **I. Introduction**\n\n1. Text.\n";
    let m = read_text(md.as_bytes()).document.meta;
    assert_eq!(m.distribution, Some(Distribution::General));
    assert_eq!(m.date, Date::new(2016, 1, 29));
    assert_eq!(m.agenda_items.len(), 1);
    assert_eq!(
        (
            m.agenda_items[0].number.as_deref(),
            m.agenda_items[0].title.as_str()
        ),
        (Some("2"), "Annual report of the High Commissioner")
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Enhancement of international cooperation in the field of human rights")
    );
    assert_eq!(m.subtitle.as_deref(), Some("Report of the Office"));
}

/// Older documents mark footnotes "1/" in the text and at the page bottom. (Constructed in
/// that form.)
#[test]
fn older_slash_footnotes() {
    let txt = "   UNITED NATIONS\n   GENERAL ASSEMBLY                          Distr. GENERAL\n                                             A/52/100\n                                             3 March 1997\n\n                                             ORIGINAL: ENGLISH\n\n\
Fifty-second session\n\n     REPORT OF THE SECRETARY-GENERAL\n\n\
1.   The Assembly adopted resolution 51/1.1/ It requested a report.\n\n\
2.   The report follows resolution 50/2 of 1995.2/\n\n\n\
1/  See A/51/PV.5.\n\n2/  Ibid.\n";
    let r = read_text(txt.as_bytes());
    let d = &r.document;
    assert_eq!(d.meta.symbols[0].to_string(), "A/52/100");
    assert_eq!(d.paragraph_numbers(), ["1.", "2."]);
    let notes = d.notes();
    assert_eq!(
        notes.iter().map(|n| n.marker.as_str()).collect::<Vec<_>>(),
        ["1/", "2/"]
    );
    assert_eq!(
        undocs::model::plain_text(match &notes[1].content[0] {
            Block::Paragraph(p) => &p.content,
            _ => panic!(),
        }),
        "Ibid."
    );
    // "51/1" and "50/2" in the text are resolution numbers, not note marks.
    let Block::Paragraph(p1) = &d.body[0] else {
        panic!("{:?}", d.body)
    };
    assert!(
        undocs::model::plain_text(&p1.content).starts_with("The Assembly adopted resolution 51/1.")
    );
}

/// Masthead columns run together on one line by the extractor.
#[test]
fn masthead_columns_on_one_line() {
    let md = "United Nations A/HRC/59/15\n\nGeneral Assembly Distr.: General\n\n24 March 2025 Original: English\n\n## Human Rights Council\n\nFifty-ninth session\n\n\
Agenda item 6\n\n**Universal periodic review**\n\n## **Report of the Working Group**\n\n## **I. Introduction**\n\n1. Text.\n";
    let m = read_text(md.as_bytes()).document.meta;
    assert_eq!(
        m.symbols.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        ["A/HRC/59/15"]
    );
    assert_eq!(m.organ.as_deref(), Some("General Assembly"));
    assert_eq!(m.distribution, Some(Distribution::General));
    assert_eq!(m.date, Date::new(2025, 3, 24));
    assert_eq!(m.original_language, Some(Language::ENGLISH));
    assert_eq!(m.title.as_deref(), Some("Report of the Working Group"));
}

/// The text reader on `pdftotext -layout` output of A/HRC/59/15 gives what was typed by hand
/// from the PDF (fixtures/a-hrc-59-15/document.json, see its README): the whole masthead, and
/// the body the hand-typed fixture covers (the introduction, chapter I, section A, and
/// section B up to paragraph 14), block for block.
#[test]
fn pdftotext_of_a_hrc_59_15_equals_the_hand_typed_document() {
    let text = std::fs::read(format!("{ROOT}/fixtures/pdftotext/06_A_HRC_59_15_EN.txt")).unwrap();
    let read = read_text(&text).document;
    let typed = common::read_fixture("fixtures/a-hrc-59-15/document.json", Format::Json);
    assert_eq!(read.meta, typed.meta);
    // The hand-typed body stops at paragraph 14: cut the read body the same way, division
    // by division, and compare.
    fn cut(read: &[Block], typed: &[Block]) -> Vec<Block> {
        read.iter()
            .zip(typed)
            .map(|(r, t)| match (r, t) {
                (Block::Division(r), Block::Division(t)) => {
                    let mut r = r.clone();
                    let n = t.content.len();
                    r.content = cut(&r.content, &t.content);
                    r.content.truncate(n);
                    Block::Division(r)
                }
                (r, _) => r.clone(),
            })
            .collect()
    }
    let body = cut(&read.body, &typed.body);
    assert_eq!(body.len(), typed.body.len());
    for (r, t) in body.iter().zip(&typed.body) {
        assert_eq!(r, t);
    }
}

#[test]
fn upr_reports_of_both_masthead_families_through_pdftotext() {
    if !common::oracle_available("pdftotext", &["-v"]) {
        return;
    }
    for u in common::UPRS {
        let pdf = format!("{ROOT}/../shared/samples/upr/{}.pdf", u.file);
        let out = std::process::Command::new("pdftotext")
            .args(["-layout", &pdf, "-"])
            .output()
            .unwrap();
        common::check_upr_facts(u, &read_text(&out.stdout).document);
    }
}

/// Two text shapes that took time quadratic in their size (../shared/hostile/README.md:
/// 400 KB took 26 s, 960 KB 35 s): a page of 80,000 lines that look like footnotes, and
/// 160,000 one-word paragraphs that each continue the one before. Both read whole now (in
/// well under a second in release builds; no timing is asserted here).
#[test]
fn note_like_lines_and_continued_paragraphs_read_in_linear_time() {
    let notes = format!("x\n{}", "\n1 a\n".repeat(80_000));
    let d = read_text(notes.as_bytes()).document;
    assert!(!d.body.is_empty());
    let words = "word\n\n".repeat(160_000);
    let d = read_text(words.as_bytes()).document;
    // Every word is kept: one paragraph of them all, or several.
    let mut n = 0;
    d.walk(&mut |b, _, _| {
        if let Block::Paragraph(p) = b {
            n += undocs::model::plain_text(&p.content)
                .matches("word")
                .count();
        }
    });
    assert_eq!(n, 160_000);
}

/// Text saved as UTF-16 (Windows "Unicode") reads as the same text in UTF-8 does; JSON and
/// Akoma Ntoso in UTF-16 are refused with an error that names UTF-16.
#[test]
fn utf16_text_reads_and_utf16_xml_and_json_say_so() {
    let src = std::fs::read_to_string(format!("{ROOT}/fixtures/a-hrc-31-81/source.md")).unwrap();
    let utf8 = read_text(src.as_bytes()).document;
    for (bom, bytes) in [
        (
            "little-endian",
            std::iter::once(0xFEFFu16)
                .chain(src.encode_utf16())
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
        ),
        (
            "big-endian",
            std::iter::once(0xFEFFu16)
                .chain(src.encode_utf16())
                .flat_map(u16::to_be_bytes)
                .collect::<Vec<u8>>(),
        ),
    ] {
        assert_eq!(read_text(&bytes).document, utf8, "{bom}");
    }
    let json: Vec<u8> = "{\"undocs\": 1}"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    for format in [Format::Json, Format::Akn] {
        let e = undocs::read_bytes(&json, format, &ReadOptions::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains("UTF-16"), "{format:?}: {e}");
    }
}

/// A line longer than the 100,000 bytes read as one line (../shared/hostile/silent-loss/
/// text-long-line.txt: 150,015 bytes) was cut without a word; it is broken into lines
/// now, every word kept, and a warning says so.
#[test]
fn a_very_long_line_is_kept_whole() {
    let line = (0..25_000)
        .map(|i| format!("w{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(line.len() > 150_000);
    let out = read_text(format!("Title\n\n{line}\n").as_bytes());
    let mut words = 0;
    out.document.walk(&mut |b, _, _| {
        if let Block::Paragraph(p) = b {
            words += undocs::model::plain_text(&p.content)
                .split_whitespace()
                .filter(|w| w.starts_with('w'))
                .count();
        }
    });
    assert_eq!(words, 25_000);
    assert!(
        out.warnings
            .iter()
            .any(|w| w.message.contains("broken into")),
        "{:?}",
        out.warnings
    );
}

/// Control characters in extracted text (a fuzzer's input began with U+0002) read, but no
/// format can write them (XML 1.0 cannot carry U+0002), so `undocs roundtrip` failed: the
/// text reader removes them, and says so; form feeds (pdftotext's page breaks) and tabs
/// stay.
#[test]
fn control_characters_are_removed_with_a_warning() {
    let out = read_text(b"\x02   United Nations\x07\n\nThe Council\x01 met.\n");
    assert!(
        out.warnings
            .iter()
            .any(|w| w.message.contains("3 control character(s) removed")),
        "{:?}",
        out.warnings
    );
    let mut akn = Vec::new();
    undocs::write(&out.document, Format::Akn, &mut akn).expect("AKN written");
    let mut json = Vec::new();
    undocs::write(&out.document, Format::Json, &mut json).expect("JSON written");
    let json = String::from_utf8(json).unwrap();
    assert!(json.contains("The Council met."), "{json}");
    assert!(!json.contains("\\u000"), "{json}");
}

/// "Original:" lines naming several languages, as old mastheads print them: every one kept
/// in order; a name not known is a warning that says which, and the known ones are kept.
#[test]
fn original_lines_with_several_languages() {
    let masthead = |original: &str| {
        format!(
            "United Nations A/HRC/14/11\n\nGeneral Assembly Distr.: General\n                 18 March 2010\n\n                 {original}\n\nHuman Rights Council\nFourteenth session\nAgenda item 6\nUniversal periodic review\n\nReport of the Working Group on the Universal Periodic Review\n\nAngola\n\n1. The Working Group held its session.\n"
        )
    };
    for (line, first, others) in [
        (
            "Original: English/French",
            Language::ENGLISH,
            vec![Language::FRENCH],
        ),
        (
            "Original: ENGLISH/FRENCH/SPANISH",
            Language::ENGLISH,
            vec![Language::FRENCH, Language::SPANISH],
        ),
        (
            "Original: English and Spanish",
            Language::ENGLISH,
            vec![Language::SPANISH],
        ),
        ("Original: French", Language::FRENCH, vec![]),
    ] {
        let r = read_text(masthead(line).as_bytes());
        let m = &r.document.meta;
        assert_eq!(m.original_language, Some(first), "{line}");
        assert_eq!(m.other_original_languages, others, "{line}");
        assert_eq!(m.language, Some(Language::ENGLISH), "{line}");
        assert!(
            !r.warnings
                .iter()
                .any(|w| w.to_string().contains("original")),
            "{line}: {:?}",
            r.warnings
        );
    }
    let r = read_text(masthead("Original: English/Klingon").as_bytes());
    assert_eq!(r.document.meta.original_language, Some(Language::ENGLISH));
    assert!(r.document.meta.other_original_languages.is_empty());
    assert!(
        r.warnings
            .iter()
            .any(|w| w.to_string().contains("Klingon not known")),
        "{:?}",
        r.warnings
    );
}

/// A treaty body's masthead (constructed in the layout of the committees' template): the
/// treaty in the organ's place, over two lines of the left column beside the distribution
/// block; the symbol with the range of the combined reports it considers.
#[test]
fn treaty_body_masthead() {
    let txt = "   United Nations                                             CRC/C/GBR/CO/6-7\n   Convention on the                                          Distr.: General\n   Rights of the Child                                        12 July 2016\n\n                                                              Original: English\n\n\
Committee on the Rights of the Child\n\n\
   Concluding observations on the combined sixth and seventh periodic reports of the\n   United Kingdom of Great Britain and Northern Ireland\n\n\
   I.   Introduction\n\n\
   1.   The Committee considered the combined sixth and seventh periodic reports.\n";
    let m = read_text(txt.as_bytes()).document.meta;
    assert_eq!(
        m.symbols.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        ["CRC/C/GBR/CO/6-7"]
    );
    assert_eq!(
        m.organ.as_deref(),
        Some("Convention on the Rights of the Child")
    );
    assert_eq!(
        m.subsidiary_body.as_deref(),
        Some("Committee on the Rights of the Child")
    );
    assert_eq!(m.distribution, Some(Distribution::General));
    assert_eq!(m.date, Date::new(2016, 7, 12));
    assert_eq!(m.original_language, Some(Language::ENGLISH));
    assert_eq!(
        m.title.as_deref(),
        Some(
            "Concluding observations on the combined sixth and seventh periodic reports of the \
             United Kingdom of Great Britain and Northern Ireland"
        )
    );
    // The French version: "Convention relative aux" / "droits de l'enfant".
    let fr = txt
        .replace("Convention on the   ", "Convention relative aux")
        .replace("Rights of the Child   ", "droits de l’enfant     ");
    let m = read_text(fr.as_bytes()).document.meta;
    assert_eq!(
        m.organ.as_deref(),
        Some("Convention relative aux droits de l’enfant")
    );
}

/// A page break inside a paragraph, the next page starting "9.3 per cent of…" (A/HRC/59/15,
/// paragraph 53, as LibreOffice's print of our Word breaks it): the number-like start goes
/// on with the paragraph; a decimal number beside the open paragraph's ("115.166." after
/// "115.165.") stays a paragraph number.
#[test]
fn a_decimal_at_the_top_of_a_page_goes_on_with_the_cut_paragraph() {
    let txt = "United Nations A/HRC/59/15\n\nGeneral Assembly Distr.: General\n\n24 March 2025 Original: English\n\n\
Report of the Working Group on the Universal Periodic Review\n\n\
53.   Slovenia had one of the lowest child poverty rates in the European Union, with\n\
\u{c}\
9.3 per cent of children at risk of social exclusion.\n\n\
54.   The anti-discrimination framework protected individuals.\n\n\
115.165. Continue its efforts in ensuring housing (Malaysia);\n\n\
115.166. Step up efforts to strengthen public education (Malaysia);\n";
    let d = read_text(txt.as_bytes()).document;
    assert_eq!(
        d.paragraph_numbers(),
        ["53.", "54.", "115.165.", "115.166."]
    );
    // (White space aside.)
    let texts = common::numbered_texts(&d, false);
    assert!(
        texts[0].ends_with("with9.3percentofchildrenatriskofsocialexclusion."),
        "{texts:?}"
    );
}
