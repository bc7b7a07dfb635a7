//! The figures' address beyond their pages: `/personale/tal.csv`, the figures of a period as a
//! CSV file for Excel (see `app::figures::csv`); a period that does not read gets the 404
//! page. The access guard lets only staff reach
//! `/personale`; the handler checks again, like every staff handler.

use app::figures::{api::build_report, csv::to_csv, FiguresQuery, PeriodKind};
use axum::{
    extract::{rejection::QueryRejection, Query},
    http::header,
};

use super::prelude::*;

pub fn routes() -> Router<AppState> {
    Router::new().route("/personale/tal.csv", get(figures_csv))
}

async fn figures_csv(
    cx: Ctx,
    _: Staff,
    query: Result<Query<FiguresQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let Query(query) = query.map_err(|_| PageError::NotFound)?;
    // The page shows a wrong period's message by its field; a CSV address with one names no
    // file.
    let (period, errors) = query.period(clock::today());
    if !errors.is_empty() {
        return Err(PageError::NotFound);
    }
    let report = build_report(&cx.db, cx.lang, period, clock::today()).await?;
    let bytes = to_csv(cx.lang, &report).map_err(|err| PageError::Internal(Box::new(err)))?;
    let period = &report.period;
    let name = match period.kind {
        PeriodKind::Year => format!("tal-{}.csv", period.from.format("%Y")),
        PeriodKind::Quarter => format!(
            "tal-{}-kvartal-{}.csv",
            period.from.format("%Y"),
            chrono::Datelike::month(&period.from) / 3 + 1
        ),
        PeriodKind::Chosen => format!("tal-{}-til-{}.csv", period.from, period.to),
    };
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
