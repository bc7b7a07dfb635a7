//! Rate limits on the forms that could be abused: logging in (per network address, and per
//! account from each network), asking for emails (per network address, and per email address
//! from each network) and signing up (per network address, an hour's and a date's).
//!
//! The limits are kept in memory per app instance: with several instances behind a load
//! balancer each allows the stated rate, which still makes guessing passwords hopeless.
//!
//! **Nobody spends another's allowance.** A limit that protects a person's account or inbox is
//! keyed by that account *and* the network asking: a guesser who uses up the attempts on an
//! account from one network has not touched the owner's attempts from home. Only real attempts
//! count (the handlers ask after the cheap checks of the form: an empty password is refused
//! without counting), and a request refused by one limit is not counted by another
//! ([`Limits::allow_signup`] asks both of its limits before it counts either).
//!
//! **Memory is bounded, and a full limiter still serves.** A key is never the text someone
//! typed: an email field (which may be a megabyte of anything) becomes a 32-byte [`key`]. Each
//! limiter holds at most [`MAX_KEYS`] keys; when it is full, the key least recently seen is
//! forgotten to make room. Filling a limiter therefore costs the filler as many requests as it
//! holds keys, and what it forgets first are the keys nobody has used for the longest time,
//! never the right of a new visitor to be counted.
//!
//! The limiter is written here rather than taken from `governor` (which the portal used
//! before): governor cannot ask two limits whether a request fits before it counts it in
//! either, and a full keyed governor limiter can only refuse or grow. The rule is the same
//! generic cell rate algorithm (GCRA) governor implements: a key's state is the time at which
//! its allowance would be whole again.

mod limiter;

use std::{
    net::IpAddr,
    time::{Duration, Instant},
};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use crate::client::network;
use limiter::Limiter;

/// Login attempts allowed per network address in [`LOGIN_WINDOW`].
pub const LOGIN_PER_ADDRESS: u32 = 25;
/// The window of [`LOGIN_PER_ADDRESS`].
pub const LOGIN_WINDOW: Duration = Duration::from_secs(5 * 60);
/// Login attempts allowed per account from one network in an hour.
pub const LOGIN_PER_ACCOUNT: u32 = 25;
/// Reset or invitation emails allowed per email address (a reset: from one network) in
/// [`EMAIL_WINDOW`].
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
/// Hand-overs of citizen journalism allowed per account in an hour: sending a submission and
/// writing in a submission's thread, each of which emails someone. Far more than a journalist or an
/// editor writes in an hour, but a stolen account cannot flood the staff's inboxes.
pub const HANDOVERS_PER_ACCOUNT: u32 = 60;
/// Second-step codes allowed per account from one network in [`SECOND_STEP_WINDOW`]: a person
/// mistypes a few times; a guesser who has the password gets ten tries at a million codes.
pub const SECOND_STEP_PER_ACCOUNT: u32 = 10;
/// Second-step codes allowed per network address in [`SECOND_STEP_WINDOW`], whatever the
/// accounts: an office where several staff log in at nine.
pub const SECOND_STEP_PER_NETWORK: u32 = 30;
/// The window of the second step's limits.
pub const SECOND_STEP_WINDOW: Duration = Duration::from_secs(15 * 60);
/// Subscriptions to the newsletter allowed per network address in [`SUBSCRIBE_WINDOW`],
/// whatever the addresses: a few households behind one address, not a list of strangers.
pub const SUBSCRIBE_PER_NETWORK: u32 = 10;
/// Subscriptions of one email address allowed from one network in [`SUBSCRIBE_WINDOW`]: each
/// sends the address an email, so a stranger cannot fill someone's inbox.
pub const SUBSCRIBE_PER_ADDRESS: u32 = 3;
/// The window of the subscription limits.
pub const SUBSCRIBE_WINDOW: Duration = Duration::from_secs(60 * 60);
/// The most keys one limiter holds: about 100 bytes each, so a few megabytes at most.
pub const MAX_KEYS: usize = 100_000;

/// The key of something typed (an email address) in a limiter: trimmed, lower-cased and hashed
/// with SHA-256, so that every spelling of one address counts together, a key takes 32 bytes
/// however long the field was, and no address is kept in memory as written.
pub fn key(text: &str) -> [u8; 32] {
    Sha256::digest(text.trim().to_lowercase().as_bytes()).into()
}

/// The limiters of one app instance.
#[derive(Debug)]
pub struct Limits {
    login_by_network: Limiter<IpAddr>,
    /// Keyed by the account's address ([`key`]) and the network asking.
    login_by_account: Limiter<([u8; 32], IpAddr)>,
    /// Invitations, keyed by the address invited.
    email_by_address: Limiter<[u8; 32]>,
    /// Reset links, keyed by the address and the network asking.
    reset_by_address: Limiter<([u8; 32], IpAddr)>,
    reset_by_network: Limiter<IpAddr>,
    signup_by_network: Limiter<IpAddr>,
    /// Keyed by the network, the activity's id and the date's scheduled day.
    signup_by_date: Limiter<(IpAddr, i64, NaiveDate)>,
    /// Keyed by the account's id.
    handover_by_account: Limiter<i64>,
    second_step_by_network: Limiter<IpAddr>,
    /// Keyed by the account's id and the network asking.
    second_step_by_account: Limiter<(i64, IpAddr)>,
    subscribe_by_network: Limiter<IpAddr>,
    /// Keyed by the address subscribed ([`key`]) and the network asking.
    subscribe_by_address: Limiter<([u8; 32], IpAddr)>,
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
            login_by_network: Limiter::new(LOGIN_PER_ADDRESS, LOGIN_WINDOW, capacity),
            login_by_account: Limiter::new(LOGIN_PER_ACCOUNT, hour, capacity),
            email_by_address: Limiter::new(EMAILS_PER_ADDRESS, EMAIL_WINDOW, capacity),
            reset_by_address: Limiter::new(EMAILS_PER_ADDRESS, EMAIL_WINDOW, capacity),
            reset_by_network: Limiter::new(RESETS_PER_NETWORK, EMAIL_WINDOW, capacity),
            signup_by_network: Limiter::new(SIGNUPS_PER_ADDRESS, SIGNUP_WINDOW, capacity),
            signup_by_date: Limiter::new(SIGNUPS_PER_DATE, SIGNUP_DATE_WINDOW, capacity),
            handover_by_account: Limiter::new(HANDOVERS_PER_ACCOUNT, hour, capacity),
            second_step_by_network: Limiter::new(
                SECOND_STEP_PER_NETWORK,
                SECOND_STEP_WINDOW,
                capacity,
            ),
            second_step_by_account: Limiter::new(
                SECOND_STEP_PER_ACCOUNT,
                SECOND_STEP_WINDOW,
                capacity,
            ),
            subscribe_by_network: Limiter::new(SUBSCRIBE_PER_NETWORK, SUBSCRIBE_WINDOW, capacity),
            subscribe_by_address: Limiter::new(SUBSCRIBE_PER_ADDRESS, SUBSCRIBE_WINDOW, capacity),
        }
    }

    /// Counts a login attempt on the account `email` from `ip`; false when the network has had
    /// too many, or this account has had too many from this network. Ask only for a real
    /// attempt (an address and a password typed). The account is counted only when the network
    /// is within its limit.
    pub fn allow_login(&self, ip: IpAddr, email: &str) -> bool {
        let network = network(ip);
        self.login_by_network.check(network) && self.login_by_account.check((key(email), network))
    }

    /// Counts an invitation sent to `address`; false when it has had too many.
    pub fn allow_email(&self, address: &str) -> bool {
        self.email_by_address.check(key(address))
    }

    /// Counts a reset link asked for from `ip` for `address`; false when the network, or this
    /// address from this network, has had too many. The address is counted only when the
    /// network is within its limit.
    pub fn allow_reset(&self, ip: IpAddr, address: &str) -> bool {
        let network = network(ip);
        self.reset_by_network.check(network) && self.reset_by_address.check((key(address), network))
    }

    /// Counts a sign-up from `ip` for the occurrence of `activity_id` scheduled on `date`;
    /// false when its network has had too many for this date or this hour. Only a sign-up
    /// that would be written is counted (the handler asks after the form's checks), and it is
    /// counted in both limits or in neither: a script hammering one date does not use up the
    /// hour of the neighbours who share its address, and a sign-up refused by the hour does not
    /// count against the date. (Two requests of one network at the very same moment may both
    /// pass the question before either is counted: one sign-up more, never fewer.)
    pub fn allow_signup(&self, ip: IpAddr, activity_id: i64, date: NaiveDate) -> bool {
        let (network, now) = (network(ip), Instant::now());
        let by_date = (network, activity_id, date);
        if !(self.signup_by_date.allows(&by_date, now)
            && self.signup_by_network.allows(&network, now))
        {
            return false;
        }
        self.signup_by_date.count(by_date, now);
        self.signup_by_network.count(network, now);
        true
    }

    /// Counts a hand-over of a submission (sending it, writing in its thread) by account `user_id`;
    /// false when the account has had too many this hour.
    pub fn allow_handover(&self, user_id: i64) -> bool {
        self.handover_by_account.check(user_id)
    }

    /// Counts a second-step code typed from `ip` for account `user_id`; false when the network,
    /// or this account from this network, has had too many. Its own limits, beside the
    /// password's: a code is only asked for after a right password. The account is counted
    /// only when the network is within its limit.
    pub fn allow_second_step(&self, ip: IpAddr, user_id: i64) -> bool {
        let network = network(ip);
        self.second_step_by_network.check(network)
            && self.second_step_by_account.check((user_id, network))
    }

    /// Counts a subscription to the newsletter from `ip` for `address`; false when the network,
    /// or this address from this network, has had too many. The address is counted only when
    /// the network is within its limit, and from another network it keeps its own allowance.
    pub fn allow_subscribe(&self, ip: IpAddr, address: &str) -> bool {
        let network = network(ip);
        self.subscribe_by_network.check(network)
            && self.subscribe_by_address.check((key(address), network))
    }

    /// Forgets keys whose limits have fully recovered, so memory shrinks after a busy spell.
    pub fn forget_idle_keys(&self) {
        self.login_by_network.forget_idle_keys();
        self.login_by_account.forget_idle_keys();
        self.email_by_address.forget_idle_keys();
        self.reset_by_address.forget_idle_keys();
        self.reset_by_network.forget_idle_keys();
        self.signup_by_network.forget_idle_keys();
        self.signup_by_date.forget_idle_keys();
        self.second_step_by_network.forget_idle_keys();
        self.second_step_by_account.forget_idle_keys();
        self.handover_by_account.forget_idle_keys();
        self.subscribe_by_network.forget_idle_keys();
        self.subscribe_by_address.forget_idle_keys();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_guesser_cannot_use_up_the_owners_attempts() {
        let limits = Limits::default();
        // 25 networks guess at one account: each may, and the owner is untouched.
        for n in 0..25_u8 {
            let guesser = IpAddr::from([10, 0, 0, n]);
            for _ in 0..25 {
                assert!(limits.allow_login(guesser, "Staff@Example.org"));
            }
            assert!(!limits.allow_login(guesser, "staff@example.org"));
        }
        let home = IpAddr::from([192, 0, 2, 1]);
        for attempt in 0..25 {
            assert!(
                limits.allow_login(home, "staff@example.org"),
                "the owner's attempt {attempt}"
            );
        }
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
    fn a_full_limiter_forgets_the_key_least_recently_seen_and_serves_new_ones() {
        let limits = Limits::with_capacity(50);
        let ip = |n: u8| IpAddr::from([10, 9, 0, n]);
        for n in 0..50_u8 {
            assert!(
                limits.allow_login(ip(n), &format!("{n}@example.org")),
                "{n}"
            );
        }
        // Network 0 is seen again, so network 1 is now the one least recently seen.
        assert!(limits.allow_login(ip(0), "0@example.org"));
        assert_eq!(limits.login_by_network.len(), 50);
        for n in 0..100_u8 {
            assert!(
                limits.allow_login(IpAddr::from([10, 9, 1, n]), "new@example.org"),
                "a newcomer is counted, not refused"
            );
        }
        assert_eq!(
            limits.login_by_network.len(),
            50,
            "the memory stays bounded"
        );
        // A network that was forgotten starts afresh; one that is over its limit and was seen
        // more recently than the flood's oldest stays refused.
        let busy = IpAddr::from([10, 9, 2, 0]);
        for _ in 0..25 {
            assert!(limits.allow_login(busy, "x@example.org"));
        }
        assert!(!limits.allow_login(busy, "x@example.org"));
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
        // Refused by the hour, those attempts did not count against their date: a fresh hour
        // (here: a fresh network's) finds the date's six untouched.
        let flood: IpAddr = "2001:db8:7::1".parse().unwrap();
        for d in 1..=20 {
            assert!(limits.allow_signup(flood, 9, day(d)));
        }
        for _ in 0..30 {
            assert!(!limits.allow_signup(flood, 4, day(28)));
        }
        assert!(limits
            .signup_by_date
            .allows(&(network(flood), 4, day(28)), Instant::now()));
    }

    #[test]
    fn five_resets_asked_by_someone_else_leave_the_owner_their_own() {
        let limits = Limits::default();
        let attacker: IpAddr = "198.51.100.20".parse().unwrap();
        for _ in 0..5 {
            assert!(limits.allow_reset(attacker, "victim@example.org"));
        }
        assert!(!limits.allow_reset(attacker, "victim@example.org"));
        let home: IpAddr = "2001:db8:9:9::5".parse().unwrap();
        assert!(limits.allow_reset(home, "Victim@example.org"));
    }
}
