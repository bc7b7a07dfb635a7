//! Residents' sign-ups: the form on a date's page, and changing or cancelling from the private
//! link (`/tilmelding/{token}`).

use app::{
    calendar::service::occurrence_at,
    signups::{
        queries::PartyChange,
        service::{self as signups, PartyForm, SignupForm},
    },
};

use axum::http::StatusCode;

use super::prelude::*;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/aktiviteter/{slug}/{date}", post(sign_up))
        .route("/tilmelding/{token}/afmeld", post(cancel))
        .route("/tilmelding/{token}/aendr", post(change_party))
}

/// Signs a party up: the form's checks first (an invalid form, a filled honeypot or a closed
/// date counts for no limit), then the client network's limits, then the write.
async fn sign_up(
    cx: Ctx,
    ClientIp(ip): ClientIp,
    Params((slug, date)): Params<(String, String)>,
    PostedForm(form): PostedForm<SignupForm>,
) -> Result<Response, PageError> {
    let (activity, occurrence) = occurrence_at(&cx.db, &slug, &date, clock::today()).await?;
    let (page, now) = (occurrence.key.path(), clock::now());
    let party =
        signups::check_signup(cx.lang, &activity, &occurrence, &form, now).on_page(&page)?;
    if !cx.limits.allow_signup(ip, activity.id, occurrence.key.date) {
        let feedback = signups::too_many(cx.lang, &form);
        return Ok(show_page(
            &page,
            Some(feedback),
            StatusCode::TOO_MANY_REQUESTS,
        ));
    }
    let links = cx.links();
    let signed_up = signups::sign_up(&cx.db, &links, &activity, &occurrence, &party, now)
        .await
        .on_page(&page)?;
    let token = signed_up.token.as_str();
    let manage = format!("/tilmelding/{token}?besked=tilmeldt");
    Ok(Redirect::to(&manage).into_response())
}

async fn cancel(cx: Ctx, Params(token): Params<String>) -> Result<Redirect, PageError> {
    let linked = signups::linked(&cx.db, &token).await?;
    let page = format!("/tilmelding/{token}");
    signups::cancel(&cx.db, cx.lang, &cx.links(), &linked, &token, clock::now())
        .await
        .on_page(&page)?;
    Ok(Redirect::to(&format!("{page}?besked=afmeldt")))
}

async fn change_party(
    cx: Ctx,
    Params(token): Params<String>,
    PostedForm(form): PostedForm<PartyForm>,
) -> Result<Redirect, PageError> {
    let linked = signups::linked(&cx.db, &token).await?;
    let page = format!("/tilmelding/{token}");
    let (links, now) = (cx.links(), clock::now());
    let change = signups::change_party(&cx.db, cx.lang, &links, &linked, &token, &form, now)
        .await
        .on_page(&page)?;
    if change == PartyChange::NotFound {
        return Err(PageError::NotFound);
    }
    Ok(Redirect::to(&format!("{page}?besked=aendret")))
}
