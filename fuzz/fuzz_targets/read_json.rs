//! The json reader on any input (see reader.rs).
#![no_main]
include!("reader.rs");
reader_target!(Json);
