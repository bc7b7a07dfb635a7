//! Residents' sign-ups: the form on a date's page, and changing or cancelling from the private
//! link (`/tilmelding/{token}`).

use app::{
    clock,
    signups::{
        queries::PartyChange,
        service::{self as signups, LinkedSignup, PartyForm, SignupForm},
    },
};
use axum::{extract::State, response::Redirect, routing::post, Router};

use crate::{
    errors::{OnPage, PageError},
    extract::{Language, Params, PostedForm},
    handlers::calendar::occurrence_at,
    AppState,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/aktiviteter/{slug}/{date}", post(sign_up))
        .route("/tilmelding/{token}/afmeld", post(cancel))
        .route("/tilmelding/{token}/aendr", post(change_party))
}

async fn sign_up(
    State(state): State<AppState>,
    Params((slug, date)): Params<(String, String)>,
    Language(lang): Language,
    PostedForm(form): PostedForm<SignupForm>,
) -> Result<Redirect, PageError> {
    let (activity, occurrence) = occurrence_at(&state, &slug, &date).await?;
    let links = state.links();
    let signed_up = signups::sign_up(
        &state.db,
        lang,
        &links,
        &activity,
        &occurrence,
        &form,
        clock::now(),
    )
    .await
    .on_page(&occurrence.key.path())?;
    let token = signed_up.token.as_str();
    Ok(Redirect::to(&format!(
        "/tilmelding/{token}?besked=tilmeldt"
    )))
}

/// The sign-up of a private link, or the 404 page for a link that names none.
async fn linked(state: &AppState, token: &str) -> Result<LinkedSignup, PageError> {
    signups::find_by_link(&state.db, token)
        .await?
        .ok_or(PageError::NotFound)
}

async fn cancel(
    State(state): State<AppState>,
    Params(token): Params<String>,
    Language(lang): Language,
) -> Result<Redirect, PageError> {
    let linked = linked(&state, &token).await?;
    let page = format!("/tilmelding/{token}");
    signups::cancel(
        &state.db,
        lang,
        &state.site.name,
        &linked,
        &token,
        clock::now(),
    )
    .await
    .on_page(&page)?;
    Ok(Redirect::to(&format!("{page}?besked=afmeldt")))
}

async fn change_party(
    State(state): State<AppState>,
    Params(token): Params<String>,
    Language(lang): Language,
    PostedForm(form): PostedForm<PartyForm>,
) -> Result<Redirect, PageError> {
    let linked = linked(&state, &token).await?;
    let page = format!("/tilmelding/{token}");
    let site = &state.site.name;
    let change = signups::change_party(&state.db, lang, site, &linked, &token, &form, clock::now())
        .await
        .on_page(&page)?;
    if change == PartyChange::NotFound {
        return Err(PageError::NotFound);
    }
    Ok(Redirect::to(&format!("{page}?besked=aendret")))
}
