//! JSON round trip and schema.

mod common;

use proptest::prelude::*;
use undocs::{Format, ReadOptions};

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn json_round_trip(doc in common::document()) {
        let mut buf = Vec::new();
        undocs::write(&doc, Format::Json, &mut buf).unwrap();
        let back = undocs::read(buf.as_slice(), Format::Json, &ReadOptions::default()).unwrap();
        prop_assert_eq!(back.document, doc);
        prop_assert!(back.warnings.is_empty());
    }
}

#[test]
#[cfg(feature = "schema")]
fn committed_schema_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/undocs.schema.json");
    let generated = undocs::json::schema();
    if std::env::var_os("UNDOCS_BLESS").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/undocs.schema.json is out of date: run `UNDOCS_BLESS=1 cargo test --test json committed_schema` and commit it"
    );
}

#[test]
#[cfg(feature = "schema")]
fn schema_names_the_model_fields() {
    let s: serde_json::Value = serde_json::from_str(&undocs::json::schema()).unwrap();
    let props = &s["properties"];
    for key in ["undocs", "meta", "body", "annexes"] {
        assert!(props.get(key).is_some(), "top-level property {key} missing");
    }
    assert_eq!(s["additionalProperties"], serde_json::Value::Bool(false));
    let text = s.to_string();
    for needle in [
        "agenda_items",
        "title_notes",
        "job_number",
        "subparagraphs",
        "Symbol",
    ] {
        assert!(text.contains(needle), "schema lacks {needle}");
    }
}

#[test]
fn fixture_reads_and_is_clean() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/a-hrc-59-15/document.json"
    ))
    .unwrap();
    let r = undocs::read_bytes(&bytes, Format::Json, &ReadOptions::default()).unwrap();
    let d = &r.document;
    assert_eq!(d.meta.symbols[0].to_string(), "A/HRC/59/15");
    assert_eq!(
        d.paragraph_numbers(),
        (1..=14).map(|n| format!("{n}.")).collect::<Vec<_>>()
    );
    assert_eq!(d.counts().footnotes, 3);
    assert!(d.check().is_empty(), "{:?}", d.check());
}
