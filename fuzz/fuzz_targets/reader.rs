// Included by the read_* targets: any input to one reader ends in a document or an error
// (checks.rs).
use libfuzzer_sys::fuzz_target;

#[path = "checks.rs"]
mod checks;

macro_rules! reader_target {
    ($format:ident) => {
        fuzz_target!(|data: &[u8]| checks::read_any(data, undocs::Format::$format));
    };
}
