//! The language of a request, read off its address before anything else routes it:
//! `/en/kalender` is the calendar in English, `/ar` the front page in Arabic, and an address
//! without a language prefix is Danish.
//!
//! The prefix is taken off the path and the language put in the request's extensions, so the
//! routes, the access rules, the page cache and Leptos's router all see one address per page
//! (`/kalender`), and the language is context to the render ([`app::i18n::Lang`]). On the way
//! out, a redirect to a page of the site is sent to that page in the same language, and
//! [`crate::html::localise`] does the same for the page's own links and forms. Addresses
//! that are the same in every language (the staff's pages, files, server functions) answer
//! under a prefix with a permanent redirect to their one address.

use app::i18n::{has_languages, Lang};
use axum::{
    extract::Request,
    http::{header, HeaderValue, StatusCode, Uri},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// Middleware, around the router: reads and takes off the language prefix.
pub async fn from_address(mut request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let (lang, rest) = Lang::of_address(path);
    if lang == Lang::DA {
        request.extensions_mut().insert(Lang::DA);
        return next.run(request).await;
    }
    let query = request
        .uri()
        .query()
        .map(|query| format!("?{query}"))
        .unwrap_or_default();
    // `/en/` is `/en`, and what has no language has its one address.
    let one_address = if path.ends_with('/') && rest == "/" {
        Some(lang.address("/"))
    } else if !has_languages(rest) {
        Some(rest.to_owned())
    } else {
        None
    };
    if let Some(address) = one_address {
        return permanent_redirect(&format!("{address}{query}"));
    }
    let Ok(uri) = format!("{rest}{query}").parse::<Uri>() else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    *request.uri_mut() = uri;
    request.extensions_mut().insert(lang);
    let mut response = next.run(request).await;
    localise_location(&mut response, lang);
    response.extensions_mut().insert(lang);
    response
}

/// A redirect to a page of the site goes to that page in `lang`.
fn localise_location(response: &mut Response, lang: Lang) {
    let Some(location) = response
        .headers()
        .get(header::LOCATION)
        .and_then(|value| value.to_str().ok())
    else {
        return;
    };
    let already = Lang::of_address(location).0 != Lang::DA;
    if already || !has_languages(location) {
        return;
    }
    if let Ok(value) = HeaderValue::from_str(&lang.address(location)) {
        response.headers_mut().insert(header::LOCATION, value);
    }
}

fn permanent_redirect(address: &str) -> Response {
    match HeaderValue::from_str(address) {
        Ok(location) => (
            StatusCode::PERMANENT_REDIRECT,
            [(header::LOCATION, location)],
        )
            .into_response(),
        Err(_) => StatusCode::BAD_REQUEST.into_response(),
    }
}

/// The language of a request, as [`from_address`] found it (Danish for a request that did not
/// pass it, such as a test's).
pub fn of(request: &Request) -> Lang {
    request
        .extensions()
        .get::<Lang>()
        .copied()
        .unwrap_or_default()
}
