//! Converts a file to another format, formats taken from the extensions.
//!
//! ```sh
//! cargo run --example convert -- fixtures/a-hrc-59-15/document.json /tmp/out.json
//! ```

use std::fs::File;
use std::io::{BufReader, BufWriter};

use undocs::{Format, ReadOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        return Err("usage: convert INPUT OUTPUT".into());
    };
    let from = Format::from_path(input).ok_or("unknown input extension")?;
    let to = Format::from_path(output).ok_or("unknown output extension")?;
    let warnings = undocs::convert(
        BufReader::new(File::open(input)?),
        from,
        BufWriter::new(File::create(output)?),
        to,
        &ReadOptions::default(),
    )?;
    for w in warnings {
        eprintln!("warning: {w}");
    }
    Ok(())
}
