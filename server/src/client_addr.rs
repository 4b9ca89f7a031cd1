//! Who is on the other end: the reader's address, read through the proxies
//! the server was told to trust, and the network it belongs to.
//!
//! Without `--trusted-proxy` the address is the TCP peer's. Behind nginx
//! that is nginx for every reader, so rate limits, bans by network and the
//! proof of work's price would treat the whole city as one reader; with the
//! proxy trusted, the reader's address is the last `X-Forwarded-For` entry
//! that is not a trusted proxy. A header from anyone else is ignored, since
//! any client can write one.

use axum::extract::ConnectInfo;
use axum::http::HeaderMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// An address or a network (`10.0.0.0/8`, `::1`) of a proxy to trust.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProxyNet {
    addr: IpAddr,
    bits: u8,
}

impl ProxyNet {
    /// Reads `203.0.113.7`, `10.0.0.0/8` or `2001:db8::/32`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let (addr, bits) = match text.split_once('/') {
            Some((addr, bits)) => (addr, Some(bits)),
            None => (text, None),
        };
        let addr: IpAddr = addr.parse().map_err(|_| {
            format!("{text:?} is not an IP address or a network such as 10.0.0.0/8")
        })?;
        let most = if addr.is_ipv4() { 32 } else { 128 };
        let bits = match bits {
            None => most,
            Some(bits) => match bits.parse::<u8>() {
                Ok(bits) if bits <= most => bits,
                _ => return Err(format!("{text:?}: the prefix length must be 0 to {most}")),
            },
        };
        Ok(Self { addr, bits })
    }

    /// Whether `ip` is in this network.
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, canonical(ip)) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.bits)).unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.bits))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

/// The reader's address: the peer's, or through trusted proxies the
/// forwarded one. `None` when the router was served without connect info.
pub fn client_ip(
    peer: Option<SocketAddr>,
    headers: &HeaderMap,
    trusted: &[ProxyNet],
) -> Option<IpAddr> {
    let peer = canonical(peer?.ip());
    if !trusted.iter().any(|net| net.contains(peer)) {
        return Some(peer);
    }
    // Each proxy appends the address it got the request from: walk back from
    // the right past our own proxies; the first other address is the reader.
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .filter_map(|entry| entry.trim().parse::<IpAddr>().ok())
        .map(canonical)
        .collect();
    let reader = forwarded
        .iter()
        .rev()
        .find(|ip| !trusted.iter().any(|net| net.contains(**ip)));
    Some(reader.or(forwarded.first()).copied().unwrap_or(peer))
}

/// The address of the request's TCP peer, when served with connect info.
pub fn peer(extensions: &axum::http::Extensions) -> Option<SocketAddr> {
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| *addr)
}

/// An IPv4 address inside IPv6 (`::ffff:a.b.c.d`) as the IPv4 address it is.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The network a reader's address belongs to, as bans by network and the
/// desk name it: the /24 of an IPv4 address, the /48 of an IPv6 one (what
/// one household or small office is usually given).
pub fn ip_prefix(ip: IpAddr) -> String {
    match canonical(ip) {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            format!("{}/24", Ipv4Addr::new(a, b, c, 0))
        }
        IpAddr::V6(v6) => {
            let network = u128::from(v6) & (u128::MAX << 80);
            format!("{}/48", Ipv6Addr::from(network))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn networks_are_a_24_for_ipv4_and_a_48_for_ipv6() {
        assert_eq!(ip_prefix("203.0.113.77".parse().unwrap()), "203.0.113.0/24");
        assert_eq!(
            ip_prefix("::ffff:203.0.113.77".parse().unwrap()),
            "203.0.113.0/24"
        );
        assert_eq!(
            ip_prefix("2001:db8:abcd:12::1".parse().unwrap()),
            "2001:db8:abcd::/48"
        );
    }

    #[test]
    fn forwarded_addresses_count_only_from_trusted_proxies() {
        let peer: SocketAddr = "127.0.0.1:5000".parse().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("198.51.100.1, 203.0.113.9, 10.0.0.2"),
        );
        assert_eq!(
            client_ip(Some(peer), &headers, &[]),
            Some("127.0.0.1".parse().unwrap())
        );
        let trusted = [
            ProxyNet::parse("127.0.0.1").unwrap(),
            ProxyNet::parse("10.0.0.0/8").unwrap(),
        ];
        // 198.51.100.1 was written by the reader (or a liar): only what our
        // own proxies appended counts.
        assert_eq!(
            client_ip(Some(peer), &headers, &trusted),
            Some("203.0.113.9".parse().unwrap())
        );
        assert_eq!(
            client_ip(Some(peer), &HeaderMap::new(), &trusted),
            Some("127.0.0.1".parse().unwrap())
        );
        assert_eq!(client_ip(None, &headers, &trusted), None);
    }

    #[test]
    fn proxy_networks_parse_and_contain() {
        let net = ProxyNet::parse("10.1.0.0/16").unwrap();
        assert!(net.contains("10.1.200.3".parse().unwrap()));
        assert!(!net.contains("10.2.0.1".parse().unwrap()));
        assert!(
            ProxyNet::parse("0.0.0.0/0")
                .unwrap()
                .contains("8.8.8.8".parse().unwrap())
        );
        assert!(
            ProxyNet::parse("::1")
                .unwrap()
                .contains("::1".parse().unwrap())
        );
        assert!(ProxyNet::parse("10.0.0.0/33").is_err());
        assert!(ProxyNet::parse("nginx").is_err());
    }
}
