//! The staff's forms of a date: the attendance form
//! (`/personale/aktiviteter/{id}/{date}/fremmoede`) and removing a sign-up from the date's list
//! (`…/tilmeldinger/{signup}/fjern`).

use app::{
    address::{parse_date, Id},
    attendance::service::{self as attendance, AttendanceForm},
    calendar::service::dated_occurrence,
    signups::service as signups,
};

use super::prelude::*;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/personale/aktiviteter/{id}/{date}/fremmoede",
            post(record_attendance),
        )
        .route(
            "/personale/aktiviteter/{id}/{date}/tilmeldinger/{signup}/fjern",
            post(remove_signup),
        )
}

async fn record_attendance(
    cx: Ctx,
    staff: Staff,
    Params((id, date)): Params<(Id, String)>,
    PostedForm(form): PostedForm<AttendanceForm>,
) -> Result<Redirect, PageError> {
    let id = id.get();
    let date = parse_date(&date).ok_or(PageError::NotFound)?;
    let (activity, occurrence) = dated_occurrence(&cx.db, id, date, clock::today()).await?;
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

/// One press of the button by a sign-up on the date's list: the party is cancelled as if it
/// had cancelled itself, and waiting parties move up. A sign-up of another date is a 404.
async fn remove_signup(
    cx: Ctx,
    staff: Staff,
    Params((id, date, signup_id)): Params<(Id, String, Id)>,
) -> Result<Redirect, PageError> {
    let (id, signup_id) = (id.get(), signup_id.get());
    let date = parse_date(&date).ok_or(PageError::NotFound)?;
    let (activity, occurrence) = dated_occurrence(&cx.db, id, date, clock::today()).await?;
    let page = format!("/personale/aktiviteter/{id}/{}", occurrence.key.date);
    let (links, now) = (cx.links(), clock::now());
    signups::remove(
        &cx.db,
        cx.lang,
        &links,
        staff.id,
        (&activity, &occurrence),
        signup_id,
        now,
    )
    .await
    .on_page(&page)?
    .ok_or(PageError::NotFound)?;
    Ok(Redirect::to(&format!("{page}?besked=tilmelding-fjernet")))
}
