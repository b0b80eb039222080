//! undocs JSON: the model as JSON, with a schema version.
//!
//! The top level is an object `{"undocs": "2", "meta": {…}, "body": […], "annexes": […]}`.
//! Field names are the model's, in snake_case; enums are externally tagged
//! (`{"paragraph": {…}}`, `{"text": "…"}`); dates are ISO strings, languages ISO 639-1 codes,
//! symbols and job numbers their printed form. Unknown fields are an error naming their JSON
//! path. The JSON Schema is `schema/undocs.schema.json` (see [`schema`]).

use serde::{Deserialize, Serialize};

use crate::model::{Annex, Block, Document, Meta};
use crate::{Error, Format, ReadOptions, ReadOutput, Result};

/// The schema version written in the `"undocs"` field.
///
/// Version 2 renamed `meta.body` (the subsidiary body) to `meta.subsidiary_body`; version 1
/// files are still read.
pub const SCHEMA_VERSION: &str = "2";

/// The schema versions this build reads.
pub const READ_VERSIONS: &[&str] = &["1", "2"];

/// An undocs JSON document (the shape of the file).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "schema",
    schemars(title = "undocs document", rename = "UndocsDocument")
)]
struct Envelope {
    /// The schema version: "2" (or "1" when reading).
    undocs: String,
    /// The masthead and metadata.
    #[serde(default)]
    meta: Meta,
    /// The main body.
    #[serde(default)]
    body: Vec<Block>,
    /// Annexes, in order.
    #[serde(default)]
    annexes: Vec<Annex>,
}

#[derive(Serialize)]
struct EnvelopeRef<'a> {
    undocs: &'static str,
    meta: &'a Meta,
    body: &'a [Block],
    #[serde(skip_serializing_if = "<[Annex]>::is_empty")]
    annexes: &'a [Annex],
}

/// The envelope of undocs JSON. Read once without tracking where the parser is (tracking
/// took an eighth of a read: 47.7 M instructions against 41.4 M on the generated
/// 1,000-paragraph report, callgrind); only when that fails is the input read
/// again with `serde_path_to_error`, for the error to name the path of what failed
/// (the same error at the same place: the parse is the same).
fn envelope(bytes: &[u8]) -> Result<Envelope> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    if let Ok(env) = Envelope::deserialize(&mut de)
        && de.end().is_ok()
    {
        return Ok(env);
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let env: Envelope = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        Error::Json {
            path,
            line: inner.line(),
            column: inner.column(),
            message: strip_position(&inner),
        }
    })?;
    de.end().map_err(|e| Error::Json {
        path: ".".into(),
        line: e.line(),
        column: e.column(),
        message: strip_position(&e),
    })?;
    Ok(env)
}

/// Reads undocs JSON.
pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<ReadOutput> {
    if crate::encoding::utf16(bytes).is_some() {
        return Err(Error::Syntax {
            format: Format::Json,
            at: crate::Location::part("input"),
            message: crate::encoding::UTF16_INPUT.into(),
        });
    }
    check_shape(bytes, options.max_depth, options.max_string_bytes)?;
    let env = envelope(bytes)?;
    if !READ_VERSIONS.contains(&env.undocs.as_ref()) {
        return Err(Error::Json {
            path: "undocs".into(),
            line: 1,
            column: 1,
            message: format!(
                "schema version {:?} is not one this build reads ({})",
                env.undocs,
                READ_VERSIONS.join(", ")
            ),
        });
    }
    let document = Document {
        meta: env.meta,
        body: env.body,
        annexes: env.annexes,
    };
    Ok(ReadOutput {
        document,
        warnings: Vec::new(),
    })
}

/// Writes undocs JSON (pretty-printed, with a final newline).
pub fn write(doc: &Document, out: &mut dyn std::io::Write) -> Result<()> {
    let env = EnvelopeRef {
        undocs: SCHEMA_VERSION,
        meta: &doc.meta,
        body: &doc.body,
        annexes: &doc.annexes,
    };
    // Streamed out (serde_json writes in small pieces: buffered here), never held whole.
    let mut w = std::io::BufWriter::with_capacity(64 << 10, out);
    let mut ser = serde_json::Serializer::with_formatter(&mut w, Indented::default());
    serde::Serialize::serialize(&env, &mut ser).map_err(std::io::Error::from)?;
    std::io::Write::write_all(&mut w, b"\n")?;
    std::io::Write::flush(&mut w)?;
    Ok(())
}

/// Writes undocs JSON compact: no indentation and no line breaks, the same document as
/// [`write`] (the JSON a PDF embeds: on a 1,000-paragraph report half the bytes, so half the
/// serializing and the deflating, and a smaller file).
#[cfg(feature = "pdf")]
pub(crate) fn write_compact(doc: &Document, out: &mut Vec<u8>) -> Result<()> {
    let env = EnvelopeRef {
        undocs: SCHEMA_VERSION,
        meta: &doc.meta,
        body: &doc.body,
        annexes: &doc.annexes,
    };
    let mut ser = serde_json::Serializer::new(out);
    serde::Serialize::serialize(&env, &mut ser).map_err(std::io::Error::from)?;
    Ok(())
}

/// serde_json's pretty form (two spaces a level), each line break and its indent written in
/// one piece: serde_json's `PrettyFormatter` writes the indent two spaces at a time, one
/// call each, which was a tenth of writing a deeply nested document.
#[derive(Default)]
struct Indented {
    depth: usize,
    has_value: bool,
}

impl Indented {
    /// A line feed and the indent of the current depth.
    fn newline<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        const SPACES: &[u8; 129] = b"\n                                                                                                                                ";
        let mut n = self.depth * 2;
        // (Deeper than the spaces at hand: the rest in further pieces.)
        w.write_all(&SPACES[..1 + n.min(128)])?;
        while n > 128 {
            n -= 128;
            w.write_all(&SPACES[1..1 + n.min(128)])?;
        }
        Ok(())
    }
}

impl Indented {
    /// `[` or `{`: one level deeper, nothing in it yet.
    fn open<W: ?Sized + std::io::Write>(&mut self, w: &mut W, c: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(c)
    }

    /// `]` or `}`: on a line of its own when something was in it.
    fn close<W: ?Sized + std::io::Write>(&mut self, w: &mut W, c: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(w)?;
        }
        w.write_all(c)
    }

    /// An array value or object key starts a line, after a comma unless it is the first.
    fn item<W: ?Sized + std::io::Write>(&self, w: &mut W, first: bool) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.newline(w)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The JSON Schema (2020-12) of undocs JSON, generated from the model's types. The same text
/// is committed as `schema/undocs.schema.json`.
#[cfg(feature = "schema")]
pub fn schema() -> String {
    let s = schemars::schema_for!(Envelope);
    let mut text = serde_json::to_string_pretty(&s).unwrap_or_default();
    text.push('\n');
    text
}

fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Rejects input nested deeper than `max` before serde sees it (no stack overflow).
/// Checks nesting depth and string lengths before anything is parsed, so that neither the
/// stack nor memory grows with a hostile input.
fn check_shape(bytes: &[u8], max: usize, max_string: u64) -> Result<()> {
    let (mut depth, mut in_str, mut esc) = (0usize, false, false);
    let (mut line, mut col) = (1u64, 0u64);
    let mut string_start = (0u64, 0u64);
    let mut string_len = 0u64;
    for &b in bytes {
        col += 1;
        if in_str {
            string_len += 1;
            if string_len > max_string {
                return Err(Error::Limit {
                    format: Format::Json,
                    at: crate::Location::line_column("input", string_start.0, string_start.1),
                    what: "length of a string, in bytes",
                    limit: max_string,
                    option: "max_string_bytes",
                });
            }
            match (esc, b) {
                (true, _) => esc = false,
                (false, b'\\') => esc = true,
                (false, b'"') => in_str = false,
                (false, b'\n') => {
                    line += 1;
                    col = 0;
                }
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => {
                in_str = true;
                string_len = 0;
                string_start = (line, col);
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Err(Error::Syntax {
                        format: Format::Json,
                        at: crate::Location::line_column("input", line, col),
                        message: format!("nesting deeper than ReadOptions::max_depth ({max})"),
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'\n' => {
                line += 1;
                col = 0;
            }
            _ => {}
        }
    }
    Ok(())
}

/// Where two documents differ, as JSON paths with both values (at most `max` entries).
/// Empty when they are equal. This is what `undocs roundtrip` reports.
///
/// ```
/// use undocs::model::Document;
/// let a = Document::default();
/// let mut b = a.clone();
/// b.meta.title = Some("Title".into());
/// assert_eq!(undocs::json::differences(&a, &b, 10), ["meta.title: (absent) ≠ \"Title\""]);
/// ```
pub fn differences(a: &Document, b: &Document, max: usize) -> Vec<String> {
    let to_value = |d: &Document| {
        serde_json::to_value(EnvelopeRef {
            undocs: SCHEMA_VERSION,
            meta: &d.meta,
            body: &d.body,
            annexes: &d.annexes,
        })
        .unwrap_or(serde_json::Value::Null)
    };
    let mut out = Vec::new();
    diff_values(&to_value(a), &to_value(b), String::new(), &mut out, max);
    out
}

fn diff_values(
    a: &serde_json::Value,
    b: &serde_json::Value,
    path: String,
    out: &mut Vec<String>,
    max: usize,
) {
    use serde_json::Value;
    if out.len() >= max || a == b {
        return;
    }
    let show = |v: Option<&Value>| match v {
        None => "(absent)".to_string(),
        Some(v) => {
            let s = v.to_string();
            if s.chars().count() > 80 {
                format!("{}…", s.chars().take(80).collect::<String>())
            } else {
                s
            }
        }
    };
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match (x.get(k), y.get(k)) {
                    (Some(u), Some(v)) => diff_values(u, v, p, out, max),
                    (u, v) => {
                        if out.len() < max {
                            out.push(format!("{p}: {} ≠ {}", show(u), show(v)))
                        }
                    }
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (u, v)) in x.iter().zip(y).enumerate() {
                diff_values(u, v, format!("{path}[{i}]"), out, max);
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            let first = x
                .iter()
                .zip(y)
                .position(|(u, v)| u != v)
                .unwrap_or(x.len().min(y.len()));
            out.push(format!(
                "{path}: {} items ≠ {} items (first difference at [{first}])",
                x.len(),
                y.len()
            ));
            if let (Some(u), Some(v)) = (x.get(first), y.get(first)) {
                diff_values(u, v, format!("{path}[{first}]"), out, max);
            }
        }
        _ => out.push(format!("{path}: {} ≠ {}", show(Some(a)), show(Some(b)))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(s: &str) -> Result<ReadOutput> {
        read(s.as_bytes(), &ReadOptions::default())
    }

    /// `v` written with [`Indented`], and with serde_json's own pretty printer (the oracle).
    fn both(v: &serde_json::Value) -> (String, String) {
        let mut ours = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut ours, Indented::default());
        serde::Serialize::serialize(v, &mut ser).unwrap();
        let theirs = serde_json::to_vec_pretty(v).unwrap();
        (
            String::from_utf8(ours).unwrap(),
            String::from_utf8(theirs).unwrap(),
        )
    }

    /// The compact form a PDF embeds is the same document, and the same JSON value, as the
    /// pretty form.
    #[cfg(feature = "pdf")]
    #[test]
    fn compact_json_is_the_same_document_without_layout() {
        let fixture = include_str!("../../fixtures/a-hrc-59-15/document.json");
        let doc = read_str(fixture).unwrap().document;
        let mut compact = Vec::new();
        write_compact(&doc, &mut compact).unwrap();
        let mut pretty = Vec::new();
        write(&doc, &mut pretty).unwrap();
        assert!(!compact.contains(&b'\n'));
        assert!(
            compact.len() * 3 < pretty.len() * 2,
            "{} {}",
            compact.len(),
            pretty.len()
        );
        assert_eq!(
            read(&compact, &ReadOptions::default()).unwrap().document,
            doc
        );
        let (a, b): (serde_json::Value, serde_json::Value) = (
            serde_json::from_slice(&compact).unwrap(),
            serde_json::from_slice(&pretty).unwrap(),
        );
        assert_eq!(a, b);
    }

    #[test]
    fn indented_writes_what_serde_json_pretty_writes() {
        let fixture = include_str!("../../fixtures/a-hrc-59-15/document.json");
        let v: serde_json::Value = serde_json::from_str(fixture).unwrap();
        let (ours, theirs) = both(&v);
        assert_eq!(ours, theirs);
        // Empty containers, scalars, and nesting past the 64 levels the indent has at hand
        // (two spaces each: 128 in one piece).
        let mut deep = serde_json::json!({"a": [], "b": {}, "c": [1, "x", null, true, {"d": []}]});
        for i in 0..150 {
            deep = if i % 2 == 0 {
                serde_json::json!([deep, i])
            } else {
                serde_json::json!({ "k": deep, "e": {} })
            };
        }
        let (ours, theirs) = both(&deep);
        assert!(ours.lines().any(|l| l.len() > 250));
        assert_eq!(ours, theirs);
        for v in [
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!("s"),
        ] {
            let (ours, theirs) = both(&v);
            assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn unknown_field_names_its_path() {
        let e = read_str(
            r#"{"undocs":"1","body":[{"paragraph":{"num":"1.","content":[],"colour":"red"}}]}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("body[0].paragraph"), "{e}");
        assert!(e.contains("colour"), "{e}");
    }

    #[test]
    fn bad_values_name_their_path() {
        let e = read_str(r#"{"undocs":"1","meta":{"symbols":["HIV/AIDS"]}}"#)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("meta.symbols[0]") && e.contains("HIV/AIDS"),
            "{e}"
        );
        let e = read_str(r#"{"undocs":"1","meta":{"date":"2016-02-30"}}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("meta.date"), "{e}");
        let e = read_str(r#"{"undocs":"3"}"#).unwrap_err().to_string();
        assert!(e.contains("schema version"), "{e}");
        let e = read_str(r#"{"meta":{}}"#).unwrap_err().to_string();
        assert!(e.contains("undocs"), "{e}");
        let e = read_str(r#"{"undocs":"1"} x"#).unwrap_err().to_string();
        assert!(e.contains("trailing"), "{e}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let e = read_str(&deep).unwrap_err().to_string();
        assert!(e.contains("max_depth"), "{e}");
    }

    #[test]
    fn writes_schema_version_and_reads_back() {
        let mut d = Document::default();
        d.meta.title = Some("Enhancement of international cooperation".into());
        let mut out = Vec::new();
        write(&d, &mut out).unwrap();
        let text = String::from_utf8(out.clone()).unwrap();
        assert!(text.starts_with("{\n  \"undocs\": \"2\""), "{text}");
        assert_eq!(read(&out, &ReadOptions::default()).unwrap().document, d);
    }

    #[test]
    fn version_1_files_still_read() {
        let d = read_str(r#"{"undocs":"1","meta":{"body":"Human Rights Council"}}"#)
            .unwrap()
            .document;
        assert_eq!(
            d.meta.subsidiary_body.as_deref(),
            Some("Human Rights Council")
        );
        let mut out = Vec::new();
        write(&d, &mut out).unwrap();
        assert!(
            String::from_utf8(out)
                .unwrap()
                .contains("\"subsidiary_body\"")
        );
    }
}
