//! Builds a UN report in code and writes it as undocs JSON to standard output.
//!
//! ```sh
//! cargo run --example build_report
//! ```

use undocs::Format;
use undocs::model::*;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut doc = Document::default();
    let m = &mut doc.meta;
    m.set("symbol", "A/HRC/31/81*")?;
    m.set("organ", "General Assembly")?;
    m.set("subsidiary_body", "Human Rights Council")?;
    m.set("distribution", "General")?;
    m.set("date", "29 January 2016")?;
    m.set("original_language", "English")?;
    m.set("session", "31")?;
    m.set("session_label", "Thirty-first session")?;
    m.set(
        "agenda_item",
        "2: Annual report of the United Nations High Commissioner for Human Rights",
    )?;
    m.set("kind", "report")?;
    m.set(
        "title",
        "Enhancement of international cooperation in the field of human rights",
    )?;
    m.title_notes.push(TitleNote {
        marker: "*".into(),
        content: vec![Inline::Text(
            "Reissued for technical reasons on 2 March 2016.".into(),
        )],
    });

    let mut text = link_symbols(
        "The Advisory Committee noted the wide variety of meanings (see A/HRC/19/74, para. 26).",
    );
    text.push(Inline::Note(Note {
        marker: "1".into(),
        content: vec![Block::Paragraph(Paragraph {
            num: None,
            content: vec![Inline::Text("Ibid.".into())],
            subparagraphs: vec![],
        })],
    }));
    doc.body.push(Block::Division(Division {
        kind: DivisionKind::Chapter,
        num: Some("I.".into()),
        heading: vec![Inline::Text("Introduction".into())],
        content: vec![Block::Paragraph(Paragraph {
            num: Some("1.".into()),
            content: text,
            subparagraphs: vec![],
        })],
    }));

    for finding in doc.check() {
        eprintln!("{finding}");
    }
    undocs::write(&doc, Format::Json, std::io::stdout().lock())?;
    Ok(())
}
