//! The page cache's middleware, [`serve_cached`]: which requests it may answer and which answers
//! it may keep, and how a miss is rendered once and kept until the next whole minute.

use std::{
    borrow::Cow,
    sync::{atomic::Ordering, Arc, OnceLock},
    time::Instant,
};

use app::{accounts::Viewer, clock, db::Db};
use axum::{
    body::Bytes,
    extract::{Request, State},
    http::{header, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::Response,
};
use chrono::{DateTime, Timelike, Utc};
use leptos::nonce::Nonce;
use tokio::sync::Semaphore;

use super::{
    key_of,
    page::{compress, Page},
    PageCache,
};
use crate::{
    headers::is_private,
    html::{finish, read_whole},
};

/// Pages not kept though public: a search's answer (`/soeg?q=…`) is asked for once by
/// whoever typed it, and keeping every one would fill the cache with pages nobody asks for
/// again.
const NOT_KEPT: [&str; 1] = ["/soeg"];

/// A page larger than this (uncompressed) is answered as it is and not kept.
const LARGEST_PAGE: usize = 2 * 1024 * 1024;

/// An address longer than this is answered as it is and not kept, so nobody fills the cache
/// with long made-up addresses (the weight bound holds anyway; this keeps keys small).
const LONGEST_ADDRESS: usize = 512;

/// The next whole minute after `at`.
fn next_minute(at: DateTime<Utc>) -> DateTime<Utc> {
    let start = at
        .with_second(0)
        .and_then(|at| at.with_nanosecond(0))
        .unwrap_or(at);
    start + chrono::Duration::minutes(1)
}

/// Whether a request may be answered from the cache: a GET by someone who is not logged in (no
/// [`Viewer`]), for a public address. Cookies do not matter: only a logged-in person's session
/// changes a page (residents never get one), so a made-up cookie, which anyone may send, cannot
/// have every page rendered again.
fn is_anonymous_page_request(request: &Request) -> bool {
    request.method() == Method::GET
        && request.extensions().get::<Viewer>().is_none()
        && !is_private(request.uri().path())
        && !NOT_KEPT.contains(&request.uri().path())
        && request
            .uri()
            .path_and_query()
            .is_some_and(|address| address.as_str().len() <= LONGEST_ADDRESS)
}

/// Whether a response may be kept: 200 with HTML, setting no cookie.
fn is_keepable(response: &Response) -> bool {
    response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && !response.headers().contains_key(header::CONTENT_ENCODING)
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("text/html"))
}

/// Middleware (the innermost route layer): answers anonymous page requests from the cache and
/// keeps what they render.
pub async fn serve_cached(
    State(cache): State<Arc<PageCache>>,
    State(db): State<Db>,
    request: Request,
    next: Next,
) -> Response {
    if !is_anonymous_page_request(&request) {
        return next.run(request).await;
    }
    // Each language's page is kept on its own, under the address it was asked by.
    let lang = crate::language::of(&request);
    let key = key_of(&lang.address(request.uri().path()), request.uri().query());
    let writes = db.writes();
    if let Some(page) = cache.fresh(&key, writes) {
        cache.hits.fetch_add(1, Ordering::Relaxed);
        return page.answer(request.headers());
    }
    // A page that only the clock made stale answers at once, and is rendered anew behind the
    // answer: under load a render can wait behind other work on the CPU budget's threads, and
    // the front page is asked for many times a second.
    if let Some(page) = cache.stale_by_the_clock(&key, writes) {
        cache.hits.fetch_add(1, Ordering::Relaxed);
        let answer = page.answer(request.headers());
        if let Ok(rendering) = cache.render_lock(&key).try_lock_owned() {
            let cache = cache.clone();
            tokio::spawn(async move {
                let _rendering = rendering;
                render_and_keep(&cache, &db, key, request, next).await;
            });
        }
        return answer;
    }
    // A key asked for the first time is rendered as if there were no cache.
    if !cache.asked_before(&key) {
        return next.run(request).await;
    }
    // One render per key at a time: a miss that waited finds the page the first one kept.
    let lock = cache.render_lock(&key);
    let _rendering = lock.lock().await;
    if let Some(page) = cache.fresh(&key, db.writes()) {
        cache.hits.fetch_add(1, Ordering::Relaxed);
        return page.answer(request.headers());
    }
    render_and_keep(&cache, &db, key, request, next).await
}

/// The most kept pages waiting to be compressed at once. Past it a page is kept as it is (each
/// answer compressed like a page not kept) until it is rendered again: memory stays bounded
/// however many pages a flood has kept.
const MOST_WAITING_COMPRESSION: usize = 16;

/// Compresses `page` on the CPU budget's threads behind the answer that kept it: the answer,
/// and every request that waited for the render, go out at once instead of queueing behind the
/// CPU jobs that others' inputs brought (a flood of logins, each a password hash, would
/// otherwise hold a resident's front page for as long as the queue is).
fn compress_behind(page: &Arc<Page>) {
    static WAITING: Semaphore = Semaphore::const_new(MOST_WAITING_COMPRESSION);
    let Ok(waiting) = WAITING.try_acquire() else {
        return;
    };
    let page = page.clone();
    tokio::spawn(async move {
        let _waiting = waiting;
        let html = page.identity.clone();
        let encodings = app::cpu::run(move || compress(&html)).await;
        let _ = page.compressed.set(encodings);
    });
}

/// Renders the page of `request` and keeps it under `key` if it may be kept; the answer either
/// way.
async fn render_and_keep(
    cache: &PageCache,
    db: &Db,
    key: String,
    request: Request,
    next: Next,
) -> Response {
    let generation = cache.generation.load(Ordering::SeqCst);
    let writes = db.writes();
    let started = clock::now();
    let expires = Instant::now()
        + (next_minute(started) - started)
            .to_std()
            .unwrap_or_default();
    let Some(nonce) = request.extensions().get::<Nonce>().cloned() else {
        return next.run(request).await;
    };
    let headers = request.headers().clone();
    let lang = crate::language::of(&request);
    let response = next.run(request).await;
    if !is_keepable(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let identity = match read_whole(body, LARGEST_PAGE).await {
        Ok(bytes) => bytes,
        Err(body) => return Response::from_parts(parts, body),
    };
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .cloned()
        .unwrap_or_else(|| HeaderValue::from_static("text/html; charset=utf-8"));
    // Tidied here, as the tidying layer does to every page not kept: a linear pass, cheaper
    // than the render.
    let identity = match std::str::from_utf8(&identity).map(|html| finish(html, lang)) {
        Ok(Cow::Owned(finished)) => Bytes::from(finished),
        _ => identity,
    };
    let hash = blake3::hash(&identity);
    let etag = HeaderValue::from_str(&format!("W/\"{}\"", &hash.to_hex()[..20]))
        .expect("hex digits are a valid header");
    let page = Arc::new(Page {
        generation,
        writes,
        expires,
        nonce,
        etag,
        content_type,
        identity,
        compressed: OnceLock::new(),
    });
    compress_behind(&page);
    cache.renders.fetch_add(1, Ordering::Relaxed);
    cache.pages.insert(key, page.clone());
    page.answer(&headers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_kept_until_the_next_whole_minute() {
        use chrono::TimeZone;
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 11, 59, 59).unwrap()
            + chrono::Duration::milliseconds(900);
        assert_eq!(
            next_minute(at),
            Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap()
        );
        let on_the_minute = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
        assert_eq!(
            next_minute(on_the_minute),
            Utc.with_ymd_and_hms(2026, 12, 1, 12, 1, 0).unwrap()
        );
    }
}
