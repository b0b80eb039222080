//! Whatever a reader reads is written to every format undocs writes and read back
//! (checks.rs: `roundtrip`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::roundtrip(data));
