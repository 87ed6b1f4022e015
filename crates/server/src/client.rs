//! The client address a request came from, for the per-address rate limits
//! of logins (`crate::auth`) and of the portal's feedback (`crate::portal`).
//!
//! By default that is the socket peer: `X-Forwarded-For` is never read, so
//! nobody can pick the address they are counted under. Behind a reverse
//! proxy every visitor's peer is the proxy; the proxy's own addresses are
//! then given as [`crate::Config::trusted_proxies`] (`planwatch serve
//! --trusted-proxy IP`). Only when the peer is one of them is
//! `X-Forwarded-For` read, from the right: each trusted proxy appends the
//! address it was sent from, so the right-most entry that is not a trusted
//! proxy is the client. Entries left of it are whatever the client wrote
//! and are never used. An entry there that is not an address (a proxy that
//! wrote something else) stops the walk, and the last trusted hop stands
//! for the client: a shared bucket, never one the client chose.

use std::net::{IpAddr, SocketAddr};

use axum::extract::connect_info::ConnectInfo;
use axum::http::{Extensions, HeaderMap};

/// The header a proxy appends the address it was sent from to.
pub const FORWARDED_FOR: &str = "x-forwarded-for";

/// The client of a request whose socket peer is `peer`: `peer` itself unless
/// it is in `trusted`, else the right-most entry of `X-Forwarded-For` (all
/// its header lines, in order) that is not in `trusted`.
pub fn client_addr(
    peer: Option<IpAddr>,
    headers: &HeaderMap,
    trusted: &[IpAddr],
) -> Option<IpAddr> {
    let peer = peer.map(|p| p.to_canonical())?;
    let is_trusted = |a: &IpAddr| trusted.iter().any(|t| t.to_canonical() == *a);
    if !is_trusted(&peer) {
        return Some(peer);
    }
    let mut entries: Vec<&str> = Vec::new();
    for value in headers.get_all(FORWARDED_FOR) {
        // A header value that is not text says nothing usable: stop there.
        let Ok(text) = value.to_str() else {
            return Some(peer);
        };
        entries.extend(text.split(','));
    }
    let mut client = peer;
    for entry in entries.iter().rev() {
        let Some(addr) = parse_entry(entry) else {
            return Some(client);
        };
        client = addr;
        if !is_trusted(&addr) {
            return Some(addr);
        }
    }
    Some(client)
}

/// One `X-Forwarded-For` entry: an address, with a port or brackets
/// (`203.0.113.7`, `203.0.113.7:4711`, `[2001:db8::1]:443`).
fn parse_entry(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim();
    let addr = entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| {
            entry
                .strip_prefix('[')
                .and_then(|e| e.strip_suffix(']'))
                .and_then(|e| e.parse::<IpAddr>().ok())
        })?;
    Some(addr.to_canonical())
}

/// The client of a request, from its extensions (the peer axum's
/// `ConnectInfo` recorded) and headers, as `trusted` says.
pub(crate) fn of_request(
    extensions: &Extensions,
    headers: &HeaderMap,
    trusted: &[IpAddr],
) -> Option<IpAddr> {
    let peer = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    client_addr(peer, headers, trusted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    fn xff(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            if let Ok(v) = HeaderValue::from_str(v) {
                h.append(FORWARDED_FOR, v);
            }
        }
        h
    }

    #[test]
    fn without_trusted_proxies_the_header_is_never_read() {
        let h = xff(&["203.0.113.7"]);
        assert_eq!(
            client_addr(Some(ip("10.0.0.1")), &h, &[]),
            Some(ip("10.0.0.1"))
        );
        assert_eq!(client_addr(None, &h, &[]), None);
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_sends() {
        let h = xff(&["203.0.113.7"]);
        let trusted = [ip("10.0.0.1")];
        assert_eq!(
            client_addr(Some(ip("10.0.0.2")), &h, &trusted),
            Some(ip("10.0.0.2"))
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_rightmost_untrusted_entry_is_the_client() {
        let trusted = [ip("10.0.0.1"), ip("10.0.0.5")];
        let peer = Some(ip("10.0.0.1"));
        // What the client wrote itself (left) is not believed.
        let h = xff(&["198.51.100.9, 203.0.113.7"]);
        assert_eq!(client_addr(peer, &h, &trusted), Some(ip("203.0.113.7")));
        // Trusted hops on the right are skipped, across header lines too.
        let h = xff(&["198.51.100.9, 203.0.113.7", "10.0.0.5"]);
        assert_eq!(client_addr(peer, &h, &trusted), Some(ip("203.0.113.7")));
        // Ports and brackets.
        let h = xff(&["203.0.113.7:4711"]);
        assert_eq!(client_addr(peer, &h, &trusted), Some(ip("203.0.113.7")));
        let h = xff(&["[2001:db8::1]:443"]);
        assert_eq!(client_addr(peer, &h, &trusted), Some(ip("2001:db8::1")));
        let h = xff(&["[2001:db8::1]"]);
        assert_eq!(client_addr(peer, &h, &trusted), Some(ip("2001:db8::1")));
        // An IPv4-mapped peer is the IPv4 proxy.
        let mapped = Some(ip("::ffff:10.0.0.1"));
        let h = xff(&["203.0.113.7"]);
        assert_eq!(client_addr(mapped, &h, &trusted), Some(ip("203.0.113.7")));
    }

    #[test]
    fn no_header_or_garbage_counts_under_the_last_trusted_hop() {
        let trusted = [ip("10.0.0.1"), ip("10.0.0.5")];
        let peer = Some(ip("10.0.0.1"));
        assert_eq!(client_addr(peer, &HeaderMap::new(), &trusted), peer);
        let h = xff(&["unknown"]);
        assert_eq!(client_addr(peer, &h, &trusted), peer);
        let h = xff(&["203.0.113.7, not-an-address, 10.0.0.5"]);
        assert_eq!(client_addr(peer, &h, &trusted), Some(ip("10.0.0.5")));
        let h = xff(&[""]);
        assert_eq!(client_addr(peer, &h, &trusted), peer);
        // Only trusted proxies: the left-most of them.
        let h = xff(&["10.0.0.5"]);
        assert_eq!(client_addr(peer, &h, &trusted), Some(ip("10.0.0.5")));
    }
}
