//! Publication times as news data actually carries them.
//!
//! A feed gives a full timestamp, a scraped page often only a day, a CSV an
//! epoch in milliseconds. [`Published`] keeps what was known and no more: a
//! day stays a day, it is not invented into midnight UTC.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use std::fmt;

/// When an article was published, as precisely as the input said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Published {
    /// Only the calendar day is known.
    Day(NaiveDate),
    /// A point in time with the offset it was given in.
    Time(DateTime<FixedOffset>),
}

/// Epoch values above this are milliseconds, below it seconds (the cut is
/// the year 2286 in seconds, 1973 in milliseconds).
const EPOCH_MILLIS_CUT: i64 = 10_000_000_000;

impl Published {
    /// Parses the forms news data uses: `2024-08-12`, RFC 3339
    /// (`2024-08-12T09:30:00Z`), a naive `2017-09-15T00:00:00` or
    /// `2017-09-15 17:52:00` (read as UTC), RFC 2822 (feeds), a day written
    /// out (`August 12, 2024`, `Aug. 12, 2024`, `12 August 2024`,
    /// `2024/08/12`), and Unix epochs in seconds or milliseconds. Returns
    /// `None` for anything else, `12/08/2024` included: it is the 12th of
    /// August in some countries and the 8th of December in others.
    pub fn parse(input: &str) -> Option<Self> {
        let s = input.trim();
        if s.is_empty() {
            return None;
        }
        if let Ok(day) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return four_digit(day.year()).then_some(Self::Day(day));
        }
        if let Ok(time) = DateTime::parse_from_rfc3339(s) {
            return Some(Self::Time(time));
        }
        for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"] {
            if let Ok(naive) = NaiveDateTime::parse_from_str(s, format) {
                return four_digit(naive.year()).then(|| Self::Time(naive.and_utc().fixed_offset()));
            }
        }
        if let Ok(time) = DateTime::parse_from_rfc2822(s) {
            return Some(Self::Time(time));
        }
        if let Some(day) = written_day(s) {
            return Some(Self::Day(day));
        }
        if s.bytes().all(|b| b.is_ascii_digit()) && (9..=14).contains(&s.len()) {
            let value: i64 = s.parse().ok()?;
            return Self::from_epoch(value);
        }
        None
    }

    /// A Unix epoch in seconds or milliseconds (told apart by size).
    pub fn from_epoch(value: i64) -> Option<Self> {
        let time = if value.abs() >= EPOCH_MILLIS_CUT {
            Utc.timestamp_millis_opt(value).single()?
        } else {
            Utc.timestamp_opt(value, 0).single()?
        };
        Some(Self::Time(time.fixed_offset()))
    }

    /// The calendar day, in the offset the time was given in.
    pub fn day(&self) -> NaiveDate {
        match self {
            Self::Day(day) => *day,
            Self::Time(time) => time.date_naive(),
        }
    }

    /// Seconds since the Unix epoch; a bare day counts from its noon UTC, the
    /// middle of the day, so that it is at most twelve hours off.
    pub fn timestamp(&self) -> i64 {
        match self {
            Self::Day(day) => day.and_hms_opt(12, 0, 0).map_or(0, |t| t.and_utc().timestamp()),
            Self::Time(time) => time.timestamp(),
        }
    }
}

/// A day written out: the month by name (full, or three letters with or
/// without a full stop; any case) before or after the day, or the year
/// first with slashes. Only forms no reader takes for another day.
fn written_day(s: &str) -> Option<NaiveDate> {
    if let Ok(day) = NaiveDate::parse_from_str(s, "%Y/%m/%d") {
        return four_digit(day.year()).then_some(day);
    }
    let words: Vec<&str> = s.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).collect();
    let [a, b, c] = words[..] else { return None };
    let number = |w: &str| w.parse::<u32>().ok();
    let (month, day, year) = match (month_of(a), month_of(b)) {
        (Some(m), _) => (m, number(b)?, number(c)?),
        (None, Some(m)) => (m, number(a)?, number(c)?),
        _ => return None,
    };
    let year = i32::try_from(year).ok().filter(|&y| four_digit(y))?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The month (1 to 12) a word names in full or by its usual short form,
/// with or without the full stop ("March", "Dec", "Sept."), in any case.
pub fn month_of(word: &str) -> Option<u32> {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    let short = lower.len() == 3 || lower == "sept";
    let index = MONTHS.iter().position(|m| *m == lower || short && m.starts_with(&lower))?;
    Some(index as u32 + 1)
}

/// Whether a year has four digits: chrono's `%Y` reads any number of them,
/// and "12/08/20" or "12-08-20" is no date of the year 12.
fn four_digit(year: i32) -> bool {
    (1000..=9999).contains(&year)
}

/// The months' names in English, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

impl fmt::Display for Published {
    /// `2024-08-12` for a day, RFC 3339 for a time; [`Published::parse`]
    /// reads both back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Day(day) => write!(f, "{}", day.format("%Y-%m-%d")),
            Self::Time(time) => f.write_str(&time.to_rfc3339()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(input: &str) -> String {
        Published::parse(input).expect(input).to_string()
    }

    #[test]
    fn parses_the_forms_news_data_uses() {
        assert_eq!(round_trip("2024-08-12"), "2024-08-12");
        assert_eq!(round_trip("2024-08-12T09:30:00Z"), "2024-08-12T09:30:00+00:00");
        assert_eq!(round_trip("2017-09-15T00:00:00"), "2017-09-15T00:00:00+00:00");
        assert_eq!(round_trip("2017-09-15 17:52:00"), "2017-09-15T17:52:00+00:00");
        assert_eq!(round_trip("Mon, 10 Mar 2014 16:52:50 +0000"), "2014-03-10T16:52:50+00:00");
        // uci-headlines stores epoch milliseconds.
        assert_eq!(round_trip("1394470370698"), "2014-03-10T16:52:50.698+00:00");
        assert_eq!(round_trip("1394470370"), "2014-03-10T16:52:50+00:00");
        for written in
            ["August 12, 2024", "Aug. 12, 2024", "aug 12 2024", "12 August 2024", "2024/08/12", "Sept. 12, 2024"]
        {
            let month = if written.starts_with("Sept") { "09" } else { "08" };
            assert_eq!(round_trip(written), format!("2024-{month}-12"), "{written}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_time() {
        for input in
            ["", "   ", "yesterday", "2024-13-01", "12", "2024/08/12x", "12/08/2024", "February 30, 2024", "May 5"]
        {
            assert_eq!(Published::parse(input), None, "{input:?}");
        }
    }

    #[test]
    fn a_day_is_kept_as_a_day() {
        let day = Published::parse("2024-08-11").unwrap();
        assert_eq!(day.day().to_string(), "2024-08-11");
        assert_eq!(day.timestamp(), 1_723_377_600);
    }

    #[test]
    fn display_round_trips() {
        for input in ["2024-08-12", "2024-08-12T09:30:00+02:00"] {
            let once = round_trip(input);
            assert_eq!(round_trip(&once), once);
        }
    }
}
