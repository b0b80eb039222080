//! Job numbers as printed at the foot of the first page.

use std::fmt;
use std::str::FromStr;

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
    /// `GE.25-02819 (E)    210325 210325` gives `GE.25-02819 (E)`; the letter may follow
    /// without a space.
    ///
    /// ```
    /// use undocs::model::JobNumber;
    /// let j = JobNumber::parse_prefix("GE.25-02819 (E)    210325 210325").unwrap();
    /// assert_eq!(j.to_string(), "GE.25-02819 (E)");
    /// let j = JobNumber::parse_prefix("GE.16-01234(E)").unwrap();
    /// assert_eq!(j.to_string(), "GE.16-01234 (E)");
    /// assert!(JobNumber::parse_prefix("Please recycle").is_none());
    /// // A colon printed for the full stop.
    /// let j = JobNumber::parse_prefix("GE:09-17825").unwrap();
    /// assert_eq!(j.to_string(), "GE.09-17825");
    /// ```
    pub fn parse_prefix(line: &str) -> Option<JobNumber> {
        let mut words = line.split_whitespace();
        let first = words.next()?;
        // (Every job number has a hyphen in its first word: most lines have none.)
        if !first.contains('-') {
            return None;
        }
        // "GE.16-01234(E)": the letter printed without a space.
        if let Some(at) = first.len().checked_sub(3)
            && first.is_char_boundary(at)
            && first[at..].starts_with('(')
            && first.ends_with(')')
        {
            return format!("{} {}", &first[..at], &first[at..]).parse().ok();
        }
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
        // (Some pages print a colon for the full stop: "GE:09-17825".)
        let (office, rest) = match main.split_once(['.', ':']) {
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
