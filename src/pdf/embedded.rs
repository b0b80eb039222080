//! The document's JSON embedded in a PDF undocs wrote: an associated file named
//! `undocs.json` (listed in the catalog's `/AF` array and its `EmbeddedFiles` name tree).
//! When it is there, it is the document, exactly; the page layout is read only when it is
//! missing or unreadable, or when [`ReadOptions::ignore_embedded`] asks for it.

use hayro_syntax::Pdf;
use hayro_syntax::object::{Array, Dict, Stream, String as PdfString};

use super::write::EMBEDDED_NAME;
use crate::{Format, Location, ReadOptions, ReadOutput, Result, Warning, WarningKind};

/// What the embedded JSON gave.
pub(crate) enum Embedded {
    /// No `undocs.json` in the file.
    None,
    /// The document it holds.
    Read(Box<ReadOutput>),
    /// One is there but could not be read: why (the layout is read instead).
    Broken(Warning),
}

fn named(spec: &Dict<'_>) -> bool {
    [&b"UF"[..], &b"F"[..]].iter().any(|k| {
        spec.get::<PdfString>(*k)
            .is_some_and(|s| s.as_bytes() == EMBEDDED_NAME.as_bytes())
    })
}

/// The file specifications the catalog lists: `/AF`, then the `EmbeddedFiles` name tree's
/// top level.
fn specs<'a>(catalog: &Dict<'a>) -> Vec<Dict<'a>> {
    let mut out: Vec<Dict<'a>> = Vec::new();
    if let Some(af) = catalog.get::<Array>(b"AF") {
        out.extend(af.iter::<Dict>());
    }
    if let Some(names) = catalog
        .get::<Dict>(b"Names")
        .and_then(|n| n.get::<Dict>(b"EmbeddedFiles"))
        .and_then(|e| e.get::<Array>(b"Names"))
    {
        out.extend(names.iter::<Dict>());
    }
    out
}

/// Looks for the embedded JSON and reads it.
pub(crate) fn read(pdf: &Pdf, options: &ReadOptions) -> Result<Embedded> {
    let Some(catalog) = pdf.xref().get::<Dict>(pdf.xref().root_id()) else {
        return Ok(Embedded::None);
    };
    let Some(spec) = specs(&catalog).into_iter().find(named) else {
        return Ok(Embedded::None);
    };
    let broken = |why: String| {
        Ok(Embedded::Broken(
            Warning::new(
                Format::Pdf,
                Location::part(EMBEDDED_NAME),
                format!("the embedded {EMBEDDED_NAME} could not be read ({why}); the page layout was read instead"),
            )
            .with_kind(WarningKind::Dropped),
        ))
    };
    let Some(stream) = spec
        .get::<Dict>(b"EF")
        .and_then(|ef| ef.get::<Stream>(b"F").or_else(|| ef.get::<Stream>(b"UF")))
    else {
        return broken("its file specification has no stream".into());
    };
    // The declared length of the raw data is checked before anything is inflated.
    if stream.raw_data().len() as u64 > options.max_part_bytes {
        return broken(format!(
            "larger than ReadOptions::max_part_bytes ({} bytes)",
            options.max_part_bytes
        ));
    }
    let data = match stream.decoded() {
        Ok(d) => d,
        Err(e) => return broken(format!("its stream does not decode: {e:?}")),
    };
    if data.len() as u64 > options.max_part_bytes {
        return broken(format!(
            "it inflates past ReadOptions::max_part_bytes ({} bytes)",
            options.max_part_bytes
        ));
    }
    match crate::json::read(&data, options) {
        Ok(r) => Ok(Embedded::Read(Box::new(r))),
        Err(e) => broken(e.to_string()),
    }
}
