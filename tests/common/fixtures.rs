//! Fixtures read in their formats.

use undocs::model::*;
use undocs::{Format, ReadOptions};

/// A fixture read in its format.
pub fn read_fixture(path: &str, format: Format) -> Document {
    let bytes = std::fs::read(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    undocs::read_bytes(&bytes, format, &ReadOptions::default())
        .unwrap()
        .document
}

/// Every fixture as a document: the reviewed JSON ones and what the readers make of the
/// real files (pdftotext output, Akoma Ntoso, Word).
pub fn fixture_documents() -> Vec<(&'static str, Document)> {
    let mut seed = read_fixture("fixtures/a-hrc-31-81/expected.json", Format::Json);
    seed.normalize();
    vec![
        ("a-hrc-31-81", seed),
        (
            "a-hrc-59-15",
            read_fixture("fixtures/a-hrc-59-15/document.json", Format::Json),
        ),
        (
            "04",
            read_fixture(
                "fixtures/pdftotext/04_A_HRC_27_9_reissued_EN.txt",
                Format::Text,
            ),
        ),
        (
            "06",
            read_fixture("fixtures/pdftotext/06_A_HRC_59_15_EN.txt", Format::Text),
        ),
        (
            "10",
            read_fixture("fixtures/pdftotext/10_A_RES_73_8_EN.txt", Format::Text),
        ),
        (
            "un-akn20",
            read_fixture("fixtures/akn/un_E-CN.7-2012-L.2_eng.akn20.xml", Format::Akn),
        ),
        (
            "eu-bill",
            read_fixture(
                "fixtures/akn/eu_akn4eu_council-position_bill_123.xml",
                Format::Akn,
            ),
        ),
        (
            "ke-debate",
            read_fixture("fixtures/akn/ke_Debate_Bungeni_2011-06-10.xml", Format::Akn),
        ),
        (
            "docx-01",
            read_fixture(
                "fixtures/docx/01_FCCC_PA_CMA_2021_10_Add.3_EN.docx",
                Format::Docx,
            ),
        ),
        (
            "docx-02",
            read_fixture("fixtures/docx/02_A_80_6_PlanOutline_EN.docx", Format::Docx),
        ),
    ]
}

/// A folder of ../shared/samples (`un`, `upr`, `akn`), or a skip notice (a failure where
/// oracles are required) when the shared folder is not there.
#[allow(dead_code)]
pub fn shared_samples(sub: &str) -> Option<std::path::PathBuf> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/samples")
        .join(sub);
    if p.exists() {
        Some(p)
    } else {
        super::oracle_missing("../shared/samples");
        None
    }
}

/// The files of these fixture folders (paths from the crate's root) whose names end in
/// `.ext`, sorted.
#[allow(dead_code)]
pub fn fixture_files(dirs: &[&str], ext: &str) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for dir in dirs {
        let dir = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
        for e in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir}: {e}")) {
            let p = e.expect("a directory entry").path();
            if p.extension().is_some_and(|x| x == ext) {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

/// Two readings of one input, held and streamed, as comparable text: the document and
/// warnings, or the error's message (its position included). The one difference allowed:
/// a held input is checked to be UTF-8 whole before it is parsed, a stream as it comes, so
/// a syntax error before its first bad byte is told first (`may_differ_on_utf8`: the input
/// may hold such a byte).
#[allow(dead_code)]
pub fn held_and_streamed_text(
    held: undocs::Result<undocs::ReadOutput>,
    streamed: undocs::Result<undocs::ReadOutput>,
    may_differ_on_utf8: bool,
) -> (String, String) {
    let show = |r: undocs::Result<undocs::ReadOutput>| match r {
        Ok(o) => format!("{:?}\n{:?}", o.document, o.warnings),
        Err(e) => format!("error: {e}"),
    };
    let held = show(held);
    let mut streamed = show(streamed);
    if may_differ_on_utf8 && held.ends_with("not UTF-8") && streamed.starts_with("error") {
        streamed = held.clone();
    }
    (held, streamed)
}
