//! Dates and times in Danish words: "tirsdag 1. december 2026", "kl. 9.30". The names come
//! from `locales/`, so they follow the page's language.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

use crate::i18n::t;

/// "mandag" … "søndag".
pub fn weekday_name(day: Weekday) -> String {
    match day {
        Weekday::Mon => t("weekday-mon"),
        Weekday::Tue => t("weekday-tue"),
        Weekday::Wed => t("weekday-wed"),
        Weekday::Thu => t("weekday-thu"),
        Weekday::Fri => t("weekday-fri"),
        Weekday::Sat => t("weekday-sat"),
        Weekday::Sun => t("weekday-sun"),
    }
}

/// "januar" … "december".
pub fn month_name(month: u32) -> String {
    match month {
        1 => t("month-1"),
        2 => t("month-2"),
        3 => t("month-3"),
        4 => t("month-4"),
        5 => t("month-5"),
        6 => t("month-6"),
        7 => t("month-7"),
        8 => t("month-8"),
        9 => t("month-9"),
        10 => t("month-10"),
        11 => t("month-11"),
        _ => t("month-12"),
    }
}

/// "1. december 2026".
pub fn date_text(date: NaiveDate) -> String {
    format!(
        "{}. {} {}",
        date.day(),
        month_name(date.month()),
        date.year()
    )
}

/// "tirsdag 1. december 2026".
pub fn long_date(date: NaiveDate) -> String {
    format!("{} {}", weekday_name(date.weekday()), date_text(date))
}

/// "9.30", the Danish way of writing a time.
pub fn time_text(time: NaiveTime) -> String {
    format!("{}.{:02}", time.hour(), time.minute())
}

/// "9.30–11.30".
pub fn time_span(start: NaiveTime, end: NaiveTime) -> String {
    format!("{}–{}", time_text(start), time_text(end))
}

/// "1. december 2026 kl. 9.30": a moment in Danish local time (on the server; pages render
/// there).
pub fn moment_text(at: chrono::DateTime<chrono::Utc>) -> String {
    #[cfg(feature = "ssr")]
    let local = at
        .with_timezone(&chrono_tz::Europe::Copenhagen)
        .naive_local();
    #[cfg(not(feature = "ssr"))]
    let local = at.naive_utc();
    format!(
        "{} kl. {}",
        date_text(local.date()),
        time_text(local.time())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_dates_and_times() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(long_date(date), "tirsdag 1. december 2026");
        let start = NaiveTime::from_hms_opt(9, 30, 0).unwrap();
        let end = NaiveTime::from_hms_opt(11, 5, 0).unwrap();
        assert_eq!(time_span(start, end), "9.30–11.05");
    }
}
