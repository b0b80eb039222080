//! Printed lines → the model: the masthead, divisions and paragraphs, notes, resolutions and
//! decisions with their annexes.
//!
//! Format-neutral. Every reader of printed documents (PDF-extracted text, Word files written
//! by others, PDF) turns its source into [`Input`]s: blocks of printed lines whose content
//! is already the model's inlines (text, emphasis, strong, superscript, notes at their marks
//! with their content, links), plus what the source knows about them ([`Hints`]: a heading
//! level from a Word style or a Markdown `#`, whether the block stood alone). Nothing is
//! re-encoded as another format's text.
//!
//! Recognition is two passes over the inputs, as `docs/dev/recognition.md` describes:
//! `masthead.rs` reads the first-page block (symbol, organ, body, distribution, date,
//! languages, session, agenda items, title, subtitle, summary) and says where the body
//! starts; `body.rs` classifies each later block ([`body::LineClass`], one `match` holds the
//! precedence) and hands it to one handler per class. The questions asked of plain text
//! (is this a paragraph number? a decision heading? page furniture?) are pure functions in
//! `scan.rs`.

pub(crate) mod body;
pub(crate) mod inlines;
mod masthead;
#[cfg(any(feature = "text", feature = "pdf"))]
pub(crate) mod numbering;
pub(crate) mod scan;
mod toc;

use crate::model::{Document, Inline, JobNumber, TitleNote};
use crate::{Format, Warning, WarningKind};

/// What a reader gives the recognizer, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Input {
    /// A block of printed lines: a Word paragraph (lines split at its breaks), a block of
    /// extracted text between blank lines.
    Lines(Lines),
    /// A table: rows, each with its header flag and cells; a cell is a list of paragraphs.
    #[cfg_attr(not(any(feature = "text", feature = "docx")), allow(dead_code))]
    Table {
        rows: Vec<(bool, Vec<Vec<Vec<Inline>>>)>,
        at: usize,
    },
    /// A note printed as its own paragraph under the title block ("* Reissued for technical
    /// reasons on 2 March 2016.").
    #[cfg_attr(not(any(feature = "text", feature = "docx")), allow(dead_code))]
    TitleNote(TitleNote),
    /// A job number found outside the text flow (page footer, document properties).
    JobNumber(JobNumber),
}

/// A block of printed lines with what its source knows about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Lines {
    /// The printed lines, each as inlines.
    pub lines: Vec<Vec<Inline>>,
    /// What the source says about the block.
    pub hints: Hints,
    /// Where the block starts in the source (a 1-based line or paragraph number; 0 when
    /// unknown), for warnings.
    pub at: usize,
}

/// What a source knows about a block besides its text.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Hints {
    /// The heading level the source gives (a Word heading style, a Markdown `#` count); 0
    /// when the source says nothing.
    pub heading_level: usize,
    /// Whether the block stood alone (between blank lines; a Word paragraph always does).
    pub standalone: bool,
    /// Whether the source marks the block as a line of the title block (New York's
    /// `TitleHCH`, `TitleH1`, `TitleH2` styles): after the title, such lines are the
    /// subtitle ("Part VI" / "Human rights and humanitarian affairs" / "Section 24"), never
    /// headings of the body.
    pub title_block: bool,
    /// How far the block's first line is indented, where the source shows it (layout text:
    /// characters); a numbered list printed deeper than its paragraph's number belongs to
    /// that paragraph.
    pub indent: Option<u32>,
    /// Whether the source shows a numbered block as an item of a list printed inside the
    /// paragraph above (deeper than its number, numbered on from 1).
    pub nested: bool,
    /// Whether the block starts a page after a last line that ran to the right edge of the
    /// page before: the paragraph goes on across the page break (PDF).
    pub continues: bool,
}

/// Where warnings point: the format read and how it names a block's position.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Source {
    /// The format being read.
    pub format: Format,
    /// Where a block is, given its `at`: line 12 of the input, paragraph 12 of
    /// word/document.xml.
    pub locate: fn(usize) -> crate::Location,
}

impl Source {
    pub(crate) fn warn(
        &self,
        warnings: &mut Vec<Warning>,
        kind: WarningKind,
        at: usize,
        msg: impl Into<String>,
    ) {
        let location = if at > 0 {
            (self.locate)(at)
        } else {
            "document".into()
        };
        warnings.push(Warning::new(self.format, location, msg).with_kind(kind));
    }
}

/// The warning's words for a skipped table of contents of `n` entries.
pub(crate) fn toc_skipped(n: usize) -> String {
    let entries = if n == 1 { "entry" } else { "entries" };
    format!("table of contents skipped ({n} {entries}; they repeat the headings)")
}

/// Recognizes a document in the inputs; what could not be recognized is said in `warnings`.
pub(crate) fn recognize(inputs: Vec<Input>, src: Source, warnings: &mut Vec<Warning>) -> Document {
    let mut doc = Document::default();
    let mut blocks = Vec::new();
    for input in inputs {
        match input {
            Input::JobNumber(j) => {
                doc.meta.job_number.get_or_insert(j);
            }
            Input::TitleNote(n) => {
                if crate::model::plain_text(&n.content)
                    .trim_start()
                    .starts_with("Reissued for technical reasons")
                {
                    doc.meta.reissued = true;
                }
                doc.meta.title_notes.push(n);
            }
            other => blocks.push(other),
        }
    }
    let mut blocks = toc::drop_tables_of_contents(blocks, src, warnings);
    let (start, origin) = masthead::read(&blocks, &mut doc, src, warnings);
    if doc.meta.language.is_none() {
        // Failing a line that says so, the language the masthead is written in.
        let m = &doc.meta;
        let text = [
            m.organ.as_deref(),
            m.subsidiary_body.as_deref(),
            m.session.as_ref().and_then(|s| s.label.as_deref()),
            m.title.as_deref(),
            m.subtitle.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        doc.meta.language = crate::model::words::language_of(&text);
    }
    let mut b = body::Body::new(origin);
    for blk in blocks.get_mut(start..).unwrap_or_default() {
        b.block(blk, &mut doc);
    }
    b.finish(&mut doc);
    // A reissue says so in a title note, whichever way the note reached the masthead.
    if doc.meta.title_notes.iter().any(|n| {
        crate::model::plain_text(&n.content)
            .trim_start()
            .starts_with("Reissued for technical reasons")
    }) {
        doc.meta.reissued = true;
    }
    if doc.meta.title.is_none() {
        src.warn(warnings, WarningKind::MissingTitle, 0, "no title found");
    }
    if doc.meta.symbols.is_empty() {
        src.warn(
            warnings,
            WarningKind::MissingSymbol,
            0,
            "no document symbol found",
        );
        if let Some(w) = warnings.last_mut() {
            w.hint = Some("give one with --set symbol=…".into());
        }
    }
    if doc.meta.date.is_none() {
        src.warn(
            warnings,
            WarningKind::MissingDate,
            0,
            "no date of issue found",
        );
    }
    doc.normalize();
    doc
}

/// A block's lines joined into one run of inlines, and its trimmed plain text: computed once
/// per block, asked by every rule.
pub(crate) struct Joined {
    pub inlines: Vec<Inline>,
    pub text: String,
}

impl Joined {
    pub(crate) fn of(b: &Lines) -> Self {
        Self::from_inlines(inlines::join_lines(&b.lines))
    }

    /// [`Joined::of`] a block the caller is done with but for the count of its lines and
    /// their text: a single line is moved out, not copied, and left empty (the joined text
    /// is its text; [`line_texts`] gives it), as most blocks of a Word file are one
    /// paragraph of one line. Blocks of several lines are copied as by [`Joined::of`].
    pub(crate) fn take(b: &mut Lines) -> Self {
        match b.lines.as_mut_slice() {
            [one] => Self::from_inlines(inlines::join_owned(vec![std::mem::take(one)])),
            lines => Self::from_inlines(inlines::join_lines(lines)),
        }
    }

    fn from_inlines(inlines: Vec<Inline>) -> Self {
        let text = crate::model::plain_text(&inlines).trim().to_string();
        Joined { inlines, text }
    }
}

/// The trimmed plain text of each of `b`'s lines, whether or not [`Joined::take`] moved its
/// only line out (`text` is then that line's: the joined text); a blank line gives an
/// empty text.
pub(crate) fn line_texts<'s>(
    b: &'s Lines,
    text: &'s str,
) -> impl Iterator<Item = std::borrow::Cow<'s, str>> + 's {
    let single = b.lines.len() == 1;
    b.lines.iter().map(move |l| {
        if single {
            std::borrow::Cow::Borrowed(text)
        } else {
            std::borrow::Cow::Owned(crate::model::plain_text(l).trim().to_string())
        }
    })
}

/// A block in the body that is a heading rather than running text: a heading by its
/// source's word (style, `#`), a line wholly in bold, or a short line standing alone
/// without final punctuation.
pub(crate) fn heading_like(b: &Lines, j: &Joined) -> bool {
    /// Longest heading, in characters: UN headings run to two or three printed lines.
    const MAX_HEADING: usize = 250;
    /// Longest line standing alone that is taken as a heading without being bold.
    const MAX_PLAIN_HEADING: usize = 200;
    /// Most printed lines a plain standalone heading spans.
    const MAX_HEADING_LINES: usize = 3;
    if b.hints.heading_level > 0 {
        return true;
    }
    let t = j.text.as_str();
    if t.is_empty()
        || t.chars().count() > MAX_HEADING
        || t.ends_with(['.', ',', ';', ':'])
        || scan::ends_mid_phrase(t)
    {
        return false;
    }
    if inlines::whole(&j.inlines, true).is_some() {
        return true;
    }
    b.hints.standalone
        && b.lines.len() <= MAX_HEADING_LINES
        && t.chars().count() <= MAX_PLAIN_HEADING
        && t.starts_with(|c: char| c.is_uppercase() || c == '(')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(ls: Vec<Vec<Inline>>) -> Lines {
        Lines {
            lines: ls,
            hints: Hints::default(),
            at: 0,
        }
    }

    #[test]
    fn a_block_taken_joins_as_a_block_lent() {
        let t = |s: &str| Inline::Text(s.into());
        for ls in [
            vec![vec![
                t("  12th plenary meeting "),
                Inline::Strong(vec![t("x")]),
            ]],
            vec![vec![t("asylum-")], vec![t("seekers")]],
            vec![vec![t(" ")]],
            vec![],
        ] {
            let lent = lines(ls.clone());
            let of = Joined::of(&lent);
            let mut given = lines(ls.clone());
            let taken = Joined::take(&mut given);
            assert_eq!((&taken.inlines, &taken.text), (&of.inlines, &of.text));
            // The count of lines stays, and so does each line's text.
            assert_eq!(given.lines.len(), ls.len());
            let want: Vec<String> = ls
                .iter()
                .map(|l| crate::model::plain_text(l).trim().to_string())
                .collect();
            let got: Vec<String> = line_texts(&given, &taken.text).map(String::from).collect();
            assert_eq!(got, want);
        }
    }
}
