//! The body of a UN document: divisions, paragraphs, subparagraphs, lists, tables, quotes,
//! resolutions and decisions, annexes.

use serde::{Deserialize, Serialize};

use super::Inline;

/// A block of content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    /// A numbered or unnumbered division with a heading.
    Division(Division),
    /// A paragraph, numbered or not, with its subparagraphs.
    Paragraph(Paragraph),
    /// A bulleted list.
    List(List),
    /// A simple table.
    Table(Table),
    /// A block quotation.
    Quote(Vec<Block>),
    /// An adopted or draft resolution or decision.
    Resolution(Resolution),
}

/// The level of a division in the UN hierarchy: part, chapter `I.`, section `A.`,
/// subsection `1.`, or another heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DivisionKind {
    /// "Part one".
    Part,
    /// Chapter, numbered in roman numerals: "I.".
    Chapter,
    /// Section, numbered in capital letters: "A.".
    Section,
    /// Subsection, numbered in arabic numerals: "1.".
    Subsection,
    /// Any other heading: unnumbered ("Introduction", a country name) or deeper ("(a)").
    Heading,
}

/// A division: numbering and heading as printed, and its content.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Division {
    /// Its level.
    pub kind: DivisionKind,
    /// The number as printed ("I.", "A.", "1."), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num: Option<String>,
    /// The heading text.
    pub heading: Vec<Inline>,
    /// What the division holds.
    #[serde(default)]
    pub content: Vec<Block>,
}

/// A paragraph. Numbered paragraphs keep their number as printed ("1.", "24.11", "5., 6.,
/// 7."); subparagraphs have numbers like "(a)", "(i)", "a)".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// The number as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num: Option<String>,
    /// The text.
    pub content: Vec<Inline>,
    /// Subparagraphs "(a)", "(b)"… that belong to this paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subparagraphs: Vec<Paragraph>,
}

/// A bulleted list: each item is a list of blocks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct List {
    /// The items.
    pub items: Vec<Vec<Block>>,
}

/// A simple table: rows of cells, each cell a list of blocks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// The rows, in order.
    pub rows: Vec<TableRow>,
}

impl Table {
    /// The number of columns: the most cells any row has.
    ///
    /// ```
    /// use undocs::model::{Table, TableRow};
    /// let t = Table { rows: vec![TableRow { header: true, cells: vec![vec![], vec![]] }] };
    /// assert_eq!(t.columns(), 2);
    /// ```
    pub fn columns(&self) -> usize {
        self.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0)
    }
}

/// One table row.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TableRow {
    /// Whether this is a header row.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub header: bool,
    /// The cells.
    pub cells: Vec<Vec<Block>>,
}

/// A resolution or decision, adopted or draft, as it stands in a document of resolutions or
/// in a report: "73/8. Title", the enacting formula, preambular and operative paragraphs, and
/// the adoption lines.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Resolution {
    /// Its number as printed ("73/8", "6/CMA.3"), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub num: Option<String>,
    /// Its title.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub title: Vec<Inline>,
    /// The line about its origin: "[without reference to a Main Committee (A/73/L.3)]".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub origin: Vec<Inline>,
    /// The enacting formula: "The General Assembly,".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub formula: Vec<Inline>,
    /// Preambular paragraphs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<Block>,
    /// Operative paragraphs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub operative: Vec<Block>,
    /// The closing lines: "25th meeting", "2 July 2025", "[Adopted without a vote.]".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub adoption: Vec<String>,
    /// The resolution's own annexes ("Annex" after a decision in a compilation).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub annexes: Vec<Annex>,
}

impl Paragraph {
    /// Whether its number is made of digits ("1.", "12."): inside a paragraph, the items of
    /// a list (the recommendations of older UPR reports), which the writers set as an
    /// indented block; lettered ones, "(a)", go back to the margin after their first line.
    #[cfg_attr(not(any(feature = "docx", feature = "pdf")), allow(dead_code))]
    pub(crate) fn numbered_with_digits(&self) -> bool {
        self.num.as_deref().is_some_and(|n| {
            n.strip_suffix('.')
                .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        })
    }
}

impl Resolution {
    /// Whether its number is a resolution's ("73/8", "59/1"), printed before its title as
    /// "73/8. Title"; a decision's ("6/CMA.3") is printed on a line of its own.
    #[cfg_attr(not(any(feature = "docx", feature = "pdf")), allow(dead_code))]
    pub(crate) fn numbered_as_a_resolution(&self) -> bool {
        self.num.as_deref().is_some_and(|n| {
            n.split_once('/').is_some_and(|(a, b)| {
                !a.is_empty()
                    && a.bytes().all(|c| c.is_ascii_digit())
                    && b.bytes().next().is_some_and(|c| c.is_ascii_digit())
                    && !b.contains(char::is_alphabetic)
            })
        })
    }
}

/// An annex: its label and title, and its own body (paragraph numbering restarts).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Annex {
    /// The label as printed: "Annex", "Annex I".
    pub label: String,
    /// The annex's title.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub title: Vec<Inline>,
    /// The annex's body.
    pub body: Vec<Block>,
}

/// The paragraph that a subparagraph at `level + 1` attaches to: the last block when it is
/// a paragraph (`level` 0), or its last subparagraph `level` levels down.
pub fn last_paragraph_at(blocks: &mut [Block], level: usize) -> Option<&mut Paragraph> {
    let Some(Block::Paragraph(p)) = blocks.last_mut() else {
        return None;
    };
    let mut p = p;
    for _ in 0..level {
        p = p.subparagraphs.last_mut()?;
    }
    Some(p)
}
