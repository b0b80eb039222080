//! The XML scanner against quick-xml, as DOCX parts and Akoma Ntoso are read (namespaces
//! resolved): on any input the scanner accepts only what quick-xml accepts, with the same
//! tree.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = undocs::fuzzing::xml_scanner_agrees(data) {
        panic!("{e}");
    }
});
