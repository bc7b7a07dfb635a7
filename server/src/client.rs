//! The client behind a request: its address, which behind a trusted reverse proxy is the one the
//! proxy forwarded ([`client_address_of`]), and the network an address belongs to ([`network`]),
//! by which rate limits and visitor counting tell clients apart.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use axum::extract::{ConnectInfo, Request};
use ipnet::IpNet;

/// The address of the client that sent `request` (see [`client_address_of`]).
pub fn client_address(request: &Request, trusted_proxies: &[IpNet]) -> IpAddr {
    client_address_of(request.extensions(), request.headers(), trusted_proxies)
}

/// Whether `address` is one of `trusted_proxies`. An IPv4 address a dual-stack listener sees
/// as IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is compared as the IPv4 address it is.
fn is_trusted(trusted_proxies: &[IpNet], address: IpAddr) -> bool {
    let address = address.to_canonical();
    trusted_proxies.iter().any(|net| net.contains(&address))
}

/// The address of the client: the connection's peer, or, when the peer is one of the
/// `trusted_proxies` (`NABOSKAB_TRUSTED_PROXIES`), the address that proxy forwarded in
/// `X-Forwarded-For`. The list is read from the right, past every trusted proxy, so a client
/// cannot pass itself off as another address by sending the header itself. IPv4-mapped IPv6
/// addresses are given as the IPv4 addresses they are.
pub fn client_address_of(
    extensions: &axum::http::Extensions,
    headers: &axum::http::HeaderMap,
    trusted_proxies: &[IpNet],
) -> IpAddr {
    let peer = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_canonical())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    if !is_trusted(trusted_proxies, peer) {
        return peer;
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter_map(|part| part.trim().parse::<IpAddr>().ok())
        .map(|address| address.to_canonical())
        .collect();
    forwarded
        .iter()
        .rev()
        .find(|address| !is_trusted(trusted_proxies, **address))
        .or(forwarded.first())
        .copied()
        .unwrap_or(peer)
}

/// The network an address belongs to for rate limiting: an IPv4 address on its own (also when
/// written as an IPv4-mapped IPv6 address), an IPv6 address by its /64 prefix (one household
/// or phone usually holds a whole /64).
pub fn network(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & !((1_u128 << 64) - 1);
            IpAddr::V6(Ipv6Addr::from(bits))
        }
    }
}

#[cfg(test)]
mod tests {
    use axum::http::{Extensions, HeaderMap, HeaderValue};

    use super::*;

    fn from(peer: &str, forwarded: Option<&str>, trusted: &[&str]) -> IpAddr {
        let mut extensions = Extensions::new();
        extensions.insert(ConnectInfo(SocketAddr::new(peer.parse().unwrap(), 40000)));
        let mut headers = HeaderMap::new();
        if let Some(forwarded) = forwarded {
            headers.insert("x-forwarded-for", HeaderValue::from_str(forwarded).unwrap());
        }
        let trusted: Vec<IpNet> = trusted
            .iter()
            .map(|net| {
                net.parse()
                    .unwrap_or_else(|_| IpNet::from(net.parse::<IpAddr>().unwrap()))
            })
            .collect();
        client_address_of(&extensions, &headers, &trusted)
    }

    #[test]
    fn only_a_trusted_proxy_names_the_client() {
        let client: IpAddr = "203.0.113.9".parse().unwrap();
        // Without a trusted proxy the header is the client's own claim and is ignored.
        assert_eq!(
            from("198.51.100.1", Some("203.0.113.9"), &[]),
            "198.51.100.1".parse::<IpAddr>().unwrap()
        );
        assert_eq!(from("10.0.0.2", Some("203.0.113.9"), &["10.0.0.2"]), client);
        // A client that sends the header itself is behind its own claim: the proxy's entry is
        // the last, and that one counts.
        assert_eq!(
            from("10.0.0.2", Some("192.0.2.66, 203.0.113.9"), &["10.0.0.2"]),
            client
        );
        // Two proxies in a row are both passed over.
        assert_eq!(
            from(
                "10.0.0.2",
                Some("203.0.113.9, 10.0.0.3"),
                &["10.0.0.2", "10.0.0.3"]
            ),
            client
        );
        // A trusted proxy that forwarded nothing readable is the client.
        assert_eq!(
            from("10.0.0.2", Some("unknown"), &["10.0.0.2"]),
            "10.0.0.2".parse::<IpAddr>().unwrap()
        );
    }

    #[test]
    fn a_proxy_seen_on_a_dual_stack_listener_or_in_a_trusted_network_is_trusted() {
        let client: IpAddr = "203.0.113.9".parse().unwrap();
        // `[::]` sees an IPv4 proxy as `::ffff:127.0.0.1`.
        assert_eq!(
            from("::ffff:127.0.0.1", Some("203.0.113.9"), &["127.0.0.1"]),
            client
        );
        assert_eq!(
            from("10.20.30.40", Some("203.0.113.9"), &["10.0.0.0/8"]),
            client
        );
        assert_eq!(
            from("11.0.0.1", Some("203.0.113.9"), &["10.0.0.0/8"]),
            "11.0.0.1".parse::<IpAddr>().unwrap()
        );
        // A mapped client address is its IPv4 address.
        assert_eq!(
            from("10.0.0.2", Some("::ffff:203.0.113.9"), &["10.0.0.2"]),
            client
        );
    }

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
    fn an_ipv4_mapped_address_is_its_ipv4_network() {
        let mapped: IpAddr = "::ffff:127.0.0.1".parse().unwrap();
        assert_eq!(network(mapped), IpAddr::from([127, 0, 0, 1]));
    }
}
