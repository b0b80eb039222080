//! Proptest strategies for realistic UN documents.

use proptest::prelude::*;
use undocs::model::*;

/// Text with the scripts UN documents use: Latin with accents, Arabic, Chinese, Cyrillic,
/// typographic quotes and dashes.
pub fn text() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Council",
        "human",
        "rights",
        "cooperation",
        "développement",
        "Señor",
        "права",
        "человека",
        "人权",
        "理事会",
        "حقوق",
        "الإنسان",
        "“shared ideal”",
        "2030",
        "–",
        "l’homme",
        "(a)",
        "para.",
        "Member States",
        "international",
        "Ибо",
        "Ω",
        "naïve",
        "État",
        "24.11",
    ]);
    prop::collection::vec(words, 1..12).prop_map(|w| w.join(" "))
}

pub fn symbol() -> impl Strategy<Value = Symbol> {
    prop_oneof![
        (1u32..80, 1u32..400).prop_map(|(s, n)| format!("A/HRC/{s}/{n}")),
        (1u32..80, 1u32..900).prop_map(|(s, n)| format!("A/{s}/{n}")),
        (1994u32..2030, 1u32..999).prop_map(|(y, n)| format!("S/{y}/{n}")),
        (1u32..9000, 1946u32..2030).prop_map(|(n, y)| format!("S/RES/{n} ({y})")),
        (1u32..60, 1u32..9, 1u32..4)
            .prop_map(|(s, c, a)| format!("A/HRC/WG.6/{s}/SVN/{c}/Add.{a}")),
        (1u32..20, 2000u32..2030, 1u32..9).prop_map(|(c, y, l)| format!("E/CN.{c}/{y}/L.{l}")),
        (60u32..81, 1u32..30).prop_map(|(s, n)| format!("A/{s}/6 (Sect. {n})/Corr.1")),
        (2015u32..2030, 1u32..20).prop_map(|(y, n)| format!("FCCC/PA/CMA/{y}/{n}/Add.1")),
        (1u32..9, 1u32..50).prop_map(|(c, n)| format!("A/C.{c}/79/L.{n}/Rev.1")),
    ]
    .prop_map(|s| s.parse::<Symbol>().expect("generated symbols are valid"))
}

fn leaf_inline() -> impl Strategy<Value = Inline> {
    prop_oneof![
        6 => text().prop_map(Inline::Text),
        1 => symbol().prop_map(|symbol| Inline::Ref(Reference { symbol })),
        1 => Just(Inline::LineBreak),
    ]
}

/// Inline content in canonical form, with footnotes whose content is blocks.
pub fn inlines(depth: u32) -> BoxedStrategy<Vec<Inline>> {
    let inline = leaf_inline().prop_recursive(2, 6, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..3).prop_map(Inline::Emphasis),
            prop::collection::vec(inner.clone(), 1..3).prop_map(Inline::Strong),
            prop::collection::vec(inner.clone(), 1..2).prop_map(Inline::Superscript),
            prop::collection::vec(inner.clone(), 1..2).prop_map(Inline::Subscript),
            (prop::collection::vec(inner, 1..3), "[a-z]{3,8}").prop_map(|(content, host)| {
                Inline::Link(Link {
                    url: format!("https://{host}.org/x"),
                    content,
                })
            }),
        ]
    });
    let note = if depth > 0 {
        (
            prop::sample::select(vec!["1", "2", "*", "a", "17"]),
            prop::collection::vec(paragraph(depth - 1, false), 1..3),
        )
            .prop_map(|(m, content)| {
                Inline::Note(Note {
                    marker: m.to_string(),
                    content,
                })
            })
            .boxed()
    } else {
        text().prop_map(Inline::Text).boxed()
    };
    prop::collection::vec(prop_oneof![8 => inline, 1 => note], 1..6)
        .prop_map(|mut v| {
            normalize_inlines(&mut v);
            if v.is_empty() {
                v.push(Inline::Text("x".into()));
            }
            v
        })
        .boxed()
}

/// A paragraph block, numbered or not, with subparagraphs "(a)", "(b)".
pub fn paragraph(depth: u32, numbered: bool) -> BoxedStrategy<Block> {
    let sub = (
        prop::sample::select(vec!["(a)", "(b)", "(i)", "a)"]),
        inlines(depth),
    )
        .prop_map(|(n, content)| Paragraph {
            num: Some(n.into()),
            content,
            subparagraphs: vec![],
        });
    (
        1u32..200,
        any::<bool>(),
        inlines(depth),
        prop::collection::vec(sub, 0..3),
    )
        .prop_map(move |(n, num, content, subparagraphs)| {
            Block::Paragraph(Paragraph {
                num: (numbered && num).then(|| format!("{n}.")),
                content,
                subparagraphs,
            })
        })
        .boxed()
}

pub fn block(depth: u32) -> BoxedStrategy<Block> {
    let para = paragraph(1, true);
    let leaf = prop_oneof![
        6 => para,
        1 => prop::collection::vec(prop::collection::vec(paragraph(0, false), 1..2), 1..4)
            .prop_map(|items| Block::List(List { items })),
        1 => prop::collection::vec(
                (any::<bool>(), prop::collection::vec(prop::collection::vec(paragraph(0, false), 1..2), 1..4)),
                1..4)
            .prop_map(|rows| Block::Table(Table { rows: rows.into_iter().map(|(header, cells)| TableRow { header, cells }).collect() })),
        1 => prop::collection::vec(paragraph(0, false), 1..3).prop_map(Block::Quote),
    ];
    if depth == 0 {
        return leaf.boxed();
    }
    let kinds = prop::sample::select(vec![
        (DivisionKind::Chapter, Some("I.")),
        (DivisionKind::Chapter, Some("IV.")),
        (DivisionKind::Section, Some("A.")),
        (DivisionKind::Subsection, Some("1.")),
        (DivisionKind::Heading, None),
        (DivisionKind::Part, Some("Part one")),
    ]);
    let division = (
        kinds,
        inlines(0),
        prop::collection::vec(block(depth - 1), 0..4),
    )
        .prop_map(|((kind, num), heading, content)| {
            Block::Division(Division {
                kind,
                num: num.map(String::from),
                heading,
                content,
            })
        });
    let annex = (
        "Annex( I| II)?",
        inlines(0),
        prop::collection::vec(paragraph(1, true), 0..3),
    )
        .prop_map(|(label, title, body)| Annex { label, title, body });
    let resolution = (
        prop::option::of("[1-9][0-9]/[1-9][0-9]{0,2}"),
        inlines(0),
        prop::collection::vec(paragraph(0, false), 0..3),
        prop::collection::vec(paragraph(1, true), 1..4),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(annex, 0..2),
    )
        .prop_map(|(num, title, preamble, operative, adoption, annexes)| {
            Block::Resolution(Resolution {
                num,
                title,
                origin: vec![],
                formula: vec![Inline::Text("The General Assembly,".into())],
                preamble,
                operative,
                adoption,
                annexes,
            })
        });
    prop_oneof![5 => leaf, 2 => division, 1 => resolution].boxed()
}

pub fn meta() -> impl Strategy<Value = Meta> {
    let langs = prop::sample::select(Language::OFFICIAL.to_vec());
    (
        (
            prop::collection::vec(symbol(), 0..3),
            any::<bool>(),
            prop::option::of(text()),
            prop::option::of(text()),
        ),
        (
            prop::option::of(prop::sample::select(vec![
                Distribution::General,
                Distribution::Limited,
                Distribution::Restricted,
            ])),
            prop::option::of(
                (1990u16..2026, 1u8..13, 1u8..29)
                    .prop_map(|(y, m, d)| Date::new(y, m, d).expect("valid")),
            ),
            // Original languages: none, one, or several ("English/French").
            prop::option::of(
                prop::sample::subsequence(Language::OFFICIAL.to_vec(), 1..4).prop_shuffle(),
            ),
            prop::option::of(langs),
        ),
        (
            prop::option::of(
                (
                    prop::option::of("[1-9][0-9]?"),
                    prop::option::of(text()),
                    prop::option::of(text()),
                )
                    .prop_map(|(number, label, dates)| Session {
                        number,
                        label,
                        dates,
                    }),
            ),
            prop::collection::vec(
                (prop::option::of("[1-9][0-9]?"), text())
                    .prop_map(|(number, title)| AgendaItem { number, title }),
                0..3,
            ),
            prop::option::of(prop::sample::select(vec![
                DocKind::Report,
                DocKind::Note,
                DocKind::Resolution,
                DocKind::DraftResolution,
                DocKind::Other("communication".into()),
            ])),
        ),
        (
            prop::option::of(text()),
            prop::option::of(text()),
            prop::collection::vec(
                (prop::sample::select(vec!["*", "**"]), inlines(0)).prop_map(|(m, content)| {
                    TitleNote {
                        marker: m.into(),
                        content,
                    }
                }),
                0..3,
            ),
            prop::collection::vec(paragraph(0, false), 0..3),
            prop::option::of((10u32..30, 1000u32..99999).prop_map(|(y, n)| {
                format!("GE.{y}-{n:05} (E)")
                    .parse::<JobNumber>()
                    .expect("valid")
            })),
            prop::collection::vec(text(), 0..3),
        ),
    )
        .prop_map(
            |(
                (symbols, reissued, organ, subsidiary_body),
                (distribution, date, originals, language),
                (session, agenda_items, kind),
                (title, subtitle, title_notes, summary, job_number, sponsors),
            )| Meta {
                symbols,
                reissued,
                organ,
                subsidiary_body,
                distribution,
                date,
                original_language: originals.as_ref().and_then(|o| o.first().copied()),
                other_original_languages: originals
                    .map(|o| o.into_iter().skip(1).collect())
                    .unwrap_or_default(),
                language,
                session,
                agenda_items,
                kind,
                title,
                subtitle,
                title_notes,
                summary,
                job_number,
                sponsors,
            },
        )
}

/// A realistic generated document: masthead, nested divisions, numbered paragraphs,
/// footnotes with blocks, resolutions, annexes.
pub fn document() -> impl Strategy<Value = Document> {
    let annex = (
        "Annex( I| II)?",
        inlines(0),
        prop::collection::vec(block(1), 0..4),
    )
        .prop_map(|(label, title, body)| Annex { label, title, body });
    (
        meta(),
        prop::collection::vec(block(2), 0..8),
        prop::collection::vec(annex, 0..2),
    )
        .prop_map(|(meta, body, annexes)| Document {
            meta,
            body,
            annexes,
        })
}
