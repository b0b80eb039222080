//! The examples in `examples/`, run as a user would run them, and their output read back.

use std::path::PathBuf;
use std::process::Command;

use undocs::{Format, ReadOptions};

/// An example's binary: `cargo test` builds the examples beside the test binaries.
fn example(name: &str) -> Command {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target directory")
        .join("examples");
    let mut c = Command::new(dir.join(name));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn tmp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("undocs-example-{}-{name}", std::process::id()))
}

#[test]
fn build_report_writes_the_report_it_builds() {
    let o = example("build_report").output().expect("build_report runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let d = undocs::read_bytes(&o.stdout, Format::Json, &ReadOptions::default())
        .expect("its JSON reads")
        .document;
    assert_eq!(d.meta.symbols[0].to_string(), "A/HRC/31/81");
    assert!(d.meta.reissued);
    assert_eq!(
        d.meta.subsidiary_body.as_deref(),
        Some("Human Rights Council")
    );
    assert_eq!(d.paragraph_numbers(), ["1."]);
    assert_eq!(d.notes().len(), 1);
}

#[test]
fn convert_converts_by_extension() {
    let out = tmp("out.akn.xml");
    let o = example("convert")
        .args(["fixtures/a-hrc-59-15/document.json", out.to_str().unwrap()])
        .output()
        .expect("convert runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let d = undocs::read_path(&out, &ReadOptions::default())
        .expect("its AKN reads")
        .document;
    assert_eq!(d.meta.symbols[0].to_string(), "A/HRC/59/15");
    assert_eq!(d.paragraph_numbers().len(), 14);
}

#[test]
fn generate_report_writes_n_paragraphs() {
    let out = tmp("gen.docx");
    let o = example("generate_report")
        .args(["50", out.to_str().unwrap()])
        .output()
        .expect("generate_report runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let d = undocs::read_path(&out, &ReadOptions::default())
        .expect("its DOCX reads")
        .document;
    assert_eq!(d.paragraph_numbers().len(), 50);
}

#[test]
#[cfg(feature = "pdf")]
fn generate_pdf_writes_a_report_the_pdf_reader_reads() {
    let out = tmp("gen.pdf");
    let o = example("generate_pdf")
        .args(["12", out.to_str().unwrap()])
        .output()
        .expect("generate_pdf runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let d = undocs::read_path(&out, &ReadOptions::default())
        .expect("its PDF reads")
        .document;
    assert_eq!(d.meta.symbols[0].to_string(), "A/HRC/99/17");
    // As many paragraphs as it says on stderr ("…: 12 pages, 104 paragraphs, …").
    let said = String::from_utf8_lossy(&o.stderr);
    let paragraphs = said
        .split(", ")
        .find_map(|w| w.strip_suffix(" paragraphs"))
        .and_then(|n| n.parse::<usize>().ok())
        .expect("a paragraph count");
    assert_eq!(d.paragraph_numbers().len(), paragraphs);
}
