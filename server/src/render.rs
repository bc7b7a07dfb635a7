//! Rendering a page outside Leptos's own GET routes: a form's page again with its feedback
//! after a POST, or the "no access" page from the access check.

use app::{forms::FormFeedback, shell};
use axum::{
    body::Body,
    http::{request::Parts, Method, Request, StatusCode, Uri},
    response::{IntoResponse, Response},
};

use crate::{routes::provide_request_context, AppState};

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
                leptos::prelude::provide_context(feedback);
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
