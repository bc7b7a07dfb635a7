//! Who a counted view is: the visitor id (a keyed hash of the day's salt, the network, the user
//! agent and the site), at most [`MOST_VISITORS_A_NETWORK`] of them a network a day, and the
//! referring site's domain.

use std::{collections::HashMap, net::IpAddr};

use app::visits::VisitorId;
use chrono::NaiveDate;

use crate::client::network;

/// The most visitors one network counts as on one day (per instance): a household or a
/// housing association's shared address holds a few people, but a script that sends every
/// request with a new user agent is one visitor making up many. Past it, a network's views
/// count as views of a visitor it already has.
pub const MOST_VISITORS_A_NETWORK: usize = 16;

/// The most networks whose visitors one instance tells apart per day (a few megabytes);
/// beyond it a network's visitors are counted as they come.
const MOST_NETWORKS_A_DAY: usize = 100_000;

/// The longest referring domain recorded.
const LONGEST_DOMAIN: usize = 100;

/// The visitor a view counts for: `visitor`, unless its network (`network_id`) already has
/// [`MOST_VISITORS_A_NETWORK`] other visitors on `day`; then the one it had last.
pub(super) fn one_of_few(
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
}
