//! A server-sent event stream through gloo-net's EventSource, as the
//! comments and the moderation desk both listen to one.
//!
//! The browser reconnects a dropped stream by itself (an `error` event, which
//! gloo passes on as an event); only when it gives up (the server answered
//! with an error) does gloo report a failure, and then the stream is over.

use futures_util::StreamExt;
use futures_util::stream::select_all;
use gloo_net::eventsource::futures::EventSource;
use std::cell::Cell;
use std::rc::Rc;

/// What came on a stream.
pub enum Arrived {
    /// An event of one of the kinds subscribed to (`open` and `error` too):
    /// its kind, its data and the stream's last event id after it.
    Event {
        /// The event's name.
        kind: String,
        /// Its data (empty for `open` and `error`).
        data: String,
        /// `lastEventId` after it.
        last_event_id: String,
    },
    /// The browser gave up on the stream: nothing more comes.
    GaveUp,
}

/// An open stream; dropping it closes the connection.
pub struct EventStream {
    source: Option<EventSource>,
    dropped: Rc<Cell<bool>>,
}

impl Drop for EventStream {
    fn drop(&mut self) {
        // Closing on purpose is not the browser giving up: say nothing.
        self.dropped.set(true);
        if let Some(source) = self.source.take() {
            source.close();
        }
    }
}

/// Opens `url`, subscribed to `kinds`; everything that comes goes to
/// `on_arrival`. `None` when the browser would not start one.
pub fn open(
    url: &str,
    kinds: &[&str],
    on_arrival: impl Fn(Arrived) + 'static,
) -> Option<EventStream> {
    let mut source = EventSource::new(url).ok()?;
    let subscriptions: Vec<_> = kinds
        .iter()
        .filter_map(|kind| source.subscribe(*kind).ok())
        .collect();
    let dropped = Rc::new(Cell::new(false));
    let quiet = dropped.clone();
    leptos::task::spawn_local(async move {
        let mut events = select_all(subscriptions);
        while let Some(event) = events.next().await {
            if quiet.get() {
                return;
            }
            match event {
                Ok((kind, message)) => on_arrival(Arrived::Event {
                    kind,
                    data: message.data().as_string().unwrap_or_default(),
                    last_event_id: message.last_event_id(),
                }),
                Err(_) => {
                    on_arrival(Arrived::GaveUp);
                    return;
                }
            }
        }
    });
    Some(EventStream {
        source: Some(source),
        dropped,
    })
}
