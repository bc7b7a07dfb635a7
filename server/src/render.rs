//! Rendering a page outside Leptos's own GET routes: a form's page again with its feedback
//! after a POST, or the "no access" page from the access check; and the context every page
//! and server function is rendered with ([`provide_request_context`]).

use app::{forms::FormFeedback, i18n::Lang, shell, site::SiteInfo};
use axum::{
    body::Body,
    http::{request::Parts, Method, Request, StatusCode, Uri},
    response::{IntoResponse, Response},
};
use leptos::prelude::provide_context;

use crate::state::AppState;

/// What every page and server function finds in its Leptos context.
pub fn provide_request_context(state: &AppState) {
    // The nonce of this response's Content-Security-Policy (see `headers`), in place of the one
    // Leptos makes up itself, so the scripts it writes carry the nonce the header names.
    if let Some(nonce) = leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<leptos::nonce::Nonce>().cloned())
    {
        provide_context(nonce);
    }
    provide_context(state.db.clone());
    // For `IslandScripts`, which the pages with an island render.
    provide_context(state.leptos_options.clone());
    provide_context(SiteInfo::clone(&state.site));
    // The language the address named (`crate::language`); Danish where none did.
    let lang = leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Lang>().copied())
        .unwrap_or_default();
    provide_context(lang);
    provide_context(app::signups::RetentionDays(state.retention_days));
    provide_context(app::site::PublicUrl(
        state.public_url.as_str().trim_end_matches('/').to_owned(),
    ));
    // Admins see the state of the nightly backups on their home page.
    let admin = leptos::prelude::use_context::<axum::http::request::Parts>().is_some_and(|parts| {
        parts
            .extensions
            .get::<app::accounts::Viewer>()
            .is_some_and(|viewer| viewer.role == app::accounts::Role::Admin)
    });
    if admin {
        provide_context(backup_report(state));
    }
}

/// What the admin's home page says about the backups (see [`crate::backups`]).
fn backup_report(state: &AppState) -> app::site::BackupReport {
    use crate::backups::BackupState;
    use app::site::BackupReport;
    let Some(backups) = &state.backups else {
        return BackupReport::Off;
    };
    let name = |copy: &crate::backups::BackupCopy| {
        copy.path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    match backups.state(app::clock::now()) {
        BackupState::Ok(copy) => BackupReport::Ok {
            file: name(&copy),
            written: app::clock::local_datetime(copy.written),
            bytes: copy.bytes,
        },
        BackupState::Missing(newest) => BackupReport::Missing {
            newest: newest.map(|copy| {
                format!(
                    "{} ({})",
                    name(&copy),
                    app::clock::local_datetime(copy.written)
                )
            }),
        },
        BackupState::Failed { reason, .. } => BackupReport::Failed { reason },
    }
}

/// Renders the page at `path` as a GET would, with `feedback` in its context, and answers with
/// `status`. The viewer found by the session check comes along in the request's extensions.
pub async fn page(
    state: &AppState,
    parts: &Parts,
    path: &str,
    feedback: Option<FormFeedback>,
    status: StatusCode,
) -> Response {
    let mut request = Request::new(Body::empty());
    *request.method_mut() = Method::GET;
    *request.uri_mut() = path.parse().unwrap_or_else(|_| Uri::from_static("/"));
    *request.headers_mut() = parts.headers.clone();
    *request.extensions_mut() = parts.extensions.clone();
    let context = {
        let state = state.clone();
        move || {
            provide_request_context(&state);
            if let Some(feedback) = feedback.clone() {
                provide_context(feedback);
            }
        }
    };
    let options = state.leptos_options.clone();
    let render =
        leptos_axum::render_app_async_with_context(context, move || shell((*options).clone()));
    let mut response = render(request).await;
    if response.status().is_success() {
        *response.status_mut() = status;
    }
    response
}

/// The friendly 500 page, for a failure the person cannot fix; the caller has logged the cause.
pub fn internal_error(state: &AppState) -> Response {
    let output_name = state.leptos_options.output_name.to_string();
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8")],
        app::components::errors::server_error_document(&output_name),
    )
        .into_response()
}
