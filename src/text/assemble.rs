//! From [`Item`]s to a [`Document`]: the masthead, then the body.

use std::collections::{HashMap, VecDeque};

use super::inline::{parse, plain, whole};
use super::{Block as TBlock, Item};
use crate::model::{
    AgendaItem, Annex, Block, Date, Distribution, Division, DivisionKind, DocKind, Document,
    Inline, JobNumber, Language, List, Paragraph, Resolution, Session, Symbol, Table, TableRow,
    TitleNote,
};
use crate::{Format, Warning};

/// Principal organs as mastheads print them.
const ORGANS: &[&str] = &[
    "General Assembly",
    "Security Council",
    "Economic and Social Council",
    "Trusteeship Council",
    "Secretariat",
    "International Court of Justice",
];

fn warn(w: &mut Vec<Warning>, line: usize, msg: impl Into<String>) {
    w.push(Warning::new(
        Format::Text,
        if line > 0 {
            format!("line {line}")
        } else {
            "document".into()
        },
        msg,
    ));
}

pub(crate) fn assemble(items: Vec<Item>, warnings: &mut Vec<Warning>) -> Document {
    let mut doc = Document::default();
    let mut notes: HashMap<String, VecDeque<(String, usize)>> = HashMap::new();
    let mut blocks = Vec::new();
    for it in items {
        match it {
            Item::Block(b) => blocks.push(b),
            Item::PageBreak => {}
            Item::JobNumber(j) => {
                if doc.meta.job_number.is_none() {
                    doc.meta.job_number = j.parse().ok();
                }
            }
            Item::NoteDef { marker, text, line } => {
                notes.entry(marker).or_default().push_back((text, line))
            }
            Item::StarNote { marker, text, .. } => {
                if text
                    .trim_start()
                    .starts_with("Reissued for technical reasons")
                {
                    doc.meta.reissued = true;
                }
                let content = parse(&text, &mut |_| None);
                doc.meta.title_notes.push(TitleNote { marker, content });
            }
        }
    }
    let (start, origin) = masthead(&blocks, &mut doc, warnings);
    let mut b = Body::new(notes, origin);
    for blk in &blocks[start..] {
        b.block(blk, &mut doc);
    }
    b.finish(&mut doc, warnings);
    if doc.meta.title.is_none() {
        warn(warnings, 0, "no title found");
    }
    if doc.meta.symbols.is_empty() {
        warn(
            warnings,
            0,
            "no document symbol found (give one with --set symbol=…)",
        );
    }
    if doc.meta.date.is_none() {
        warn(warnings, 0, "no date of issue found");
    }
    doc
}

// ---------------------------------------------------------------------------------------
// Masthead

/// "Agenda items 2 and 3" → ["2", "3"]; "Agenda item 4 (a)" → ["4 (a)"]; "Items 137 and 138
/// of the preliminary list", "Item 4 of the provisional agenda" too.
#[cfg(test)]
fn agenda_numbers(l: &str) -> Option<Vec<String>> {
    agenda_line(l).map(|(n, _)| n)
}

/// An agenda line: its numbers, and the title when it follows on the same line ("Agenda
/// item 6 Universal periodic review").
fn agenda_line(l: &str) -> Option<(Vec<String>, String)> {
    let t = l.trim().trim_end_matches('*');
    let lower = t.to_lowercase();
    let rest = ["agenda items", "agenda item", "items", "item"]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &t[p.len()..]))?;
    if !rest.starts_with(' ') || !rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Numbers: "2 and 3", "4 (a)", "137, 138 and 139"; then "of the … agenda/list", then
    // maybe the title.
    let mut nums = String::new();
    let mut words = rest.split_whitespace().peekable();
    while let Some(w) = words.peek() {
        let bare = w.trim_end_matches([',', '*']);
        let numeric = bare.starts_with(|c: char| c.is_ascii_digit())
            || (bare.starts_with('(') && bare.ends_with(')') && bare.len() <= 5)
            || bare == "and";
        if !numeric {
            break;
        }
        nums.push_str(w);
        nums.push(' ');
        words.next();
    }
    let mut title: Vec<&str> = words.collect();
    if title.first() == Some(&"of") {
        // "of the provisional agenda", "of the preliminary list"
        let end = title
            .iter()
            .position(|w| matches!(w.trim_end_matches(['*', ',']), "agenda" | "list"))
            .map_or(title.len(), |i| i + 1);
        title.drain(..end);
    }
    let numbers: Vec<String> = nums
        .replace(" and ", ",")
        .split(',')
        .map(|s| s.trim().trim_end_matches('*').to_string())
        .filter(|s| !s.is_empty() && s != "and")
        .collect();
    let ok = !numbers.is_empty()
        && numbers
            .iter()
            .all(|n| n.starts_with(|c: char| c.is_ascii_digit()) && n.len() <= 12);
    ok.then(|| (numbers, title.join(" ")))
}

fn job_number(l: &str) -> Option<JobNumber> {
    JobNumber::parse_prefix(l).filter(|j| j.serial().len() == 5 || j.office().is_some())
}

fn is_dates_line(l: &str) -> bool {
    let t = l.trim();
    t.len() < 60
        && t.chars().any(|c| c.is_ascii_digit())
        && crate::model::MONTHS.iter().any(|m| t.contains(m))
}

/// Masthead items an extractor ran together on one line: "United Nations A/HRC/59/15",
/// "General Assembly Distr.: General", "24 March 2025 Original: English".
fn split_merged(l: &str) -> Vec<String> {
    let t = l.trim();
    for key in [" Distr.", " Distr:", " DISTR.", " Original:", " ORIGINAL:"] {
        if let Some(i) = t.find(key) {
            let mut out = split_merged(&t[..i]);
            out.extend(split_merged(&t[i + 1..]));
            return out;
        }
    }
    if Symbol::parse_printed(t).is_err() {
        if let Some((head, tail)) = t.rsplit_once(' ') {
            if Symbol::parse_printed(tail).is_ok() && !head.trim().is_empty() {
                return vec![head.trim().to_string(), tail.to_string()];
            }
        }
    }
    vec![t.to_string()]
}

/// A line that is page furniture: a symbol, a page number ("2", "2/12", "Page 2"), a job
/// number ("GE.16-01234", "16-01234 (E) 290116").
fn furniture(t: &str) -> bool {
    let t = t.trim();
    let digits = |x: &str| !x.is_empty() && x.len() <= 4 && x.bytes().all(|b| b.is_ascii_digit());
    Symbol::parse_printed(t).is_ok()
        || digits(t)
        || t.split_once('/')
            .is_some_and(|(a, b)| digits(a) && digits(b))
        || t.strip_prefix("Page ").is_some_and(digits)
        || job_number(t).is_some()
}

fn ends_open(text: &str) -> bool {
    let t = plain(text);
    let t = t.trim_end_matches(|c: char| c == '*' || c.is_whitespace());
    let t = t.trim_end_matches(['”', '’', '"', ')', ']', '»']);
    !t.ends_with(['.', ':', ';', '?', '!', ','])
}

fn is_body_start(b: &TBlock) -> bool {
    let t = plain(&b.joined());
    if t.eq_ignore_ascii_case("Introduction") {
        return true;
    }
    if resolution_start(&t).is_some() || decision_heading(&t).is_some() {
        return true;
    }
    if heading_like(b)
        && matches!(
            heading_numbering(&t).0,
            Some((
                DivisionKind::Chapter | DivisionKind::Section | DivisionKind::Part,
                _
            ))
        )
    {
        return true;
    }
    para_number(&t).is_some()
}

/// Splits title lines into title and subtitle: a line continues the title when the title so
/// far ends with a small word or is long (wrapped), or the line starts in lowercase.
fn split_title(lines: &[String]) -> Vec<String> {
    const SMALL: &[&str] = &[
        "on", "of", "the", "and", "for", "in", "to", "a", "an", "by", "with", "against", "at",
        "from", "its", "their",
    ];
    let mut groups: Vec<String> = Vec::new();
    let mut last_len = 0;
    for l in lines {
        let l = l.trim();
        if l.is_empty() {
            continue;
        }
        let cont = groups.last().is_some_and(|g| {
            let last = g.rsplit(' ').next().unwrap_or("").to_lowercase();
            let marked = g.ends_with('*') || g.ends_with('∗');
            !marked
                && (SMALL.contains(&last.as_str())
                    || last_len >= 45
                    || l.starts_with(|c: char| c.is_lowercase()))
        });
        last_len = l.chars().count();
        match groups.last_mut() {
            Some(g) if cont => {
                g.push(' ');
                g.push_str(l);
            }
            _ => groups.push(l.to_string()),
        }
    }
    groups
}

fn strip_marks(s: &str) -> String {
    s.trim().trim_end_matches(['*', '∗']).trim_end().to_string()
}

/// Recognizes the masthead; returns the index of the first body block and a resolution's
/// origin line if one was found there.
fn masthead(
    blocks: &[TBlock],
    doc: &mut Document,
    warnings: &mut Vec<Warning>,
) -> (usize, Option<String>) {
    let m = &mut doc.meta;
    let mut recognized = false;
    let mut title_found = false;
    let mut seen_session = false;
    let mut pending_agenda = 0usize;
    let mut in_summary = false;
    let mut title_level: Option<usize> = None;
    let mut origin = None;
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        let joined = b.joined();
        let text = plain(&joined);
        let lines: Vec<String> = if title_found {
            b.lines.iter().map(|l| plain(l)).collect()
        } else {
            b.lines
                .iter()
                .flat_map(|l| split_merged(&plain(l)))
                .collect()
        };

        if lines.len() == 1 {
            if let Some(j) = job_number(&lines[0]) {
                m.job_number.get_or_insert(j);
                i += 1;
                continue;
            }
            if lines[0].starts_with('*')
                && lines[0].ends_with('*')
                && lines[0].len() > 2
                && lines[0][1..lines[0].len() - 1]
                    .bytes()
                    .all(|c| c.is_ascii_digit())
            {
                i += 1; // barcode "*1406716*"
                continue;
            }
        }
        if !b.rows.is_empty() {
            if title_found || recognized {
                break;
            }
            return (i, origin);
        }
        if lines
            .first()
            .is_some_and(|l| l.eq_ignore_ascii_case("Contents"))
        {
            i += 1;
            while i < blocks.len()
                && (!blocks[i].rows.is_empty()
                    || blocks[i]
                        .lines
                        .iter()
                        .any(|l| l.contains(".....") || l.contains("Paragraphs"))
                    || blocks[i].lines.iter().all(|l| {
                        plain(l)
                            .chars()
                            .all(|c| c.is_ascii_digit() || c.is_whitespace())
                    }))
            {
                i += 1;
            }
            continue;
        }
        if title_found {
            if is_body_start(b) {
                break;
            }
            if text.eq_ignore_ascii_case("Summary") {
                in_summary = true;
                i += 1;
                continue;
            }
            if in_summary {
                let content = parse(&joined, &mut |_| None);
                m.summary.push(Block::Paragraph(Paragraph {
                    num: None,
                    content,
                    subparagraphs: vec![],
                }));
                i += 1;
                continue;
            }
            // A title set on two heading lines: "Enhancement of international cooperation in" /
            // "the field of human rights".
            if let (Some(level), Some(title)) = (title_level, m.title.as_mut()) {
                let last = title.rsplit(' ').next().unwrap_or("").to_lowercase();
                let cont = text.starts_with(|c: char| c.is_lowercase())
                    || matches!(
                        last.as_str(),
                        "on" | "of"
                            | "the"
                            | "and"
                            | "for"
                            | "in"
                            | "to"
                            | "a"
                            | "an"
                            | "by"
                            | "with"
                            | "against"
                            | "at"
                            | "from"
                    );
                if m.subtitle.is_none() && b.heading_level == level && level > 0 && cont {
                    title.push(' ');
                    title.push_str(&strip_marks(&text));
                    i += 1;
                    continue;
                }
            }
            if m.subtitle.is_none() && heading_like(b) {
                m.subtitle = Some(strip_marks(&text));
                if m.kind.is_none() {
                    m.kind = DocKind::guess(&text);
                }
                i += 1;
                continue;
            }
            break;
        }
        if pending_agenda > 0 {
            if text.starts_with("Resolution adopted") || text.starts_with("Decision adopted") {
                pending_agenda = 0;
            } else {
                let at = m.agenda_items.len() - pending_agenda;
                if let Some(a) = m.agenda_items.get_mut(at) {
                    a.title = strip_marks(&text);
                }
                pending_agenda -= 1;
                i += 1;
                continue;
            }
        }
        if recognized && is_body_start(b) && !text.starts_with("Resolution adopted") {
            // The body begins before any title was seen.
            break;
        }
        if text.starts_with("Resolution adopted") || text.starts_with("Decision adopted") {
            let is_res = text.starts_with("Resolution");
            m.kind = Some(if is_res {
                DocKind::Resolution
            } else {
                DocKind::Decision
            });
            let (sub, rest): (Vec<&String>, Vec<&String>) =
                lines.iter().partition(|l| !l.starts_with('['));
            m.subtitle = Some(sub.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" "));
            if !rest.is_empty() {
                origin = Some(
                    rest.iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
            recognized = true;
            title_found = true;
            i += 1;
            continue;
        }
        let mut li = 0;
        while li < lines.len() {
            let l = lines[li].trim();
            li += 1;
            if l.is_empty() {
                continue;
            }
            let lower = l.to_lowercase();
            if lower == "united nations"
                || lower == "nations unies"
                || (l.len() == 1 && l.chars().all(|c| c.is_ascii_uppercase()))
            {
                // "United Nations", and the large series letter of older mastheads ("E").
                recognized = true;
            } else if let Ok((s, r)) = Symbol::parse_printed(l) {
                if !m.symbols.contains(&s) {
                    m.symbols.push(s);
                }
                m.reissued |= r;
                recognized = true;
            } else if ORGANS.iter().any(|o| o.eq_ignore_ascii_case(l)) {
                m.organ = Some(l.to_string());
                recognized = true;
            } else if lower.starts_with("distr") {
                m.distribution = Distribution::parse_printed(l).or_else(|| {
                    // "Distr.: General 29 January 2016" on one line.
                    let rest = l
                        .trim_start_matches(|c: char| c != ':' && c != ' ')
                        .trim_start_matches([':', ' ']);
                    let (word, date) = rest.split_once(' ')?;
                    if m.date.is_none() {
                        m.date = Date::parse_printed(date);
                    }
                    Distribution::parse_printed(word)
                });
                if m.distribution.is_none() {
                    warn(
                        warnings,
                        b.line,
                        format!("distribution line {l:?} not understood"),
                    );
                }
                recognized = true;
            } else if let (None, Some(d)) = (m.date, Date::parse_printed(l)) {
                m.date = Some(d);
                recognized = true;
            } else if let Some(lang) = lower.strip_prefix("original:") {
                m.original_language = Language::from_name(lang.trim());
                // The masthead words recognized here are English ones: this version is English.
                m.language.get_or_insert(Language::ENGLISH);
                if m.original_language.is_none() {
                    warn(
                        warnings,
                        b.line,
                        format!("original language {:?} not known", lang.trim()),
                    );
                }
                recognized = true;
            } else if let Some(s) = Session::parse_printed(l) {
                m.session = Some(s);
                seen_session = true;
                recognized = true;
            } else if seen_session
                && is_dates_line(l)
                && m.session.as_ref().is_some_and(|s| s.dates.is_none())
            {
                if let Some(s) = m.session.as_mut() {
                    s.dates = Some(l.to_string());
                }
            } else if let Some((nums, same_line)) = agenda_line(l) {
                let n = nums.len();
                m.agenda_items
                    .extend(nums.into_iter().map(|number| AgendaItem {
                        number: Some(number),
                        title: String::new(),
                    }));
                recognized = true;
                let mut rest: Vec<String> = lines[li..].to_vec();
                if !same_line.is_empty() {
                    rest.insert(0, same_line);
                }
                if rest.is_empty() {
                    pending_agenda = n;
                } else {
                    let title = rest.join(" ");
                    if let Some(a) = m.agenda_items.iter_mut().rev().nth(n.saturating_sub(1)) {
                        a.title = strip_marks(&title);
                    }
                    if n > 1 {
                        warn(
                            warnings,
                            b.line,
                            "several agenda items with their titles in one block: titles not split",
                        );
                    }
                    li = lines.len();
                }
            } else if !seen_session
                && m.body.is_none()
                && recognized
                && l.len() < 90
                && !l.ends_with('.')
                && (b.heading_level > 0 || is_body_name(l))
            {
                m.body = Some(l.to_string());
            } else if recognized {
                // The title (and in layout text the subtitle lines after it).
                let title_lines: Vec<String> = lines[li - 1..].to_vec();
                let groups = split_title(&title_lines);
                let mut g = groups.into_iter();
                m.title = g.next().map(|t| strip_marks(&t));
                let rest: Vec<String> = g.map(|t| strip_marks(&t)).collect();
                if !rest.is_empty() {
                    m.subtitle = Some(rest.join(" "));
                }
                if m.kind.is_none() {
                    m.kind = m
                        .title
                        .as_deref()
                        .and_then(DocKind::guess)
                        .or_else(|| m.subtitle.as_deref().and_then(DocKind::guess));
                }
                title_found = true;
                title_level = Some(b.heading_level);
                break;
            } else {
                // Nothing UN-like so far: the body starts here.
                return (i, origin);
            }
        }
        i += 1;
    }
    (i, origin)
}

/// A block in the body that is a heading rather than running text: a Markdown heading, a
/// whole-bold line, or (layout text) a short line standing alone without final punctuation.
fn heading_like(b: &TBlock) -> bool {
    let joined = b.joined();
    if b.heading_level > 0 {
        return true;
    }
    let t = plain(&joined);
    if t.is_empty() || t.chars().count() > 250 || t.ends_with(['.', ',', ';', ':']) {
        return false;
    }
    if whole(&joined, true).is_some() {
        return true;
    }
    b.standalone
        && b.lines.len() <= 3
        && t.chars().count() <= 200
        && t.starts_with(|c: char| c.is_uppercase() || c == '(')
}

/// A subsidiary body's name as mastheads print it: "Human Rights Council", "Commission on
/// Narcotic Drugs", "Conference of the Parties …".
fn is_body_name(l: &str) -> bool {
    const WORDS: &[&str] = &[
        "Council",
        "Commission",
        "Committee",
        "Conference",
        "Board",
        "Group",
        "Forum",
        "Parties",
        "Bureau",
        "Meeting",
        "Assembly",
        "Agreement",
        "Body",
        "Session of",
    ];
    let lower = l.to_lowercase();
    l.chars().next().is_some_and(char::is_uppercase)
        && l.len() < 120
        && WORDS.iter().any(|w| lower.contains(&w.to_lowercase()))
}

fn roman_value(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?
        } else {
            total += v
        }
        prev = prev.max(v);
    }
    (total > 0 && s.len() <= 6).then_some(total)
}

/// Numbering at the start of a heading: kind and number as printed, and the rest.
fn heading_numbering(t: &str) -> (Option<(DivisionKind, String)>, String) {
    let t = t.trim();
    if let Some((head, rest)) = t.split_once(|c: char| c.is_whitespace()) {
        let rest = rest.trim().to_string();
        if let Some(n) = head.strip_suffix('.') {
            if roman_value(n).is_some() && (n.len() > 1 || "IVX".contains(n)) {
                return (Some((DivisionKind::Chapter, head.to_string())), rest);
            }
            if n.len() == 1 && n.bytes().all(|b| b.is_ascii_uppercase()) {
                return (Some((DivisionKind::Section, head.to_string())), rest);
            }
            if !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()) {
                return (Some((DivisionKind::Subsection, head.to_string())), rest);
            }
        }
        if head.len() <= 5
            && head.starts_with('(')
            && head.ends_with(')')
            && head[1..head.len() - 1]
                .bytes()
                .all(|b| b.is_ascii_lowercase())
        {
            return (Some((DivisionKind::Heading, head.to_string())), rest);
        }
        if head.eq_ignore_ascii_case("Part") && rest.split_whitespace().count() <= 1 {
            return (Some((DivisionKind::Part, t.to_string())), String::new());
        }
    }
    (None, t.to_string())
}

/// "12. text" → ("12.", "text"); also "24.11 text".
fn para_number(t: &str) -> Option<(String, String)> {
    let t = t.trim_start();
    let end = t.find(|c: char| c.is_whitespace())?;
    let head = &t[..end];
    let rest = t[end..].trim_start();
    let digits_dots = !head.is_empty()
        && head.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && head.as_bytes()[0].is_ascii_digit();
    let ok = digits_dots
        && (head.ends_with('.') || head.contains('.'))
        && head.len() <= 8
        && !rest.is_empty();
    ok.then(|| (head.to_string(), rest.to_string()))
}

/// "(a) text" → ("(a)", "text").
fn sub_number(t: &str) -> Option<(String, String)> {
    let t = t.trim_start();
    if !t.starts_with('(') {
        return None;
    }
    let close = t.find(')')?;
    let head = &t[..=close];
    let inner = &t[1..close];
    let ok = t.starts_with('(')
        && !inner.is_empty()
        && inner.len() <= 5
        && inner.bytes().all(|b| b.is_ascii_lowercase());
    let rest = t[close + 1..].trim_start();
    (ok && !rest.is_empty()).then(|| (head.to_string(), rest.to_string()))
}

/// "Decision 6/CMA.3", "Resolution 73/8" alone on a line → "6/CMA.3", "73/8": the heading
/// of a decision or resolution whose title follows on its own.
fn decision_heading(t: &str) -> Option<String> {
    let t = t.trim();
    let rest = t
        .strip_prefix("Decision ")
        .or_else(|| t.strip_prefix("Resolution "))?;
    let ok = !rest.contains(' ')
        && rest.contains('/')
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && rest.len() <= 24;
    ok.then(|| rest.to_string())
}

/// "73/8. Title" → ("73/8", "Title").
fn resolution_start(t: &str) -> Option<(String, String)> {
    let t = t.trim_start();
    let end = t.find(|c: char| c.is_whitespace())?;
    let head = t[..end].strip_suffix('.')?;
    let (a, b) = head.split_once('/')?;
    let ok = !a.is_empty()
        && a.bytes().all(|c| c.is_ascii_digit())
        && !b.is_empty()
        && b.bytes().next().is_some_and(|c| c.is_ascii_digit());
    ok.then(|| (head.to_string(), t[end..].trim().to_string()))
}

// ---------------------------------------------------------------------------------------
// Body

#[derive(Clone, Copy, PartialEq)]
enum ResPart {
    Preamble,
    Operative,
    Adoption,
    /// In the resolution's annex; divisions above this stack height belong to it.
    Annex(usize),
}

struct OpenPara {
    num: Option<String>,
    text: String,
    subs: Vec<(String, String)>,
}

struct Body {
    notes: HashMap<String, VecDeque<(String, usize)>>,
    origin: Option<String>,
    stack: Vec<Division>,
    root: Vec<Block>,
    annexes: Vec<Annex>,
    in_annex: bool,
    para: Option<OpenPara>,
    list: Option<List>,
    resolution: Option<(Resolution, ResPart)>,
}

impl Body {
    fn new(notes: HashMap<String, VecDeque<(String, usize)>>, origin: Option<String>) -> Self {
        Body {
            notes,
            origin,
            stack: vec![],
            root: vec![],
            annexes: vec![],
            in_annex: false,
            para: None,
            list: None,
            resolution: None,
        }
    }

    fn container(&mut self) -> &mut Vec<Block> {
        if let Some((r, part)) = self.resolution.as_mut() {
            match *part {
                ResPart::Preamble => return &mut r.preamble,
                ResPart::Operative | ResPart::Adoption => return &mut r.operative,
                ResPart::Annex(base) => {
                    if self.stack.len() > base {
                        if let Some(d) = self.stack.last_mut() {
                            return &mut d.content;
                        }
                    }
                    if let Some(a) = r.annexes.last_mut() {
                        return &mut a.body;
                    }
                    return &mut r.operative;
                }
            }
        }
        if let Some(d) = self.stack.last_mut() {
            return &mut d.content;
        }
        if self.in_annex {
            if let Some(a) = self.annexes.last_mut() {
                return &mut a.body;
            }
        }
        &mut self.root
    }

    fn inlines(&mut self, text: &str) -> Vec<Inline> {
        let notes = &mut self.notes;
        parse(text, &mut |marker| {
            let (t, _) = notes.get_mut(marker)?.pop_front()?;
            let content = parse(&t, &mut |_| None);
            Some(vec![Block::Paragraph(Paragraph {
                num: None,
                content,
                subparagraphs: vec![],
            })])
        })
    }

    fn flush_para(&mut self) {
        if let Some(p) = self.para.take() {
            let content = self.inlines(&p.text);
            let subparagraphs = p
                .subs
                .iter()
                .map(|(n, t)| Paragraph {
                    num: Some(n.clone()),
                    content: self.inlines(t),
                    subparagraphs: vec![],
                })
                .collect();
            let block = Block::Paragraph(Paragraph {
                num: p.num,
                content,
                subparagraphs,
            });
            self.container().push(block);
        }
        if let Some(l) = self.list.take() {
            self.container().push(Block::List(l));
        }
    }

    /// Lines after an annex label ("Annex" / "[English only]") open a paragraph.
    fn open_after_label(&mut self, b: &TBlock) {
        let rest: Vec<&str> = b.lines.iter().skip(1).map(String::as_str).collect();
        if !rest.is_empty() {
            self.para = Some(OpenPara {
                num: None,
                text: rest.join(" "),
                subs: vec![],
            });
        }
    }

    fn pop_division(&mut self) {
        if let Some(d) = self.stack.pop() {
            self.container().push(Block::Division(d));
        }
    }

    /// The stack height below which divisions are not the current annex's.
    fn floor(&self) -> usize {
        match self.resolution {
            Some((_, ResPart::Annex(base))) => base,
            _ => 0,
        }
    }

    fn in_resolution_annex(&self) -> bool {
        matches!(self.resolution, Some((_, ResPart::Annex(_))))
    }

    fn close_resolution(&mut self) {
        self.flush_para();
        let floor = self.floor();
        while self.stack.len() > floor && self.in_resolution_annex() {
            self.pop_division();
        }
        if let Some((r, _)) = self.resolution.take() {
            self.container().push(Block::Resolution(r));
        }
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

    fn heading(&mut self, kind: DivisionKind, num: Option<String>, heading_text: &str) {
        // Headings inside a resolution's annex stay in it; other headings end the resolution.
        if self.in_resolution_annex() {
            self.flush_para();
        } else {
            self.close_resolution();
        }
        let floor = self.floor();
        match &num {
            Some(_) => {
                let r = Self::rank(kind);
                while self.stack.len() > floor
                    && self
                        .stack
                        .last()
                        .is_some_and(|t| t.num.is_none() || Self::rank(t.kind) >= r)
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
        let heading = self.inlines(heading_text);
        self.stack.push(Division {
            kind,
            num,
            heading,
            content: vec![],
        });
    }

    fn block(&mut self, b: &TBlock, doc: &mut Document) {
        if !b.rows.is_empty() {
            self.flush_para();
            let rows = b
                .rows
                .iter()
                .map(|(header, cells)| TableRow {
                    header: *header,
                    cells: cells
                        .iter()
                        .map(|c| {
                            if c.trim().is_empty() {
                                vec![]
                            } else {
                                vec![Block::Paragraph(Paragraph {
                                    num: None,
                                    content: self.inlines(c),
                                    subparagraphs: vec![],
                                })]
                            }
                        })
                        .collect(),
                })
                .collect();
            self.container().push(Block::Table(Table { rows }));
            return;
        }
        let joined = b.joined();
        let text = plain(&joined);
        if b.lines.len() == 1 && furniture(&text) {
            return; // a running header or footer left by the extractor
        }
        if text.is_empty() {
            return;
        }
        // Annex: "Annex", "Annex I" on the block's first line.
        let first_line = b
            .lines
            .first()
            .map(|l| strip_marks(&plain(l)))
            .unwrap_or_default();
        let is_annex = first_line == "Annex"
            || first_line == "ANNEX"
            || first_line
                .strip_prefix("Annex ")
                .is_some_and(|r| roman_value(r).is_some() || r.bytes().all(|c| c.is_ascii_digit()));
        if is_annex
            && (heading_like(b) || b.standalone || b.lines.len() <= 2)
            && self.resolution.is_some()
        {
            // The annex of the resolution or decision just read.
            self.flush_para();
            let floor = self.floor();
            while self.stack.len() > floor && self.in_resolution_annex() {
                self.pop_division();
            }
            let base = self.stack.len();
            if let Some((r, part)) = self.resolution.as_mut() {
                r.annexes.push(Annex {
                    label: first_line,
                    title: vec![],
                    body: vec![],
                });
                *part = ResPart::Annex(base);
            }
            self.open_after_label(b);
            return;
        }
        if self.in_resolution_annex()
            && self.para.is_none()
            && self.stack.len() == self.floor()
            && heading_like(b)
            && heading_numbering(&text).0.is_none()
        {
            if let Some((r, _)) = self.resolution.as_mut() {
                if let Some(a) = r.annexes.last_mut() {
                    if a.title.is_empty() && a.body.is_empty() {
                        a.title = parse(&strip_wrappers(&joined), &mut |_| None);
                        return;
                    }
                }
            }
        }
        if is_annex && (heading_like(b) || b.standalone || b.lines.len() <= 2) {
            self.close_resolution();
            self.flush_para();
            while !self.stack.is_empty() {
                self.pop_division();
            }
            self.annexes.push(Annex {
                label: first_line,
                title: vec![],
                body: vec![],
            });
            self.in_annex = true;
            self.open_after_label(b);
            return;
        }
        if self.in_annex && self.stack.is_empty() && self.para.is_none() {
            if let Some(a) = self.annexes.last_mut() {
                if a.title.is_empty()
                    && a.body.is_empty()
                    && heading_like(b)
                    && heading_numbering(&text).0.is_none()
                {
                    a.title = parse(&strip_wrappers(&joined), &mut |_| None);
                    return;
                }
            }
        }
        // Decisions and resolutions headed "Decision 6/CMA.3", their title on the next line.
        if let Some(num) = decision_heading(&text) {
            self.close_resolution();
            // A new decision ends the annex of the previous one.
            self.in_annex = false;
            while !self.stack.is_empty() {
                self.pop_division();
            }
            let origin = self
                .origin
                .take()
                .map(|o| vec![Inline::Text(o)])
                .unwrap_or_default();
            self.resolution = Some((
                Resolution {
                    num: Some(num),
                    origin,
                    ..Resolution::default()
                },
                ResPart::Preamble,
            ));
            return;
        }
        if let Some((r, _)) = self.resolution.as_ref() {
            let fresh = r.title.is_empty()
                && r.annexes.is_empty()
                && r.formula.is_empty()
                && r.preamble.is_empty()
                && r.operative.is_empty();
            if fresh && heading_like(b) && para_number(&text).is_none() {
                let title = self.inlines(&strip_wrappers(&joined));
                if let Some((r, _)) = self.resolution.as_mut() {
                    r.title = title;
                }
                return;
            }
        }
        // Resolutions.
        if let Some((num, title)) = resolution_start(&text) {
            self.close_resolution();
            if doc.meta.title.is_none() {
                doc.meta.title = Some(strip_marks(&title));
            }
            let origin = self
                .origin
                .take()
                .map(|o| vec![Inline::Text(o)])
                .unwrap_or_default();
            let title = self.inlines(&title);
            self.resolution = Some((
                Resolution {
                    num: Some(num),
                    title,
                    origin,
                    ..Resolution::default()
                },
                ResPart::Preamble,
            ));
            return;
        }
        if let Some((r, part)) = self
            .resolution
            .as_mut()
            .filter(|(_, p)| !matches!(p, ResPart::Annex(_)))
        {
            let t = text.trim();
            if r.formula.is_empty()
                && r.preamble.is_empty()
                && r.operative.is_empty()
                && t.starts_with("The ")
                && t.ends_with(',')
                && t.len() < 160
            {
                let formula = self.inlines(joined.trim());
                if let Some((r, _)) = self.resolution.as_mut() {
                    r.formula = formula;
                }
                return;
            }
            if r.origin.is_empty()
                && r.preamble.is_empty()
                && r.operative.is_empty()
                && *part != ResPart::Adoption
                && t.starts_with('[')
                && t.ends_with(']')
            {
                r.origin = vec![Inline::Text(t.to_string())];
                return;
            }
            let first = b.lines.first().map(|l| plain(l)).unwrap_or_default();
            let meeting = first.split_whitespace().next().is_some_and(|w| {
                let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit()) && w.len() > d.len()
            }) && first.contains("meeting");
            if meeting || *part == ResPart::Adoption {
                self.flush_para();
                if let Some((r, part)) = self.resolution.as_mut() {
                    r.adoption
                        .extend(b.lines.iter().map(|l| plain(l)).filter(|l| !l.is_empty()));
                    *part = ResPart::Adoption;
                }
                return;
            }
            if para_number(&text).is_some() && *part == ResPart::Preamble {
                self.flush_para();
                if let Some((_, part)) = self.resolution.as_mut() {
                    *part = ResPart::Operative;
                }
            }
        }
        // Headings.
        if heading_like(b)
            && self.para.as_ref().is_none_or(|p| {
                !ends_open(p.subs.last().map_or(&p.text, |s| &s.1))
                    || b.heading_level > 0
                    || whole(&joined, true).is_some()
            })
        {
            let inner = strip_wrappers(&joined);
            let inner_plain = plain(&inner);
            let is_para = para_number(&inner_plain).is_some()
                && whole(&joined, true).is_none()
                && b.heading_level == 0;
            if !is_para {
                self.flush_para();
                let (num, rest) = heading_numbering(&inner_plain);
                let (kind, num) = match num {
                    Some((k, n)) => (k, Some(n)),
                    None => (DivisionKind::Heading, None),
                };
                // Keep markup of the heading text after its number.
                let rest_markup = match &num {
                    Some(n) => inner
                        .trim_start()
                        .strip_prefix(n.as_str())
                        .map(|r| r.trim().to_string())
                        .unwrap_or(rest),
                    None => inner.trim().to_string(),
                };
                let kind = self.disambiguate(kind, num.as_deref());
                let rest_markup = rest_markup
                    .trim_end()
                    .trim_end_matches(['∗'])
                    .trim_end()
                    .trim_end_matches("\\*")
                    .to_string();
                self.heading(kind, num, &rest_markup);
                return;
            }
        }
        // Footnote-like or title notes inside the body are handled by the dialect readers.
        if let Some((num, _)) = para_number(&text) {
            let parent = num.split('.').next().map(|n| format!("{n}."));
            let is_sub = !num.ends_with('.') && self.para.as_ref().is_some_and(|p| p.num == parent);
            if is_sub {
                let markup = strip_prefix_markup(&joined, &num);
                if let Some(p) = self.para.as_mut() {
                    p.subs.push((num, markup));
                }
                return;
            }
            self.flush_para();
            let markup = strip_prefix_markup(&joined, &num);
            self.para = Some(OpenPara {
                num: Some(num),
                text: markup,
                subs: vec![],
            });
            return;
        }
        if let Some((num, _)) = sub_number(&text) {
            let markup = strip_prefix_markup(&joined, &num);
            match self.para.as_mut() {
                Some(p) => p.subs.push((num, markup)),
                None => {
                    self.para = Some(OpenPara {
                        num: Some(num),
                        text: markup,
                        subs: vec![],
                    })
                }
            }
            return;
        }
        if text.starts_with("• ") || text.starts_with("- ") {
            let markup = joined
                .trim_start()
                .trim_start_matches(['•', '-'])
                .trim_start()
                .to_string();
            if self.para.is_some() {
                let list = self.list.take();
                self.flush_para();
                self.list = list;
            }
            let content = self.inlines(&markup);
            self.list
                .get_or_insert_with(List::default)
                .items
                .push(vec![Block::Paragraph(Paragraph {
                    num: None,
                    content,
                    subparagraphs: vec![],
                })]);
            return;
        }
        // Continuation of a paragraph cut by a page break or a blank line.
        if let Some(p) = self.para.as_mut() {
            let last = p.subs.last_mut().map_or(&mut p.text, |s| &mut s.1);
            if ends_open(last) {
                last.push(' ');
                last.push_str(joined.trim());
                return;
            }
        }
        self.flush_para();
        self.para = Some(OpenPara {
            num: None,
            text: joined.trim().to_string(),
            subs: vec![],
        });
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

    fn finish(mut self, doc: &mut Document, warnings: &mut Vec<Warning>) {
        self.close_resolution();
        self.flush_para();
        while !self.stack.is_empty() {
            self.pop_division();
        }
        doc.body = std::mem::take(&mut self.root);
        doc.annexes = std::mem::take(&mut self.annexes);
        let mut left: Vec<(String, usize)> = self
            .notes
            .into_iter()
            .flat_map(|(m, q)| q.into_iter().map(move |(_, l)| (m.clone(), l)))
            .collect();
        left.sort_by_key(|(_, l)| *l);
        for (m, l) in left {
            warn(
                warnings,
                l,
                format!("footnote {m} has no mark in the text; dropped"),
            );
        }
    }
}

/// Removes a whole-bold or whole-italic wrapper.
fn strip_wrappers(s: &str) -> String {
    let t = s.trim();
    whole(t, true)
        .or_else(|| whole(t, false))
        .unwrap_or(t)
        .to_string()
}

/// Removes the paragraph number (as printed) from the start of the markup text.
fn strip_prefix_markup(markup: &str, num: &str) -> String {
    let t = markup.trim_start();
    match t.strip_prefix(num) {
        Some(r) => r.trim_start().to_string(),
        None => {
            // The number may sit inside markup ("**12.** text"): drop the first occurrence.
            match t.find(num) {
                Some(i) => format!("{}{}", &t[..i], t[i + num.len()..].trim_start()),
                None => t.to_string(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_and_sessions() {
        let s = Session::parse_printed("Twenty-seventh session").unwrap();
        assert_eq!(
            (s.number.as_deref(), s.label.as_deref()),
            (Some("27"), Some("Twenty-seventh session"))
        );
        assert_eq!(agenda_numbers("Agenda items 2 and 3").unwrap(), ["2", "3"]);
        assert_eq!(agenda_numbers("Agenda item 4 (a)").unwrap(), ["4 (a)"]);
        assert_eq!(
            agenda_numbers("Items 137 and 138 of the preliminary list*").unwrap(),
            ["137", "138"]
        );
        assert_eq!(
            agenda_numbers("Item 4 of the provisional agenda").unwrap(),
            ["4"]
        );
        assert_eq!(agenda_numbers("Items of interest"), None);
        assert_eq!(
            agenda_line("Agenda item 6 Universal periodic review"),
            Some((
                vec!["6".to_string()],
                "Universal periodic review".to_string()
            ))
        );
        assert_eq!(
            agenda_line("Agenda items 2 and 3"),
            Some((vec!["2".to_string(), "3".to_string()], String::new()))
        );
    }

    #[test]
    fn merged_masthead_lines() {
        assert_eq!(
            split_merged("United Nations A/HRC/59/15"),
            ["United Nations", "A/HRC/59/15"]
        );
        assert_eq!(
            split_merged("General Assembly Distr.: General"),
            ["General Assembly", "Distr.: General"]
        );
        assert_eq!(
            split_merged("24 March 2025 Original: English"),
            ["24 March 2025", "Original: English"]
        );
        assert_eq!(
            split_merged("Report on the Distribution of Resources"),
            ["Report on the Distribution of Resources"]
        );
        assert_eq!(split_merged("A/HRC/59/15*"), ["A/HRC/59/15*"]);
    }

    #[test]
    fn numbering() {
        assert_eq!(
            heading_numbering("IV. Summary").0,
            Some((DivisionKind::Chapter, "IV.".into()))
        );
        assert_eq!(
            heading_numbering("A. Opening remarks").0,
            Some((DivisionKind::Section, "A.".into()))
        );
        assert_eq!(
            heading_numbering("3. Enhancement").0,
            Some((DivisionKind::Subsection, "3.".into()))
        );
        assert_eq!(heading_numbering("Bahrain").0, None);
        assert_eq!(
            para_number("12. The Syrian"),
            Some(("12.".into(), "The Syrian".into()))
        );
        assert_eq!(
            para_number("24.11 The budget"),
            Some(("24.11".into(), "The budget".into()))
        );
        assert_eq!(para_number("2025 was"), None);
        assert_eq!(
            sub_number("(a) A national"),
            Some(("(a)".into(), "A national".into()))
        );
        assert_eq!(sub_number("(A/HRC/1/2);"), None);
        assert_eq!(
            resolution_start("73/8. Necessity of ending"),
            Some(("73/8".into(), "Necessity of ending".into()))
        );
        assert!(
            furniture("A/HRC/31/81")
                && furniture("12")
                && furniture("3/14")
                && furniture("GE.16-01234 (E) 290116")
        );
        assert!(!furniture("Introduction") && !furniture("12345") && !furniture("1. Text"));
        assert!(ends_open("(see"));
        assert!(!ends_open("para. 19)."));
        assert!(!ends_open("**the right.**"));
        assert_eq!(
            split_title(&[
                "Report of the Working Group on".into(),
                "the Universal Periodic Review**".into(),
                "Dominica".into()
            ])
            .len(),
            2
        );
        assert_eq!(
            job_number("GE.25-02819 (E)    210325 210325")
                .map(|j| j.to_string())
                .as_deref(),
            Some("GE.25-02819 (E)")
        );
        assert_eq!(
            job_number("18-18418 (E)     071118")
                .map(|j| j.to_string())
                .as_deref(),
            Some("18-18418 (E)")
        );
        assert_eq!(job_number("2025 was"), None);
    }
}
