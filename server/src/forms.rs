//! The POST handlers of the forms: accounts, the staff's activities, and residents' sign-ups.
//! Each reads the form, applies the rate limits where they apply, lets the domain's `service`
//! module do the work, and then either redirects (303, so a reload does not post again) or
//! renders the form's page again with Danish feedback next to the fields.
//!
//! These are plain axum handlers rather than Leptos server functions: a form posted without
//! JavaScript must come back as a whole page with what was typed and what to fix, and must be
//! able to set the session cookie, which is simplest with the request in hand.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use app::{
    accounts::{
        service::{self, Links, Refusal},
        Viewer,
    },
    calendar::service::{self as calendar, ActivityForm, ExceptionForm},
    forms::FormFeedback,
    i18n::Lang,
    pages::account::safe_next,
    signups::{
        queries::PartyChange,
        service::{self as signups, PartyForm, SignupForm},
    },
};
use axum::{
    extract::{ConnectInfo, FromRequest, Path, Request, State},
    http::{request::Parts, StatusCode},
    response::{IntoResponse, Redirect, Response},
    routing::post,
    Form, Router,
};
use chrono::Utc;
use serde::{de::DeserializeOwned, Deserialize};
use tower_sessions::Session;

use crate::{
    access::{allows, Requirement},
    render, sessions, AppState,
};

/// Adds the forms' routes; their pages are the Leptos routes at the same addresses.
pub fn add_routes(router: Router<AppState>) -> Router<AppState> {
    router
        .route("/log-ind", post(log_in))
        .route("/log-ud", post(log_out))
        .route("/invitation/{token}", post(accept_invitation))
        .route("/glemt-adgangskode", post(forgot_password))
        .route("/nulstil/{token}", post(reset_password))
        .route("/konto/adgangskode", post(change_password))
        .route("/personale/brugere/inviter", post(invite))
        .route("/personale/brugere/{id}/{action}", post(set_disabled))
        .route("/personale/aktiviteter/ny", post(create_activity))
        .route("/personale/aktiviteter/{id}", post(update_activity))
        .route(
            "/personale/aktiviteter/{id}/undtagelser",
            post(add_exception),
        )
        .route(
            "/personale/aktiviteter/{id}/undtagelser/{exception}/slet",
            post(delete_exception),
        )
        .route("/aktiviteter/{slug}/{date}", post(sign_up))
        .route("/tilmelding/{token}/afmeld", post(cancel_signup))
        .route("/tilmelding/{token}/aendr", post(change_party))
        .route("/personale/artikler/ny", post(create_article))
        .route("/personale/artikler/{id}", post(update_article))
        .route("/personale/artikler/{id}/slet", post(delete_article))
        .route("/personale/udgaver/ny", post(create_issue))
        .route("/personale/udgaver/{id}", post(update_issue))
        .route(
            "/personale/aktiviteter/{id}/{date}/fremmoede",
            post(record_attendance),
        )
}

/// Splits a request into its parts (for rendering) and its form.
async fn read_form<T: DeserializeOwned>(
    state: &AppState,
    request: Request,
) -> Result<(Parts, T), Response> {
    let (parts, body) = request.into_parts();
    let request = Request::from_parts(parts.clone(), body);
    match Form::<T>::from_request(request, state).await {
        Ok(Form(form)) => Ok((parts, form)),
        Err(rejection) => Err(rejection.into_response()),
    }
}

/// The address the request came from (the peer of the connection).
fn client_ip(parts: &Parts) -> IpAddr {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

/// The logged-in viewer if they meet `requirement`; otherwise the 403 page.
async fn viewer_meeting(
    state: &AppState,
    parts: &Parts,
    requirement: Requirement,
) -> Result<Viewer, Response> {
    match parts.extensions.get::<Viewer>() {
        Some(viewer) if allows(requirement, Some(viewer)) => Ok(viewer.clone()),
        _ => Err(render::page(state, parts, "/ingen-adgang", None, StatusCode::FORBIDDEN).await),
    }
}

/// Shows a refused form again (422), or the 500 page for an internal failure.
async fn refused(state: &AppState, parts: &Parts, page: &str, refusal: Refusal) -> Response {
    match refusal {
        Refusal::Invalid(feedback) => {
            render::page(
                state,
                parts,
                page,
                Some(feedback),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Refusal::Internal(cause) => render::internal_error(state, parts, &cause),
    }
}

/// The friendly 429: the form again, with the message to wait.
async fn too_many(state: &AppState, parts: &Parts, page: &str, form: &str) -> Response {
    let mut feedback = FormFeedback::for_form(form);
    feedback.message(Lang::default().text("too-many-attempts"));
    render::page(
        state,
        parts,
        page,
        Some(feedback),
        StatusCode::TOO_MANY_REQUESTS,
    )
    .await
}

fn links(state: &AppState) -> Links<'_> {
    Links {
        public_url: state.public_url.as_str(),
        site_name: &state.site.name,
    }
}

/// Starts the session, or shows the 500 page if the session store fails.
async fn start_session(
    state: &AppState,
    parts: &Parts,
    session: &Session,
    account: &app::accounts::queries::Account,
    to: &str,
) -> Response {
    match sessions::log_in(session, account).await {
        Ok(()) => Redirect::to(to).into_response(),
        Err(err) => render::internal_error(state, parts, &err.to_string()),
    }
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    next: Option<String>,
}

async fn log_in(State(state): State<AppState>, session: Session, request: Request) -> Response {
    let (parts, form) = match read_form::<LoginForm>(&state, request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let next = safe_next(form.next.clone());
    let page = match &next {
        Some(next) => format!(
            "/log-ind?next={}",
            url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
        ),
        None => "/log-ind".to_owned(),
    };
    if !state.limits.allow_login(client_ip(&parts), &form.email) {
        return too_many(&state, &parts, &page, "login").await;
    }
    match service::log_in(&state.db, Lang::default(), &form.email, &form.password).await {
        Ok(account) => {
            let home = Viewer::of(&account).home().to_owned();
            if let Err(err) = state
                .db
                .record_audit(Some(account.id), "log_in", "", Utc::now())
                .await
            {
                return render::internal_error(&state, &parts, &err.to_string());
            }
            start_session(&state, &parts, &session, &account, &next.unwrap_or(home)).await
        }
        Err(refusal) => refused(&state, &parts, &page, refusal).await,
    }
}

async fn log_out(session: Session) -> Response {
    if let Err(err) = sessions::log_out(&session).await {
        tracing::error!(error = %err, "could not delete a session at logout");
    }
    Redirect::to("/log-ind?besked=logget-ud").into_response()
}

/// The form behind an emailed link: a name (invitations only) and a new password.
#[derive(Deserialize)]
struct LinkForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
}

async fn accept_invitation(
    State(state): State<AppState>,
    Path(token): Path<String>,
    session: Session,
    request: Request,
) -> Response {
    link_form(state, token, session, request, false).await
}

async fn reset_password(
    State(state): State<AppState>,
    Path(token): Path<String>,
    session: Session,
    request: Request,
) -> Response {
    link_form(state, token, session, request, true).await
}

/// Accepts an invitation or a reset link, and logs the account in.
async fn link_form(
    state: AppState,
    token: String,
    session: Session,
    request: Request,
    reset: bool,
) -> Response {
    let (parts, form) = match read_form::<LinkForm>(&state, request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let (lang, now) = (Lang::default(), Utc::now());
    let outcome = if reset {
        service::reset_password(&state.db, lang, &token, &form.password, now).await
    } else {
        service::accept_invitation(&state.db, lang, &token, &form.name, &form.password, now).await
    };
    match outcome {
        Ok(account) => {
            let home = Viewer::of(&account).home();
            start_session(&state, &parts, &session, &account, home).await
        }
        Err(refusal) => refused(&state, &parts, parts.uri.path(), refusal).await,
    }
}

#[derive(Deserialize)]
struct EmailForm {
    #[serde(default)]
    email: String,
}

async fn forgot_password(State(state): State<AppState>, request: Request) -> Response {
    let (parts, form) = match read_form::<EmailForm>(&state, request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    const PAGE: &str = "/glemt-adgangskode";
    if !state.limits.allow_email(&form.email) {
        return too_many(&state, &parts, PAGE, "forgot").await;
    }
    let outcome = service::request_reset(
        &state.db,
        Lang::default(),
        &links(&state),
        &form.email,
        Utc::now(),
    )
    .await;
    match outcome {
        Ok(_) => Redirect::to("/glemt-adgangskode?besked=sendt").into_response(),
        Err(refusal) => refused(&state, &parts, PAGE, refusal).await,
    }
}

#[derive(Deserialize)]
struct ChangePasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
}

async fn change_password(
    State(state): State<AppState>,
    session: Session,
    request: Request,
) -> Response {
    let (parts, form) = match read_form::<ChangePasswordForm>(&state, request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    const PAGE: &str = "/konto";
    let viewer = match viewer_meeting(&state, &parts, Requirement::LoggedIn).await {
        Ok(viewer) => viewer,
        Err(response) => return response,
    };
    // Guessing the current password here is guessing a login: the same limits apply.
    if !state.limits.allow_login(client_ip(&parts), &viewer.email) {
        return too_many(&state, &parts, PAGE, "change-password").await;
    }
    let outcome = service::change_password(
        &state.db,
        Lang::default(),
        &viewer,
        &form.current,
        &form.password,
        Utc::now(),
    )
    .await;
    match outcome {
        // A fresh session carries the new password's mark; other sessions of the account end.
        Ok(account) => {
            start_session(
                &state,
                &parts,
                &session,
                &account,
                "/konto?besked=adgangskode-skiftet",
            )
            .await
        }
        Err(refusal) => refused(&state, &parts, PAGE, refusal).await,
    }
}

#[derive(Deserialize)]
struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

async fn invite(State(state): State<AppState>, request: Request) -> Response {
    let (parts, form) = match read_form::<InviteForm>(&state, request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    const PAGE: &str = "/personale/brugere";
    let viewer = match viewer_meeting(&state, &parts, Requirement::Admin).await {
        Ok(viewer) => viewer,
        Err(response) => return response,
    };
    if !state.limits.allow_email(&form.email) {
        return too_many(&state, &parts, PAGE, "invite").await;
    }
    let outcome = service::invite(
        &state.db,
        Lang::default(),
        &links(&state),
        Some(viewer.id),
        &form.email,
        &form.role,
        Utc::now(),
    )
    .await;
    match outcome {
        Ok(_) => Redirect::to("/personale/brugere?besked=inviteret").into_response(),
        Err(refusal) => refused(&state, &parts, PAGE, refusal).await,
    }
}

async fn set_disabled(
    State(state): State<AppState>,
    Path((id, action)): Path<(i64, String)>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let viewer = match viewer_meeting(&state, &parts, Requirement::Admin).await {
        Ok(viewer) => viewer,
        Err(response) => return response,
    };
    let (disabled, notice) = match action.as_str() {
        "deaktiver" => (true, "deaktiveret"),
        "aktiver" => (false, "aktiveret"),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    // An admin cannot lock themselves out; the page offers no button for it either.
    if id == viewer.id {
        return render::page(&state, &parts, "/ingen-adgang", None, StatusCode::FORBIDDEN).await;
    }
    match state
        .db
        .set_account_disabled(viewer.id, id, disabled, Utc::now())
        .await
    {
        Ok(true) => Redirect::to(&format!("/personale/brugere?besked={notice}")).into_response(),
        Ok(false) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => render::internal_error(&state, &parts, &err.to_string()),
    }
}

async fn create_activity(State(state): State<AppState>, request: Request) -> Response {
    save_activity(state, None, request).await
}

async fn update_activity(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    save_activity(state, Some(id), request).await
}

/// Creates an activity (`id` None) or changes one, then shows it.
async fn save_activity(state: AppState, id: Option<i64>, request: Request) -> Response {
    let (parts, form) = match read_form::<ActivityForm>(&state, request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let viewer = match viewer_meeting(&state, &parts, Requirement::Staff).await {
        Ok(viewer) => viewer,
        Err(response) => return response,
    };
    let page = match id {
        Some(id) => format!("/personale/aktiviteter/{id}"),
        None => "/personale/aktiviteter/ny".to_owned(),
    };
    let activity = match calendar::check_activity(&state.db, Lang::default(), &form, id).await {
        Ok(activity) => activity,
        Err(refusal) => return refused(&state, &parts, &page, refusal).await,
    };
    let now = Utc::now();
    let saved = match id {
        None => state
            .db
            .create_activity(Some(viewer.id), &activity, now)
            .await
            .map(|id| Some((id, "oprettet"))),
        Some(id) => state
            .db
            .update_activity(Some(viewer.id), id, &activity, now)
            .await
            .map(|found| found.then_some((id, "gemt"))),
    };
    match saved {
        Ok(Some((id, notice))) => {
            Redirect::to(&format!("/personale/aktiviteter/{id}?besked={notice}")).into_response()
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => render::internal_error(&state, &parts, &err.to_string()),
    }
}

async fn add_exception(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    let (parts, form) = match read_form::<ExceptionForm>(&state, request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let viewer = match viewer_meeting(&state, &parts, Requirement::Staff).await {
        Ok(viewer) => viewer,
        Err(response) => return response,
    };
    let activity = match state.db.activity_by_id(id).await {
        Ok(Some(activity)) => activity,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return render::internal_error(&state, &parts, &err.to_string()),
    };
    let page = format!("/personale/aktiviteter/{id}");
    match calendar::add_exception(
        &state.db,
        Lang::default(),
        viewer.id,
        &activity,
        &form,
        Utc::now(),
    )
    .await
    {
        Ok(()) => {
            Redirect::to(&format!("{page}?besked=undtagelse-gemt#undtagelser")).into_response()
        }
        Err(refusal) => refused(&state, &parts, &page, refusal).await,
    }
}

async fn delete_exception(
    State(state): State<AppState>,
    Path((id, exception)): Path<(i64, i64)>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let viewer = match viewer_meeting(&state, &parts, Requirement::Staff).await {
        Ok(viewer) => viewer,
        Err(response) => return response,
    };
    match state
        .db
        .delete_exception(Some(viewer.id), id, exception, Utc::now())
        .await
    {
        Ok(true) => Redirect::to(&format!(
            "/personale/aktiviteter/{id}?besked=undtagelse-slettet#undtagelser"
        ))
        .into_response(),
        Ok(false) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => render::internal_error(&state, &parts, &err.to_string()),
    }
}

/// The activity and occurrence of `/aktiviteter/{slug}/{date}`, if there is such a date.
async fn find_occurrence(
    state: &AppState,
    slug: &str,
    date: &str,
) -> Result<Option<(app::calendar::Activity, app::calendar::Occurrence)>, sqlx::Error> {
    let Ok(date) = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d") else {
        return Ok(None);
    };
    let key = app::calendar::OccurrenceKey {
        activity_slug: slug.to_owned(),
        date,
    };
    state.db.occurrence(&key).await
}

async fn sign_up(
    State(state): State<AppState>,
    Path((slug, date)): Path<(String, String)>,
    request: Request,
) -> Response {
    let (parts, form) = match read_form::<SignupForm>(&state, request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let (activity, occurrence) = match find_occurrence(&state, &slug, &date).await {
        Ok(Some(found)) => found,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return render::internal_error(&state, &parts, &err.to_string()),
    };
    if occurrence.starts <= app::calendar::api::local_now() {
        let mut feedback = FormFeedback::for_form("signup");
        feedback.message(Lang::default().text("signup-closed"));
        return refused(&state, &parts, parts.uri.path(), Refusal::Invalid(feedback)).await;
    }
    let outcome = signups::sign_up(
        &state.db,
        Lang::default(),
        &links(&state),
        &activity,
        &occurrence,
        &form,
        Utc::now(),
    )
    .await;
    match outcome {
        Ok(signed_up) => Redirect::to(&format!(
            "/tilmelding/{}?besked=tilmeldt",
            signed_up.token.as_str()
        ))
        .into_response(),
        Err(refusal) => refused(&state, &parts, parts.uri.path(), refusal).await,
    }
}

/// The activity and occurrence of a private sign-up link, if it is known.
async fn signup_occurrence(
    state: &AppState,
    token: &str,
) -> Result<Option<(app::calendar::Activity, app::calendar::Occurrence)>, sqlx::Error> {
    let hash = app::accounts::token::Token::from_link(token).hash();
    let Some((_, activity_id, date)) = state.db.signup_with_occurrence(&hash).await? else {
        return Ok(None);
    };
    state.db.occurrence_of(activity_id, date).await
}

async fn cancel_signup(
    State(state): State<AppState>,
    Path(token): Path<String>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let (activity, occurrence) = match signup_occurrence(&state, &token).await {
        Ok(Some(found)) => found,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return render::internal_error(&state, &parts, &err.to_string()),
    };
    let outcome = signups::cancel(
        &state.db,
        Lang::default(),
        &state.site.name,
        &activity,
        &occurrence,
        &token,
        Utc::now(),
    )
    .await;
    match outcome {
        Ok(_) => Redirect::to(&format!("/tilmelding/{token}?besked=afmeldt")).into_response(),
        Err(refusal) => refused(&state, &parts, &format!("/tilmelding/{token}"), refusal).await,
    }
}

async fn change_party(
    State(state): State<AppState>,
    Path(token): Path<String>,
    request: Request,
) -> Response {
    let (parts, form) = match read_form::<PartyForm>(&state, request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let (activity, occurrence) = match signup_occurrence(&state, &token).await {
        Ok(Some(found)) => found,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return render::internal_error(&state, &parts, &err.to_string()),
    };
    let outcome = signups::change_party(
        &state.db,
        Lang::default(),
        &state.site.name,
        (&activity, &occurrence),
        &token,
        &form,
        Utc::now(),
    )
    .await;
    let page = format!("/tilmelding/{token}");
    match outcome {
        Ok(PartyChange::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Ok(_) => Redirect::to(&format!("{page}?besked=aendret")).into_response(),
        Err(refusal) => refused(&state, &parts, &page, refusal).await,
    }
}

async fn record_attendance(
    State(state): State<AppState>,
    Path((id, date)): Path<(i64, String)>,
    request: Request,
) -> Response {
    let (parts, pairs) = match read_form::<Vec<(String, String)>>(&state, request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let viewer = match viewer_meeting(&state, &parts, Requirement::Staff).await {
        Ok(viewer) => viewer,
        Err(response) => return response,
    };
    let Ok(date) = chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (activity, occurrence) = match state.db.occurrence_of(id, date).await {
        Ok(Some(found)) => found,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return render::internal_error(&state, &parts, &err.to_string()),
    };
    let outcome = app::attendance::service::record(
        &state.db,
        Lang::default(),
        viewer.id,
        &activity,
        &occurrence,
        &pairs,
        Utc::now(),
    )
    .await;
    let page = format!("/personale/aktiviteter/{id}/{}", occurrence.key.date);
    match outcome {
        Ok(()) => Redirect::to(&format!("{page}?besked=fremmoede-gemt")).into_response(),
        Err(refusal) => refused(&state, &parts, &format!("{page}/fremmoede"), refusal).await,
    }
}

async fn create_article(State(state): State<AppState>, request: Request) -> Response {
    save_article(state, None, request).await
}

async fn update_article(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    save_article(state, Some(id), request).await
}

/// A form that may carry a cover image: its text fields, the file if one was chosen, and
/// whether the upload was larger than the limit.
struct UploadForm {
    pairs: Vec<(String, String)>,
    cover: Option<Vec<u8>>,
    too_large: bool,
}

/// Reads a form with a `cover` file field: multipart or, without a file, urlencoded. An upload
/// larger than the limit is reported, and the text fields, which come before the file in the
/// form, are kept.
async fn read_upload_form(
    state: &AppState,
    request: Request,
) -> Result<(Parts, UploadForm), Response> {
    use axum::extract::Multipart;
    let multipart = request
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("multipart/form-data"));
    if !multipart {
        let (parts, pairs) = read_form::<Vec<(String, String)>>(state, request).await?;
        let form = UploadForm {
            pairs,
            cover: None,
            too_large: false,
        };
        return Ok((parts, form));
    }
    let (parts, body) = request.into_parts();
    let request = Request::from_parts(parts.clone(), body);
    let mut multipart = Multipart::from_request(request, state)
        .await
        .map_err(IntoResponse::into_response)?;
    let mut pairs = Vec::new();
    let mut file = None;
    let mut too_large = false;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => {
                too_large = true;
                break;
            }
        };
        let name = field.name().unwrap_or_default().to_owned();
        if name == "cover" {
            let chosen = field.file_name().is_some_and(|name| !name.is_empty());
            match field.bytes().await {
                Ok(bytes) if chosen || !bytes.is_empty() => file = Some(bytes.to_vec()),
                Ok(_) => {}
                Err(_) => {
                    too_large = true;
                    break;
                }
            }
        } else {
            match field.text().await {
                Ok(text) => pairs.push((name, text)),
                Err(_) => {
                    too_large = true;
                    break;
                }
            }
        }
    }
    let form = UploadForm {
        pairs,
        cover: file,
        too_large,
    };
    Ok((parts, form))
}

/// Saves an article from the editor, or shows the editor again with a preview.
async fn save_article(state: AppState, id: Option<i64>, request: Request) -> Response {
    use app::articles::service::{self as articles, ArticleForm};
    let (parts, upload) = match read_upload_form(&state, request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let mut form = ArticleForm::from_pairs(&upload.pairs);
    form.cover_file = upload.cover;
    let too_large = upload.too_large;
    let viewer = match viewer_meeting(&state, &parts, Requirement::Staff).await {
        Ok(viewer) => viewer,
        Err(response) => return response,
    };
    let existing = match id {
        None => None,
        Some(id) => match state.db.article_by_id(id).await {
            Ok(Some(article)) => Some(article),
            Ok(None) => return StatusCode::NOT_FOUND.into_response(),
            Err(err) => return render::internal_error(&state, &parts, &err.to_string()),
        },
    };
    let page = match id {
        Some(id) => format!("/personale/artikler/{id}"),
        None => "/personale/artikler/ny".to_owned(),
    };
    let lang = Lang::default();
    if too_large {
        let mut feedback = articles::kept(&form);
        feedback.error("cover", lang.text("image-too-large"));
        return refused(&state, &parts, &page, Refusal::Invalid(feedback)).await;
    }
    if form.action == "preview" {
        let preview = articles::preview(&form);
        return render::page(&state, &parts, &page, Some(preview), StatusCode::OK).await;
    }
    let now = Utc::now();
    match articles::save(&state.db, lang, viewer.id, &form, existing.as_ref(), now).await {
        Ok(Some(id)) => {
            Redirect::to(&format!("/personale/artikler/{id}?besked=gemt")).into_response()
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(refusal) => refused(&state, &parts, &page, refusal).await,
    }
}

async fn delete_article(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let viewer = match viewer_meeting(&state, &parts, Requirement::Staff).await {
        Ok(viewer) => viewer,
        Err(response) => return response,
    };
    match state
        .db
        .delete_article(Some(viewer.id), id, Utc::now())
        .await
    {
        Ok(true) => Redirect::to("/personale/artikler?besked=slettet").into_response(),
        Ok(false) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => render::internal_error(&state, &parts, &err.to_string()),
    }
}

async fn create_issue(State(state): State<AppState>, request: Request) -> Response {
    save_issue(state, None, request).await
}

async fn update_issue(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    request: Request,
) -> Response {
    save_issue(state, Some(id), request).await
}

/// Saves a magazine issue from its form.
async fn save_issue(state: AppState, id: Option<i64>, request: Request) -> Response {
    use app::articles::service::{self as articles, IssueForm};
    let (parts, upload) = match read_upload_form(&state, request).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let viewer = match viewer_meeting(&state, &parts, Requirement::Staff).await {
        Ok(viewer) => viewer,
        Err(response) => return response,
    };
    let existing = match id {
        None => None,
        Some(id) => match state.db.magazine_issue_by_id(id).await {
            Ok(Some(issue)) => Some(issue),
            Ok(None) => return StatusCode::NOT_FOUND.into_response(),
            Err(err) => return render::internal_error(&state, &parts, &err.to_string()),
        },
    };
    let page = match id {
        Some(id) => format!("/personale/udgaver/{id}"),
        None => "/personale/udgaver/ny".to_owned(),
    };
    let lang = Lang::default();
    let mut form = IssueForm::from_pairs(&upload.pairs);
    form.cover_file = upload.cover;
    if upload.too_large {
        let mut feedback = form.kept();
        feedback.error("cover", lang.text("image-too-large"));
        return refused(&state, &parts, &page, Refusal::Invalid(feedback)).await;
    }
    let now = Utc::now();
    match articles::save_issue(&state.db, lang, viewer.id, &form, existing.as_ref(), now).await {
        Ok(Some(id)) => {
            Redirect::to(&format!("/personale/udgaver/{id}?besked=gemt")).into_response()
        }
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(refusal) => refused(&state, &parts, &page, refusal).await,
    }
}
