//! Numbers and dates read from an address (`?side=3`, `/personale/aktiviteter/{id}`,
//! `?maaned=2026-12`, `?uge=2026-W49`, `/aktiviteter/{slug}/{date}`, `?dato=`): each is read
//! into a bounded type here, so nothing a visitor types can overflow, panic or ask for
//! unbounded work. A value that does not read, or falls outside its bounds, names nothing, and
//! the page answers with the Danish 404.

use std::{fmt, str::FromStr};

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// A whole number in `MIN..=MAX`, read from an address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Bounded<const MIN: i64, const MAX: i64>(i64);

/// A page of a list (`?side=`): 1 to 10 000, far more than any list here has.
pub type PageNumber = Bounded<1, 10_000>;

/// A row's id in an address: a positive number.
pub type Id = Bounded<1, { i64::MAX }>;

/// A year of the figures (`?aar=`): the records a site keeps lie within 2000–2100.
pub type Year = Bounded<2000, 2100>;

/// A quarter of a year (`?kvartal=`).
pub type Quarter = Bounded<1, 4>;

impl<const MIN: i64, const MAX: i64> Bounded<MIN, MAX> {
    /// The number, if it is within the bounds.
    pub fn new(value: i64) -> Option<Self> {
        (MIN..=MAX).contains(&value).then_some(Self(value))
    }

    /// The smallest value, e.g. the first page.
    pub fn first() -> Self {
        Self(MIN)
    }

    /// The largest value.
    pub fn last() -> Self {
        Self(MAX)
    }

    pub fn get(self) -> i64 {
        self.0
    }

    /// Reads a number written in digits (an optional sign, no spaces), within the bounds.
    pub fn parse(text: &str) -> Option<Self> {
        text.parse::<i64>().ok().and_then(Self::new)
    }
}

/// A number outside its bounds, or not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfBounds;

impl fmt::Display for OutOfBounds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a number within its bounds")
    }
}

impl std::error::Error for OutOfBounds {}

impl<const MIN: i64, const MAX: i64> FromStr for Bounded<MIN, MAX> {
    type Err = OutOfBounds;

    fn from_str(text: &str) -> Result<Self, OutOfBounds> {
        Self::parse(text).ok_or(OutOfBounds)
    }
}

impl<const MIN: i64, const MAX: i64> fmt::Display for Bounded<MIN, MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<const MIN: i64, const MAX: i64> Serialize for Bounded<MIN, MAX> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

/// Read as a number, so address parameters (`Params<Id>`) and server functions' arguments
/// refuse what is out of bounds before a handler sees it.
impl<'de, const MIN: i64, const MAX: i64> Deserialize<'de> for Bounded<MIN, MAX> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = i64::deserialize(deserializer)?;
        Self::new(value).ok_or_else(|| {
            de::Error::invalid_value(de::Unexpected::Signed(value), &"a number within its bounds")
        })
    }
}

/// What a query's text field holds: the text trimmed, or `None` when it is missing or blank.
pub fn given(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .map(str::to_owned)
}

/// How many years either side of today an address may name a date in.
pub const WINDOW_YEARS: u32 = 5;

/// The dates an address may name: [`WINDOW_YEARS`] years either side of today. Every month,
/// week and date in an address is read through this, so no request can ask for the calendar
/// of the year 9999 (or 262143, chrono's last year, where a week's arithmetic would overflow).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateWindow {
    first: NaiveDate,
    last: NaiveDate,
}

/// A month named by an address: its first and last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthPeriod {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// An ISO week named by an address: its year and number, Monday and Sunday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekPeriod {
    pub year: i32,
    pub week: u32,
    pub monday: NaiveDate,
    pub sunday: NaiveDate,
}

impl DateWindow {
    /// The window around `today`.
    pub fn around(today: NaiveDate) -> Self {
        let span = Months::new(12 * WINDOW_YEARS);
        Self {
            first: today.checked_sub_months(span).unwrap_or(NaiveDate::MIN),
            last: today.checked_add_months(span).unwrap_or(NaiveDate::MAX),
        }
    }

    /// The days `first` to `last` (the figures' periods use it for the years they cover).
    pub fn between(first: NaiveDate, last: NaiveDate) -> Self {
        Self { first, last }
    }

    /// The window around today in Denmark.
    #[cfg(feature = "ssr")]
    pub fn today() -> Self {
        Self::around(crate::clock::today())
    }

    pub fn first(&self) -> NaiveDate {
        self.first
    }

    pub fn last(&self) -> NaiveDate {
        self.last
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        (self.first..=self.last).contains(&date)
    }

    /// Whether a period `from..=to` has at least one day in the window, so the month and the
    /// week that hold the window's first and last day can be shown whole.
    pub fn touches(&self, from: NaiveDate, to: NaiveDate) -> bool {
        from <= self.last && to >= self.first
    }

    /// A date written `YYYY-MM-DD`, inside the window.
    pub fn date(&self, text: &str) -> Option<NaiveDate> {
        parse_date(text).filter(|date| self.contains(*date))
    }

    /// A month written `YYYY-MM` that touches the window.
    pub fn month(&self, text: &str) -> Option<MonthPeriod> {
        let (year, month) = split_year(text, '-')?;
        let first = NaiveDate::from_ymd_opt(year, number(month, 2)?, 1)?;
        let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
        self.touches(first, last)
            .then_some(MonthPeriod { first, last })
    }

    /// An ISO week written `YYYY-Wnn` (or `YYYY-nn`) that touches the window. chrono's checked
    /// constructors refuse week 53 of a year that has 52.
    pub fn week(&self, text: &str) -> Option<WeekPeriod> {
        let (year, week) = split_year(text, '-')?;
        let week = number(week.strip_prefix('W').unwrap_or(week), 2)?;
        let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
        let sunday = monday.checked_add_days(Days::new(6))?;
        self.touches(monday, sunday).then_some(WeekPeriod {
            year: monday.iso_week().year(),
            week: monday.iso_week().week(),
            monday,
            sunday,
        })
    }
}

/// A date written as the site writes it, `YYYY-MM-DD` (no sign, no spaces, zero-padded), for
/// the places that read a date before they know the window (a page in the browser build); the
/// server checks it against the window.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let (year, rest) = split_year(text, '-')?;
    let (month, day) = rest.split_once('-')?;
    NaiveDate::from_ymd_opt(year, number(month, 2)?, number(day, 2)?)
}

/// A four-digit year, the separator and the rest.
fn split_year(text: &str, separator: char) -> Option<(i32, &str)> {
    let (year, rest) = text.split_once(separator)?;
    Some((number(year, 4)? as i32, rest))
}

/// A number of exactly `digits` ASCII digits (zero-padded; no sign, no spaces).
fn number(text: &str, digits: usize) -> Option<u32> {
    let plain = text.len() == digits && text.bytes().all(|b| b.is_ascii_digit());
    plain.then(|| text.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn page_numbers_and_ids_stay_within_their_bounds() {
        assert_eq!(PageNumber::parse("1").map(PageNumber::get), Some(1));
        assert_eq!(
            PageNumber::parse("10000").map(PageNumber::get),
            Some(10_000)
        );
        for bad in [
            "0",
            "-1",
            "10001",
            "9223372036854775807",
            "99999999999999999999",
            "",
            "1.5",
            "en",
            " 2",
        ] {
            assert_eq!(PageNumber::parse(bad), None, "{bad:?}");
        }
        assert_eq!(
            Id::parse("9223372036854775807").map(Id::get),
            Some(i64::MAX)
        );
        assert_eq!(Id::parse("0"), None);
        assert_eq!(Id::parse("-5"), None);
        assert_eq!(Id::parse("9223372036854775808"), None);
        assert_eq!(PageNumber::first().get(), 1);
    }

    #[test]
    fn bounded_numbers_refuse_out_of_bounds_values_when_deserialized() {
        #[derive(Deserialize)]
        struct Query {
            side: PageNumber,
        }
        let read =
            |text: &str| serde_html_form::from_str::<Query>(text).map(|query| query.side.get());
        assert_eq!(read("side=3").ok(), Some(3));
        assert!(read("side=0").is_err());
        assert!(read("side=9223372036854775807").is_err());
        assert!(read("side=tre").is_err());
    }

    #[test]
    fn the_figures_years_bound_their_dates() {
        let window = DateWindow::between(date(2000, 1, 1), date(2100, 12, 31));
        assert_eq!(window.date("2000-01-01"), Some(date(2000, 1, 1)));
        assert_eq!(window.date("2100-12-31"), Some(date(2100, 12, 31)));
        assert_eq!(window.date("1999-12-31"), None);
        assert_eq!(window.date("2101-01-01"), None);
        assert_eq!(Year::parse("2026").map(Year::get), Some(2026));
        assert_eq!(Year::parse("1999"), None);
        assert_eq!(Quarter::parse("4").map(Quarter::get), Some(4));
        assert_eq!(Quarter::parse("5"), None);
    }

    #[test]
    fn the_window_is_five_years_either_side_of_today() {
        let window = DateWindow::around(date(2026, 12, 2));
        assert_eq!(window.first(), date(2021, 12, 2));
        assert_eq!(window.last(), date(2031, 12, 2));
        assert_eq!(window.date("2031-12-02"), Some(date(2031, 12, 2)));
        assert_eq!(window.date("2021-12-02"), Some(date(2021, 12, 2)));
        assert_eq!(parse_date("2040-01-31"), Some(date(2040, 1, 31)));
        assert_eq!(parse_date("+2026-12-01"), None);
        for bad in [
            "2031-12-03",
            "2021-12-01",
            "9999-12-31",
            "0001-01-01",
            "262143-12-31",
            "-262144-01-01",
            "2026-02-30",
            "2026-13-01",
            "2026-1-1x",
            "2026-12-1",
            "2026-1-01",
            "26-12-01",
            "+2026-01-01",
            "2026-12",
            "i dag",
            "",
        ] {
            assert_eq!(window.date(bad), None, "{bad:?}");
        }
        // 29 February five years on becomes 28 February; chrono's ends do not overflow.
        let leap = DateWindow::around(date(2028, 2, 29));
        assert_eq!(leap.last(), date(2033, 2, 28));
        assert_eq!(DateWindow::around(NaiveDate::MAX).last(), NaiveDate::MAX);
        assert_eq!(DateWindow::around(NaiveDate::MIN).first(), NaiveDate::MIN);
    }

    #[test]
    fn months_that_touch_the_window_are_whole() {
        let window = DateWindow::around(date(2026, 12, 2));
        assert_eq!(
            window.month("2031-12"),
            Some(MonthPeriod {
                first: date(2031, 12, 1),
                last: date(2031, 12, 31)
            })
        );
        assert_eq!(
            window.month("2021-12").map(|m| m.first),
            Some(date(2021, 12, 1))
        );
        assert_eq!(
            window.month("2027-02").map(|m| m.last),
            Some(date(2027, 2, 28))
        );
        for bad in [
            "2032-01",
            "2021-11",
            "9999-12",
            "262143-12",
            "2026-13",
            "2026-00",
            "2026",
            "-2026-01",
            "2026-1x",
            "2026-1",
        ] {
            assert_eq!(window.month(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn weeks_are_read_with_chronos_checked_constructors() {
        let window = DateWindow::around(date(2026, 12, 2));
        assert_eq!(
            window.week("2026-W49"),
            Some(WeekPeriod {
                year: 2026,
                week: 49,
                monday: date(2026, 11, 30),
                sunday: date(2026, 12, 6)
            })
        );
        assert_eq!(window.week("2026-49").map(|w| w.week), Some(49));
        assert_eq!(window.week("2026-W09").map(|w| w.week), Some(9));
        // 2026 has 53 ISO weeks, 2027 has 52.
        assert_eq!(
            window.week("2026-W53").map(|w| w.monday),
            Some(date(2026, 12, 28))
        );
        assert_eq!(window.week("2027-W53"), None);
        // The edges: the week holding 2 December 2031 (week 49) and 2 December 2021 (week 48).
        assert_eq!(
            window.week("2031-W49").map(|w| w.monday),
            Some(date(2031, 12, 1))
        );
        assert_eq!(window.week("2031-W50"), None);
        assert_eq!(
            window.week("2021-W48").map(|w| w.sunday),
            Some(date(2021, 12, 5))
        );
        assert_eq!(window.week("2021-W47"), None);
        for bad in [
            "262143-W01",
            "262143-W52",
            "9999-W01",
            "2026-W00",
            "2026-W54",
            "2026-W",
            "2026-W9",
            "uge",
            "",
        ] {
            assert_eq!(window.week(bad), None, "{bad:?}");
        }
        // Even a window at chrono's very end never overflows while reading a week.
        let end = DateWindow::around(NaiveDate::MAX);
        assert_eq!(end.week("9999-W01").map(|w| w.week), None);
    }
}
