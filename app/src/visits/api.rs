//! The server function behind `/personale/besoeg`, and (on the server) the figures of a year
//! that the page, the CSV export and the activity figures' report share.

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{ArticleCount, Device, MonthFigures, PageCount, ReferrerCount, VisitDay};
use crate::forms::FormFeedback;

/// How many pages, articles and referring sites the page lists.
pub const TOP: i64 = 15;

/// What the page's form sends: a year and a month of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VisitsQuery {
    pub aar: Option<String>,
    pub maaned: Option<String>,
}

/// A year and a month of it, as the page shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chosen {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl VisitsQuery {
    /// The year and month asked for, with the fields that do not read and their message keys.
    /// Without a year: this year; without a month: this month in this year, December in
    /// another.
    pub fn chosen(&self, today: NaiveDate) -> (Chosen, Vec<(&'static str, &'static str)>) {
        use chrono::Datelike;

        use crate::address::given;
        let mut errors = Vec::new();
        let year = match given(&self.aar) {
            None => today.year(),
            Some(text) => match crate::address::Year::parse(&text) {
                Some(year) if year.get() <= i64::from(today.year()) => year.get() as i32,
                _ => {
                    errors.push(("aar", "visits-year-invalid"));
                    today.year()
                }
            },
        };
        let default_month = if year == today.year() {
            today.month()
        } else {
            12
        };
        let month = match given(&self.maaned) {
            None => default_month,
            Some(text) => match text.parse::<u32>() {
                Ok(month) if (1..=12).contains(&month) => month,
                _ => {
                    errors.push(("maaned", "visits-month-invalid"));
                    default_month
                }
            },
        };
        (Chosen { year, month }, errors)
    }
}

/// One month of the chart and its table: this year's and last year's figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthRow {
    /// 1 to 12.
    pub month: u32,
    pub current: MonthFigures,
    pub previous: MonthFigures,
}

/// Everything `/personale/besoeg` shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitsPage {
    pub chosen: Chosen,
    /// The years the form offers, newest first.
    pub years: Vec<i32>,
    pub months: Vec<MonthRow>,
    /// The counted days of the chosen month.
    pub days: Vec<VisitDay>,
    pub pages: Vec<PageCount>,
    pub articles: Vec<ArticleCount>,
    pub referrers: Vec<ReferrerCount>,
    /// The year's unique visitors per device class (summed per day).
    pub devices: Vec<(Device, i64)>,
    /// Visitors a month on average, this year and last.
    pub per_month: (Option<i64>, Option<i64>),
    pub sentence: String,
    pub form: FormFeedback,
}

/// The visitor figures of the year and month the query asks for, for staff.
#[server(prefix = "/personale/api", endpoint = "besoeg")]
pub async fn load_visits(query: VisitsQuery) -> Result<VisitsPage, ServerFnError> {
    use crate::{
        clock::today,
        errors::{db_from_context, internal},
        i18n::lang,
    };
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let lang = lang();
    let today = today();
    let (chosen, errors) = query.chosen(today);
    let db = db_from_context()?;
    let mut page = build_page(&db, lang, chosen, today)
        .await
        .map_err(internal)?;
    page.form.keep("aar", &chosen.year.to_string());
    page.form.keep("maaned", &chosen.month.to_string());
    for (field, key) in errors {
        page.form.error(field, lang.text(key));
    }
    Ok(page)
}

/// The first and last day of `year`.
#[cfg(feature = "ssr")]
pub fn year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(NaiveDate::MIN),
        NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX),
    )
}

/// The page's figures of `chosen`, with last year beside.
#[cfg(feature = "ssr")]
pub async fn build_page(
    db: &crate::db::Db,
    lang: crate::i18n::Lang,
    chosen: Chosen,
    today: NaiveDate,
) -> Result<VisitsPage, sqlx::Error> {
    use chrono::Datelike;

    use super::{months_of_year, visitor_sentence, visitors_a_month};

    let year = chosen.year;
    let (from, to) = year_bounds(year);
    let (before_from, before_to) = year_bounds(year - 1);
    let visits = db.visits();
    let days = visits.days(before_from, to).await?;
    let current = months_of_year(&days, year);
    let previous = months_of_year(&days, year - 1);
    let months = (0..12)
        .map(|index| MonthRow {
            month: index as u32 + 1,
            current: current[index],
            previous: previous[index],
        })
        .collect();
    let per_month = (
        visitors_a_month(&days, from, to, today),
        visitors_a_month(&days, before_from, before_to, today),
    );
    let sentence = visitor_sentence(
        lang,
        &year.to_string(),
        &(year - 1).to_string(),
        per_month.0,
        per_month.1,
    );
    let this_year: Vec<&VisitDay> = days.iter().filter(|day| day.day.year() == year).collect();
    let devices = Device::ALL
        .into_iter()
        .map(|device| {
            let total: i64 = this_year.iter().map(|day| day.of_device(device)).sum();
            (device, total)
        })
        .collect();
    let month_days = this_year
        .iter()
        .filter(|day| day.day.month() == chosen.month)
        .map(|day| (*day).clone())
        .collect();
    Ok(VisitsPage {
        chosen,
        years: (2020..=today.year()).rev().collect(),
        months,
        days: month_days,
        pages: visits.pages(from, to, TOP).await?,
        articles: visits.articles(from, to, TOP).await?,
        referrers: visits.referrers(from, to, TOP).await?,
        devices,
        per_month,
        sentence,
        form: FormFeedback::for_form("visits"),
    })
}

/// The activity figures report's sentence on the website for a period: visitors a month on
/// average in it and in the same period last year.
#[cfg(feature = "ssr")]
pub async fn report_sentence(
    db: &crate::db::Db,
    lang: crate::i18n::Lang,
    period: &crate::figures::Period,
    today: NaiveDate,
) -> Result<String, sqlx::Error> {
    let previous = period.previous_year();
    let days = db.visits().days(previous.from, period.to).await?;
    Ok(super::visitor_sentence(
        lang,
        &period.label(),
        &previous.label(),
        super::visitors_a_month(&days, period.from, period.to, today),
        super::visitors_a_month(&days, previous.from, previous.to, today),
    ))
}

/// The CSV columns' Fluent keys, in order.
#[cfg(feature = "ssr")]
pub const CSV_COLUMNS: [&str; 6] = [
    "visits-csv-date",
    "visits-visitors",
    "visits-views",
    "visits-device-phone",
    "visits-device-tablet",
    "visits-device-computer",
];

/// Counted days as CSV for Excel, written like the activity figures' (UTF-8 with a byte-order
/// mark, semicolons, Danish column names): one row per day.
#[cfg(feature = "ssr")]
pub fn to_csv(lang: crate::i18n::Lang, days: &[VisitDay]) -> Result<Vec<u8>, ::csv::Error> {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(::csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(CSV_COLUMNS.iter().map(|key| lang.text(key)))?;
    for day in days {
        writer.write_record([
            day.day.format("%d-%m-%Y").to_string(),
            day.visitors.to_string(),
            day.views.to_string(),
            day.phones.to_string(),
            day.tablets.to_string(),
            day.computers.to_string(),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|err| ::csv::Error::from(err.into_error()))
}
