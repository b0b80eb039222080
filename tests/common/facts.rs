//! Facts of real UN PDFs read by hand (on the page images; see fixtures/pdftotext/README.md),
//! checked on a document read from the PDF by any route: the PDF reader, or pdftotext and
//! the text reader.

use undocs::model::{Block, Date, Distribution, Document, Language};

/// A sample PDF of ../shared/samples/un and what it says.
pub struct Pdf {
    pub file: &'static str,
    pub symbol: &'static str,
    pub reissued: bool,
    pub date: (u16, u8, u8),
    pub session: &'static str,
    pub agenda: &'static str,
    pub agenda_title: &'static str,
    pub title: &'static str,
    pub organ: &'static str,
    pub body: Option<&'static str>,
    pub original: Option<Language>,
    pub session_dates: Option<&'static str>,
    pub subtitle: &'static str,
    /// Title notes: marker and how the note's text starts.
    pub title_notes: &'static [(&'static str, &'static str)],
    pub job: &'static str,
    pub headings: &'static [&'static str],
    pub first_words: &'static str,
    pub last_para: u32,
    pub last_words: &'static str,
    pub footnotes: usize,
    /// The first footnote: marker and text.
    pub first_note: (&'static str, &'static str),
}

/// The headings of a UPR Working Group report since 2010, as printed.
const UPR_HEADINGS: &[&str] = &[
    "Introduction",
    "I. Summary of the proceedings of the review process",
    "A. Presentation by the State under review",
    "B. Interactive dialogue and responses by the State under review",
    "II. Conclusions and/or recommendations",
];

/// Facts read by hand in the PDFs (shared/samples/un).
pub const PDFS: &[Pdf] = &[
    Pdf {
        file: "04_A_HRC_27_9_reissued_EN",
        symbol: "A/HRC/27/9",
        reissued: true,
        date: (2014, 6, 26),
        session: "27",
        agenda: "6",
        agenda_title: "Universal Periodic Review",
        title: "Report of the Working Group on the Universal Periodic Review",
        organ: "General Assembly",
        body: Some("Human Rights Council"),
        original: Some(Language::ENGLISH),
        session_dates: None,
        subtitle: "Dominica",
        title_notes: &[
            ("*", "Reissued for technical reasons on 4 July 2014."),
            (
                "**",
                "The annex to the present report is circulated as received.",
            ),
        ],
        job: "GE.14-06716 (E)",
        headings: UPR_HEADINGS,
        first_words: "The Working Group on the Universal Periodic Review, established in accordance with Human Rights Council resolution 5/1 of 18 June 2007, held its nineteenth session",
        last_para: 95,
        last_words: "They should not be construed as having been endorsed by the Working Group as a whole.",
        // The "∗∗" note printed at the heading of chapter II ("Conclusions and
        // recommendations will not be edited."), on the page that heading starts.
        footnotes: 1,
        first_note: ("**", "Conclusions and recommendations will not be edited."),
    },
    Pdf {
        file: "06_A_HRC_59_15_EN",
        symbol: "A/HRC/59/15",
        reissued: false,
        date: (2025, 3, 24),
        session: "59",
        agenda: "6",
        agenda_title: "Universal periodic review",
        title: "Report of the Working Group on the Universal Periodic Review",
        organ: "General Assembly",
        body: Some("Human Rights Council"),
        original: Some(Language::ENGLISH),
        session_dates: Some("16 June–11 July 2025"),
        subtitle: "Slovenia",
        title_notes: &[(
            "*",
            "The annex is being circulated without formal editing, in the language of submission only.",
        )],
        job: "GE.25-02819 (E)",
        headings: UPR_HEADINGS,
        first_words: "The Working Group on the Universal Periodic Review, established in accordance with",
        last_para: 141,
        last_words: "They should not be construed as endorsed by the Working Group as a whole.",
        footnotes: 3,
        first_note: ("1", "A/HRC/WG.6/48/SVN/1."),
    },
    Pdf {
        file: "10_A_RES_73_8_EN",
        symbol: "A/RES/73/8",
        reissued: false,
        date: (2018, 11, 5),
        session: "73",
        agenda: "43",
        agenda_title: "",
        title: "Necessity of ending the economic, commercial and financial embargo imposed by the United States of America against Cuba",
        organ: "General Assembly",
        body: None,
        // (A resolution's masthead prints no original language.)
        original: None,
        session_dates: None,
        subtitle: "Resolution adopted by the General Assembly on 1 November 2018",
        title_notes: &[],
        job: "18-18418 (E)",
        headings: &[],
        first_words: "Takes note of the report of the Secretary-General on the implementation of",
        last_para: 5,
        last_words: "the item entitled “Necessity of ending the economic, commercial and financial embargo imposed by the United States of America against Cuba”.",
        footnotes: 1,
        first_note: ("1", "A/73/85."),
    },
];

/// Checks a sample PDF's facts on a document read from it (by whatever route).
pub fn check_pdf_facts(p: &Pdf, d: &Document) {
    let m = &d.meta;
    assert_eq!(
        m.symbols.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        [p.symbol],
        "{}",
        p.file
    );
    assert_eq!(m.reissued, p.reissued, "{}", p.file);
    assert_eq!(
        m.date,
        Date::new(p.date.0, p.date.1, p.date.2),
        "{}",
        p.file
    );
    assert_eq!(
        m.session.as_ref().and_then(|s| s.number.as_deref()),
        Some(p.session),
        "{}",
        p.file
    );
    assert_eq!(m.agenda_items.len(), 1, "{}", p.file);
    assert_eq!(
        m.agenda_items[0].number.as_deref(),
        Some(p.agenda),
        "{}",
        p.file
    );
    assert_eq!(m.agenda_items[0].title, p.agenda_title, "{}", p.file);
    assert_eq!(m.title.as_deref(), Some(p.title), "{}", p.file);
    assert_eq!(
        d.paragraph_numbers(),
        (1..=p.last_para)
            .map(|n| format!("{n}."))
            .collect::<Vec<_>>(),
        "{}",
        p.file
    );
    let f = p.file;
    assert_eq!(m.organ.as_deref(), Some(p.organ), "{f}");
    assert_eq!(m.subsidiary_body.as_deref(), p.body, "{f}");
    assert_eq!(m.distribution, Some(Distribution::General), "{f}");
    assert_eq!(m.original_language, p.original, "{f}");
    assert_eq!(
        m.session.as_ref().and_then(|s| s.dates.as_deref()),
        p.session_dates,
        "{f}"
    );
    assert_eq!(m.subtitle.as_deref(), Some(p.subtitle), "{f}");
    let notes: Vec<(String, String)> = m
        .title_notes
        .iter()
        .map(|n| (n.marker.clone(), undocs::model::plain_text(&n.content)))
        .collect();
    assert_eq!(notes.len(), p.title_notes.len(), "{f}: {notes:?}");
    for ((marker, text), (m0, t0)) in notes.iter().zip(p.title_notes) {
        assert!(marker == m0 && text.starts_with(t0), "{f}: {notes:?}");
    }
    assert_eq!(
        m.job_number.as_ref().map(|j| j.to_string()).as_deref(),
        Some(p.job),
        "{f}"
    );
    assert_eq!(heading_texts(d), p.headings, "{f}");
    let first = paragraph_text(d, "1.");
    assert!(first.starts_with(p.first_words), "{f}: {first:?}");
    let last = paragraph_text(d, &format!("{}.", p.last_para));
    assert!(last.ends_with(p.last_words), "{f}: {last:?}");
    let notes = d.notes();
    assert_eq!(notes.len(), p.footnotes, "{f}");
    let n = &notes[0];
    assert_eq!(n.marker, p.first_note.0, "{f}");
    assert_eq!(note_text(n), p.first_note.1, "{f}");
}

/// Headings as printed: "I. Summary…", "Introduction".
fn heading_texts(d: &Document) -> Vec<String> {
    d.headings()
        .into_iter()
        .map(|h| match h.num {
            Some(n) => format!("{n} {}", h.text),
            None => h.text,
        })
        .collect()
}

/// The text of the body's paragraph numbered `num` (in a resolution too; not in annexes).
fn paragraph_text(d: &Document, num: &str) -> String {
    let mut out = String::new();
    d.walk(&mut |b, r, _| {
        if let (Block::Paragraph(p), undocs::model::Region::Body) = (b, r)
            && p.num.as_deref() == Some(num)
            && out.is_empty()
        {
            out = undocs::model::plain_text(&p.content);
        }
    });
    out
}

/// A note's text: its paragraphs' text, joined by spaces.
pub fn note_text(n: &undocs::model::Note) -> String {
    n.content
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(undocs::model::plain_text(&p.content)),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A UPR report read through `pdftotext -layout`, with facts read by hand on the page
/// images (pdftoppm): see fixtures/pdftotext/README.md.
pub struct Upr {
    pub file: &'static str,
    pub symbol: &'static str,
    pub organ: &'static str,
    pub body: &'static str,
    pub date: (u16, u8, u8),
    pub session: &'static str,
    pub agenda_title: &'static str,
    pub subtitle: &'static str,
    pub title_note: &'static str,
    pub job: Option<&'static str>,
    pub headings: &'static [&'static str],
    pub first_words: &'static str,
    pub last_para: u32,
    pub last_words: &'static str,
    pub footnotes: usize,
    pub first_note: &'static str,
}

pub const UPRS: &[Upr] = &[
    Upr {
        file: "algeria2008",
        symbol: "A/HRC/8/29",
        organ: "General Assembly",
        body: "HUMAN RIGHTS COUNCIL",
        date: (2008, 5, 23),
        session: "8",
        agenda_title: "UNIVERSAL PERIODIC REVIEW",
        subtitle: "Algeria",
        title_note: "Previously issued under the symbol A/HRC/WG.6/1/DZA /4;",
        job: Some("GE.07-13682"),
        headings: &[
            "Introduction",
            "I. SUMMARY OF THE PROCEEDINGS OF THE REVIEW PROCESS",
            "A. Presentation by the State under review",
            "B. Interactive dialogue and responses by the State under review",
            "II. CONCLUSIONS AND/OR RECOMMENDATIONS",
        ],
        first_words: "The Working Group on the Universal Periodic Review (UPR), established in accordance with Human Rights Council resolution 5/1 of 18 June 2007, held its first session from 7 to 18 April",
        last_para: 71,
        last_words: "endorsed by the Working Group as a whole.",
        footnotes: 0,
        first_note: "",
    },
    Upr {
        file: "bahamas2009",
        symbol: "A/HRC/10/70",
        organ: "General Assembly",
        body: "HUMAN RIGHTS COUNCIL",
        date: (2009, 1, 7),
        session: "10",
        agenda_title: "UNIVERSAL PERIODIC REVIEW",
        subtitle: "Bahamas",
        title_note: "Previously issued under document symbol A/HRC/WG.6/3/L.2.",
        // The page prints "GE.09-" only.
        job: None,
        headings: &[
            "Introduction",
            "I. SUMMARY OF THE PROCEEDINGS OF THE REVIEW PROCESS",
            "A. Presentation by the State under review",
            "B. Interactive dialogue and responses by the State under review",
            "II. CONCLUSIONS AND/OR RECOMMENDATIONS",
        ],
        first_words: "The Working Group on the Universal Periodic Review, established in accordance with Human Rights Council resolution 5/1 of 18 June 2007, held its third session from 1 to 15",
        last_para: 55,
        last_words: "endorsed by the Working Group as a whole.",
        footnotes: 0,
        first_note: "",
    },
    Upr {
        file: "argentina2012",
        symbol: "A/HRC/22/4",
        organ: "General Assembly",
        body: "Human Rights Council",
        date: (2012, 12, 12),
        session: "22",
        agenda_title: "Universal Periodic Review",
        subtitle: "Argentina",
        title_note: "The annex to the present report is circulated as received.",
        job: Some("GE.12-18690"),
        headings: UPR_HEADINGS,
        first_words: "The Working Group on the Universal Periodic Review (UPR), established in accordance with Human Rights Council resolution 5/1 of 18 June 2007, held its fourteenth",
        last_para: 100,
        last_words: "endorsed by the Working Group as a whole.",
        // Notes 1-4 at recommendations, and "**" at the heading of chapter II (page 14).
        footnotes: 5,
        first_note: "The recommendations as read during the interactive dialogue: Complete the process of establishment of an Ombudsman on the rights of girls, boys and adolescents (Honduras);",
    },
];

/// Checks a UPR report's facts on a document read from it (by whatever route).
pub fn check_upr_facts(u: &Upr, d: &Document) {
    let m = &d.meta;
    let f = u.file;
    assert_eq!(m.symbols[0].to_string(), u.symbol, "{f}");
    assert_eq!(m.organ.as_deref(), Some(u.organ), "{f}");
    assert_eq!(m.subsidiary_body.as_deref(), Some(u.body), "{f}");
    assert_eq!(m.distribution, Some(Distribution::General), "{f}");
    assert_eq!(m.date, Date::new(u.date.0, u.date.1, u.date.2), "{f}");
    assert_eq!(m.original_language, Some(Language::ENGLISH), "{f}");
    assert_eq!(
        m.session.as_ref().and_then(|s| s.number.as_deref()),
        Some(u.session),
        "{f}"
    );
    assert_eq!(m.agenda_items.len(), 1, "{f}");
    assert_eq!(m.agenda_items[0].number.as_deref(), Some("6"), "{f}");
    assert_eq!(m.agenda_items[0].title, u.agenda_title, "{f}");
    assert_eq!(
        m.title.as_deref(),
        Some("Report of the Working Group on the Universal Periodic Review"),
        "{f}"
    );
    assert_eq!(m.subtitle.as_deref(), Some(u.subtitle), "{f}");
    assert!(
        m.title_notes
            .first()
            .is_some_and(|n| n.marker == "*"
                && undocs::model::plain_text(&n.content).starts_with(u.title_note)),
        "{f}: {:?}",
        m.title_notes
    );
    assert_eq!(
        m.job_number.as_ref().map(|j| j.to_string()).as_deref(),
        u.job,
        "{f}"
    );
    assert_eq!(heading_texts(d), u.headings, "{f}");
    let first = paragraph_text(d, "1.");
    assert!(first.starts_with(u.first_words), "{f}: {first:?}");
    let nums = d.paragraph_numbers();
    assert_eq!(
        nums,
        (1..=u.last_para)
            .map(|n| format!("{n}."))
            .collect::<Vec<_>>(),
        "{f}"
    );
    let last = paragraph_text(d, &format!("{}.", u.last_para));
    assert!(last.ends_with(u.last_words), "{f}: {last:?}");
    let notes = d.notes();
    assert_eq!(notes.len(), u.footnotes, "{f}");
    // An asterisk note after page 1 sits at its mark: argentina2012's "**" on the heading
    // of chapter II ("Conclusions and recommendations have not been edited.").
    if f == "argentina2012" {
        let mut on_heading = false;
        d.walk(&mut |b, _, _| {
            if let Block::Division(div) = b
                && div.num.as_deref() == Some("II.")
            {
                on_heading = div
                    .heading
                    .iter()
                    .any(|i| matches!(i, undocs::model::Inline::Note(n) if n.marker == "**"));
            }
        });
        assert!(on_heading, "{f}: the ** note is not on heading II");
        assert_eq!(m.title_notes.len(), 1, "{f}");
    }
    if let Some(n) = notes.iter().find(|n| n.marker == "1") {
        let text = match &n.content[0] {
            Block::Paragraph(p) => undocs::model::plain_text(&p.content),
            _ => String::new(),
        };
        assert!(text.starts_with(u.first_note), "{f}: {text:?}");
    }
}

/// Numbered paragraphs run 1…N without gap or repeat (at least five; a restart at 1
/// allowed, as in an annex).
fn paras_ok(nums: &[String]) -> bool {
    let ints: Vec<u64> = nums
        .iter()
        .filter_map(|n| n.trim().trim_end_matches('.').parse().ok())
        .collect();
    if ints.len() < 5 || ints[0] != 1 {
        return false;
    }
    ints.windows(2).all(|w| w[1] == w[0] + 1 || w[1] == 1)
}

/// The seven self-consistency checks of a reader of UN reports (as
/// ../shared/tools/corpus_check.py): the names of those that fail.
pub fn seven_checks(read: &undocs::ReadOutput) -> Vec<&'static str> {
    let d = &read.document;
    let m = &d.meta;
    let notes_ok = !read.warnings.iter().any(|w| {
        w.message.contains("has no mark")
            || w.message.contains("no mark found")
            || (w.message.starts_with("footnote") && w.message.contains("dropped"))
    });
    let checks = [
        ("symbol", !m.symbols.is_empty()),
        ("date", m.date.is_some()),
        ("organ", m.organ.is_some()),
        (
            "session",
            m.session.as_ref().is_some_and(|s| s.number.is_some()),
        ),
        ("title", m.title.is_some()),
        ("paras", paras_ok(&d.paragraph_numbers())),
        ("notes", notes_ok),
    ];
    checks
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(k, _)| *k)
        .collect()
}

/// Every sample PDF (../shared/samples/upr and un), sorted; `None` (with the missing-oracle
/// notice) when the folder is not there.
pub fn sample_pdfs() -> Option<Vec<std::path::PathBuf>> {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
    if !shared.exists() {
        crate::common::oracle_missing("../shared/samples");
        return None;
    }
    let mut pdfs = Vec::new();
    for dir in ["upr", "un"] {
        for e in std::fs::read_dir(shared.join(dir)).expect("samples folder") {
            let p = e.expect("entry").path();
            if p.extension().is_some_and(|x| x == "pdf") {
                pdfs.push(p);
            }
        }
    }
    pdfs.sort();
    assert!(pdfs.len() >= 17, "{} PDFs", pdfs.len());
    Some(pdfs)
}

/// Runs the seven checks on every sample PDF read by `read`, and requires the failures to
/// be exactly the `known` ones (file, check, why).
pub fn check_corpus(
    known: &[(&str, &str, &str)],
    read: impl Fn(&std::path::Path) -> undocs::ReadOutput,
) {
    let Some(pdfs) = sample_pdfs() else { return };
    let mut problems = Vec::new();
    for pdf in &pdfs {
        let name = pdf.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let failed = seven_checks(&read(pdf));
        let expected: Vec<&str> = known
            .iter()
            .filter(|(f, _, _)| *f == name)
            .map(|(_, k, _)| *k)
            .collect();
        if failed != expected {
            problems.push(format!("{name}: fails {failed:?}, known {expected:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The document's first resolution (a resolution document holds one).
pub fn first_resolution(d: &Document) -> &undocs::model::Resolution {
    d.body
        .iter()
        .find_map(|b| match b {
            Block::Resolution(r) => Some(r),
            _ => None,
        })
        .expect("a resolution")
}

/// Text without its white space (layouts differ in spaces only).
#[allow(dead_code)]
pub fn squeeze(s: &str) -> String {
    s.split_whitespace().collect()
}

/// The headings of `d` (number, text), without those whose text is a row of a table of
/// `source`: tables come back from a PDF's pages as lines of text, a bold or italic row
/// as a heading.
#[allow(dead_code)]
pub fn headings_outside_tables(
    d: &undocs::model::Document,
    source: &undocs::model::Document,
) -> Vec<(Option<String>, String)> {
    use undocs::model::{Block, plain_text};
    let mut rows = std::collections::HashSet::new();
    source.walk(&mut |b, _, _| {
        if let Block::Table(t) = b {
            for r in &t.rows {
                let mut text = String::new();
                for cell in &r.cells {
                    for b in cell {
                        if let Block::Paragraph(p) = b {
                            text.push_str(&squeeze(&plain_text(&p.content)));
                        }
                    }
                }
                rows.insert(text);
            }
        }
    });
    d.headings()
        .into_iter()
        .map(|h| (h.num, squeeze(&h.text)))
        .filter(|(n, t)| n.is_some() || !rows.contains(t))
        .collect()
}

/// The numbered paragraphs' text, white space squeezed: the body's, and the annexes' too
/// when `annexes`.
#[allow(dead_code)]
pub fn numbered_texts(d: &undocs::model::Document, annexes: bool) -> Vec<String> {
    use undocs::model::{Block, Region, plain_text};
    let mut v = Vec::new();
    d.walk(&mut |b, r, _| {
        if let Block::Paragraph(p) = b
            && p.num.is_some()
            && (r == Region::Body || annexes && matches!(r, Region::Annex(_)))
        {
            v.push(squeeze(&plain_text(&p.content)));
        }
    });
    v
}

/// Every footnote's marker and text (white space squeezed), in order.
#[allow(dead_code)]
pub fn notes_squeezed(d: &undocs::model::Document) -> Vec<(String, String)> {
    d.notes()
        .iter()
        .map(|n| (n.marker.clone(), squeeze(&note_text(n))))
        .collect()
}

/// The masthead fields a reading of a printed page must give as the source has them:
/// symbols, organ, body, date, distribution, original language, session, agenda items,
/// title, subtitle, and as many title notes.
#[allow(dead_code)]
pub fn assert_same_masthead(
    source: &undocs::model::Document,
    read: &undocs::model::Document,
    name: &str,
) {
    let (w, p) = (&source.meta, &read.meta);
    assert_eq!(w.symbols, p.symbols, "{name}");
    assert_eq!(w.organ, p.organ, "{name}");
    assert_eq!(w.subsidiary_body, p.subsidiary_body, "{name}");
    assert_eq!(w.date, p.date, "{name}");
    assert_eq!(w.distribution, p.distribution, "{name}");
    assert_eq!(w.original_language, p.original_language, "{name}");
    assert_eq!(w.session, p.session, "{name}");
    assert_eq!(w.agenda_items, p.agenda_items, "{name}");
    assert_eq!(w.title, p.title, "{name}");
    assert_eq!(w.subtitle, p.subtitle, "{name}");
    assert_eq!(w.title_notes.len(), p.title_notes.len(), "{name}");
}
