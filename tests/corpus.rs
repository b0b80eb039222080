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

/// Files that fail a check today, with the check and why.
const KNOWN: &[(&str, &str, &str)] = &[(
    "canada2009.pdf",
    "paras",
    "paragraph 36 is printed without its period ('36     The Government…')",
)];

fn failures(pdf: &Path) -> Vec<&'static str> {
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
    let read = undocs::read_bytes(&out.stdout, Format::Text, &ReadOptions::default())
        .expect("the text reader reads");
    common::seven_checks(&read)
}

#[test]
fn seven_checks_on_every_sample_pdf_through_pdftotext() {
    if !common::oracle_available("pdftotext", &["-v"]) {
        return;
    }
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
    if !shared.exists() {
        common::oracle_missing("../shared/samples");
        return;
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
    let mut problems = Vec::new();
    for pdf in &pdfs {
        let name = pdf.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let failed = failures(pdf);
        let known: Vec<&str> = KNOWN
            .iter()
            .filter(|(f, _, _)| *f == name)
            .map(|(_, k, _)| *k)
            .collect();
        if failed != known {
            problems.push(format!("{name}: fails {failed:?}, known {known:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
