//! The server function behind the figures page and the report, and (on the server) the one
//! function that builds a report, which the CSV export and the tests use too.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::Report;
use crate::{
    forms::FormFeedback,
    period::{Accepts, PeriodQuery},
};

/// The periods the figures page offers: a year, a quarter of it, or two dates of one's choice.
pub const ACCEPTS: Accepts = Accepts {
    quarter: true,
    month: false,
    chosen: true,
};

/// What the figures page shows: the report, and the period form with any message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiguresPage {
    pub report: Report,
    pub form: FormFeedback,
    /// The years the form offers, newest first.
    pub years: Vec<i32>,
}

/// The figures of the period the query asks for (this year by default), for staff.
#[server(prefix = "/personale/api", endpoint = "tal")]
pub async fn load_figures(query: PeriodQuery) -> Result<FiguresPage, ServerFnError> {
    use chrono::Datelike;

    use crate::{
        clock::today,
        errors::{db_from_context, internal},
        i18n::lang,
        period::offered_years,
    };
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let lang = lang();
    let today = today();
    let (period, errors) = query.period(today, ACCEPTS);
    let db = db_from_context()?;
    let report = build_report(&db, lang, period, today)
        .await
        .map_err(internal)?;
    // The year shown is offered too, also when nothing was recorded in it.
    let shown = report.period.from;
    let first_recorded = db.figures().first_recorded_day().await.map_err(internal)?;
    let years = offered_years(
        Some(first_recorded.map_or(shown, |first| first.min(shown))),
        today,
    );
    let mut form = FormFeedback::for_form("figures");
    for (field, value) in [
        ("aar", &query.aar),
        ("kvartal", &query.kvartal),
        ("fra", &query.fra),
        ("til", &query.til),
    ] {
        form.keep(field, value.as_deref().unwrap_or_default());
    }
    if query.aar.is_none() && query.fra.is_none() {
        form.keep("aar", &today.year().to_string());
    }
    for (field, key) in errors {
        form.error(field, lang.text(key));
    }
    Ok(FiguresPage {
        report,
        form,
        years,
    })
}

/// The report of `period` with the same period last year, on `today` (a month of the website's
/// visitors counts once it is over).
#[cfg(feature = "ssr")]
pub async fn build_report(
    db: &crate::db::Db,
    lang: crate::i18n::Lang,
    period: crate::period::Period,
    today: chrono::NaiveDate,
) -> Result<Report, sqlx::Error> {
    use super::compute::{counts_by_activity, report};
    let previous = period.previous_year();
    let (occurrences, signups) = db.figures().figure_rows(period.from, period.to).await?;
    let current = counts_by_activity(&occurrences, &signups);
    let (occurrences, signups) = db.figures().figure_rows(previous.from, previous.to).await?;
    let earlier = counts_by_activity(&occurrences, &signups);
    let activities = db.calendar().list_activities().await?;
    let mut report = report(lang, &activities, period, &current, &earlier);
    let (contributors, sentence) = contributors_of(db, lang, &report.period).await?;
    report.contributors = contributors;
    report.sentences.push(sentence);
    report
        .sentences
        .push(crate::visits::api::report_sentence(db, lang, &report.period, today).await?);
    report.newsletter = crate::newsletter::service::figures_of(db, &report.period).await?;
    let label = report.period.label();
    report
        .sentences
        .push(report.newsletter.sentence(lang, &label));
    Ok(report)
}

/// The citizen journalists' contributions in `period` and the same period last year, with the
/// report's sentence on them.
#[cfg(feature = "ssr")]
pub async fn contributors_of(
    db: &crate::db::Db,
    lang: crate::i18n::Lang,
    period: &crate::period::Period,
) -> Result<(super::Contributors, String), sqlx::Error> {
    use super::compute::{contributor_sentence, contributors};
    // The journalists' submissions, by the moments the periods' first and last days begin and end
    // in Danish time.
    let (from, to) = period.utc_bounds();
    let (earlier_from, earlier_to) = period.previous_year().utc_bounds();
    let submissions = db.submissions().contributions(from, to).await?;
    let earlier_submissions = db
        .submissions()
        .contributions(earlier_from, earlier_to)
        .await?;
    let magazine = db.site().site_info().await?.magazine_name;
    let contributors = contributors(
        (&submissions, from, to),
        (&earlier_submissions, earlier_from, earlier_to),
    );
    let sentence = contributor_sentence(lang, period, &magazine, &contributors);
    Ok((contributors, sentence))
}
