//! The second pass: the body. Tables go straight in; each other block is classified
//! ([`LineClass`]; the precedence of the rules is the order of [`Body::classify`]), then
//! handled by one arm per class.

use super::inlines::is_blank;
use super::inlines::{
    append_spaced, finish, join_lines, plain_tail, strip_prefix, strip_trailing, trimmed, unwrap,
    whole,
};
use super::scan::{
    decision_heading, ends_open, furniture, heading_numbering, para_number, resolution_start,
    roman_value, strip_marks, sub_number,
};
use super::{Input, Joined, Lines, heading_like, line_texts};
use crate::model::{
    Annex, Block, Division, DivisionKind, Document, Inline, List, Paragraph, Resolution, Table,
    TableRow, plain_text,
};

/// Longest enacting formula ("The General Assembly,", "The Conference of the Parties
/// serving as the meeting of the Parties to the Paris Agreement,"), in bytes; a longer line
/// starting with "The " and ending with a comma is a preambular paragraph.
const MAX_FORMULA: usize = 160;
/// Characters at a paragraph's end that tell whether it ends open (its final punctuation,
/// closing quotes and brackets, a note's asterisk).
const OPEN_END: usize = 8;

/// Longest adoption line ("12th plenary meeting", "13 November 2021"), in characters: in an
/// annex, a longer block starting "3rd meeting" is the annex's text.
const MAX_ADOPTION_LINE: usize = 60;

/// Where the open resolution or decision is being filled.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ResPart {
    Preamble,
    Operative,
    Adoption,
    Annex,
}

/// What a block of the body is.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum LineClass {
    /// Nothing to read: an empty block, a running header or footer left by an extractor.
    Furniture,
    /// "Annex", "Annex II" after a resolution or decision: its own annex.
    ResolutionAnnex(String),
    /// The title of the resolution's annex just opened.
    ResolutionAnnexTitle,
    /// "Annex", "Annex II" of the document.
    Annex(String),
    /// The title of the document's annex just opened.
    AnnexTitle,
    /// "Decision 6/CMA.3", "Resolution 73/8" alone: a decision starts, its title follows.
    DecisionHeading(String),
    /// The title of the decision just started.
    DecisionTitle,
    /// "73/8. Title": a resolution starts.
    ResolutionStart(String, String),
    /// "The General Assembly,".
    Formula,
    /// "[on the report of the Third Committee (A/73/589)]".
    Origin,
    /// "12th plenary meeting / 13 November 2021".
    Adoption,
    /// A heading: its kind and number as printed.
    Heading(DivisionKind, Option<String>),
    /// "12." or "24.11": a numbered paragraph, or a subparagraph of the open one ("24.11"
    /// under "24.").
    Numbered(String),
    /// "(a)": a subparagraph.
    Subparagraph(String),
    /// "• " or "- ": a list item.
    Bullet,
    /// Text that goes on from the open paragraph (cut by a page break).
    Continuation,
    /// Any other paragraph.
    Paragraph,
}

/// The paragraph being read, with its subparagraphs ("24.2" under "24.", "(a)" under
/// "24.2" or under "24.").
struct OpenPara {
    num: Option<String>,
    content: Vec<Inline>,
    subs: Vec<OpenPara>,
    /// The indentation of its first line, where the source shows it.
    indent: Option<u32>,
}

impl OpenPara {
    fn new(num: Option<String>, content: Vec<Inline>) -> Self {
        OpenPara {
            num,
            content,
            subs: vec![],
            indent: None,
        }
    }

    /// The text read last: the deepest last subparagraph's, or the paragraph's own.
    fn last_mut(&mut self) -> &mut Vec<Inline> {
        match self.subs.last_mut() {
            Some(s) => s.last_mut(),
            None => &mut self.content,
        }
    }

    fn last(&self) -> &[Inline] {
        self.subs.last().map_or(&self.content, |s| s.last())
    }

    /// Adds a lettered or roman subparagraph: under the last decimal subparagraph ("(a)"
    /// after "24.2" is 24.2's), or under the paragraph.
    fn push_sub(&mut self, sub: OpenPara) {
        // "24.2", not "1." (a numbered list's item).
        let decimal = |n: &str| {
            n.starts_with(|c: char| c.is_ascii_digit())
                && n.split_once('.')
                    .is_some_and(|(_, r)| r.starts_with(|c: char| c.is_ascii_digit()))
        };
        match self.subs.last_mut() {
            Some(last) if last.num.as_deref().is_some_and(decimal) => last.subs.push(sub),
            _ => self.subs.push(sub),
        }
    }

    fn into_paragraph(self) -> Paragraph {
        let mut p = paragraph(self.num, self.content);
        p.subparagraphs = self
            .subs
            .into_iter()
            .map(OpenPara::into_paragraph)
            .collect();
        p
    }
}

pub(crate) struct Body {
    origin: Option<String>,
    stack: Vec<Division>,
    root: Vec<Block>,
    annexes: Vec<Annex>,
    in_annex: bool,
    para: Option<OpenPara>,
    list: Option<List>,
    resolution: Option<(Resolution, ResPart)>,
    /// The stack height when the open resolution started: divisions above it are its own.
    res_base: usize,
}

fn rank(k: DivisionKind) -> u8 {
    match k {
        DivisionKind::Part => 0,
        DivisionKind::Chapter => 1,
        DivisionKind::Section => 2,
        DivisionKind::Subsection => 3,
        DivisionKind::Heading => 4,
    }
}

fn paragraph(num: Option<String>, mut content: Vec<Inline>) -> Paragraph {
    finish(&mut content);
    crate::model::compact(&mut content);
    Paragraph {
        num,
        content,
        subparagraphs: vec![],
    }
}

/// An annex's note of the languages it is issued in, printed under its label: "[English
/// only]", "[Arabic, English and French only]". The annex's title may follow it.
/// A paragraph that is only a language note: "[English only]", "[Arabic, English and
/// French only]" (annexes circulated as received).
pub(crate) fn language_note(b: &Block) -> bool {
    matches!(b, Block::Paragraph(p) if p.num.is_none() && language_note_text(&p.content))
}

fn language_note_text(v: &[Inline]) -> bool {
    /// Longest language note: all six languages named.
    const MAX_NOTE: usize = 80;
    // (Only the end is looked at: a long paragraph is no note, and is not copied whole.)
    let t = plain_tail(v, MAX_NOTE);
    let t = t.trim();
    t.starts_with('[') && t.ends_with("only]") && t.len() < MAX_NOTE
}

/// The annex label on a block's first line: "Annex", "ANNEX", "Annex IV", "Annex 2", and
/// so in each official language ("Annexe II", "Anexo", "Приложение", "المرفق الأول",
/// "附件一").
fn annex_label(b: &Lines, j: &Joined) -> Option<String> {
    let first = strip_marks(&first_line(b, j)?);
    let is_annex = crate::model::words::annex_label(&first);
    (is_annex && (heading_like(b, j) || b.hints.standalone || b.lines.len() <= 2)).then_some(first)
}

/// The trimmed plain text of a block's first line: the joined text's, when it is the only
/// line (the joined text is the line's, trimmed: blank lines are not joined, and what
/// joining trims, plain text trimmed drops too).
fn first_line<'j>(b: &Lines, j: &'j Joined) -> Option<std::borrow::Cow<'j, str>> {
    let first = b.lines.first()?;
    Some(match b.lines.len() {
        1 => std::borrow::Cow::Borrowed(j.text.as_str()),
        _ => std::borrow::Cow::Owned(plain_text(first).trim().to_string()),
    })
}

/// Whether the first line of a block is a meeting line ("12th plenary meeting").
fn meeting_line(b: &Lines, j: &Joined) -> bool {
    let first = first_line(b, j).unwrap_or_default();
    first.split_whitespace().next().is_some_and(|w| {
        let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit()) && w.len() > d.len()
    }) && first.contains("meeting")
}

impl Body {
    pub(crate) fn new(origin: Option<String>) -> Self {
        Body {
            origin,
            stack: vec![],
            root: vec![],
            annexes: vec![],
            in_annex: false,
            para: None,
            list: None,
            resolution: None,
            res_base: 0,
        }
    }

    /// Where the next block goes.
    fn container(&mut self) -> &mut Vec<Block> {
        if let Some((r, part)) = self.resolution.as_mut() {
            if self.stack.len() > self.res_base
                && let Some(d) = self.stack.last_mut()
            {
                return &mut d.content;
            }
            return match *part {
                ResPart::Preamble => &mut r.preamble,
                ResPart::Operative | ResPart::Adoption => &mut r.operative,
                ResPart::Annex => match r.annexes.last_mut() {
                    Some(a) => &mut a.body,
                    None => &mut r.operative,
                },
            };
        }
        if let Some(d) = self.stack.last_mut() {
            return &mut d.content;
        }
        if self.in_annex
            && let Some(a) = self.annexes.last_mut()
        {
            return &mut a.body;
        }
        &mut self.root
    }

    fn flush_para(&mut self) {
        if let Some(p) = self.para.take() {
            let para = p.into_paragraph();
            self.container().push(Block::Paragraph(para));
        }
        if let Some(l) = self.list.take() {
            self.container().push(Block::List(l));
        }
    }

    fn pop_division(&mut self) {
        if let Some(d) = self.stack.pop() {
            self.container().push(Block::Division(d));
        }
    }

    /// The stack height below which divisions are not the open resolution's.
    fn floor(&self) -> usize {
        if self.resolution.is_some() {
            self.res_base
        } else {
            0
        }
    }

    fn part(&self) -> Option<ResPart> {
        self.resolution.as_ref().map(|(_, p)| *p)
    }

    fn set_part(&mut self, part: ResPart) {
        if let Some((_, p)) = self.resolution.as_mut() {
            *p = part;
        }
    }

    fn close_resolution(&mut self) {
        self.flush_para();
        if self.resolution.is_some() {
            while self.stack.len() > self.res_base {
                self.pop_division();
            }
        }
        if let Some((r, _)) = self.resolution.take() {
            self.container().push(Block::Resolution(r));
        }
    }

    fn open_resolution(&mut self, r: Resolution) {
        self.res_base = self.stack.len();
        self.resolution = Some((r, ResPart::Preamble));
    }

    /// Whether a heading belongs to the open resolution or decision: its own chapters and
    /// sections stay in it until its adoption lines, or until a heading as high as the
    /// division the resolution sits in.
    fn keeps_heading(&self, kind: DivisionKind) -> bool {
        match self.part() {
            None | Some(ResPart::Adoption) => false,
            Some(_) => self
                .res_base
                .checked_sub(1)
                .and_then(|i| self.stack.get(i))
                .is_none_or(|outer| rank(kind) > rank(outer.kind)),
        }
    }

    fn heading(&mut self, kind: DivisionKind, num: Option<String>, heading: Vec<Inline>) {
        if self.keeps_heading(kind) {
            self.flush_para();
            if self.part() == Some(ResPart::Preamble) {
                // A heading ends the preamble: what follows is the operative part.
                self.set_part(ResPart::Operative);
            }
        } else {
            self.close_resolution();
        }
        let floor = self.floor();
        match &num {
            Some(_) => {
                let r = rank(kind);
                while self.stack.len() > floor
                    && self
                        .stack
                        .last()
                        .is_some_and(|t| t.num.is_none() || rank(t.kind) >= r)
                {
                    self.pop_division();
                }
            }
            None => {
                while self.stack.len() > floor && self.stack.last().is_some_and(|t| t.num.is_none())
                {
                    self.pop_division();
                }
            }
        }
        let mut heading = heading;
        finish(&mut heading);
        self.stack.push(Division {
            kind,
            num,
            heading,
            content: vec![],
        });
    }

    /// Whether the open resolution has nothing in it yet but its number.
    fn fresh_resolution(&self) -> bool {
        self.resolution.as_ref().is_some_and(|(r, _)| {
            r.title.is_empty()
                && r.annexes.is_empty()
                && r.formula.is_empty()
                && r.preamble.is_empty()
                && r.operative.is_empty()
        })
    }

    /// What the block is. The order of the rules is their precedence.
    pub(crate) fn classify(&self, b: &Lines, j: &Joined) -> LineClass {
        let (joined, text) = (&j.inlines, j.text.as_str());
        if is_blank(joined) || (b.lines.len() == 1 && furniture(text)) {
            return LineClass::Furniture;
        }
        let annex = annex_label(b, j);
        if let Some(label) = &annex
            && self.resolution.is_some()
        {
            return LineClass::ResolutionAnnex(label.clone());
        }
        let untitled_heading =
            || heading_like(b, j) && heading_numbering(text).0.is_none() && self.para.is_none();
        if self.part() == Some(ResPart::Annex)
            && self.stack.len() == self.floor()
            && untitled_heading()
            && self.resolution.as_ref().is_some_and(|(r, _)| {
                r.annexes
                    .last()
                    .is_some_and(|a| a.title.is_empty() && a.body.is_empty())
            })
        {
            return LineClass::ResolutionAnnexTitle;
        }
        if let Some(label) = annex {
            return LineClass::Annex(label);
        }
        // (Under the label, a note of the annex's languages may come before its title.)
        let after_note = || {
            self.para.as_ref().is_some_and(|p| {
                p.num.is_none() && p.subs.is_empty() && language_note_text(&p.content)
            })
        };
        if self.in_annex
            && self.stack.is_empty()
            && self.resolution.is_none()
            && (untitled_heading()
                || after_note() && heading_like(b, j) && heading_numbering(text).0.is_none())
            && self
                .annexes
                .last()
                .is_some_and(|a| a.title.is_empty() && a.body.iter().all(language_note))
        {
            return LineClass::AnnexTitle;
        }
        if let Some(num) = decision_heading(text) {
            return LineClass::DecisionHeading(num);
        }
        if self.fresh_resolution() && heading_like(b, j) && para_number(text).is_none() {
            return LineClass::DecisionTitle;
        }
        if let Some((num, title)) = resolution_start(text) {
            return LineClass::ResolutionStart(num, title);
        }
        if self.part() == Some(ResPart::Annex)
            && meeting_line(b, j)
            && line_texts(b, &j.text).all(|l| l.chars().count() <= MAX_ADOPTION_LINE)
        {
            // The adoption lines of a decision with annexes follow its last annex.
            return LineClass::Adoption;
        }
        if let Some((r, part)) = self
            .resolution
            .as_ref()
            .filter(|(_, p)| *p != ResPart::Annex)
        {
            let nothing_yet = r.preamble.is_empty() && r.operative.is_empty();
            if nothing_yet
                && r.formula.is_empty()
                && text.starts_with("The ")
                && text.ends_with(',')
                && text.len() < MAX_FORMULA
            {
                return LineClass::Formula;
            }
            if nothing_yet
                && r.origin.is_empty()
                && *part != ResPart::Adoption
                && text.starts_with('[')
                && text.ends_with(']')
            {
                return LineClass::Origin;
            }
            if *part == ResPart::Adoption || meeting_line(b, j) {
                return LineClass::Adoption;
            }
        }
        if heading_like(b, j)
            && self.para.as_ref().is_none_or(|p| {
                !ends_open(plain_tail(p.last(), OPEN_END).trim())
                    || b.hints.heading_level > 0
                    || whole(joined, true).is_some()
            })
        {
            let inner = plain_text(&unwrap(joined));
            // (A bold numbered line is a heading "1. Constitutional framework", unless the
            // source shows it as an item of a list inside a paragraph: bold recommendations.)
            let is_para = para_number(&inner).is_some()
                && (whole(joined, true).is_none() || b.hints.nested)
                && b.hints.heading_level == 0;
            if !is_para {
                let (kind, num) = match heading_numbering(&inner).0 {
                    Some((k, n)) => (k, Some(n)),
                    None => (DivisionKind::Heading, None),
                };
                return LineClass::Heading(self.disambiguate(kind, num.as_deref()), num);
            }
        }
        if let Some((num, _)) = para_number(text) {
            // "9.3 per cent of children…" at the top of a page, in a paragraph cut there
            // by the page break, is no paragraph "9.3": a decimal number that belongs
            // neither under the open paragraph ("53.") nor beside it ("115.165." before
            // "115.166."), where that paragraph goes on.
            let orphan_decimal = num.split_once('.').is_some_and(|(a, r)| {
                r.starts_with(|c: char| c.is_ascii_digit())
                    && self.para.as_ref().is_some_and(|p| {
                        p.num
                            .as_deref()
                            .is_none_or(|n| n.split('.').next() != Some(a))
                    })
            });
            let goes_on = self.para.as_ref().is_some_and(|p| {
                b.hints.continues || ends_open(plain_tail(p.last(), OPEN_END).trim())
            });
            if !(orphan_decimal && goes_on) {
                return LineClass::Numbered(num);
            }
        }
        if let Some((num, _)) = sub_number(text) {
            return LineClass::Subparagraph(num);
        }
        if text.starts_with("• ") || text.starts_with("- ") {
            return LineClass::Bullet;
        }
        // Text that goes on: the open paragraph ends without final punctuation, or this
        // block starts in lowercase (a sentence cut by a page break after a comma).
        if self.para.as_ref().is_some_and(|p| {
            b.hints.continues
                || ends_open(plain_tail(p.last(), OPEN_END).trim())
                || text.starts_with(char::is_lowercase)
        }) {
            return LineClass::Continuation;
        }
        LineClass::Paragraph
    }

    /// Reads one block of the body.
    pub(crate) fn block(&mut self, input: &mut Input, doc: &mut Document) {
        let b = match input {
            Input::Lines(b) => b,
            Input::Table { rows, .. } => {
                self.table(std::mem::take(rows));
                return;
            }
            // Taken by the recognizer before the body.
            Input::TitleNote(_) | Input::JobNumber(_) => return,
        };
        let j = Joined::take(b);
        let b = &*b;
        let class = self.classify(b, &j);
        let joined = j.inlines;
        match class {
            LineClass::Furniture => {}
            LineClass::ResolutionAnnex(label) => {
                self.flush_para();
                while self.stack.len() > self.res_base {
                    self.pop_division();
                }
                if let Some((r, part)) = self.resolution.as_mut() {
                    r.annexes.push(Annex {
                        label,
                        title: vec![],
                        body: vec![],
                    });
                    *part = ResPart::Annex;
                }
                self.open_after_label(b);
            }
            LineClass::ResolutionAnnexTitle => {
                let mut title = unwrap(&joined);
                finish(&mut title);
                if let Some(a) = self
                    .resolution
                    .as_mut()
                    .and_then(|(r, _)| r.annexes.last_mut())
                {
                    a.title = title;
                }
            }
            LineClass::Annex(label) => {
                self.close_resolution();
                self.flush_para();
                while !self.stack.is_empty() {
                    self.pop_division();
                }
                self.annexes.push(Annex {
                    label,
                    title: vec![],
                    body: vec![],
                });
                self.in_annex = true;
                self.open_after_label(b);
            }
            LineClass::AnnexTitle => {
                // (A language note under the label stays the annex's first paragraph.)
                self.flush_para();
                let mut title = unwrap(&joined);
                finish(&mut title);
                if let Some(a) = self.annexes.last_mut() {
                    a.title = title;
                }
            }
            LineClass::DecisionHeading(num) => {
                self.close_resolution();
                // A new decision ends the annex of the previous one.
                self.in_annex = false;
                while !self.stack.is_empty() {
                    self.pop_division();
                }
                let origin = self.take_origin();
                self.open_resolution(Resolution {
                    num: Some(num),
                    origin,
                    ..Resolution::default()
                });
            }
            LineClass::DecisionTitle => {
                let mut title = unwrap(&joined);
                finish(&mut title);
                if let Some((r, _)) = self.resolution.as_mut() {
                    r.title = title;
                }
            }
            LineClass::ResolutionStart(num, title) => {
                self.close_resolution();
                if doc.meta.title.is_none() {
                    doc.meta.title = Some(strip_marks(&title));
                }
                let origin = self.take_origin();
                // The title's inlines: the block without its number.
                let mut title = unwrap(&strip_prefix(unwrap(&joined), &format!("{num}.")));
                finish(&mut title);
                self.open_resolution(Resolution {
                    num: Some(num),
                    title,
                    origin,
                    ..Resolution::default()
                });
            }
            LineClass::Formula => {
                let mut formula = trimmed(joined);
                finish(&mut formula);
                if let Some((r, _)) = self.resolution.as_mut() {
                    r.formula = formula;
                }
            }
            LineClass::Origin => {
                let origin = plain_text(&joined).trim().to_string();
                if let Some((r, _)) = self.resolution.as_mut() {
                    r.origin = vec![Inline::Text(origin)];
                }
            }
            LineClass::Adoption => {
                self.flush_para();
                while self.stack.len() > self.res_base {
                    self.pop_division();
                }
                if let Some((r, part)) = self.resolution.as_mut() {
                    r.adoption.extend(
                        line_texts(b, &j.text)
                            .filter(|l| !l.is_empty())
                            .map(String::from),
                    );
                    *part = ResPart::Adoption;
                }
            }
            LineClass::Heading(kind, num) => {
                self.flush_para();
                let inner = unwrap(&joined);
                let mut rest = match &num {
                    Some(n) => strip_prefix(inner, n),
                    None => inner,
                };
                strip_trailing(&mut rest, &['∗', '*']);
                self.heading(kind, num, rest);
            }
            LineClass::Numbered(num) => {
                if self.part() == Some(ResPart::Preamble) {
                    // The first numbered paragraph ends the preamble.
                    self.flush_para();
                    self.set_part(ResPart::Operative);
                }
                // "24.11" or "99.1." under paragraph 24. or 99.
                let parent = num.split('.').next().map(|n| format!("{n}."));
                let decimal = num
                    .split_once('.')
                    .is_some_and(|(_, r)| r.starts_with(|c: char| c.is_ascii_digit()));
                let is_sub = decimal && self.para.as_ref().is_some_and(|p| p.num == parent);
                let content = strip_prefix(joined, &num);
                if is_sub {
                    if let Some(p) = self.para.as_mut() {
                        p.subs.push(OpenPara::new(Some(num), content));
                    }
                    return;
                }
                // A numbered list printed deeper than the open paragraph's number is that
                // paragraph's (UPR recommendations "1. To ratify…" inside paragraph 69): it
                // starts at 1 and goes on item by item. (A deeper paragraph number that does
                // neither is a page printed with another margin.)
                let value = |n: &str| n.strip_suffix('.').and_then(|d| d.parse::<u32>().ok());
                let deeper = match (b.hints.indent, self.para.as_ref()) {
                    (_, Some(p)) if b.hints.nested => p.num.is_some(),
                    (Some(i), Some(p)) => {
                        let last_sub = p.subs.last().and_then(|s| s.num.as_deref()).and_then(value);
                        p.num.is_some()
                            && p.indent.is_some_and(|pi| i >= pi + 3)
                            && value(&num).is_some_and(|v| {
                                v == 1 || last_sub.is_some_and(|l| v == l + 1 || v == l + 2)
                            })
                    }
                    _ => false,
                };
                if deeper {
                    if let Some(p) = self.para.as_mut() {
                        p.subs.push(OpenPara::new(Some(num), content));
                    }
                    return;
                }
                self.flush_para();
                let mut para = OpenPara::new(Some(num), content);
                para.indent = b.hints.indent;
                self.para = Some(para);
            }
            LineClass::Subparagraph(num) => {
                let content = strip_prefix(joined, &num);
                match self.para.as_mut() {
                    Some(p) => p.push_sub(OpenPara::new(Some(num), content)),
                    None => self.para = Some(OpenPara::new(Some(num), content)),
                }
            }
            LineClass::Bullet => {
                let bullet = if plain_text(&joined).trim_start().starts_with('•') {
                    "•"
                } else {
                    "-"
                };
                let content = strip_prefix(joined, bullet);
                if self.para.is_some() {
                    let list = self.list.take();
                    self.flush_para();
                    self.list = list;
                }
                self.list
                    .get_or_insert_with(List::default)
                    .items
                    .push(vec![Block::Paragraph(paragraph(None, content))]);
            }
            LineClass::Continuation => {
                if let Some(p) = self.para.as_mut() {
                    append_spaced(p.last_mut(), joined);
                }
            }
            LineClass::Paragraph => {
                self.flush_para();
                self.para = Some(OpenPara::new(None, trimmed(joined)));
            }
        }
    }

    fn take_origin(&mut self) -> Vec<Inline> {
        self.origin
            .take()
            .map(|o| vec![Inline::Text(o)])
            .unwrap_or_default()
    }

    fn table(&mut self, rows: Vec<(bool, Vec<Vec<Vec<Inline>>>)>) {
        self.flush_para();
        let rows = rows
            .into_iter()
            .map(|(header, cells)| TableRow {
                header,
                cells: cells
                    .into_iter()
                    .map(|c| {
                        c.into_iter()
                            .filter(|p| !is_blank(p))
                            .map(|p| Block::Paragraph(paragraph(None, trimmed(p))))
                            .collect()
                    })
                    .collect(),
            })
            .collect();
        self.container().push(Block::Table(Table { rows }));
    }

    /// Lines after an annex label ("Annex" / "[English only]") open a paragraph.
    fn open_after_label(&mut self, b: &Lines) {
        let rest = join_lines(b.lines.get(1..).unwrap_or_default());
        if !is_blank(&rest) {
            self.para = Some(OpenPara::new(None, rest));
        }
    }

    /// A single-letter heading number that is both a roman numeral and a letter ("C.", "D.",
    /// "I."): a section when it follows the previous section letter, a chapter otherwise.
    fn disambiguate(&self, kind: DivisionKind, num: Option<&str>) -> DivisionKind {
        let Some(n) = num.and_then(|n| n.strip_suffix('.')) else {
            return kind;
        };
        if n.len() != 1 || !matches!(kind, DivisionKind::Chapter | DivisionKind::Section) {
            return kind;
        }
        let c = n.as_bytes()[0];
        // The last section letter among open divisions' children or on the stack.
        let last_section = self
            .stack
            .iter()
            .rev()
            .find(|d| d.kind == DivisionKind::Section)
            .and_then(|d| d.num.as_deref());
        let last_section_in_chapter = self
            .stack
            .iter()
            .rev()
            .find(|d| d.kind == DivisionKind::Chapter)
            .and_then(|ch| {
                ch.content.iter().rev().find_map(|b| match b {
                    Block::Division(d) if d.kind == DivisionKind::Section => d.num.as_deref(),
                    _ => None,
                })
            });
        let prev = last_section
            .or(last_section_in_chapter)
            .and_then(|s| s.bytes().next());
        let expected_letter = prev.map_or(b'A', |p| p + 1);
        let chapter_value = self
            .stack
            .iter()
            .rev()
            .find(|d| d.kind == DivisionKind::Chapter)
            .and_then(|d| d.num.as_deref())
            .and_then(|n| roman_value(n.trim_end_matches('.')));
        let expected_roman = chapter_value.map_or(1, |v| v + 1);
        if c == expected_letter {
            DivisionKind::Section
        } else if roman_value(n) == Some(expected_roman) {
            DivisionKind::Chapter
        } else {
            kind
        }
    }

    pub(crate) fn finish(mut self, doc: &mut Document) {
        self.close_resolution();
        self.flush_para();
        while !self.stack.is_empty() {
            self.pop_division();
        }
        doc.body = std::mem::take(&mut self.root);
        doc.annexes = std::mem::take(&mut self.annexes);
    }
}
