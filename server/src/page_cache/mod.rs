//! The page cache: the HTML of a public page as every anonymous visitor sees it, rendered once,
//! compressed once (brotli and gzip) and served from memory until something it shows may have
//! changed.
//!
//! Only a GET by someone with no cookie at all, for an address outside the private ones
//! ([`crate::headers::is_private`]), answered 200 with HTML and no cookie, is kept. Logged-in
//! people, forms posted and everything else pass by untouched.
//!
//! How a kept page goes stale, and how the cache learns of it:
//! - **A write on this instance.** Every write a public page can show is a transaction of its
//!   domain begun with `Db::begin`, and each commit adds one to [`Db::writes`]; a page is kept
//!   only while that number is what it was when the page began rendering. So the cache is
//!   emptied by real writes and by nothing else: a refused form, a failed login, a search or a
//!   page's server function (all of which write nothing) leave it alone. A GET never changes
//!   what a public page shows (an invariant, see ARCHITECTURE.md), and the background jobs'
//!   writes are begun with `Db::begin_unseen` (counted views, reminders marked) or change
//!   nothing a page shows (names, emails and unused images deleted).
//! - **The clock.** A page is kept until the next whole minute at the latest, counted from
//!   when its rendering began, so a scheduled article appears at its minute, a date closes for
//!   sign-up at its minute and a new day shows on the day, never later. Every such moment is a
//!   whole minute (the forms take minutes).
//! - **A write on another instance** (several instances on one PostgreSQL database). Every
//!   instance adds one to the database's page version after its writes, and reads it every
//!   [`WATCH_EVERY`]; a number it did not write itself empties its cache. Polling rather than
//!   PostgreSQL's LISTEN/NOTIFY: it works alike on both backends (and is tested on both), a
//!   dropped connection cannot lose a notification (the number is simply read again), and it
//!   costs one small query a second. The price is that another instance shows a change up to
//!   about two seconds later; the instance that took the write shows it at once.
//!
//! What a miss costs is kept small: the key is the path and only the query fields pages read
//! ([`PAGE_QUERY_FIELDS`]; `?x=…` made up to miss the cache finds the kept page), identical
//! misses arriving together are rendered once (the others wait for it and are answered from
//! it), and the page is compressed at levels that cost about as much as rendering it, on the
//! CPU budget's threads (`app::cpu`).
//!
//! A page's scripts carry the nonce of the response that rendered it, so a kept page is
//! answered with that nonce in its Content-Security-Policy ([`crate::headers`] takes it from
//! the response). That is safe: a nonce only has to be unknown to whoever wrote the page's
//! content, and a kept page's content was fixed before its nonce was made.

use std::{
    borrow::Cow,
    collections::HashMap,
    io::Write,
    sync::{
        atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering},
        Arc, Weak,
    },
    time::{Duration, Instant},
};

use app::{accounts::Viewer, clock, db::Db};
use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use chrono::{DateTime, Timelike, Utc};
use http_body_util::BodyExt;
use leptos::nonce::Nonce;

use crate::{
    headers::is_private,
    html::{tidy, Tidied},
    AppState,
};

/// How often an instance reads the page version to learn of other instances' writes, and
/// writes its own.
pub const WATCH_EVERY: Duration = Duration::from_secs(1);

/// The most memory the kept pages take, counted in the bytes of their three encodings: the
/// public pages of a neighbourhood (ten years of calendar months, every article) fit many
/// times over.
const MOST_BYTES: u64 = 32 * 1024 * 1024;

/// Pages not kept though public: a search's answer (`/soeg?q=…`) is asked for once by
/// whoever typed it, and keeping every one would fill the cache with pages nobody asks for
/// again.
const NOT_KEPT: [&str; 1] = ["/soeg"];

/// A page larger than this (uncompressed) is answered as it is and not kept.
const LARGEST_PAGE: usize = 2 * 1024 * 1024;

/// An address longer than this is answered as it is and not kept, so nobody fills the cache
/// with long made-up addresses (the weight bound holds anyway; this keeps keys small).
const LONGEST_ADDRESS: usize = 512;

/// The query fields public pages read (`use_query_map`): the calendar's month, week and
/// filters, a list's page, the search and a form's notice. Any other field changes nothing on a
/// page, so it is left out of the key. A public page that reads a new field must add it here
/// (a test reads the pages' sources for it).
pub const PAGE_QUERY_FIELDS: [&str; 7] =
    ["maaned", "uge", "omraade", "sted", "side", "q", "besked"];

/// A page as it was rendered, in the encodings it is served in.
struct Page {
    /// The cache's generation when rendering began; any later change makes it stale.
    generation: u64,
    /// [`Db::writes`] when rendering began; any later write makes it stale.
    writes: u64,
    /// When it goes stale by the clock.
    expires: Instant,
    /// The nonce its scripts carry.
    nonce: Nonce,
    etag: HeaderValue,
    content_type: HeaderValue,
    identity: Bytes,
    gzip: Bytes,
    brotli: Bytes,
}

impl Page {
    fn weight(&self) -> u32 {
        let bytes = self.identity.len() + self.gzip.len() + self.brotli.len();
        u32::try_from(bytes).unwrap_or(u32::MAX)
    }

    /// The answer to a request that accepts `encoding`, or 304 to one that already has it.
    fn answer(&self, request: &HeaderMap) -> Response {
        let unchanged = request
            .get(header::IF_NONE_MATCH)
            .is_some_and(|tags| etag_matches(tags, &self.etag));
        let mut response = if unchanged {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            let encoding = Encoding::preferred(request);
            let (body, name) = match encoding {
                Encoding::Brotli => (self.brotli.clone(), Some("br")),
                Encoding::Gzip => (self.gzip.clone(), Some("gzip")),
                Encoding::Identity => (self.identity.clone(), None),
            };
            let mut response = Response::new(Body::from(body));
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, self.content_type.clone());
            if let Some(name) = name {
                headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(name));
            }
            response
        };
        let headers = response.headers_mut();
        headers.insert(header::ETAG, self.etag.clone());
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        response.extensions_mut().insert(self.nonce.clone());
        response.extensions_mut().insert(Tidied);
        response
    }
}

/// Whether an `If-None-Match` value names `etag` (or is `*`). Weak comparison, as RFC 9110
/// asks for `If-None-Match`.
fn etag_matches(tags: &HeaderValue, etag: &HeaderValue) -> bool {
    let Ok(tags) = tags.to_str() else {
        return false;
    };
    let bare = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    let ours = bare(etag.to_str().unwrap_or_default());
    tags.split(',')
        .any(|tag| tag.trim() == "*" || bare(tag) == ours)
}

/// The encodings a kept page is stored in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The best encoding `Accept-Encoding` allows: brotli, then gzip, then none. Written here
    /// because tower-http's negotiation (which compresses the other answers) is not public; it
    /// reads the header the same way (a `q=0` refuses, `*` stands for any other).
    fn preferred(headers: &HeaderMap) -> Self {
        let mut brotli = None;
        let mut gzip = None;
        let mut any = None;
        for value in headers.get_all(header::ACCEPT_ENCODING) {
            let Ok(value) = value.to_str() else { continue };
            for item in value.split(',') {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
                let accepted = parts
                    .filter_map(|param| param.trim().strip_prefix("q="))
                    .all(|q| q.trim().parse::<f32>().map_or(true, |q| q > 0.0));
                match name.as_str() {
                    "br" => brotli = Some(accepted),
                    "gzip" | "x-gzip" => gzip = Some(accepted),
                    "*" => any = Some(accepted),
                    _ => {}
                }
            }
        }
        if brotli.or(any) == Some(true) {
            Encoding::Brotli
        } else if gzip.or(any) == Some(true) {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }
}

/// One instance's kept pages, with what tells it when they are stale.
pub struct PageCache {
    pages: moka::sync::Cache<String, Arc<Page>>,
    /// The renders under way, by key: a miss waits for one of the same key instead of
    /// rendering the page again.
    rendering: std::sync::Mutex<HashMap<String, Weak<tokio::sync::Mutex<()>>>>,
    /// [`Db::writes`] when this instance last told the others of its writes.
    writes_announced: AtomicU64,
    /// Goes up by one at every change; a page rendered in an earlier generation is stale.
    generation: AtomicU64,
    /// Whether this instance wrote since it last counted a change in the database.
    unannounced: AtomicBool,
    /// The page version this instance last read or wrote.
    version_seen: AtomicI64,
    hits: AtomicU64,
    renders: AtomicU64,
}

impl std::fmt::Debug for PageCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (hits, renders) = self.counts();
        f.debug_struct("PageCache")
            .field("pages", &self.pages.entry_count())
            .field("generation", &self.generation.load(Ordering::Relaxed))
            .field("hits", &hits)
            .field("renders", &renders)
            .finish()
    }
}

impl Default for PageCache {
    fn default() -> Self {
        Self {
            pages: moka::sync::Cache::builder()
                .max_capacity(MOST_BYTES)
                .weigher(|key: &String, page: &Arc<Page>| {
                    page.weight()
                        .saturating_add(u32::try_from(key.len()).unwrap_or(u32::MAX))
                })
                .build(),
            rendering: std::sync::Mutex::default(),
            writes_announced: AtomicU64::new(0),
            generation: AtomicU64::new(0),
            unannounced: AtomicBool::new(false),
            version_seen: AtomicI64::new(i64::MIN),
            hits: AtomicU64::new(0),
            renders: AtomicU64::new(0),
        }
    }
}

impl PageCache {
    /// Something a public page may show has changed: every kept page is stale from now on.
    pub fn changed(&self) {
        self.forget_all();
        self.unannounced.store(true, Ordering::SeqCst);
    }

    /// Makes every kept page stale, without telling the other instances.
    fn forget_all(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.pages.invalidate_all();
    }

    /// How many answers came from a kept page, and how many pages were rendered to be kept.
    pub fn counts(&self) -> (u64, u64) {
        (
            self.hits.load(Ordering::Relaxed),
            self.renders.load(Ordering::Relaxed),
        )
    }

    /// The kept page for `key`, unless it is stale (`writes`: [`Db::writes`] now).
    fn fresh(&self, key: &str, writes: u64) -> Option<Arc<Page>> {
        let page = self.pages.get(key)?;
        let fresh = page.generation == self.generation.load(Ordering::SeqCst)
            && page.writes == writes
            && Instant::now() < page.expires;
        fresh.then_some(page)
    }

    /// The lock that renders of `key` take one at a time, so identical misses render once.
    fn render_lock(&self, key: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut rendering = self
            .rendering
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(lock) = rendering.get(key).and_then(Weak::upgrade) {
            return lock;
        }
        // Renders that ended leave dead entries behind; they go whenever the map has grown.
        if rendering.len() >= 64 {
            rendering.retain(|_, lock| lock.strong_count() > 0);
        }
        let lock = Arc::new(tokio::sync::Mutex::new(()));
        rendering.insert(key.to_owned(), Arc::downgrade(&lock));
        lock
    }

    /// Writes this instance's changes to the page version, or reads the version to learn of
    /// other instances' changes, and empties the cache when another instance changed something.
    pub async fn watch_once(&self, db: &Db) -> Result<(), sqlx::Error> {
        let seen = self.version_seen.load(Ordering::SeqCst);
        let writes = db.writes();
        let wrote = self.writes_announced.swap(writes, Ordering::SeqCst) != writes;
        if self.unannounced.swap(false, Ordering::SeqCst) | wrote {
            match db.site().count_page_change().await {
                // Another instance's change in between, if the number moved by more than ours.
                // (At the first look there is nothing to compare with: the cache was empty when
                // the instance started, a few milliseconds ago; a page rendered since that
                // misses another instance's write in those milliseconds is kept at most until
                // its minute ends.)
                Ok(version) => {
                    if seen != i64::MIN && version != seen.saturating_add(1) {
                        self.forget_all();
                    }
                    self.version_seen.store(version, Ordering::SeqCst);
                }
                Err(err) => {
                    self.unannounced.store(true, Ordering::SeqCst);
                    return Err(err);
                }
            }
        } else {
            let version = db.site().page_version().await?;
            if version != seen {
                if seen != i64::MIN {
                    self.forget_all();
                }
                self.version_seen.store(version, Ordering::SeqCst);
            }
        }
        Ok(())
    }
}

/// The task of [`spawn_watcher`]; it stops when this is dropped (with the server it serves).
pub struct Watcher(tokio::task::JoinHandle<()>);

impl Drop for Watcher {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Keeps the cache in step with the other instances: [`PageCache::watch_once`] every
/// [`WATCH_EVERY`], until the returned [`Watcher`] is dropped.
pub fn spawn_watcher(cache: Arc<PageCache>, db: Db) -> Watcher {
    Watcher(tokio::spawn(async move {
        let mut interval = tokio::time::interval(WATCH_EVERY);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            if let Err(err) = cache.watch_once(&db).await {
                tracing::warn!(error = %err, "could not compare the page version; trying again");
            }
        }
    }))
}

/// The next whole minute after `at`.
fn next_minute(at: DateTime<Utc>) -> DateTime<Utc> {
    let start = at
        .with_second(0)
        .and_then(|at| at.with_nanosecond(0))
        .unwrap_or(at);
    start + chrono::Duration::minutes(1)
}

/// Whether a request may be answered from the cache: a GET by someone with no cookie (so not
/// logged in, and with nothing of their own on the page), for a public address.
fn is_anonymous_page_request(request: &Request) -> bool {
    request.method() == Method::GET
        && !request.headers().contains_key(header::COOKIE)
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

/// The key a page is kept under: its path, and of its query only the fields pages read
/// ([`PAGE_QUERY_FIELDS`]), in the order they came.
fn key_of(path: &str, query: Option<&str>) -> String {
    let kept: Vec<&str> = query
        .unwrap_or_default()
        .split('&')
        .filter(|pair| {
            let name = pair.split('=').next().unwrap_or_default();
            PAGE_QUERY_FIELDS.contains(&name)
        })
        .collect();
    if kept.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

/// Middleware (the innermost route layer): answers anonymous page requests from the cache and
/// keeps what they render.
pub async fn serve_cached(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let cache = &state.pages;
    if !is_anonymous_page_request(&request) {
        return next.run(request).await;
    }
    let key = key_of(request.uri().path(), request.uri().query());
    if let Some(page) = cache.fresh(&key, state.db.writes()) {
        cache.hits.fetch_add(1, Ordering::Relaxed);
        return page.answer(request.headers());
    }
    // One render per key at a time: a miss that waited finds the page the first one kept.
    let lock = cache.render_lock(&key);
    let _rendering = lock.lock().await;
    if let Some(page) = cache.fresh(&key, state.db.writes()) {
        cache.hits.fetch_add(1, Ordering::Relaxed);
        return page.answer(request.headers());
    }
    let generation = cache.generation.load(Ordering::SeqCst);
    let writes = state.db.writes();
    let started = clock::now();
    let expires = Instant::now()
        + (next_minute(started) - started)
            .to_std()
            .unwrap_or_default();
    let Some(nonce) = request.extensions().get::<Nonce>().cloned() else {
        return next.run(request).await;
    };
    let headers = request.headers().clone();
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
    let (identity, gzip, brotli) = app::cpu::run(move || {
        let identity = match std::str::from_utf8(&identity).map(tidy) {
            Ok(Cow::Owned(tidied)) => Bytes::from(tidied),
            _ => identity,
        };
        compress(identity)
    })
    .await;
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
        gzip,
        brotli,
    });
    cache.renders.fetch_add(1, Ordering::Relaxed);
    cache.pages.insert(key, page.clone());
    page.answer(&headers)
}

/// The whole of `body`, or (when it is larger than `limit` or fails) a body that gives what was
/// read and then the rest, as if nothing had been read.
pub(crate) async fn read_whole(mut body: Body, limit: usize) -> Result<Bytes, Body> {
    let mut read: Vec<u8> = Vec::new();
    while let Some(frame) = body.frame().await {
        match frame {
            Ok(frame) => {
                if let Ok(data) = frame.into_data() {
                    read.extend_from_slice(&data);
                }
                if read.len() > limit {
                    let head = futures_util::stream::once(async move {
                        Ok::<_, axum::Error>(Bytes::from(read))
                    });
                    let rest = body.into_data_stream();
                    return Err(Body::from_stream(futures_util::StreamExt::chain(
                        head, rest,
                    )));
                }
            }
            Err(err) => {
                let chunks: Vec<Result<Bytes, axum::Error>> = vec![Ok(Bytes::from(read)), Err(err)];
                return Err(Body::from_stream(futures_util::stream::iter(chunks)));
            }
        }
    }
    Ok(Bytes::from(read))
}

/// `html` as it is, gzipped and brotli-compressed. Brotli at quality 5 and gzip at level 6:
/// together they cost about as much as rendering a page (quality 9 and level 9 cost three
/// times that and saved a few per cent of the bytes), so a flood of misses costs little more
/// than having no cache. Run on the CPU budget's threads.
fn compress(html: Bytes) -> (Bytes, Bytes, Bytes) {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    let gzipped = gzip
        .write_all(&html)
        .and_then(|()| gzip.finish())
        .unwrap_or_default();
    let mut brotli = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut brotli, 4096, 5, 20);
        let _ = writer.write_all(&html);
    }
    (html, Bytes::from(gzipped), Bytes::from(brotli))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(value: &str) -> Encoding {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        Encoding::preferred(&headers)
    }

    #[test]
    fn the_best_encoding_the_browser_takes() {
        assert_eq!(accepting("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(accepting("gzip, deflate"), Encoding::Gzip);
        assert_eq!(accepting("br;q=0, gzip;q=0.5"), Encoding::Gzip);
        assert_eq!(accepting("identity"), Encoding::Identity);
        assert_eq!(accepting("*"), Encoding::Brotli);
        assert_eq!(accepting("br;q=0, *"), Encoding::Gzip);
        assert_eq!(accepting("gzip;q=0, br;q=0"), Encoding::Identity);
        assert_eq!(Encoding::preferred(&HeaderMap::new()), Encoding::Identity);
    }

    #[test]
    fn every_encoding_gives_the_page_back() {
        use std::io::Read;
        let html = Bytes::from("<!DOCTYPE html><p>Fællesspisning</p>".repeat(200));
        let (identity, gzip, brotli) = compress(html.clone());
        assert_eq!(identity, html);
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(&gzip[..])
            .read_to_end(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, html);
        let mut unbrotlied = Vec::new();
        brotli::Decompressor::new(&brotli[..], 4096)
            .read_to_end(&mut unbrotlied)
            .unwrap();
        assert_eq!(unbrotlied, html);
        assert!(brotli.len() < html.len() / 10);
    }

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

    #[test]
    fn if_none_match_compares_weakly() {
        let ours = HeaderValue::from_static("W/\"abc\"");
        for (tags, matches) in [
            ("W/\"abc\"", true),
            ("\"abc\"", true),
            ("\"x\", W/\"abc\"", true),
            ("*", true),
            ("\"abd\"", false),
        ] {
            assert_eq!(
                etag_matches(&HeaderValue::from_static(tags), &ours),
                matches,
                "{tags}"
            );
        }
    }

    #[test]
    fn the_key_keeps_only_the_query_fields_pages_read() {
        assert_eq!(key_of("/kalender", None), "/kalender");
        assert_eq!(
            key_of(
                "/kalender",
                Some("x=1&maaned=2026-12&utm_source=a&omraade=syd")
            ),
            "/kalender?maaned=2026-12&omraade=syd"
        );
        assert_eq!(key_of("/", Some("cachebuster=8u2k")), "/");
        assert_eq!(key_of("/soeg", Some("q=suppe")), "/soeg?q=suppe");
    }

    #[test]
    fn every_query_field_a_page_reads_is_part_of_the_key() {
        // Fields of pages that are never kept (staff's and private pages) or path parameters.
        const NOT_KEPT: [&str; 9] = [
            "aar", "kvartal", "fra", "til", "next", "slug", "date", "id", "token",
        ];
        let pages = concat!(env!("CARGO_MANIFEST_DIR"), "/../app/src");
        let mut read = Vec::new();
        let mut folders = vec![std::path::PathBuf::from(pages)];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|ext| ext == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for (at, _) in text.match_indices(".get(\"") {
                        let rest = &text[at + 6..];
                        let name = &rest[..rest.find('"').unwrap()];
                        if name.chars().all(|c| c.is_ascii_lowercase()) {
                            read.push((name.to_owned(), path.display().to_string()));
                        }
                    }
                }
            }
        }
        assert!(read.iter().any(|(name, _)| name == "maaned"), "{read:?}");
        for (name, file) in read {
            assert!(
                PAGE_QUERY_FIELDS.contains(&name.as_str()) || NOT_KEPT.contains(&name.as_str()),
                "{file} reads ?{name}=, which the page cache's key leaves out"
            );
        }
    }
}
