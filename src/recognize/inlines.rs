//! The few operations the recognizer needs on inline content: joining printed lines,
//! trimming, taking a printed number off the front, unwrapping a line set wholly in bold,
//! and linking UN symbols once a paragraph is complete.

use crate::model::{Block, Inline, Note, normalize_inlines, plain_text};
use std::borrow::Cow;

/// Whether a line holds nothing: no visible text, no note, no link.
pub(crate) fn is_blank(v: &[Inline]) -> bool {
    v.iter().all(|i| match i {
        Inline::Text(t) => t.trim().is_empty(),
        Inline::Emphasis(c) | Inline::Strong(c) | Inline::Superscript(c) | Inline::Subscript(c) => {
            is_blank(c)
        }
        Inline::LineBreak => true,
        Inline::Note(_) | Inline::Ref(_) | Inline::Link(_) => false,
    })
}

/// Which end of a run of inlines.
#[derive(Clone, Copy, PartialEq)]
enum End {
    Front,
    Back,
}

/// Removes white space (and line breaks) at one end, descending into formatting.
fn trim_edge(v: &mut Vec<Inline>, end: End) {
    loop {
        let edge = match end {
            End::Front => v.first_mut(),
            End::Back => v.last_mut(),
        };
        let Some(edge) = edge else {
            return;
        };
        match edge {
            Inline::Text(t) => {
                // (In place: a paragraph's text grows line by line, and copying it at each
                // line would make reading quadratic.)
                match end {
                    End::Front => {
                        let cut = t.len() - t.trim_start().len();
                        t.drain(..cut);
                    }
                    End::Back => {
                        let keep = t.trim_end().len();
                        t.truncate(keep);
                    }
                }
                if !t.is_empty() {
                    return;
                }
            }
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c) => {
                trim_edge(c, end);
                if !c.is_empty() {
                    return;
                }
            }
            Inline::LineBreak => {}
            _ => return,
        }
        match end {
            End::Front => drop(v.remove(0)),
            End::Back => drop(v.pop()),
        }
    }
}

/// Removes leading white space, descending into formatting.
pub(crate) fn trim_start(v: &mut Vec<Inline>) {
    trim_edge(v, End::Front)
}

/// Removes trailing white space, descending into formatting.
pub(crate) fn trim_end(v: &mut Vec<Inline>) {
    trim_edge(v, End::Back)
}

/// Trimmed at both ends.
pub(crate) fn trimmed(mut v: Vec<Inline>) -> Vec<Inline> {
    trim_start(&mut v);
    trim_end(&mut v);
    v
}

/// The end of the visible text: at least its last `n` characters that are not white space
/// (all of it when shorter), without building the whole text (a paragraph's open end is
/// asked at each of its lines).
pub(crate) fn plain_tail(v: &[Inline], n: usize) -> String {
    fn go(v: &[Inline], n: usize, parts: &mut Vec<String>, seen: &mut usize) {
        for i in v.iter().rev() {
            if *seen >= n {
                return;
            }
            match i {
                Inline::Text(t) => {
                    // The last n+1 visible characters of this text, and the spaces among them.
                    let mut start = t.len();
                    let mut k = 0;
                    for (at, c) in t.char_indices().rev() {
                        start = at;
                        if !c.is_whitespace() {
                            k += 1;
                            if *seen + k > n {
                                break;
                            }
                        }
                    }
                    *seen += k;
                    parts.push(t[start..].to_string());
                }
                Inline::Emphasis(c)
                | Inline::Strong(c)
                | Inline::Superscript(c)
                | Inline::Subscript(c) => go(c, n, parts, seen),
                Inline::Link(l) => go(&l.content, n, parts, seen),
                other => {
                    let t = plain_text(std::slice::from_ref(other));
                    *seen += t.chars().filter(|c| !c.is_whitespace()).count();
                    parts.push(t);
                }
            }
        }
    }
    let mut parts = Vec::new();
    let mut seen = 0;
    go(v, n, &mut parts, &mut seen);
    parts.reverse();
    parts.concat()
}

/// The first character of the visible text, if any.
fn first_char(v: &[Inline]) -> Option<char> {
    plain_text(v).trim_start().chars().next()
}

/// Printed lines joined into one run of inlines: a space between lines, except after a word
/// hyphenated at the line end and continued in lowercase (UN text hyphenates compounds,
/// "asylum-seekers", and extractors do not give soft hyphens). Blank lines are skipped.
pub(crate) fn join_lines(lines: &[Vec<Inline>]) -> Vec<Inline> {
    join(lines.iter().map(|l| Cow::Borrowed(l.as_slice())))
}

/// [`join_lines`] of lines the caller gives away: they are moved into the result, not
/// copied.
pub(crate) fn join_owned(lines: Vec<Vec<Inline>>) -> Vec<Inline> {
    join(lines.into_iter().map(Cow::Owned))
}

fn join<'a>(lines: impl ExactSizeIterator<Item = Cow<'a, [Inline]>>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut prev_plain = String::new();
    let n = lines.len();
    for (k, l) in lines.enumerate() {
        if is_blank(&l) {
            continue;
        }
        let l = trimmed(l.into_owned());
        // (Asked of the next line only: a block's last line's is not computed.)
        let plain = if k + 1 < n {
            plain_text(&l)
        } else {
            String::new()
        };
        if !out.is_empty() {
            let hyphenated = joins_without_space(&prev_plain, first_char(&l));
            push_joined(&mut out, l, !hyphenated);
        } else {
            out.extend(l);
        }
        prev_plain = plain;
    }
    normalize_inlines(&mut out);
    out
}

/// Lines of plain text joined as a printed block reads: with a space, or none after a
/// compound broken at its hyphen (see [`joins_without_space`]).
pub(crate) fn join_plain<S: AsRef<str>>(lines: &[S]) -> String {
    let mut out = String::new();
    for l in lines {
        let l = l.as_ref().trim();
        if l.is_empty() {
            continue;
        }
        if !out.is_empty() && !joins_without_space(&out, l.chars().next()) {
            out.push(' ');
        }
        out.push_str(l);
    }
    out
}

/// Whether a line ending `prev` and a line starting with `next` join without a space: a
/// compound broken at its hyphen ("asylum-" / "seekers", "non-" / "Party", "medium-term-" /
/// "2018"), or a range at its dash ("2020–" / "2021", "paragraphs 17–" / "18", "A–" / "B").
pub(crate) fn joins_without_space(prev: &str, next: Option<char>) -> bool {
    let Some(next) = next else { return false };
    let mut end = prev.chars().rev();
    match (end.next(), end.next()) {
        (Some('-'), Some(b)) => b.is_alphanumeric() && next.is_alphanumeric(),
        (Some('–'), Some(b)) => b.is_alphanumeric() && next.is_alphanumeric(),
        _ => false,
    }
}

/// Appends `more` to `v` with one space between them.
pub(crate) fn append_spaced(v: &mut Vec<Inline>, more: Vec<Inline>) {
    let more = trimmed(more);
    if more.is_empty() {
        return;
    }
    trim_end(v);
    if v.is_empty() {
        v.extend(more);
    } else {
        push_joined(v, more, true);
    }
    normalize_inlines(v);
}

/// Appends the inlines of a next line to `out`, with a space if `space`. Two lines of one
/// bold (or italic) run stay one run: "**a** **b**" would be neither a bold heading nor
/// what the page shows.
fn push_joined(out: &mut Vec<Inline>, mut l: Vec<Inline>, space: bool) {
    let space = space.then(|| Inline::Text(" ".into()));
    match (out.last_mut(), l.first_mut()) {
        (Some(Inline::Strong(a)), Some(Inline::Strong(b)))
        | (Some(Inline::Emphasis(a)), Some(Inline::Emphasis(b))) => {
            a.extend(space);
            a.append(b);
            l.remove(0);
        }
        _ => out.extend(space),
    }
    out.extend(l);
}

/// Removes `n` bytes of visible text from the front, descending into formatting; notes and
/// links met on the way are kept.
fn drop_front(v: &mut Vec<Inline>, n: &mut usize) {
    let mut i = 0;
    while *n > 0 && i < v.len() {
        match &mut v[i] {
            Inline::Text(t) => {
                let mut k = (*n).min(t.len());
                while !t.is_char_boundary(k) {
                    k -= 1;
                }
                if k == 0 {
                    // A character straddles the boundary: nothing more can be taken cleanly.
                    *n = 0;
                    return;
                }
                t.drain(..k);
                *n -= k;
            }
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c) => drop_front(c, n),
            _ => {
                i += 1;
                continue;
            }
        }
        let empty = match &v[i] {
            Inline::Text(t) => t.is_empty(),
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c) => c.is_empty(),
            _ => false,
        };
        if empty {
            v.remove(i);
        } else {
            i += 1;
        }
    }
}

/// The inlines without the printed `prefix` (a paragraph number, a bullet) at their start,
/// and without the space after it. When the visible text does not start with `prefix`, the
/// inlines come back trimmed but otherwise whole.
pub(crate) fn strip_prefix(v: Vec<Inline>, prefix: &str) -> Vec<Inline> {
    let mut v = trimmed(v);
    if crate::model::plain_head(&v, prefix.len()).starts_with(prefix) {
        let mut n = prefix.len();
        drop_front(&mut v, &mut n);
        trim_start(&mut v);
    }
    normalize_inlines(&mut v);
    v
}

/// The inlines without trailing characters `chars` (asterisk marks printed after a
/// heading), when the last visible content is text.
pub(crate) fn strip_trailing(v: &mut Vec<Inline>, chars: &[char]) {
    trim_end(v);
    match v.last_mut() {
        Some(Inline::Text(t)) => {
            let n = t.trim_end_matches(chars).trim_end().len();
            t.truncate(n);
        }
        Some(
            Inline::Emphasis(c) | Inline::Strong(c) | Inline::Superscript(c) | Inline::Subscript(c),
        ) => strip_trailing(c, chars),
        _ => {}
    }
    trim_end(v);
    normalize_inlines(v);
}

/// The content of a line set wholly in bold (`strong`) or wholly in italics: a bold line
/// is a heading. Leading and trailing white space is ignored.
pub(crate) fn whole(v: &[Inline], strong: bool) -> Option<Vec<Inline>> {
    let v = trimmed(v.to_vec());
    match v.as_slice() {
        [Inline::Strong(c)] if strong && !is_blank(c) => Some(trimmed(c.clone())),
        [Inline::Emphasis(c)] if !strong && !is_blank(c) => Some(trimmed(c.clone())),
        _ => None,
    }
}

/// A line without a whole-bold or whole-italic wrapper. Note marks after the wrapper, set
/// upright ("**Conclusions and/or recommendations**" and its "**" mark), do not keep it:
/// the heading reads as the same heading without its note.
pub(crate) fn unwrap(v: &[Inline]) -> Vec<Inline> {
    if let Some(u) = whole(v, true).or_else(|| whole(v, false)) {
        return u;
    }
    let v = trimmed(v.to_vec());
    let notes = v
        .iter()
        .rev()
        .take_while(|i| matches!(i, Inline::Note(_)))
        .count();
    if notes > 0 && notes < v.len() {
        let (body, marks) = v.split_at(v.len() - notes);
        if let Some(mut u) = whole(body, true).or_else(|| whole(body, false)) {
            u.extend(marks.iter().cloned());
            return u;
        }
    }
    v
}

/// Takes the notes out of inlines (title lines whose marks become title notes).
pub(crate) fn take_notes(v: &mut Vec<Inline>, out: &mut Vec<Note>) {
    let old = std::mem::take(v);
    for mut i in old {
        match &mut i {
            Inline::Note(n) => {
                out.push(std::mem::take(n));
                continue;
            }
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Superscript(c)
            | Inline::Subscript(c) => take_notes(c, out),
            Inline::Link(l) => take_notes(&mut l.content, out),
            _ => {}
        }
        v.push(i);
    }
}

/// A note's content as one run of inlines (title notes hold inlines).
pub(crate) fn note_inlines(n: &Note) -> Vec<Inline> {
    let mut out = Vec::new();
    for b in &n.content {
        if let Block::Paragraph(p) = b {
            append_spaced(&mut out, p.content.clone());
        }
    }
    out
}

/// Puts a finished paragraph's inlines in canonical form and recognizes UN symbols in its
/// text, in notes too.
pub(crate) fn finish(v: &mut Vec<Inline>) {
    normalize_inlines(v);
    link(v);
}

fn link(v: &mut Vec<Inline>) {
    // (In place: only a text holding a symbol is split, and only it is replaced.)
    let mut at = 0;
    while let Some(i) = v.get_mut(at) {
        match i {
            Inline::Text(t) => {
                if t.is_empty() {
                    v.remove(at);
                    continue;
                }
                let found = crate::model::find_symbols(t);
                if found.is_empty() {
                    at += 1;
                    continue;
                }
                let mut parts = Vec::new();
                crate::model::split_symbols(t, found, &mut parts);
                let n = parts.len();
                v.splice(at..at + 1, parts);
                at += n;
                continue;
            }
            Inline::Emphasis(c) | Inline::Strong(c) => link(c),
            Inline::Note(n) => finish_blocks(&mut n.content),
            _ => {}
        }
        at += 1;
    }
}

/// [`finish`] on every paragraph of blocks (a note's content).
pub(crate) fn finish_blocks(blocks: &mut [Block]) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => {
                finish(&mut p.content);
                for s in &mut p.subparagraphs {
                    finish(&mut s.content);
                }
            }
            Block::List(l) => l.items.iter_mut().for_each(|i| finish_blocks(i)),
            Block::Quote(q) => finish_blocks(q),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unwrap_leaves_trailing_note_marks_outside() {
        let t = |s: &str| Inline::Text(s.into());
        let note = Inline::Note(Note {
            marker: "**".into(),
            content: vec![],
        });
        let heading = "Conclusions and/or recommendations";
        // Bold, then an upright mark: the same as a bold line with the mark inside.
        let upright = unwrap(&[Inline::Strong(vec![t(heading)]), note.clone()]);
        let inside = unwrap(&[Inline::Strong(vec![t(heading), note.clone()])]);
        assert_eq!(upright, [t(heading), note.clone()]);
        assert_eq!(inside, upright);
        // Italic the same way; white space at the ends does not count.
        assert_eq!(
            unwrap(&[
                t(" "),
                Inline::Emphasis(vec![t("Note")]),
                note.clone(),
                t(" ")
            ]),
            [t("Note"), note.clone()]
        );
        // Partly bold: kept as it is; a note alone: kept.
        let partly = vec![Inline::Strong(vec![t("Bold")]), t(" plain"), note.clone()];
        assert_eq!(unwrap(&partly), partly);
        assert_eq!(unwrap(std::slice::from_ref(&note)), [note]);
    }

    /// The rebuilding form `link` had before it worked in place: the oracle the in-place
    /// form is checked against.
    fn linked_by_rebuilding(v: Vec<Inline>) -> Vec<Inline> {
        let mut out = Vec::new();
        for i in v {
            match i {
                Inline::Text(t) => out.extend(crate::model::link_symbols(&t)),
                Inline::Emphasis(c) => out.push(Inline::Emphasis(linked_by_rebuilding(c))),
                Inline::Strong(c) => out.push(Inline::Strong(linked_by_rebuilding(c))),
                other => out.push(other),
            }
        }
        out
    }

    #[test]
    fn linking_in_place_agrees_with_rebuilding() {
        let cases = [
            vec![t("no symbol here")],
            vec![t("see A/HRC/31/81, para. 2"), t(" and S/RES/1244 (1999)")],
            vec![
                t("A/80/6"),
                Inline::Strong(vec![t("x E/CN.6/2020/L.1 y"), t("")]),
                Inline::Emphasis(vec![Inline::Strong(vec![t("A/HRC/1/2")])]),
                Inline::Superscript(vec![t("A/HRC/1/2")]),
                Inline::LineBreak,
                t("tail A/C.3/79/L.5/Rev.1"),
            ],
            vec![],
        ];
        for v in cases {
            let want = linked_by_rebuilding(v.clone());
            let mut got = v;
            link(&mut got);
            assert_eq!(got, want);
        }
    }

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn lines_given_away_join_as_lines_lent() {
        let cases: Vec<Vec<Vec<Inline>>> = vec![
            vec![],
            vec![vec![t("  one  ")]],
            vec![vec![t("asylum-")], vec![t(" ")], vec![t("seekers and")]],
            vec![
                vec![Inline::Strong(vec![t("Report of the")])],
                vec![Inline::Strong(vec![t("Group")])],
            ],
            vec![
                vec![t("")],
                vec![Inline::Emphasis(vec![t("x")]), t(" ")],
                vec![],
            ],
            vec![vec![t("a")], vec![Inline::LineBreak], vec![t("b")]],
        ];
        for lines in cases {
            assert_eq!(join_owned(lines.clone()), join_lines(&lines), "{lines:?}");
        }
    }

    #[test]
    fn prefix_inside_bold_is_taken_off() {
        let v = vec![Inline::Strong(vec![t("12.")]), t(" The Council")];
        assert_eq!(strip_prefix(v.clone(), "12."), [t("The Council")]);
        let v = vec![t("  (a) "), Inline::Emphasis(vec![t("Requests")])];
        assert_eq!(
            strip_prefix(v.clone(), "(a)"),
            [Inline::Emphasis(vec![t("Requests")])]
        );
        // Not the prefix: unchanged but trimmed.
        assert_eq!(strip_prefix(vec![t(" 13. x")], "12."), [t("13. x")]);
    }

    #[test]
    fn joining_lines_keeps_hyphenated_compounds() {
        let v = join_lines(&[vec![t("asylum-")], vec![t("seekers and")], vec![t(" ")]]);
        assert_eq!(v, [t("asylum-seekers and")]);
        let v = join_lines(&[vec![t("one")], vec![Inline::Strong(vec![t("two")])]]);
        assert_eq!(v, [t("one "), Inline::Strong(vec![t("two")])]);
    }

    #[test]
    fn whole_bold_lines() {
        assert_eq!(
            whole(&[t(" "), Inline::Strong(vec![t("Bahrain ")])], true),
            Some(vec![t("Bahrain")])
        );
        assert_eq!(
            whole(&[Inline::Strong(vec![t("36.")]), t(" text")], true),
            None
        );
        let mut v = vec![t("Introduction ∗")];
        strip_trailing(&mut v, &['∗', '*']);
        assert_eq!(v, [t("Introduction")]);
    }

    #[test]
    fn the_tail_of_the_text_is_its_end() {
        let v = vec![
            t("the Council "),
            Inline::Emphasis(vec![t("decides")]),
            t(" (see "),
            Inline::Strong(vec![t("para. 19")]),
            t(").  "),
        ];
        let whole = plain_text(&v);
        for n in [0, 1, 3, 8, 100] {
            let tail = plain_tail(&v, n);
            assert!(whole.ends_with(&tail), "{n}: {tail:?}");
            let visible = tail.chars().filter(|c| !c.is_whitespace()).count();
            let all = whole.chars().filter(|c| !c.is_whitespace()).count();
            assert!(visible >= n.min(all), "{n}: {tail:?}");
        }
        assert_eq!(plain_tail(&v, 100), whole);
    }

    #[test]
    fn a_bold_run_over_two_lines_stays_one_run() {
        let b = |s: &str| Inline::Strong(vec![t(s)]);
        let i = |s: &str| Inline::Emphasis(vec![t(s)]);
        assert_eq!(
            join_lines(&[vec![b("Report of the")], vec![b("Working Group")]]),
            [b("Report of the Working Group")]
        );
        assert!(joins_without_space("non-", Some('P')));
        assert!(joins_without_space("2020–", Some('2')));
        assert!(!joins_without_space("the –", Some('t')));
        assert!(!joins_without_space("States -", Some('t')));
        assert!(joins_without_space("79/252 A–", Some('B')));
        assert!(!joins_without_space("2020–", Some(' ')));
        // A hyphenated line end joins without a space.
        assert_eq!(
            join_lines(&[vec![i("asylum-")], vec![i("seekers")]]),
            [i("asylum-seekers")]
        );
        // Different styles stay apart.
        assert_eq!(
            join_lines(&[vec![b("Bold")], vec![i("italic")]]),
            [b("Bold"), t(" "), i("italic")]
        );
        let mut v = vec![t("see "), b("the Alternative Care")];
        append_spaced(&mut v, vec![b("of Children;")]);
        assert_eq!(v, [t("see "), b("the Alternative Care of Children;")]);
    }

    #[test]
    fn notes_are_taken_out_and_symbols_linked() {
        let note = Note {
            marker: "*".into(),
            content: vec![Block::Paragraph(crate::model::Paragraph {
                num: None,
                content: vec![t("Reissued.")],
                subparagraphs: vec![],
            })],
        };
        let mut v = vec![t("Title"), Inline::Note(note)];
        let mut notes = Vec::new();
        take_notes(&mut v, &mut notes);
        assert_eq!(v, [t("Title")]);
        assert_eq!(note_inlines(&notes[0]), [t("Reissued.")]);
        let mut v = vec![t("see A/HRC/19/74.")];
        finish(&mut v);
        assert!(matches!(&v[1], Inline::Ref(r) if r.symbol.to_string() == "A/HRC/19/74"));
    }
}
