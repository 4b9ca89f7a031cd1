//! The article's live event stream (server-sent events through gloo-net's
//! EventSource): comments, removals and counts as they happen.
//!
//! The browser reconnects by itself after a dropped connection and sends
//! `Last-Event-ID`, so the server replays what was missed. Only when the
//! browser gives up (the server answered with an error) does the widget open a
//! new stream itself, with `?after=` the last id it holds.

use super::api::stream_url;
use crate::api::event_stream::{self, Arrived, EventStream};
use crate::api::json;
use vestnik_api::{Comment, CommentCount, CommentRemoved, CommentSettings};

/// Something the stream said, decoded.
#[derive(Clone, Debug, PartialEq)]
pub enum LiveEvent {
    /// The connection is open (again).
    Connected,
    /// The connection dropped; the browser is trying again.
    Reconnecting,
    /// The browser gave up on this stream: open a new one.
    Closed,
    /// A comment was posted. The id is the event's, for resuming.
    Comment(Comment, Option<i64>),
    /// A comment (and its replies) was removed.
    Removed(CommentRemoved, Option<i64>),
    /// The article's comment count changed.
    Count(CommentCount),
    /// The article's comment settings, at the start and when a moderator changes them.
    Settings(CommentSettings),
    /// An event whose data this client cannot read: skipped, never a panic.
    Unreadable,
}

/// An open stream; dropping it closes the connection.
pub type LiveStream = EventStream;

/// The kinds of event the widget listens to.
const KINDS: [&str; 4] = ["comment", "comment_removed", "count", "comments_status"];

/// Opens `slug`'s stream after the event `after`, with `reader`'s own
/// events; every event goes to `on_event`. `None` when the browser would not
/// even start one (no EventSource).
pub fn open_stream(
    slug: &str,
    after: i64,
    reader: Option<&str>,
    on_event: impl Fn(LiveEvent) + 'static,
) -> Option<LiveStream> {
    event_stream::open(&stream_url(slug, after, reader), &KINDS, move |arrived| {
        on_event(match arrived {
            Arrived::Opened => LiveEvent::Connected,
            // gloo reports only fatal errors as errors; this is the browser retrying.
            Arrived::Retrying => LiveEvent::Reconnecting,
            Arrived::Event {
                kind,
                data,
                last_event_id,
            } => decode_data(&kind, &data, last_event_id.parse::<i64>().ok()),
            Arrived::GaveUp => LiveEvent::Closed,
        })
    })
}

/// Decodes an event's data; [`LiveEvent::Unreadable`] for anything odd.
pub fn decode_data(kind: &str, data: &str, id: Option<i64>) -> LiveEvent {
    let decoded = match kind {
        "comment" => json::decode(data).map(|c| LiveEvent::Comment(c, id)),
        "comment_removed" => json::decode(data).map(|r| LiveEvent::Removed(r, id)),
        "count" => json::decode(data).map(LiveEvent::Count),
        "comments_status" => json::decode(data).map(LiveEvent::Settings),
        _ => return LiveEvent::Unreadable,
    };
    decoded.unwrap_or(LiveEvent::Unreadable)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn kind() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(
                &[
                    "comment",
                    "comment_removed",
                    "count",
                    "comments_status",
                    "open",
                    "ping"
                ][..]
            )
            .prop_map(str::to_owned),
            any::<String>(),
        ]
    }

    proptest! {
        /// Whatever a stream (or a proxy in front of it) sends, decoding
        /// answers an event or `Unreadable`, and never panics.
        #[test]
        fn any_event_decodes_or_is_unreadable(kind in kind(), data in any::<String>(), id in any::<Option<i64>>()) {
            let _ = decode_data(&kind, &data, id);
        }

        /// A comment in any script arrives whole, with its event id.
        #[test]
        fn a_comment_event_carries_the_comment_and_its_id(
            comment_id in any::<i64>(),
            author in any::<String>(),
            text in any::<String>(),
            id in any::<Option<i64>>(),
        ) {
            let comment = Comment {
                id: comment_id,
                parent_id: None,
                author,
                text,
                created_at: String::new(),
                client_id: None,
                ..Comment::published(0, None, "", "", "")
            };
            let data = serde_json::to_string(&comment).unwrap_or_default();
            prop_assert_eq!(decode_data("comment", &data, id), LiveEvent::Comment(comment, id));
        }
    }
}
