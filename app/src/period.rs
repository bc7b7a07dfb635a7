//! The base every figure stands on: a period (a year, a quarter, a month or two chosen dates)
//! with its first and last day, the one reader of a period from an address (`?aar=`,
//! `?kvartal=`, `?maaned=`, `?fra=&til=`), and the years a period form offers. The activity
//! figures, the visitor figures and the report all count over a [`Period`].

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::{
    address::{given, DateWindow, Quarter, Year},
    dates::{date_text, month_and_year},
};

/// Whole days, both ends included.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub kind: PeriodKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PeriodKind {
    Year,
    Quarter,
    Month,
    Chosen,
}

/// The longest period one may choose, in days: ten years.
pub const LONGEST_PERIOD: i64 = 3660;

impl Period {
    /// The year `year`: the one place a year's first and last day are worked out.
    pub fn year(year: i32) -> Option<Self> {
        Some(Period {
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(year, 12, 31)?,
            kind: PeriodKind::Year,
        })
    }

    /// Quarter `quarter` (1 to 4) of `year`.
    pub fn quarter(year: i32, quarter: u32) -> Option<Self> {
        if !(1..=4).contains(&quarter) {
            return None;
        }
        Self::months_from(year, quarter * 3 - 2, 3, PeriodKind::Quarter)
    }

    /// Month `month` (1 to 12) of `year`.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        Self::months_from(year, month, 1, PeriodKind::Month)
    }

    /// The month `date` lies in.
    pub fn month_of(date: NaiveDate) -> Option<Self> {
        Self::month(date.year(), date.month())
    }

    /// `count` whole months from month `month` of `year`.
    fn months_from(year: i32, month: u32, count: u32, kind: PeriodKind) -> Option<Self> {
        let from = NaiveDate::from_ymd_opt(year, month, 1)?;
        let to = from.checked_add_months(Months::new(count))?.pred_opt()?;
        Some(Period { from, to, kind })
    }

    /// The days `from` to `to`, as someone chose them: `to` not before `from`, and at most
    /// [`LONGEST_PERIOD`] days apart. Otherwise the message key of what is wrong.
    pub fn chosen(from: NaiveDate, to: NaiveDate) -> Result<Self, &'static str> {
        if from > to {
            Err("period-to-before-from")
        } else if (to - from).num_days() > LONGEST_PERIOD {
            Err("period-too-long")
        } else {
            Ok(Period {
                from,
                to,
                kind: PeriodKind::Chosen,
            })
        }
    }

    /// The year the period begins in.
    pub fn year_number(&self) -> i32 {
        self.from.year()
    }

    /// The same period one year earlier (29 February becomes 28 February).
    pub fn previous_year(&self) -> Self {
        let back = |date: NaiveDate| date.checked_sub_months(Months::new(12)).unwrap_or(date);
        let (from, to) = match self.kind {
            // Whole years, quarters and months stay whole (a quarter ending 29 February has
            // none).
            PeriodKind::Year | PeriodKind::Quarter | PeriodKind::Month => {
                let from = back(self.from);
                let to = back(self.to.succ_opt().unwrap_or(self.to))
                    .pred_opt()
                    .unwrap_or(self.to);
                (from, to)
            }
            PeriodKind::Chosen => (back(self.from), back(self.to)),
        };
        Period {
            from,
            to,
            kind: self.kind,
        }
    }

    /// The whole months inside the period, in order.
    pub fn months(&self) -> Vec<Period> {
        let mut months = Vec::new();
        let mut next = Self::month_of(self.from);
        while let Some(month) = next {
            if month.from > self.to {
                break;
            }
            next = month.to.succ_opt().and_then(Self::month_of);
            if month.from >= self.from && month.to <= self.to {
                months.push(month);
            }
        }
        months
    }

    /// The period in Danish words, to follow "I": "2026", "3. kvartal 2026", "marts 2026",
    /// "perioden 1. marts 2026 til 31. maj 2026".
    pub fn label(&self) -> String {
        match self.kind {
            PeriodKind::Year => self.from.year().to_string(),
            PeriodKind::Quarter => crate::i18n::t_with(
                "figures-quarter-label",
                &[
                    ("quarter", self.quarter_number().to_string()),
                    ("year", self.from.year().to_string()),
                ],
            ),
            PeriodKind::Month => month_and_year(self.from.year(), self.from.month()),
            PeriodKind::Chosen => crate::i18n::t_with(
                "figures-chosen-label",
                &[("from", date_text(self.from)), ("to", date_text(self.to))],
            ),
        }
    }

    /// The quarter (1 to 4) the period begins in.
    pub fn quarter_number(&self) -> u32 {
        self.from.month0() / 3 + 1
    }

    /// The moments the period begins and ends (its first day's start and the start of the day
    /// after its last) in Danish time, as UTC.
    #[cfg(feature = "ssr")]
    pub fn utc_bounds(&self) -> (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>) {
        use chrono::TimeZone;
        let start = |date: NaiveDate| {
            chrono_tz::Europe::Copenhagen
                .from_local_datetime(&date.and_time(chrono::NaiveTime::MIN))
                .earliest()
                .map(|at| at.with_timezone(&chrono::Utc))
                .unwrap_or_else(|| date.and_time(chrono::NaiveTime::MIN).and_utc())
        };
        let after = self.to.succ_opt().unwrap_or(self.to);
        (start(self.from), start(after))
    }

    /// The period's query string, for links to the CSV files and the report.
    pub fn query(&self) -> String {
        let year = self.from.year();
        match self.kind {
            PeriodKind::Year => format!("aar={year}"),
            PeriodKind::Quarter => format!("aar={year}&kvartal={}", self.quarter_number()),
            PeriodKind::Month => format!("aar={year}&maaned={}", self.from.month()),
            PeriodKind::Chosen => format!("fra={}&til={}", self.from, self.to),
        }
    }

    /// The name of a CSV file of the period: `{stem}-2026.csv`, `{stem}-2026-kvartal-3.csv`,
    /// `{stem}-2026-03.csv`, `{stem}-2026-03-01-til-2026-05-31.csv`.
    pub fn file_name(&self, stem: &str) -> String {
        let year = self.from.year();
        match self.kind {
            PeriodKind::Year => format!("{stem}-{year}.csv"),
            PeriodKind::Quarter => format!("{stem}-{year}-kvartal-{}.csv", self.quarter_number()),
            PeriodKind::Month => format!("{stem}-{year}-{:02}.csv", self.from.month()),
            PeriodKind::Chosen => format!("{stem}-{}-til-{}.csv", self.from, self.to),
        }
    }
}

/// The days a chosen period may name: the years [`Year`] allows.
fn records_window() -> DateWindow {
    let year = |year: Year| Period::year(year.get() as i32).expect("a Year is a valid year");
    DateWindow::between(year(Year::first()).from, year(Year::last()).to)
}

/// Which periods a page's form offers besides whole years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Accepts {
    /// `?kvartal=` within the year.
    pub quarter: bool,
    /// `?maaned=` within the year.
    pub month: bool,
    /// `?fra=&til=`.
    pub chosen: bool,
}

/// What a period form sends, as the address holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PeriodQuery {
    pub aar: Option<String>,
    pub kvartal: Option<String>,
    pub maaned: Option<String>,
    pub fra: Option<String>,
    pub til: Option<String>,
}

/// A field of the period form that did not read, and the key of its Danish message.
pub type PeriodError = (&'static str, &'static str);

impl PeriodQuery {
    /// The period form's fields of the page's address.
    pub fn from_address() -> Self {
        use leptos::prelude::GetUntracked;
        let query = leptos_router::hooks::use_query_map().get_untracked();
        PeriodQuery {
            aar: query.get("aar"),
            kvartal: query.get("kvartal"),
            maaned: query.get("maaned"),
            fra: query.get("fra"),
            til: query.get("til"),
        }
    }

    /// The period asked for, of the kinds `accepts` names; this year when nothing is asked. A
    /// year reads from 2000 to this year. Every field that does not read gets a Danish message
    /// by it (as Fluent keys), and the page shows the nearest period that does: this year for a
    /// year that does not read, the whole year for its quarter, this month (December of another
    /// year) for its month.
    pub fn period(&self, today: NaiveDate, accepts: Accepts) -> (Period, Vec<PeriodError>) {
        let mut errors = Vec::new();
        let this_year = Period::year(today.year()).expect("this year is a valid year");
        if accepts.chosen {
            if let (Some(from), Some(to)) = (given(&self.fra), given(&self.til)) {
                let window = records_window();
                let (from, to) = (window.date(&from), window.date(&to));
                if from.is_none() {
                    errors.push(("fra", "date-invalid"));
                }
                if to.is_none() {
                    errors.push(("til", "date-invalid"));
                }
                let (Some(from), Some(to)) = (from, to) else {
                    return (this_year, errors);
                };
                return match Period::chosen(from, to) {
                    Ok(period) => (period, errors),
                    Err(key) => (this_year, vec![("til", key)]),
                };
            }
        }
        let year = match given(&self.aar) {
            None => today.year(),
            Some(text) => {
                let read = Year::parse(&text)
                    .map(|year| year.get() as i32)
                    .filter(|year| *year <= today.year());
                read.unwrap_or_else(|| {
                    errors.push(("aar", "period-year-invalid"));
                    today.year()
                })
            }
        };
        let whole_year = Period::year(year).unwrap_or(this_year);
        if let Some(text) = given(&self.kvartal).filter(|_| accepts.quarter) {
            return match Quarter::parse(&text)
                .and_then(|quarter| Period::quarter(year, quarter.get() as u32))
            {
                Some(period) => (period, errors),
                None => {
                    errors.push(("kvartal", "period-quarter-invalid"));
                    (whole_year, errors)
                }
            };
        }
        if accepts.month {
            let month = match given(&self.maaned) {
                // This month in this year, December in another.
                None if year == today.year() => today.month(),
                None => 12,
                Some(text) => match text.parse::<u32>().ok().filter(|m| (1..=12).contains(m)) {
                    Some(month) => month,
                    None => {
                        errors.push(("maaned", "period-month-invalid"));
                        if year == today.year() {
                            today.month()
                        } else {
                            12
                        }
                    }
                },
            };
            let period = Period::month(year, month).unwrap_or(whole_year);
            return (period, errors);
        }
        (whole_year, errors)
    }
}

/// The years a period form offers, newest first: from the year of the first recorded data
/// (this year when there is none) to this year.
pub fn offered_years(first_recorded: Option<NaiveDate>, today: NaiveDate) -> Vec<i32> {
    let this_year = today.year();
    let first = first_recorded
        .map(|date| date.year().clamp(Year::first().get() as i32, this_year))
        .unwrap_or(this_year);
    (first..=this_year).rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    fn query(pairs: &[(&str, &str)]) -> PeriodQuery {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(field, _)| *field == name)
                .map(|(_, value)| (*value).to_owned())
        };
        PeriodQuery {
            aar: get("aar"),
            kvartal: get("kvartal"),
            maaned: get("maaned"),
            fra: get("fra"),
            til: get("til"),
        }
    }

    const FIGURES: Accepts = Accepts {
        quarter: true,
        month: false,
        chosen: true,
    };
    const VISITS: Accepts = Accepts {
        quarter: false,
        month: true,
        chosen: false,
    };

    #[test]
    fn the_query_chooses_the_period() {
        let today = date(2026, 11, 27);
        let (period, errors) = PeriodQuery::default().period(today, FIGURES);
        assert_eq!(
            (period.from, period.to, errors.len()),
            (date(2026, 1, 1), date(2026, 12, 31), 0)
        );
        let (period, _) = query(&[("aar", "2025"), ("kvartal", "4")]).period(today, FIGURES);
        assert_eq!(
            (period.from, period.to),
            (date(2025, 10, 1), date(2025, 12, 31))
        );
        let (period, _) =
            query(&[("fra", "2026-03-01"), ("til", "2026-05-31")]).period(today, FIGURES);
        assert_eq!(
            (period.kind, period.from),
            (PeriodKind::Chosen, date(2026, 3, 1))
        );
        let (_, errors) =
            query(&[("fra", "2026-05-31"), ("til", "2026-03-01")]).period(today, FIGURES);
        assert_eq!(errors, [("til", "period-to-before-from")]);
        let (period, errors) = query(&[("aar", "2026"), ("kvartal", "5")]).period(today, FIGURES);
        assert_eq!(
            (period.kind, errors),
            (
                PeriodKind::Year,
                vec![("kvartal", "period-quarter-invalid")]
            )
        );
        let (_, errors) = query(&[("aar", "tyve")]).period(today, FIGURES);
        assert_eq!(errors, [("aar", "period-year-invalid")]);
    }

    #[test]
    fn the_visits_form_chooses_a_month_of_a_year() {
        let today = date(2026, 11, 27);
        let (period, errors) = PeriodQuery::default().period(today, VISITS);
        assert_eq!(
            (period.kind, period.from, period.to, errors.len()),
            (PeriodKind::Month, date(2026, 11, 1), date(2026, 11, 30), 0)
        );
        let (period, _) = query(&[("aar", "2025")]).period(today, VISITS);
        assert_eq!(period.from, date(2025, 12, 1), "December of another year");
        let (period, _) = query(&[("aar", "2024"), ("maaned", "2")]).period(today, VISITS);
        assert_eq!(period.to, date(2024, 2, 29));
        let (period, errors) = query(&[("aar", "3000"), ("maaned", "13")]).period(today, VISITS);
        assert_eq!(period.from, date(2026, 11, 1), "this month of this year");
        assert_eq!(
            errors,
            [
                ("aar", "period-year-invalid"),
                ("maaned", "period-month-invalid")
            ],
            "every field that does not read"
        );
        let (period, errors) = query(&[("aar", "2025"), ("maaned", "13")]).period(today, VISITS);
        assert_eq!(
            (period.from, errors),
            (date(2025, 12, 1), vec![("maaned", "period-month-invalid")])
        );
        // A page without quarters or chosen dates ignores them.
        let (period, errors) = query(&[
            ("kvartal", "2"),
            ("fra", "2026-01-01"),
            ("til", "2026-02-01"),
        ])
        .period(today, VISITS);
        assert_eq!((period.kind, errors.len()), (PeriodKind::Month, 0));
    }

    #[test]
    fn numbers_and_dates_out_of_range_get_a_message_not_a_period() {
        let today = date(2026, 11, 27);
        // Dates PostgreSQL cannot store, or far outside any record, are refused by their field.
        let (period, errors) =
            query(&[("fra", "262143-01-01"), ("til", "262143-12-31")]).period(today, FIGURES);
        assert_eq!(errors, [("fra", "date-invalid"), ("til", "date-invalid")]);
        assert_eq!(period.from, date(2026, 1, 1));
        let (_, errors) =
            query(&[("fra", "1999-12-31"), ("til", "2000-01-31")]).period(today, FIGURES);
        assert_eq!(errors, [("fra", "date-invalid")]);
        let (_, errors) = query(&[("aar", "9223372036854775807")]).period(today, FIGURES);
        assert_eq!(errors, [("aar", "period-year-invalid")]);
        let (_, errors) = query(&[("aar", "2027")]).period(today, FIGURES);
        assert_eq!(errors, [("aar", "period-year-invalid")], "no year to come");
        let (_, errors) =
            query(&[("aar", "2026"), ("kvartal", "4294967297")]).period(today, FIGURES);
        assert_eq!(errors, [("kvartal", "period-quarter-invalid")]);
        let (_, errors) =
            query(&[("fra", "2000-01-01"), ("til", "2026-01-01")]).period(today, FIGURES);
        assert_eq!(errors, [("til", "period-too-long")]);
    }

    #[test]
    fn last_year_is_the_same_period() {
        let quarter = Period::quarter(2024, 1).unwrap();
        assert_eq!(quarter.to, date(2024, 3, 31));
        let previous = quarter.previous_year();
        assert_eq!(
            (previous.from, previous.to),
            (date(2023, 1, 1), date(2023, 3, 31))
        );
        let february = Period::month(2024, 2).unwrap().previous_year();
        assert_eq!(
            (february.from, february.to),
            (date(2023, 2, 1), date(2023, 2, 28))
        );
        let chosen = Period::chosen(date(2024, 2, 29), date(2024, 3, 10)).unwrap();
        assert_eq!(chosen.previous_year().from, date(2023, 2, 28));
    }

    #[test]
    fn a_period_holds_its_whole_months_and_names_its_file() {
        let chosen = Period::chosen(date(2026, 1, 15), date(2026, 4, 30)).unwrap();
        let months: Vec<_> = chosen.months().iter().map(|month| month.from).collect();
        assert_eq!(
            months,
            [date(2026, 2, 1), date(2026, 3, 1), date(2026, 4, 1)]
        );
        assert_eq!(Period::year(2026).unwrap().months().len(), 12);
        assert_eq!(Period::year(2026).unwrap().file_name("tal"), "tal-2026.csv");
        assert_eq!(
            Period::quarter(2026, 3).unwrap().file_name("tal"),
            "tal-2026-kvartal-3.csv"
        );
        assert_eq!(
            Period::month(2026, 3).unwrap().file_name("besoeg"),
            "besoeg-2026-03.csv"
        );
        assert_eq!(chosen.file_name("tal"), "tal-2026-01-15-til-2026-04-30.csv");
        assert_eq!(Period::month(2026, 3).unwrap().query(), "aar=2026&maaned=3");
    }

    #[test]
    fn the_years_offered_run_from_the_first_record_to_this_year() {
        let today = date(2026, 11, 27);
        assert_eq!(offered_years(None, today), [2026]);
        assert_eq!(
            offered_years(Some(date(2023, 5, 1)), today),
            [2026, 2025, 2024, 2023]
        );
        assert_eq!(
            offered_years(Some(date(2027, 1, 1)), today),
            [2026],
            "planned dates"
        );
        assert_eq!(
            offered_years(Some(date(1990, 1, 1)), today).last(),
            Some(&2000)
        );
    }
}
