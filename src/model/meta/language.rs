//! Languages: ISO 639 codes, English names and endonyms, job-number letters.

use std::fmt;
use std::str::FromStr;

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

    /// The language's own name for itself: "Français", "Русский".
    pub fn endonym(self) -> &'static str {
        self.row().3
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
        // (`t` lowercased once; a name in ASCII compared with it byte by byte: the masthead
        // reader asks about whole lines, and lowercasing each for each name was the cost.)
        let folded = t.to_lowercase();
        let same = |x: &str| {
            if x.is_ascii() {
                x.len() == folded.len()
                    && x.bytes()
                        .zip(folded.bytes())
                        .all(|(a, b)| a.to_ascii_lowercase() == b)
            } else {
                x.to_lowercase() == folded
            }
        };
        Language::all().find(|l| {
            let (a, b, n, e, _) = l.row();
            [a, b, n, e]
                .iter()
                .any(|x| x.eq_ignore_ascii_case(t) || same(x))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The lowercasing every name for every comparison did, as the reference.
    fn by_lowercasing_all(s: &str) -> Option<Language> {
        let t = s.trim();
        Language::all().find(|l| {
            let (a, b, n, e, _) = l.row();
            [a, b, n, e]
                .iter()
                .any(|x| x.eq_ignore_ascii_case(t) || x.to_lowercase() == t.to_lowercase())
        })
    }

    #[test]
    fn names_are_found_in_any_case_and_other_lines_are_not() {
        for (s, code) in [
            ("French", Some("fr")),
            ("FRENCH", Some("fr")),
            ("français", Some("fr")),
            ("FRANÇAIS", Some("fr")),
            ("  Español ", Some("es")),
            ("ESPAÑOL", Some("es")),
            ("РУССКИЙ", Some("ru")),
            ("русский", Some("ru")),
            ("ΕΛΛΗΝΙΚΆ", Some("el")),
            ("eng", Some("en")),
            ("ZH", Some("zh")),
            ("中文", Some("zh")),
            ("bahasa indonesia", Some("id")),
            ("Englis", None),
            ("English and French", None),
            ("", None),
            ("İ", None),
        ] {
            assert_eq!(Language::from_name(s).map(|l| l.code()), code, "{s}");
            assert_eq!(Language::from_name(s), by_lowercasing_all(s), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn finds_what_lowercasing_every_name_finds(s in "\\PC{0,12}") {
            proptest::prop_assert_eq!(Language::from_name(&s), by_lowercasing_all(&s));
        }

        #[test]
        fn finds_every_name_in_every_case(i in 0usize..24, k in 0usize..4, upper: bool) {
            let l = Language::all().nth(i).unwrap();
            let (a, b, n, e, _) = l.row();
            let name = [a, b, n, e][k];
            let s = if upper { name.to_uppercase() } else { name.to_lowercase() };
            proptest::prop_assert_eq!(Language::from_name(&s), by_lowercasing_all(&s));
            proptest::prop_assert_eq!(Language::from_name(&name.to_lowercase()), Some(l));
        }
    }
}
