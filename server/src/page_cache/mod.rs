//! The page cache: the HTML of a public page as every anonymous visitor sees it, rendered once,
//! compressed once (brotli and gzip) and served from memory until something it shows may have
//! changed.
//!
//! Only a GET by someone who is not logged in, for an address outside the private ones
//! ([`crate::headers::is_private`]), answered 200 with HTML and no cookie, is kept; cookies do
//! not count, as only a login's session changes a page and anyone may make cookies up. A page
//! is kept from the second time its key is asked for (within [`SEEN_FOR`]): the first request
//! of a key is rendered as if there were no cache, so keys made up to miss cost no
//! compression and push no page out. Logged-in people, forms posted and everything else pass
//! by untouched.
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
//!   sign-up at its minute and a new day shows on the day, a render's time later at most. Every
//!   such moment is a whole minute (the forms take minutes). After the minute a page that
//!   nothing written has changed still answers, while the first request after the minute has
//!   it rendered anew behind its answer (stale while revalidating): under load a render can
//!   wait behind other work on the CPU budget's threads, and nobody should wait for it.
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
//! CPU budget's threads (`app::cpu`), behind the answer: until its compressed forms are made,
//! a kept page is answered as it is and compressed per answer like any page not kept, so no
//! request waits behind the CPU jobs that others' inputs queued.
//!
//! A page's scripts carry the nonce of the response that rendered it, so a kept page is
//! answered with that nonce in its Content-Security-Policy ([`crate::headers`] takes it from
//! the response). That is safe: a nonce only has to be unknown to whoever wrote the page's
//! content, and a kept page's content was fixed before its nonce was made.
//!
//! This module holds the store and its keys and the watcher; `page` holds a kept page with its
//! encodings, and [`serve`] the middleware that answers from the store and fills it.

mod page;
pub mod serve;

use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering},
        Arc, Weak,
    },
    time::{Duration, Instant},
};

use app::db::Db;

use page::Page;

/// How often an instance reads the page version to learn of other instances' writes, and
/// writes its own.
pub const WATCH_EVERY: Duration = Duration::from_secs(1);

/// The most memory the kept pages take, counted in the bytes of their three encodings: the
/// public pages of a neighbourhood (ten years of calendar months, every article) fit many
/// times over.
const MOST_BYTES: u64 = 32 * 1024 * 1024;

/// The most bytes of keys the cache remembers having been asked for once (see
/// [`PageCache::asked_before`]), and for how long.
const MOST_SEEN_BYTES: u64 = 4 * 1024 * 1024;
const SEEN_FOR: Duration = Duration::from_secs(10 * 60);

/// The query fields public pages read (`use_query_map`): the calendar's month, week and
/// filters, a list's page, the search and a form's notice. Any other field changes nothing on a
/// page, so it is left out of the key. A public page that reads a new field must add it here
/// (a test reads the pages' sources for it).
pub const PAGE_QUERY_FIELDS: [&str; 8] = [
    "maaned",
    "uge",
    "omraade",
    "sted",
    "side",
    "q",
    "besked",
    "nyhedsbrev",
];

/// One instance's kept pages, with what tells it when they are stale.
pub struct PageCache {
    pages: moka::sync::Cache<String, Arc<Page>>,
    /// The keys asked for lately: a page is kept from its second request on, so addresses made
    /// up to miss (a `?besked=` or `?q=` of their own each time) never push the pages people
    /// read out of the cache, nor cost compressing.
    seen: moka::sync::Cache<String, ()>,
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
            seen: moka::sync::Cache::builder()
                .max_capacity(MOST_SEEN_BYTES)
                .weigher(|key: &String, (): &()| u32::try_from(key.len()).unwrap_or(u32::MAX))
                .time_to_live(SEEN_FOR)
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

    /// Whether a page is kept under `key` with its compressed forms made (for the tests).
    pub fn is_compressed(&self, key: &str) -> bool {
        self.pages
            .get(key)
            .is_some_and(|page| page.compressed.get().is_some())
    }

    /// The kept page for `key`, unless it is stale (`writes`: [`Db::writes`] now).
    fn fresh(&self, key: &str, writes: u64) -> Option<Arc<Page>> {
        let page = self.pages.get(key)?;
        let fresh = page.generation == self.generation.load(Ordering::SeqCst)
            && page.writes == writes
            && Instant::now() < page.expires;
        fresh.then_some(page)
    }

    /// Whether `key` was asked for before (lately); from now on it has been.
    fn asked_before(&self, key: &str) -> bool {
        if self.seen.contains_key(key) {
            return true;
        }
        self.seen.insert(key.to_owned(), ());
        false
    }

    /// The kept page for `key` if only the clock made it stale (nothing was written since it
    /// was rendered): what requests are answered with while it is rendered anew.
    fn stale_by_the_clock(&self, key: &str, writes: u64) -> Option<Arc<Page>> {
        let page = self.pages.get(key)?;
        let unchanged =
            page.generation == self.generation.load(Ordering::SeqCst) && page.writes == writes;
        unchanged.then_some(page)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A kept page of `writes`, whose minute ended `ago` (negative: still to come).
    fn kept(writes: u64, ago: std::time::Duration) -> Arc<Page> {
        Arc::new(Page {
            generation: 0,
            writes,
            expires: Instant::now() - ago,
            nonce: leptos::nonce::Nonce::new(),
            etag: axum::http::HeaderValue::from_static("W/\"page\""),
            content_type: axum::http::HeaderValue::from_static("text/html; charset=utf-8"),
            identity: axum::body::Bytes::from_static(b"<p>page</p>"),
            compressed: std::sync::OnceLock::new(),
        })
    }

    #[test]
    fn a_key_counts_as_asked_for_from_its_second_request_on() {
        let cache = PageCache::default();
        assert!(!cache.asked_before("/kalender?besked=1"));
        assert!(cache.asked_before("/kalender?besked=1"));
        assert!(!cache.asked_before("/kalender?besked=2"));
        assert!(cache.asked_before("/kalender?besked=1"));
    }

    #[test]
    fn a_page_stale_by_its_minute_answers_only_while_nothing_is_written() {
        let cache = PageCache::default();
        cache
            .pages
            .insert("/".to_owned(), kept(7, std::time::Duration::from_secs(1)));
        assert!(cache.fresh("/", 7).is_none(), "its minute has ended");
        assert!(cache.stale_by_the_clock("/", 7).is_some());
        assert!(
            cache.stale_by_the_clock("/", 8).is_none(),
            "a write on this instance since"
        );
        assert!(cache.stale_by_the_clock("/kalender", 7).is_none());
        cache.changed();
        assert!(
            cache.stale_by_the_clock("/", 7).is_none(),
            "a change on another instance, or a write the cache heard of"
        );
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
        const NOT_KEPT: [&str; 12] = [
            "aar", "kvartal", "fra", "til", "next", "slug", "date", "id", "token", "type",
            "periode", "week",
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
