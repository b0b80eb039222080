// The properties the fuzz targets check, shared with tests/fuzz_regressions.rs, which
// replays every finding kept under tests/fuzz-regressions/TARGET/ in `cargo test`.

/// Any input to one reader ends in a document or an error, never a panic, a hang or
/// unbounded memory (libFuzzer's -timeout and -rss_limit_mb catch those).
#[allow(dead_code)]
pub fn read_any(data: &[u8], format: undocs::Format) {
    let options = undocs::ReadOptions::default().with_threads(1);
    let held = undocs::read_bytes(data, format, &options);
    // Akoma Ntoso and DOCX read streamed (as large inputs are): the same document where
    // either reading gives one (their errors may differ: a held input is checked to be
    // UTF-8 before it is parsed, a stream as it comes).
    let streamed = match format {
        undocs::Format::Akn => undocs::akn::read_from(data, &options),
        undocs::Format::Docx => {
            undocs::read_bytes(data, format, &options.clone().with_stream_from(0))
        }
        _ => return,
    };
    match (held, streamed) {
        (Ok(h), Ok(s)) => {
            assert_eq!(h.document, s.document, "held and streamed readings differ");
            assert_eq!(h.warnings, s.warnings, "held and streamed warnings differ");
        }
        (Err(_), Err(_)) => {}
        (Ok(_), Err(e)) => panic!("read held, but not streamed: {e}"),
        (Err(e), Ok(_)) => panic!("read streamed, but not held: {e}"),
    }
}

/// Whatever a reader reads (the first byte picks the format) is written to every format
/// undocs writes; a write that succeeds must read back, and JSON, Akoma Ntoso and PDF (its
/// embedded JSON) must give back the same document.
#[allow(dead_code)]
pub fn roundtrip(data: &[u8]) {
    use undocs::{Format, ReadOptions};
    let Some((&pick, input)) = data.split_first() else {
        return;
    };
    let from = [Format::Json, Format::Text, Format::Akn, Format::Docx][usize::from(pick) % 4];
    let opts = ReadOptions::default().with_threads(1);
    let Ok(read) = undocs::read_bytes(input, from, &opts) else {
        return;
    };
    let d = read.document;
    for to in [Format::Json, Format::Akn, Format::Docx, Format::Pdf] {
        let mut out = Vec::new();
        if undocs::write(&d, to, &mut out).is_err() {
            continue;
        }
        let back = undocs::read_bytes(&out, to, &opts)
            .unwrap_or_else(|e| panic!("{to:?} written but not read back: {e}"));
        if matches!(to, Format::Json | Format::Akn | Format::Pdf) {
            assert_eq!(back.document, d, "{to:?} gives back another document");
        }
    }
}
