//! The session line of the masthead, and English ordinal words.

use serde::{Deserialize, Serialize};

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
        // The other official languages' forms: "Trente et unième session", "31er período de
        // sesiones", "Тридцать первая сессия", "الدورة الحادية والثلاثون", "第三十一届会议".
        if let Some((n, _)) = super::words::session(t) {
            return Some(Session {
                number: Some(n.to_string()),
                label: Some(t.to_string()),
                dates: None,
            });
        }
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

impl Session {
    /// The session's label as a version in `lang` prints it, from its number: "Thirty-first
    /// session", "Trente et unième session", "31er período de sesiones", "Тридцать первая
    /// сессия", "الدورة الحادية والثلاثون", "第三十一届会议" (English for other languages).
    /// `None` for a number that is not 1 to 100 ("S-8", "101").
    ///
    /// ```
    /// use undocs::model::{Language, Session};
    /// assert_eq!(Session::label_in(31, Language::FRENCH).as_deref(), Some("Trente et unième session"));
    /// ```
    pub fn label_in(number: u32, lang: super::Language) -> Option<String> {
        super::words::session_label(number, lang)
    }

    /// The label to print: the one printed on the source, else one made from the number in
    /// `lang`.
    pub fn printed_label(&self, lang: Option<super::Language>) -> Option<String> {
        self.label.clone().or_else(|| {
            let n = self.number.as_deref()?.parse().ok()?;
            Session::label_in(n, lang.unwrap_or(super::Language::ENGLISH))
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
    if w == "hundredth" {
        return Some(100);
    }
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
