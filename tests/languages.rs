//! The six official languages: the seed's masthead and first paragraphs, written by hand in
//! each language as PDF-extracted text (fixtures/languages/, see its README), read through
//! the shared recognizer. Every masthead field is checked against the facts written in the
//! fixture (not against what the reader produced), and the body's first chapter, with its
//! number as that language prints it, its paragraphs and its footnote.
#![cfg(feature = "text")]

mod common;

use undocs::model::{Block, Distribution, DivisionKind, DocKind, Language};
use undocs::{Format, ReadOptions};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// What each fixture prints: language, organ, subsidiary body, session label, title,
/// subtitle, summary, chapter number and heading.
struct Facts {
    file: &'static str,
    language: Language,
    organ: &'static str,
    body: &'static str,
    session: &'static str,
    title: &'static str,
    subtitle: &'static str,
    summary_starts: &'static str,
    chapter: (&'static str, &'static str),
}

const FACTS: &[Facts] = &[
    Facts {
        file: "ar",
        language: Language::ARABIC,
        organ: "الجمعية العامة",
        body: "مجلس حقوق الإنسان",
        session: "الدورة الحادية والثلاثون",
        title: "تعزيز التعاون الدولي في ميدان حقوق الإنسان",
        subtitle: "تقرير مفوضية الأمم المتحدة السامية لحقوق الإنسان",
        summary_starts: "يقدم هذا التقرير",
        chapter: ("أولا -", "مقدمة"),
    },
    Facts {
        file: "zh",
        language: Language::CHINESE,
        organ: "大会",
        body: "人权理事会",
        session: "第三十一届会议",
        title: "加强人权领域的国际合作",
        subtitle: "联合国人权事务高级专员办事处的报告",
        summary_starts: "本报告是根据",
        chapter: ("一.", "导言"),
    },
    Facts {
        file: "en",
        language: Language::ENGLISH,
        organ: "General Assembly",
        body: "Human Rights Council",
        session: "Thirty-first session",
        title: "Enhancement of international cooperation in the field of human rights",
        subtitle: "Report of the Office of the United Nations High Commissioner for Human Rights",
        summary_starts: "The present report",
        chapter: ("I.", "Introduction"),
    },
    Facts {
        file: "fr",
        language: Language::FRENCH,
        organ: "Assemblée générale",
        body: "Conseil des droits de l'homme",
        session: "Trente et unième session",
        title: "Renforcement de la coopération internationale dans le domaine des droits de l'homme",
        subtitle: "Rapport du Haut-Commissariat des Nations Unies aux droits de l'homme",
        summary_starts: "Le présent rapport",
        chapter: ("I.", "Introduction"),
    },
    Facts {
        file: "ru",
        language: Language::RUSSIAN,
        organ: "Генеральная Ассамблея",
        body: "Совет по правам человека",
        session: "Тридцать первая сессия",
        title: "Укрепление международного сотрудничества в области прав человека",
        subtitle: "Доклад Управления Верховного комиссара Организации Объединенных Наций по правам человека",
        summary_starts: "Настоящий доклад",
        chapter: ("I.", "Введение"),
    },
    Facts {
        file: "es",
        language: Language::SPANISH,
        organ: "Asamblea General",
        body: "Consejo de Derechos Humanos",
        session: "31er período de sesiones",
        title: "Fortalecimiento de la cooperación internacional en la esfera de los derechos humanos",
        subtitle: "Informe de la Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos",
        summary_starts: "El presente informe",
        chapter: ("I.", "Introducción"),
    },
];

/// The numbers of the paragraphs among `blocks`.
fn paragraph_numbers(blocks: &[Block]) -> Vec<&str> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => p.num.as_deref(),
            _ => None,
        })
        .collect()
}

#[test]
fn every_masthead_field_reads_in_each_official_language() {
    for f in FACTS {
        let path = format!("{ROOT}/fixtures/languages/{}.md", f.file);
        let bytes = std::fs::read(&path).unwrap();
        let out = undocs::read_bytes(&bytes, Format::Text, &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_facts(&out.document, f, f.file);
    }
}

/// The same facts from PDFs we did not lay out: LibreOffice's rendering of each fixture's
/// Word file (fixtures/languages/libreoffice/, see the README there), read by the PDF
/// reader from the page. The Arabic page is set from the right (the masthead mirrored,
/// numbers at the right, "1." printed ".1"), with vowel signs drawn apart from their
/// letters; the Chinese headings are emboldened by stroking, not set in a bold face.
#[cfg(feature = "pdf")]
#[test]
fn every_masthead_field_reads_from_pdfs_laid_out_by_libreoffice() {
    for f in FACTS {
        let path = format!("{ROOT}/fixtures/languages/libreoffice/{}.pdf", f.file);
        let bytes = std::fs::read(&path).unwrap();
        let out = undocs::read_bytes(&bytes, Format::Pdf, &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            out.document.meta.title.is_some(),
            "{path}: {:?}",
            out.warnings
        );
        assert_facts(&out.document, f, &path);
        // Both paragraphs word for word as the fixture has them (the footnote mark aside):
        // Arabic in reading order, its vowel signs on their letters, no space put
        // between Chinese and digits.
        let want = fixture(f.file);
        assert_eq!(
            paragraph_texts(&out.document),
            paragraph_texts(&want),
            "{path}"
        );
    }
}

/// The plain text of the first chapter's paragraphs, without their notes.
fn paragraph_texts(doc: &undocs::model::Document) -> Vec<String> {
    let Some(Block::Division(d)) = doc.body.first() else {
        return Vec::new();
    };
    d.content
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => {
                let content: Vec<_> = p
                    .content
                    .iter()
                    .filter(|i| !matches!(i, undocs::model::Inline::Note(_)))
                    .cloned()
                    .collect();
                Some(undocs::model::plain_text(&content))
            }
            _ => None,
        })
        .collect()
}

/// The same facts from the PDFs undocs writes, read from their page layout (the embedded
/// JSON ignored): the masthead in each language's labels, Arabic mirrored and set from
/// the right, French and Spanish note marks before the full stop.
#[cfg(feature = "pdf")]
#[test]
fn every_masthead_field_reads_back_from_the_pdfs_undocs_writes() {
    for f in FACTS {
        let doc = fixture(f.file);
        let (_, back) = pdf_and_layout(&doc);
        let at = format!("{} → PDF → layout", f.file);
        assert_facts(&back, f, &at);
        assert_eq!(paragraph_texts(&back), paragraph_texts(&doc), "{at}");
    }
}

/// An annex's label as each language prints it opens an annex, after the body's chapter.
#[test]
fn annex_labels_are_read_in_each_language() {
    for (code, label, title) in [
        ("en", "Annex II", "List of participants"),
        ("fr", "Annexe II", "Liste des participants"),
        ("es", "Anexo II", "Lista de participantes"),
        ("ru", "Приложение II", "Список участников"),
        ("ar", "المرفق الثاني", "قائمة المشاركين"),
        ("zh", "附件二", "与会者名单"),
    ] {
        let mut src =
            std::fs::read_to_string(format!("{ROOT}/fixtures/languages/{code}.md")).unwrap();
        src.push_str(&format!("\n\n{label}\n\n**{title}**\n\n3. {title}.\n"));
        let doc = undocs::read_bytes(src.as_bytes(), Format::Text, &ReadOptions::default())
            .unwrap()
            .document;
        assert_eq!(doc.annexes.len(), 1, "{code}: {:?}", doc.body.last());
        assert_eq!(doc.annexes[0].label, label, "{code}");
        assert_eq!(
            undocs::model::plain_text(&doc.annexes[0].title),
            title,
            "{code}"
        );
    }
}

/// Chinese subparagraphs in full-width brackets ("（a）") are the paragraph's
/// subparagraphs, their numbers kept as printed.
#[test]
fn chinese_subparagraphs_in_full_width_brackets() {
    let mut src = std::fs::read_to_string(format!("{ROOT}/fixtures/languages/zh.md")).unwrap();
    src.push_str("\n\n3. 理事会请：\n\n（a）各国合作；\n\n（b）秘书处报告。\n");
    let doc = undocs::read_bytes(src.as_bytes(), Format::Text, &ReadOptions::default())
        .unwrap()
        .document;
    let Some(Block::Division(d)) = doc.body.first() else {
        panic!("{:?}", doc.body.first())
    };
    let Some(Block::Paragraph(p)) = d.content.last() else {
        panic!("{:?}", d.content.last())
    };
    assert_eq!(p.num.as_deref(), Some("3."));
    let subs: Vec<_> = p.subparagraphs.iter().map(|s| s.num.as_deref()).collect();
    assert_eq!(subs, [Some("（a）"), Some("（b）")]);
}

/// Fully vowelled Arabic: the shaper places each vowel sign over or under its letter
/// (krilla gives such a cluster's text with /ActualText), and the page reads back word
/// for word, no sign on a line of its own.
#[cfg(feature = "pdf")]
#[test]
fn vowelled_arabic_reads_back_from_the_page() {
    let mut doc = fixture("ar");
    let text = "يُقدَّم هذا التقريرُ عملاً بقرارِ المجلسِ.";
    let Some(Block::Division(d)) = doc.body.first_mut() else {
        panic!("{:?}", doc.body.first())
    };
    let Some(Block::Paragraph(p)) = d.content.get_mut(1) else {
        panic!("{:?}", d.content.get(1))
    };
    p.content = vec![undocs::model::Inline::Text(text.into())];
    let (_, back) = pdf_and_layout(&doc);
    assert_eq!(paragraph_texts(&back), paragraph_texts(&doc));
}

/// A language fixture read as PDF-extracted text.
fn fixture(code: &str) -> undocs::model::Document {
    let src = std::fs::read(format!("{ROOT}/fixtures/languages/{code}.md")).unwrap();
    undocs::read_bytes(&src, Format::Text, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{code}: {e}"))
        .document
}

/// A document written to PDF, and read back from the page (the embedded JSON ignored).
#[cfg(feature = "pdf")]
fn pdf_and_layout(doc: &undocs::model::Document) -> (Vec<u8>, undocs::model::Document) {
    let mut pdf = Vec::new();
    undocs::write(doc, Format::Pdf, &mut pdf).unwrap();
    let opts = ReadOptions::default().with_ignore_embedded(true);
    let back = undocs::read_bytes(&pdf, Format::Pdf, &opts)
        .unwrap()
        .document;
    (pdf, back)
}

/// Checks a document read from a fixture against what the fixture prints.
fn assert_facts(doc: &undocs::model::Document, f: &Facts, at: &str) {
    {
        let m = &doc.meta;
        assert_eq!(
            m.symbols.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            ["A/HRC/31/81"],
            "{at}"
        );
        assert!(m.reissued, "{at}");
        assert_eq!(m.organ.as_deref(), Some(f.organ), "{at}");
        assert_eq!(m.subsidiary_body.as_deref(), Some(f.body), "{at}");
        assert_eq!(m.distribution, Some(Distribution::General), "{at}");
        assert_eq!(
            m.date.map(|d| d.to_string()).as_deref(),
            Some("2016-01-29"),
            "{at}"
        );
        assert_eq!(m.original_language, Some(Language::ENGLISH), "{at}");
        assert_eq!(m.language, Some(f.language), "{at}");
        let s = m.session.as_ref().expect("a session");
        assert_eq!(s.number.as_deref(), Some("31"), "{at}");
        assert_eq!(s.label.as_deref(), Some(f.session), "{at}");
        let numbers: Vec<_> = m.agenda_items.iter().map(|a| a.number.as_deref()).collect();
        assert_eq!(numbers, [Some("2"), Some("3")], "{at}");
        assert!(m.agenda_items.iter().all(|a| !a.title.is_empty()), "{at}");
        assert_eq!(m.kind, Some(DocKind::Report), "{at}");
        assert_eq!(m.title.as_deref(), Some(f.title), "{at}");
        assert_eq!(m.subtitle.as_deref(), Some(f.subtitle), "{at}");
        assert_eq!(m.summary.len(), 1, "{at}: {:?}", m.summary);
        let Block::Paragraph(p) = &m.summary[0] else {
            panic!("{at}: summary {:?}", m.summary)
        };
        assert!(
            undocs::model::plain_text(&p.content).starts_with(f.summary_starts),
            "{at}"
        );
        assert_eq!(m.title_notes.len(), 1, "{at}");
        assert_eq!(m.title_notes[0].marker, "*", "{at}");
        let letter = f.language.job_letter().unwrap();
        assert_eq!(
            m.job_number.as_ref().map(|j| j.to_string()),
            Some(format!("GE.16-01234 ({letter})")),
            "{at}"
        );
        // The body: the first chapter, numbered as the language prints it, holding
        // paragraphs 1 and 2, the first with its footnote.
        let Some(Block::Division(d)) = doc.body.first() else {
            panic!("{at}: {:?}", doc.body.first())
        };
        assert_eq!(d.kind, DivisionKind::Chapter, "{at}");
        assert_eq!(d.num.as_deref(), Some(f.chapter.0), "{at}");
        assert_eq!(undocs::model::plain_text(&d.heading), f.chapter.1, "{at}");
        assert_eq!(paragraph_numbers(&d.content), ["1.", "2."], "{at}");
        let Block::Paragraph(p1) = &d.content[0] else {
            unreachable!()
        };
        assert!(
            p1.content
                .iter()
                .any(|i| matches!(i, undocs::model::Inline::Note(n) if n.marker == "1")),
            "{at}"
        );
    }
}

/// The language of a masthead that names none is the language it is written in.
#[test]
fn the_language_is_told_by_the_masthead_when_no_line_names_it() {
    for (text, want) in [
        (
            "Nations Unies\n\nA/HRC/31/81\n\n# Assemblée générale\n\nDistr. générale  \n29 janvier 2016\n\n## Conseil des droits de l'homme\n\nTrente et unième session\n\n## **Renforcement de la coopération internationale dans le domaine des droits de l'homme**\n\n1. Texte du paragraphe.\n",
            Language::FRENCH,
        ),
        (
            "Naciones Unidas\n\nA/HRC/31/81\n\n# Asamblea General\n\nDistr. general  \n29 de enero de 2016\n\n## Consejo de Derechos Humanos\n\n31er período de sesiones\n\n## **Fortalecimiento de la cooperación internacional en la esfera de los derechos humanos**\n\n1. Texto del párrafo.\n",
            Language::SPANISH,
        ),
    ] {
        let d = undocs::read_bytes(text.as_bytes(), Format::Text, &ReadOptions::default())
            .unwrap()
            .document;
        assert_eq!(d.meta.language, Some(want), "{text}");
        assert_eq!(
            d.meta.date.map(|d| d.to_string()).as_deref(),
            Some("2016-01-29")
        );
    }
}

/// The seed set in each official language (`--set language=…`), written to DOCX, PDF and
/// Akoma Ntoso with the masthead's labels in that language, reads back with the same meta
/// from each (6 × 3); and the PDF's page layout, read without its embedded JSON, gives back
/// the masthead from the printed labels.
#[cfg(all(feature = "akn", feature = "docx", feature = "pdf"))]
#[test]
fn the_seed_in_each_language_reads_back_with_the_same_meta_from_docx_pdf_and_akn() {
    let src = std::fs::read(format!("{ROOT}/fixtures/a-hrc-31-81/source.md")).unwrap();
    let opts = ReadOptions::default();
    let mut seed = undocs::read_bytes(&src, Format::Text, &opts)
        .unwrap()
        .document;
    seed.meta.set("symbol", "A/HRC/31/81*").unwrap();
    for lang in Language::OFFICIAL {
        let mut d = seed.clone();
        d.meta.set("language", lang.code()).unwrap();
        let mut pdf = Vec::new();
        for format in [Format::Docx, Format::Akn, Format::Pdf] {
            let mut bytes = Vec::new();
            undocs::write(&d, format, &mut bytes)
                .unwrap_or_else(|e| panic!("{lang} {format:?}: {e}"));
            let back = undocs::read_bytes(&bytes, format, &opts)
                .unwrap_or_else(|e| panic!("{lang} {format:?}: {e}"))
                .document;
            assert_eq!(back.meta, d.meta, "{lang} {format:?}");
            if format == Format::Pdf {
                pdf = bytes;
            }
        }
        let layout =
            undocs::read_bytes(&pdf, Format::Pdf, &opts.clone().with_ignore_embedded(true))
                .unwrap()
                .document
                .meta;
        let m = &d.meta;
        assert_eq!(layout.language, Some(lang), "{lang}");
        assert_eq!(layout.symbols, m.symbols, "{lang}");
        assert_eq!(layout.reissued, m.reissued, "{lang}");
        assert_eq!(layout.organ, m.organ, "{lang}");
        assert_eq!(layout.distribution, m.distribution, "{lang}");
        assert_eq!(layout.date, m.date, "{lang}");
        assert_eq!(layout.original_language, m.original_language, "{lang}");
        assert_eq!(layout.session, m.session, "{lang}");
        let numbers = |m: &undocs::model::Meta| {
            m.agenda_items
                .iter()
                .map(|a| a.number.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(numbers(&layout), numbers(m), "{lang}");
        assert_eq!(layout.title, m.title, "{lang}");
        assert_eq!(layout.summary.len(), m.summary.len(), "{lang}");
    }
}

/// Word files carry the document's language: `w:lang` in its slot, and right-to-left
/// paragraphs and runs for Arabic.
#[cfg(feature = "docx")]
#[test]
fn word_files_carry_the_document_language() {
    use std::io::Read as _;
    for (code, lang_tag, rtl) in [
        ("fr", "w:val=\"fr-FR\"", false),
        ("es", "w:val=\"es-ES\"", false),
        ("ru", "w:val=\"ru-RU\"", false),
        ("ar", "w:bidi=\"ar-SA\"", true),
        ("en", "w:val=\"en-GB\"", false),
    ] {
        let doc = fixture(code);
        let mut out = Vec::new();
        undocs::write(&doc, Format::Docx, &mut out).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(out)).unwrap();
        let mut styles = String::new();
        zip.by_name("word/styles.xml")
            .unwrap()
            .read_to_string(&mut styles)
            .unwrap();
        assert!(styles.contains(lang_tag), "{code}");
        assert_eq!(styles.contains("<w:bidi/>"), rtl, "{code}");
        assert_eq!(styles.contains("<w:rtl/>"), rtl, "{code}");
        // In Arabic, the masthead's English lines ("29 January 2016") are set left to
        // right, its Arabic ones right to left.
        let mut body = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut body)
            .unwrap();
        let ltr = r#"<w:bidi w:val="0"/></w:pPr><w:r><w:rPr><w:rtl w:val="0"/></w:rPr><w:t xml:space="preserve">29 January 2016</w:t>"#;
        assert_eq!(body.contains(ltr), rtl, "{code}");
    }
}

/// The Arabic fixture written to PDF and read back from its page layout: the chapter's
/// number and heading, set from the right, come back in reading order.
#[cfg(feature = "pdf")]
#[test]
fn an_arabic_chapter_reads_back_from_the_page() {
    let doc = fixture("ar");
    let (_, back) = pdf_and_layout(&doc);
    let Some(Block::Division(d)) = back.body.first() else {
        panic!("{:?}", back.body.first())
    };
    assert_eq!(d.num.as_deref(), Some("أولا -"));
    assert_eq!(undocs::model::plain_text(&d.heading), "مقدمة");
    assert_eq!(back.meta.title, doc.meta.title);
    assert_eq!(back.meta.organ, doc.meta.organ);
    assert_eq!(back.meta.agenda_items.len(), 2);
    // The paragraph numbers, set at the right, come first; the first paragraph keeps its
    // footnote.
    assert_eq!(paragraph_numbers(&d.content), ["1.", "2."]);
    let Block::Paragraph(p1) = &d.content[0] else {
        unreachable!()
    };
    assert!(
        p1.content
            .iter()
            .flat_map(|i| match i {
                undocs::model::Inline::Strong(c) => c.iter().collect::<Vec<_>>(),
                i => vec![i],
            })
            .any(|i| matches!(i, undocs::model::Inline::Note(n) if n.marker == "1"))
    );
    // Word for word, clusters included ("تقريراً": krilla marks such clusters with
    // /ActualText, which the reader follows).
    assert_eq!(
        undocs::model::plain_text(&p1.content),
        "طلب مجلس حقوق الإنسان، في قراره 28/2، إلى مفوض الأمم المتحدة السامي لحقوق الإنسان أن يعد تقريراً."
    );
    // Regular text in a regular font (the system's first Arabic font was a bold one).
    assert!(
        !p1.content
            .iter()
            .any(|i| matches!(i, undocs::model::Inline::Strong(_))),
        "{:?}",
        p1.content
    );
}

/// pdftotext (poppler, which we did not write) reads the Arabic PDF in reading order: the
/// Arabic words of the title, the subtitle, the chapter heading, both paragraphs and the
/// footnote, as the fixture has them, each a run of the words pdftotext gives. Ligatures
/// included: "الأمم" (lam-alef) came out as "األمم" when a ligature's text was stored in
/// reading order, as LibreOffice stores it.
#[cfg(feature = "pdf")]
#[test]
fn pdftotext_reads_the_arabic_pdf_in_reading_order() {
    if !common::oracle_available("pdftotext", &["-v"]) {
        return;
    }
    let doc = fixture("ar");
    let (pdf, _) = pdf_and_layout(&doc);
    let dir = std::env::temp_dir().join(format!("undocs-ar-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("ar.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let text = common::stdout_of(std::process::Command::new("pdftotext").arg(&path).arg("-"));
    // Arabic words only: letters and marks, without punctuation, digits or bidi controls.
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| {
                w.chars()
                    .filter(|c| matches!(c, '\u{0621}'..='\u{065F}' | '\u{0670}'..='\u{06D3}'))
                    .collect::<String>()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let got = words(&text);
    let Some(Block::Division(d)) = doc.body.first() else {
        panic!("{:?}", doc.body.first())
    };
    let mut expected = vec![
        doc.meta.title.clone().unwrap(),
        doc.meta.subtitle.clone().unwrap(),
        undocs::model::plain_text(&d.heading),
    ];
    for b in &d.content {
        let Block::Paragraph(p) = b else { continue };
        expected.push(undocs::model::plain_text(&p.content));
        for i in &p.content {
            if let undocs::model::Inline::Note(n) = i {
                for b in &n.content {
                    if let Block::Paragraph(np) = b {
                        expected.push(undocs::model::plain_text(&np.content));
                    }
                }
            }
        }
    }
    assert_eq!(expected.len(), 6, "{expected:?}");
    assert!(got.iter().any(|w| w == "الأمم"), "{text}");
    for e in expected {
        let want = words(&e);
        assert!(!want.is_empty(), "{e}");
        assert!(
            got.windows(want.len()).any(|w| w == want.as_slice()),
            "pdftotext does not give «{}» in reading order:\n{text}",
            want.join(" ")
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
