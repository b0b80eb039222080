//! The seven self-consistency checks of a reader of UN reports (../shared/tools/corpus_check.py,
//! the PDF reader issue's acceptance) over the real PDFs in ../shared/samples: each read
//! through `pdftotext -layout` and the text reader (tests/pdf.rs does the same with the
//! PDF reader).
//! The checks: a valid symbol, a date, the organ, a session number, a title, numbered
//! paragraphs running 1…N without gap or repeat (a restart at 1 allowed), and no footnote
//! dropped or left without its mark. Known failures are listed with their cause; the test
//! fails when a file fails otherwise, or when a listed one starts passing (update the list).

mod common;

use std::path::Path;
use std::process::Command;

use undocs::{Format, ReadOptions};

/// Files that fail a check today, with the check and why (none: every sample passes all
/// seven).
const KNOWN: &[(&str, &str, &str)] = &[];

fn through_pdftotext(pdf: &Path) -> undocs::ReadOutput {
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    undocs::read_bytes(&out.stdout, Format::Text, &ReadOptions::default())
        .expect("the text reader reads")
}

#[test]
fn seven_checks_on_every_sample_pdf_through_pdftotext() {
    if !common::oracle_available("pdftotext", &["-v"]) {
        return;
    }
    common::check_corpus(KNOWN, through_pdftotext);
}
