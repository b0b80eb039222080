//! Writes a generated UN-style report of about N pages as a PDF (benches/support/pdfgen.rs:
//! standard fonts, numbered paragraphs across pages, footnotes at the foot of their page).
//! Used by `benches/compare.sh` to time the PDF reader against pdftotext as pages grow.
//!
//! ```sh
//! cargo run --example generate_pdf -- 300 /tmp/report-300.pdf
//! ```

#[path = "../benches/support/pdfgen.rs"]
mod pdfgen;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [n, out] = args.as_slice() else {
        return Err("usage: generate_pdf PAGES OUTPUT".into());
    };
    let g = pdfgen::report_pdf(n.parse()?);
    std::fs::write(out, &g.pdf)?;
    eprintln!(
        "{out}: {} pages, {} paragraphs, {} footnotes",
        g.pages, g.paragraphs, g.notes
    );
    Ok(())
}
