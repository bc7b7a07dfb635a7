//! Rate limits on the forms that could be abused: logging in (per network address and per
//! account), asking for emails (per email address) and signing up (per network address, an
//! hour's and a date's). Built on `governor`'s keyed GCRA limiters.
//!
//! The limits are kept in memory per app instance: with several instances behind a load
//! balancer each allows the stated rate, which still makes guessing passwords hopeless.

use std::{
    net::{IpAddr, Ipv6Addr},
    num::NonZeroU32,
    time::Duration,
};

use chrono::NaiveDate;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Login attempts allowed per network address in [`LOGIN_WINDOW`].
pub const LOGIN_PER_ADDRESS: u32 = 25;
/// The window of [`LOGIN_PER_ADDRESS`].
pub const LOGIN_WINDOW: Duration = Duration::from_secs(5 * 60);
/// Login attempts allowed per account in an hour.
pub const LOGIN_PER_ACCOUNT: u32 = 25;
/// Reset or invitation emails allowed per email address in [`EMAIL_WINDOW`].
pub const EMAILS_PER_ADDRESS: u32 = 5;
/// The window of [`EMAILS_PER_ADDRESS`].
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

/// The limiters of one app instance.
#[derive(Debug)]
pub struct Limits {
    login_by_network: DefaultKeyedRateLimiter<IpAddr>,
    login_by_account: DefaultKeyedRateLimiter<String>,
    email_by_address: DefaultKeyedRateLimiter<String>,
    signup_by_network: DefaultKeyedRateLimiter<IpAddr>,
    /// Keyed by the network, the activity's id and the date's scheduled day.
    signup_by_date: DefaultKeyedRateLimiter<(IpAddr, i64, NaiveDate)>,
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
        Self {
            login_by_network: RateLimiter::keyed(quota(LOGIN_PER_ADDRESS, LOGIN_WINDOW)),
            login_by_account: RateLimiter::keyed(quota(
                LOGIN_PER_ACCOUNT,
                Duration::from_secs(60 * 60),
            )),
            email_by_address: RateLimiter::keyed(quota(EMAILS_PER_ADDRESS, EMAIL_WINDOW)),
            signup_by_network: RateLimiter::keyed(quota(SIGNUPS_PER_ADDRESS, SIGNUP_WINDOW)),
            signup_by_date: RateLimiter::keyed(quota(SIGNUPS_PER_DATE, SIGNUP_DATE_WINDOW)),
        }
    }
}

impl Limits {
    /// Counts a login attempt; false when the address or the account has had too many.
    pub fn allow_login(&self, ip: IpAddr, email: &str) -> bool {
        let by_network = self.login_by_network.check_key(&network(ip)).is_ok();
        let by_account = self
            .login_by_account
            .check_key(&email.trim().to_lowercase())
            .is_ok();
        by_network && by_account
    }

    /// Counts an email sent to `address`; false when it has had too many.
    pub fn allow_email(&self, address: &str) -> bool {
        self.email_by_address
            .check_key(&address.trim().to_lowercase())
            .is_ok()
    }

    /// Counts a sign-up from `ip` for the occurrence of `activity_id` scheduled on `date`;
    /// false when its network has had too many for this date or this hour. Only a sign-up
    /// that would be written is counted (the handler asks after the form's checks). The date's
    /// limit is asked first, and a refusal by it leaves the hour's alone: a script hammering
    /// one date does not use up the hour of the neighbours who share its address.
    pub fn allow_signup(&self, ip: IpAddr, activity_id: i64, date: NaiveDate) -> bool {
        let network = network(ip);
        self.signup_by_date
            .check_key(&(network, activity_id, date))
            .is_ok()
            && self.signup_by_network.check_key(&network).is_ok()
    }

    /// Forgets keys whose limits have fully recovered, so memory stays bounded.
    pub fn forget_idle_keys(&self) {
        self.login_by_network.retain_recent();
        self.login_by_account.retain_recent();
        self.email_by_address.retain_recent();
        self.signup_by_network.retain_recent();
        self.signup_by_date.retain_recent();
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
