//! Which numbers at the start of a printed line start something, read in order across
//! pages: the body's paragraphs ("12."), their subparagraphs ("(a)", "94.1", "99.1."), and
//! the items of a numbered list printed inside a paragraph (UPR recommendations "1. To
//! ratify…"), which must not break the body's numbering. Shared by the readers that see
//! the page (layout text, PDF): each gives the line's first word, whether a wide gap
//! follows it, and its indentation in character widths from the page's margin.

/// What a line's leading number makes of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Start {
    /// Nothing: no number, or a year or figure at a line's start ("2008. The review…").
    Other,
    /// A paragraph of the body.
    Paragraph,
    /// A subparagraph "(a)", or a recommendation "94.1" under paragraph 94.
    Sub,
    /// An item of a numbered list printed inside the open paragraph.
    ListItem,
}

/// Indentation, in character widths, that makes a list deeper than its paragraph.
const DEEPER: f64 = 3.0;
/// A paragraph number may skip ahead by less than this (a paragraph lost to the page).
const MAX_SKIP: u32 = 10;

/// The numbering read so far.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    next_para: u32,
    /// The indentation of the last paragraph number.
    para_indent: Option<f64>,
    /// The next number of a list inside the open paragraph.
    nested_next: Option<u32>,
}

impl Numbering {
    /// Classifies a line by its first word `head`. `spaced`: a wide gap follows the word (a
    /// tab after a paragraph number). `indent`: character widths from the page's margin.
    /// `recommendation`: whether the item reads as a UPR recommendation (asked only where
    /// an item's number is also the next paragraph's and the margins say nothing).
    pub(crate) fn classify(
        &mut self,
        head: &str,
        spaced: bool,
        indent: f64,
        recommendation: impl FnOnce() -> bool,
    ) -> Start {
        if head.len() <= 6
            && head.starts_with('(')
            && head.ends_with(')')
            && head[1..head.len() - 1]
                .bytes()
                .all(|b| b.is_ascii_lowercase())
        {
            return if spaced { Start::Sub } else { Start::Other };
        }
        // "94.1" or "99.1." under paragraph 94 or 99.
        if let Some((a, b)) = head.split_once('.') {
            let b = b.strip_suffix('.').unwrap_or(b);
            if !b.is_empty() {
                let sub = a.parse::<u32>().is_ok_and(|a| a + 1 == self.next_para)
                    && b.bytes().all(|c| c.is_ascii_digit());
                return if sub { Start::Sub } else { Start::Other };
            }
        }
        let Some(n) = head.strip_suffix('.').and_then(|n| n.parse::<u32>().ok()) else {
            return Start::Other;
        };
        // A list starts deeper than its paragraph's number, at 1; it goes on by its numbers
        // (on a new page the margins say nothing), unless a number is also the next
        // paragraph's and the line is not deeper. (An item whose number lost its period in
        // print leaves a gap of one.)
        let deeper = self.para_indent.is_some_and(|pi| indent >= pi + DEEPER);
        let continues = self
            .nested_next
            .is_some_and(|k| n == k || (spaced && n == k + 1));
        // (Asked at most once.)
        let mut ask = Some(recommendation);
        let mut reads_as_recommendation = || ask.take().is_some_and(|f| f());
        // A list's first item at the top of a page of items: the page's margin is the
        // items' own, so the indent says nothing; a UPR recommendation ("… (Canada);")
        // after a paragraph of the body is an item, not the body starting again at 1.
        let first_on_its_page = n == 1 && spaced && !deeper && self.next_para > 1 && indent < 1.0;
        if (n == 1 && deeper && spaced)
            || (first_on_its_page && reads_as_recommendation())
            || (continues && (n != self.next_para || deeper || reads_as_recommendation()))
        {
            self.nested_next = Some(n + 1);
            return Start::ListItem;
        }
        if (spaced && n < self.next_para + MAX_SKIP) || n == self.next_para || (spaced && n == 1) {
            self.next_para = n + 1;
            self.para_indent = Some(indent);
            self.nested_next = None;
            return Start::Paragraph;
        }
        Start::Other
    }
}

impl Numbering {
    /// A new decision or resolution starts ("Decision 8/CMA.3"): its paragraphs are
    /// numbered from 1, wherever its first number stands.
    pub(crate) fn restart(&mut self) {
        *self = Numbering::default();
    }

    /// A number printed without its period ("36" followed by a wide gap): whether it is the
    /// next paragraph's (at the paragraph numbers' indentation) or the next item's of the
    /// open list, so that it stands for "36.". The caller reads it as such and says so.
    pub(crate) fn missing_period(&self, head: &str, spaced: bool, indent: f64) -> bool {
        /// How far (in character widths) a number may stand from where the paragraph
        /// numbers stand.
        const SAME_INDENT: f64 = 1.0;
        let Ok(n) = head.parse::<u32>() else {
            return false;
        };
        if !spaced || head.len() > 3 {
            return false;
        }
        let at_para = self
            .para_indent
            .is_some_and(|pi| (indent - pi).abs() < SAME_INDENT);
        (n == self.next_para && self.next_para > 1 && at_para) || self.nested_next == Some(n)
    }
}

/// A decision's or resolution's heading ("Decision 8/CMA.3", "73/8. Necessity of…") or an
/// annex's label ("Annex", "Annex II"): the numbering starts afresh after it.
pub(crate) fn starts_afresh(t: &str) -> bool {
    use super::scan::{decision_heading, resolution_start};
    let t = t.trim();
    crate::model::words::annex_label(t)
        || decision_heading(t).is_some()
        || resolution_start(t).is_some()
}

/// Whether an item's last line names the recommending State in brackets ("… (Czech
/// Republic);"), as UPR recommendations end.
pub(crate) fn names_a_state(last_line: &str) -> bool {
    let last = last_line.trim_end().trim_end_matches([';', '.', ',']);
    last.ends_with(')') && last.contains('(')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_whose_first_item_starts_a_page() {
        // Paragraph 67 ends a page with "…enjoy the support of Albania:"; the next page
        // holds only items, so its margin is theirs (indent 0).
        let mut n = Numbering::default();
        let no = || false;
        for k in 1..=67 {
            assert_eq!(
                n.classify(&format!("{k}."), true, 0.0, no),
                Start::Paragraph
            );
        }
        assert_eq!(n.classify("1.", true, 0.0, || true), Start::ListItem);
        assert_eq!(n.classify("2.", true, 0.0, no), Start::ListItem);
        assert_eq!(n.classify("68.", true, 0.0, no), Start::Paragraph);
        // A "1." that does not read as a recommendation starts the body again (an annex).
        assert_eq!(n.classify("1.", true, 0.0, no), Start::Paragraph);
        // Nor is an item a "1." indented past the page's margin on its page, or one not
        // followed by a tab.
        let mut m = Numbering::default();
        assert_eq!(m.classify("1.", true, 0.0, no), Start::Paragraph);
        assert_eq!(m.classify("1.", false, 0.0, || true), Start::Other);
    }

    #[test]
    fn a_list_inside_a_paragraph_keeps_the_body_numbering() {
        let mut n = Numbering::default();
        let no = || false;
        assert_eq!(n.classify("1.", true, 0.0, no), Start::Paragraph);
        assert_eq!(n.classify("2008.", false, 0.0, no), Start::Other);
        assert_eq!(n.classify("2.", true, 0.0, no), Start::Paragraph);
        // The list, deeper: 1 and 2 are the paragraph's.
        assert_eq!(n.classify("1.", true, 6.0, no), Start::ListItem);
        assert_eq!(n.classify("2.", true, 6.0, no), Start::ListItem);
        // On a new page (no margin to compare), item 3 has the next paragraph's number: it
        // is an item because it reads as a recommendation; item 4 goes on by its number.
        assert_eq!(n.classify("3.", true, 0.0, || true), Start::ListItem);
        assert_eq!(n.classify("4.", true, 0.0, no), Start::ListItem);
        // Back to the body: paragraph 3.
        assert_eq!(n.classify("3.", true, 0.0, no), Start::Paragraph);
        assert_eq!(n.classify("3.1", true, 0.0, no), Start::Sub);
        assert_eq!(n.classify("(a)", true, 0.0, no), Start::Sub);
        assert_eq!(n.classify("7.5", false, 0.0, no), Start::Other);
        // A new decision: its "1." is a paragraph even where a list would start.
        let mut d = Numbering::default();
        assert_eq!(d.classify("1.", true, 0.0, no), Start::Paragraph);
        assert_eq!(d.classify("2.", true, 0.0, no), Start::Paragraph);
        assert_eq!(d.classify("1.", true, 6.0, no), Start::ListItem);
        d.restart();
        assert_eq!(d.classify("1.", true, 6.0, no), Start::Paragraph);
        // "4" printed without its period, where paragraph 4 stands: it stands for "4.".
        assert!(n.missing_period("4", true, 0.0));
        assert!(!n.missing_period("4", false, 0.0));
        assert!(!n.missing_period("4", true, 6.0));
        assert!(!n.missing_period("5", true, 0.0));
        assert!(!n.missing_period("2008", true, 0.0));
        assert!(starts_afresh("Decision 8/CMA.3"));
        assert!(starts_afresh("Annex II"));
        assert!(starts_afresh("ANNEX"));
        assert!(!starts_afresh("Annexes to the report"));
        assert!(!starts_afresh("Annex to the letter dated 5 May"));
        assert!(names_a_state("against journalists (Czech Republic);"));
        assert!(!names_a_state("the State under review."));
    }
}
