//! The visitor figures' address beyond their page: `/personale/besoeg.csv?aar=2026`, the
//! counted days of a year as a CSV file for Excel (see `app::visits::api::to_csv`). A year that
//! does not read gets the 404 page; the handler checks the role again, like every staff handler.

use app::{
    period::{Accepts, Period, PeriodQuery},
    visits::api::to_csv,
};
use axum::extract::{rejection::QueryRejection, Query};

use super::{download::csv_file, prelude::*};

/// The file holds a whole year.
const ACCEPTS: Accepts = Accepts {
    quarter: false,
    month: false,
    chosen: false,
};

pub fn routes() -> Router<AppState> {
    Router::new().route("/personale/besoeg.csv", get(visits_csv))
}

async fn visits_csv(
    cx: Ctx,
    _: Staff,
    query: Result<Query<PeriodQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let Query(query) = query.map_err(|_| PageError::NotFound)?;
    let (year, errors): (Period, _) = query.period(clock::today(), ACCEPTS);
    if !errors.is_empty() {
        return Err(PageError::NotFound);
    }
    let days = cx.db.visits().days(year.from, year.to).await?;
    let bytes = to_csv(cx.lang, &days).map_err(|err| PageError::Internal(Box::new(err)))?;
    Ok(csv_file(&year.file_name("besoeg"), bytes))
}
