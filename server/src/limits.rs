//! Rate limits on the forms that could be abused: logging in (per network address and per
//! account) and asking for emails (per email address). Built on `governor`'s keyed GCRA limiters.
//!
//! The limits are kept in memory per app instance: with several instances behind a load
//! balancer each allows the stated rate, which still makes guessing passwords hopeless.

use std::{
    net::{IpAddr, Ipv6Addr},
    num::NonZeroU32,
    time::Duration,
};

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

/// The limiters of one app instance.
#[derive(Debug)]
pub struct Limits {
    login_by_network: DefaultKeyedRateLimiter<IpAddr>,
    login_by_account: DefaultKeyedRateLimiter<String>,
    email_by_address: DefaultKeyedRateLimiter<String>,
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

    /// Forgets keys whose limits have fully recovered, so memory stays bounded.
    pub fn forget_idle_keys(&self) {
        self.login_by_network.retain_recent();
        self.login_by_account.retain_recent();
        self.email_by_address.retain_recent();
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
}
