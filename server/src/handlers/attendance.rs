//! The staff's attendance form of a date (`/personale/aktiviteter/{id}/{date}/fremmoede`).

use app::{
    attendance::service::{self as attendance, AttendanceForm},
    clock,
};
use axum::{extract::State, response::Redirect, routing::post, Router};
use chrono::NaiveDate;

use crate::{
    errors::{OnPage, PageError},
    extract::{Language, Params, PostedForm, Staff},
    AppState,
};

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/personale/aktiviteter/{id}/{date}/fremmoede",
        post(record_attendance),
    )
}

async fn record_attendance(
    State(state): State<AppState>,
    staff: Staff,
    Params((id, date)): Params<(i64, NaiveDate)>,
    Language(lang): Language,
    PostedForm(form): PostedForm<AttendanceForm>,
) -> Result<Redirect, PageError> {
    let (activity, occurrence) = state
        .db
        .calendar()
        .occurrence_by_activity(id, date)
        .await?
        .ok_or(PageError::NotFound)?;
    let page = format!("/personale/aktiviteter/{id}/{}", occurrence.key.date);
    attendance::record(
        &state.db,
        lang,
        staff.id,
        &activity,
        &occurrence,
        &form,
        clock::now(),
    )
    .await
    .on_page(&format!("{page}/fremmoede"))?;
    Ok(Redirect::to(&format!("{page}?besked=fremmoede-gemt")))
}
