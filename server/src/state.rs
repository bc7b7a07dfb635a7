//! The state every request handler and middleware may read: [`AppState`], one `Arc` around
//! [`Shared`], and the parts of it a middleware can take on its own (`State<Db>`, …), so the
//! middleware of a module need not know the whole state.

use std::sync::Arc;

use app::{db::Db, site::SiteInfo};
use axum::extract::FromRef;
use ipnet::IpNet;
use leptos::config::LeptosOptions;

use crate::{limits, page_cache, sessions, shutdown, visits};

/// Everything a request handler may need ([`Shared`]), behind one `Arc`: every middleware clones
/// the state for every request, so a clone is one reference count.
#[derive(Clone, Debug)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl AppState {
    /// The state holding `shared`.
    pub fn new(shared: Shared) -> Self {
        Self(Arc::new(shared))
    }

    /// The state with `change` made to it, before it is served (the tests set the public
    /// address and the trusted proxies this way).
    pub fn changed(self, change: impl FnOnce(&mut Shared)) -> Self {
        let mut shared = Arc::unwrap_or_clone(self.0);
        change(&mut shared);
        Self(Arc::new(shared))
    }
}

/// What [`AppState`] holds.
#[derive(Clone, Debug)]
pub struct Shared {
    pub leptos_options: Arc<LeptosOptions>,
    pub db: Db,
    pub site: Arc<SiteInfo>,
    /// The address the site is reached at, for links in emails and the same-origin check.
    pub public_url: Arc<url::Url>,
    pub sessions: sessions::Store,
    pub limits: Arc<limits::Limits>,
    /// Days after an occurrence that its sign-ups' personal details are kept.
    pub retention_days: u32,
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: Arc<[IpNet]>,
    /// This instance's visitor counter.
    pub visits: Arc<visits::VisitCounter>,
    /// This instance's kept public pages.
    pub pages: Arc<page_cache::PageCache>,
    /// Set when the server is asked to stop.
    pub stopping: shutdown::Stopping,
    /// The nightly backups' folder, if `NABOSKAB_BACKUP_DIR` is set.
    pub backups: Option<crate::backups::Backups>,
    /// The shared lock on the SQLite file that keeps `naboskab restore` away while serving.
    pub serving_lock: Option<Arc<std::fs::File>>,
}

/// Leptos's handlers take their options from the state.
impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        (*state.leptos_options).clone()
    }
}

/// The database, for the middleware that needs nothing else of the state.
impl FromRef<AppState> for Db {
    fn from_ref(state: &AppState) -> Self {
        state.db.clone()
    }
}

/// The page cache, for its middleware.
impl FromRef<AppState> for Arc<page_cache::PageCache> {
    fn from_ref(state: &AppState) -> Self {
        state.pages.clone()
    }
}

/// The visitor counter, for its middleware.
impl FromRef<AppState> for Arc<visits::VisitCounter> {
    fn from_ref(state: &AppState) -> Self {
        state.visits.clone()
    }
}

/// The trusted proxies, for the middleware that reads a client's address.
impl FromRef<AppState> for Arc<[IpNet]> {
    fn from_ref(state: &AppState) -> Self {
        state.trusted_proxies.clone()
    }
}

impl AppState {
    /// The addresses and words the emails need.
    pub fn links(&self) -> app::accounts::service::Links<'_> {
        app::accounts::service::Links {
            public_url: self.public_url.as_str(),
            site_name: &self.site.name,
        }
    }
}
