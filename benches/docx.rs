//! DOCX write and read of the seed and of a generated 1,000-paragraph report.

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

fn docx(d: &Document) -> Vec<u8> {
    let mut out = Vec::new();
    undocs::write(d, Format::Docx, &mut out).expect("write");
    out
}

const DOCS: [&str; 2] = ["seed", "generated-1000"];

#[divan::bench(args = DOCS)]
fn write(b: Bencher, which: &str) {
    let d = doc(which);
    b.bench(|| docx(black_box(&d)));
}

#[divan::bench(args = DOCS)]
fn read(b: Bencher, which: &str) {
    let bytes = docx(&doc(which));
    b.counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| {
            undocs::read_bytes(black_box(&bytes), Format::Docx, &ReadOptions::default())
                .expect("read")
        });
}

/// A real UN Word file (sample 01: 19 decisions, 84 footnotes), through the reader for
/// files of the UN templates.
#[divan::bench]
fn read_un_sample_01(b: Bencher) {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/docx/01_FCCC_PA_CMA_2021_10_Add.3_EN.docx"
    ))
    .expect("sample");
    b.counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| {
            undocs::read_bytes(black_box(&bytes), Format::Docx, &ReadOptions::default())
                .expect("read")
        });
}
