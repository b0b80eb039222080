//! One-feature cases: `fixtures/cases/NAME.md` read as text, or `NAME.docx` read as a Word
//! file by others (built by `fixtures/cases/build_docx.py`), must give `NAME.json` (the
//! document, as undocs JSON) and `NAME.warnings.txt` (the warnings, one a line). Each
//! expected file was written by `UNDOCS_BLESS=1 cargo test --test cases` and then reviewed
//! by hand against its source; fixtures/cases/README.md says what each case checks and what
//! was verified.

use std::path::Path;

use undocs::{Format, ReadOptions};

fn check(src: &Path) -> Result<(), String> {
    let bytes = std::fs::read(src).map_err(|e| e.to_string())?;
    let format = if src.extension().is_some_and(|e| e == "docx") {
        Format::Docx
    } else {
        Format::Text
    };
    let read = undocs::read_bytes(&bytes, format, &ReadOptions::default())
        .map_err(|e| format!("{}: {e}", src.display()))?;
    let mut json = Vec::new();
    undocs::write(&read.document, Format::Json, &mut json).map_err(|e| e.to_string())?;
    let json = String::from_utf8(json).map_err(|e| e.to_string())?;
    let warnings: String = read.warnings.iter().map(|w| format!("{w}\n")).collect();
    let json_path = src.with_extension("json");
    let warn_path = src.with_extension("warnings.txt");
    if std::env::var("UNDOCS_BLESS").as_deref() == Ok("1") {
        std::fs::write(&json_path, &json).map_err(|e| e.to_string())?;
        std::fs::write(&warn_path, &warnings).map_err(|e| e.to_string())?;
        return Ok(());
    }
    let want_json = std::fs::read_to_string(&json_path)
        .map_err(|e| format!("{}: {e} (bless with UNDOCS_BLESS=1)", json_path.display()))?;
    let want_warnings = std::fs::read_to_string(&warn_path)
        .map_err(|e| format!("{}: {e} (bless with UNDOCS_BLESS=1)", warn_path.display()))?;
    let mut problems = Vec::new();
    if json != want_json {
        let want = undocs::read_bytes(want_json.as_bytes(), Format::Json, &ReadOptions::default())
            .map_err(|e| e.to_string())?
            .document;
        problems.push(format!(
            "{}: document differs: {:#?}",
            src.display(),
            undocs::json::differences(&want, &read.document, 10)
        ));
    }
    if warnings != want_warnings {
        problems.push(format!(
            "{}: warnings differ:\n{warnings}---- expected:\n{want_warnings}",
            src.display()
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn every_case_reads_as_reviewed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/cases");
    let mut sources: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/cases")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "md" || e == "txt" || e == "docx")
        })
        .filter(|p| !p.to_string_lossy().ends_with(".warnings.txt"))
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    sources.sort();
    assert!(sources.len() >= 4, "{sources:?}");
    let failures: Vec<String> = sources.iter().filter_map(|s| check(s).err()).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
