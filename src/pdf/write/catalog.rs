//! One change to the finished file, in its catalog: krilla writes `/MarkInfo<</Marked true
//! /Suspects false>>`, and poppler before 23.x (Debian 12 has 22.12) reads a `false` there
//! as a wrong type: every poppler tool run on the file (pdftotext, pdfinfo, pdftoppm…)
//! printed "Syntax Error: Suspects object is wrong type (boolean)". `Suspects` is optional
//! and false when absent (ISO 32000-1, table 321), so the entry is blanked out with as many
//! spaces, which keeps every byte offset of the file (the cross-reference table) true.
//!
//! Only the catalog is touched: found through the trailer's `/Root` and the
//! cross-reference table, never by searching the file, so a document whose text holds the
//! same characters keeps them. Anything not as expected leaves the file as krilla wrote it.

/// The entry blanked out.
const ENTRY: &[u8] = b"/Suspects false";

/// The file with the catalog's `/Suspects false` blanked out (see the module's comment);
/// unchanged when the catalog has no such entry or the file is not laid out as krilla lays
/// it out (a classic cross-reference table, the catalog an uncompressed object).
pub(super) fn without_suspects(mut pdf: Vec<u8>) -> Vec<u8> {
    if let Some(range) = entry_in_catalog(&pdf) {
        pdf[range].fill(b' ');
    }
    pdf
}

/// Where `/Suspects false` stands in the catalog object.
fn entry_in_catalog(pdf: &[u8]) -> Option<std::ops::Range<usize>> {
    // The tail: "trailer <<… /Root N 0 R …>> startxref OFFSET %%EOF".
    let tail_from = pdf.len().saturating_sub(1024);
    let tail = &pdf[tail_from..];
    let trailer = rfind(tail, b"trailer")?;
    let root: usize = number_after(&tail[trailer..], b"/Root")?;
    let startxref = rfind(tail, b"startxref")?;
    let xref_at: usize = number_after(&tail[startxref..], b"startxref")?;
    // "xref\n0 COUNT\n" then 20-byte entries: "OFFSET GEN n\r\n" (10 + 1 + 5 + 1 + 1 + 2).
    let xref = pdf.get(xref_at..)?;
    let rest = xref.strip_prefix(b"xref")?;
    // (One subsection, from object 0: the first entry starts after its "0 COUNT" line.)
    if first_number(rest)? != 0 {
        return None;
    }
    let entries = skip_line(rest, 0)?;
    let entry_at = b"xref".len() + entries + root.checked_mul(20)?;
    let entry = xref.get(entry_at..entry_at + 20)?;
    if entry.get(17) != Some(&b'n') {
        return None;
    }
    let obj_at: usize = std::str::from_utf8(entry.get(..10)?).ok()?.parse().ok()?;
    // The object, "N 0 obj … endobj", and the entry inside it.
    let obj = pdf.get(obj_at..)?;
    let head = format!("{root} 0 obj");
    if !obj.starts_with(head.as_bytes()) {
        return None;
    }
    let end = find(obj, b"endobj")?;
    let body = &obj[..end];
    find(body, b"/Type/Catalog")?;
    let at = find(body, ENTRY)?;
    // Not a prefix of a longer name ("/Suspects falsehood" is no boolean).
    match body.get(at + ENTRY.len()) {
        Some(b'/' | b'>' | b' ' | b'\n' | b'\r') => Some(obj_at + at..obj_at + at + ENTRY.len()),
        _ => None,
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The number after `key` (white space between), in the first line or so after it.
fn number_after(s: &[u8], key: &[u8]) -> Option<usize> {
    let at = find(s, key)? + key.len();
    first_number(s.get(at..)?)
}

/// The first run of digits, after white space only.
fn first_number(s: &[u8]) -> Option<usize> {
    let start = s.iter().position(|b| !b.is_ascii_whitespace())?;
    let len = s[start..].iter().take_while(|b| b.is_ascii_digit()).count();
    std::str::from_utf8(&s[start..start + len])
        .ok()?
        .parse()
        .ok()
}

/// The index just past the end of the line that starts at `from` (after its `\n`, or
/// its `\r\n` or `\r`).
fn skip_line(s: &[u8], from: usize) -> Option<usize> {
    let from = from
        + s.get(from..)?
            .iter()
            .take_while(|b| **b == b'\n' || **b == b'\r')
            .count();
    let nl = s
        .get(from..)?
        .iter()
        .position(|b| *b == b'\n' || *b == b'\r')?;
    let mut end = from + nl + 1;
    if s.get(from + nl) == Some(&b'\r') && s.get(end) == Some(&b'\n') {
        end += 1;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small file laid out as krilla lays one out, its catalog object 2.
    fn file(catalog: &str) -> Vec<u8> {
        file_with(catalog, "<</Type/Pages/Kids[]/Count 0>>")
    }

    /// [`file`] with object 1 as given.
    fn file_with(catalog: &str, first: &str) -> Vec<u8> {
        let objects = [
            format!("1 0 obj\n{first}\nendobj\n"),
            format!("2 0 obj\n{catalog}\nendobj\n"),
        ];
        let mut pdf = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for o in &objects {
            offsets.push(pdf.len());
            pdf.extend_from_slice(o.as_bytes());
        }
        let xref = pdf.len();
        pdf.extend_from_slice(b"xref\n0 3\n0000000000 65535 f\r\n");
        for o in offsets {
            pdf.extend_from_slice(format!("{o:010} 00000 n\r\n").as_bytes());
        }
        pdf.extend_from_slice(
            format!("trailer\n<</Size 3/Root 2 0 R>>\nstartxref\n{xref}\n%%EOF").as_bytes(),
        );
        pdf
    }

    #[test]
    fn the_catalogs_suspects_entry_is_blanked_and_nothing_else_moves() {
        let before = file("<</Type/Catalog/Pages 1 0 R/MarkInfo<</Marked true/Suspects false>>>>");
        let after = without_suspects(before.clone());
        assert_eq!(after.len(), before.len());
        let text = String::from_utf8(after).unwrap();
        assert!(
            text.contains("/MarkInfo<</Marked true               >>"),
            "{text}"
        );
        assert!(!text.contains("Suspects"));
        // Everything else is byte for byte as it was.
        let diff: Vec<usize> = text
            .bytes()
            .zip(&before)
            .enumerate()
            .filter(|(_, (a, b))| a != *b)
            .map(|(i, _)| i)
            .collect();
        // (The entry's own space stays a space.)
        assert_eq!(diff.len(), ENTRY.len() - 1);
        assert!(diff.last().unwrap() - diff[0] < ENTRY.len());
    }

    #[test]
    fn anything_unexpected_leaves_the_file_as_it_was() {
        for catalog in [
            // No such entry; another value; a longer name; not the catalog.
            "<</Type/Catalog/Pages 1 0 R/MarkInfo<</Marked true>>>>",
            "<</Type/Catalog/Pages 1 0 R/MarkInfo<</Marked true/Suspects true>>>>",
            "<</Type/Catalog/Pages 1 0 R/MarkInfo<</Marked true/Suspects falsey>>>>",
            "<</Type/Page/MarkInfo<</Marked true/Suspects false>>>>",
        ] {
            let before = file(catalog);
            assert_eq!(without_suspects(before.clone()), before, "{catalog}");
        }
        // The same characters outside the catalog (in a string) are left alone.
        let before = file_with(
            "<</Type/Catalog/Pages 1 0 R>>",
            "<</Type/Pages/Kids[]/Count 0/Note(/MarkInfo<</Marked true/Suspects false>>)>>",
        );
        assert_eq!(without_suspects(before.clone()), before);
        let both = file_with(
            "<</Type/Catalog/MarkInfo<</Marked true/Suspects false>>>>",
            "<</Type/Pages/Note(/Suspects false)>>",
        );
        let text = String::from_utf8(without_suspects(both)).unwrap();
        assert!(text.contains("/Note(/Suspects false)"), "{text}");
        assert!(text.contains("/Marked true               >>"), "{text}");
        // Cut short, or no trailer at all.
        let whole = file("<</Type/Catalog/Pages 1 0 R/MarkInfo<</Marked true/Suspects false>>>>");
        for cut in [0, 10, whole.len() / 2, whole.len() - 30] {
            let part = whole[..cut].to_vec();
            assert_eq!(without_suspects(part.clone()), part);
        }
    }
}
