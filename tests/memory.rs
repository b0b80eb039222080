//! Peak memory of a read, bounded by a documented multiple of the input (README, "Memory";
//! `ReadOptions`): a generated 10,000-paragraph report written as JSON, Akoma Ntoso and
//! DOCX, each read by the command-line tool (`undocs info`) under GNU time, whose maximum
//! resident set size is compared with the input's size (for DOCX, its uncompressed XML).
#![cfg(all(feature = "cli", feature = "json", feature = "akn", feature = "docx"))]

mod common;

#[path = "../benches/generate.rs"]
mod generate;

use std::io::Read as _;
use std::path::Path;
use std::process::Command;

use undocs::Format;

/// The documented bounds: peak resident memory at most `multiple` × the input plus a fixed
/// part, the program itself: 4 MB in a release build (`undocs --version` takes 3.5 MB;
/// `.ci/run` runs this test in release too). A debug build's code, as a read runs through
/// it, takes about 11 MB more (heaptrack: the same heap peak in both), hence 16 MB there.
const BOUNDS: &[(Format, &str, u64)] = &[
    (Format::Json, "json", 3),
    (Format::Akn, "xml", 3),
    (Format::Docx, "docx", 3),
];
const FIXED_KB: u64 = if cfg!(debug_assertions) { 16 } else { 4 } * 1024;
/// The bound for any XML input, whatever its shape: an element costs about 70 bytes in
/// the tree, twice that while its parent's children are gathered.
const WORST: u64 = 50;

/// Peak resident memory of `undocs info path`, in kilobytes.
fn peak_kb(path: &Path) -> u64 {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(env!("CARGO_BIN_EXE_undocs"))
        .arg("info")
        .arg(path)
        .output()
        .expect("GNU time runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    stderr
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .expect("GNU time prints the peak")
}

/// The input's size as the reader sees it: a DOCX's XML parts uncompressed.
fn input_bytes(path: &Path, format: Format) -> u64 {
    let bytes = std::fs::read(path).unwrap();
    if format != Format::Docx {
        return bytes.len() as u64;
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut total = 0;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().ends_with(".xml") || f.name().ends_with(".rels") {
            let mut s = Vec::new();
            f.read_to_end(&mut s).unwrap();
            total += s.len() as u64;
        }
    }
    total
}

#[test]
fn peak_memory_of_a_read_is_within_the_documented_multiple_of_the_input() {
    if !Path::new("/usr/bin/time").exists() {
        common::oracle_missing("GNU time (/usr/bin/time; Debian: time)");
        return;
    }
    let dir = std::env::temp_dir().join(format!("undocs-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let doc = generate::report(10_000);
    let mut report = Vec::new();
    for &(format, ext, multiple) in BOUNDS {
        let path = dir.join(format!("report.{ext}"));
        undocs::write(&doc, format, std::fs::File::create(&path).unwrap()).unwrap();
        let input = input_bytes(&path, format);
        // A real input: megabytes, so that the fixed part does not hide the multiple.
        assert!(input > 5 << 20, "{ext}: {input} bytes");
        let kb = peak_kb(&path);
        let bound = multiple * input / 1024 + FIXED_KB;
        report.push(format!(
            "{ext}: input {} KB, peak {kb} KB ({:.1}x), bound {bound} KB",
            input / 1024,
            kb as f64 / (input as f64 / 1024.0)
        ));
        assert!(kb <= bound, "{}", report.join("\n"));
    }
    // The worst shape for the element tree: nothing but empty elements, four bytes each,
    // in one element (the readers hold one child of the body at a time: here it is all).
    let path = dir.join("empty-elements.xml");
    let mut xml = String::from(
        r#"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><doc name="x"><mainBody><p>"#,
    );
    xml.push_str(&"<a/>".repeat(1_000_000));
    xml.push_str("</p></mainBody></doc></akomaNtoso>");
    std::fs::write(&path, &xml).unwrap();
    let kb = peak_kb(&path);
    let bound = WORST * xml.len() as u64 / 1024 + FIXED_KB;
    report.push(format!(
        "empty elements: input {} KB, peak {kb} KB, bound {bound} KB",
        xml.len() / 1024
    ));
    assert!(kb <= bound, "{}", report.join("\n"));
    // Shown with --nocapture: the figures behind README's table.
    println!("{}", report.join("\n"));
    let _ = std::fs::remove_dir_all(&dir);
}
