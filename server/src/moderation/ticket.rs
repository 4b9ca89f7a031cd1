//! Tickets for the desk's event stream. A browser's `EventSource` cannot
//! send an `Authorization` header, and a token in the address would end up
//! in proxies' logs; so the desk trades its token for a ticket that opens
//! streams for a few minutes (the browser's own reconnects reuse it) and
//! names only the moderator, signed with the server's key.

use crate::spam::secret;

/// How long a ticket opens streams, in seconds.
pub const LIFETIME_SECONDS: i64 = 10 * 60;

/// Who a valid ticket was given to: a moderator's id, or 0 for the shared token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holder {
    /// The `moderators` row id; 0 for the shared `--moderator-token`.
    pub moderator_id: i64,
}

/// A ticket for `holder`, valid until `now_seconds` + [`LIFETIME_SECONDS`];
/// answers it with its expiry.
pub fn issue(key: &[u8], holder: Holder, now_seconds: i64) -> (String, i64) {
    let expires = now_seconds.saturating_add(LIFETIME_SECONDS);
    let body = format!("{}.{expires}", holder.moderator_id);
    let signature = secret::sign(key, body.as_bytes());
    (format!("{body}.{signature}"), expires)
}

/// The holder of `ticket`, if this server signed it and it has not expired.
pub fn check(key: &[u8], ticket: &str, now_seconds: i64) -> Option<Holder> {
    let (body, signature) = ticket.rsplit_once('.')?;
    if !secret::verify(key, body.as_bytes(), signature) {
        return None;
    }
    let (id, expires) = body.split_once('.')?;
    let expires: i64 = expires.parse().ok()?;
    (now_seconds < expires).then_some(Holder {
        moderator_id: id.parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_opens_streams_for_its_holder_until_it_expires() {
        let key = b"desk ticket test key";
        let (ticket, expires) = issue(key, Holder { moderator_id: 7 }, 1_000);
        assert_eq!(expires, 1_000 + LIFETIME_SECONDS);
        assert_eq!(check(key, &ticket, 1_000), Some(Holder { moderator_id: 7 }));
        assert_eq!(check(key, &ticket, expires), None);
        assert_eq!(check(b"other key", &ticket, 1_000), None);
        let forged = ticket.replacen("7.", "8.", 1);
        assert_eq!(check(key, &forged, 1_000), None);
        assert_eq!(check(key, "", 1_000), None);
    }
}
