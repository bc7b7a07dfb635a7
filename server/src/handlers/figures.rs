//! The figures' address beyond their pages: `/personale/tal.csv`, the figures of a period as a
//! CSV file for Excel (see `app::figures::csv`); a period that does not read gets the 404
//! page. The access guard lets only staff reach
//! `/personale`; the handler checks again, like every staff handler.

use app::{
    figures::{
        api::{build_report, ACCEPTS},
        csv::to_csv,
    },
    period::PeriodQuery,
};
use axum::extract::{rejection::QueryRejection, Query};

use super::{download::csv_file, prelude::*};

pub fn routes() -> Router<AppState> {
    Router::new().route("/personale/tal.csv", get(figures_csv))
}

async fn figures_csv(
    cx: Ctx,
    _: Staff,
    query: Result<Query<PeriodQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let Query(query) = query.map_err(|_| PageError::NotFound)?;
    // The page shows a wrong period's message by its field; a CSV address with one names no
    // file.
    let (period, errors) = query.period(clock::today(), ACCEPTS);
    if !errors.is_empty() {
        return Err(PageError::NotFound);
    }
    let report = build_report(&cx.db, cx.lang, period, clock::today()).await?;
    let bytes = to_csv(cx.lang, &report).map_err(|err| PageError::Internal(Box::new(err)))?;
    Ok(csv_file(&report.period.file_name("tal"), bytes))
}
