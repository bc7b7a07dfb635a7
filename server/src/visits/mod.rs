//! Counting visitors with no cookie, no JavaScript and no third party (see `app::visits`).
//!
//! [`middleware::count_views`] wraps the routes: after a page is answered it decides whether the
//! answer was a page view by an anonymous visitor (a GET answered 200 with HTML, or 304 to a
//! browser asking for HTML, by a user agent that is no known bot or link-preview fetcher, from
//! nobody logged in), and [`VisitCounter::count`] turns the request into a visitor id
//! ([`identity`]): a keyed BLAKE3 hash of the day's random salt, the network address (an IPv6
//! address by its /64), the user agent and the site. Only the id, the page's path (a private
//! link's secret replaced by `…`), the device class and the referring site's domain are kept, in
//! memory, and [`write_regularly`] writes them every [`WRITE_EVERY`] in one transaction; a crash
//! loses at most those seconds. Once a day is over by [`OVERLAP`], its hashes are summed up and
//! deleted with its salt. Several instances share the salt and add their views to the same rows,
//! so a visitor seen by two of them on one day counts once.

pub mod identity;
pub mod middleware;

use std::{
    collections::{HashMap, HashSet},
    net::IpAddr,
    sync::{Arc, Mutex},
    time::Duration,
};

use app::{
    clock,
    db::Db,
    visits::{Batch, Device, HitKey, VisitorId, OTHER_SITES},
};
use chrono::{DateTime, NaiveDate, Utc};

use crate::paths::loggable_path;
use identity::{one_of_few, referring_domain, visitor_id};

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

/// The longest path counted; longer ones are no page of this site.
const LONGEST_PATH: usize = 300;

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
        match counter.write(&db).await {
            // A full disk is logged once a minute, not every five seconds.
            Err(err) if app::errors::note_disk_full(&err) => {}
            Err(err) => {
                tracing::warn!(error = %err, "could not write the counted page views; trying again")
            }
            Ok(_) => {}
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
    use super::*;

    const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";

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
