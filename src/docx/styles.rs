//! Word styles: the UN Geneva template's style IDs and definitions (HMG, HChG, H1G, H23G,
//! H4G, SingleTxtG, Bullet1G, footnote text and reference), a few of our own for parts the
//! templates type by hand (subparagraphs, resolutions, annexes), and the New York template's
//! masthead styles; and what each style ID means when reading.

/// Paragraph style of numbered and unnumbered paragraphs.
pub const BODY: &str = "SingleTxtG";
/// Paragraph style of footnote text.
pub const FOOTNOTE_TEXT: &str = "FootnoteText";
/// Character style of footnote marks.
pub const FOOTNOTE_REF: &str = "FootnoteReference";
/// Character style of references to UN documents.
pub const SYMBOL_REF: &str = "SymbolRefG";
/// Character style of hyperlinks.
pub const HYPERLINK: &str = "Hyperlink";
/// Paragraph style of the first paragraph of a list item.
pub const BULLET: &str = "Bullet1G";
/// Paragraph style of quotations.
pub const QUOTE: &str = "QuoteG";
/// Main title.
pub const TITLE: &str = "HMG";
/// Subtitle under the main title.
pub const SUBTITLE: &str = "SubtitleG";

/// Heading style of a division kind.
pub fn heading(kind: crate::model::DivisionKind) -> &'static str {
    use crate::model::DivisionKind::*;
    match kind {
        Part => "HPartG",
        Chapter => "HChG",
        Section => "H1G",
        Subsection => "H23G",
        Heading => "H4G",
    }
}

/// Paragraph style of subparagraphs at a nesting level (1 for "(a)", 2 for "(i)"…).
pub fn sub(level: usize) -> String {
    format!("SubTxt{}G", level.min(9))
}

/// The body text's left indent, in twips (2 cm).
pub const BODY_LEFT: u32 = 1134;

/// One tab stop, in twips (1 cm).
pub const TAB: u32 = 567;

/// The left indent, in twips, of a subparagraph numbered "1.", "2."… at a nesting level
/// (the recommendations listed inside a paragraph of older UPR reports): a block indented
/// as deep as its label, every line, as the UN sets them (and as the PDF writer does).
pub fn sub_block_left(level: usize) -> u32 {
    BODY_LEFT + TAB * level.min(9) as u32
}

/// What a paragraph style says about a paragraph of one of our files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A paragraph (numbered or not).
    Body,
    /// A subparagraph at a level.
    Sub(usize),
    /// A division heading.
    Heading(crate::model::DivisionKind),
    /// A resolution's number.
    ResNum,
    /// A resolution's title.
    ResTitle,
    /// A resolution's origin line.
    ResOrigin,
    /// A resolution's enacting formula.
    Formula,
    /// A resolution's adoption line.
    Adoption,
    /// An annex label.
    AnnexLabel,
    /// An annex title.
    AnnexTitle,
    /// The "Summary" heading of the summary box.
    SummaryHead,
}

/// The role of a style in our own files.
pub fn role(style: &str) -> Role {
    use crate::model::DivisionKind::*;
    match style {
        "HPartG" => Role::Heading(Part),
        "HChG" => Role::Heading(Chapter),
        "H1G" => Role::Heading(Section),
        "H23G" => Role::Heading(Subsection),
        "H4G" => Role::Heading(Heading),
        "ResNumG" => Role::ResNum,
        "ResTitleG" => Role::ResTitle,
        "ResOriginG" => Role::ResOrigin,
        "FormulaG" => Role::Formula,
        "AdoptionG" => Role::Adoption,
        "AnnexLabelG" => Role::AnnexLabel,
        "AnnexTitleG" => Role::AnnexTitle,
        "SummaryHeadG" => Role::SummaryHead,
        s => match s
            .strip_prefix("SubTxt")
            .and_then(|r| r.strip_suffix('G'))
            .and_then(|n| n.parse().ok())
        {
            Some(n) => Role::Sub(n),
            None => Role::Body,
        },
    }
}

fn pstyle(id: &str, name: &str, based: &str, ppr: &str, rpr: &str) -> String {
    format!(
        r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="{based}"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"#
    )
}

/// The styles part (`word/styles.xml`). `rtl` sets right-to-left defaults (Arabic).
pub fn styles_xml(lang: Option<crate::model::Language>) -> String {
    let rtl = lang.is_some_and(|l| l.is_rtl());
    // Word's language tags: the Latin-script one (Cyrillic too), the East Asian one and
    // the complex-script one; the document's language in its slot.
    let latin = match lang.map(|l| l.code()) {
        Some("fr") => "fr-FR",
        Some("es") => "es-ES",
        Some("ru") => "ru-RU",
        _ => "en-GB",
    };
    let bidi = if rtl { "<w:bidi/>" } else { "" };
    let rtl_run = if rtl { "<w:rtl/>" } else { "" };
    let heading_ppr = |before: u32, after: u32, level: u32| {
        format!(
            r#"<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="{after}" w:line="240" w:lineRule="exact"/><w:ind w:left="1134" w:right="1134" w:hanging="1134"/><w:outlineLvl w:val="{level}"/>"#
        )
    };
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    );
    s.push_str(&format!(
        r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:cs="Times New Roman"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="{latin}" w:eastAsia="zh-CN" w:bidi="ar-SA"/>{rtl_run}</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>{bidi}<w:spacing w:line="240" w:lineRule="atLeast"/></w:pPr></w:pPrDefault></w:docDefaults>"#
    ));
    s.push_str(r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:suppressAutoHyphens/><w:spacing w:line="240" w:lineRule="atLeast"/></w:pPr></w:style>"#);
    s.push_str(r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>"#);
    s.push_str(r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#);
    // Body text and its relatives.
    s.push_str(&pstyle(
        BODY,
        "_ Single Txt_G",
        "Normal",
        r#"<w:spacing w:after="120"/><w:ind w:left="1134" w:right="1134"/><w:jc w:val="both"/>"#,
        "",
    ));
    // Subparagraphs as the UN sets them: the label "(a)" a tab deeper than the paragraph
    // numbers at each level, its text at the next tab, its later lines back at the margin.
    // (Items numbered "1.", "2."… are set as an indented block: `SUB_BLOCK_IND`.)
    for level in 1..=9usize {
        let first = 567 * level;
        s.push_str(&pstyle(
            &sub(level),
            &format!("_ Sub Txt {level}_G"),
            BODY,
            &format!(r#"<w:ind w:left="1134" w:firstLine="{first}"/>"#),
            "",
        ));
    }
    s.push_str(&pstyle(
        BULLET,
        "_Bullet 1_G",
        BODY,
        r#"<w:numPr><w:numId w:val="1"/></w:numPr><w:ind w:left="1701" w:hanging="170"/>"#,
        "",
    ));
    s.push_str(&pstyle(
        QUOTE,
        "_ Quote_G",
        BODY,
        r#"<w:ind w:left="1701" w:right="1701"/>"#,
        "",
    ));
    // Word's own heading styles, which other programs know headings by; the UN headings are
    // based on them.
    for level in 1..=5u32 {
        s.push_str(&format!(
            r#"<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="{}"/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr></w:style>"#,
            level - 1
        ));
    }
    // Headings (Geneva).
    let title_ppr = r#"<w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="240" w:line="360" w:lineRule="exact"/><w:ind w:left="1134" w:right="1134"/><w:outlineLvl w:val="0"/>"#;
    s.push_str(&pstyle(
        TITLE,
        "_ H _M_G",
        "Heading1",
        title_ppr,
        r#"<w:b/><w:bCs/><w:sz w:val="34"/><w:szCs w:val="34"/>"#,
    ));
    let subtitle_ppr = title_ppr
        .replace(r#"w:val="0""#, r#"w:val="1""#)
        .replace("360", "270");
    s.push_str(&pstyle(
        SUBTITLE,
        "_ H _Subtitle_G",
        "Heading2",
        &subtitle_ppr,
        r#"<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/>"#,
    ));
    s.push_str(&pstyle(
        "HPartG",
        "_ H _Part_G",
        "Heading1",
        &heading_ppr(360, 240, 0),
        r#"<w:b/><w:bCs/><w:caps/><w:sz w:val="28"/><w:szCs w:val="28"/>"#,
    ));
    s.push_str(&pstyle(
        "HChG",
        "_ H _Ch_G",
        "Heading1",
        &heading_ppr(360, 240, 0),
        r#"<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>"#,
    ));
    s.push_str(&pstyle(
        "H1G",
        "_ H_1_G",
        "Heading2",
        &heading_ppr(360, 240, 1),
        r#"<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/>"#,
    ));
    s.push_str(&pstyle(
        "H23G",
        "_ H_2/3_G",
        "Heading3",
        &heading_ppr(240, 120, 2),
        r#"<w:b/><w:bCs/>"#,
    ));
    s.push_str(&pstyle(
        "H4G",
        "_ H_4_G",
        "Heading4",
        &heading_ppr(240, 120, 3),
        r#"<w:i/><w:iCs/>"#,
    ));
    s.push_str(&pstyle(
        "H56G",
        "_ H_5/6_G",
        "Heading5",
        &heading_ppr(240, 120, 4),
        "",
    ));
    // Resolutions, annexes, summary.
    s.push_str(&pstyle("ResNumG", "_ Res Num_G", "HChG", "", ""));
    s.push_str(&pstyle("ResTitleG", "_ Res Title_G", "HChG", "", ""));
    s.push_str(&pstyle("ResOriginG", "_ Res Origin_G", BODY, "", ""));
    s.push_str(&pstyle(
        "FormulaG",
        "_ Formula_G",
        BODY,
        r#"<w:ind w:firstLine="567"/>"#,
        r#"<w:i/><w:iCs/>"#,
    ));
    s.push_str(&pstyle(
        "AdoptionG",
        "_ Adoption_G",
        BODY,
        r#"<w:spacing w:after="0"/><w:jc w:val="right"/>"#,
        r#"<w:i/><w:iCs/>"#,
    ));
    s.push_str(&pstyle(
        "AnnexLabelG",
        "_ Annex_G",
        "HChG",
        r#"<w:pageBreakBefore/>"#,
        "",
    ));
    s.push_str(&pstyle("AnnexTitleG", "_ Annex Title_G", "HChG", "", ""));
    s.push_str(&pstyle(
        "SummaryHeadG",
        "_ Summary_G",
        "H1G",
        r#"<w:jc w:val="center"/><w:ind w:left="0" w:right="0" w:hanging="0"/>"#,
        "",
    ));
    // Masthead (New York names).
    for (id, ppr, rpr) in [
        ("UNName", "", r#"<w:sz w:val="28"/><w:szCs w:val="28"/>"#),
        (
            "Symbol",
            r#"<w:jc w:val="right"/>"#,
            r#"<w:b/><w:bCs/><w:sz w:val="40"/><w:szCs w:val="40"/>"#,
        ),
        (
            "XLarge",
            "",
            r#"<w:b/><w:bCs/><w:sz w:val="40"/><w:szCs w:val="40"/>"#,
        ),
        ("Distribution", "", ""),
        ("ReleaseDate", "", ""),
        ("Original", "", ""),
        (
            "Body",
            r#"<w:spacing w:before="240"/>"#,
            r#"<w:b/><w:bCs/>"#,
        ),
        ("Session", "", r#"<w:b/><w:bCs/>"#),
        ("SessionDates", "", ""),
        ("AgendaItemNormal", "", ""),
        ("AgendaTitleH2", "", r#"<w:b/><w:bCs/>"#),
        ("Sponsors", "", r#"<w:i/><w:iCs/>"#),
    ] {
        s.push_str(&pstyle(id, id, "Normal", ppr, rpr));
    }
    // Footnotes, header, footer.
    s.push_str(&pstyle(FOOTNOTE_TEXT, "footnote text", "Normal", r#"<w:tabs><w:tab w:val="right" w:pos="1021"/></w:tabs><w:spacing w:line="220" w:lineRule="exact"/><w:ind w:left="1134" w:right="1134" w:hanging="1134"/>"#, r#"<w:sz w:val="18"/><w:szCs w:val="18"/>"#));
    s.push_str(&format!(r#"<w:style w:type="character" w:styleId="{FOOTNOTE_REF}"><w:name w:val="footnote reference"/><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="18"/><w:szCs w:val="18"/><w:vertAlign w:val="superscript"/></w:rPr></w:style>"#));
    s.push_str(&format!(r#"<w:style w:type="character" w:customStyle="1" w:styleId="{SYMBOL_REF}"><w:name w:val="_ Symbol Ref_G"/></w:style>"#));
    s.push_str(&format!(r#"<w:style w:type="character" w:styleId="{HYPERLINK}"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0000FF"/><w:u w:val="none"/></w:rPr></w:style>"#));
    s.push_str(&pstyle(
        "Header",
        "header",
        "Normal",
        r#"<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="auto"/></w:pBdr>"#,
        r#"<w:b/><w:bCs/><w:sz w:val="18"/><w:szCs w:val="18"/>"#,
    ));
    s.push_str(&pstyle(
        "Footer",
        "footer",
        "Normal",
        "",
        r#"<w:sz w:val="16"/><w:szCs w:val="16"/>"#,
    ));
    s.push_str("</w:styles>");
    s
}

/// The numbering part: one bullet list for [`BULLET`].
pub const NUMBERING_XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1701" w:hanging="170"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
