// Included by the read_* targets: any input to one reader ends in a document or an error,
// never a panic, a hang or unbounded memory (libFuzzer's -timeout and -rss_limit_mb catch
// those).
use libfuzzer_sys::fuzz_target;

macro_rules! reader_target {
    ($format:ident) => {
        fuzz_target!(|data: &[u8]| {
            let options = undocs::ReadOptions::default().with_threads(1);
            let _ = undocs::read_bytes(data, undocs::Format::$format, &options);
        });
    };
}
