//! The account forms: logging in and out, invitations and password resets by emailed link,
//! changing one's password, invitations (admins invite anyone, staff citizen journalists) and
//! the admins' closing of accounts.

use app::accounts::{
    queries::Account,
    safe_next,
    service::{self, AccountChange},
    Role, Viewer,
};
use axum::http::Uri;
use serde::Deserialize;
use tower_sessions::Session;

use super::prelude::*;
use crate::sessions;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/log-ind", post(log_in))
        .route("/log-ind/kode", post(second_step))
        .route("/konto/to-trin", post(enable_two_factor))
        .route("/log-ud", post(log_out))
        .route("/invitation/{token}", post(follow_link))
        .route("/glemt-adgangskode", post(forgot_password))
        .route("/nulstil/{token}", post(follow_link))
        .route("/konto/adgangskode", post(change_password))
        .route("/konto/email-indstillinger", post(email_settings))
        .route("/konto/sprog", post(email_language))
        .route("/personale/brugere/inviter", post(invite))
        .route("/personale/brugere/{id}/{action}", post(set_disabled))
}

/// Starts the session of `account` and sends them `to` their page.
async fn start_session(
    session: &Session,
    account: &Account,
    to: &str,
) -> Result<Response, PageError> {
    sessions::log_in(session, account)
        .await
        .map_err(|err| PageError::Internal(Box::new(err)))?;
    Ok(Redirect::to(to).into_response())
}

/// The address of a login step's page, with the page to go on to afterwards.
fn with_next(page: &str, next: Option<&str>) -> String {
    match next {
        Some(next) => format!(
            "{page}?next={}",
            url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
        ),
        None => page.to_owned(),
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

async fn log_in(
    cx: Ctx,
    ClientIp(ip): ClientIp,
    session: Session,
    PostedForm(form): PostedForm<LoginForm>,
) -> Result<Response, PageError> {
    let next = safe_next(form.next.clone());
    let page = with_next("/log-ind", next.as_deref());
    // Only a real attempt counts: an empty field is refused below without a guess, so an empty
    // password sent in a loop spends nobody's attempts.
    if !form.email.trim().is_empty() && !form.password.is_empty() {
        within_limit(cx.limits.allow_login(ip, &form.email), &page, "login")?;
    }
    let account = service::log_in(&cx.db, cx.lang, &form.email, &form.password, clock::now())
        .await
        .on_page(&page)?;
    if account.two_factor {
        sessions::begin_second_step(&session, &account)
            .await
            .map_err(|err| PageError::Internal(Box::new(err)))?;
        let to = with_next("/log-ind/kode", next.as_deref());
        return Ok(Redirect::to(&to).into_response());
    }
    let home = Viewer::of(&account).home().to_owned();
    start_session(&session, &account, &next.unwrap_or(home)).await
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    code: String,
    next: Option<String>,
}

/// `/log-ind/kode`: the code of the second step, for the account whose password this session
/// typed last.
async fn second_step(
    cx: Ctx,
    ClientIp(ip): ClientIp,
    session: Session,
    PostedForm(form): PostedForm<CodeForm>,
) -> Result<Response, PageError> {
    let next = safe_next(form.next.clone());
    let page = with_next("/log-ind/kode", next.as_deref());
    let Some(step) = sessions::second_step(&session).await else {
        // No password typed in this session, or too long ago: from the start.
        return Ok(Redirect::to("/log-ind?besked=udlobet").into_response());
    };
    if !form.code.trim().is_empty() {
        within_limit(
            cx.limits.allow_second_step(ip, step.user_id),
            &page,
            "second-step",
        )?;
    }
    let links = cx.links();
    let account = service::second_step(
        &cx.db,
        cx.lang,
        &links,
        step.user_id,
        &form.code,
        clock::now(),
    )
    .await
    .on_page(&page)?;
    let home = Viewer::of(&account).home().to_owned();
    start_session(&session, &account, &next.unwrap_or(home)).await
}

#[derive(Deserialize)]
struct TwoFactorForm {
    #[serde(default)]
    secret: String,
    #[serde(default)]
    code: String,
}

/// `/konto/to-trin`: turns two-factor login on with the first code from the app, and answers
/// with the page that shows the recovery codes, this once (they are not stored as text, so
/// there is no address to come back to them).
async fn enable_two_factor(
    cx: Ctx,
    viewer: LoggedIn,
    ClientIp(ip): ClientIp,
    session: Session,
    request: axum::http::request::Parts,
    PostedForm(form): PostedForm<TwoFactorForm>,
) -> Result<Response, PageError> {
    const PAGE: &str = "/konto/to-trin";
    if !form.code.trim().is_empty() {
        within_limit(
            cx.limits.allow_second_step(ip, viewer.id),
            PAGE,
            "two-factor",
        )?;
    }
    let links = cx.links();
    let codes = service::enable_two_factor(
        &cx.db,
        cx.lang,
        &links,
        &viewer,
        &form.secret,
        &form.code,
        clock::now(),
    )
    .await
    .on_page(PAGE)?;
    // The session goes on under a new id, now as someone with a second step.
    let account = cx
        .db
        .accounts()
        .account_by_id(viewer.id)
        .await
        .map_err(|err| PageError::Internal(Box::new(err)))?
        .ok_or(PageError::NotFound)?;
    sessions::log_in(&session, &account)
        .await
        .map_err(|err| PageError::Internal(Box::new(err)))?;
    let mut parts = request;
    parts.extensions.insert(Viewer::of(&account));
    parts.extensions.insert(app::accounts::NewRecoveryCodes(
        codes.iter().map(|code| code.shown()).collect(),
    ));
    let mut response =
        crate::render::page(&cx.state, &parts, PAGE, None, axum::http::StatusCode::OK).await;
    // The codes are in this answer only: nothing may keep it.
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}

async fn log_out(session: Session) -> Redirect {
    if let Err(err) = sessions::log_out(&session).await {
        tracing::error!(error = %err, "could not delete a session at logout");
    }
    Redirect::to("/log-ind?besked=logget-ud")
}

/// The form behind an emailed link: a name (invitations only) and a new password.
#[derive(Deserialize)]
struct LinkForm {
    /// Posted as `full_name`: a form control named `name` would hide the form's own `name`.
    #[serde(default, rename = "full_name")]
    name: String,
    #[serde(default)]
    password: String,
}

/// `/invitation/{token}` and `/nulstil/{token}`: accepts an invitation or a password reset,
/// and logs the account in.
async fn follow_link(
    cx: Ctx,
    uri: Uri,
    Params(token): Params<String>,
    session: Session,
    PostedForm(form): PostedForm<LinkForm>,
) -> Result<Response, PageError> {
    let (password, now) = (&form.password, clock::now());
    let account = if uri.path().starts_with("/nulstil/") {
        service::reset_password(&cx.db, cx.lang, &token, password, now).await
    } else {
        service::accept_invitation(&cx.db, cx.lang, &token, &form.name, password, now).await
    };
    let account = account.on_page(uri.path())?;
    start_session(&session, &account, Viewer::of(&account).home()).await
}

#[derive(Deserialize)]
struct EmailForm {
    #[serde(default)]
    email: String,
}

async fn forgot_password(
    cx: Ctx,
    ClientIp(ip): ClientIp,
    PostedForm(form): PostedForm<EmailForm>,
) -> Result<Redirect, PageError> {
    const PAGE: &str = "/glemt-adgangskode";
    let address = service::reset_address(cx.lang, &form.email).on_page(PAGE)?;
    within_limit(cx.limits.allow_reset(ip, &form.email), PAGE, "forgot")?;
    // Looked up and written after the answer: an address with an account (a token and an email
    // written) would otherwise take measurably longer than one without.
    let (state, lang) = (cx.state.clone(), cx.lang);
    tokio::spawn(async move {
        let links = state.links();
        let sent = service::request_reset(&state.db, lang, &links, &address, clock::now());
        if let Err(err) = sent.await {
            tracing::error!(error = ?err, "could not write a reset link");
        }
    });
    Ok(Redirect::to("/glemt-adgangskode?besked=sendt"))
}

#[derive(Deserialize)]
struct ChangePasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
}

async fn change_password(
    cx: Ctx,
    viewer: LoggedIn,
    ClientIp(ip): ClientIp,
    session: Session,
    PostedForm(form): PostedForm<ChangePasswordForm>,
) -> Result<Response, PageError> {
    const PAGE: &str = "/konto";
    // Guessing the current password here is guessing a login: the same limits apply.
    within_limit(
        cx.limits.allow_login(ip, &viewer.email),
        PAGE,
        "change-password",
    )?;
    let (current, new) = (&form.current, &form.password);
    let account = service::change_password(&cx.db, cx.lang, &viewer, current, new, clock::now())
        .await
        .on_page(PAGE)?;
    // A fresh session carries the new password's mark; other sessions of the account end.
    start_session(&session, &account, "/konto?besked=adgangskode-skiftet").await
}

#[derive(Deserialize)]
struct InviteForm {
    #[serde(default)]
    email: String,
    /// Posted as `account_role`: a form control named `role` would hide the form's own `role`.
    #[serde(default, rename = "account_role")]
    role: String,
}

/// An invitation: admins invite anyone, staff invite citizen journalists.
async fn invite(
    cx: Ctx,
    inviter: Staff,
    PostedForm(form): PostedForm<InviteForm>,
) -> Result<Redirect, PageError> {
    const PAGE: &str = "/personale/brugere";
    if !Role::parse(&form.role).is_none_or(|role| inviter.role.may_invite(role)) {
        return Err(PageError::Forbidden);
    }
    within_limit(cx.limits.allow_email(&form.email), PAGE, "invite")?;
    let links = cx.links();
    let (email, role) = (&form.email, &form.role);
    service::invite(
        &cx.db,
        cx.lang,
        &links,
        Some((inviter.id, inviter.role)),
        email,
        role,
        clock::now(),
    )
    .await
    .on_page(PAGE)?;
    Ok(Redirect::to("/personale/brugere?besked=inviteret"))
}

/// An admin closes or reopens an account, or resets its second step of logging in.
async fn set_disabled(
    cx: Ctx,
    admin: Admin,
    Params((id, action)): Params<(i64, String)>,
) -> Result<Redirect, PageError> {
    let (now, links) = (clock::now(), cx.links());
    let (change, notice) = match action.as_str() {
        "deaktiver" => (
            service::set_disabled(&cx.db, &admin, id, true, now).await,
            "deaktiveret",
        ),
        "aktiver" => (
            service::set_disabled(&cx.db, &admin, id, false, now).await,
            "aktiveret",
        ),
        "nulstil-to-trin" => (
            service::reset_two_factor(&cx.db, &links, &admin, id, now).await,
            "to-trin-nulstillet",
        ),
        _ => return Err(PageError::NotFound),
    };
    match change {
        Ok(AccountChange::Done) => Ok(Redirect::to(&format!("/personale/brugere?besked={notice}"))),
        Ok(AccountChange::NotFound) => Err(PageError::NotFound),
        Ok(AccountChange::OwnAccount) => Err(PageError::Forbidden),
        Err(refusal) => Err(refusal).on_page("/personale/brugere"),
    }
}

#[derive(Deserialize)]
struct LanguageForm {
    /// The code of the chosen language (`da`, `en`, `ar`).
    #[serde(default)]
    email_lang: String,
}

/// A citizen journalist chooses the language of the emails about their submissions.
async fn email_language(
    cx: Ctx,
    viewer: LoggedIn,
    PostedForm(form): PostedForm<LanguageForm>,
) -> Result<Redirect, PageError> {
    service::set_language(&cx.db, cx.lang, &viewer, &form.email_lang)
        .await
        .on_page("/konto")?;
    Ok(Redirect::to("/konto?besked=sprog"))
}

#[derive(Deserialize)]
struct EmailSettingsForm {
    /// Ticked: an email when a citizen journalist sends a submission.
    #[serde(default, deserialize_with = "app::forms::ticked")]
    notify_submissions: bool,
}

/// Staff choose whether they get an email when a citizen journalist sends a submission.
async fn email_settings(
    cx: Ctx,
    staff: Staff,
    PostedForm(form): PostedForm<EmailSettingsForm>,
) -> Result<Redirect, PageError> {
    service::set_email_settings(&cx.db, &staff, form.notify_submissions)
        .await
        .on_page("/konto")?;
    Ok(Redirect::to("/konto?besked=email-indstillinger"))
}
