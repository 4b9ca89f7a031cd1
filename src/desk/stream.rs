//! The desk's live stream (`GET /api/moderation/stream?ticket=`): how each
//! comment stands after every post, report and decision, and every
//! moderator's action, as they happen. Nothing is replayed, so the desk
//! reads its queues again whenever the stream opens.

use super::api::stream_url;
use crate::api::event_stream::{self, Arrived, EventStream};
use crate::api::json;
use vestnik_api::ModerationLogEntry;
use vestnik_api::moderation::QueueItem;

/// Something the stream said, decoded.
#[derive(Clone, Debug, PartialEq)]
pub enum DeskLive {
    /// Open (again).
    Opened,
    /// Dropped; the browser is trying again.
    Dropped,
    /// The browser gave up (an expired ticket, an error answer).
    Closed,
    /// A comment as it stands now.
    Item(Box<QueueItem>),
    /// A moderator's action.
    Log(ModerationLogEntry),
    /// An event this desk cannot read: skipped.
    Unreadable,
}

/// An open stream; dropping it closes the connection.
pub type DeskStream = EventStream;

/// Opens the stream with `ticket`; every event goes to `on_event`. `None`
/// when the browser would not start one.
pub fn open(ticket: &str, on_event: impl Fn(DeskLive) + 'static) -> Option<DeskStream> {
    event_stream::open(&stream_url(ticket), &["item", "log"], move |arrived| {
        on_event(match arrived {
            Arrived::Opened => DeskLive::Opened,
            // gloo reports only fatal errors as errors; this is the browser retrying.
            Arrived::Retrying => DeskLive::Dropped,
            Arrived::Event { kind, data, .. } => decode(&kind, &data),
            Arrived::GaveUp => DeskLive::Closed,
        })
    })
}

/// One event as the desk reads it; [`DeskLive::Unreadable`] for anything odd.
pub fn decode(kind: &str, data: &str) -> DeskLive {
    match kind {
        "item" => json::decode(data)
            .map(|item| DeskLive::Item(Box::new(item)))
            .unwrap_or(DeskLive::Unreadable),
        "log" => json::decode(data)
            .map(DeskLive::Log)
            .unwrap_or(DeskLive::Unreadable),
        _ => DeskLive::Unreadable,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_item_event_is_a_queue_item() {
        let data = r#"{"comment":{"id":7,"author":"Оля","text":"Привет","created_at":"2026-12-03T10:00:00Z","status":"pending"},
            "article":{"slug":"news-0001","title":"Заголовок"},"reader":"1a2b3c4d","ip_prefix":"127.0.0.0/24",
            "held_for":"new_commenter","open_reports":0,"author_approved":0}"#;
        let DeskLive::Item(item) = decode("item", data) else {
            panic!("not an item");
        };
        assert_eq!(item.comment.id, 7);
        assert_eq!(
            item.held_for,
            Some(vestnik_api::moderation::HeldFor::NewCommenter)
        );
    }

    proptest! {
        /// Whatever a stream or a proxy sends, decoding never panics.
        #[test]
        fn any_event_decodes_or_is_unreadable(kind in prop_oneof![
            Just("item".to_owned()), Just("log".to_owned()), any::<String>()
        ], data in any::<String>()) {
            let _ = decode(&kind, &data);
        }
    }
}
