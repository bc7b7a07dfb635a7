//! The security headers of every response: a Content-Security-Policy that allows no script
//! without this response's nonce, `nosniff`, the referrer and framing rules, HSTS when the
//! public address is https, and `Cache-Control: no-store` on private pages.
//!
//! The nonce is made per request by [`nonce`] and kept in the request's extensions, where
//! [`crate::render::provide_request_context`] finds it and gives it to Leptos, which writes it
//! on every `<script>` it renders (the islands' start-up and the resources' data). The header
//! is set from the same value when the response goes out.

use axum::{
    extract::Request,
    http::{header, HeaderValue, Method},
    middleware::{self, Next},
    response::Response,
    Router,
};
use leptos::nonce::Nonce;
use tower_http::set_header::SetResponseHeaderLayer;

/// `Referrer-Policy`: links within the site carry the whole address (the same-origin check
/// falls back to `Referer`), links to other sites carry nothing, so a private sign-up link in
/// the address never leaves the site.
pub const REFERRER_POLICY: &str = "same-origin";

/// `Strict-Transport-Security` over https: a year, for this host only (other hosts of the
/// housing association's domain may not speak https).
pub const HSTS: &str = "max-age=31536000";

/// The paths whose answers hold one person's data, and are never kept by a browser or proxy:
/// the private sign-up links, the account pages and links, and everything staff see.
const PRIVATE_PREFIXES: [&str; 11] = [
    "/tilmelding",
    "/abonnement",
    "/invitation",
    "/nulstil",
    "/konto",
    "/log-ind",
    "/log-ud",
    "/glemt-adgangskode",
    "/ingen-adgang",
    "/borgerjournalist",
    "/personale",
];

/// Wraps `router` (all of it, static files and the error pages too) in the security headers.
/// `https` is whether the public address is https, which adds HSTS.
pub fn around<S: Clone + Send + Sync + 'static>(router: Router<S>, https: bool) -> Router<S> {
    let router = router
        .layer(middleware::from_fn(no_store_when_private))
        .layer(middleware::from_fn(nonce))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static(REFERRER_POLICY),
        ))
        // Old browsers that do not know the policy's `frame-ancestors`.
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ));
    if https {
        router.layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        ))
    } else {
        router
    }
}

/// The Content-Security-Policy for a response whose scripts carry `nonce`. Scripts come from the
/// site itself (the islands' JavaScript) or carry the nonce; WebAssembly may be compiled; styles,
/// images, fonts and requests stay on the site; nothing may frame the site, change the base
/// address or take a form elsewhere.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Middleware: a new random nonce for this request (128 bits, Leptos's own generator), put in
/// the request's extensions for the page, and the policy with it on the response.
async fn nonce(mut request: Request, next: Next) -> Response {
    let nonce = Nonce::new();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    // A page from the page cache carries the nonce it was rendered with.
    let nonce = response
        .extensions()
        .get::<Nonce>()
        .cloned()
        .unwrap_or(nonce);
    let policy = HeaderValue::from_str(&content_security_policy(&nonce))
        .expect("a nonce is URL-safe base64, valid in a header");
    response
        .headers_mut()
        .insert(header::CONTENT_SECURITY_POLICY, policy);
    response
}

/// Whether `path` is one of the [`PRIVATE_PREFIXES`] or below one.
pub fn is_private(path: &str) -> bool {
    PRIVATE_PREFIXES.iter().any(|prefix| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// Middleware: `Cache-Control: no-store` on the answers of private paths (pages, downloads and
/// server functions alike), and on every page shown to someone logged in (the header shows
/// their name and menu) or after a form was posted (it may show what was typed).
async fn no_store_when_private(request: Request, next: Next) -> Response {
    let private = is_private(request.uri().path());
    let personal = request.headers().contains_key(header::COOKIE)
        || !matches!(*request.method(), Method::GET | Method::HEAD);
    let mut response = next.run(request).await;
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("text/html"));
    if private || (personal && html) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_paths_are_the_prefixes_and_what_lies_below_them() {
        for path in [
            "/personale",
            "/personale/tal.csv",
            "/personale/api/admin/brugere",
            "/tilmelding/abc",
            "/invitation/abc",
            "/nulstil/abc",
            "/konto",
            "/log-ind",
            "/borgerjournalist",
        ] {
            assert!(is_private(path), "{path}");
        }
        for path in [
            "/",
            "/nyheder",
            "/personalet",
            "/kalender.ics",
            "/aktiviteter/x",
        ] {
            assert!(!is_private(path), "{path}");
        }
    }

    #[test]
    fn the_policy_allows_no_inline_script_without_the_nonce() {
        let policy = content_security_policy("abc");
        assert!(policy.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(policy.contains("frame-ancestors 'none'"));
    }
}
