//! UN document symbols: parsing, exact printing and derived forms.
//!
//! A symbol such as `A/HRC/31/81` or `A/80/6 (Sect. 24)/Corr.1` is split on the slashes that
//! stand outside parentheses, and every component is classified (series, subsidiary body,
//! session, year, special component, country, serial number, final component). The printed
//! form is kept component by component, so [`Symbol`]'s `Display` gives back exactly what was
//! parsed.
//!
//! ```
//! use undocs::model::{Symbol, PartKind};
//!
//! let s: Symbol = "A/HRC/WG.6/48/SVN/1/Corr.1".parse()?;
//! assert_eq!(s.series(), "A");
//! assert_eq!(s.bodies().collect::<Vec<_>>(), ["HRC", "WG.6"]);
//! assert_eq!(s.session(), Some("48"));
//! assert_eq!(s.country(), Some("SVN"));
//! assert_eq!(s.serial(), Some("1"));
//! assert_eq!(s.finals().collect::<Vec<_>>(), ["Corr.1"]);
//! assert_eq!(s.akn_number(), "A-HRC-WG.6-48-SVN-1-Corr.1");
//! assert_eq!(s.to_string(), "A/HRC/WG.6/48/SVN/1/Corr.1");
//! assert!("HIV/AIDS".parse::<Symbol>().is_err());
//! # Ok::<(), undocs::model::SymbolError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Longest symbol accepted, in bytes (real symbols stay well under 80).
pub const MAX_SYMBOL_LEN: usize = 200;

/// First components that open a UN symbol: principal organs, the Secretariat, treaty bodies,
/// programmes, conventions and conferences. Case-sensitive, as printed.
pub const SERIES: &[&str] = &[
    "A", "S", "E", "ST", "T", "CRC", "CCPR", "CAT", "CEDAW", "CERD", "CMW", "CED", "CRPD", "DP",
    "TD", "UNEP", "FCCC", "ICCD", "UNW", "ISBA", "SPLOS", "CD", "NPT", "APLC", "BWC", "CCW", "ECE",
    "ESCAP", "UNDP", "UNICEF", "UNHCR", "IDB", "TRADE", "CBD", "HSP", "UNCTAD", "ITC", "UNITAR",
    "UNIDIR", "UNODC", "HABITAT", "JIU", "ACC", "CEB", "ATT", "MDG", "UNU", "UNFPA", "HRI", "SG",
    "GA", "SC", "LC", "ICSC", "PBC", "SPT",
];

/// Special components that mark a document type (`RES`, `DEC`, `PRST`…), printed without a
/// number. Components with a number (`L.1`, `CRP.2`, `PV.8000`…) are in [`NUMBERED_SPECIALS`].
pub const SPECIALS: &[&str] = &[
    "RES", "DEC", "PRST", "INF", "NGO", "PET", "SGB", "AI", "IC", "GC", "CO", "COB", "LOI", "BUR",
    "CORE", "GEN", "SM", "MISC", "OL", "Res", "Dec",
];

/// Special components printed with a number after a dot: `L.1`, `CRP.3`, `PV.8000`, `SR.12`,
/// `WP.4`, `R.2`, `Misc.1`, `INF.2`.
pub const NUMBERED_SPECIALS: &[&str] = &[
    "L", "CRP", "PV", "SR", "WP", "R", "Misc", "INF", "Res", "Dec", "DEC", "RES", "ORG",
];

/// Final components, stackable in this order of appearance: `Add.n`, `Corr.n`, `Rev.n`,
/// `Amend.n`, and `Summary`.
pub const FINALS: &[&str] = &["Add", "Corr", "Rev", "Amend"];

/// What one slash-separated component of a symbol is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// The organ or series: `A`, `S`, `E`, `ST`, `CRC`, `FCCC`…
    Series,
    /// A subsidiary body or sub-series: `HRC`, `C.3`, `CN.7`, `WG.6`, `PA`, `CMA`, `C`…
    Body,
    /// A session number (`31`, General Assembly style).
    Session,
    /// A special session (`S-8`).
    SpecialSession,
    /// An emergency special session (`ES-10`).
    EmergencySession,
    /// A year (`2012`, ECOSOC and Security Council style).
    Year,
    /// A special component: `RES`, `DEC`, `PRST`, `L.2`, `CRP.1`, `PV.8000`, `SR.12`…
    Special,
    /// An ISO 3166 alpha-3 country code (`SVN` in UPR symbols, `GBR` in treaty-body ones).
    Country,
    /// The serial number (`81`, `1244 (1999)`, `270 B`).
    Serial,
    /// A final component: `Add.n`, `Corr.n`, `Rev.n`, `Amend.n`, `Summary`.
    Final,
}

/// One component of a symbol as printed, with what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Part<'a> {
    kind: PartKind,
    text: &'a str,
}

impl<'a> Part<'a> {
    /// What the component is.
    pub fn kind(&self) -> PartKind {
        self.kind
    }

    /// The component exactly as printed, parenthetical part included (`6 (Sect. 24)`).
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The component without its parenthetical part (`6` for `6 (Sect. 24)`).
    pub fn base(&self) -> &'a str {
        split_paren(self.text).0
    }

    /// The parenthetical part without its parentheses (`Sect. 24` for `6 (Sect. 24)`).
    pub fn parenthetical(&self) -> Option<&'a str> {
        split_paren(self.text).1
    }
}

/// A parsed UN document symbol: its components, classified, and its exact printed form.
///
/// Stored as its printed text with the span and kind of each component (two allocations,
/// whatever the number of components).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Symbol {
    text: String,
    spans: Vec<(PartKind, u16, u16)>,
}

/// Why a string is not a UN symbol.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a UN document symbol: {input:?}: {reason}")]
pub struct SymbolError {
    /// The rejected input (cut to [`MAX_SYMBOL_LEN`] bytes).
    pub input: String,
    /// What is wrong with it.
    pub reason: String,
}

impl SymbolError {
    fn new(input: &str, reason: impl Into<String>) -> Self {
        let mut cut = MAX_SYMBOL_LEN.min(input.len());
        while !input.is_char_boundary(cut) {
            cut -= 1;
        }
        Self {
            input: input[..cut].to_string(),
            reason: reason.into(),
        }
    }
}

impl Symbol {
    /// Parses a symbol as printed on a masthead, where a trailing asterisk marks a technical
    /// reissue (`A/HRC/31/81*`). Returns the symbol and whether it was marked reissued.
    ///
    /// ```
    /// let (s, reissued) = undocs::model::Symbol::parse_printed("A/HRC/31/81*")?;
    /// assert_eq!((s.to_string().as_str(), reissued), ("A/HRC/31/81", true));
    /// # Ok::<(), undocs::model::SymbolError>(())
    /// ```
    pub fn parse_printed(s: &str) -> Result<(Symbol, bool), SymbolError> {
        let t = s.trim();
        let stripped = t.trim_end_matches('*').trim_end();
        let reissued = stripped.len() != t.len();
        Ok((stripped.parse()?, reissued))
    }

    /// All components in printed order.
    pub fn parts(&self) -> Vec<Part<'_>> {
        self.spans
            .iter()
            .map(|&(kind, a, b)| Part {
                kind,
                text: &self.text[a as usize..b as usize],
            })
            .collect()
    }

    fn texts(&self, kind: PartKind) -> impl Iterator<Item = &str> {
        self.spans
            .iter()
            .filter(move |p| p.0 == kind)
            .map(|&(_, a, b)| &self.text[a as usize..b as usize])
    }

    fn first(&self, kind: PartKind) -> Option<&str> {
        self.texts(kind).next()
    }

    /// The first component: organ or series (`A`, `S`, `CRC`…). Empty for a bare old
    /// General Assembly resolution number such as `2758 (XXVI)`.
    pub fn series(&self) -> &str {
        self.first(PartKind::Series).unwrap_or("")
    }

    /// Subsidiary bodies and sub-series in order (`HRC`, `WG.6`).
    pub fn bodies(&self) -> impl Iterator<Item = &str> {
        self.texts(PartKind::Body)
    }

    /// The session number, if the symbol has one (`31` in `A/HRC/31/81`).
    pub fn session(&self) -> Option<&str> {
        self.first(PartKind::Session)
    }

    /// A special (`S-8`) or emergency special session (`ES-10`) component.
    pub fn special_session(&self) -> Option<&str> {
        self.first(PartKind::SpecialSession)
            .or_else(|| self.first(PartKind::EmergencySession))
    }

    /// The year, if the symbol has one (`2012` in `E/CN.7/2012/L.2`).
    pub fn year(&self) -> Option<&str> {
        self.first(PartKind::Year)
    }

    /// Special components in order (`RES`, `L.2`, `PV.8000`).
    pub fn specials(&self) -> impl Iterator<Item = &str> {
        self.texts(PartKind::Special)
    }

    /// The UPR or treaty-body country code (`SVN`).
    pub fn country(&self) -> Option<&str> {
        self.first(PartKind::Country)
    }

    /// The serial number as printed, with its parenthetical part (`1244 (1999)`).
    pub fn serial(&self) -> Option<&str> {
        self.first(PartKind::Serial)
    }

    /// Final components in order (`Add.1`, `Corr.1`).
    pub fn finals(&self) -> impl Iterator<Item = &str> {
        self.texts(PartKind::Final)
    }

    /// Parenthetical parts in order, without parentheses (`Sect. 24`, `1999`).
    pub fn parentheticals(&self) -> impl Iterator<Item = &str> {
        self.spans
            .iter()
            .filter_map(|&(_, a, b)| split_paren(&self.text[a as usize..b as usize]).1)
    }

    /// The symbol without its final components: the document it adds to or corrects
    /// (`A/53/500` for `A/53/500/Add.1`). `None` when there are no final components.
    pub fn parent(&self) -> Option<Symbol> {
        let n = self.spans.iter().filter(|p| p.0 != PartKind::Final).count();
        let end = self.spans.get(n.checked_sub(1)?)?.2 as usize;
        (n < self.spans.len()).then(|| Symbol {
            text: self.text[..end].to_string(),
            spans: self.spans[..n].to_vec(),
        })
    }

    /// The number used in Akoma Ntoso IRIs (AKN4UN naming convention): `/` becomes `-` and
    /// spaces become `_` (`A-80-6_(Sect._24)-Corr.1`).
    pub fn akn_number(&self) -> String {
        self.to_string().replace('/', "-").replace(' ', "_")
    }

    /// The stem of the file name in the UN Official Document System: `/` becomes `_` and
    /// spaces are dropped (`A_HRC_31_81`, as in `A_HRC_31_81-EN.pdf`).
    pub fn ods_stem(&self) -> String {
        self.to_string().replace('/', "_").replace(' ', "")
    }

    /// Builds a symbol from components whose kinds are already known, checking each text as
    /// the parser would. Mainly for generating symbols in code.
    pub fn from_parts(parts: Vec<(PartKind, String)>) -> Result<Symbol, SymbolError> {
        let joined = parts
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("/");
        let parsed: Symbol = joined.parse()?;
        let same = parsed.spans.len() == parts.len()
            && parsed.spans.iter().zip(&parts).all(|(p, (k, _))| p.0 == *k);
        if same {
            Ok(parsed)
        } else {
            Err(SymbolError::new(
                &joined,
                "the components do not read back as the kinds given",
            ))
        }
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Splits `6 (Sect. 24)` into `("6", Some("Sect. 24"))`.
fn split_paren(s: &str) -> (&str, Option<&str>) {
    match s.bytes().position(|b| b == b'(') {
        Some(i) if s.ends_with(')') => (s[..i].trim_end(), Some(&s[i + 1..s.len() - 1])),
        _ => (s, None),
    }
}

/// Splits at the first `byte` (an ASCII one, so both sides are text).
fn split_at_byte(s: &str, byte: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == byte)?;
    Some((&s[..i], &s[i + 1..]))
}

/// Splits `s` on the slashes outside parentheses into `out`, as many components as fit,
/// and gives their number; `None` when the parentheses are unbalanced. (The three
/// characters are ASCII: no byte of another UTF-8 character equals them.)
fn split_components<'a>(s: &'a str, out: &mut [Comp<'a>]) -> Option<usize> {
    let mut depth = 0i32;
    let (mut start, mut n) = (0, 0);
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth < 0 {
                    return None;
                }
            }
            b'/' if depth == 0 => {
                if let Some(c) = out.get_mut(n) {
                    c.text = &s[start..i];
                }
                (start, n) = (i + 1, n + 1);
            }
            _ => {}
        }
    }
    if let Some(c) = out.get_mut(n) {
        c.text = &s[start..];
    }
    (depth == 0).then_some(n + 1)
}

/// One component while a symbol is parsed: as printed, its base and its parenthetical part.
#[derive(Clone, Copy)]
struct Comp<'a> {
    text: &'a str,
    base: &'a str,
    paren: Option<&'a str>,
}

impl Comp<'static> {
    const EMPTY: Self = Comp {
        text: "",
        base: "",
        paren: None,
    };
}

/// Components held on the stack when a symbol has at most this many (real ones have at
/// most eight); more go to the heap.
const INLINE_COMPONENTS: usize = 16;

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b"IVXLCDM".contains(&b))
}

/// `L.2`, `CRP.10`, `PV.8000`, `WP.6/`… : a known prefix, a dot and a number (an optional
/// letter may follow the number, as in `L.2A`).
fn is_numbered_special(s: &str) -> bool {
    match split_at_byte(s, b'.') {
        Some((head, num)) => {
            NUMBERED_SPECIALS.contains(&head)
                && num.bytes().next().is_some_and(|b| b.is_ascii_digit())
                && num.bytes().all(|b| b.is_ascii_alphanumeric())
        }
        None => false,
    }
}

fn is_final(s: &str) -> bool {
    if s == "Summary" {
        return true;
    }
    match split_at_byte(s, b'.') {
        Some((head, num)) => FINALS.contains(&head) && is_digits(num),
        None => false,
    }
}

/// A body or sub-series: `HRC`, `C.3`, `CN.7`, `WG.6`, `Sub.2`, `CONF.216`, `EA.5`, `C`, and
/// up to [`MAX_BODY_DOTS`] dotted parts after the name: `OzL.Pro.31` (the Meeting of the
/// Parties to the Montreal Protocol), `OzL.Pro.WG.1`.
fn is_body(s: &str) -> bool {
    let mut segments = s.split('.');
    let head = segments.next().unwrap_or_default();
    let head_ok = head.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && head.bytes().all(|b| b.is_ascii_alphabetic())
        && head.len() <= 12;
    let mut dots = 0;
    let tails_ok = segments.all(|t| {
        dots += 1;
        !t.is_empty() && t.len() <= 8 && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    head_ok && tails_ok && dots <= MAX_BODY_DOTS
}

/// Most dotted parts after a body's name (`OzL.Pro.WG.1` has three).
const MAX_BODY_DOTS: usize = 3;

/// A body's session printed in parentheses right after its name, as the Convention to
/// Combat Desertification does: `COP(16)` in `ICCD/COP(16)/23`.
fn is_body_session(text: &str, paren: Option<&str>) -> bool {
    paren.is_some_and(is_digits) && !text.contains(' ')
}

fn is_country(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// A serial number: digits, optionally followed by a resolution part letter (`270 B`) or a
/// letter suffix (`12A`); or the range of a treaty body's combined periodic reports (`6-7` in
/// `CRC/C/GBR/CO/6-7`).
fn is_serial(s: &str) -> bool {
    if let Some((from, to)) = split_at_byte(s, b'-') {
        return is_digits(from) && is_digits(to);
    }
    let (num, part) = match split_at_byte(s, b' ') {
        Some((n, p)) => (n, Some(p)),
        None => (s, None),
    };
    let digits_end = num.bytes().take_while(u8::is_ascii_digit).count();
    let num_ok = digits_end > 0
        && num[digits_end..].len() <= 2
        && num[digits_end..].bytes().all(|b| b.is_ascii_uppercase());
    let part_ok = part.is_none_or(|p| p.len() == 1 && p.bytes().all(|b| b.is_ascii_uppercase()));
    num_ok && part_ok
}

fn is_year(s: &str) -> bool {
    is_digits(s) && s.len() == 4 && s.parse::<u32>().is_ok_and(|y| (1946..=2100).contains(&y))
}

fn valid_paren(p: &str) -> bool {
    !p.trim().is_empty()
        && p.len() <= 40
        && p.chars()
            .all(|c| c.is_alphanumeric() || " .,-–".contains(c))
}

impl FromStr for Symbol {
    type Err = SymbolError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let s = input.trim();
        let err = |reason: &str| SymbolError::new(input, reason);
        if s.is_empty() {
            return Err(err("empty"));
        }
        if s.len() > MAX_SYMBOL_LEN {
            return Err(err("longer than any UN symbol"));
        }
        if s.ends_with('*') {
            return Err(err(
                "a trailing asterisk marks a technical reissue and is not part of the symbol \
                 (use Symbol::parse_printed)",
            ));
        }
        // The components on the stack: the symbol's text and its spans are the only
        // allocations (symbols are parsed for every reference a reader meets).
        let mut inline = [Comp::EMPTY; INLINE_COMPONENTS];
        let n = split_components(s, &mut inline).ok_or_else(|| err("unbalanced parentheses"))?;
        let mut heap = Vec::new();
        let comps: &mut [Comp<'_>] = if n <= INLINE_COMPONENTS {
            &mut inline[..n]
        } else {
            // (More than fit: split again, all of them.)
            heap.resize(n, Comp::EMPTY);
            split_components(s, &mut heap);
            &mut heap
        };
        let spans = classify(s, comps).map_err(|reason| SymbolError::new(input, reason))?;
        Ok(Symbol {
            text: s.to_string(),
            spans,
        })
    }
}

/// Checks and classifies the components of `s` (at least one), giving each one's kind and
/// span in `s`, or why `s` is not a symbol.
fn classify(s: &str, comps: &mut [Comp<'_>]) -> Result<Vec<(PartKind, u16, u16)>, String> {
    // Each component: a base, then optionally " (…)" at its end.
    for c in comps.iter_mut() {
        let t = c.text;
        if t.is_empty() {
            return Err("empty component between slashes".into());
        }
        if t.starts_with(char::is_whitespace) || t.ends_with(char::is_whitespace) {
            return Err("space next to a slash".into());
        }
        let (base, paren) = split_paren(t);
        if paren.is_none() && t.contains('(') {
            return Err("a parenthetical part must end its component".into());
        }
        if let Some(p) = paren {
            if !valid_paren(p) {
                return Err("unexpected characters in a parenthetical part".into());
            }
            if p.contains('(') {
                return Err("nested parentheses".into());
            }
        }
        if base.is_empty() {
            return Err("a component is only a parenthetical part".into());
        }
        (c.base, c.paren) = (base, paren);
    }
    // Components are slices of `s`: their spans are offsets into it (`s` is at most
    // MAX_SYMBOL_LEN bytes, so they fit in u16).
    let origin = s.as_ptr() as usize;
    let span = |kind: PartKind, c: &Comp<'_>| {
        let a = c.text.as_ptr() as usize - origin;
        (kind, a as u16, (a + c.text.len()) as u16)
    };
    let [first, rest @ ..] = &*comps else {
        return Err("empty".into());
    };

    // Old General Assembly resolution numbers: `2758 (XXVI)`.
    if rest.is_empty() {
        if is_digits(first.base) && first.paren.is_some_and(is_roman) {
            return Ok(vec![span(PartKind::Serial, first)]);
        }
        return Err("a symbol has at least two components separated by '/'".into());
    }
    if !SERIES.contains(&first.base) {
        return Err(format!(
            "{:?} is not a UN organ or document series",
            first.base
        ));
    }

    // The serial number is the last numeric component before the final components.
    let first_final = comps
        .iter()
        .position(|c| is_final(c.base))
        .unwrap_or(comps.len());
    if comps[first_final..].iter().any(|c| !is_final(c.base)) {
        return Err("final components (Add., Corr., Rev., Amend., Summary) must come last".into());
    }
    // A numbered special component after it (`L.2`, `PV.24`) carries the number instead.
    let serial_at = comps[1..first_final]
        .iter()
        .rposition(|c| is_serial(c.base))
        .map(|i| i + 1)
        .filter(|&i| {
            !comps[i + 1..first_final]
                .iter()
                .any(|c| is_numbered_special(c.base))
        });
    if serial_at.is_some_and(|i| i + 1 < first_final) {
        return Err(
            "only final components (Add., Corr., Rev., Amend., Summary) may follow the serial \
             number"
                .into(),
        );
    }

    let mut spans = Vec::with_capacity(comps.len());
    spans.push(span(PartKind::Series, first));
    let mut seen_number = false; // session, year or special session seen
    let mut numbered = false; // serial, numbered special or final component seen
    for (i, c) in comps.iter().enumerate().skip(1) {
        let b = c.base;
        let before = comps[i - 1].base;
        let kind = if i >= first_final {
            PartKind::Final
        } else if Some(i) == serial_at {
            PartKind::Serial
        } else if is_serial(b) && is_digits(b) {
            if is_year(b) {
                PartKind::Year
            } else {
                PartKind::Session
            }
        } else if b.strip_prefix("ES-").is_some_and(is_digits) {
            PartKind::EmergencySession
        } else if b.strip_prefix("S-").is_some_and(is_digits) {
            PartKind::SpecialSession
        } else if SPECIALS.contains(&b) || is_numbered_special(b) {
            PartKind::Special
        } else if is_country(b)
            && (seen_number
                || before == "CORE"
                || ((before == "C" || before.starts_with("C.")) && i + 1 < first_final))
        {
            PartKind::Country
        } else if is_body(b) && (!seen_number || i + 1 < first_final) {
            // (After a session or year, a body is followed by the document's number:
            // `E/ICEF/2005/P/L.6`, `ISBA/28/C/5`, `CCPR/C/128/D/2845/2016`.)
            PartKind::Body
        } else {
            return Err(format!("component {b:?} is not one a UN symbol has here"));
        };
        match kind {
            PartKind::Session
            | PartKind::Year
            | PartKind::SpecialSession
            | PartKind::EmergencySession => seen_number = true,
            PartKind::Serial | PartKind::Final => numbered = true,
            PartKind::Special if c.text.contains('.') => numbered = true,
            _ => {}
        }
        let paren_ok = match kind {
            PartKind::Serial | PartKind::Final => true,
            PartKind::Body => c.paren.is_none() || is_body_session(c.text, c.paren),
            _ => c.paren.is_none(),
        };
        if !paren_ok {
            // Parenthetical parts belong to serial numbers and final components (and a
            // body's session: `COP(16)`).
            return Err("a parenthetical part may only follow the serial number".into());
        }
        spans.push(span(kind, c));
    }
    if !numbered {
        return Err("no serial number or numbered component".into());
    }
    Ok(spans)
}

impl Serialize for Symbol {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Symbol {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Symbol {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Symbol".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A UN document symbol as printed, without the reissue asterisk: \"A/HRC/31/81\", \"S/RES/1244 (1999)\".",
            "minLength": 1,
            "maxLength": MAX_SYMBOL_LEN
        })
    }
}

/// Where symbols were found in a text: byte ranges and the parsed symbols.
///
/// Recognizes symbols that start with a known series and are delimited by spaces or
/// punctuation; a trailing period or comma is not taken into the symbol.
///
/// ```
/// let found = undocs::model::find_symbols("see A/HRC/19/74, para. 26; and S/RES/1244 (1999).");
/// let texts: Vec<String> = found.iter().map(|(_, s)| s.to_string()).collect();
/// assert_eq!(texts, ["A/HRC/19/74", "S/RES/1244 (1999)"]);
/// ```
pub fn find_symbols(text: &str) -> Vec<(std::ops::Range<usize>, Symbol)> {
    let mut out = Vec::new();
    // (Every symbol has a slash: most texts have none, and are not scanned.)
    if !text.contains('/') {
        return out;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A candidate starts at an uppercase ASCII letter not preceded by an alphanumeric or '/'.
        let starts = bytes[i].is_ascii_uppercase()
            && (i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric() || b"/.-_".contains(&bytes[i - 1])));
        if !starts {
            i += 1;
            continue;
        }
        // Extend over symbol characters.
        let mut j = i;
        while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || b"/.-".contains(&bytes[j])) {
            j += 1;
        }
        let mut cand = &text[i..j];
        if !cand.contains('/') {
            i = j.max(i + 1);
            continue;
        }
        cand = cand.trim_end_matches(['.', '-', '/']);
        let mut end = i + cand.len();
        // A parenthetical part directly after the serial: " (1999)", " (Sect. 24)".
        let rest = &text[end..];
        if let Some(p) = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('('))
            && let Some(close) = p.find(')')
        {
            let inner = &p[..close];
            let ext = &text[i..end + (rest.len() - p.len()) + close + 1];
            let follows_ok = inner.len() <= 20
                && (is_digits(inner)
                    || inner.starts_with("Sect.")
                    || is_roman(inner)
                    || inner.starts_with("Part"));
            if follows_ok && ext.parse::<Symbol>().is_ok() {
                // Final components may follow a parenthetical: "/Corr.1".
                let mut e = i + ext.len();
                let after = &text[e..];
                let mut k = 0;
                let ab = after.as_bytes();
                while k < ab.len() && (ab[k].is_ascii_alphanumeric() || b"/.".contains(&ab[k])) {
                    k += 1;
                }
                let tail = after[..k].trim_end_matches(['.', '/']);
                if tail.starts_with('/') && text[i..e + tail.len()].parse::<Symbol>().is_ok() {
                    e += tail.len();
                }
                end = e;
            } else if is_digits(inner) && rest.starts_with('(') {
                // A body's session in parentheses inside the symbol: "ICCD/COP(16)/23".
                let from = i + ext.len();
                let ab = &text.as_bytes()[from..];
                let mut k = 0;
                while k < ab.len() && (ab[k].is_ascii_alphanumeric() || b"/.-".contains(&ab[k])) {
                    k += 1;
                }
                let whole = text[i..from + k].trim_end_matches(['.', '-', '/']);
                if ab.first() == Some(&b'/') && whole.parse::<Symbol>().is_ok() {
                    end = i + whole.len();
                }
            }
        }
        if let Ok(sym) = text[i..end].parse::<Symbol>() {
            out.push((i..end, sym));
            i = end;
        } else {
            i = j.max(i + 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use PartKind::*;

    /// The first, straightforward parser (a vector at each step, `split_once`), kept as
    /// the oracle of the allocation-free one: both give the same symbol or the same reason.
    mod oracle {
        use super::super::{
            FINALS, MAX_SYMBOL_LEN, NUMBERED_SPECIALS, Part, PartKind, SERIES, SPECIALS, Symbol,
            SymbolError, is_country, is_digits, is_roman, is_year, valid_paren,
        };

        fn split_paren(s: &str) -> (&str, Option<&str>) {
            match s.find('(') {
                Some(i) if s.ends_with(')') => (s[..i].trim_end(), Some(&s[i + 1..s.len() - 1])),
                _ => (s, None),
            }
        }

        fn split_components(s: &str) -> Option<Vec<&str>> {
            let mut out = Vec::new();
            let mut depth = 0i32;
            let mut start = 0;
            for (i, c) in s.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth < 0 {
                            return None;
                        }
                    }
                    '/' if depth == 0 => {
                        out.push(&s[start..i]);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            if depth != 0 {
                return None;
            }
            out.push(&s[start..]);
            Some(out)
        }

        fn is_numbered_special(s: &str) -> bool {
            match s.split_once('.') {
                Some((head, num)) => {
                    NUMBERED_SPECIALS.contains(&head)
                        && num.bytes().next().is_some_and(|b| b.is_ascii_digit())
                        && num.bytes().all(|b| b.is_ascii_alphanumeric())
                }
                None => false,
            }
        }

        fn is_final(s: &str) -> bool {
            if s == "Summary" {
                return true;
            }
            match s.split_once('.') {
                Some((head, num)) => FINALS.contains(&head) && is_digits(num),
                None => false,
            }
        }

        fn is_body(s: &str) -> bool {
            let segments: Vec<&str> = s.split('.').collect();
            let head = segments[0];
            let head_ok = head.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
                && head.bytes().all(|b| b.is_ascii_alphabetic())
                && head.len() <= 12;
            let tails_ok = segments[1..].iter().all(|t| {
                !t.is_empty()
                    && t.len() <= 8
                    && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            });
            head_ok && tails_ok && segments.len() <= 4
        }

        fn is_serial(s: &str) -> bool {
            if let Some((from, to)) = s.split_once('-') {
                return is_digits(from) && is_digits(to);
            }
            let (num, part) = match s.split_once(' ') {
                Some((n, p)) => (n, Some(p)),
                None => (s, None),
            };
            let digits_end = num.bytes().take_while(u8::is_ascii_digit).count();
            let num_ok = digits_end > 0
                && num[digits_end..].len() <= 2
                && num[digits_end..].bytes().all(|b| b.is_ascii_uppercase());
            let part_ok =
                part.is_none_or(|p| p.len() == 1 && p.bytes().all(|b| b.is_ascii_uppercase()));
            num_ok && part_ok
        }

        pub fn parse(input: &str) -> Result<Symbol, SymbolError> {
            let s = input.trim();
            let err = |reason: &str| SymbolError::new(input, reason);
            if s.is_empty() {
                return Err(err("empty"));
            }
            if s.len() > MAX_SYMBOL_LEN {
                return Err(err("longer than any UN symbol"));
            }
            if s.ends_with('*') {
                return Err(err(
                    "a trailing asterisk marks a technical reissue and is not part of the symbol \
                 (use Symbol::parse_printed)",
                ));
            }
            let comps = split_components(s).ok_or_else(|| err("unbalanced parentheses"))?;
            // Each component: a base, then optionally " (…)" at its end.
            let mut bases = Vec::with_capacity(comps.len());
            for c in &comps {
                if c.is_empty() {
                    return Err(err("empty component between slashes"));
                }
                if c.trim() != *c {
                    return Err(err("space next to a slash"));
                }
                let (base, paren) = split_paren(c);
                if c.contains('(') && paren.is_none() {
                    return Err(err("a parenthetical part must end its component"));
                }
                if let Some(p) = paren {
                    if !valid_paren(p) {
                        return Err(err("unexpected characters in a parenthetical part"));
                    }
                    if p.contains('(') {
                        return Err(err("nested parentheses"));
                    }
                }
                if base.is_empty() {
                    return Err(err("a component is only a parenthetical part"));
                }
                bases.push(base);
            }

            // Old General Assembly resolution numbers: `2758 (XXVI)`.
            if comps.len() == 1 {
                let (base, paren) = split_paren(comps[0]);
                if is_digits(base) && paren.is_some_and(is_roman) {
                    return Ok(Symbol {
                        text: s.to_string(),
                        spans: vec![(PartKind::Serial, 0, s.len() as u16)],
                    });
                }
                return Err(err("a symbol has at least two components separated by '/'"));
            }
            if !SERIES.contains(&bases[0]) {
                return Err(err(&format!(
                    "{:?} is not a UN organ or document series",
                    bases[0]
                )));
            }

            // The serial number is the last numeric component before the final components.
            let first_final = bases
                .iter()
                .position(|b| is_final(b))
                .unwrap_or(bases.len());
            if bases[first_final..].iter().any(|b| !is_final(b)) {
                return Err(err(
                    "final components (Add., Corr., Rev., Amend., Summary) must come last",
                ));
            }
            // A numbered special component after it (`L.2`, `PV.24`) carries the number instead.
            let serial_at = bases[1..first_final]
                .iter()
                .rposition(|b| is_serial(b))
                .map(|i| i + 1)
                .filter(|&i| {
                    !bases[i + 1..first_final]
                        .iter()
                        .any(|b| is_numbered_special(b))
                });
            if let Some(i) = serial_at
                && i + 1 < first_final
            {
                return Err(err(
                    "only final components (Add., Corr., Rev., Amend., Summary) may follow the \
                     serial number",
                ));
            }

            let mut parts: Vec<Part<'_>> = Vec::with_capacity(comps.len());
            parts.push(Part {
                kind: PartKind::Series,
                text: comps[0],
            });
            let mut seen_number = false; // session, year or special session seen
            for i in 1..comps.len() {
                let b = bases[i];
                let kind = if i >= first_final {
                    PartKind::Final
                } else if Some(i) == serial_at {
                    PartKind::Serial
                } else if is_serial(b) && is_digits(b) {
                    if is_year(b) {
                        PartKind::Year
                    } else {
                        PartKind::Session
                    }
                } else if b.strip_prefix("ES-").is_some_and(is_digits) {
                    PartKind::EmergencySession
                } else if b.strip_prefix("S-").is_some_and(is_digits) {
                    PartKind::SpecialSession
                } else if SPECIALS.contains(&b) || is_numbered_special(b) {
                    PartKind::Special
                } else if is_country(b)
                    && (seen_number
                        || bases[i - 1] == "CORE"
                        || ((bases[i - 1] == "C" || bases[i - 1].starts_with("C."))
                            && i + 1 < first_final))
                {
                    PartKind::Country
                } else if is_body(b) && (!seen_number || i + 1 < first_final) {
                    PartKind::Body
                } else {
                    return Err(err(&format!(
                        "component {:?} is not one a UN symbol has here",
                        b
                    )));
                };
                if matches!(
                    kind,
                    PartKind::Session
                        | PartKind::Year
                        | PartKind::SpecialSession
                        | PartKind::EmergencySession
                ) {
                    seen_number = true;
                }
                let body_session = kind == PartKind::Body
                    && comps[i].strip_prefix(b).is_some_and(|p| {
                        p.strip_prefix('(')
                            .and_then(|p| p.strip_suffix(')'))
                            .is_some_and(is_digits)
                    });
                if kind != PartKind::Serial
                    && b != comps[i]
                    && kind != PartKind::Final
                    && !body_session
                {
                    // Parenthetical parts belong to serial numbers and final components only.
                    return Err(err(
                        "a parenthetical part may only follow the serial number",
                    ));
                }
                parts.push(Part {
                    kind,
                    text: comps[i],
                });
            }
            let numbered = parts.iter().any(|p| {
                p.kind == PartKind::Serial
                    || (p.kind == PartKind::Special && p.text.contains('.'))
                    || p.kind == PartKind::Final
            });
            if !numbered {
                return Err(err("no serial number or numbered component"));
            }
            // Components are slices of `s`: their spans are offsets into it (`s` is at most
            // MAX_SYMBOL_LEN bytes, so they fit in u16).
            let base = s.as_ptr() as usize;
            let spans = parts
                .iter()
                .map(|p| {
                    let a = p.text.as_ptr() as usize - base;
                    (p.kind, a as u16, (a + p.text.len()) as u16)
                })
                .collect();
            Ok(Symbol {
                text: s.to_string(),
                spans,
            })
        }
    }

    fn kinds(s: &str) -> Vec<PartKind> {
        s.parse::<Symbol>()
            .unwrap()
            .parts()
            .iter()
            .map(Part::kind)
            .collect()
    }

    /// Real symbols and the kinds of their components, checked against the UN Library guide
    /// "UN documentation: symbols" and the documents in shared/samples.
    const VALID: &[(&str, &[PartKind])] = &[
        ("A/HRC/31/81", &[Series, Body, Session, Serial]),
        ("A/HRC/27/9", &[Series, Body, Session, Serial]),
        ("A/HRC/59/15", &[Series, Body, Session, Serial]),
        ("A/HRC/19/74", &[Series, Body, Session, Serial]),
        ("A/HRC/26/41", &[Series, Body, Session, Serial]),
        ("A/HRC/23/20", &[Series, Body, Session, Serial]),
        ("A/31/1", &[Series, Session, Serial]),
        ("E/1978/1", &[Series, Year, Serial]),
        ("S/1994/1", &[Series, Year, Serial]),
        ("A/RES/73/8", &[Series, Special, Session, Serial]),
        ("S/RES/1244 (1999)", &[Series, Special, Serial]),
        ("S/RES/2334(2016)", &[Series, Special, Serial]),
        (
            "A/HRC/DEC/59/112",
            &[Series, Body, Special, Session, Serial],
        ),
        ("A/HRC/RES/59/1", &[Series, Body, Special, Session, Serial]),
        ("S/PRST/2020/1", &[Series, Special, Year, Serial]),
        ("A/70/L.1", &[Series, Session, Special]),
        ("A/C.3/80/L.20", &[Series, Body, Session, Special]),
        ("A/C.5/79/SR.12", &[Series, Body, Session, Special]),
        ("E/CN.7/2012/L.2", &[Series, Body, Year, Special]),
        ("E/CN.7/2012/CRP.3", &[Series, Body, Year, Special]),
        (
            "A/HRC/WG.6/48/SVN/1",
            &[Series, Body, Body, Session, Country, Serial],
        ),
        (
            "A/HRC/WG.6/7/SVN/2/Corr.1",
            &[Series, Body, Body, Session, Country, Serial, Final],
        ),
        ("A/53/500/Add.1", &[Series, Session, Serial, Final]),
        (
            "A/80/6 (Sect. 24)/Corr.1",
            &[Series, Session, Serial, Final],
        ),
        ("A/80/6 (Plan outline)", &[Series, Session, Serial]),
        ("A/80/6 (Sect. 24)", &[Series, Session, Serial]),
        (
            "FCCC/PA/CMA/2021/10/Add.3",
            &[Series, Body, Body, Year, Serial, Final],
        ),
        ("FCCC/CP/2021/12", &[Series, Body, Year, Serial]),
        ("FCCC/SBI/2021/L.1", &[Series, Body, Year, Special]),
        ("A/ES-10/L.22", &[Series, EmergencySession, Special]),
        (
            "A/RES/ES-10/22",
            &[Series, Special, EmergencySession, Serial],
        ),
        ("A/S-8/1", &[Series, SpecialSession, Serial]),
        ("S/PV.8000", &[Series, Special]),
        ("A/73/PV.24", &[Series, Session, Special]),
        ("CRC/C/GC/25", &[Series, Body, Special, Serial]),
        ("CCPR/C/GC/36", &[Series, Body, Special, Serial]),
        ("E/C.12/GC/24", &[Series, Body, Special, Serial]),
        ("CAT/C/GBR/CO/6", &[Series, Body, Country, Special, Serial]),
        ("CRC/C/GBR/CO/5", &[Series, Body, Country, Special, Serial]),
        ("CCPR/C/GBR/8", &[Series, Body, Country, Serial]),
        ("CEDAW/C/SR.1234", &[Series, Body, Special]),
        ("ST/SGB/2019/8", &[Series, Special, Year, Serial]),
        ("ST/AI/2017/1", &[Series, Special, Year, Serial]),
        ("A/CONF.216/16", &[Series, Body, Serial]),
        ("A/AC.109/2019/1", &[Series, Body, Year, Serial]),
        ("E/CN.4/Sub.2/1999/1", &[Series, Body, Body, Year, Serial]),
        (
            "A/HRC/31/NGO/100",
            &[Series, Body, Session, Special, Serial],
        ),
        ("A/HRC/31/CRP.1", &[Series, Body, Session, Special]),
        ("A/INF/73/4", &[Series, Special, Session, Serial]),
        ("E/CN.6/2020/NGO/1", &[Series, Body, Year, Special, Serial]),
        (
            "A/HRC/59/15/Add.1/Rev.1",
            &[Series, Body, Session, Serial, Final, Final],
        ),
        ("A/59/2005/Add.3", &[Series, Session, Serial, Final]),
        ("A/RES/57/270 B", &[Series, Special, Session, Serial]),
        ("2758 (XXVI)", &[Serial]),
        (
            "A/HRC/10/29/Summary",
            &[Series, Body, Session, Serial, Final],
        ),
        ("UNEP/EA.5/Res.1", &[Series, Body, Special]),
        ("DP/2020/1", &[Series, Year, Serial]),
        ("TD/B/C.I/52", &[Series, Body, Body, Serial]),
        ("A/CN.9/1000", &[Series, Body, Serial]),
        ("A/HRC/31/64", &[Series, Body, Session, Serial]),
        ("E/2020/L.1", &[Series, Year, Special]),
        (
            "A/C.3/80/L.20/Rev.1",
            &[Series, Body, Session, Special, Final],
        ),
        ("A/78/L.1/Amend.2", &[Series, Session, Special, Final]),
        ("CRPD/C/GC/7", &[Series, Body, Special, Serial]),
        ("ECE/TRANS/2021/1", &[Series, Body, Year, Serial]),
        ("HRI/CORE/SVN/2014", &[Series, Special, Country, Serial]),
        ("HRI/GEN/1/Rev.9", &[Series, Special, Serial, Final]),
        ("SG/SM/20000", &[Series, Special, Serial]),
        // Combined periodic reports (concluding observations on them).
        (
            "CRC/C/GBR/CO/6-7",
            &[Series, Body, Country, Special, Serial],
        ),
        (
            "CAT/C/USA/CO/3-5",
            &[Series, Body, Country, Special, Serial],
        ),
        // Bodies after the session or year.
        ("E/ICEF/2005/P/L.6", &[Series, Body, Year, Body, Special]),
        ("E/CN.17/2001/PC/2", &[Series, Body, Year, Body, Serial]),
        ("ISBA/28/C/5", &[Series, Session, Body, Serial]),
        ("PBC/17/OC/1", &[Series, Session, Body, Serial]),
        (
            "CCPR/C/128/D/2845/2016",
            &[Series, Body, Session, Body, Session, Serial],
        ),
        // Dotted bodies and a body's session in parentheses.
        ("UNEP/OzL.Pro.31/9", &[Series, Body, Serial]),
        ("UNEP/OzL.Pro.WG.1/42/5", &[Series, Body, Session, Serial]),
        ("ICCD/COP(16)/23", &[Series, Body, Serial]),
    ];

    const INVALID: &[&str] = &[
        "HIV/AIDS",
        "OEA/Ser.L/III.15",
        "km/h",
        "",
        "A",
        "A/",
        "/A/1",
        "A//1",
        "a/hrc/31/81",
        "A/HRC/31/81*",
        "A/HRC",
        "A/HRC/31/Add.1/81",
        "A/80/6 (Sect. 24",
        "A/80/6 Sect. 24)",
        "A/80 (x)/6",
        "Q/1/2",
        "A / 1",
        "24/7",
        "1/2",
        "and/or",
        "A/HRC/31/81/xyz",
        "A/(1)/2",
        "A/31/C/CRC",
        "A/HRC/31/81/C/1x",
        "CRC/C/GBR/CO/6-",
        "UNEP/OzL.Pro.WG.1.2.3/9",
        "ICCD/COP (16)/23",
        "ICCD/COP(x)/23",
    ];

    #[test]
    fn valid_symbols_parse_with_expected_kinds_and_print_back() {
        assert!(VALID.len() + INVALID.len() >= 60);
        for (s, expected) in VALID {
            let sym: Symbol = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(sym.to_string(), *s, "Display of {s}");
            assert_eq!(kinds(s), expected.to_vec(), "kinds of {s}");
        }
    }

    /// Every listed symbol, valid and invalid, and each of them cut, with a byte
    /// replaced or doubled: the parser and its oracle agree (symbol or reason).
    #[test]
    fn parser_agrees_with_its_oracle_on_real_symbols_and_their_edits() {
        let mut inputs: Vec<String> = VALID
            .iter()
            .map(|(s, _)| s.to_string())
            .chain(INVALID.iter().map(|s| s.to_string()))
            .collect();
        inputs.push("A/".to_string() + &"HRC/".repeat(30) + "31/81"); // past the stack
        inputs.push(" A/HRC/31/81 ".into());
        inputs.push("A/HRC/31/81 (Ж)".into());
        let mut n = 0;
        for s in inputs.clone() {
            for i in 0..=s.len() {
                for edit in [&b""[..], b"/", b" ", b"(", b")", b".", b"1", b"C", b"-"] {
                    let mut b = s.as_bytes().to_vec();
                    if i < b.len() && !edit.is_empty() {
                        b[i] = edit[0];
                    }
                    b.truncate(if edit.is_empty() { i } else { b.len() });
                    let mut d = s.as_bytes().to_vec();
                    d.splice(i..i, edit.iter().copied());
                    for t in [b, d] {
                        if let Ok(t) = String::from_utf8(t) {
                            assert_eq!(t.parse::<Symbol>(), oracle::parse(&t), "{t:?}");
                            n += 1;
                        }
                    }
                }
            }
        }
        assert!(n > 10_000, "{n}");
    }

    /// Every sequence of up to four components from a vocabulary of each kind (and some
    /// that are none): the parser and its oracle agree, and many of them are symbols.
    #[test]
    fn parser_agrees_with_its_oracle_on_every_short_combination() {
        const WORDS: &[&str] = &[
            "A",
            "CRC",
            "HRI",
            "HRC",
            "C",
            "C.3",
            "GBR",
            "SVN",
            "31",
            "2012",
            "81",
            "L.2",
            "RES",
            "Add.1",
            "Corr.1",
            "ES-10",
            "S-8",
            "CORE",
            "1244 (1999)",
            "6 (Sect. 24)",
            "Summary",
            "PV.8000",
            "WG.6",
            "x",
            "270 B",
            "6-7",
            "OzL.Pro.31",
            "COP(16)",
        ];
        let (mut n, mut ok) = (0, 0);
        let mut t = String::new();
        for len in 1..=4u32 {
            for mut k in 0..WORDS.len().pow(len) {
                t.clear();
                for j in 0..len {
                    if j > 0 {
                        t.push('/');
                    }
                    t.push_str(WORDS[k % WORDS.len()]);
                    k /= WORDS.len();
                }
                let got = t.parse::<Symbol>();
                assert_eq!(got, oracle::parse(&t), "{t:?}");
                n += 1;
                ok += usize::from(got.is_ok());
            }
        }
        assert!(n > 400_000 && ok > 5_000, "{n} {ok}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
        /// Symbol-like strings: the parser and its oracle agree.
        #[test]
        fn parser_agrees_with_its_oracle(t in "[ASEHRCLDV]{0,3}(/[A-Z]{0,4}|/[0-9]{1,4}|/[A-Z]{1,4}\\.[0-9]{1,3}|/(Add|Corr|Rev)\\.[0-9]|/ES-[0-9]| ?\\([A-Za-z0-9 .]{0,8}\\)|/Summary| ){0,8}") {
            proptest::prop_assert_eq!(t.parse::<Symbol>(), oracle::parse(&t));
        }
    }

    #[test]
    fn invalid_symbols_are_rejected_with_a_reason() {
        for s in INVALID {
            let e = s.parse::<Symbol>().expect_err(s);
            assert!(!e.reason.is_empty());
        }
    }

    #[test]
    fn accessors_give_components() {
        let s: Symbol = "A/80/6 (Sect. 24)/Corr.1".parse().unwrap();
        assert_eq!(s.series(), "A");
        assert_eq!(s.session(), Some("80"));
        assert_eq!(s.serial(), Some("6 (Sect. 24)"));
        assert_eq!(s.parentheticals().collect::<Vec<_>>(), ["Sect. 24"]);
        assert_eq!(s.parts()[2].base(), "6");
        assert_eq!(s.finals().collect::<Vec<_>>(), ["Corr.1"]);
        assert_eq!(s.parent().unwrap().to_string(), "A/80/6 (Sect. 24)");
        assert_eq!(s.akn_number(), "A-80-6_(Sect._24)-Corr.1");
        assert_eq!(s.ods_stem(), "A_80_6(Sect.24)_Corr.1");
        let h: Symbol = "A/HRC/31/81".parse().unwrap();
        assert_eq!(h.akn_number(), "A-HRC-31-81");
        assert_eq!(h.ods_stem(), "A_HRC_31_81");
        assert_eq!(h.parent(), None);
        let e: Symbol = "E/CN.7/2012/L.2".parse().unwrap();
        assert_eq!(e.year(), Some("2012"));
        assert_eq!(e.specials().collect::<Vec<_>>(), ["L.2"]);
        let r: Symbol = "A/RES/ES-10/22".parse().unwrap();
        assert_eq!(r.special_session(), Some("ES-10"));
    }

    #[test]
    fn printed_form_with_asterisk() {
        let (s, r) = Symbol::parse_printed(" A/HRC/27/9* ").unwrap();
        assert!(r);
        assert_eq!(s.to_string(), "A/HRC/27/9");
        assert!(!Symbol::parse_printed("A/HRC/27/9").unwrap().1);
    }

    #[test]
    fn from_parts_checks_kinds() {
        let ok = Symbol::from_parts(vec![
            (Series, "A".into()),
            (Body, "HRC".into()),
            (Session, "31".into()),
            (Serial, "81".into()),
        ]);
        assert_eq!(ok.unwrap().to_string(), "A/HRC/31/81");
        let bad = Symbol::from_parts(vec![
            (Series, "A".into()),
            (Year, "31".into()),
            (Serial, "1".into()),
        ]);
        assert!(bad.is_err());
    }

    #[test]
    fn finds_symbols_in_running_text() {
        let t = "(see A/HRC/19/74, paras. 35-37). For HIV/AIDS see A/80/6 (Sect. 24)/Corr.1. Also S/RES/1244 (1999) and A/HRC/23/20.";
        let found: Vec<String> = find_symbols(t).iter().map(|(_, s)| s.to_string()).collect();
        assert_eq!(
            found,
            [
                "A/HRC/19/74",
                "A/80/6 (Sect. 24)/Corr.1",
                "S/RES/1244 (1999)",
                "A/HRC/23/20"
            ]
        );
        for (r, s) in find_symbols(t) {
            assert_eq!(&t[r], s.to_string());
        }
        assert!(find_symbols("km/h, 24/7, and/or").is_empty());
        // A body's session in parentheses, inside the symbol (UNCCD).
        let t = "see ICCD/COP(16)/23/Add.1, ICCD/COP(16)/23. And COP(16)/x.";
        let found: Vec<String> = find_symbols(t).iter().map(|(_, s)| s.to_string()).collect();
        assert_eq!(found, ["ICCD/COP(16)/23/Add.1", "ICCD/COP(16)/23"]);
        for (r, s) in find_symbols(t) {
            assert_eq!(&t[r], s.to_string());
        }
    }
}
