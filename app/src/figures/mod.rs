//! The activity figures staff must report (`/personale/tal`): per activity, per focus area and
//! in total, for a year, a quarter or a chosen period, with the same period of the year before
//! beside each figure; as tables with SVG charts, as CSV for Excel, and as a printable report
//! with the Danish sentences of the yearly report.
//!
//! The citizen journalists' contributions ([`Contributors`]) are counted from their pieces: sent
//! by the time each was first sent for review, published and photos by the time each was
//! published.
//!
//! Every figure is computed from the attendance records and the sign-ups' counts (adults,
//! children, status), which the retention job never touches, so deleting personal details
//! changes no figure. The definitions are in [`DEFINITIONS`] and printed with the figures.

pub mod api;
#[cfg(feature = "ssr")]
pub mod compute;
#[cfg(feature = "ssr")]
pub mod csv;
#[cfg(feature = "ssr")]
pub mod queries;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::{
    address::{given, DateWindow, Quarter, Year},
    dates::date_text,
};

/// The figures' names with their definitions, as Fluent keys: (name, definition).
pub const DEFINITIONS: [(&str, &str); 11] = [
    ("figures-held", "figures-held-definition"),
    ("figures-not-held", "figures-not-held-definition"),
    ("figures-participants", "figures-participants-definition"),
    ("figures-average", "figures-average-definition"),
    ("figures-volunteers", "figures-volunteers-definition"),
    ("figures-first-timers", "figures-first-timers-definition"),
    ("figures-walk-ins", "figures-walk-ins-definition"),
    ("figures-signups", "figures-signups-definition"),
    ("figures-cancellations", "figures-cancellations-definition"),
    ("figures-no-shows", "figures-no-shows-definition"),
    ("figures-promotions", "figures-promotions-definition"),
];

/// The period the figures cover: whole days, both ends included, by the date each occurrence
/// was scheduled for.
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
    Chosen,
}

impl Period {
    pub fn year(year: i32) -> Option<Self> {
        Some(Period {
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(year, 12, 31)?,
            kind: PeriodKind::Year,
        })
    }

    pub fn quarter(year: i32, quarter: u32) -> Option<Self> {
        if !(1..=4).contains(&quarter) {
            return None;
        }
        let from = NaiveDate::from_ymd_opt(year, quarter * 3 - 2, 1)?;
        let to = from.checked_add_months(Months::new(3))?.pred_opt()?;
        Some(Period {
            from,
            to,
            kind: PeriodKind::Quarter,
        })
    }

    /// The same period one year earlier (29 February becomes 28 February).
    pub fn previous_year(&self) -> Self {
        let back = |date: NaiveDate| date.checked_sub_months(Months::new(12)).unwrap_or(date);
        let (from, to) = match self.kind {
            // Whole years and quarters stay whole (a quarter ending 29 February has none).
            PeriodKind::Year | PeriodKind::Quarter => {
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

    /// The period in Danish words, to follow "I": "2026", "3. kvartal 2026", "perioden
    /// 1. marts 2026 til 31. maj 2026".
    pub fn label(&self) -> String {
        match self.kind {
            PeriodKind::Year => self.from.year().to_string(),
            PeriodKind::Quarter => crate::i18n::t_with(
                "figures-quarter-label",
                &[
                    ("quarter", (self.from.month() / 3 + 1).to_string()),
                    ("year", self.from.year().to_string()),
                ],
            ),
            PeriodKind::Chosen => crate::i18n::t_with(
                "figures-chosen-label",
                &[("from", date_text(self.from)), ("to", date_text(self.to))],
            ),
        }
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

    /// The period's query string, for links to the CSV and the report.
    pub fn query(&self) -> String {
        match self.kind {
            PeriodKind::Year => format!("aar={}", self.from.year()),
            PeriodKind::Quarter => format!(
                "aar={}&kvartal={}",
                self.from.year(),
                self.from.month() / 3 + 1
            ),
            PeriodKind::Chosen => format!("fra={}&til={}", self.from, self.to),
        }
    }
}

/// What the figures page's period form sends: a year and a quarter, or two dates.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FiguresQuery {
    pub aar: Option<String>,
    pub kvartal: Option<String>,
    pub fra: Option<String>,
    pub til: Option<String>,
}

/// The longest period one may choose, in days: ten years.
const LONGEST_PERIOD: i64 = 3660;

impl FiguresQuery {
    /// The period asked for; this year when nothing is asked. A wrong value gets a Danish
    /// message by its field (as Fluent keys) and the figures of this year.
    pub fn period(&self, today: NaiveDate) -> (Period, Vec<(&'static str, &'static str)>) {
        let mut errors = Vec::new();
        let this_year = Period::year(today.year()).expect("this year is a valid year");
        if let (Some(from), Some(to)) = (given(&self.fra), given(&self.til)) {
            let window = DateWindow::years(Year::first(), Year::last());
            let parse = |text: &str| window.date(text);
            return match (parse(&from), parse(&to)) {
                (Some(from), Some(to))
                    if from <= to && (to - from).num_days() <= LONGEST_PERIOD =>
                {
                    (
                        Period {
                            from,
                            to,
                            kind: PeriodKind::Chosen,
                        },
                        errors,
                    )
                }
                (Some(from), Some(to)) if from > to => {
                    errors.push(("til", "figures-to-before-from"));
                    (this_year, errors)
                }
                (Some(_), Some(_)) => {
                    errors.push(("til", "figures-period-too-long"));
                    (this_year, errors)
                }
                (from, to) => {
                    if from.is_none() {
                        errors.push(("fra", "date-invalid"));
                    }
                    if to.is_none() {
                        errors.push(("til", "date-invalid"));
                    }
                    (this_year, errors)
                }
            };
        }
        let year = match given(&self.aar) {
            None => Some(today.year()),
            Some(text) => Year::parse(&text).map(|year| year.get() as i32),
        };
        let Some(year) = year else {
            errors.push(("aar", "figures-year-invalid"));
            return (this_year, errors);
        };
        let period = match given(&self.kvartal) {
            None => Period::year(year),
            Some(text) => Quarter::parse(&text)
                .and_then(|quarter| Period::quarter(year, quarter.get() as u32)),
        };
        match period {
            Some(period) => (period, errors),
            None => {
                errors.push(("kvartal", "figures-quarter-invalid"));
                (Period::year(year).unwrap_or(this_year), errors)
            }
        }
    }
}

/// The figures of one group of occurrences in one period. See [`DEFINITIONS`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub held: i64,
    pub not_held: i64,
    pub adults: i64,
    pub children: i64,
    pub volunteers: i64,
    pub first_timers: i64,
    pub walk_ins: i64,
    pub signups: i64,
    pub cancellations: i64,
    pub no_shows: i64,
    pub promotions: i64,
}

impl Counts {
    pub fn participants(&self) -> i64 {
        self.adults + self.children
    }

    /// Participants per occurrence held; None when none was held.
    pub fn average_participants(&self) -> Option<f64> {
        (self.held > 0).then(|| self.participants() as f64 / self.held as f64)
    }

    /// Volunteers per occurrence held; None when none was held.
    pub fn volunteers_per_occurrence(&self) -> Option<f64> {
        (self.held > 0).then(|| self.volunteers as f64 / self.held as f64)
    }

    pub fn is_empty(&self) -> bool {
        *self == Counts::default()
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, more: Counts) {
        self.held += more.held;
        self.not_held += more.not_held;
        self.adults += more.adults;
        self.children += more.children;
        self.volunteers += more.volunteers;
        self.first_timers += more.first_timers;
        self.walk_ins += more.walk_ins;
        self.signups += more.signups;
        self.cancellations += more.cancellations;
        self.no_shows += more.no_shows;
        self.promotions += more.promotions;
    }
}

/// One line of the figures: a group with this period's and last year's counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub name: String,
    /// The focus area of an activity line (empty otherwise).
    pub focus_area: String,
    /// The venue of an activity line (empty otherwise).
    pub venue: String,
    pub current: Counts,
    pub previous: Counts,
}

/// Everything the figures page, the CSV and the report show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub period: Period,
    pub previous: Period,
    pub total: Line,
    pub by_activity: Vec<Line>,
    pub by_focus_area: Vec<Line>,
    /// The report's sentences, in Danish, one per activity held, one for the total and one
    /// for the citizen journalists.
    pub sentences: Vec<String>,
    pub contributors: Contributors,
}

/// One journalist's (or all journalists') contributions in a period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contributions {
    /// Pieces first sent for review in the period.
    pub sent: i64,
    /// Pieces published in the period: the contributions (bidrag), articles or photo series.
    pub published: i64,
    /// Photos in the pieces published in the period.
    pub photos: i64,
}

impl std::ops::AddAssign for Contributions {
    fn add_assign(&mut self, more: Self) {
        self.sent += more.sent;
        self.published += more.published;
        self.photos += more.photos;
    }
}

/// A line of the contributor figures: a journalist (or the total), this period and last year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContributorLine {
    pub name: String,
    pub current: Contributions,
    pub previous: Contributions,
}

/// The citizen journalists' figures: per journalist (by name), the total, and how many
/// journalists were active and how many delivered, this period and last year.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contributors {
    pub by_journalist: Vec<ContributorLine>,
    pub total: Contributions,
    pub previous_total: Contributions,
    /// Journalists who sent or had published at least one piece: (this period, last year).
    pub active: (i64, i64),
    /// Journalists with at least one piece published: (this period, last year).
    pub delivering: (i64, i64),
}

/// The contributor figures' names with their definitions, as Fluent keys.
pub const CONTRIBUTOR_DEFINITIONS: [(&str, &str); 5] = [
    ("figures-pieces-sent", "figures-pieces-sent-definition"),
    ("figures-contributions", "figures-contributions-definition"),
    ("figures-photos", "figures-photos-definition"),
    (
        "figures-active-journalists",
        "figures-active-journalists-definition",
    ),
    (
        "figures-delivering-journalists",
        "figures-delivering-journalists-definition",
    ),
];

/// A number with one decimal and a Danish decimal comma: "34,2"; "–" for none.
pub fn decimal(value: Option<f64>) -> String {
    value
        .map(|value| format!("{value:.1}").replace('.', ","))
        .unwrap_or_else(|| "–".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn query(aar: &str, kvartal: &str, fra: &str, til: &str) -> FiguresQuery {
        FiguresQuery {
            aar: Some(aar.into()),
            kvartal: Some(kvartal.into()),
            fra: Some(fra.into()),
            til: Some(til.into()),
        }
    }

    #[test]
    fn the_query_chooses_the_period() {
        let today = date(2026, 11, 27);
        let (period, errors) = FiguresQuery::default().period(today);
        assert_eq!(
            (period.from, period.to, errors.len()),
            (date(2026, 1, 1), date(2026, 12, 31), 0)
        );
        let (period, _) = query("2025", "4", "", "").period(today);
        assert_eq!(
            (period.from, period.to),
            (date(2025, 10, 1), date(2025, 12, 31))
        );
        let (period, _) = query("", "", "2026-03-01", "2026-05-31").period(today);
        assert_eq!(
            (period.kind, period.from),
            (PeriodKind::Chosen, date(2026, 3, 1))
        );
        let (_, errors) = query("", "", "2026-05-31", "2026-03-01").period(today);
        assert_eq!(errors, [("til", "figures-to-before-from")]);
        let (period, errors) = query("2026", "5", "", "").period(today);
        assert_eq!(
            (period.kind, errors),
            (
                PeriodKind::Year,
                vec![("kvartal", "figures-quarter-invalid")]
            )
        );
        let (_, errors) = query("tyve", "", "", "").period(today);
        assert_eq!(errors, [("aar", "figures-year-invalid")]);
    }

    #[test]
    fn numbers_and_dates_out_of_range_get_a_message_not_a_period() {
        let today = date(2026, 11, 27);
        // Dates PostgreSQL cannot store, or far outside any record, are refused by their field.
        let (period, errors) = query("", "", "262143-01-01", "262143-12-31").period(today);
        assert_eq!(errors, [("fra", "date-invalid"), ("til", "date-invalid")]);
        assert_eq!(period.from, date(2026, 1, 1));
        let (_, errors) = query("", "", "1999-12-31", "2000-01-31").period(today);
        assert_eq!(errors, [("fra", "date-invalid")]);
        let (_, errors) = query("9223372036854775807", "", "", "").period(today);
        assert_eq!(errors, [("aar", "figures-year-invalid")]);
        let (_, errors) = query("2026", "4294967297", "", "").period(today);
        assert_eq!(errors, [("kvartal", "figures-quarter-invalid")]);
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
        let chosen = Period {
            from: date(2024, 2, 29),
            to: date(2024, 3, 10),
            kind: PeriodKind::Chosen,
        };
        assert_eq!(chosen.previous_year().from, date(2023, 2, 28));
    }

    #[test]
    fn averages_are_per_occurrence_held() {
        let counts = Counts {
            held: 3,
            adults: 80,
            children: 22,
            volunteers: 7,
            ..Counts::default()
        };
        assert_eq!(decimal(counts.average_participants()), "34,0");
        assert_eq!(decimal(counts.volunteers_per_occurrence()), "2,3");
        assert_eq!(decimal(Counts::default().average_participants()), "–");
    }
}
