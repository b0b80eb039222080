//! JSON read and write on a generated 1,000-paragraph report and on the A/HRC/59/15 fixture.

mod generate;

use divan::{Bencher, black_box};
use undocs::{Format, ReadOptions};

fn main() {
    divan::main();
}

fn fixture() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/a-hrc-59-15/document.json"
    ))
    .expect("fixture")
}

fn json_of(doc: &undocs::model::Document) -> Vec<u8> {
    let mut out = Vec::new();
    undocs::write(doc, Format::Json, &mut out).expect("write");
    out
}

#[divan::bench(args = [100, 1000])]
fn write_generated(b: Bencher, paragraphs: usize) {
    let doc = generate::report(paragraphs);
    b.counter(divan::counter::BytesCount::new(json_of(&doc).len()))
        .bench(|| json_of(black_box(&doc)));
}

#[divan::bench(args = [100, 1000])]
fn read_generated(b: Bencher, paragraphs: usize) {
    let bytes = json_of(&generate::report(paragraphs));
    b.counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| {
            undocs::read_bytes(black_box(&bytes), Format::Json, &ReadOptions::default())
                .expect("read")
        });
}

#[divan::bench]
fn read_fixture(b: Bencher) {
    let bytes = fixture();
    b.counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| {
            undocs::read_bytes(black_box(&bytes), Format::Json, &ReadOptions::default())
                .expect("read")
        });
}

/// Baseline: serde_json parsing the same bytes into an untyped `Value`.
#[divan::bench(args = [1000])]
fn baseline_serde_value(b: Bencher, paragraphs: usize) {
    let bytes = json_of(&generate::report(paragraphs));
    b.counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| serde_json::from_slice::<serde_json::Value>(black_box(&bytes)).expect("parse"));
}
