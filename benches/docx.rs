//! DOCX write and read of the seed and of a generated 1,000-paragraph report. Read
//! throughput counts the package's uncompressed XML (what the reader parses), not the zip.

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

/// The uncompressed size of a package's XML parts.
fn xml_bytes(docx: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut total = 0;
    for i in 0..zip.len() {
        if let Ok(f) = zip.by_index(i)
            && (f.name().ends_with(".xml") || f.name().ends_with(".rels"))
        {
            total += f.size() as usize;
        }
    }
    total
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
    b.counter(divan::counter::BytesCount::new(xml_bytes(&bytes)))
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
    b.counter(divan::counter::BytesCount::new(xml_bytes(&bytes)))
        .bench(|| {
            undocs::read_bytes(black_box(&bytes), Format::Docx, &ReadOptions::default())
                .expect("read")
        });
}
