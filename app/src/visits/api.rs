//! The server function behind `/personale/besoeg`, and (on the server) the figures of a year
//! that the page, the CSV export and the activity figures' report share.

#[cfg(feature = "ssr")]
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{ArticleCount, DeviceShare, MonthFigures, PageCount, ReferrerCount, VisitDay};
use crate::{
    forms::FormFeedback,
    period::{Accepts, Period, PeriodQuery},
};

/// How many pages, articles and referring sites the page lists.
pub const TOP: i64 = 15;

/// The periods the page's form offers: a month of a year (the year's chart, the month's days).
pub const ACCEPTS: Accepts = Accepts {
    quarter: false,
    month: true,
    chosen: false,
};

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
    /// The chosen month; the page shows its year.
    pub chosen: Period,
    /// The years the form offers, newest first.
    pub years: Vec<i32>,
    pub months: Vec<MonthRow>,
    /// The counted days of the chosen month.
    pub days: Vec<VisitDay>,
    pub pages: Vec<PageCount>,
    pub articles: Vec<ArticleCount>,
    pub referrers: Vec<ReferrerCount>,
    /// The year's unique visitors per device class (summed per day), with their shares.
    pub devices: Vec<DeviceShare>,
    /// Visitors a month on average, this year and last.
    pub per_month: (Option<i64>, Option<i64>),
    pub sentence: String,
    pub form: FormFeedback,
}

/// The visitor figures of the year and month the query asks for, for staff.
#[server(prefix = "/personale/api", endpoint = "besoeg")]
pub async fn load_visits(query: PeriodQuery) -> Result<VisitsPage, ServerFnError> {
    use crate::{
        clock::today,
        errors::{db_from_context, internal},
        i18n::lang,
    };
    use chrono::Datelike;

    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let lang = lang();
    let today = today();
    let (chosen, errors) = query.period(today, ACCEPTS);
    let db = db_from_context()?;
    let mut page = build_page(&db, lang, chosen.clone(), today)
        .await
        .map_err(internal)?;
    page.form.keep("aar", &chosen.from.year().to_string());
    page.form.keep("maaned", &chosen.from.month().to_string());
    for (field, key) in errors {
        page.form.error(field, lang.text(key));
    }
    Ok(page)
}

/// The page's figures of `chosen`, with last year beside.
#[cfg(feature = "ssr")]
pub async fn build_page(
    db: &crate::db::Db,
    lang: crate::i18n::Lang,
    chosen: Period,
    today: NaiveDate,
) -> Result<VisitsPage, sqlx::Error> {
    use chrono::Datelike;

    use super::{months_of_year, visitor_sentence, visitors_a_month};

    let year = chosen.year_number();
    let whole = Period::year(year).expect("the chosen month's year");
    let before = whole.previous_year();
    let (from, to) = (whole.from, whole.to);
    let visits = db.visits();
    let days = visits.days(before.from, to).await?;
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
        visitors_a_month(&days, before.from, before.to, today),
    );
    let sentence = visitor_sentence(
        lang,
        &year.to_string(),
        &(year - 1).to_string(),
        per_month.0,
        per_month.1,
    );
    let this_year: Vec<&VisitDay> = days.iter().filter(|day| day.day.year() == year).collect();
    use super::Device;

    let devices: Vec<(Device, i64)> = Device::ALL
        .into_iter()
        .map(|device| {
            let total: i64 = this_year.iter().map(|day| day.of_device(device)).sum();
            (device, total)
        })
        .collect();
    let devices = super::device_shares(&devices);
    let month_days = this_year
        .iter()
        .filter(|day| (chosen.from..=chosen.to).contains(&day.day))
        .map(|day| (*day).clone())
        .collect();
    Ok(VisitsPage {
        chosen,
        // The year shown is offered too, also when nobody was counted in it.
        years: crate::period::offered_years(
            Some(
                visits
                    .first_day()
                    .await?
                    .map_or(whole.from, |first| first.min(whole.from)),
            ),
            today,
        ),
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
    period: &Period,
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

/// Counted days as CSV for Excel, written like the activity figures' (see
/// [`crate::spreadsheet`]): one row per day.
#[cfg(feature = "ssr")]
pub fn to_csv(lang: crate::i18n::Lang, days: &[VisitDay]) -> Result<Vec<u8>, ::csv::Error> {
    let mut file = crate::spreadsheet::ExcelCsv::new(lang, &CSV_COLUMNS)?;
    for day in days {
        file.row([
            day.day.format("%d-%m-%Y").to_string(),
            day.visitors.to_string(),
            day.views.to_string(),
            day.phones.to_string(),
            day.tablets.to_string(),
            day.computers.to_string(),
        ])?;
    }
    file.finish()
}
