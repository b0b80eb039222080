//! The masthead and metadata of a UN document: symbols, organ, distribution, date, languages,
//! session, agenda items, title, notes, job number. The printed-form parsers every reader
//! shares live beside their types: `date.rs`, `language.rs`, `session.rs`, `job.rs`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{Block, Inline, Symbol};

/// Serializes a type as its printed string and parses it back; with the schema feature, a
/// JSON Schema string with the given description and constraints.
macro_rules! string_serde {
    ($t:ty, $name:literal, $desc:literal $(, $key:literal : $val:expr)*) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <String as serde::Deserialize>::deserialize(d)?;
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

mod date;
mod job;
mod language;
mod session;
pub(crate) mod words;

pub use date::{Date, MONTHS};
pub use job::JobNumber;
pub use language::Language;
pub use session::Session;

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
    /// The principal organ as printed: "General Assembly", "Security Council"; on a treaty
    /// body's documents, the treaty the masthead prints in its place: "Convention on the
    /// Rights of the Child".
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
    /// "Original: English". The first when several are printed ("Original:
    /// English/French"); the others are in [`Meta::other_original_languages`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_language: Option<Language>,
    /// The original languages printed after the first, in order: French for "Original:
    /// English/French" (documents submitted in two languages, common in reports of
    /// 2008–2012). Empty for one original language.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_original_languages: Vec<Language>,
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
    /// The line under the title: "Report of the …", "Addendum", "Note by the Secretariat";
    /// a title block of several lines ("Part VI" / "Human rights and humanitarian affairs" /
    /// "Section 24" / "Human rights") keeps them apart with line feeds.
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
        // English, and the French and Spanish words ("Distr. générale", "Distr. limitada").
        words::distribution_word(t.trim())
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
            .or_else(|| words::doc_kind(&t))
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
    /// The original languages, in printed order: [`Meta::original_language`], then
    /// [`Meta::other_original_languages`].
    ///
    /// ```
    /// use undocs::model::{Language, Meta};
    /// let mut m = Meta::default();
    /// m.set("original_language", "English/French")?;
    /// assert_eq!(m.original_languages().collect::<Vec<_>>(), [Language::ENGLISH, Language::FRENCH]);
    /// # Ok::<(), undocs::Error>(())
    /// ```
    pub fn original_languages(&self) -> impl Iterator<Item = Language> + '_ {
        self.original_language
            .into_iter()
            .chain(self.other_original_languages.iter().copied())
    }

    /// Adds an original language after those already there (the first becomes
    /// [`Meta::original_language`]); one already there is not added again.
    pub(crate) fn add_original_language(&mut self, l: Language) {
        match self.original_language {
            None => self.original_language = Some(l),
            Some(first) if first == l || self.other_original_languages.contains(&l) => {}
            Some(_) => self.other_original_languages.push(l),
        }
    }

    /// Fills or overrides one field from a `key=value` pair, as `undocs convert --set` does.
    /// See [`SET_KEYS`]. `symbol` replaces the symbols (a trailing `*` sets `reissued`),
    /// `symbol2` adds a second one; `date` takes ISO or printed dates; languages take codes
    /// or names (`original_language` several, as printed: `English/French`);
    /// `agenda_item` adds an item written `6: Universal periodic review`; `sponsor` adds a
    /// sponsor.
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
            // "English/French": several originals, the first one first.
            "original_language" => {
                let all = v
                    .split('/')
                    .map(|part| lang(part.trim()))
                    .collect::<crate::Result<Vec<_>>>()?;
                self.original_language = None;
                self.other_original_languages.clear();
                for l in all {
                    self.add_original_language(l);
                }
            }
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
    use super::session::ordinal;
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
