//! Counting visitors with no cookie, no JavaScript and no third party (see `app::visits`).
//!
//! [`count_views`] wraps the routes: after a page is answered it decides whether the answer was
//! a page view by an anonymous visitor (a GET answered 200 with HTML, or 304 to a browser
//! asking for HTML, by a user agent that is no known bot or link-preview fetcher, from nobody
//! logged in), and [`VisitCounter::count`] turns the request into a visitor id: a keyed BLAKE3
//! hash of the day's random salt, the network address (an IPv6 address by its /64), the user
//! agent and the site. Only the id, the page's path (a private link's secret replaced by `…`),
//! the device class and the referring site's domain are kept, in memory, and
//! [`write_regularly`] writes them every [`WRITE_EVERY`] in one transaction; a crash loses at most
//! those seconds. Once a day is over by [`OVERLAP`], its hashes are summed up and deleted with
//! its salt. Several instances share the salt and add their views to the same rows, so a visitor
//! seen by two of them on one day counts once.

use std::{
    collections::{HashMap, HashSet},
    net::IpAddr,
    sync::{Arc, Mutex},
    time::Duration,
};

use app::{
    accounts::Viewer,
    clock,
    db::Db,
    visits::{Batch, Device, HitKey, VisitorId, OTHER_SITES},
};
use axum::{
    extract::{Request, State},
    http::{header, Method, StatusCode},
    middleware::Next,
    response::Response,
};
use chrono::{DateTime, NaiveDate, Utc};

use crate::{limits::network, routes::loggable_path, AppState};

/// How often the views counted in memory are written to the database.
pub const WRITE_EVERY: Duration = Duration::from_secs(5);

/// How long after a day's end its salt and hashes are kept, for the views of its last seconds
/// that are still on their way to the database.
pub const OVERLAP: chrono::Duration = chrono::Duration::minutes(10);

/// The most visitor-page rows one instance holds between two writes; views of new rows beyond
/// it are dropped (and logged as a number), so a flood cannot fill the memory.
const MOST_PENDING: usize = 100_000;

/// The most visitor-page rows one instance adds per day; beyond it a day's new rows are dropped
/// (and logged as a number), so made-up user agents cannot grow the table without end.
const MOST_ROWS_A_DAY: u32 = 1_000_000;

/// The most referring domains one instance records per day; the rest count as [`OTHER_SITES`],
/// so made-up `Referer` headers cannot fill the table.
const MOST_DOMAINS_A_DAY: usize = 200;

/// The most visitors one network counts as on one day (per instance): a household or a
/// housing association's shared address holds a few people, but a script that sends every
/// request with a new user agent is one visitor making up many. Past it, a network's views
/// count as views of a visitor it already has.
pub const MOST_VISITORS_A_NETWORK: usize = 16;

/// The most networks whose visitors one instance tells apart per day (a few megabytes);
/// beyond it a network's visitors are counted as they come.
const MOST_NETWORKS_A_DAY: usize = 100_000;

/// The longest path counted; longer ones are no page of this site.
const LONGEST_PATH: usize = 300;

/// The longest referring domain recorded.
const LONGEST_DOMAIN: usize = 100;

/// What a counted request tells about its visitor. Nothing of it outlives [`VisitCounter::count`]
/// but the hash, the path, the device class and the referring domain.
#[derive(Clone, Copy, Debug)]
pub struct View<'a> {
    pub address: IpAddr,
    pub user_agent: &'a str,
    pub path: &'a str,
    pub referrer: Option<&'a str>,
}

/// The views counted in memory, and the day's referring domains this instance has seen.
#[derive(Default)]
struct Pending {
    batch: Batch,
    dropped: u64,
    domains: Option<(NaiveDate, HashSet<String>)>,
    /// The day and how many rows this instance has added for it.
    rows: (Option<NaiveDate>, u32),
    /// The day, and each network's visitors seen on it (the network as a hash keyed with the
    /// day's salt, like the visitors, so no address is held).
    networks: Option<(NaiveDate, HashMap<VisitorId, Vec<VisitorId>>)>,
}

/// The counter of one instance: its salt of the day and its views not yet written.
pub struct VisitCounter {
    enabled: bool,
    /// The site's host, part of every hash: the same person on two sites is two visitors.
    site: String,
    salt: tokio::sync::Mutex<Option<(NaiveDate, [u8; 32])>>,
    pending: Mutex<Pending>,
}

/// Only the settings: the salt and the views are nobody's business, not even the log's.
impl std::fmt::Debug for VisitCounter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VisitCounter")
            .field("enabled", &self.enabled)
            .field("site", &self.site)
            .finish_non_exhaustive()
    }
}

impl VisitCounter {
    /// A counter for the site at `site` (its host); with `enabled` false it counts nothing.
    pub fn new(site: &str, enabled: bool) -> Self {
        Self {
            enabled,
            site: site.to_ascii_lowercase(),
            salt: tokio::sync::Mutex::new(None),
            pending: Mutex::default(),
        }
    }

    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// Whether `user_agent` belongs to a robot: a known bot or preview fetcher, or none at all.
    pub fn is_robot(&self, user_agent: &str) -> bool {
        // The patterns of known crawlers and link-preview fetchers (isbot's list, from the
        // JavaScript `isbot` package), compiled into one expression once per process.
        static BOTS: std::sync::OnceLock<isbot::Bots> = std::sync::OnceLock::new();
        user_agent.trim().is_empty() || BOTS.get_or_init(isbot::Bots::default).is_bot(user_agent)
    }

    /// Counts a page view at `now` in memory. A robot's view, and any view while the day's salt
    /// cannot be had from the database, is not counted.
    pub async fn count(&self, db: &Db, now: DateTime<Utc>, view: View<'_>) {
        if !self.enabled || self.is_robot(view.user_agent) {
            return;
        }
        let path = loggable_path(view.path);
        if path.len() > LONGEST_PATH {
            return;
        }
        let day = clock::local_date(now);
        let Some(salt) = self.salt_of(db, day).await else {
            return;
        };
        let visitor = visitor_id(&salt, view.address, view.user_agent, &self.site);
        let network_id = visitor_id(&salt, view.address, "", &self.site);
        let device = Device::of_user_agent(view.user_agent);
        let domain = view
            .referrer
            .and_then(|referrer| referring_domain(referrer, &self.site));
        let mut pending = self
            .pending
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        let pending = &mut *pending;
        let key = HitKey {
            day,
            visitor: one_of_few(&mut pending.networks, day, network_id, visitor),
            path: path.into_owned(),
        };
        if pending.rows.0 != Some(day) {
            pending.rows = (Some(day), 0);
        }
        if !pending.batch.hits.contains_key(&key) {
            if pending.batch.hits.len() >= MOST_PENDING || pending.rows.1 >= MOST_ROWS_A_DAY {
                pending.dropped += 1;
                return;
            }
            pending.rows.1 += 1;
        }
        pending.batch.hits.entry(key).or_insert((device, 0)).1 += 1;
        if let Some(domain) = domain {
            let domains = match &mut pending.domains {
                Some((seen_day, domains)) if *seen_day == day => domains,
                other => &mut other.insert((day, HashSet::new())).1,
            };
            let domain = if domains.contains(&domain) || domains.len() < MOST_DOMAINS_A_DAY {
                domains.insert(domain.clone());
                domain
            } else {
                OTHER_SITES.to_owned()
            };
            *pending.batch.referrers.entry((day, domain)).or_insert(0) += 1;
        }
    }

    /// The salt of `day`: the one in memory, or the one in the database (made there by the
    /// first instance that needs it).
    async fn salt_of(&self, db: &Db, day: NaiveDate) -> Option<[u8; 32]> {
        let mut salt = self.salt.lock().await;
        if let Some((salt_day, salt)) = *salt {
            if salt_day == day {
                return Some(salt);
            }
        }
        let fresh: [u8; 32] = rand::random();
        let stored = match db.visits().salt(day, &fresh).await {
            Ok(stored) => stored,
            Err(err) => {
                tracing::warn!(error = %err, "could not read the day's salt; the view is not counted");
                return None;
            }
        };
        let stored: [u8; 32] = stored.try_into().ok()?;
        *salt = Some((day, stored));
        Some(stored)
    }

    /// Writes the views counted so far. If the database fails they stay in memory for the
    /// next try.
    pub async fn write(&self, db: &Db) -> Result<(), sqlx::Error> {
        let (batch, dropped) = {
            let mut pending = self
                .pending
                .lock()
                .unwrap_or_else(|poison| poison.into_inner());
            (
                std::mem::take(&mut pending.batch),
                std::mem::take(&mut pending.dropped),
            )
        };
        if dropped > 0 {
            tracing::warn!(
                dropped,
                "too many visitors at once: some views were not counted"
            );
        }
        if batch.is_empty() {
            return Ok(());
        }
        if let Err(err) = db.visits().add(&batch).await {
            let mut pending = self
                .pending
                .lock()
                .unwrap_or_else(|poison| poison.into_inner());
            if pending.batch.hits.len() + batch.hits.len() <= MOST_PENDING {
                pending.batch.merge(batch);
            }
            return Err(err);
        }
        Ok(())
    }

    /// Sums up the days that ended more than [`OVERLAP`] before `now` and deletes their salts
    /// and hashes, here and in the database.
    pub async fn finish_days(&self, db: &Db, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
        let last_open = clock::local_date(now - OVERLAP);
        {
            let mut salt = self.salt.lock().await;
            if matches!(*salt, Some((day, _)) if day < last_open) {
                *salt = None;
            }
        }
        db.visits().finish_days_before(last_open).await
    }
}

/// The visitor a view counts for: `visitor`, unless its network (`network_id`) already has
/// [`MOST_VISITORS_A_NETWORK`] other visitors on `day`; then the one it had last.
fn one_of_few(
    networks: &mut Option<(NaiveDate, HashMap<VisitorId, Vec<VisitorId>>)>,
    day: NaiveDate,
    network_id: VisitorId,
    visitor: VisitorId,
) -> VisitorId {
    let seen = match networks {
        Some((seen_day, seen)) if *seen_day == day => seen,
        other => &mut other.insert((day, HashMap::new())).1,
    };
    if !seen.contains_key(&network_id) && seen.len() >= MOST_NETWORKS_A_DAY {
        return visitor;
    }
    let visitors = seen.entry(network_id).or_default();
    if visitors.contains(&visitor) {
        return visitor;
    }
    if visitors.len() < MOST_VISITORS_A_NETWORK {
        visitors.push(visitor);
        return visitor;
    }
    *visitors.last().expect("the network has visitors")
}

/// A visitor's id on the day of `salt`: BLAKE3 keyed with the salt over the network address,
/// the user agent and the site, each with its length so that no two inputs run together.
pub fn visitor_id(salt: &[u8; 32], address: IpAddr, user_agent: &str, site: &str) -> VisitorId {
    let mut hasher = blake3::Hasher::new_keyed(salt);
    match network(address) {
        IpAddr::V4(v4) => hasher.update(&v4.octets()),
        IpAddr::V6(v6) => hasher.update(&v6.octets()),
    };
    for part in [user_agent, site] {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    let mut id = [0; 16];
    id.copy_from_slice(&hasher.finalize().as_bytes()[..16]);
    id
}

/// The domain of a `Referer` from another site (`www.` left off), or `None` for this site, a
/// link that is no web address, or a domain too long to be real.
pub fn referring_domain(referrer: &str, site: &str) -> Option<String> {
    let url = url::Url::parse(referrer).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let host = url.host_str()?.to_ascii_lowercase();
    let bare = |host: &str| host.strip_prefix("www.").unwrap_or(host).to_owned();
    let domain = bare(&host);
    if domain == bare(site) || domain.is_empty() || domain.len() > LONGEST_DOMAIN {
        return None;
    }
    Some(domain)
}

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
pub async fn count_views(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let counted = state.visits.enabled()
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
            crate::extract::client_address(&request, &state.trusted_proxies),
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
        state.visits.count(&state.db, clock::now(), view).await;
    }
    response
}

/// Writes the counted views every [`WRITE_EVERY`], and once a minute finishes the days that are
/// over.
pub async fn write_regularly(counter: Arc<VisitCounter>, db: Db) {
    if !counter.enabled() {
        return;
    }
    let mut interval = tokio::time::interval(WRITE_EVERY);
    let mut ticks: u32 = 0;
    loop {
        interval.tick().await;
        if let Err(err) = counter.write(&db).await {
            tracing::warn!(error = %err, "could not write the counted page views; trying again");
        }
        ticks = ticks.wrapping_add(1);
        if ticks % 12 == 1 {
            match counter.finish_days(&db, clock::now()).await {
                Ok(0) => {}
                Ok(days) => tracing::info!(days, "summed up the visitors of finished days"),
                Err(err) => tracing::warn!(error = %err, "could not sum up finished days"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::net::{Ipv4Addr, Ipv6Addr};

    use super::*;

    const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";

    #[test]
    fn the_id_depends_on_the_salt_the_network_the_browser_and_the_site() {
        let address = IpAddr::V4(Ipv4Addr::new(198, 51, 100, 7));
        let id = visitor_id(&[1; 32], address, FIREFOX, "nordby.example.org");
        assert_eq!(
            id,
            visitor_id(&[1; 32], address, FIREFOX, "nordby.example.org")
        );
        assert_ne!(
            id,
            visitor_id(&[2; 32], address, FIREFOX, "nordby.example.org")
        );
        assert_ne!(
            id,
            visitor_id(&[1; 32], address, "Safari", "nordby.example.org")
        );
        assert_ne!(
            id,
            visitor_id(&[1; 32], address, FIREFOX, "other.example.org")
        );
        let elsewhere = IpAddr::V4(Ipv4Addr::new(198, 51, 100, 8));
        assert_ne!(
            id,
            visitor_id(&[1; 32], elsewhere, FIREFOX, "nordby.example.org")
        );
    }

    #[test]
    fn an_ipv6_household_is_one_visitor_per_browser() {
        let one: IpAddr = "2001:db8:1:2::10".parse::<Ipv6Addr>().unwrap().into();
        let same_network: IpAddr = "2001:db8:1:2:ffff::1".parse::<Ipv6Addr>().unwrap().into();
        let other_network: IpAddr = "2001:db8:1:3::10".parse::<Ipv6Addr>().unwrap().into();
        let id = |address| visitor_id(&[3; 32], address, FIREFOX, "site");
        assert_eq!(id(one), id(same_network));
        assert_ne!(id(one), id(other_network));
    }

    #[test]
    fn only_other_sites_web_addresses_are_referrers_and_only_by_domain() {
        let site = "nordby.example.org";
        let cases = [
            ("https://www.google.com/search?q=nordby", Some("google.com")),
            (
                "https://l.facebook.com/l.php?u=secret",
                Some("l.facebook.com"),
            ),
            ("http://Randers.DK/", Some("randers.dk")),
            ("https://nordby.example.org/kalender", None),
            ("https://www.nordby.example.org/", None),
            ("android-app://com.google.android.gm/", None),
            ("not a link", None),
        ];
        for (referrer, domain) in cases {
            assert_eq!(
                referring_domain(referrer, site).as_deref(),
                domain,
                "{referrer}"
            );
        }
        let long = format!("https://{}.example.com/", "a".repeat(120));
        assert_eq!(referring_domain(&long, site), None);
    }

    #[test]
    fn crawlers_and_link_previews_are_robots_and_browsers_are_not() {
        let counter = VisitCounter::new("site", true);
        for robot in [
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "WhatsApp/2.23.20.0 A",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
            "TelegramBot (like TwitterBot)",
            "Twitterbot/1.0",
            "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0 Safari/537.36",
            "curl/8.5.0",
            "python-requests/2.31.0",
            "",
        ] {
            assert!(counter.is_robot(robot), "{robot}");
        }
        for browser in [
            FIREFOX,
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36",
        ] {
            assert!(!counter.is_robot(browser), "{browser}");
        }
    }
}
