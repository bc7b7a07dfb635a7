//! The server function of the report's pages (`/personale/rapport` and its texts' form).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::Report;
use crate::{
    forms::FormFeedback,
    period::{Accepts, PeriodQuery},
};

/// The periods a report is made for: a year or a quarter.
pub const ACCEPTS: Accepts = Accepts {
    quarter: true,
    month: false,
    chosen: false,
};

/// What the report's pages show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadedReport {
    pub report: Report,
    /// The period form, as the address holds it, with its messages.
    pub form: FormFeedback,
    pub years: Vec<i32>,
    /// The texts' form filled in from what was written.
    pub texts: FormFeedback,
}

/// The report of the year or quarter in `query` (this year when none is asked).
#[server(prefix = "/personale/api", endpoint = "rapport")]
pub async fn load_report(query: PeriodQuery) -> Result<LoadedReport, ServerFnError> {
    use chrono::Datelike;

    use crate::errors::{db_from_context, internal};
    crate::accounts::api::require(crate::accounts::Role::Staff)?;
    let lang = crate::i18n::lang();
    let today = crate::clock::today();
    let (period, errors) = query.period(today, ACCEPTS);
    let db = db_from_context()?;
    let report = super::build::build(&db, lang, period, today)
        .await
        .map_err(internal)?;
    let first = db.figures().first_recorded_day().await.map_err(internal)?;
    let shown = report.period.from;
    let years =
        crate::period::offered_years(Some(first.map_or(shown, |first| first.min(shown))), today);
    let mut form = FormFeedback::for_form("report-period");
    form.keep(
        "aar",
        query
            .aar
            .as_deref()
            .unwrap_or(&report.period.from.year().to_string()),
    )
    .keep("kvartal", query.kvartal.as_deref().unwrap_or_default());
    for (field, key) in errors {
        form.error(field, lang.text(key));
    }
    let texts = super::service::ReportTextsForm::feedback_from(&report);
    Ok(LoadedReport {
        report,
        form,
        years,
        texts,
    })
}
