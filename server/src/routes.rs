//! The HTTP surface: Leptos pages and server functions, the forms' POST handlers, `/healthz`,
//! static files, and the middleware around them (sessions, same-origin and access checks,
//! compression, panics as a friendly 500, body limits, timeouts).

use std::time::Duration;

use app::{components::errors::server_error_document, shell, App};
use axum::{
    body::Body,
    extract::State,
    http::{header, StatusCode},
    middleware,
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::{
    catch_panic::CatchPanicLayer, compression::CompressionLayer, limit::RequestBodyLimitLayer,
    timeout::TimeoutLayer, trace::TraceLayer,
};

use crate::{
    access, handlers, headers, html, language, page_cache,
    paths::{self, loggable_path},
    render::provide_request_context,
    sessions,
    state::AppState,
    visits,
};

/// Requests that take longer than this are answered with 408 rather than left hanging.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The largest request body accepted by the forms of the logged-in areas (staff's and the
/// citizen journalists'), except the editors that take images (see [`UPLOAD_LIMIT`]): an
/// article's 100,000 characters, percent-encoded, with room to spare.
const BODY_LIMIT: usize = 1024 * 1024;

/// The largest request body accepted everywhere else: the forms anyone may send (sign-up,
/// login, password reset, an invitation) and the server functions. The longest of those forms
/// (a sign-up with a 500-character note in Arabic, percent-encoded) is about 4 KB; a body ten
/// times that is still read and refused in microseconds, so a client without an account cannot
/// make the server read megabytes.
const PUBLIC_BODY_LIMIT: usize = 32 * 1024;

/// The largest body the article editor accepts: a 10 MB image and the article's text. It is
/// also the hard limit of every request's body; [`small_bodies`] keeps the others at
/// [`BODY_LIMIT`] or [`PUBLIC_BODY_LIMIT`].
const UPLOAD_LIMIT: usize = 11 * 1024 * 1024;

/// The addresses under which logged-in people send long texts (articles, submissions, activities'
/// descriptions); the page requires a login before a form there is read.
const LOGGED_IN_AREAS: [&str; 2] = ["/personale/", "/borgerjournalist/"];

/// The body limit of a request to `path`: [`UPLOAD_LIMIT`] for the editors that take images,
/// [`BODY_LIMIT`] elsewhere in the logged-in areas, and [`PUBLIC_BODY_LIMIT`] for the rest.
pub fn body_limit(path: &str) -> usize {
    let uploads = path.starts_with("/personale/artikler/")
        || path.starts_with("/personale/udgaver/")
        || path.starts_with("/borgerjournalist/indsendelser/")
        || is_activity_form(path);
    if uploads {
        UPLOAD_LIMIT
    } else if LOGGED_IN_AREAS.iter().any(|area| path.starts_with(area)) {
        BODY_LIMIT
    } else {
        PUBLIC_BODY_LIMIT
    }
}

/// Whether `path` is the activity form's (`/personale/aktiviteter/ny` or `…/{id}`), which takes
/// a photo; the exception forms below an activity do not.
fn is_activity_form(path: &str) -> bool {
    path.strip_prefix("/personale/aktiviteter/")
        .is_some_and(|rest| {
            rest == "ny" || (!rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// Holds the body of every request to its [`body_limit`] as it is read, so a chunked body,
/// which announces no length, is held to it as well as one that does. A body announced as
/// larger gets no allowance at all, so it is refused before a byte of it is read. Either way
/// reading the form fails with 413, and the person gets the form's page again with that status
/// (`PostedForm`), never a bare status.
async fn small_bodies(request: axum::extract::Request, next: middleware::Next) -> Response {
    let limit = body_limit(request.uri().path());
    if limit == UPLOAD_LIMIT {
        return next.run(request).await;
    }
    let announced = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|length| length.to_str().ok())
        .and_then(|length| length.parse::<usize>().ok())
        .unwrap_or(0);
    let allowance = if announced > limit { 0 } else { limit };
    next.run(request.map(|body| Body::new(http_body_util::Limited::new(body, allowance))))
        .await
}

/// The span of a request in the log: its method and its [`loggable_path`], at the level and
/// under the target of tower-http's own (`RUST_LOG=tower_http=debug` shows them).
fn request_span(request: &axum::extract::Request) -> tracing::Span {
    tracing::debug_span!(
        target: "tower_http::trace::make_span",
        "request",
        method = %request.method(),
        path = %loggable_path(request.uri().path()),
        version = ?request.version(),
    )
}

/// Builds the whole router for `state`.
pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let context = {
        let state = state.clone();
        move || provide_request_context(&state)
    };
    let fallback_context = context.clone();
    let output_name = state.leptos_options.output_name.to_string();
    let https = state.public_url.scheme() == "https";
    // The forms post to the addresses of their pages, so the handlers and the pages share
    // routes (a GET and a POST of one address).
    let router = Router::new()
        .route("/healthz", get(healthz))
        .merge(handlers::routes(&state))
        .leptos_routes_with_context(&state, routes, context, {
            let options = state.leptos_options.clone();
            move || shell((*options).clone())
        })
        // Route layers wrap the matched routes only, not the static files of the fallback, so
        // a logged-in person's requests for scripts and styles never touch the session store.
        // The last one added runs first: session, viewer, same-origin check, access check,
        // visitor counting (which needs the viewer, and sees the page as it was answered), the
        // page cache (which answers anonymous page requests and hears of every write).
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            page_cache::serve::serve_cached,
        ))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            visits::middleware::count_views,
        ))
        .route_layer(middleware::from_fn_with_state(state.clone(), access::guard))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            access::same_origin_only,
        ))
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            sessions::load_viewer,
        ))
        .route_layer(sessions::layer(state.sessions.clone(), https))
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(fallback_context, shell))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            handlers::calendar::activity_feeds,
        ))
        .layer(CatchPanicLayer::custom(move |_| {
            panic_response(&output_name)
        }))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(middleware::from_fn(small_bodies))
        .layer(RequestBodyLimitLayer::new(UPLOAD_LIMIT))
        .layer(axum::extract::DefaultBodyLimit::max(UPLOAD_LIMIT))
        // Inside compression, which then compresses the tidied page.
        .layer(middleware::from_fn(html::tidy_pages))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http().make_span_with(request_span));
    // The language prefix comes off the address before the router sees it, so it wraps the
    // router as a service rather than as a layer (which runs after routing).
    let in_language = tower::Layer::layer(
        &middleware::from_fn(language::from_address),
        router.with_state(state),
    );
    let router = Router::new()
        .fallback_service(in_language)
        // Before everything that reads the path: every address has one spelling.
        .layer(middleware::from_fn(paths::one_spelling));
    // Outermost, so that every answer gets the security headers, static files and the
    // middleware's own answers (408, 413, the panic page) too.
    headers::around(router, https)
}

/// The Leptos routes, worked out once per process.
///
/// `generate_route_list` renders the app with resource loading switched off by a
/// process-global flag; a resource first polled by another request while that flag is up
/// never resolves (leptos-rs/leptos#4773). Generating the list once, before any server in the
/// process serves, keeps requests clear of that window; it matters for the tests, which start
/// many apps in one process.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// What `/healthz` answers.
#[derive(serde::Serialize)]
struct Health {
    status: &'static str,
    database: &'static str,
    backup: &'static str,
}

/// `/healthz`: 200 when the database answers, 503 when it does not. The body says so as JSON,
/// with the state of the nightly backups as a field of its own (`ok`, `missing`, `failed`, or
/// `off` without a backup folder), which monitoring reads without taking the instance out of a
/// load balancer.
async fn healthz(State(state): State<AppState>) -> Response {
    // While the database is away, the pool keeps trying to connect for its whole acquire
    // timeout; a health check answers sooner than a load balancer gives up on it.
    const HEALTH_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(2);
    let answered = tokio::time::timeout(HEALTH_TIMEOUT, state.db.ping())
        .await
        .unwrap_or(Err(sqlx::Error::PoolTimedOut));
    let backup = match &state.backups {
        Some(backups) => backups.state(app::clock::now()).word(),
        None => "off",
    };
    let (status, database) = match answered {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(err) => {
            tracing::warn!(error = %err, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "unavailable")
        }
    };
    let body = Health {
        status: if status == StatusCode::OK {
            "ok"
        } else {
            "unavailable"
        },
        database,
        backup,
    };
    (status, axum::Json(body)).into_response()
}

/// The friendly 500 page for a handler that panicked; the panic itself goes to the log only.
fn panic_response(output_name: &str) -> Response<Body> {
    tracing::error!("a request handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        server_error_document(output_name),
    )
        .into_response()
}
