//! Whatever a reader reads (the first byte picks the format) is written to every format
//! undocs writes; a write that succeeds must read back, and JSON and Akoma Ntoso must give
//! back the same document.
#![no_main]

use libfuzzer_sys::fuzz_target;
use undocs::{Format, ReadOptions};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, input)) = data.split_first() else {
        return;
    };
    let from = [Format::Json, Format::Text, Format::Akn, Format::Docx][usize::from(pick) % 4];
    let opts = ReadOptions::default().with_threads(1);
    let Ok(read) = undocs::read_bytes(input, from, &opts) else {
        return;
    };
    let d = read.document;
    for to in [Format::Json, Format::Akn, Format::Docx] {
        let mut out = Vec::new();
        if undocs::write(&d, to, &mut out).is_err() {
            continue;
        }
        let back = undocs::read_bytes(&out, to, &opts)
            .unwrap_or_else(|e| panic!("{to:?} written but not read back: {e}"));
        if matches!(to, Format::Json | Format::Akn) {
            assert_eq!(back.document, d, "{to:?} gives back another document");
        }
    }
});
