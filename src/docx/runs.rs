//! Runs of Word files written by others → the model's inlines, directly: bold, italic,
//! superscript and subscript resolved from the run's own properties and its character
//! style's chain (`w:b w:val="0"` switches off what a style switched on), raised or lowered
//! text as superscript or subscript, footnote references as notes with their content,
//! hyperlinks as links, tracked insertions kept and deletions dropped. Adjacent runs with
//! the same formatting merge (in [`build_runs`]); white space is collapsed as a printed
//! page shows it.
//!
//! Paragraph styles' run properties are not applied: a heading style's bold is the
//! heading's look, not emphasis (pandoc's Docx reader does the same).

use std::collections::HashMap;

use super::read::{Parts, footnote_mark, on, val};
use crate::Warning;
use crate::model::{Block, Inline, Link, Note, Paragraph, RunFormat, build_runs};
use crate::xml::El;

/// Longest chain of `w:basedOn` followed (a loop in a damaged file ends here).
const MAX_STYLE_CHAIN: usize = 16;

/// A character style's own run properties (`None`: not set, inherit).
#[derive(Clone, Debug, Default)]
struct CharStyle {
    based_on: Option<String>,
    bold: Option<bool>,
    italic: Option<bool>,
    /// Complex-script bold and italic (`w:bCs`, `w:iCs`), which Word applies to
    /// right-to-left runs.
    bold_cs: Option<bool>,
    italic_cs: Option<bool>,
    /// `Some(None)`: explicitly on the baseline.
    vertical: Option<Option<bool>>,
}

/// On/off of a toggle property if present (`w:b`, `w:b w:val="0"`).
fn toggle(rpr: El<'_>, name: &str) -> Option<bool> {
    rpr.child(name).map(|_| on(rpr, name))
}

/// Vertical alignment if set: `w:vertAlign`, or failing that a raised or lowered
/// `w:position`.
fn vertical(rpr: El<'_>) -> Option<Option<bool>> {
    match val(rpr, "vertAlign") {
        Some("superscript") => return Some(Some(true)),
        Some("subscript") => return Some(Some(false)),
        Some(_) => return Some(None),
        None => {}
    }
    let pos: i32 = val(rpr, "position")?.parse().ok()?;
    Some(match pos {
        p if p > 0 => Some(true),
        p if p < 0 => Some(false),
        _ => None,
    })
}

/// The character styles of `word/styles.xml`, to resolve run formatting.
#[derive(Default)]
pub(crate) struct Styles {
    chars: HashMap<String, CharStyle>,
}

impl Styles {
    /// Reads the character styles from the parsed styles part.
    pub(crate) fn new(root: Option<El<'_>>) -> Self {
        let mut chars = HashMap::new();
        for st in root.into_iter().flat_map(|r| r.elements()) {
            if st.name != "style" || st.attr("type") != Some("character") {
                continue;
            }
            let Some(id) = st.attr("styleId") else {
                continue;
            };
            let rpr = st.child("rPr");
            chars.insert(
                id.to_string(),
                CharStyle {
                    based_on: val(st, "basedOn").map(str::to_string),
                    bold: rpr.and_then(|r| toggle(r, "b")),
                    italic: rpr.and_then(|r| toggle(r, "i")),
                    bold_cs: rpr.and_then(|r| toggle(r, "bCs")),
                    italic_cs: rpr.and_then(|r| toggle(r, "iCs")),
                    vertical: rpr.and_then(vertical),
                },
            );
        }
        Styles { chars }
    }

    /// The formatting of a run: its own properties, then its character style's chain. A
    /// right-to-left run (`w:rtl`) is bold and italic as Word shows it, by `w:bCs` and
    /// `w:iCs`; where a file sets only `w:b` or `w:i`, those are taken.
    fn format(&self, rpr: Option<El<'_>>) -> RunFormat {
        let rtl = rpr.and_then(|r| toggle(r, "rtl")).unwrap_or(false);
        let mut bold = rpr.and_then(|r| toggle(r, "b"));
        let mut italic = rpr.and_then(|r| toggle(r, "i"));
        let mut bold_cs = rpr.and_then(|r| toggle(r, "bCs"));
        let mut italic_cs = rpr.and_then(|r| toggle(r, "iCs"));
        let mut vert = rpr.and_then(vertical);
        let mut style = rpr.and_then(|r| val(r, "rStyle"));
        for _ in 0..MAX_STYLE_CHAIN {
            let Some(s) = style.and_then(|id| self.chars.get(id)) else {
                break;
            };
            bold = bold.or(s.bold);
            italic = italic.or(s.italic);
            bold_cs = bold_cs.or(s.bold_cs);
            italic_cs = italic_cs.or(s.italic_cs);
            vert = vert.or(s.vertical);
            style = s.based_on.as_deref();
        }
        if rtl {
            bold = bold_cs.or(bold);
            italic = italic_cs.or(italic);
        }
        RunFormat {
            bold: bold.unwrap_or(false),
            italic: italic.unwrap_or(false),
            vertical: vert.flatten(),
        }
    }
}

/// What reading runs needs: the package's parts and styles, the footnote counter, and
/// where to say what was dropped.
pub(crate) struct RunCx<'p, 'a> {
    pub parts: &'p Parts<'a>,
    pub styles: &'p Styles,
    /// Auto-numbered footnote references met so far.
    pub auto: usize,
    /// Endnote references met so far.
    pub endnotes: usize,
    /// The footnotes already read, by id.
    pub notes_read: std::collections::HashSet<String>,
    /// The notes whose repeated references were already said in a warning.
    pub repeats_said: std::collections::HashSet<String>,
    pub warnings: Vec<Warning>,
}

/// One printed line of a paragraph as formatted leaves, before white space is settled.
type Leaves = Vec<(RunFormat, Inline)>;

/// A paragraph's printed lines (split at its line breaks) as inlines. Footnote references
/// become notes with their content read from `word/footnotes.xml`; inside a note
/// (`in_note`) a reference is kept as its superscript mark, with a warning.
pub(crate) fn paragraph_lines(
    p: El<'_>,
    cx: &mut RunCx<'_, '_>,
    in_note: bool,
) -> Vec<Vec<Inline>> {
    let mut lines: Vec<Leaves> = vec![Vec::new()];
    walk(p, cx, in_note, &mut lines);
    lines.into_iter().map(settle).collect()
}

fn walk(e: El<'_>, cx: &mut RunCx<'_, '_>, in_note: bool, lines: &mut Vec<Leaves>) {
    for c in e.elements() {
        match c.name {
            "r" => run(c, cx, in_note, lines),
            "hyperlink" => {
                let url = c
                    .attr("id")
                    .and_then(|id| cx.parts.rels.get(id))
                    .filter(|u| !u.is_empty());
                match url {
                    Some(url) => {
                        let url = url.to_string();
                        let mut inner: Vec<Leaves> = vec![Vec::new()];
                        walk(c, cx, in_note, &mut inner);
                        // A break inside a link stays a line break in its text.
                        let mut content: Leaves = Vec::new();
                        for (k, l) in inner.into_iter().enumerate() {
                            if k > 0 {
                                content.push((RunFormat::default(), Inline::LineBreak));
                            }
                            content.extend(l);
                        }
                        let content = build_runs(content);
                        if let Some(l) = lines.last_mut() {
                            l.push((RunFormat::default(), Inline::Link(Link { url, content })));
                        }
                    }
                    // An anchor inside the document: its text only.
                    None => walk(c, cx, in_note, lines),
                }
            }
            "ins" | "moveTo" | "smartTag" | "customXml" | "fldSimple" | "sdt" | "sdtContent"
            | "bdo" | "dir" => walk(c, cx, in_note, lines),
            // Tracked deletions and moves away are not the document's text.
            "del" | "moveFrom" | "pPr" | "proofErr" | "bookmarkStart" | "bookmarkEnd" | "sdtPr"
            | "sdtEndPr" | "permStart" | "permEnd" | "commentRangeStart" | "commentRangeEnd" => {}
            // Markup the model has no place for (math…): its text kept, and said.
            other => {
                if let Some((text, w)) = unknown_markup(c, other) {
                    cx.warnings.push(w);
                    if let Some(l) = lines.last_mut() {
                        l.push((RunFormat::default(), Inline::Text(text)));
                    }
                }
            }
        }
    }
}

/// Markup the model has no place for (math, a field undocs does not know): its text, to
/// keep as plain text, and the warning that says so; `None` when it holds no text.
pub(crate) fn unknown_markup(e: El<'_>, name: &str) -> Option<(String, Warning)> {
    let text = if matches!(name, "oMath" | "oMathPara") {
        let mut ts = Vec::new();
        e.find_all("t", &mut ts);
        ts.iter().map(|t| t.text()).collect::<String>()
    } else {
        super::read::node_text(e)
    };
    if text.trim().is_empty() {
        return None;
    }
    let w = Warning::new(
        crate::Format::Docx,
        "word/document.xml",
        format!("<{name}> has no place in the model: its text {text:?} kept as plain text"),
    )
    .with_kind(crate::WarningKind::KeptAsText);
    Some((text, w))
}

/// Adds a run's text to a line: to the line's last text when both are printed alike and
/// neither is only white space, as one leaf (Word cuts a sentence into many runs for its
/// revision marks); as a leaf of its own otherwise. (White space alone is not joined: it
/// takes the formatting its neighbours share, in [`settle`].)
fn push_text(line: &mut Leaves, f: RunFormat, t: &str) {
    let blank = |s: &str| s.chars().all(char::is_whitespace);
    if let Some((lf, Inline::Text(last))) = line.last_mut()
        && *lf == f
        && !blank(last)
        && !blank(t)
    {
        last.push_str(t);
        return;
    }
    line.push((f, Inline::Text(t.to_string())));
}

fn run(r: El<'_>, cx: &mut RunCx<'_, '_>, in_note: bool, lines: &mut Vec<Leaves>) {
    let rpr = r.child("rPr");
    if in_note
        && (r.child("footnoteRef").is_some()
            || rpr
                .and_then(|x| val(x, "rStyle"))
                .is_some_and(|s| s.to_lowercase().contains("footnote")))
    {
        // The mark Word repeats at the start of the note.
        return;
    }
    let f = cx.styles.format(rpr);
    let mut skip_mark = false;
    for c in r.elements() {
        let Some(line) = lines.last_mut() else {
            return;
        };
        match c.name {
            "t" if skip_mark => skip_mark = false,
            "t" => push_text(line, f, &c.text_cow()),
            "tab" | "ptab" => line.push((f, Inline::Text(" ".into()))),
            "noBreakHyphen" => line.push((f, Inline::Text("\u{2011}".into()))),
            // A page or column break is not a line of text.
            "br" | "cr" if !matches!(c.attr("type"), Some("page" | "column")) => {
                lines.push(Vec::new());
            }
            "footnoteReference" => {
                let (marker, custom) = footnote_mark(c, r, &mut cx.auto);
                skip_mark = custom;
                let id = c.attr("id").unwrap_or("");
                // A reference inside a note, or a second reference to a note (a large note
                // referenced thousands of times is not copied thousands of times): its mark
                // only, raised, said once.
                let why = if in_note {
                    Some((
                        "word/footnotes.xml",
                        format!("a footnote references footnote {marker}; kept as its mark"),
                    ))
                } else if cx.notes_read.insert(id.to_string()) {
                    None
                } else if cx.repeats_said.insert(id.to_string()) {
                    Some((
                        "word/document.xml",
                        format!(
                            "footnote {id} is referenced more than once; the repeated references are kept as its mark"
                        ),
                    ))
                } else {
                    Some(("", String::new()))
                };
                if let Some((part, message)) = why {
                    if !message.is_empty() {
                        cx.warnings.push(
                            Warning::new(crate::Format::Docx, part, message)
                                .with_kind(crate::WarningKind::KeptAsText),
                        );
                    }
                    line.push((
                        RunFormat {
                            vertical: Some(true),
                            ..f
                        },
                        Inline::Text(marker),
                    ));
                    continue;
                }
                let content = note_content(cx, id);
                if let Some(line) = lines.last_mut() {
                    line.push((RunFormat::default(), Inline::Note(Note { marker, content })));
                }
            }
            // An endnote: a note at its reference, numbered as Word numbers endnotes (i,
            // ii, …), and said (the model has no endnotes at the document's end).
            "endnoteReference" if !in_note => {
                cx.endnotes += 1;
                let marker = roman(cx.endnotes);
                let id = c.attr("id").unwrap_or("");
                let content = match cx.parts.endnotes.get(id) {
                    Some(Ok(note)) => paragraphs_of(note.el(), cx),
                    Some(Err(e)) => {
                        cx.warnings.push(Warning::new(
                            crate::Format::Docx,
                            "word/endnotes.xml",
                            format!("endnote {id} could not be read: {e}"),
                        ));
                        vec![]
                    }
                    None => vec![],
                };
                cx.warnings.push(
                    Warning::new(
                        crate::Format::Docx,
                        "word/endnotes.xml",
                        format!("endnote {marker} read as a note at its reference"),
                    )
                    .with_kind(crate::WarningKind::Corrected),
                );
                if let Some(line) = lines.last_mut() {
                    line.push((RunFormat::default(), Inline::Note(Note { marker, content })));
                }
            }
            _ => {}
        }
    }
}

/// A footnote's paragraphs, without the mark Word repeats at its start.
fn note_content(cx: &mut RunCx<'_, '_>, id: &str) -> Vec<Block> {
    let Some(note) = cx.parts.footnotes.get(id) else {
        cx.warnings.push(
            Warning::new(
                crate::Format::Docx,
                "word/document.xml",
                format!(
                    "footnote {id} is referenced but not in word/footnotes.xml; its mark is kept"
                ),
            )
            .with_kind(crate::WarningKind::Dropped),
        );
        return vec![];
    };
    match note {
        Ok(note) => paragraphs_of(note.el(), cx),
        Err(e) => {
            cx.warnings.push(Warning::new(
                crate::Format::Docx,
                "word/footnotes.xml",
                format!("footnote {id} could not be read: {e}"),
            ));
            vec![]
        }
    }
}

/// "i", "ii", "iii", "iv"… (Word's endnote numbers).
fn roman(mut n: usize) -> String {
    const R: [(usize, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut s = String::new();
    for (v, r) in R {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// A note's paragraphs (those inside its tables and content controls too), without the
/// mark Word repeats at its start.
fn paragraphs_of(note: El<'_>, cx: &mut RunCx<'_, '_>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut paras = Vec::new();
    note.find_all("p", &mut paras);
    for p in paras {
        let lines = paragraph_lines(p, cx, true);
        let mut content = Vec::new();
        for (i, l) in lines.into_iter().enumerate() {
            if i > 0 && !content.is_empty() {
                content.push(Inline::LineBreak);
            }
            content.extend(l);
        }
        crate::recognize::inlines::trim_start(&mut content);
        crate::recognize::inlines::trim_end(&mut content);
        if !crate::recognize::inlines::is_blank(&content) {
            out.push(Block::Paragraph(Paragraph {
                num: None,
                content,
                subparagraphs: vec![],
            }));
        }
    }
    out
}

/// White space as printed: runs of spaces collapsed across runs, white space formatted as
/// its neighbours both are (so that "*Also* *welcomes*" with a plain space is one italic
/// span, and a bold space between plain words is plain); then the canonical inlines.
fn settle(leaves: Leaves) -> Vec<Inline> {
    let mut out: Leaves = Vec::with_capacity(leaves.len());
    let mut space_before = true;
    for (f, i) in leaves {
        match i {
            Inline::Text(t) => {
                // (Most texts are printed as they are: they are kept, not copied.)
                if let Some(space_after) = settled(&t, space_before) {
                    space_before = space_after;
                    if !t.is_empty() {
                        out.push((f, Inline::Text(t)));
                    }
                    continue;
                }
                let (s, space_after) = collapse(&t, space_before);
                space_before = space_after;
                if !s.is_empty() {
                    out.push((f, Inline::Text(s)));
                }
            }
            other => {
                space_before = false;
                out.push((f, other));
            }
        }
    }
    // White space takes the formatting its neighbours share: no bold space between an
    // italic word and plain text, no superscript space.
    for k in 0..out.len() {
        if !matches!(&out[k].1, Inline::Text(t) if t.trim().is_empty()) {
            continue;
        }
        let neighbour = |i: Option<usize>| {
            i.and_then(|i| out.get(i))
                .filter(|(_, x)| !matches!(x, Inline::Note(_)))
                .map(|(f, _)| *f)
                .unwrap_or_default()
        };
        let (a, b) = (neighbour(k.checked_sub(1)), neighbour(Some(k + 1)));
        out[k].0 = RunFormat {
            bold: a.bold && b.bold,
            italic: a.italic && b.italic,
            vertical: if a.vertical == b.vertical {
                a.vertical
            } else {
                None
            },
        };
    }
    build_runs(out)
}

/// Text with its white space collapsed as printed: runs of white space (not no-break
/// spaces) to one space, none after white space (`space_before`: the text before ended
/// with some). Gives whether the text ends with white space.
fn collapse(t: &str, mut space_before: bool) -> (String, bool) {
    let mut s = String::with_capacity(t.len());
    for ch in t.chars() {
        if ch.is_whitespace() && ch != '\u{a0}' {
            if !space_before {
                s.push(' ');
                space_before = true;
            }
        } else {
            s.push(ch);
            space_before = false;
        }
    }
    (s, space_before)
}

/// Whether text needs no change to be settled ([`settle`]): no white space but single
/// plain spaces, none of them after white space (`space_before`: the text before ended
/// with some). Gives whether the text ends with white space.
fn settled(t: &str, mut space_before: bool) -> Option<bool> {
    for ch in t.chars() {
        if ch.is_whitespace() && ch != '\u{a0}' {
            if ch != ' ' || space_before {
                return None;
            }
            space_before = true;
        } else {
            space_before = false;
        }
    }
    Some(space_before)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn text_settled_as_it_is_is_what_collapsing_gives(
            t in "[a \t\n\u{a0}é]{0,12}",
            before: bool,
        ) {
            let (want, end) = collapse(&t, before);
            match settled(&t, before) {
                Some(e) => proptest::prop_assert_eq!((t.clone(), e), (want, end)),
                None => proptest::prop_assert_ne!(t, want),
            }
        }

        /// Runs joined as they are read (`push_text`) settle into the same inlines as the
        /// same runs kept one leaf each: joining is only a saving.
        #[test]
        fn runs_joined_as_read_settle_as_runs_apart(
            runs in proptest::collection::vec((0u8..6, "[ab \t\u{a0}]{0,4}"), 0..10),
        ) {
            let format = |k: u8| RunFormat {
                bold: k & 1 == 1,
                italic: k & 2 == 2,
                vertical: (k >= 4).then_some(true),
            };
            let apart: Leaves = runs
                .iter()
                .map(|(k, t)| (format(*k), Inline::Text(t.clone())))
                .collect();
            let mut joined = Leaves::new();
            for (k, t) in &runs {
                push_text(&mut joined, format(*k), t);
            }
            proptest::prop_assert!(joined.len() <= apart.len());
            proptest::prop_assert_eq!(settle(joined), settle(apart));
        }
    }

    fn el(xml: &str) -> crate::xml::Tree<'_> {
        super::super::read::parse(
            "word/styles.xml",
            xml.as_bytes(),
            &crate::ReadOptions::default(),
        )
        .unwrap()
    }

    #[test]
    fn runs_printed_alike_are_one_leaf_but_white_space_stays_apart() {
        let bold = RunFormat {
            bold: true,
            ..RunFormat::default()
        };
        let mut line = Leaves::new();
        for (f, t) in [(bold, "Hel"), (bold, "lo"), (bold, " "), (bold, "world")] {
            push_text(&mut line, f, t);
        }
        push_text(&mut line, RunFormat::default(), "plain");
        let texts: Vec<_> = line
            .iter()
            .map(|(f, i)| (f.bold, crate::model::plain_text(std::slice::from_ref(i))))
            .collect();
        assert_eq!(
            texts,
            [
                (true, "Hello".to_string()),
                (true, " ".to_string()),
                (true, "world".to_string()),
                (false, "plain".to_string())
            ]
        );
    }

    /// Word shows a right-to-left run bold by `w:bCs` (its own or its character style's),
    /// not by `w:b`; a run with only `w:b` is taken at its word.
    #[test]
    fn right_to_left_runs_are_bold_by_their_complex_script_property() {
        let styles = el(
            r#"<w:styles xmlns:w="w"><w:style w:type="character" w:styleId="CsBold"><w:rPr><w:bCs/></w:rPr></w:style></w:styles>"#,
        );
        let styles = Styles::new(Some(styles.root()));
        for (rpr, bold) in [
            (r#"<w:rPr xmlns:w="w"><w:rtl/><w:bCs/></w:rPr>"#, true),
            (
                r#"<w:rPr xmlns:w="w"><w:rtl/><w:b/><w:bCs w:val="0"/></w:rPr>"#,
                false,
            ),
            (r#"<w:rPr xmlns:w="w"><w:rtl/><w:b/></w:rPr>"#, true),
            (
                r#"<w:rPr xmlns:w="w"><w:rtl/><w:rStyle w:val="CsBold"/></w:rPr>"#,
                true,
            ),
            // Left to right, w:bCs says nothing.
            (r#"<w:rPr xmlns:w="w"><w:bCs/></w:rPr>"#, false),
            (r#"<w:rPr xmlns:w="w"><w:b/></w:rPr>"#, true),
        ] {
            let r = el(rpr);
            assert_eq!(styles.format(Some(r.root())).bold, bold, "{rpr}");
        }
    }
}
