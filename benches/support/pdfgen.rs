//! A generated UN-style report as a PDF of any number of pages, written here by hand (not by
//! undocs, which has no PDF writer): for the PDF reader's benchmarks (time against pages)
//! and its tests (a second producer, with non-embedded standard fonts and no tags, whose
//! every paragraph and note is known).
//!
//! The layout follows the UN Geneva template: page 1 has the masthead ("United Nations"
//! and the symbol over a rule, the organ in large bold type, the distribution block at the
//! right, session, agenda item, title, the summary in a box) and the job number at its foot; later pages have
//! the symbol as running header and the page number at the foot. Chapters "I." and
//! sections "A." are bold; paragraphs are numbered with a hanging number and run across
//! pages; every fifth paragraph ends with a raised note mark whose note is printed under a
//! short rule at the foot of the same page.
#![allow(dead_code)]

/// A generated PDF and what it holds.
pub struct Generated {
    pub pdf: Vec<u8>,
    pub pages: usize,
    /// Numbered paragraphs, 1…N.
    pub paragraphs: u32,
    /// Footnotes, one every fifth paragraph.
    pub notes: u32,
    /// Chapter and section headings.
    pub headings: u32,
}

pub const SYMBOL: &str = "A/HRC/99/17";
pub const TITLE: &str = "Report of the Special Rapporteur on the right to development";
pub const SUMMARY: &str = "In the present report, the Special Rapporteur describes the activities undertaken since the previous report and the cooperation of States with the mandate.";

const SENTENCES: &[&str] = &[
    "The Advisory Committee noted the wide variety of meanings that the very concept of international cooperation may have (see A/HRC/19/74, para. 26).",
    "Delegates underscored that international cooperation could support the mainstreaming of the rights of women and gender equality in all development goals.",
    "The universal periodic review had opened up opportunities for States, the United Nations system and civil society to work together (see A/HRC/23/20, para. 8).",
    "The Special Rapporteur recommends that States strengthen their national mechanisms for reporting and follow-up.",
    "Several participants stressed the importance of technical assistance and capacity-building, in consultation with and with the consent of the States concerned.",
];

const WIDTH: f64 = 595.0;
const HEIGHT: f64 = 842.0;
/// Left edge of headings' numbers and of paragraph text lines after the first.
const MARGIN: f64 = 70.0;
/// Where paragraph numbers stand, and where the text after them starts.
const NUM_X: f64 = 113.0;
const TEXT_X: f64 = 141.0;
const RIGHT: f64 = 525.0;
const BODY_SIZE: f64 = 10.0;
const LEADING: f64 = 12.0;
const NOTE_SIZE: f64 = 8.0;
const NOTE_LEADING: f64 = 9.5;
/// Lowest baseline of body text and notes (the footer sits below).
const BOTTOM: f64 = 770.0;

/// Characters of Times at `size` that fit in `width` points (an average width is enough
/// to break lines: the reader takes positions from the fonts).
fn fit(width: f64, size: f64) -> usize {
    (width / (0.46 * size)) as usize
}

/// Breaks `text` into lines: the first `first` characters wide, the rest `rest`.
fn wrap(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for w in text.split(' ') {
        let limit = if lines.is_empty() { first } else { rest };
        if !cur.is_empty() && cur.len() + 1 + w.len() > limit {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('(', "\\(")
        .replace(')', "\\)")
}

/// One page's content stream being written, with y counted from the top.
#[derive(Default)]
struct Page {
    ops: String,
    notes: Vec<(u32, String)>,
}

impl Page {
    fn text(&mut self, font: &str, size: f64, x: f64, y: f64, s: &str) {
        self.ops.push_str(&format!(
            "BT /{font} {size} Tf {x:.2} {:.2} Td ({}) Tj ET\n",
            HEIGHT - y,
            esc(s)
        ));
    }

    /// Text followed by a raised note mark.
    fn text_marked(&mut self, x: f64, y: f64, s: &str, mark: u32) {
        self.ops.push_str(&format!(
            "BT /F1 {BODY_SIZE} Tf {x:.2} {:.2} Td ({}) Tj /F1 6.5 Tf 3.5 Ts ({mark}) Tj 0 Ts ET\n",
            HEIGHT - y,
            esc(s)
        ));
    }

    fn rule(&mut self, x0: f64, x1: f64, y: f64, width: f64) {
        self.ops.push_str(&format!(
            "{width} w {x0:.2} {:.2} m {x1:.2} {:.2} l S\n",
            HEIGHT - y,
            HEIGHT - y
        ));
    }

    /// Height the notes at the foot take.
    fn notes_height(&self, extra: usize) -> f64 {
        let lines: usize = self
            .notes
            .iter()
            .map(|(_, t)| {
                wrap(
                    t,
                    fit(RIGHT - TEXT_X, NOTE_SIZE),
                    fit(RIGHT - TEXT_X, NOTE_SIZE),
                )
                .len()
            })
            .sum::<usize>()
            + extra;
        if lines == 0 {
            0.0
        } else {
            lines as f64 * NOTE_LEADING + 14.0
        }
    }

    fn finish(mut self) -> String {
        if !self.notes.is_empty() {
            let mut y = BOTTOM - self.notes_height(0) + 14.0;
            self.rule(NUM_X, NUM_X + 72.0, y - 10.0, 0.5);
            for (n, t) in std::mem::take(&mut self.notes) {
                let w = fit(RIGHT - TEXT_X, NOTE_SIZE);
                for (i, l) in wrap(&t, w, w).iter().enumerate() {
                    if i == 0 {
                        self.ops.push_str(&format!(
                            "BT /F1 5.5 Tf {NUM_X:.2} {:.2} Td 3 Ts ({n}) Tj 0 Ts ET\n",
                            HEIGHT - y
                        ));
                    }
                    self.text("F1", NOTE_SIZE, TEXT_X, y, l);
                    y += NOTE_LEADING;
                }
            }
        }
        self.ops
    }
}

/// What goes into the body, in order.
enum Item {
    Chapter(String, String),
    Section(String, String),
    Para(u32, String, Option<u32>),
}

fn roman(n: u32) -> String {
    const R: &[(u32, &str)] = &[
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut s = String::new();
    for (v, r) in R {
        while n >= *v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// A report of about `pages` pages.
pub fn report_pdf(pages: usize) -> Generated {
    report_pdf_with(pages, false)
}

/// The same report with its text invisible (text rendering mode 3), as an OCR layer lies
/// over a scanned page (the scan itself left out).
pub fn ocr_layer_pdf(pages: usize) -> Generated {
    report_pdf_with(pages, true)
}

fn report_pdf_with(pages: usize, invisible: bool) -> Generated {
    // Paragraphs of 3–5 lines, headings every tenth: about 26 paragraphs to 3 pages.
    let paragraphs = (pages.max(1) * 26 / 3).max(1) as u32;
    let mut items = Vec::new();
    let mut chapter = 0;
    let mut headings = 0;
    for p in 1..=paragraphs {
        if p % 30 == 1 {
            chapter += 1;
            headings += 1;
            items.push(Item::Chapter(
                format!("{}.", roman(chapter)),
                format!("Developments in the period under review, part {chapter}"),
            ));
        }
        if p % 10 == 1 {
            headings += 1;
            let letter = (b'A' + ((p / 10) % 3) as u8) as char;
            items.push(Item::Section(
                format!("{letter}."),
                format!("Cooperation with international mechanisms {p}"),
            ));
        }
        let n = 2 + (p as usize % 3);
        let text: Vec<&str> = (0..n)
            .map(|k| SENTENCES[(p as usize + k) % SENTENCES.len()])
            .collect();
        let note = (p % 5 == 0).then_some(p / 5);
        items.push(Item::Para(p, text.join(" "), note));
    }

    let mut out: Vec<String> = Vec::new();
    let mut page = Page::default();
    // Page 1: the masthead.
    page.text("F4", 10.0, MARGIN, 60.0, "United Nations");
    page.text("F2", 16.0, 420.0, 60.0, SYMBOL);
    page.rule(MARGIN, RIGHT, 68.0, 1.0);
    page.text("F2", 20.0, NUM_X, 98.0, "General Assembly");
    page.text("F1", BODY_SIZE, 400.0, 90.0, "Distr.: General");
    page.text("F1", BODY_SIZE, 400.0, 102.0, "29 January 2016");
    page.text("F1", BODY_SIZE, 400.0, 126.0, "Original: English");
    page.rule(MARGIN, RIGHT, 140.0, 2.0);
    page.text("F2", BODY_SIZE, MARGIN, 160.0, "Human Rights Council");
    page.text("F2", BODY_SIZE, MARGIN, 172.0, "Thirty-first session");
    page.text("F1", BODY_SIZE, MARGIN, 184.0, "29 February-24 March 2016");
    page.text("F1", BODY_SIZE, MARGIN, 196.0, "Agenda item 3");
    page.text(
        "F2",
        BODY_SIZE,
        MARGIN,
        208.0,
        "Promotion and protection of all human rights",
    );
    page.text("F2", 14.0, NUM_X, 245.0, TITLE);
    // The summary, in a box under its centred heading.
    page.text("F2", 12.0, 270.0, 285.0, "Summary");
    page.ops.push_str(&format!(
        "0.5 w {NUM_X:.2} {:.2} {:.2} -62 re S\n",
        HEIGHT - 295.0,
        RIGHT - NUM_X
    ));
    let w = fit(RIGHT - NUM_X - 20.0, BODY_SIZE);
    for (k, l) in wrap(SUMMARY, w, w).iter().enumerate() {
        page.text("F1", BODY_SIZE, NUM_X + 10.0, 312.0 + 12.0 * k as f64, l);
    }
    page.text("F1", 8.0, MARGIN, 805.0, "GE.16-01234(E)");
    let mut y = 380.0;
    let first_w = fit(RIGHT - TEXT_X, BODY_SIZE);
    let rest_w = fit(RIGHT - NUM_X, BODY_SIZE);
    let new_page = |page: &mut Page, out: &mut Vec<String>| -> f64 {
        let n = out.len() + 2;
        let done = std::mem::take(page).finish();
        out.push(done);
        if n.is_multiple_of(2) {
            page.text("F2", 8.0, MARGIN, 45.0, SYMBOL);
        } else {
            page.text("F2", 8.0, 470.0, 45.0, SYMBOL);
        }
        page.text(
            "F2",
            8.0,
            if n.is_multiple_of(2) { MARGIN } else { 510.0 },
            805.0,
            &n.to_string(),
        );
        80.0
    };
    for item in &items {
        match item {
            Item::Chapter(num, t) | Item::Section(num, t) => {
                let size = if matches!(item, Item::Chapter(..)) {
                    12.0
                } else {
                    BODY_SIZE
                };
                if y + 3.0 * LEADING > BOTTOM - page.notes_height(0) {
                    y = new_page(&mut page, &mut out);
                }
                y += LEADING;
                page.text("F2", size, MARGIN, y, num);
                page.text("F2", size, NUM_X, y, t);
                y += LEADING + 4.0;
            }
            Item::Para(n, text, note) => {
                y += 4.0;
                let lines = wrap(text, first_w, rest_w);
                let last = lines.len() - 1;
                for (i, l) in lines.iter().enumerate() {
                    let extra = if i == last && note.is_some() { 2 } else { 0 };
                    if y + LEADING > BOTTOM - page.notes_height(extra) {
                        y = new_page(&mut page, &mut out);
                    }
                    y += LEADING;
                    if i == 0 {
                        page.text("F1", BODY_SIZE, NUM_X, y, &format!("{n}."));
                    }
                    let x = if i == 0 { TEXT_X } else { NUM_X };
                    match note {
                        Some(m) if i == last => {
                            page.text_marked(x, y, l, *m);
                            page.notes.push((
                                *m,
                                format!("See the note verbale dated 12 May 2015 in document A/HRC/30/{m}, para. {n}."),
                            ));
                        }
                        _ => page.text("F1", BODY_SIZE, x, y, l),
                    }
                }
            }
        }
    }
    out.push(page.finish());

    // The file: catalog, pages, four standard fonts, then each page and its content.
    let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets: Vec<usize> = Vec::new();
    let mut obj = |pdf: &mut Vec<u8>, body: &str| {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", offsets.len()).as_bytes());
    };
    let n = out.len();
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 7 + 2 * i)).collect();
    obj(&mut pdf, "<< /Type /Catalog /Pages 2 0 R >>");
    obj(
        &mut pdf,
        &format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")),
    );
    for base in ["Times-Roman", "Times-Bold", "Times-Italic", "Helvetica"] {
        obj(
            &mut pdf,
            &format!(
                "<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding >>"
            ),
        );
    }
    if invisible {
        for content in &mut out {
            *content = content.replace("BT ", "BT 3 Tr ");
        }
    }
    for (i, content) in out.iter().enumerate() {
        obj(
            &mut pdf,
            &format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {WIDTH} {HEIGHT}] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R /F4 6 0 R >> >> /Contents {} 0 R >>",
                8 + 2 * i
            ),
        );
        obj(
            &mut pdf,
            &format!(
                "<< /Length {} >>\nstream\n{content}endstream",
                content.len()
            ),
        );
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
    );
    for o in &offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            offsets.len() + 1
        )
        .as_bytes(),
    );
    Generated {
        pdf,
        pages: n,
        paragraphs,
        notes: paragraphs / 5,
        headings,
    }
}
