//! Pure scanners over plain text: numbering, masthead lines, resolution and decision
//! headings, page furniture. No state, no inlines: each answers one question about a
//! string, so the passes in `masthead.rs` and `body.rs` read as rules.

use crate::model::{DivisionKind, JobNumber, Symbol};

/// Longest line of session dates ("16 June–11 July 2025", "8–26 September and 10 October
/// 2014"), in bytes: a longer line with a month in it is running text.
const MAX_DATES_LINE: usize = 60;
/// Longest subsidiary body name on its own ("Conference of the Parties serving as the
/// meeting of the Parties to the Paris Agreement" is 86), in bytes.
const MAX_BODY_LINE: usize = 120;
/// A title line at least this long (in characters) is wrapped: the next line goes on with
/// it.
const WRAPPED_TITLE_LINE: usize = 45;
/// Longest printed page number ("9999") in digits.
const MAX_PAGE_DIGITS: usize = 4;
/// Longest subparagraph label inside its parentheses ("viii", "(xviii)" is 5 with "x").
const MAX_SUB_LABEL: usize = 5;
/// Longest paragraph number ("24.11", "A.24.1.", "123.") in bytes.
const MAX_PARA_NUMBER: usize = 8;
/// Longest resolution or decision number ("73/8", "6/CMA.3", "1/CMP.16", "ES-11/1"…), in
/// bytes.
const MAX_DECISION_NUMBER: usize = 24;

/// Principal organs as mastheads print them.
pub(crate) const ORGANS: &[&str] = &[
    "General Assembly",
    "Security Council",
    "Economic and Social Council",
    "Trusteeship Council",
    "Secretariat",
    "International Court of Justice",
];

/// "Agenda items 2 and 3" → ["2", "3"]; "Agenda item 4 (a)" → ["4 (a)"]; "Items 137 and 138
/// of the preliminary list", "Item 4 of the provisional agenda" too.
#[cfg(test)]
pub(crate) fn agenda_numbers(l: &str) -> Option<Vec<String>> {
    agenda_line(l).map(|(n, _)| n)
}

/// An agenda line: its numbers, and the title when it follows on the same line ("Agenda
/// item 6 Universal periodic review").
pub(crate) fn agenda_line(l: &str) -> Option<(Vec<String>, String)> {
    let t = l.trim().trim_end_matches('*');
    let lower = t.to_lowercase();
    let Some(rest) = ["agenda items", "agenda item", "items", "item"]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| &t[p.len()..]))
    else {
        // "Points 2 et 3 de l'ordre du jour", "Temas 2 y 3 del programa", "Пункты 2 и 3
        // повестки дня", "البندان 2 و 3 من جدول الأعمال", "议程项目2和3".
        return crate::model::words::agenda(t).map(|(nums, _)| (nums, String::new()));
    };
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

pub(crate) fn job_number(l: &str) -> Option<JobNumber> {
    JobNumber::parse_prefix(l).filter(|j| j.serial().len() == 5 || j.office().is_some())
}

pub(crate) fn is_dates_line(l: &str) -> bool {
    let t = l.trim();
    t.len() < MAX_DATES_LINE
        && t.chars().any(|c| c.is_ascii_digit())
        && crate::model::MONTHS.iter().any(|m| t.contains(m))
}

/// Masthead items an extractor ran together on one line: "United Nations A/HRC/59/15",
/// "General Assembly Distr.: General", "24 March 2025 Original: English".
pub(crate) fn split_merged(l: &str) -> Vec<String> {
    let t = l.trim();
    for key in [" Distr.", " Distr:", " DISTR.", " Original:", " ORIGINAL:"] {
        if let Some(i) = t.find(key) {
            let mut out = split_merged(&t[..i]);
            out.extend(split_merged(&t[i + 1..]));
            return out;
        }
    }
    if Symbol::parse_printed(t).is_err()
        && let Some((head, tail)) = t.rsplit_once(' ')
        && Symbol::parse_printed(tail).is_ok()
        && !head.trim().is_empty()
    {
        return vec![head.trim().to_string(), tail.to_string()];
    }
    vec![t.to_string()]
}

/// A job number cut short at the foot of a page ("GE.09-"): furniture all the same.
#[cfg_attr(not(any(feature = "text", feature = "pdf")), allow(dead_code))]
pub(crate) fn truncated_job_number(s: &str) -> bool {
    let Some((office, rest)) = s.split_once(['.', ':']) else {
        return false;
    };
    let Some(year) = rest.strip_suffix('-') else {
        return false;
    };
    (1..=3).contains(&office.len())
        && office.bytes().all(|b| b.is_ascii_uppercase())
        && year.len() == 2
        && year.bytes().all(|b| b.is_ascii_digit())
}

/// A line that is page furniture: a symbol (or a draft's placeholder for one,
/// "FCCC/PA/CMA/2021/X/Add.3"), a page number ("2", "2/12", "Page 2"), a job number
/// ("GE.16-01234", "16-01234 (E) 290116").
pub(crate) fn furniture(t: &str) -> bool {
    let t = t.trim();
    let digits = |x: &str| {
        !x.is_empty() && x.len() <= MAX_PAGE_DIGITS && x.bytes().all(|b| b.is_ascii_digit())
    };
    // (A symbol has a slash: most lines have none, and are not parsed as one.)
    (t.contains('/') && (Symbol::parse_printed(t).is_ok() || placeholder_symbol(t)))
        || digits(t)
        || t.split_once('/')
            .is_some_and(|(a, b)| digits(a) && digits(b))
        || t.strip_prefix("Page ").is_some_and(digits)
        || job_number(t).is_some()
}

/// Whether `t` is a symbol whose number a draft left as a placeholder: a component or the
/// number after a dot made only of `x` or `X` ("A/HRC/31/L.xx", "A/80/xxx",
/// "FCCC/PA/CMA/2021/X/Add.3"), with at least three components. Such lines head the pages of
/// drafts and advance versions.
fn placeholder_symbol(t: &str) -> bool {
    let is_x = |c: &str| !c.is_empty() && c.len() <= 4 && c.bytes().all(|b| b == b'x' || b == b'X');
    fn num(c: &str) -> &str {
        c.rsplit_once('.').map_or(c, |(_, n)| n)
    }
    // (Most lines with a slash have no such component: they are passed over unbuilt.)
    if !t.trim_end_matches('*').split('/').any(|c| is_x(num(c))) {
        return false;
    }
    let mut any = false;
    let filled: Vec<String> = t
        .trim_end_matches('*')
        .split('/')
        .map(|c| {
            let (head, num) = c.rsplit_once('.').unwrap_or(("", c));
            if is_x(num) {
                any = true;
                if head.is_empty() {
                    "1".to_string()
                } else {
                    format!("{head}.1")
                }
            } else {
                c.to_string()
            }
        })
        .collect();
    any && filled.len() >= 3 && filled.join("/").parse::<Symbol>().is_ok()
}

/// Whether plain text ends without final punctuation: a paragraph that goes on in the next
/// block (cut by a page break).
pub(crate) fn ends_open(t: &str) -> bool {
    let t = t.trim_end_matches(|c: char| c == '*' || c.is_whitespace());
    let t = t.trim_end_matches(['”', '’', '"', ')', ']', '»']);
    !t.ends_with(['.', ':', ';', '?', '!', ','])
}

/// Small words a line ends with when its phrase goes on in the next line: a title or a
/// heading never ends with one.
pub(crate) const CONTINUING_WORDS: &[&str] = &[
    "on", "of", "the", "and", "for", "in", "to", "a", "an", "by", "with", "against", "at", "from",
    "its", "their",
];

/// Whether a text ends with one of the [`CONTINUING_WORDS`] ("… to improve the quality of
/// the education system, to").
pub(crate) fn ends_mid_phrase(t: &str) -> bool {
    let last = t.trim_end().rsplit(' ').next().unwrap_or("").to_lowercase();
    CONTINUING_WORDS.contains(&last.as_str())
}

/// Splits title lines into title and subtitle: a line continues the title when the title so
/// far ends with a small word or is long (wrapped), or the line starts in lowercase.
pub(crate) fn split_title(lines: &[String]) -> Vec<String> {
    let mut groups: Vec<String> = Vec::new();
    let mut last_len = 0;
    // A title set over several lines ends at the line carrying its note mark ("Report of
    // the Working Group on the Universal" / "Periodic Review*" / "Angola").
    let marked = |l: &str| l.trim_end().ends_with(['*', '∗']);
    let lines: Vec<&String> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
    let mut lines = lines.as_slice();
    if let Some(k) = lines.iter().position(|l| marked(l)).filter(|&k| k > 0) {
        groups.push(
            lines[..=k]
                .iter()
                .map(|l| l.trim())
                .collect::<Vec<_>>()
                .join(" "),
        );
        last_len = 0;
        lines = &lines[k + 1..];
    }
    for l in lines {
        let l = l.trim();
        if l.is_empty() {
            continue;
        }
        let cont = groups.last().is_some_and(|g| {
            // (After a marked title, the next line is the subtitle.)
            let last = g.rsplit(' ').next().unwrap_or("").to_lowercase();
            let marked = g.ends_with('*') || g.ends_with('∗');
            !marked
                && (CONTINUING_WORDS.contains(&last.as_str())
                    || last_len >= WRAPPED_TITLE_LINE
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

pub(crate) fn strip_marks(s: &str) -> String {
    // (Several marks side by side: "Title* **".)
    s.trim().trim_end_matches(['*', '∗', ' ']).to_string()
}

/// A subsidiary body's name as mastheads print it: "Human Rights Council", "Commission on
/// Narcotic Drugs", "Conference of the Parties …".
pub(crate) fn is_body_name(l: &str) -> bool {
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
    (l.chars().next().is_some_and(char::is_uppercase)
        && l.len() < MAX_BODY_LINE
        && WORDS.iter().any(|w| lower.contains(&w.to_lowercase())))
        || crate::model::words::is_body_name(l)
}

pub(crate) fn roman_value(s: &str) -> Option<u32> {
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
pub(crate) fn heading_numbering(t: &str) -> (Option<(DivisionKind, String)>, String) {
    let t = t.trim();
    // A chapter number printed against its heading, the tab lost ("IV.Implementing the
    // six elements", as LibreOffice prints a number wider than its hanging indent).
    if let Some(dot) = t.find('.')
        && dot > 1
        && t[..dot].chars().all(|c| "IVXL".contains(c))
        && roman_value(&t[..dot]).is_some()
        && t[dot + 1..].starts_with(|c: char| c.is_uppercase())
    {
        return (
            Some((DivisionKind::Chapter, t[..=dot].to_string())),
            t[dot + 1..].to_string(),
        );
    }
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
    // "أولا - مقدمة", "ألف - …", "一. 导言", "А. …": kept as printed, the same levels.
    if let Some((kind, num, rest)) = crate::model::words::heading_number(t) {
        return (Some((kind, num)), rest);
    }
    (None, t.to_string())
}

/// "12. text" → ("12.", "text"); also "24.11 text".
pub(crate) fn para_number(t: &str) -> Option<(String, String)> {
    let t = t.trim_start();
    let Some(end) = t.find(|c: char| c.is_whitespace()) else {
        return crate::model::words::para_number(t);
    };
    let head = &t[..end];
    let rest = t[end..].trim_start();
    let digits_dots = !head.is_empty()
        && head.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && head.as_bytes()[0].is_ascii_digit();
    let ok = digits_dots
        && (head.ends_with('.') || head.contains('.'))
        && head.len() <= MAX_PARA_NUMBER
        && !rest.is_empty();
    if !ok {
        // "١ - …", "١٢. …", "１．…".
        return crate::model::words::para_number(t);
    }
    Some((head.to_string(), rest.to_string()))
}

/// "(a) text" → ("(a)", "text").
pub(crate) fn sub_number(t: &str) -> Option<(String, String)> {
    let t = t.trim_start();
    // "（a）text": Chinese prints subparagraphs in full-width brackets, with or without a
    // space after, the letter in either width.
    if let Some(r) = t.strip_prefix('（') {
        let (inner, rest) = r.split_once('）')?;
        let ok = !inner.is_empty()
            && inner.chars().count() <= 4
            && inner
                .chars()
                .all(|c| c.is_ascii_lowercase() || ('ａ'..='ｚ').contains(&c));
        let rest = rest.trim_start();
        let head = &t[..t.len() - r.len() + inner.len() + '）'.len_utf8()];
        return (ok && !rest.is_empty()).then(|| (head.to_string(), rest.to_string()));
    }
    if !t.starts_with('(') {
        // "a) text", "ii) text": French and Spanish print subparagraphs without the
        // opening parenthesis.
        let close = t.find(')')?;
        let inner = &t[..close];
        let after = &t[close + 1..];
        // A letter ("a)") or a small roman number ("iv)").
        let ok = (inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_lowercase())
            || (inner.len() <= 4 && inner.bytes().all(|b| b"ivx".contains(&b))))
            && after.starts_with(' ');
        let rest = after.trim_start();
        return (ok && !rest.is_empty()).then(|| (t[..=close].to_string(), rest.to_string()));
    }
    let close = t.find(')')?;
    let head = &t[..=close];
    let inner = &t[1..close];
    let ok = t.starts_with('(')
        && !inner.is_empty()
        && inner.len() <= MAX_SUB_LABEL
        && (inner.bytes().all(|b| b.is_ascii_lowercase())
            || crate::model::words::is_arabic_sub(inner));
    let rest = t[close + 1..].trim_start();
    (ok && !rest.is_empty()).then(|| (head.to_string(), rest.to_string()))
}

/// "Decision 6/CMA.3", "Resolution 73/8" alone on a line → "6/CMA.3", "73/8": the heading
/// of a decision or resolution whose title follows on its own.
pub(crate) fn decision_heading(t: &str) -> Option<String> {
    let t = t.trim();
    let rest = t
        .strip_prefix("Decision ")
        .or_else(|| t.strip_prefix("Resolution "))?;
    let ok = !rest.contains(' ')
        && rest.contains('/')
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && rest.len() <= MAX_DECISION_NUMBER;
    ok.then(|| rest.to_string())
}

/// "73/8. Title" → ("73/8", "Title").
pub(crate) fn resolution_start(t: &str) -> Option<(String, String)> {
    let t = t.trim_start();
    let end = t.find(|c: char| c.is_whitespace())?;
    let head = t[..end].strip_suffix('.')?;
    let (a, b) = head.split_once('/')?;
    // (Not a reference closing a parenthesis at a line's start: "78/331). It will".)
    let ok = !a.is_empty()
        && a.bytes().all(|c| c.is_ascii_digit())
        && !b.is_empty()
        && b.bytes().next().is_some_and(|c| c.is_ascii_digit())
        && b.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'.');
    ok.then(|| (head.to_string(), t[end..].trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_and_sessions() {
        let s = crate::model::Session::parse_printed("Twenty-seventh session").unwrap();
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
            heading_numbering("IV.Implementing the six elements"),
            (
                Some((DivisionKind::Chapter, "IV.".to_string())),
                "Implementing the six elements".to_string()
            )
        );
        assert_eq!(heading_numbering("I.e. not a heading").0, None);
        assert_eq!(heading_numbering("MD.Smith").0, None);
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
            sub_number("a) Les États"),
            Some(("a)".to_string(), "Les États".to_string()))
        );
        assert_eq!(
            sub_number("ii) los Estados"),
            Some(("ii)".to_string(), "los Estados".to_string()))
        );
        assert_eq!(sub_number("a)b"), None);
        assert_eq!(sub_number("word) text"), None);
        // Chinese: full-width brackets, no space needed.
        assert_eq!(
            sub_number("（a）各国"),
            Some(("（a）".to_string(), "各国".to_string()))
        );
        assert_eq!(
            sub_number("（ｂ） 各国"),
            Some(("（ｂ）".to_string(), "各国".to_string()))
        );
        assert_eq!(sub_number("（见A/HRC/1/2）"), None);
        assert_eq!(sub_number("（a）"), None);
        assert_eq!(
            resolution_start("73/8. Necessity of ending"),
            Some(("73/8".into(), "Necessity of ending".into()))
        );
        // A reference closing its parenthesis at a line's start is no resolution.
        assert_eq!(resolution_start("78/331). It will support"), None);
        assert!(
            furniture("A/HRC/31/81")
                && furniture("12")
                && furniture("3/14")
                && furniture("GE.16-01234 (E) 290116")
        );
        assert!(!furniture("Introduction") && !furniture("12345") && !furniture("1. Text"));
        // Drafts' placeholders for the number (sample 01 printed by LibreOffice heads its
        // pages with "FCCC/PA/CMA/2021/X/Add.3").
        for t in ["FCCC/PA/CMA/2021/X/Add.3", "A/HRC/31/L.xx", "A/80/xxx*"] {
            assert!(furniture(t), "{t}");
        }
        for t in ["X/Y", "A/X", "HIV/XX", "A/HRC/xyz", "A/HRC/31/L.xx/more"] {
            assert!(!furniture(t), "{t}");
        }
        assert!(ends_open("(see"));
        assert!(!ends_open("para. 19)."));
        assert!(!ends_open("the right.*"));
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
