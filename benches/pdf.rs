//! PDF writing: the seed and generated reports of 100, 1,000 and 10,000 paragraphs (about
//! 10 to 800 pages; the time per paragraph should stay flat). PDF reading: generated UN-style reports of 10, 100 and 300 pages (benches/support/
//! pdfgen.rs; the time per page should stay flat as pages grow), and real UN PDFs of
//! ../shared/samples when that folder is there. Whole-process ratios against pdftotext
//! are printed by benches/compare.sh.

#[path = "generate.rs"]
mod generate;
#[path = "support/pdfgen.rs"]
mod pdfgen;

use divan::{Bencher, black_box};
use undocs::{Format, ReadOptions};

fn main() {
    divan::main();
}

/// Pages counted, so that divan prints the time per page beside the time per file.
#[divan::bench(args = [10, 100, 300])]
fn read_generated(b: Bencher, pages: usize) {
    let g = pdfgen::report_pdf(pages);
    b.counter(divan::counter::ItemsCount::new(g.pages))
        .bench(|| {
            undocs::read_bytes(black_box(&g.pdf), Format::Pdf, &ReadOptions::default())
                .expect("read")
        });
}

const SAMPLES: [&str; 3] = [
    "un/06_A_HRC_59_15_EN.pdf",
    "upr/algeria2008.pdf",
    "upr/angola2014.pdf",
];

#[divan::bench(args = SAMPLES)]
fn read_sample(b: Bencher, file: &str) {
    let path = format!("{}/../shared/samples/{file}", env!("CARGO_MANIFEST_DIR"));
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("SKIPPED (bench read_sample): {path} is not there");
        return;
    };
    b.counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| {
            undocs::read_bytes(black_box(&bytes), Format::Pdf, &ReadOptions::default())
                .expect("read")
        });
}

#[divan::bench]
fn write_seed(b: Bencher) {
    let doc = generate::seed();
    b.bench(|| {
        let mut out = Vec::new();
        undocs::write(black_box(&doc), Format::Pdf, &mut out).expect("write");
        out
    });
}

/// Paragraphs counted, so that divan prints the time per paragraph.
#[divan::bench(args = [100, 1000, 10000], sample_count = 10)]
fn write_generated(b: Bencher, paragraphs: usize) {
    let doc = generate::report(paragraphs);
    b.counter(divan::counter::ItemsCount::new(paragraphs))
        .bench(|| {
            let mut out = Vec::new();
            undocs::write(black_box(&doc), Format::Pdf, &mut out).expect("write");
            out
        });
}
