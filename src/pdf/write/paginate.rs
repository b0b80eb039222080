//! Lines onto pages: body lines from the top down, the notes they call at the foot of the
//! same page under a short rule (a long note goes on at the foot of the next page), lines
//! kept together (headings with what follows, no paragraph's first or last line alone),
//! annexes on a new page, and a table's header rows repeated at the top of a page it
//! continues on.

use super::flow::{FlowLine, PAGE_H};

/// The top of the text area on pages after the first, and the bottom of every page's.
pub(crate) const TOP: f32 = 70.0;
pub(crate) const BOTTOM: f32 = PAGE_H - 62.0;
/// The space the rule above the notes takes.
const SEPARATOR: f32 = 9.0;

/// What one page holds: body lines (index, top), repeated table headers ((table, row),
/// top), the notes' rule, and note lines ((note, line), top).
#[derive(Clone, Debug, Default)]
pub(crate) struct Page {
    pub body: Vec<(usize, f32)>,
    pub repeated: Vec<((usize, usize), f32)>,
    pub separator: Option<f32>,
    pub notes: Vec<((usize, usize), f32)>,
}

struct Building {
    body: Vec<(usize, f32)>,
    repeated: Vec<((usize, usize), f32)>,
    /// Note lines in order, with the body line that called them.
    notes: Vec<((usize, usize), usize)>,
    y: f32,
    notes_h: f32,
}

impl Building {
    fn new(top: f32) -> Building {
        Building {
            body: Vec::new(),
            repeated: Vec::new(),
            notes: Vec::new(),
            y: top,
            notes_h: 0.0,
        }
    }

    fn finish(self, note_lines: &[Vec<FlowLine>]) -> Page {
        let mut notes = Vec::new();
        let mut separator = None;
        if !self.notes.is_empty() {
            let mut y = BOTTOM - self.notes_h;
            separator = Some(y + SEPARATOR / 2.0);
            y += SEPARATOR;
            for ((n, k), _) in self.notes {
                let l = &note_lines[n][k];
                notes.push(((n, k), y));
                y += l.line.height;
            }
        }
        Page {
            body: self.body,
            repeated: self.repeated,
            separator,
            notes,
        }
    }
}

/// The body lines of the flow by their index in it, less those already drawn: the writer
/// releases each page's lines once it is drawn ([`Window::release_before`]), so a long
/// document's glyphs are not all held at once, and the memory they took is set again.
#[derive(Debug, Default)]
pub(crate) struct Window {
    /// The index in the flow of `lines[0]`.
    base: usize,
    lines: Vec<FlowLine>,
}

impl Window {
    /// The index after the last line given.
    pub(crate) fn end(&self) -> usize {
        self.base + self.lines.len()
    }

    /// Gives the next lines of the flow.
    pub(crate) fn extend(&mut self, lines: Vec<FlowLine>) {
        if self.lines.is_empty() && self.lines.capacity() < lines.len() {
            // (The first batch, or the whole flow at once: taken, not copied.)
            self.lines = lines;
        } else {
            self.lines.extend(lines);
        }
    }

    /// Gives up the lines before the `i`th (they are never looked at again), to be dropped
    /// by the caller, or elsewhere.
    pub(crate) fn release_before(&mut self, i: usize) -> Vec<FlowLine> {
        let n = i.saturating_sub(self.base).min(self.lines.len());
        self.base += n;
        self.lines.drain(..n).collect()
    }
}

impl std::ops::Index<usize> for Window {
    type Output = FlowLine;
    /// The `i`th line of the flow: one not released.
    fn index(&self, i: usize) -> &FlowLine {
        &self.lines[i - self.base]
    }
}

fn note_height(lines: &[FlowLine]) -> f32 {
    lines.iter().map(|l| l.line.height).sum()
}

/// Paginates; page 1's text starts at `first_top`. (The writer paginates as the lines
/// come, with [`Paginator`]; this is the same in one go, for the tests.)
#[cfg(test)]
pub(crate) fn paginate(
    lines: &[FlowLine],
    note_lines: &[Vec<FlowLine>],
    headers: &[Vec<FlowLine>],
    first_top: f32,
) -> Vec<Page> {
    let mut pages = Vec::new();
    let mut p = Paginator::new(first_top);
    let mut window = Window::default();
    window.extend(lines.to_vec());
    p.advance(&window, note_lines, headers, &mut pages);
    p.finish(note_lines, &mut pages);
    pages
}

/// Pagination as the lines come ([`paginate`] is one call of each): each call of
/// [`Paginator::advance`] places the lines given so far and hands over the pages they
/// fill. It never looks ahead of the line it places (only back, to the page's first line,
/// for lines kept with the next), so a page handed over is final, and the lines, notes and
/// table headers given may grow between calls (those there already unchanged).
pub(crate) struct Paginator {
    page: Building,
    /// Lines of notes left over from the last page.
    carry: Vec<(usize, usize)>,
    placed_notes: Vec<bool>,
    /// The next line to place, and the first line of the page being filled.
    i: usize,
    page_start: usize,
    /// Pages handed over.
    done: usize,
}

impl Paginator {
    pub(crate) fn new(first_top: f32) -> Paginator {
        Paginator {
            page: Building::new(first_top),
            carry: Vec::new(),
            placed_notes: Vec::new(),
            i: 0,
            page_start: 0,
            done: 0,
        }
    }

    /// Places the lines from the last one placed to the end of `lines`, pushing each page
    /// they fill to `pages`.
    pub(crate) fn advance(
        &mut self,
        lines: &Window,
        note_lines: &[Vec<FlowLine>],
        headers: &[Vec<FlowLine>],
        pages: &mut Vec<Page>,
    ) {
        if self.placed_notes.len() < note_lines.len() {
            self.placed_notes.resize(note_lines.len(), false);
        }
        let before = pages.len();
        let Paginator {
            page,
            carry,
            placed_notes,
            i,
            page_start,
            ..
        } = self;
        // A guard against a line that fits no page: it is placed alone.
        while *i < lines.end() {
            let fl = &lines[*i];
            let at_top = page.body.is_empty();
            if fl.new_page && !at_top {
                pages.push(std::mem::replace(page, Building::new(TOP)).finish(note_lines));
                *page_start = *i;
                continue;
            }
            if at_top && !carry.is_empty() {
                // The rest of a long note first.
                let mut h = SEPARATOR;
                for (n, k) in carry.drain(..) {
                    h += note_lines[n][k].line.height;
                    page.notes.push(((n, k), usize::MAX));
                }
                page.notes_h = h;
            }
            if at_top
                && let Some(h) = fl.header
                && page.repeated.is_empty()
                && !headers[h].is_empty()
                && *i > 0
                && lines[*i - 1].header == Some(h)
            {
                for (k, r) in headers[h].iter().enumerate() {
                    page.repeated.push(((h, k), page.y));
                    page.y += r.line.height;
                }
            }
            let space = if at_top { 0.0 } else { fl.space_before };
            let need = space + fl.line.height;
            let new: Vec<usize> = fl
                .line
                .notes
                .iter()
                .copied()
                .filter(|n| *n < note_lines.len() && !placed_notes[*n])
                .collect();
            let sep = if page.notes.is_empty() && !new.is_empty() {
                SEPARATOR
            } else {
                0.0
            };
            let notes_need: f32 = new.iter().map(|n| note_height(&note_lines[*n])).sum();
            let free = BOTTOM - page.notes_h - page.y;
            if need + sep + notes_need <= free + 0.01
                || (at_top && page.notes.is_empty() && new.is_empty())
            {
                // It fits (or nothing would: a line taller than a page goes alone).
                page.body.push((*i, page.y + space));
                page.y += need;
                for n in new {
                    for k in 0..note_lines[n].len() {
                        page.notes.push(((n, k), *i));
                    }
                    placed_notes[n] = true;
                }
                page.notes_h += sep + notes_need;
                *i += 1;
                continue;
            }
            // The line fits but not all its notes: every note but the last whole here, the
            // last from its first line on, the rest of it at the foot of the next page (a mark
            // is never on a page before its note starts).
            if let Some((&last, whole)) = new.split_last() {
                let whole_h: f32 = whole.iter().map(|n| note_height(&note_lines[*n])).sum();
                let first_h = note_lines[last].first().map_or(0.0, |l| l.line.height);
                if need + sep + whole_h + first_h <= free + 0.01 {
                    page.body.push((*i, page.y + space));
                    page.y += need;
                    let mut room = free - need - sep;
                    page.notes_h += sep;
                    for &n in &new {
                        placed_notes[n] = true;
                        for (k, l) in note_lines[n].iter().enumerate() {
                            let h = l.line.height;
                            if carry.is_empty() && (n != last || h <= room + 0.01) {
                                room -= h;
                                page.notes_h += h;
                                page.notes.push(((n, k), *i));
                            } else {
                                carry.push((n, k));
                            }
                        }
                    }
                    *i += 1;
                    pages.push(std::mem::replace(page, Building::new(TOP)).finish(note_lines));
                    *page_start = *i;
                    continue;
                }
            }
            // It does not fit: back to the start of the lines kept together with it, unless
            // they began at the top of this page.
            let mut k = *i;
            while k > *page_start && lines[k - 1].keep_with_next {
                k -= 1;
            }
            if k > *page_start && page.body.iter().any(|(j, _)| *j < k) {
                page.body.retain(|(j, _)| *j < k);
                page.notes.retain(|(_, by)| *by < k || *by == usize::MAX);
                for n in (k..*i).flat_map(|j| lines[j].line.notes.iter()) {
                    if let Some(p) = placed_notes.get_mut(*n) {
                        *p = false;
                    }
                }
                page.notes_h = if page.notes.is_empty() {
                    0.0
                } else {
                    SEPARATOR
                        + page
                            .notes
                            .iter()
                            .map(|((n, l), _)| note_lines[*n][*l].line.height)
                            .sum::<f32>()
                };
                *i = k;
            } else if page.body.is_empty() {
                // Nothing placed and still no room: place it anyway, its notes on.
                page.body.push((*i, page.y));
                page.y += fl.line.height;
                for n in new {
                    placed_notes[n] = true;
                    for k in 0..note_lines[n].len() {
                        carry.push((n, k));
                    }
                }
                *i += 1;
            }
            pages.push(std::mem::replace(page, Building::new(TOP)).finish(note_lines));
            *page_start = *i;
        }
        self.done += pages.len() - before;
    }

    /// The first line [`Paginator::advance`] may look at again: the line before the page
    /// being filled (a table row looks back at the row before it). The pages handed over
    /// hold only lines before the page being filled.
    pub(crate) fn keep_from(&self) -> usize {
        self.page_start.saturating_sub(1)
    }

    /// Ends pagination: the last page, and pages for notes still carried.
    pub(crate) fn finish(self, note_lines: &[Vec<FlowLine>], pages: &mut Vec<Page>) {
        let Paginator {
            page,
            mut carry,
            done,
            ..
        } = self;
        if !page.body.is_empty() || !page.notes.is_empty() || done == 0 {
            pages.push(page.finish(note_lines));
        }
        // Notes still carried at the end get pages of their own.
        while !carry.is_empty() {
            let mut p = Building::new(TOP);
            let mut h = SEPARATOR;
            while let Some(&(n, k)) = carry.first() {
                let lh = note_lines[n][k].line.height;
                if h + lh > BOTTOM - TOP && !p.notes.is_empty() {
                    break;
                }
                h += lh;
                p.notes.push(((n, k), usize::MAX));
                carry.remove(0);
            }
            p.notes_h = h;
            pages.push(p.finish(note_lines));
        }
    }
}
