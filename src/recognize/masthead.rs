//! The first pass: the masthead and title block, up to where the body starts.

use super::inlines::{join_plain, note_inlines, take_notes};
use super::scan::{
    ORGANS, agenda_line, decision_heading, heading_numbering, is_body_name, is_dates_line,
    job_number, para_number, resolution_start, split_merged, split_title, strip_marks,
};
use super::{Input, Joined, Lines, Source, heading_like};
use crate::model::{
    AgendaItem, Block, Date, Distribution, DivisionKind, DocKind, Document, Inline, Language, Meta,
    Note, Paragraph, Session, Symbol, TitleNote, plain_text,
};
use crate::{Warning, WarningKind};

/// Longest line taken as a subsidiary body's name in the masthead ("Human Rights Council",
/// "Conference of the Parties serving as the meeting of the Parties to the Paris
/// Agreement"); a longer line is a title.
const MAX_BODY_NAME: usize = 90;

/// Whether a block starts the body: "Introduction", a resolution or decision heading, a
/// numbered chapter, section or part heading, or a numbered paragraph.
fn is_body_start(b: &Lines, j: &Joined) -> bool {
    let t = j.text.as_str();
    if t.eq_ignore_ascii_case("Introduction") {
        return true;
    }
    if resolution_start(t).is_some() || decision_heading(t).is_some() {
        return true;
    }
    if heading_like(b, j)
        && matches!(
            heading_numbering(t).0,
            Some((
                DivisionKind::Chapter | DivisionKind::Section | DivisionKind::Part,
                _
            ))
        )
    {
        return true;
    }
    para_number(t).is_some()
}

/// A masthead line's text with its asterisk note marks where they stand ("Review*"): a
/// title over several lines ends at its mark, whether the source printed the mark as text
/// or as a note reference.
fn with_star_marks(v: &[Inline]) -> String {
    let mut s = String::new();
    for i in v {
        match i {
            Inline::Note(n) if !n.marker.is_empty() && n.marker.chars().all(|c| c == '*') => {
                s.push_str(&n.marker)
            }
            // (A mark printed inside a bold or italic title.)
            Inline::Strong(c) | Inline::Emphasis(c) => s.push_str(&with_star_marks(c)),
            other => s.push_str(&plain_text(std::slice::from_ref(other))),
        }
    }
    s
}

/// Notes met in masthead lines become title notes: nothing is dropped.
fn keep_notes(lines: &[Vec<Inline>], meta: &mut Meta) {
    let mut notes: Vec<Note> = Vec::new();
    for l in lines {
        let mut l = l.clone();
        take_notes(&mut l, &mut notes);
    }
    for n in notes {
        let content = note_inlines(&n);
        meta.title_notes.push(TitleNote {
            marker: n.marker,
            content,
        });
    }
}

/// The state of the masthead pass.
#[derive(Default)]
struct State {
    recognized: bool,
    title_found: bool,
    seen_session: bool,
    pending_agenda: usize,
    in_summary: bool,
    title_level: Option<usize>,
    origin: Option<String>,
    /// "Distr." seen alone: the distribution is on the next line.
    pending_distribution: bool,
    /// An "Original:" list that ended open at its block's end ("Original:" alone, or
    /// "English/French/"): its lines so far.
    pending_original: Option<String>,
    /// The lines so far of a treaty's name that goes on ("Convention on the" / "Rights of
    /// the Child"), the organ of a treaty body's masthead.
    pending_treaty: Option<String>,
}

/// "United Nations" as mastheads print it: "UNITED" and "NATIONS" on two lines before 2010,
/// the series letter beside ("NATIONS A"); "Nations Unies".
fn is_un_name(lower: &str) -> bool {
    let t = lower.trim();
    let t = match t.rsplit_once(' ') {
        Some((head, letter))
            if letter.len() == 1 && letter.chars().all(|c| c.is_ascii_lowercase()) =>
        {
            head
        }
        _ => t,
    };
    matches!(t, "united nations" | "nations unies" | "united" | "nations")
        || crate::model::words::is_un_name(t)
}

/// Whether a line names languages and nothing else ("English/French/Spanish/Russian/").
fn names_languages_only(l: &str) -> bool {
    let (known, unknown) = crate::model::words::original_languages(l);
    !known.is_empty() && unknown.is_empty()
}

/// The treaty's name with `l` when `l` begins it or goes on with it, in the organ's place
/// (no organ, no title yet), and whether the name is whole.
fn treaty_line(st: &State, m: &Meta, l: &str) -> Option<(String, bool)> {
    if st.title_found || st.seen_session || m.subsidiary_body.is_some() {
        return None;
    }
    let name = match (&st.pending_treaty, &m.organ) {
        (Some(p), _) => format!("{p} {l}"),
        (None, None) => l.to_string(),
        (None, Some(_)) => return None,
    };
    crate::model::words::treaty(&name).map(|complete| (name, complete))
}

/// Sets the original languages an "Original:" line lists ("English/French": English, then
/// French); a part naming no known language is said in a warning. Gives the language the
/// first one's name is written in ("anglais": French), when known.
fn set_originals(
    m: &mut Meta,
    list: &str,
    at: usize,
    src: Source,
    warnings: &mut Vec<Warning>,
) -> Option<Language> {
    let (found, unknown) = crate::model::words::original_languages(list);
    m.original_language = None;
    m.other_original_languages.clear();
    for (l, _) in &found {
        m.add_original_language(*l);
    }
    if found.is_empty() {
        src.warn(
            warnings,
            WarningKind::NotUnderstood,
            at,
            format!("original language {list:?} not known"),
        );
    } else if !unknown.is_empty() {
        src.warn(
            warnings,
            WarningKind::NotUnderstood,
            at,
            format!(
                "original languages {list:?}: {} not known",
                unknown.join(", ")
            ),
        );
    }
    found.first().and_then(|(_, wording)| *wording)
}

/// A version's language line: a language's name in English, in its own language or in
/// capitals without accents ("FRANCAIS").
fn version_language(l: &str) -> Option<Language> {
    match crate::model::words::language_name(l) {
        Some((named, wording)) if named == wording || wording == Language::ENGLISH => Some(named),
        Some(_) => None,
        None => Language::from_name(l),
    }
}

/// Recognizes the masthead; returns the index of the first body block and a resolution's
/// origin line if one was found there.
pub(crate) fn read(
    blocks: &[Input],
    doc: &mut Document,
    src: Source,
    warnings: &mut Vec<Warning>,
) -> (usize, Option<String>) {
    let m = &mut doc.meta;
    let mut st = State::default();
    let mut i = 0;
    while i < blocks.len() {
        let b = match &blocks[i] {
            Input::Lines(b) => b,
            _ => {
                // A table: the body starts here, unless the masthead has not begun.
                if st.title_found || st.recognized {
                    break;
                }
                return (i, st.origin);
            }
        };
        let j = Joined::of(b);
        let text = j.text.as_str();
        let lines: Vec<String> = if st.title_found {
            b.lines
                .iter()
                .map(|l| with_star_marks(l).trim().to_string())
                .collect()
        } else {
            b.lines
                .iter()
                .flat_map(|l| split_merged(&with_star_marks(l)))
                .filter(|l| !l.is_empty())
                .collect()
        };

        if lines.len() == 1 {
            if let Some(j) = job_number(&lines[0]) {
                m.job_number.get_or_insert(j);
                i += 1;
                continue;
            }
            let l = &lines[0];
            if l.len() > 2
                && l.starts_with('*')
                && l.ends_with('*')
                && l[1..l.len() - 1].bytes().all(|c| c.is_ascii_digit())
            {
                i += 1; // barcode "*1406716*"
                continue;
            }
        }
        if st.title_found {
            if b.hints.title_block && !text.is_empty() {
                // A budget fascicle's or corrigendum's title block: every line after the
                // title is the subtitle, its lines kept apart by line feeds.
                let line = strip_marks(text);
                m.subtitle = Some(match m.subtitle.take() {
                    Some(s) => format!("{s}\n{line}"),
                    None => line,
                });
                keep_notes(&b.lines, m);
                i += 1;
                continue;
            }
            if is_body_start(b, &j) {
                break;
            }
            // "[without reference to a Main Committee (A/73/L.3)]" printed apart from the
            // adoption line above it: the resolution's origin.
            let adopted = m.subtitle.as_deref().is_some_and(|s| {
                s.starts_with("Resolution adopted") || s.starts_with("Decision adopted")
            });
            if adopted && st.origin.is_none() && text.starts_with('[') && text.ends_with(']') {
                st.origin = Some(text.to_string());
                keep_notes(&b.lines, m);
                i += 1;
                continue;
            }
            if crate::model::words::is_summary(text) {
                st.in_summary = true;
                i += 1;
                continue;
            }
            if st.in_summary {
                m.summary.push(Block::Paragraph(Paragraph {
                    num: None,
                    content: j.inlines.clone(),
                    subparagraphs: vec![],
                }));
                i += 1;
                continue;
            }
            // A title set on two heading lines: "Enhancement of international cooperation
            // in" / "the field of human rights".
            if let (Some(level), Some(title)) = (st.title_level, m.title.as_mut()) {
                let last = title.rsplit(' ').next().unwrap_or("").to_lowercase();
                let cont = text.starts_with(|c: char| c.is_lowercase())
                    || crate::recognize::scan::CONTINUING_WORDS.contains(&last.as_str());
                if m.subtitle.is_none() && b.hints.heading_level == level && level > 0 && cont {
                    title.push(' ');
                    title.push_str(&strip_marks(text));
                    keep_notes(&b.lines, m);
                    i += 1;
                    continue;
                }
            }
            if m.subtitle.is_none() && heading_like(b, &j) {
                m.subtitle = Some(strip_marks(text));
                if m.kind.is_none() {
                    m.kind = DocKind::guess(text);
                }
                keep_notes(&b.lines, m);
                i += 1;
                continue;
            }
            break;
        }
        if st.pending_agenda > 0 {
            // Agenda titles are short lines under the agenda line; the adoption line or the
            // body's first numbered paragraph ends them.
            if text.starts_with("Resolution adopted")
                || text.starts_with("Decision adopted")
                || is_body_start(b, &j)
            {
                st.pending_agenda = 0;
            } else {
                // Older mastheads set the agenda title in capitals, the title under it in
                // the same block: the capital lines are the agenda title.
                let caps = |l: &str| {
                    l.chars().any(char::is_alphabetic) && !l.chars().any(char::is_lowercase)
                };
                let k = lines.iter().take_while(|l| caps(l)).count();
                let agenda_lines = if k > 0 && k < lines.len() {
                    join_plain(&lines[..k])
                } else {
                    text.to_string()
                };
                let at = m.agenda_items.len() - st.pending_agenda;
                if let Some(a) = m.agenda_items.get_mut(at) {
                    a.title = strip_marks(&agenda_lines);
                }
                keep_notes(&b.lines, m);
                st.pending_agenda -= 1;
                if k > 0 && k < lines.len() && st.pending_agenda == 0 {
                    // The rest of the block: the title.
                    if !masthead_lines(b, &lines[k..], m, &mut st, src, warnings) {
                        return (i, st.origin);
                    }
                }
                i += 1;
                continue;
            }
        }
        if st.recognized && is_body_start(b, &j) && !text.starts_with("Resolution adopted") {
            // The body begins before any title was seen.
            break;
        }
        if text.starts_with("Resolution adopted") || text.starts_with("Decision adopted") {
            m.kind = Some(if text.starts_with("Resolution") {
                DocKind::Resolution
            } else {
                DocKind::Decision
            });
            let (sub, rest): (Vec<&String>, Vec<&String>) =
                lines.iter().partition(|l| !l.starts_with('['));
            m.subtitle = Some(join_plain(&sub));
            if !rest.is_empty() {
                st.origin = Some(
                    rest.iter()
                        .map(|s| s.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
            keep_notes(&b.lines, m);
            st.recognized = true;
            st.title_found = true;
            i += 1;
            continue;
        }
        if !masthead_lines(b, &lines, m, &mut st, src, warnings) {
            // Nothing UN-like: the body starts with this block.
            return (i, st.origin);
        }
        keep_notes(&b.lines, m);
        i += 1;
    }
    (i, st.origin)
}

/// One block of masthead lines, line by line; false when a line is nothing a masthead
/// prints and no masthead was recognized before it (the body starts there).
fn masthead_lines(
    b: &Lines,
    lines: &[String],
    m: &mut Meta,
    st: &mut State,
    src: Source,
    warnings: &mut Vec<Warning>,
) -> bool {
    let mut li = 0;
    while li < lines.len() {
        let l = lines[li].trim();
        li += 1;
        if l.is_empty() {
            continue;
        }
        let lower = l.to_lowercase();
        if is_un_name(&lower) || (l.len() == 1 && l.chars().all(|c| c.is_ascii_uppercase())) {
            // "United Nations" (before 2010 in capitals over two lines, "UNITED" / "NATIONS",
            // with the large series letter beside it: "NATIONS A"), and the letter alone.
            st.recognized = true;
        } else if let Some(mut list) = st.pending_original.take()
            && names_languages_only(l)
        {
            // The rest of an "Original:" list from the block before.
            list.push_str(l);
            if list.ends_with(['/', ',']) {
                st.pending_original = Some(list.clone());
            }
            set_originals(m, &list, b.at, src, warnings);
            st.recognized = true;
        } else if let Some((name, complete)) = treaty_line(st, m, l) {
            // A treaty body's masthead prints the treaty where others print the organ. (Its
            // lines so far are the organ: nothing is lost if the name stops short.)
            m.organ = Some(name.clone());
            st.pending_treaty = (!complete).then_some(name);
            st.recognized = true;
        } else if st.pending_distribution && Distribution::parse_printed(l).is_some() {
            // "Distr." over "GENERAL" (older mastheads).
            m.distribution = Distribution::parse_printed(l);
            st.pending_distribution = false;
            st.recognized = true;
        } else if matches!(lower.as_str(), "distr." | "distr.:" | "distr:" | "distr") {
            st.pending_distribution = true;
            st.recognized = true;
        } else if let Ok((s, r)) = Symbol::parse_printed(l) {
            if !m.symbols.contains(&s) {
                m.symbols.push(s);
            }
            m.reissued |= r;
            st.recognized = true;
        } else if ORGANS.iter().any(|o| o.eq_ignore_ascii_case(l))
            || crate::model::words::organ(l).is_some()
        {
            m.organ = Some(l.to_string());
            st.recognized = true;
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
                src.warn(
                    warnings,
                    WarningKind::NotUnderstood,
                    b.at,
                    format!("distribution line {l:?} not understood"),
                );
            }
            st.recognized = true;
        } else if let (None, Some(d)) = (m.date, Date::parse_printed(l)) {
            m.date = Some(d);
            st.recognized = true;
        } else if let (false, Some(lang)) = (st.title_found, version_language(l)) {
            // The version's own language line ("English" over "Original: English/French";
            // "Français", "Español"; "Russian" in the Russian version).
            m.language = Some(lang);
            st.recognized = true;
        } else if let Some((version, original)) = l
            .split_once(" Original")
            .and_then(|(v, o)| Some((version_language(v)?, o)))
        {
            // "Arabic Original: English" on one line.
            m.language = Some(version);
            let original = format!("Original{original}");
            if let Some(list) = crate::model::words::original_line(&original) {
                set_originals(m, list, b.at, src, warnings);
            }
            st.recognized = true;
        } else if let Some(list) = crate::model::words::original_line(l) {
            // "Original: English", "Original: English/French"; a list a narrow column
            // sets over the next lines ("Original:" / "English/French/Spanish/Russian/" /
            // "Arabic/Chinese") goes on while it ends open and the next line names
            // languages only.
            let mut list = list.to_string();
            while list.is_empty() || list.ends_with(['/', ',']) {
                let Some(next) = lines.get(li).map(|n| n.trim()) else {
                    // (The list may go on in the next block.)
                    st.pending_original = Some(list.clone());
                    break;
                };
                if !names_languages_only(next) {
                    break;
                }
                list.push_str(next);
                li += 1;
            }
            // (Nothing named yet: the languages come with the next block.)
            let wording = if list.is_empty() && st.pending_original.is_some() {
                None
            } else {
                set_originals(m, &list, b.at, src, warnings)
            };
            // The language the original is named in is this version's ("anglais": French),
            // unless a language line said otherwise.
            m.language
                .get_or_insert(wording.unwrap_or(Language::ENGLISH));
            st.recognized = true;
        } else if let Some(s) = Session::parse_printed(l) {
            m.session = Some(s);
            st.seen_session = true;
            st.recognized = true;
        } else if st.seen_session
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
            st.recognized = true;
            // The title runs to the next agenda line of the block, if any ("Agenda item 2" /
            // its title / "Agenda item 3" / its title, set as one block).
            let mut rest: Vec<String> = lines[li..].to_vec();
            let stop = rest
                .iter()
                .position(|l| agenda_line(l).is_some())
                .unwrap_or(rest.len());
            rest.truncate(stop);
            let next = li + stop;
            if !same_line.is_empty() {
                rest.insert(0, same_line);
            }
            if rest.is_empty() {
                st.pending_agenda = n;
            } else {
                let title = join_plain(&rest);
                if let Some(a) = m.agenda_items.iter_mut().rev().nth(n.saturating_sub(1)) {
                    a.title = strip_marks(&title);
                }
                if n > 1 {
                    src.warn(
                        warnings,
                        WarningKind::NotUnderstood,
                        b.at,
                        "several agenda items with their titles in one block: titles not split",
                    );
                }
                li = next;
            }
        } else if !st.seen_session
            && m.subsidiary_body.is_none()
            && st.recognized
            && l.len() < MAX_BODY_NAME
            && !l.ends_with('.')
            && (b.hints.heading_level > 0 || is_body_name(l))
        {
            // A name printed over two lines goes on in lowercase: "Conference of the
            // Parties serving as the meeting" / "of the Parties to the Paris Agreement".
            let mut name = l.to_string();
            while let Some(next) = lines.get(li).map(|n| n.trim())
                && next.starts_with(char::is_lowercase)
                && name.len() + next.len() < MAX_BODY_NAME
            {
                name.push(' ');
                name.push_str(next);
                li += 1;
            }
            m.subsidiary_body = Some(name);
        } else if st.recognized {
            // The title (and in layout text the subtitle lines after it).
            let title_lines: Vec<String> = lines[li - 1..].to_vec();
            let groups = split_title(&title_lines);
            let mut g = groups.into_iter();
            m.title = g.next().map(|t| strip_marks(&t));
            let rest: Vec<String> = g.map(|t| strip_marks(&t)).collect();
            if !rest.is_empty() {
                m.subtitle = Some(join_plain(&rest));
            }
            if m.kind.is_none() {
                m.kind = m
                    .title
                    .as_deref()
                    .and_then(DocKind::guess)
                    .or_else(|| m.subtitle.as_deref().and_then(DocKind::guess));
            }
            st.title_found = true;
            st.title_level = Some(b.hints.heading_level);
            return true;
        } else {
            return false;
        }
    }
    true
}
