//! The staff's attendance form of a date (`/personale/aktiviteter/{id}/{date}/fremmoede`).

use app::{
    address::{DateWindow, Id},
    attendance::service::{self as attendance, AttendanceForm},
};

use super::prelude::*;

pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/personale/aktiviteter/{id}/{date}/fremmoede",
        post(record_attendance),
    )
}

async fn record_attendance(
    cx: Ctx,
    staff: Staff,
    Params((id, date)): Params<(Id, String)>,
    PostedForm(form): PostedForm<AttendanceForm>,
) -> Result<Redirect, PageError> {
    let (id, date) = (id.get(), DateWindow::today().date(&date));
    let date = date.ok_or(PageError::NotFound)?;
    let found = cx.db.calendar().occurrence_by_activity(id, date).await?;
    let (activity, occurrence) = found.ok_or(PageError::NotFound)?;
    let page = format!("/personale/aktiviteter/{id}/{}", occurrence.key.date);
    attendance::record(
        &cx.db,
        cx.lang,
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
