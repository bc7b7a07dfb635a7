//! The one error type of the handlers, [`PageError`], and the middleware that turns it into the
//! Danish page a person should see.
//!
//! A handler returns `Result<_, PageError>` and uses `?`. `PageError`'s `IntoResponse` cannot
//! render a page (that needs the app's state and the request), so it answers with the status
//! and leaves an [`PageToRender`] in the response's extensions; [`render_error_pages`], a layer
//! around every handler, renders it: the 404 page, the 403 page, the form's page again with its
//! feedback (422, or 429 for a rate limit), or the 500 page. No bare status code reaches a
//! person, and internal causes go to the log only.

use app::{errors::Cause, errors::Refusal, forms::FormFeedback, i18n::Lang};
use axum::{
    extract::{Request, State},
    http::StatusCode,
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::{paths::loggable_path, render, state::AppState};

/// An address that is no page, so rendering it gives the Danish 404 page inside the shell.
const NOT_FOUND_PAGE: &str = "/ikke-fundet";
/// The Danish 403 page.
const FORBIDDEN_PAGE: &str = "/ingen-adgang";
/// The page a write gets while the disk is full: try again later (503).
pub const TRY_LATER_PAGE: &str = "/proev-igen-senere";

/// Why a handler did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// What the address names does not exist (any more): the 404 page.
    #[error("not found")]
    NotFound,
    /// The viewer may not do this: the 403 page.
    #[error("forbidden")]
    Forbidden,
    /// The input needs fixing: `page` again with the feedback, status 422.
    #[error("refused on {}", loggable_path(.page))]
    Refused {
        page: String,
        feedback: FormFeedback,
    },
    /// A rate limit was hit: `page` again with a message to wait, status 429.
    #[error("too many attempts on {}", loggable_path(.page))]
    TooMany { page: String, form: &'static str },
    /// The request could not be read (a form that no browser would send): `page` again, as
    /// it was, with `status`.
    #[error("unreadable request ({status})")]
    Unreadable { page: String, status: StatusCode },
    /// Something broke on our side: the 500 page; the cause goes to the log.
    #[error("internal failure: {0}")]
    Internal(#[source] Cause),
}

/// Passes when a rate limit `allowed` the request; otherwise the form `form` on `page` again
/// with the message to wait (429).
pub fn within_limit(allowed: bool, page: &str, form: &'static str) -> Result<(), PageError> {
    if allowed {
        return Ok(());
    }
    let page = page.to_owned();
    Err(PageError::TooMany { page, form })
}

impl From<sqlx::Error> for PageError {
    fn from(err: sqlx::Error) -> Self {
        PageError::Internal(Box::new(err))
    }
}

/// Shows a domain's [`Refusal`] on the form's page.
pub trait OnPage<T> {
    /// Maps a refusal to `page` shown again with its feedback, or to the 500 page.
    fn on_page(self, page: &str) -> Result<T, PageError>;
}

impl<T> OnPage<T> for Result<T, Refusal> {
    fn on_page(self, page: &str) -> Result<T, PageError> {
        self.map_err(|refusal| match refusal {
            Refusal::Invalid(feedback) => PageError::Refused {
                page: page.to_owned(),
                feedback,
            },
            refusal => refusal.into(),
        })
    }
}

/// A domain loader's refusal as the page it shows: 404 or 403; a loader never asks for a
/// form's fixes, so one that did is a failure of ours (500).
impl From<Refusal> for PageError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::NotFound => PageError::NotFound,
            Refusal::Forbidden => PageError::Forbidden,
            Refusal::Invalid(_) => {
                PageError::Internal("a loader answered with a form's feedback".into())
            }
            Refusal::Internal(cause) => PageError::Internal(cause),
        }
    }
}

/// A page rendered as a GET of `path` would be, with `feedback` in its context and answered with
/// `status`: how a handler shows a form again that is not refused (the editor's preview).
pub fn show_page(path: &str, feedback: Option<FormFeedback>, status: StatusCode) -> Response {
    let mut response = status.into_response();
    response.extensions_mut().insert(PageToRender::Page {
        path: path.to_owned(),
        feedback,
        status,
    });
    response
}

/// What [`render_error_pages`] should render, left in a response's extensions.
#[derive(Clone, Debug)]
enum PageToRender {
    Page {
        path: String,
        feedback: Option<FormFeedback>,
        status: StatusCode,
    },
    /// A form's page again with the "too many attempts" message, in the request's language.
    TooMany {
        path: String,
        form: &'static str,
    },
    Internal,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let page = |path: &str, feedback, status| PageToRender::Page {
            path: path.to_owned(),
            feedback,
            status,
        };
        let (status, page) = match self {
            PageError::NotFound => (
                StatusCode::NOT_FOUND,
                page(NOT_FOUND_PAGE, None, StatusCode::NOT_FOUND),
            ),
            PageError::Forbidden => (
                StatusCode::FORBIDDEN,
                page(FORBIDDEN_PAGE, None, StatusCode::FORBIDDEN),
            ),
            PageError::Refused {
                page: path,
                feedback,
            } => {
                let status = StatusCode::UNPROCESSABLE_ENTITY;
                (status, page(&path, Some(feedback), status))
            }
            PageError::TooMany { page: path, form } => (
                StatusCode::TOO_MANY_REQUESTS,
                PageToRender::TooMany { path, form },
            ),
            PageError::Unreadable { page: path, status } => (status, page(&path, None, status)),
            // A full disk is logged once a minute, and the person is asked to try again.
            PageError::Internal(cause) if app::errors::note_disk_full(&*cause) => {
                let status = StatusCode::SERVICE_UNAVAILABLE;
                (status, page(TRY_LATER_PAGE, None, status))
            }
            PageError::Internal(cause) => {
                tracing::error!(error = %cause, source = ?cause.source(), "a request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, PageToRender::Internal)
            }
        };
        let mut response = status.into_response();
        response.extensions_mut().insert(page);
        response
    }
}

/// Middleware around the handlers: renders the page a [`PageError`] (or [`show_page`]) asked
/// for.
pub async fn render_error_pages(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    // The request's parts are kept to render the page as the person's GET would (their
    // session, their language); only the body goes to the handler.
    let (parts, body) = request.into_parts();
    let response = next.run(Request::from_parts(parts.clone(), body)).await;
    match response.extensions().get::<PageToRender>().cloned() {
        None => response,
        Some(PageToRender::Page {
            path,
            feedback,
            status,
        }) => render::page(&state, &parts, &path, feedback, status).await,
        Some(PageToRender::TooMany { path, form }) => {
            let lang = parts.extensions.get::<Lang>().copied().unwrap_or_default();
            let mut feedback = FormFeedback::for_form(form);
            feedback.message(lang.text("too-many-attempts"));
            let status = StatusCode::TOO_MANY_REQUESTS;
            render::page(&state, &parts, &path, Some(feedback), status).await
        }
        Some(PageToRender::Internal) => render::internal_error(&state),
    }
}
