//! Dates and times in the page's language: "tirsdag 1. december 2026" and "kl. 9.30" in
//! Danish, "Tuesday, 1 December 2026" and "9:30" in English, the Arabic month and day names
//! with Western digits. The names and the order come from CLDR through ICU4X (`icu`), and the
//! words around them ("kl.") from `locales/`.
//!
//! Pages render on the server, so ICU4X and its data are a server dependency; the browser's
//! build (islands only, none of which shows a date) gets ISO dates in their place.

use chrono::{NaiveDate, NaiveTime, Weekday};

use crate::i18n::{lang, Lang};

/// "mandag" … "søndag", standing alone.
pub fn weekday_name(day: Weekday) -> String {
    lang_weekday_name(lang(), day)
}

/// "januar" … "december", standing alone.
pub fn month_name(month: u32) -> String {
    lang_month_name(lang(), month)
}

/// "1. december 2026".
pub fn date_text(date: NaiveDate) -> String {
    lang_date_text(lang(), date)
}

/// "tirsdag 1. december 2026".
pub fn long_date(date: NaiveDate) -> String {
    lang_long_date(lang(), date)
}

/// "december 2026".
pub fn month_and_year(year: i32, month: u32) -> String {
    lang_month_and_year(lang(), year, month)
}

/// "9.30".
pub fn time_text(time: NaiveTime) -> String {
    lang_time_text(lang(), time)
}

/// "9.30–11.30".
pub fn time_span(start: NaiveTime, end: NaiveTime) -> String {
    lang_time_span(lang(), start, end)
}

/// "1. december 2026 kl. 9.30": a moment in Danish local time (on the server; pages render
/// there).
pub fn moment_text(at: chrono::DateTime<chrono::Utc>) -> String {
    lang_moment_text(lang(), at)
}

/// "tirsdag 1. december 2026, 9.30–11.30": when a date is, in `lang`. In Arabic the date and
/// the times are isolated from each other (Fluent's marks), so each keeps its own order.
pub fn lang_when(lang: Lang, date: NaiveDate, start: NaiveTime, end: NaiveTime) -> String {
    lang_day_and_time(
        lang,
        lang_long_date(lang, date),
        lang_time_span(lang, start, end),
    )
}

/// [`lang_when`] in the page's language.
pub fn when(date: NaiveDate, start: NaiveTime, end: NaiveTime) -> String {
    lang_when(lang(), date, start, end)
}

/// A day (or a rule of days, "Hver tirsdag") and a time, in `lang`.
pub fn lang_day_and_time(lang: Lang, day: String, time: String) -> String {
    lang.text_with("date-and-time", &[("date", day), ("time", time)])
}

/// Names in a list, "tirsdag, onsdag og torsdag", with the language's own "and".
pub fn and_list(lang: Lang, items: &[String]) -> String {
    #[cfg(feature = "ssr")]
    {
        icu_backed::and_list(lang, items)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = lang;
        items.join(", ")
    }
}

/// "9.30–11.30" in `lang`.
pub fn lang_time_span(lang: Lang, start: NaiveTime, end: NaiveTime) -> String {
    format!(
        "{}–{}",
        lang_time_text(lang, start),
        lang_time_text(lang, end)
    )
}

/// "1. december 2026 kl. 9.30" in `lang`.
pub fn lang_moment_text(lang: Lang, at: chrono::DateTime<chrono::Utc>) -> String {
    #[cfg(feature = "ssr")]
    let local = at
        .with_timezone(&chrono_tz::Europe::Copenhagen)
        .naive_local();
    #[cfg(not(feature = "ssr"))]
    let local = at.naive_utc();
    lang.text_with(
        "date-at-time",
        &[
            ("date", lang_date_text(lang, local.date())),
            ("time", lang_time_text(lang, local.time())),
        ],
    )
}

#[cfg(feature = "ssr")]
pub use icu_backed::{
    lang_date_text, lang_long_date, lang_month_and_year, lang_month_name, lang_time_text,
    lang_weekday_name,
};

#[cfg(feature = "ssr")]
mod icu_backed {
    //! The formatters, made once per language and kind of date.

    use std::sync::LazyLock;

    use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};
    use icu::{
        calendar::{Date, Gregorian},
        datetime::{fieldsets, input::Time, FixedCalendarDateTimeFormatter},
        list::{options::ListFormatterOptions, ListFormatter},
        locale::Locale,
    };

    use crate::i18n::Lang;

    type Formatter<F> = FixedCalendarDateTimeFormatter<Gregorian, F>;

    /// One language's formatters. The Gregorian calendar always: the site's dates are Danish
    /// dates, whatever calendar a language's region uses by default.
    struct Formatters {
        long_date: Formatter<fieldsets::YMDE>,
        date: Formatter<fieldsets::YMD>,
        month_and_year: Formatter<fieldsets::YM>,
        month: Formatter<fieldsets::M>,
        weekday: Formatter<fieldsets::E>,
        time: Formatter<fieldsets::T>,
        and: ListFormatter,
    }

    impl Formatters {
        fn new(lang: Lang) -> Self {
            let locale: Locale = lang.date_locale().parse().expect("a valid locale");
            let prefs = || (&locale).into();
            Formatters {
                long_date: built_in(
                    lang,
                    "long date",
                    Formatter::try_new(prefs(), fieldsets::YMDE::long()),
                ),
                date: built_in(
                    lang,
                    "date",
                    Formatter::try_new(prefs(), fieldsets::YMD::long()),
                ),
                month_and_year: built_in(
                    lang,
                    "month",
                    Formatter::try_new(prefs(), fieldsets::YM::long()),
                ),
                month: built_in(
                    lang,
                    "month",
                    Formatter::try_new(prefs(), fieldsets::M::long()),
                ),
                weekday: built_in(
                    lang,
                    "weekday",
                    Formatter::try_new(prefs(), fieldsets::E::long()),
                ),
                time: built_in(
                    lang,
                    "time",
                    Formatter::try_new(prefs(), fieldsets::T::hm()),
                ),
                and: built_in(
                    lang,
                    "list",
                    ListFormatter::try_new_and((&locale).into(), ListFormatterOptions::default()),
                ),
            }
        }
    }

    /// A formatter from the data built into ICU4X, which has every language of the site (the
    /// dates tests make each of them).
    fn built_in<T, E: std::fmt::Debug>(lang: Lang, what: &str, made: Result<T, E>) -> T {
        made.unwrap_or_else(|err| panic!("ICU4X has no {what} for {}: {err:?}", lang.code()))
    }

    static FORMATTERS: LazyLock<Vec<Formatters>> =
        LazyLock::new(|| Lang::all().map(Formatters::new).collect());

    fn formatters(lang: Lang) -> &'static Formatters {
        let index = Lang::all().position(|each| each == lang).unwrap_or(0);
        &FORMATTERS[index]
    }

    fn icu_date(date: NaiveDate) -> Date<Gregorian> {
        // Every chrono date is within ICU4X's range, which is far wider than the site's.
        Date::try_new_gregorian(date.year(), date.month() as u8, date.day() as u8)
            .unwrap_or_else(|_| Date::try_new_gregorian(2000, 1, 1).expect("a valid date"))
    }

    /// Any day in `month` of a year, for the names of months.
    fn in_month(month: u32) -> Date<Gregorian> {
        icu_date(NaiveDate::from_ymd_opt(2026, month.clamp(1, 12), 1).expect("a valid date"))
    }

    pub fn lang_weekday_name(lang: Lang, day: Weekday) -> String {
        // 5 January 2026 is a Monday.
        let monday = NaiveDate::from_ymd_opt(2026, 1, 5).expect("a valid date");
        let date = monday + chrono::Days::new(u64::from(day.num_days_from_monday()));
        formatters(lang).weekday.format(&icu_date(date)).to_string()
    }

    pub fn lang_month_name(lang: Lang, month: u32) -> String {
        formatters(lang).month.format(&in_month(month)).to_string()
    }

    pub fn lang_date_text(lang: Lang, date: NaiveDate) -> String {
        formatters(lang).date.format(&icu_date(date)).to_string()
    }

    pub fn lang_long_date(lang: Lang, date: NaiveDate) -> String {
        formatters(lang)
            .long_date
            .format(&icu_date(date))
            .to_string()
    }

    pub fn lang_month_and_year(lang: Lang, year: i32, month: u32) -> String {
        let date = NaiveDate::from_ymd_opt(year, month.clamp(1, 12), 1)
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(2000, 1, 1).expect("a valid date"));
        formatters(lang)
            .month_and_year
            .format(&icu_date(date))
            .to_string()
    }

    /// The time of day on a 24-hour clock, without a leading zero ("9.30", "9:30"): CLDR pads
    /// the hour in Danish and British English, where a time in running text is written
    /// without it.
    pub fn lang_time_text(lang: Lang, time: NaiveTime) -> String {
        let time = Time::try_new(time.hour() as u8, time.minute() as u8, 0, 0)
            .unwrap_or_else(|_| Time::try_new(0, 0, 0, 0).expect("midnight"));
        let text = formatters(lang).time.format(&time).to_string();
        match text.strip_prefix('0') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest.to_owned(),
            _ => text,
        }
    }

    pub fn and_list(lang: Lang, items: &[String]) -> String {
        formatters(lang)
            .and
            .format_to_string(items.iter().map(String::as_str))
    }
}

#[cfg(not(feature = "ssr"))]
pub use iso::{
    lang_date_text, lang_long_date, lang_month_and_year, lang_month_name, lang_time_text,
    lang_weekday_name,
};

#[cfg(not(feature = "ssr"))]
mod iso {
    //! The browser's build: no island shows a date, so ISO forms stand in for the names.

    use chrono::{NaiveDate, NaiveTime, Weekday};

    use crate::i18n::Lang;

    pub fn lang_weekday_name(_: Lang, day: Weekday) -> String {
        day.to_string()
    }

    pub fn lang_month_name(_: Lang, month: u32) -> String {
        month.to_string()
    }

    pub fn lang_date_text(_: Lang, date: NaiveDate) -> String {
        date.to_string()
    }

    pub fn lang_long_date(_: Lang, date: NaiveDate) -> String {
        date.to_string()
    }

    pub fn lang_month_and_year(_: Lang, year: i32, month: u32) -> String {
        format!("{year}-{month:02}")
    }

    pub fn lang_time_text(_: Lang, time: NaiveTime) -> String {
        time.format("%H:%M").to_string()
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 3).unwrap()
    }

    #[test]
    fn danish_dates_and_times() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(lang_long_date(Lang::DA, date), "tirsdag 1. december 2026");
        let start = NaiveTime::from_hms_opt(9, 30, 0).unwrap();
        let end = NaiveTime::from_hms_opt(11, 5, 0).unwrap();
        assert_eq!(lang_time_span(Lang::DA, start, end), "9.30–11.05");
        assert_eq!(lang_month_and_year(Lang::DA, 2026, 12), "december 2026");
    }

    #[test]
    fn english_dates_and_times() {
        assert_eq!(lang_long_date(Lang::EN, date()), "Tuesday, 3 March 2026");
        let time = NaiveTime::from_hms_opt(9, 30, 0).unwrap();
        assert_eq!(lang_time_text(Lang::EN, time), "9:30");
        let evening = NaiveTime::from_hms_opt(17, 45, 0).unwrap();
        assert_eq!(lang_time_text(Lang::EN, evening), "17:45");
    }

    #[test]
    fn arabic_names_with_western_digits() {
        let text = lang_long_date(Lang::AR, date());
        assert!(text.contains("مارس"), "{text}");
        assert!(text.contains("الثلاثاء"), "{text}");
        assert!(text.contains('3') && text.contains("2026"), "{text}");
        let time = lang_time_text(Lang::AR, NaiveTime::from_hms_opt(17, 45, 0).unwrap());
        assert!(time.contains("17") && time.contains("45"), "{time}");
        assert!(
            !time.chars().any(|c| ('\u{0660}'..='\u{0669}').contains(&c)),
            "{time}"
        );
    }

    #[test]
    fn lists_use_the_languages_and() {
        let days = ["tirsdag".to_owned(), "torsdag".to_owned()];
        assert_eq!(and_list(Lang::DA, &days), "tirsdag og torsdag");
        let days = ["Tuesday".to_owned(), "Thursday".to_owned()];
        assert_eq!(and_list(Lang::EN, &days), "Tuesday and Thursday");
    }
}
