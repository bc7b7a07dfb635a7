//! Rate limits on the forms that could be abused: logging in (per network address and per
//! account), asking for emails (per network address and per email address) and signing up (per
//! network address, an hour's and a date's). Built on `governor`'s keyed GCRA limiters.
//!
//! The limits are kept in memory per app instance: with several instances behind a load
//! balancer each allows the stated rate, which still makes guessing passwords hopeless.
//!
//! Memory is bounded twice over. A key is never the text someone typed: an email field (which
//! may be a megabyte of anything) becomes a 32-byte [`key`]. And each limiter holds at most
//! [`MAX_KEYS`] keys: when it is full it first forgets the keys whose limits have recovered, and
//! if that frees nothing it refuses every request it would count until room comes back (a flood
//! big enough to fill it is an attack, and a limit that gave way under it would protect nothing).
//! The per-network limit is always asked first, so a network over its limit cannot add keys
//! to the per-account or per-address limiter.

use std::{
    hash::Hash,
    net::{IpAddr, Ipv6Addr},
    num::NonZeroU32,
    sync::Mutex,
    time::{Duration, Instant},
};

use chrono::NaiveDate;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use sha2::{Digest, Sha256};

/// Login attempts allowed per network address in [`LOGIN_WINDOW`].
pub const LOGIN_PER_ADDRESS: u32 = 25;
/// The window of [`LOGIN_PER_ADDRESS`].
pub const LOGIN_WINDOW: Duration = Duration::from_secs(5 * 60);
/// Login attempts allowed per account in an hour.
pub const LOGIN_PER_ACCOUNT: u32 = 25;
/// Reset or invitation emails allowed per email address in [`EMAIL_WINDOW`].
pub const EMAILS_PER_ADDRESS: u32 = 5;
/// Reset links asked for per network address in [`EMAIL_WINDOW`], whatever the addresses.
pub const RESETS_PER_NETWORK: u32 = 10;
/// The window of [`EMAILS_PER_ADDRESS`] and [`RESETS_PER_NETWORK`].
pub const EMAIL_WINDOW: Duration = Duration::from_secs(30 * 60);
/// Sign-ups allowed per network address in [`SIGNUP_WINDOW`], over all dates: a family signs
/// up for a few dates at a time, and neighbours behind one shared address (a housing
/// association's NAT) sign up for the same dinner on the evening the newsletter comes.
pub const SIGNUPS_PER_ADDRESS: u32 = 20;
/// The window of [`SIGNUPS_PER_ADDRESS`].
pub const SIGNUP_WINDOW: Duration = Duration::from_secs(60 * 60);
/// Sign-ups allowed per network address for one date in [`SIGNUP_DATE_WINDOW`]: a handful of
/// households behind one address, but not a whole dinner's seats from one script.
pub const SIGNUPS_PER_DATE: u32 = 6;
/// The window of [`SIGNUPS_PER_DATE`].
pub const SIGNUP_DATE_WINDOW: Duration = Duration::from_secs(24 * 60 * 60);
/// Hand-overs of citizen journalism allowed per account in an hour: sending a piece and
/// writing in a piece's thread, each of which emails someone. Far more than a journalist or an
/// editor writes in an hour, but a stolen account cannot flood the staff's inboxes.
pub const HANDOVERS_PER_ACCOUNT: u32 = 60;
/// The most keys one limiter holds: about 100 bytes each, so a few megabytes at most.
pub const MAX_KEYS: usize = 100_000;
/// How often a full limiter may look for keys to forget (a sweep walks every key).
const SWEEP_AT_MOST_EVERY: Duration = Duration::from_secs(1);

/// The key of something typed (an email address) in a limiter: trimmed, lower-cased and hashed
/// with SHA-256, so that every spelling of one address counts together, a key takes 32 bytes
/// however long the field was, and no address is kept in memory as written.
pub fn key(text: &str) -> [u8; 32] {
    Sha256::digest(text.trim().to_lowercase().as_bytes()).into()
}

/// A keyed limiter that holds at most `capacity` keys (see the module's notes).
#[derive(Debug)]
struct Bounded<K: Hash + Eq + Clone> {
    limiter: DefaultKeyedRateLimiter<K>,
    capacity: usize,
    last_sweep: Mutex<Option<Instant>>,
}

impl<K: Hash + Eq + Clone> Bounded<K> {
    fn new(quota: Quota, capacity: usize) -> Self {
        Self {
            limiter: RateLimiter::keyed(quota),
            capacity,
            last_sweep: Mutex::new(None),
        }
    }

    /// Counts a request for `key`; false when the key has had too many, or when the limiter is
    /// full and nothing can be forgotten yet.
    fn check(&self, key: &K) -> bool {
        if self.limiter.len() >= self.capacity && !self.sweep_when_full() {
            return false;
        }
        self.limiter.check_key(key).is_ok()
    }

    /// Forgets recovered keys, at most once per [`SWEEP_AT_MOST_EVERY`]; true if there is room.
    fn sweep_when_full(&self) -> bool {
        let mut last = self
            .last_sweep
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if last.is_none_or(|at| at.elapsed() >= SWEEP_AT_MOST_EVERY) {
            *last = Some(Instant::now());
            self.limiter.retain_recent();
            if self.limiter.len() >= self.capacity {
                tracing::warn!(
                    keys = self.limiter.len(),
                    "a rate limiter is full; requests it counts are refused until keys expire"
                );
            }
        }
        self.limiter.len() < self.capacity
    }

    /// Forgets keys whose limits have fully recovered, and gives their memory back.
    fn forget_idle_keys(&self) {
        self.limiter.retain_recent();
        self.limiter.shrink_to_fit();
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.limiter.len()
    }
}

/// The limiters of one app instance.
#[derive(Debug)]
pub struct Limits {
    login_by_network: Bounded<IpAddr>,
    login_by_account: Bounded<[u8; 32]>,
    email_by_address: Bounded<[u8; 32]>,
    reset_by_network: Bounded<IpAddr>,
    signup_by_network: Bounded<IpAddr>,
    /// Keyed by the network, the activity's id and the date's scheduled day.
    signup_by_date: Bounded<(IpAddr, i64, NaiveDate)>,
    /// Keyed by the account's id.
    handover_by_account: Bounded<i64>,
}

/// `count` requests in `window`, allowed as a burst and refilled evenly.
fn quota(count: u32, window: Duration) -> Quota {
    let count = NonZeroU32::new(count).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(window / count.get())
        .expect("a non-zero period")
        .allow_burst(count)
}

impl Default for Limits {
    fn default() -> Self {
        Self::with_capacity(MAX_KEYS)
    }
}

impl Limits {
    /// The limiters, each holding at most `capacity` keys.
    pub fn with_capacity(capacity: usize) -> Self {
        let hour = Duration::from_secs(60 * 60);
        Self {
            login_by_network: Bounded::new(quota(LOGIN_PER_ADDRESS, LOGIN_WINDOW), capacity),
            login_by_account: Bounded::new(quota(LOGIN_PER_ACCOUNT, hour), capacity),
            email_by_address: Bounded::new(quota(EMAILS_PER_ADDRESS, EMAIL_WINDOW), capacity),
            reset_by_network: Bounded::new(quota(RESETS_PER_NETWORK, EMAIL_WINDOW), capacity),
            signup_by_network: Bounded::new(quota(SIGNUPS_PER_ADDRESS, SIGNUP_WINDOW), capacity),
            signup_by_date: Bounded::new(quota(SIGNUPS_PER_DATE, SIGNUP_DATE_WINDOW), capacity),
            handover_by_account: Bounded::new(quota(HANDOVERS_PER_ACCOUNT, hour), capacity),
        }
    }

    /// Counts a login attempt; false when the address or the account has had too many. The
    /// account is counted only when the network is within its limit.
    pub fn allow_login(&self, ip: IpAddr, email: &str) -> bool {
        self.login_by_network.check(&network(ip)) && self.login_by_account.check(&key(email))
    }

    /// Counts an email sent to `address` (an admin's invitation); false when it has had too
    /// many.
    pub fn allow_email(&self, address: &str) -> bool {
        self.email_by_address.check(&key(address))
    }

    /// Counts a reset link asked for from `ip` for `address`; false when the network or the
    /// address has had too many. The address is counted only when the network is within its
    /// limit.
    pub fn allow_reset(&self, ip: IpAddr, address: &str) -> bool {
        self.reset_by_network.check(&network(ip)) && self.allow_email(address)
    }

    /// Counts a sign-up from `ip` for the occurrence of `activity_id` scheduled on `date`;
    /// false when its network has had too many for this date or this hour. Only a sign-up
    /// that would be written is counted (the handler asks after the form's checks). The date's
    /// limit is asked first, and a refusal by it leaves the hour's alone: a script hammering
    /// one date does not use up the hour of the neighbours who share its address.
    pub fn allow_signup(&self, ip: IpAddr, activity_id: i64, date: NaiveDate) -> bool {
        let network = network(ip);
        self.signup_by_date.check(&(network, activity_id, date))
            && self.signup_by_network.check(&network)
    }

    /// Counts a hand-over of a piece (sending it, writing in its thread) by account `user_id`;
    /// false when the account has had too many this hour.
    pub fn allow_handover(&self, user_id: i64) -> bool {
        self.handover_by_account.check(&user_id)
    }

    /// Forgets keys whose limits have fully recovered, so memory shrinks after a busy spell.
    pub fn forget_idle_keys(&self) {
        self.login_by_network.forget_idle_keys();
        self.login_by_account.forget_idle_keys();
        self.email_by_address.forget_idle_keys();
        self.reset_by_network.forget_idle_keys();
        self.signup_by_network.forget_idle_keys();
        self.signup_by_date.forget_idle_keys();
        self.handover_by_account.forget_idle_keys();
    }
}

/// The network an address belongs to for rate limiting: an IPv4 address on its own, an IPv6
/// address by its /64 prefix (one household or phone usually holds a whole /64).
pub fn network(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let bits = u128::from(v6) & !((1_u128 << 64) - 1);
                IpAddr::V6(Ipv6Addr::from(bits))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_addresses_are_grouped_by_their_64_prefix() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(network(a), network(b));
        assert_ne!(network(a), network(c));
        let v4: IpAddr = "192.0.2.7".parse().unwrap();
        assert_eq!(network(v4), v4);
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(network(mapped), v4);
    }

    #[test]
    fn the_26th_login_from_one_network_is_refused() {
        let limits = Limits::default();
        let ip: IpAddr = "2001:db8::1".parse().unwrap();
        let neighbour: IpAddr = "2001:db8::2".parse().unwrap();
        for n in 0..25 {
            assert!(
                limits.allow_login(ip, &format!("{n}@example.org")),
                "attempt {n}"
            );
        }
        assert!(!limits.allow_login(neighbour, "new@example.org"));
        assert!(limits.allow_login("192.0.2.1".parse().unwrap(), "new@example.org"));
    }

    #[test]
    fn one_account_gets_25_attempts_from_anywhere() {
        let limits = Limits::default();
        for n in 0..25_u8 {
            let ip = IpAddr::from([10, 0, 0, n]);
            assert!(limits.allow_login(ip, "Staff@Example.org"));
        }
        assert!(!limits.allow_login(IpAddr::from([10, 1, 0, 0]), "staff@example.org"));
    }

    #[test]
    fn the_sixth_email_to_one_address_is_refused() {
        let limits = Limits::default();
        for _ in 0..5 {
            assert!(limits.allow_email("a@example.org"));
        }
        assert!(!limits.allow_email(" A@example.org"));
        assert!(limits.allow_email("b@example.org"));
    }

    #[test]
    fn keys_are_fixed_size_and_normalised() {
        assert_eq!(key(" Staff@Example.ORG\n"), key("staff@example.org"));
        assert_ne!(key("staff@example.org"), key("staf@example.org"));
        let huge = "a".repeat(1024 * 1024);
        assert_eq!(key(&huge).len(), 32);
    }

    #[test]
    fn a_refused_network_does_not_count_against_the_account() {
        let limits = Limits::default();
        let guesser: IpAddr = "198.51.100.7".parse().unwrap();
        for n in 0..25 {
            assert!(limits.allow_login(guesser, &format!("{n}@example.org")));
        }
        let accounts_before = limits.login_by_account.len();
        // The guesser's network is over its limit: these are refused before the account is
        // looked at, so neither the victim's count nor the memory grows.
        for n in 0..100 {
            assert!(!limits.allow_login(guesser, "victim@example.org"));
            assert!(!limits.allow_login(guesser, &format!("new{n}@example.org")));
        }
        assert_eq!(limits.login_by_account.len(), accounts_before);
        let victim: IpAddr = "203.0.113.9".parse().unwrap();
        for attempt in 0..25 {
            assert!(
                limits.allow_login(victim, "Victim@example.org"),
                "the owner's own attempt {attempt}"
            );
        }
    }

    #[test]
    fn reset_links_are_limited_per_network_as_well_as_per_address() {
        let limits = Limits::default();
        let ip: IpAddr = "2001:db8:5::1".parse().unwrap();
        for n in 0..10 {
            assert!(limits.allow_reset(ip, &format!("{n}@example.org")), "{n}");
        }
        assert!(!limits.allow_reset(ip, "fresh@example.org"));
        assert!(!limits.allow_reset("2001:db8:5::2".parse().unwrap(), "fresh@example.org"));
        // Refused by its network, the address was not counted: elsewhere it gets all five.
        let other: IpAddr = "192.0.2.44".parse().unwrap();
        for _ in 0..5 {
            assert!(limits.allow_reset(other, "fresh@example.org"));
        }
        assert!(!limits.allow_reset(other, "fresh@example.org"));
    }

    #[test]
    fn a_full_limiter_refuses_new_keys_rather_than_grow() {
        let limits = Limits::with_capacity(50);
        for n in 0..50_u8 {
            let ip = IpAddr::from([10, 9, 0, n]);
            assert!(limits.allow_login(ip, &format!("{n}@example.org")), "{n}");
        }
        assert_eq!(limits.login_by_network.len(), 50);
        assert!(!limits.allow_login(IpAddr::from([10, 9, 1, 0]), "new@example.org"));
        assert_eq!(limits.login_by_network.len(), 50);
        assert_eq!(
            limits.login_by_account.len(),
            50,
            "the account was not counted"
        );
    }

    #[test]
    fn a_full_limiter_forgets_recovered_keys_to_make_room() {
        // One request per 20 ms: a key has recovered 20 ms after its request.
        let quick = Bounded::new(quota(1, Duration::from_millis(20)), 3);
        for n in 0..3 {
            assert!(quick.check(&key(&format!("{n}@example.org"))));
        }
        assert!(
            !quick.check(&key("late@example.org")),
            "full, nothing recovered"
        );
        std::thread::sleep(SWEEP_AT_MOST_EVERY + Duration::from_millis(50));
        assert!(
            quick.check(&key("late@example.org")),
            "recovered keys were swept"
        );
        assert_eq!(quick.len(), 1);
    }

    #[test]
    fn one_network_gets_six_signups_per_date_and_twenty_an_hour() {
        let limits = Limits::default();
        let day = |d: u32| NaiveDate::from_ymd_opt(2027, 1, d).unwrap();
        let home: IpAddr = "2001:db8:5:6::10".parse().unwrap();
        let same_home: IpAddr = "2001:db8:5:6::99".parse().unwrap();
        for n in 0..6 {
            assert!(limits.allow_signup(home, 1, day(28)), "sign-up {n}");
        }
        for _ in 0..50 {
            assert!(
                !limits.allow_signup(same_home, 1, day(28)),
                "the /64 shares"
            );
        }
        // A neighbour elsewhere signs up for the same date; the family signs up for others.
        assert!(limits.allow_signup("192.0.2.9".parse().unwrap(), 1, day(28)));
        assert!(limits.allow_signup(home, 2, day(28)), "another activity");
        for d in 1..=13 {
            assert!(limits.allow_signup(home, 1, day(d)), "date {d}");
        }
        // 6 + 1 + 13 = 20 this hour (the 50 refused ones not counted): the hour is used up,
        // for every date.
        assert!(!limits.allow_signup(home, 3, day(5)));
    }
}
