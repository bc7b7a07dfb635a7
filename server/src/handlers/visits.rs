//! The visitor figures' address beyond their page: `/personale/besoeg.csv?aar=2026`, the
//! counted days of a year as a CSV file for Excel (see `app::visits::api::to_csv`). A year that
//! does not read gets the 404 page; the handler checks the role again, like every staff handler.

use app::visits::api::{to_csv, year_bounds, VisitsQuery};
use axum::{
    extract::{rejection::QueryRejection, Query},
    http::header,
};

use super::prelude::*;

pub fn routes() -> Router<AppState> {
    Router::new().route("/personale/besoeg.csv", get(visits_csv))
}

async fn visits_csv(
    cx: Ctx,
    _: Staff,
    query: Result<Query<VisitsQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let Query(query) = query.map_err(|_| PageError::NotFound)?;
    let (chosen, errors) = query.chosen(clock::today());
    if errors.iter().any(|(field, _)| *field == "aar") {
        return Err(PageError::NotFound);
    }
    let (from, to) = year_bounds(chosen.year);
    let days = cx.db.visits().days(from, to).await?;
    let bytes = to_csv(cx.lang, &days).map_err(|err| PageError::Internal(Box::new(err)))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"besoeg-{}.csv\"", chosen.year),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
