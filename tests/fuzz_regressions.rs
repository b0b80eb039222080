//! Every input a fuzz target found (a crash, a timeout, an out-of-memory), kept under
//! tests/fuzz-regressions/TARGET/, replayed with the target's own check: no panic, and in
//! bounded time.
#![cfg(all(
    feature = "json",
    feature = "akn",
    feature = "docx",
    feature = "pdf",
    feature = "text"
))]

#[path = "../fuzz/fuzz_targets/checks.rs"]
mod checks;

use std::path::Path;
use std::time::{Duration, Instant};

use undocs::Format;

#[test]
fn fuzz_findings_stay_fixed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    // libFuzzer's -timeout is 1 s on an optimized build; this test may be a debug build.
    let limit = Duration::from_secs(if cfg!(debug_assertions) { 20 } else { 2 });
    let mut replayed = 0;
    for (target, format) in [
        ("read_json", Some(Format::Json)),
        ("read_text", Some(Format::Text)),
        ("read_akn", Some(Format::Akn)),
        ("read_docx", Some(Format::Docx)),
        ("read_pdf", Some(Format::Pdf)),
        ("roundtrip", None),
        ("xml_scan", None),
    ] {
        let Ok(dir) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        let mut files: Vec<_> = dir.flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let data = std::fs::read(&f).unwrap();
            let start = Instant::now();
            match (format, target) {
                (Some(format), _) => checks::read_any(&data, format),
                (None, "xml_scan") => {
                    if let Err(e) = undocs::fuzzing::xml_scanner_agrees(&data) {
                        panic!("{}: {e}", f.display());
                    }
                }
                (None, _) => checks::roundtrip(&data),
            }
            assert!(
                start.elapsed() < limit,
                "{}: {:?}",
                f.display(),
                start.elapsed()
            );
            replayed += 1;
        }
    }
    println!("{replayed} fuzz findings replayed");
}
