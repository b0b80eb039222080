//! Akoma Ntoso write and read of the seed and of a generated 1,000-paragraph report, beside
//! a bare quick-xml event scan of the same bytes (the floor any reader stands on).

mod generate;

use divan::{Bencher, black_box};
use undocs::model::Document;
use undocs::{Format, ReadOptions};

fn main() {
    divan::main();
}

fn doc(which: &str) -> Document {
    match which {
        "seed" => generate::seed(),
        _ => generate::report(1000),
    }
}

fn xml(d: &Document) -> Vec<u8> {
    let mut out = Vec::new();
    undocs::write(d, Format::Akn, &mut out).expect("write");
    out
}

/// Every event of the input, nothing kept: what reading costs before any mapping.
fn scan(bytes: &[u8]) -> usize {
    let text = std::str::from_utf8(bytes).expect("utf-8");
    let mut r = quick_xml::reader::NsReader::from_str(text);
    let mut n = 0;
    loop {
        match r.read_resolved_event() {
            Ok((_, quick_xml::events::Event::Eof)) => break,
            Ok(_) => n += 1,
            Err(e) => panic!("{e}"),
        }
    }
    n
}

const DOCS: [&str; 2] = ["seed", "generated-1000"];

#[divan::bench(args = DOCS)]
fn write(b: Bencher, which: &str) {
    let d = doc(which);
    b.counter(divan::counter::BytesCount::new(xml(&d).len()))
        .bench(|| xml(black_box(&d)));
}

#[divan::bench(args = DOCS)]
fn read(b: Bencher, which: &str) {
    let bytes = xml(&doc(which));
    b.counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| {
            undocs::read_bytes(black_box(&bytes), Format::Akn, &ReadOptions::default())
                .expect("read")
        });
}

/// The same bytes streamed (`akn::read_from`, as `read_path` reads files past
/// `ReadOptions::stream_from`): names and texts copied out of the reader's buffer.
#[divan::bench(args = DOCS)]
fn read_streamed(b: Bencher, which: &str) {
    let bytes = xml(&doc(which));
    b.counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| {
            undocs::akn::read_from(black_box(&bytes[..]), &ReadOptions::default()).expect("read")
        });
}

#[divan::bench(args = DOCS)]
fn bare_scan(b: Bencher, which: &str) {
    let bytes = xml(&doc(which));
    b.counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| scan(black_box(&bytes)));
}
