//! Where page views are counted: [`count_views`] tells a page view by an anonymous browser from
//! every other answer and hands it to the [`VisitCounter`].

use std::sync::Arc;

use app::{accounts::Viewer, clock, db::Db};
use axum::{
    extract::{Request, State},
    http::{header, Method, StatusCode},
    middleware::Next,
    response::Response,
};
use ipnet::IpNet;

use super::{View, VisitCounter};
use crate::client::client_address;

/// Whether an answer is a page view: 200 with HTML, or 304 (the browser's copy of the page is
/// still good, so the page was viewed from its cache) to a request that asked for HTML.
fn is_page_view(response: &Response, asked_for_html: bool) -> bool {
    match response.status() {
        StatusCode::OK => response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("text/html")),
        StatusCode::NOT_MODIFIED => asked_for_html,
        _ => false,
    }
}

/// The middleware that counts page views by anonymous visitors; it never changes the answer.
pub async fn count_views(
    State(counter): State<Arc<VisitCounter>>,
    State(db): State<Db>,
    State(trusted_proxies): State<Arc<[IpNet]>>,
    request: Request,
    next: Next,
) -> Response {
    let counted = counter.enabled()
        && request.method() == Method::GET
        && request.extensions().get::<Viewer>().is_none();
    if !counted {
        return next.run(request).await;
    }
    // Read before the request goes on; nothing of it is kept past this function.
    let (user_agent, referrer, asked_for_html, address, path) = {
        let text = |name: header::HeaderName| {
            request
                .headers()
                .get(name)
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned())
        };
        (
            text(header::USER_AGENT).unwrap_or_default(),
            text(header::REFERER),
            text(header::ACCEPT).is_some_and(|accept| accept.contains("text/html")),
            client_address(&request, &trusted_proxies),
            request.uri().path().to_owned(),
        )
    };
    let response = next.run(request).await;
    if is_page_view(&response, asked_for_html) {
        let view = View {
            address,
            user_agent: &user_agent,
            path: &path,
            referrer: referrer.as_deref(),
        };
        counter.count(&db, clock::now(), view).await;
    }
    response
}
