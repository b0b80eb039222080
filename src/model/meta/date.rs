//! Dates of issue: ISO in JSON, "29 January 2016" as printed.

use std::fmt;
use std::str::FromStr;

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
            // The other official languages' forms: "29 janvier 2016", "29 de enero de
            // 2016", "29 января 2016 года", "2016年1月29日", "29 كانون الثاني/يناير 2016".
            _ => {
                let (y, m, d) = super::words::date(s)?;
                Date::new(y, m, d)
            }
        }
    }

    /// The date as a version in `lang` prints it: "29 janvier 2016", "29 de enero de 2016",
    /// "29 января 2016 года", "2016年1月29日", "29 كانون الثاني/يناير 2016"; English
    /// ("29 January 2016") for other languages.
    ///
    /// ```
    /// use undocs::model::{Date, Language};
    /// let d = Date::new(2016, 1, 29).unwrap();
    /// assert_eq!(d.to_printed_in(Language::SPANISH), "29 de enero de 2016");
    /// assert_eq!(Date::parse_printed(&d.to_printed_in(Language::CHINESE)), Some(d));
    /// ```
    pub fn to_printed_in(self, lang: super::Language) -> String {
        super::words::printed_date(self.year, self.month, self.day, lang)
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
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
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

string_serde!(Date, "Date", "An ISO 8601 calendar date.", "format": "date");
