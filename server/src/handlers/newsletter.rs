//! The newsletter's forms: subscribing (`/nyhedsbrev/tilmeld`), and from the private link
//! saving a choice (`/abonnement/{token}`) and leaving (`/abonnement/{token}/afmeld`, which is
//! also the one-click address of RFC 8058 that mail apps post to).

use app::newsletter::service::{self as newsletter, ChoiceForm, SettingsForm, SubscribeForm};
use axum::http::StatusCode;

use super::prelude::*;

/// The page a refused subscription comes back on.
const ARCHIVE: &str = "/nyhedsbrev";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/nyhedsbrev/tilmeld", post(subscribe))
        .route("/abonnement/{token}", post(choose))
        .route("/abonnement/{token}/afmeld", post(leave))
        .route(STAFF_PAGE, post(save_settings))
}

/// The staff's newsletter page.
const STAFF_PAGE: &str = "/personale/nyhedsbrev";

/// Saves when the newsletter goes and the next one's note; the page then shows the preview.
async fn save_settings(
    cx: Ctx,
    _staff: Staff,
    PostedForm(form): PostedForm<SettingsForm>,
) -> Result<Redirect, PageError> {
    let settings = newsletter::check_settings(&form).on_page(STAFF_PAGE)?;
    cx.db.newsletter().save_settings(&settings).await?;
    Ok(Redirect::to(&format!("{STAFF_PAGE}?besked=gemt")))
}

/// Subscribes an address: the form's check first (a mistyped address counts for no limit),
/// then the network's limits, then the write. A new, an unconfirmed and a subscribed address,
/// and a robot's form, all get the same answer.
async fn subscribe(
    cx: Ctx,
    ClientIp(ip): ClientIp,
    PostedForm(form): PostedForm<SubscribeForm>,
) -> Result<Response, PageError> {
    newsletter::check(cx.lang, &form).on_page(ARCHIVE)?;
    if !cx.limits.allow_subscribe(ip, &form.email) {
        let feedback = newsletter::too_many(cx.lang, &form);
        return Ok(show_page(
            ARCHIVE,
            Some(feedback),
            StatusCode::TOO_MANY_REQUESTS,
        ));
    }
    newsletter::subscribe(&cx.db, &cx.links(), cx.lang, &form, clock::now())
        .await
        .on_page(ARCHIVE)?;
    Ok(Redirect::to(&format!("{ARCHIVE}?besked=tjek-mail")).into_response())
}

async fn choose(
    cx: Ctx,
    Params(token): Params<String>,
    PostedForm(form): PostedForm<ChoiceForm>,
) -> Result<Redirect, PageError> {
    let now = clock::now();
    let subscriber = newsletter::linked(&cx.db, &token, now).await?;
    let page = format!("/abonnement/{token}");
    newsletter::choose(&cx.db, cx.lang, &subscriber, &form, now)
        .await
        .on_page(&page)?;
    Ok(Redirect::to(&format!("{page}?besked=gemt")))
}

/// Leaves at once: the address, its links, its choice and its emails are deleted. A mail app's
/// one-click post (`List-Unsubscribe=One-Click`) comes here too, from no page of ours, so this
/// address is exempt from the same-origin check: without the secret link it does nothing.
async fn leave(cx: Ctx, Params(token): Params<String>) -> Result<Redirect, PageError> {
    let subscriber = newsletter::linked(&cx.db, &token, clock::now()).await?;
    cx.db.newsletter().leave(subscriber.id).await?;
    Ok(Redirect::to(&format!("{ARCHIVE}?besked=afmeldt")))
}
