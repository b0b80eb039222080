//! The masthead and metadata of a UN document: symbols, organ, distribution, date, languages,
//! session, agenda items, title, notes, job number.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Block, Inline, Symbol};

/// Everything the first page of a UN document says about it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Meta {
    /// The document's symbols as printed (one, or two for joint documents), without the
    /// reissue asterisk.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub symbols: Vec<Symbol>,
    /// Whether the symbol was printed with an asterisk: a technical reissue.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub reissued: bool,
    /// The principal organ as printed: "General Assembly", "Security Council".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organ: Option<String>,
    /// The subsidiary body as printed: "Human Rights Council" (JSON key
    /// `subsidiary_body`; schema version 1 called it `body`, still read).
    #[serde(skip_serializing_if = "Option::is_none", alias = "body")]
    pub subsidiary_body: Option<String>,
    /// "Distr.: General", "Limited" or "Restricted".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distribution: Option<Distribution>,
    /// Date of issue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// "Original: English".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_language: Option<Language>,
    /// The language of this version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// The session of the body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<Session>,
    /// Agenda items, in printed order ("Agenda items 2 and 3" gives two).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub agenda_items: Vec<AgendaItem>,
    /// What kind of document this is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<DocKind>,
    /// The title as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The line under the title: "Report of the …", "Addendum", "Note by the Secretariat".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Notes on the title or symbol, marked with asterisks ("* Reissued for technical reasons
    /// on 2 March 2016.").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub title_notes: Vec<TitleNote>,
    /// The summary box of a report.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub summary: Vec<Block>,
    /// The job number at the foot of the first page: "GE.16-01234 (E)".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_number: Option<JobNumber>,
    /// Sponsors of a draft, as printed (States or bodies).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sponsors: Vec<String>,
}

/// The distribution line of the masthead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Distribution {
    /// "Distr.: General".
    General,
    /// "Distr.: Limited" (drafts, `L.` documents).
    Limited,
    /// "Distr.: Restricted".
    Restricted,
}

impl Distribution {
    /// The word as printed after "Distr.: ".
    pub fn as_str(self) -> &'static str {
        match self {
            Distribution::General => "General",
            Distribution::Limited => "Limited",
            Distribution::Restricted => "Restricted",
        }
    }

    /// Reads "General", "GENERAL", "Distr.: General", "Distr. LIMITED"….
    pub fn parse_printed(s: &str) -> Option<Distribution> {
        let t = s.trim();
        let t = t
            .strip_prefix("Distr.")
            .map(|r| r.trim_start_matches([':', ' ']))
            .unwrap_or(t);
        match t.trim().to_ascii_lowercase().as_str() {
            "general" => Some(Distribution::General),
            "limited" => Some(Distribution::Limited),
            "restricted" => Some(Distribution::Restricted),
            _ => None,
        }
    }
}

/// A calendar date (proleptic Gregorian), written in JSON as `YYYY-MM-DD`.
///
/// ```
/// use undocs::model::Date;
/// let d: Date = "2016-01-29".parse()?;
/// assert_eq!(Date::parse_printed("29 January 2016"), Some(d));
/// assert_eq!(d.to_printed(), "29 January 2016");
/// # Ok::<(), undocs::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// English month names, as UN mastheads print them.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// A date, if it exists on the calendar (years 1 to 9999).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let ok = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        ok.then_some(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Today's date in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let days = (secs / 86_400) as i64;
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = (if m <= 2 { y + 1 } else { y }) as u16;
        Date::new(y, m, d).unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        })
    }

    /// Reads a date as UN documents print it: "29 January 2016", "2 March 2016",
    /// "January 29, 2016". Returns `None` for anything else.
    pub fn parse_printed(s: &str) -> Option<Date> {
        let words: Vec<&str> = s
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let month_of = |w: &str| {
            MONTHS
                .iter()
                .position(|m| m.eq_ignore_ascii_case(w))
                .map(|i| i as u8 + 1)
        };
        match words.as_slice() {
            [d, m, y] if month_of(m).is_some() => {
                Date::new(y.parse().ok()?, month_of(m)?, d.parse().ok()?)
            }
            [m, d, y] if month_of(m).is_some() => {
                Date::new(y.parse().ok()?, month_of(m)?, d.parse().ok()?)
            }
            _ => None,
        }
    }

    /// The date as a UN masthead prints it: "29 January 2016".
    pub fn to_printed(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS[usize::from(self.month - 1)],
            self.year
        )
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || crate::Error::Value {
            what: "date",
            value: s.chars().take(40).collect(),
            expected: "an ISO date YYYY-MM-DD that exists on the calendar",
        };
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let y = s[0..4].parse().map_err(|_| bad())?;
        let m = s[5..7].parse().map_err(|_| bad())?;
        let d = s[8..10].parse().map_err(|_| bad())?;
        Date::new(y, m, d).ok_or_else(bad)
    }
}

macro_rules! string_serde {
    ($t:ty, $name:literal, $desc:literal $(, $key:literal : $val:expr)*) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $t {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "description": $desc $(, $key: $val)* })
            }
        }
    };
}

string_serde!(Date, "Date", "An ISO 8601 calendar date.", "format": "date");

/// A language, identified by its ISO 639-1 code (`en`), with its ISO 639-2 code and English
/// name where known. The six official UN languages also have their job-number letter.
///
/// ```
/// use undocs::model::Language;
/// let en = Language::ENGLISH;
/// assert_eq!((en.code(), en.iso639_2(), en.name(), en.job_letter()), ("en", "eng", "English", Some('E')));
/// assert_eq!(Language::from_name("Français"), Some(Language::FRENCH));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Language {
    index: u8,
}

/// (ISO 639-1, ISO 639-2/T, English name, endonym, UN job-number letter).
const LANGUAGES: &[(&str, &str, &str, &str, Option<char>)] = &[
    ("ar", "ara", "Arabic", "العربية", Some('A')),
    ("zh", "zho", "Chinese", "中文", Some('C')),
    ("en", "eng", "English", "English", Some('E')),
    ("fr", "fra", "French", "Français", Some('F')),
    ("ru", "rus", "Russian", "Русский", Some('R')),
    ("es", "spa", "Spanish", "Español", Some('S')),
    ("de", "deu", "German", "Deutsch", Some('G')),
    ("pt", "por", "Portuguese", "Português", None),
    ("it", "ita", "Italian", "Italiano", None),
    ("ja", "jpn", "Japanese", "日本語", None),
    ("ko", "kor", "Korean", "한국어", None),
    ("nl", "nld", "Dutch", "Nederlands", None),
    ("sw", "swa", "Swahili", "Kiswahili", None),
    ("hi", "hin", "Hindi", "हिन्दी", None),
    ("fa", "fas", "Persian", "فارسی", None),
    ("tr", "tur", "Turkish", "Türkçe", None),
    ("uk", "ukr", "Ukrainian", "Українська", None),
    ("pl", "pol", "Polish", "Polski", None),
    ("he", "heb", "Hebrew", "עברית", None),
    ("id", "ind", "Indonesian", "Bahasa Indonesia", None),
    ("ur", "urd", "Urdu", "اردو", None),
    ("bn", "ben", "Bengali", "বাংলা", None),
    ("sv", "swe", "Swedish", "Svenska", None),
    ("el", "ell", "Greek", "Ελληνικά", None),
];

impl Language {
    /// Arabic (written right to left).
    pub const ARABIC: Language = Language { index: 0 };
    /// Chinese.
    pub const CHINESE: Language = Language { index: 1 };
    /// English.
    pub const ENGLISH: Language = Language { index: 2 };
    /// French.
    pub const FRENCH: Language = Language { index: 3 };
    /// Russian.
    pub const RUSSIAN: Language = Language { index: 4 };
    /// Spanish.
    pub const SPANISH: Language = Language { index: 5 };

    /// The six official languages of the United Nations.
    pub const OFFICIAL: [Language; 6] = [
        Language::ARABIC,
        Language::CHINESE,
        Language::ENGLISH,
        Language::FRENCH,
        Language::RUSSIAN,
        Language::SPANISH,
    ];

    fn row(
        self,
    ) -> (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Option<char>,
    ) {
        LANGUAGES[usize::from(self.index)]
    }

    /// Every language this crate knows.
    pub fn all() -> impl Iterator<Item = Language> {
        (0..LANGUAGES.len() as u8).map(|index| Language { index })
    }

    /// ISO 639-1 code: `en`.
    pub fn code(self) -> &'static str {
        self.row().0
    }

    /// ISO 639-2/T code: `eng` (used in Akoma Ntoso expression IRIs).
    pub fn iso639_2(self) -> &'static str {
        self.row().1
    }

    /// English name: "English".
    pub fn name(self) -> &'static str {
        self.row().2
    }

    /// The UN job-number letter: `E` for English, `F` for French…
    pub fn job_letter(self) -> Option<char> {
        self.row().4
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        matches!(self.code(), "ar" | "he" | "fa" | "ur")
    }

    /// Finds a language by ISO 639-1 or 639-2 code, English name or endonym (any case).
    pub fn from_name(s: &str) -> Option<Language> {
        let t = s.trim();
        Language::all().find(|l| {
            let (a, b, n, e, _) = l.row();
            [a, b, n, e]
                .iter()
                .any(|x| x.eq_ignore_ascii_case(t) || x.to_lowercase() == t.to_lowercase())
        })
    }

    /// The language of a job-number letter (`E` → English).
    pub fn from_job_letter(c: char) -> Option<Language> {
        Language::all().find(|l| l.job_letter() == Some(c))
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Language {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Language::all()
            .find(|l| l.code() == s)
            .ok_or_else(|| crate::Error::Value {
                what: "language",
                value: s.chars().take(40).collect(),
                expected: "an ISO 639-1 code this crate knows (ar, zh, en, fr, ru, es, de, pt, …)",
            })
    }
}

string_serde!(Language, "Language", "An ISO 639-1 language code: \"en\", \"fr\", \"ar\".",
    "enum": LANGUAGES.iter().map(|l| l.0).collect::<Vec<_>>());

/// The session line(s) of the masthead.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Session {
    /// The session number ("31"), or a special session ("S-8", "ES-10").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The label as printed: "Thirty-first session".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The dates line as printed: "16 June–11 July 2025".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dates: Option<String>,
}

impl Session {
    /// Reads a session line as printed: "Thirty-first session" (number 31), "73rd session",
    /// "Fifty-fifth session". `None` when the line is not a session line.
    ///
    /// ```
    /// let s = undocs::model::Session::parse_printed("Thirty-first session").unwrap();
    /// assert_eq!(s.number.as_deref(), Some("31"));
    /// ```
    pub fn parse_printed(l: &str) -> Option<Session> {
        let t = l.trim();
        let lower = t.to_lowercase();
        if !lower.ends_with("session") || t.len() > 60 {
            return None;
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        let before = words.len().checked_sub(2).and_then(|i| words.get(i))?;
        let number = ordinal(before).map(|n| n.to_string()).or_else(|| {
            let d: String = before.chars().take_while(char::is_ascii_digit).collect();
            (!d.is_empty()).then_some(d)
        });
        Some(Session {
            number,
            label: Some(t.to_string()),
            dates: None,
        })
    }
}

/// An English ordinal word as a number: "Thirty-first" → 31.
pub fn ordinal(word: &str) -> Option<u32> {
    const UNITS: [&str; 19] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: [&str; 8] = [
        "twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet",
    ];
    let w = word.to_lowercase();
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return Some(i as u32 + 1);
    }
    let (tens, unit) = match w.split_once('-') {
        Some((t, u)) => (t.to_string(), Some(u.to_string())),
        None => (w.clone(), None),
    };
    let base = |t: &str, suffix: &str| {
        TENS.iter()
            .position(|x| format!("{x}{suffix}") == t)
            .map(|i| (i as u32 + 2) * 10)
    };
    match unit {
        None => base(&tens, "ieth"),
        Some(u) => Some(base(&tens, "y")? + UNITS.iter().take(9).position(|x| *x == u)? as u32 + 1),
    }
}

/// An agenda item: "Agenda item 6 / Universal periodic review".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct AgendaItem {
    /// The number as printed: "6", "4 (a)".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The title as printed.
    pub title: String,
}

/// A note on the title or symbol, marked by an asterisk or asterisks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct TitleNote {
    /// The marker as printed: "*", "**".
    pub marker: String,
    /// The note's text.
    pub content: Vec<Inline>,
}

/// What kind of document this is (the `kind` field; also the AKN4UN document class).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DocKind {
    /// A report.
    Report,
    /// A note (by the Secretariat, by the Secretary-General).
    Note,
    /// A letter.
    Letter,
    /// An adopted resolution.
    Resolution,
    /// An adopted decision.
    Decision,
    /// A draft resolution.
    DraftResolution,
    /// A draft decision.
    DraftDecision,
    /// An addendum.
    Addendum,
    /// A corrigendum.
    Corrigendum,
    /// A revision.
    Revision,
    /// A presidential statement.
    PresidentialStatement,
    /// A verbatim record of a meeting.
    VerbatimRecord,
    /// A summary record of a meeting.
    SummaryRecord,
    /// An agenda.
    Agenda,
    /// Any other kind, as a lowercase word or phrase ("communication").
    Other(String),
}

impl DocKind {
    const NAMED: &[(&str, DocKind)] = &[
        ("report", DocKind::Report),
        ("note", DocKind::Note),
        ("letter", DocKind::Letter),
        ("resolution", DocKind::Resolution),
        ("decision", DocKind::Decision),
        ("draft_resolution", DocKind::DraftResolution),
        ("draft_decision", DocKind::DraftDecision),
        ("addendum", DocKind::Addendum),
        ("corrigendum", DocKind::Corrigendum),
        ("revision", DocKind::Revision),
        ("presidential_statement", DocKind::PresidentialStatement),
        ("verbatim_record", DocKind::VerbatimRecord),
        ("summary_record", DocKind::SummaryRecord),
        ("agenda", DocKind::Agenda),
    ];

    /// The kind's name in JSON and Akoma Ntoso `@name`: `report`, `draft_resolution`….
    pub fn as_str(&self) -> &str {
        match self {
            DocKind::Other(s) => s,
            k => DocKind::NAMED
                .iter()
                .find(|(_, v)| v == k)
                .map(|(n, _)| *n)
                .unwrap_or("other"),
        }
    }

    /// Guesses the kind from a subtitle or title as printed ("Report of the …", "Addendum",
    /// "Note by the Secretariat", "Draft resolution").
    pub fn guess(text: &str) -> Option<DocKind> {
        let t = text.trim().to_lowercase();
        let pairs = [
            ("draft resolution", DocKind::DraftResolution),
            ("draft decision", DocKind::DraftDecision),
            ("report", DocKind::Report),
            ("note by", DocKind::Note),
            ("letter dated", DocKind::Letter),
            ("addendum", DocKind::Addendum),
            ("corrigendum", DocKind::Corrigendum),
            ("provisional agenda", DocKind::Agenda),
            ("statement by the president", DocKind::PresidentialStatement),
        ];
        pairs
            .into_iter()
            .find(|(p, _)| t.starts_with(p))
            .map(|(_, k)| k)
    }
}

impl fmt::Display for DocKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DocKind {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some((_, k)) = DocKind::NAMED.iter().find(|(n, _)| *n == s) {
            return Ok(k.clone());
        }
        let ok = !s.is_empty()
            && s.len() <= 40
            && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            && s != "other";
        if ok {
            Ok(DocKind::Other(s.to_string()))
        } else {
            Err(crate::Error::Value {
                what: "document kind",
                value: s.chars().take(40).collect(),
                expected: "report, note, letter, resolution, decision, draft_resolution, … or another lowercase_word",
            })
        }
    }
}

string_serde!(DocKind, "DocKind", "The kind of document: report, note, letter, resolution, decision, draft_resolution, draft_decision, addendum, corrigendum, revision, presidential_statement, verbatim_record, summary_record, agenda, or another lowercase_word.",
    "pattern": "^[a-z_]{1,40}$");

/// A UN job number as printed at the foot of the first page: `GE.16-01234 (E)`,
/// `25-06262 (E)`.
///
/// ```
/// let j: undocs::model::JobNumber = "GE.16-01234 (E)".parse()?;
/// assert_eq!((j.office(), j.year(), j.serial(), j.language_letter()), (Some("GE"), "16", "01234", Some('E')));
/// assert_eq!(j.to_string(), "GE.16-01234 (E)");
/// # Ok::<(), undocs::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct JobNumber {
    office: Option<String>,
    year: String,
    serial: String,
    letter: Option<char>,
}

impl JobNumber {
    /// The duty station prefix (`GE` for Geneva, `V` for Vienna); New York numbers have none.
    pub fn office(&self) -> Option<&str> {
        self.office.as_deref()
    }
    /// The two-digit year as printed.
    pub fn year(&self) -> &str {
        &self.year
    }
    /// The serial as printed, leading zeros kept.
    pub fn serial(&self) -> &str {
        &self.serial
    }
    /// The language letter in parentheses (`E`).
    pub fn language_letter(&self) -> Option<char> {
        self.letter
    }

    /// A job number at the start of a footer line, as printed there:
    /// `GE.25-02819 (E)    210325 210325` gives `GE.25-02819 (E)`.
    pub fn parse_prefix(line: &str) -> Option<JobNumber> {
        let mut words = line.split_whitespace();
        let first = words.next()?;
        let letter = words
            .next()
            .filter(|w| w.len() == 3 && w.starts_with('(') && w.ends_with(')'));
        match letter {
            Some(l) => format!("{first} {l}").parse().ok(),
            None => first.parse().ok(),
        }
    }
}

impl fmt::Display for JobNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(o) = &self.office {
            write!(f, "{o}.")?;
        }
        write!(f, "{}-{}", self.year, self.serial)?;
        if let Some(l) = self.letter {
            write!(f, " ({l})")?;
        }
        Ok(())
    }
}

impl FromStr for JobNumber {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || crate::Error::Value {
            what: "job number",
            value: s.chars().take(40).collect(),
            expected: "a UN job number such as \"GE.16-01234 (E)\" or \"25-06262 (E)\"",
        };
        let (main, letter) = match s.split_once(" (") {
            Some((m, rest)) => {
                let inner = rest.strip_suffix(')').ok_or_else(bad)?;
                let mut cs = inner.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) if c.is_ascii_uppercase() => (m, Some(c)),
                    _ => return Err(bad()),
                }
            }
            None => (s, None),
        };
        let (office, rest) = match main.split_once('.') {
            Some((o, r))
                if !o.is_empty() && o.len() <= 3 && o.bytes().all(|b| b.is_ascii_uppercase()) =>
            {
                (Some(o.to_string()), r)
            }
            Some(_) => return Err(bad()),
            None => (None, main),
        };
        let (year, serial) = rest.split_once('-').ok_or_else(bad)?;
        let digits = |x: &str, lo: usize, hi: usize| {
            (lo..=hi).contains(&x.len()) && x.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(year, 2, 2) || !digits(serial, 4, 6) {
            return Err(bad());
        }
        Ok(JobNumber {
            office,
            year: year.into(),
            serial: serial.into(),
            letter,
        })
    }
}

string_serde!(JobNumber, "JobNumber", "A UN job number as printed: \"GE.16-01234 (E)\", \"25-06262 (E)\".",
    "pattern": "^([A-Z]{1,3}\\.)?[0-9]{2}-[0-9]{4,6}( \\([A-Z]\\))?$");

/// The keys [`Meta::set`] accepts.
pub const SET_KEYS: &[&str] = &[
    "symbol",
    "symbol2",
    "reissued",
    "organ",
    "subsidiary_body",
    "distribution",
    "date",
    "original_language",
    "language",
    "session",
    "session_label",
    "session_dates",
    "agenda_item",
    "kind",
    "title",
    "subtitle",
    "job_number",
    "sponsor",
];

impl Meta {
    /// Fills or overrides one field from a `key=value` pair, as `undocs convert --set` does.
    /// See [`SET_KEYS`]. `symbol` replaces the symbols (a trailing `*` sets `reissued`),
    /// `symbol2` adds a second one; `date` takes ISO or printed dates; languages take codes
    /// or names; `agenda_item` adds an item written `6: Universal periodic review`;
    /// `sponsor` adds a sponsor.
    ///
    /// ```
    /// let mut m = undocs::model::Meta::default();
    /// m.set("symbol", "A/HRC/31/81*")?;
    /// m.set("date", "29 January 2016")?;
    /// m.set("original_language", "English")?;
    /// assert!(m.reissued);
    /// assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2016-01-29"));
    /// # Ok::<(), undocs::Error>(())
    /// ```
    pub fn set(&mut self, key: &str, value: &str) -> crate::Result<()> {
        let v = value.trim();
        let opt = |v: &str| (!v.is_empty()).then(|| v.to_string());
        let lang = |v: &str| {
            Language::from_name(v).ok_or_else(|| crate::Error::Value {
                what: "language",
                value: v.chars().take(40).collect(),
                expected: "an ISO 639 code or English name (en, English, fr, French…)",
            })
        };
        match key {
            "symbol" => {
                let (s, r) = Symbol::parse_printed(v)?;
                self.symbols = vec![s];
                self.reissued |= r;
            }
            "symbol2" => {
                let (s, r) = Symbol::parse_printed(v)?;
                self.symbols.push(s);
                self.reissued |= r;
            }
            "reissued" => {
                self.reissued = match v {
                    "true" | "yes" | "1" => true,
                    "false" | "no" | "0" => false,
                    _ => {
                        return Err(crate::Error::Value {
                            what: "reissued flag",
                            value: v.into(),
                            expected: "true or false",
                        });
                    }
                }
            }
            "organ" => self.organ = opt(v),
            // "body" as before the field was renamed.
            "subsidiary_body" | "body" => self.subsidiary_body = opt(v),
            "distribution" => {
                self.distribution =
                    Some(
                        Distribution::parse_printed(v).ok_or_else(|| crate::Error::Value {
                            what: "distribution",
                            value: v.chars().take(40).collect(),
                            expected: "General, Limited or Restricted",
                        })?,
                    )
            }
            "date" => self.date = Some(match Date::parse_printed(v) {
                Some(d) => d,
                None => v.parse().map_err(|_| crate::Error::Value {
                    what: "date",
                    value: v.chars().take(40).collect(),
                    expected: "a date as printed (\"29 January 2016\") or an ISO date (2016-01-29)",
                })?,
            }),
            "original_language" => self.original_language = Some(lang(v)?),
            "language" => self.language = Some(lang(v)?),
            "session" => self.session.get_or_insert_with(Session::default).number = opt(v),
            "session_label" => self.session.get_or_insert_with(Session::default).label = opt(v),
            "session_dates" => self.session.get_or_insert_with(Session::default).dates = opt(v),
            "agenda_item" => {
                let (n, t) = match v.split_once(':') {
                    Some((n, t)) => (opt(n.trim()), t.trim().to_string()),
                    None => (None, v.to_string()),
                };
                self.agenda_items.push(AgendaItem {
                    number: n,
                    title: t,
                });
            }
            "kind" => self.kind = Some(v.parse()?),
            "title" => self.title = opt(v),
            "subtitle" => self.subtitle = opt(v),
            "job_number" => self.job_number = Some(v.parse()?),
            "sponsor" => self.sponsors.push(v.to_string()),
            _ => {
                return Err(crate::Error::Value {
                    what: "--set key",
                    value: key.chars().take(40).collect(),
                    expected: "one of symbol, symbol2, reissued, organ, body, distribution, date, original_language, language, session, session_label, session_dates, agenda_item, kind, title, subtitle, job_number, sponsor",
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("Thirty-first"), Some(31));
        assert_eq!(ordinal("Fifty-ninth"), Some(59));
        assert_eq!(ordinal("Seventy-third"), Some(73));
        assert_eq!(ordinal("Twentieth"), Some(20));
        assert_eq!(ordinal("twelfth"), Some(12));
        assert_eq!(ordinal("Thirty"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(
            Date::parse_printed("29 January 2016"),
            Date::new(2016, 1, 29)
        );
        assert_eq!(
            Date::parse_printed("January 29, 2016"),
            Date::new(2016, 1, 29)
        );
        assert_eq!(Date::parse_printed("31 February 2016"), None);
        assert_eq!(Date::parse_printed("Thirty-first session"), None);
        assert_eq!(
            "2016-02-29".parse::<Date>().unwrap().to_printed(),
            "29 February 2016"
        );
        assert!("2015-02-29".parse::<Date>().is_err());
        assert!("2016-1-29".parse::<Date>().is_err());
        assert!(Date::today().year() >= 2024);
    }

    #[test]
    fn job_numbers() {
        for s in [
            "GE.16-01234 (E)",
            "25-06262 (E)",
            "GE.25-02819 (E)",
            "V.21-01234",
            "18-18418 (E)",
        ] {
            assert_eq!(s.parse::<JobNumber>().unwrap().to_string(), s);
        }
        for s in [
            "GE16-01234 (E)",
            "GE.16-1 (E)",
            "GE.16-01234 (EN)",
            "x",
            "GE.2016-01234",
        ] {
            assert!(s.parse::<JobNumber>().is_err(), "{s}");
        }
    }

    #[test]
    fn languages() {
        assert_eq!(Language::from_name("ENGLISH"), Some(Language::ENGLISH));
        assert_eq!(Language::from_name("Español"), Some(Language::SPANISH));
        assert_eq!(Language::from_name("ara"), Some(Language::ARABIC));
        assert!(Language::ARABIC.is_rtl());
        assert_eq!(Language::from_job_letter('F'), Some(Language::FRENCH));
        assert!("xx".parse::<Language>().is_err());
    }

    #[test]
    fn distribution_and_kind() {
        assert_eq!(
            Distribution::parse_printed("Distr.: General"),
            Some(Distribution::General)
        );
        assert_eq!(
            Distribution::parse_printed("Distr. LIMITED"),
            Some(Distribution::Limited)
        );
        assert_eq!(
            DocKind::guess("Report of the Office of the United Nations High Commissioner"),
            Some(DocKind::Report)
        );
        assert_eq!(
            "draft_resolution".parse::<DocKind>().unwrap(),
            DocKind::DraftResolution
        );
        assert_eq!(
            "communication".parse::<DocKind>().unwrap().as_str(),
            "communication"
        );
        assert!("Other Kind".parse::<DocKind>().is_err());
    }
}
