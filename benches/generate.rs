//! A deterministic generated report for benchmarks: chapters, sections, numbered paragraphs
//! with symbol references and footnotes, like a long UN report.
#![allow(dead_code)]

use undocs::model::*;

const SENTENCES: &[&str] = &[
    "The Advisory Committee noted the wide variety of meanings that the very concept of international cooperation may have (see A/HRC/19/74, para. 26).",
    "Delegates underscored that international cooperation could support the mainstreaming of women’s rights and gender equality in all development goals.",
    "Участники подчеркнули важность международного сотрудничества.",
    "The universal periodic review had opened up opportunities for States, the United Nations system and civil society (see A/HRC/23/20, para. 8).",
    "Le Conseil des droits de l’homme a souligné l’importance de la coopération.",
];

/// The seed report (fixtures/a-hrc-31-81/expected.json).
pub fn seed() -> Document {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/a-hrc-31-81/expected.json"
    ))
    .expect("seed");
    undocs::read_bytes(
        &bytes,
        undocs::Format::Json,
        &undocs::ReadOptions::default(),
    )
    .expect("seed reads")
    .document
}

/// A report with `paragraphs` numbered paragraphs, a footnote every fifth one.
pub fn report(paragraphs: usize) -> Document {
    let mut doc = Document::default();
    let m = &mut doc.meta;
    let _ = m.set("symbol", "A/HRC/31/81*");
    let _ = m.set("organ", "General Assembly");
    let _ = m.set("body", "Human Rights Council");
    let _ = m.set("distribution", "General");
    let _ = m.set("date", "2016-01-29");
    let _ = m.set("original_language", "en");
    let _ = m.set(
        "title",
        "Enhancement of international cooperation in the field of human rights",
    );
    let mut chapter: Option<Division> = None;
    let mut section: Option<Division> = None;
    let romans = [
        "I.", "II.", "III.", "IV.", "V.", "VI.", "VII.", "VIII.", "IX.", "X.",
    ];
    for n in 1..=paragraphs {
        if n % 100 == 1 {
            if let Some(mut c) = chapter.take() {
                c.content.extend(section.take().map(Block::Division));
                doc.body.push(Block::Division(c));
            }
            chapter = Some(Division {
                kind: DivisionKind::Chapter,
                num: Some(romans[(n / 100) % romans.len()].into()),
                heading: vec![Inline::Text(format!("Chapter heading {n}"))],
                content: vec![],
            });
        }
        if n % 20 == 1 {
            if let (Some(c), Some(s)) = (chapter.as_mut(), section.take()) {
                c.content.push(Block::Division(s));
            }
            section = Some(Division {
                kind: DivisionKind::Section,
                num: Some(format!("{}.", (b'A' + ((n % 100) / 20) as u8) as char)),
                heading: vec![Inline::Text(
                    "Interventions by States and other stakeholders".into(),
                )],
                content: vec![],
            });
        }
        let mut text = String::new();
        for k in 0..3 {
            text.push_str(SENTENCES[(n + k) % SENTENCES.len()]);
            text.push(' ');
        }
        let mut content = link_symbols(text.trim_end());
        if n % 5 == 0 {
            content.push(Inline::Note(Note {
                marker: (n / 5).to_string(),
                content: vec![Block::Paragraph(Paragraph {
                    num: None,
                    content: link_symbols(
                        "For more information on this topic, see A/HRC/19/74, A/HRC/26/41.",
                    ),
                    subparagraphs: vec![],
                })],
            }));
        }
        let p = Block::Paragraph(Paragraph {
            num: Some(format!("{n}.")),
            content,
            subparagraphs: vec![],
        });
        if let Some(s) = section.as_mut() {
            s.content.push(p);
        }
    }
    if let Some(mut c) = chapter.take() {
        c.content.extend(section.take().map(Block::Division));
        doc.body.push(Block::Division(c));
    }
    doc
}
