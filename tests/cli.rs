//! The `undocs` command line, run as a user would.
#![cfg(feature = "cli")]

use std::process::{Command, Output};

fn undocs(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_undocs"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the undocs binary runs")
}

fn stdout_json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
}

const FIXTURE: &str = "fixtures/a-hrc-59-15/document.json";

#[test]
fn info_json_has_exactly_the_documented_keys_and_values() {
    let o = undocs(&["info", FIXTURE, "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v = stdout_json(&o);
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    keys.sort();
    let mut expected = vec![
        "symbols",
        "reissued",
        "organ",
        "subsidiary_body",
        "distribution",
        "date",
        "original_language",
        "other_original_languages",
        "language",
        "session",
        "agenda_items",
        "kind",
        "title",
        "subtitle",
        "title_notes",
        "job_number",
        "headings",
        "paragraph_numbers",
        "counts",
        "warnings",
    ];
    expected.sort();
    assert_eq!(keys, expected);
    assert_eq!(v["symbols"], serde_json::json!(["A/HRC/59/15"]));
    assert_eq!(v["reissued"], false);
    assert_eq!(v["organ"], "General Assembly");
    assert_eq!(v["subsidiary_body"], "Human Rights Council");
    assert_eq!(v["distribution"], "General");
    assert_eq!(v["date"], "2025-03-24");
    assert_eq!(v["original_language"], "English");
    assert_eq!(v["other_original_languages"], serde_json::json!([]));
    assert_eq!(v["language"], "English");
    assert_eq!(
        v["session"],
        serde_json::json!({"number": "59", "label": "Fifty-ninth session", "dates": "16 June–11 July 2025"})
    );
    assert_eq!(
        v["agenda_items"],
        serde_json::json!([{"number": "6", "title": "Universal periodic review"}])
    );
    assert_eq!(v["kind"], "report");
    assert_eq!(v["subtitle"], "Slovenia");
    assert_eq!(
        v["title_notes"],
        serde_json::json!([
            "* The annex is being circulated without formal editing, in the language of submission only."
        ])
    );
    assert_eq!(v["job_number"], "GE.25-02819 (E)");
    assert_eq!(
        v["headings"][1],
        serde_json::json!({"level": 1, "num": "I.", "text": "Summary of the proceedings of the review process"})
    );
    assert_eq!(v["headings"][2]["level"], 2);
    assert_eq!(v["headings"][0]["num"], serde_json::Value::Null);
    assert_eq!(v["paragraph_numbers"].as_array().unwrap().len(), 14);
    assert_eq!(v["counts"]["numbered_paragraphs"], 14);
    assert_eq!(v["counts"]["paragraphs"], 17);
    assert_eq!(v["counts"]["footnotes"], 3);
    assert_eq!(v["counts"]["headings"], 4);
    assert_eq!(v["warnings"], serde_json::json!([]));
}

#[test]
fn info_reads_stdin_and_set_overrides() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_undocs"))
        .args([
            "info",
            "-",
            "--json",
            "--set",
            "symbol=A/HRC/31/81*",
            "--set",
            "date=29 January 2016",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(br#"{"undocs":"1"}"#)
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let v = stdout_json(&o);
    assert_eq!(v["symbols"], serde_json::json!(["A/HRC/31/81"]));
    assert_eq!(v["reissued"], true);
    assert_eq!(v["date"], "2016-01-29");
    assert_eq!(v["organ"], serde_json::Value::Null);
}

#[test]
fn symbol_command_parses_and_rejects() {
    let o = undocs(&[
        "symbol",
        "A/HRC/WG.6/48/SVN/1",
        "S/RES/1244 (1999)",
        "A/HRC/27/9*",
    ]);
    assert!(o.status.success());
    let v = stdout_json(&o);
    assert_eq!(v[0]["country"], "SVN");
    assert_eq!(v[0]["bodies"], serde_json::json!(["HRC", "WG.6"]));
    assert_eq!(v[0]["akn_number"], "A-HRC-WG.6-48-SVN-1");
    assert_eq!(v[1]["serial"], "1244 (1999)");
    assert_eq!(v[1]["parentheticals"], serde_json::json!(["1999"]));
    assert_eq!(v[2]["symbol"], "A/HRC/27/9");
    assert_eq!(v[2]["reissued"], true);

    let o = undocs(&["symbol", "A/HRC/31/81", "HIV/AIDS"]);
    assert_eq!(o.status.code(), Some(1));
    let v = stdout_json(&o);
    assert_eq!(v[1]["input"], "HIV/AIDS");
    assert!(String::from_utf8_lossy(&o.stderr).contains("HIV"));
}

#[test]
fn convert_json_to_json_and_unsupported_formats() {
    let dir = std::env::temp_dir().join(format!("undocs-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("out.json");
    let o = undocs(&[
        "convert",
        FIXTURE,
        out.to_str().unwrap(),
        "--set",
        "title=Changed",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["meta"]["title"], "Changed");
    assert_eq!(v["undocs"], "2");

    // PDF is written, and read back (its embedded JSON) as the same document.
    let o = undocs(&["convert", FIXTURE, dir.join("out.pdf").to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = undocs(&[
        "convert",
        dir.join("out.pdf").to_str().unwrap(),
        dir.join("back.json").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = undocs(&["convert", FIXTURE, dir.join("first.json").to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        std::fs::read(dir.join("first.json")).unwrap(),
        std::fs::read(dir.join("back.json")).unwrap()
    );

    // Text is read, never written: a clear error, no output.
    let o = undocs(&["convert", FIXTURE, dir.join("out.md").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("read-only"));
    assert!(!dir.join("out.md").exists(), "no fake output");

    let o = undocs(&["convert", FIXTURE, "-", "--set", "colour=red"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--set key"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn check_and_roundtrip_exit_codes() {
    let o = undocs(&["check", FIXTURE]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stdout));
    let o = undocs(&["check", FIXTURE, "--set", "date=2999-01-01"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("in the future"));

    let o = undocs(&["roundtrip", FIXTURE]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("json: identical"));

    let o = undocs(&["info", "fixtures/does-not-exist.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("does-not-exist.json"));
}

#[test]
fn roundtrip_covers_every_written_format_on_real_files() {
    let o = undocs(&[
        "roundtrip",
        "fixtures/docx/01_FCCC_PA_CMA_2021_10_Add.3_EN.docx",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{out}");
    assert!(
        out.contains("json: identical") && out.contains("akn: identical"),
        "{out}"
    );
    // The Word reader gives formatting in the canonical nesting already: the round trip
    // through DOCX is exact, with no normalization.
    assert!(
        out.contains("docx: identical") && !out.contains("canonical nesting"),
        "{out}"
    );
    assert!(
        // (PDF through the JSON it embeds; its page layout is checked in tests/pdf_write.rs.)
        out.contains("pdf: identical") && out.contains("text: skipped (read-only format)"),
        "{out}"
    );
    let o = undocs(&[
        "roundtrip",
        "fixtures/a-hrc-31-81/source.md",
        "--set",
        "symbol=A/HRC/31/81*",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success() && out.contains("docx: identical ("),
        "{out}"
    );
}

#[test]
fn convert_says_what_the_reader_dropped_or_kept_as_text() {
    let out = std::env::temp_dir().join("undocs-cli-caption.json");
    let o = undocs(&[
        "convert",
        "fixtures/akn/silent-loss/akn-table-caption.xml",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("undocs: warning:") && err.contains("<caption>"),
        "{err}"
    );
}

#[test]
fn a_file_named_as_another_format_says_what_it_looks_like() {
    let misnamed = std::env::temp_dir().join("undocs-cli-misnamed.json");
    std::fs::copy("fixtures/docx/02_A_80_6_PlanOutline_EN.docx", &misnamed).unwrap();
    let o = undocs(&["info", misnamed.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("this looks like a DOCX (zip) file") && err.contains("--from docx"),
        "{err}"
    );
    // With --from, it reads.
    let o = undocs(&["info", misnamed.to_str().unwrap(), "--from", "docx"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn info_on_standard_input_sniffs_the_format_as_for_files() {
    let run = |file: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_undocs"))
            .args(["info", "-", "--json"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let bytes = std::fs::read(format!("{}/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        std::io::Write::write_all(child.stdin.as_mut().unwrap(), &bytes).unwrap();
        drop(child.stdin.take());
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{file}");
        stdout_json(&o)
    };
    // AKN (by its XML signature), DOCX (zip), and text (no signature).
    assert_eq!(
        run("fixtures/akn/constructed_akn4un_coverpage.xml")["symbols"][0],
        "A/HRC/31/81"
    );
    assert_eq!(
        run("fixtures/docx/02_A_80_6_PlanOutline_EN.docx")["symbols"][0],
        "A/80/6 (Plan outline)"
    );
    assert_eq!(
        run("fixtures/pdftotext/06_A_HRC_59_15_EN.txt")["symbols"][0],
        "A/HRC/59/15"
    );
}

#[test]
fn messages_say_what_is_accepted() {
    // --set date takes the printed form, and says so when it fails.
    let out = std::env::temp_dir().join("undocs-cli-date.json");
    let o = undocs(&[
        "convert",
        FIXTURE,
        out.to_str().unwrap(),
        "--set",
        "date=29 January 2016",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = undocs(&[
        "convert",
        FIXTURE,
        out.to_str().unwrap(),
        "--set",
        "date=29/01/2016",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("\"29 January 2016\""));
    // Text is read, never written.
    let o = undocs(&["convert", FIXTURE, "/tmp/undocs-cli-out.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("text is a read-only format"));
    // Counts in words, singular where one.
    let o = undocs(&["check", FIXTURE]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim_end(),
        "0 findings, 0 errors"
    );
}

/// `convert --out-dir`: files and folders in, outputs at their relative paths, a bad file
/// said on one line and the others converted, a summary, exit 1.
#[test]
fn convert_many_files_into_a_folder_keeps_going_past_a_bad_one() {
    let dir = std::env::temp_dir().join(format!("undocs-batch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let inputs = dir.join("in");
    std::fs::create_dir_all(inputs.join("sub")).unwrap();
    std::fs::copy(FIXTURE, inputs.join("a.json")).unwrap();
    std::fs::copy(FIXTURE, inputs.join("sub/b.json")).unwrap();
    std::fs::copy("fixtures/a-hrc-31-81/source.md", inputs.join("sub/seed.md")).unwrap();
    std::fs::write(inputs.join("broken.docx"), b"not a zip").unwrap();
    std::fs::write(inputs.join("notes.bin"), b"ignored: no reader takes it").unwrap();
    let out = dir.join("out");
    let o = undocs(&[
        "convert",
        "--to",
        "akn",
        "--jobs",
        "2",
        inputs.to_str().unwrap(),
        "fixtures/a-hrc-31-81/expected.json",
        "--out-dir",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    for f in [
        "a.akn.xml",
        "sub/b.akn.xml",
        "sub/seed.akn.xml",
        "expected.akn.xml",
    ] {
        let back = undocs::read_path(out.join(f), &undocs::ReadOptions::default())
            .unwrap_or_else(|e| panic!("{f}: {e}"));
        assert!(
            !back.document.meta.symbols.is_empty() || f == "sub/seed.akn.xml",
            "{f}"
        );
    }
    assert!(!out.join("broken.akn.xml").exists());
    let failures: Vec<&str> = err.lines().filter(|l| l.contains("failed: ")).collect();
    assert_eq!(failures.len(), 1, "{err}");
    assert!(
        failures[0].contains("broken.docx") && failures[0].contains("not a zip"),
        "{err}"
    );
    assert!(
        err.lines()
            .last()
            .is_some_and(|l| l.contains("4 of 5 converted") && l.contains("1 failed")),
        "{err}"
    );
    // Without --to it is an error that says so.
    let o = undocs(&[
        "convert",
        inputs.to_str().unwrap(),
        "--out-dir",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--to FORMAT"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `convert --out-dir` overwrites nothing by surprise: two inputs with one output both fail,
/// each naming the other, and nothing is written for them; an output that would replace
/// its own input fails and leaves the input as it was; the output folder inside an input
/// folder is not read again on a second run; a file given twice is converted once.
#[test]
fn convert_many_refuses_outputs_that_collide_or_replace_an_input() {
    let dir = std::env::temp_dir().join(format!("undocs-batch-clash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let inputs = dir.join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    std::fs::copy(FIXTURE, inputs.join("x.json")).unwrap();
    std::fs::copy("fixtures/a-hrc-31-81/source.md", inputs.join("x.md")).unwrap();
    std::fs::copy(FIXTURE, inputs.join("y.json")).unwrap();
    let out = inputs.join("out");
    let run = |to: &str, out: &std::path::Path, extra: &[&str]| {
        let mut args = vec!["convert", "--to", to, "--out-dir", out.to_str().unwrap()];
        args.push(inputs.to_str().unwrap());
        args.extend_from_slice(extra);
        let o = undocs(&args);
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let y = inputs.join("y.json");
    let (code, err) = run("akn", &out, &[y.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{err}");
    let failures: Vec<&str> = err.lines().filter(|l| l.contains("failed: ")).collect();
    assert_eq!(failures.len(), 2, "{err}");
    for (me, other) in [("x.json", "x.md"), ("x.md", "x.json")] {
        assert!(
            failures.iter().any(
                |l| l.contains(&format!("failed: {}", inputs.join(me).display()))
                    && l.contains("also the output of")
                    && l.contains(other)
            ),
            "{err}"
        );
    }
    assert!(!out.join("x.akn.xml").exists());
    assert!(out.join("y.akn.xml").exists());
    // y.json given twice (in the folder, and by name): converted once.
    assert!(
        err.lines()
            .last()
            .is_some_and(|l| l.contains("1 of 3 converted")),
        "{err}"
    );
    // A second run: out/y.akn.xml is not an input of it.
    let (_, err) = run("akn", &out, &[]);
    assert!(
        err.lines()
            .last()
            .is_some_and(|l| l.contains("of 3 converted")),
        "{err}"
    );
    // Into the input folder, in the input's own format: refused, the input unchanged.
    let before = std::fs::read(&y).unwrap();
    let (code, err) = run("json", &inputs, &[]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.lines()
            .any(|l| l.contains("y.json") && l.contains("would replace its own input")),
        "{err}"
    );
    assert_eq!(std::fs::read(&y).unwrap(), before);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Output goes to its file only once complete: a write that fails (a control character
/// XML cannot carry) leaves an existing file as it was and no temporary file behind; one
/// that succeeds replaces it.
#[test]
fn a_failed_conversion_leaves_the_existing_output_untouched() {
    let dir = std::env::temp_dir().join(format!("undocs-cli-atomic-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("bad.json");
    std::fs::write(
        &input,
        r#"{"undocs":"2","meta":{},"body":[{"paragraph":{"content":[{"text":"a\u0001b"}]}}]}"#,
    )
    .unwrap();
    let out = dir.join("out.xml");
    std::fs::write(&out, "before").unwrap();
    let o = undocs(&["convert", input.to_str().unwrap(), out.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("U+0001"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "before");
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    // A good document replaces it.
    let good = dir.join("good.json");
    std::fs::write(
        &good,
        r#"{"undocs":"2","meta":{},"body":[{"paragraph":{"content":[{"text":"ab"}]}}]}"#,
    )
    .unwrap();
    let o = undocs(&["convert", good.to_str().unwrap(), out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("<akomaNtoso")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `info` lists the headings as a tree; a division without heading text (debates have
/// them) shows as "(no heading)" at its place, not as an empty line; two original
/// languages print as "English/French".
#[test]
fn info_lists_untitled_divisions_and_every_original_language() {
    let dir = std::env::temp_dir().join(format!("undocs-cli-info-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("untitled.json");
    std::fs::write(
        &input,
        r#"{"undocs":"2","meta":{"original_language":"en","other_original_languages":["fr"]},
        "body":[{"division":{"kind":"chapter","heading":[],"content":[
          {"division":{"kind":"section","num":"A.","heading":[{"text":"Prayers"}],"content":[]}}]}}]}"#,
    )
    .unwrap();
    let o = undocs(&["info", input.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let headings: Vec<&str> = out
        .lines()
        .skip_while(|l| *l != "Headings:")
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .collect();
    assert_eq!(headings, ["  (no heading)", "    A. Prayers"], "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("Original:") && l.ends_with("English/French")),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// `roundtrip --ignore-embedded` reads the PDF back from its page layout (it was accepted
/// and not used): a link, which the layout route does not read yet, is a difference
/// there, and none through the embedded JSON.
#[test]
fn roundtrip_reads_the_pdf_layout_when_asked() {
    let dir = std::env::temp_dir().join(format!("undocs-cli-rt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("link.json");
    std::fs::write(
        &input,
        r#"{"undocs":"2","meta":{"symbols":["A/HRC/31/81"]},"body":[{"paragraph":{"num":"1.","content":[
          {"text":"See "},{"link":{"url":"https://www.ohchr.org/","content":[{"text":"the site"}]}},{"text":"."}]}}]}"#,
    )
    .unwrap();
    let pdf_line = |args: &[&str]| {
        let o = undocs(args);
        let out = String::from_utf8_lossy(&o.stdout).into_owned();
        let line = out
            .lines()
            .find(|l| l.starts_with("pdf:"))
            .unwrap_or("")
            .to_string();
        (o.status.code(), line, out)
    };
    let (code, line, out) = pdf_line(&["roundtrip", input.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}");
    assert!(line.starts_with("pdf: identical"), "{out}");
    let (code, line, out) = pdf_line(&["roundtrip", "--ignore-embedded", input.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        line.starts_with("pdf: DIFFERS") && out.contains(r#""See " ≠ "See the site.""#),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
