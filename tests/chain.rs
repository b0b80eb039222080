//! Chains of formats: a generated document written as JSON, read, written as Akoma Ntoso,
//! read, written as Word, read, written as PDF, read, gives back the document (Word carries
//! character formatting in its canonical nesting). A format that cannot carry something
//! refuses it with an error naming it; never a silent loss.
#![cfg(all(feature = "json", feature = "akn", feature = "docx", feature = "pdf"))]

mod common;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, TestRunner};
use undocs::model::Document;
use undocs::{Error, Format, ReadOptions};

fn through(doc: &Document, format: Format) -> Result<Document, Error> {
    let mut bytes = Vec::new();
    undocs::write(doc, format, &mut bytes)?;
    let back = undocs::read_bytes(&bytes, format, &ReadOptions::default())?;
    assert!(back.warnings.is_empty(), "{format}: {:?}", back.warnings);
    Ok(back.document)
}

#[test]
fn json_akn_docx_pdf_json_gives_back_the_document() {
    let mut runner = TestRunner::new(Config {
        cases: 300,
        ..Config::default()
    });
    let strategy = common::document();
    let (mut whole, mut refused) = (0, Vec::new());
    for _ in 0..300 {
        let doc = strategy
            .new_tree(&mut runner)
            .expect("a generated document")
            .current();
        let mut d = doc.clone();
        let mut failed = None;
        for format in [
            Format::Json,
            Format::Akn,
            Format::Docx,
            Format::Pdf,
            Format::Json,
        ] {
            match through(&d, format) {
                Ok(back) => d = back,
                Err(e) => {
                    // Only a refusal that says what cannot be carried.
                    assert!(
                        matches!(e, Error::Unrepresentable { .. } | Error::Unsupported { .. }),
                        "{format}: {e}"
                    );
                    failed = Some(format!("{format}: {e}"));
                    break;
                }
            }
        }
        match failed {
            None => {
                let mut want = doc.clone();
                want.canonical_formatting();
                let diffs = undocs::json::differences(&want, &d, 10);
                assert!(diffs.is_empty(), "{}", diffs.join("\n"));
                whole += 1;
            }
            Some(why) => refused.push(why),
        }
    }
    // Most documents go all the way (the refusals: a division inside a footnote for Akoma
    // Ntoso, a footnote inside a footnote for Word).
    assert!(
        whole >= 150,
        "{whole} of 300 went through; refusals: {refused:?}"
    );
}
