//! Writes a generated report with N numbered paragraphs (chapters, sections, footnotes,
//! symbol references) to a file, in the format of its extension. Used by
//! `benches/compare.sh`.
//!
//! ```sh
//! cargo run --example generate_report -- 1000 /tmp/report.docx
//! ```

#[path = "../benches/generate.rs"]
mod generate;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [n, out] = args.as_slice() else {
        return Err("usage: generate_report PARAGRAPHS OUTPUT".into());
    };
    let format = undocs::Format::from_path(out).ok_or("unknown output extension")?;
    let doc = generate::report(n.parse()?);
    undocs::write(&doc, format, std::fs::File::create(out)?)?;
    Ok(())
}
