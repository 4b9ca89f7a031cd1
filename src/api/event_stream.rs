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
#[derive(Debug, PartialEq)]
pub enum Arrived {
    /// The connection is open (again).
    Opened,
    /// The connection dropped and the browser is trying again.
    Retrying,
    /// A named event: its kind, its data and the stream's last event id
    /// after it.
    Event {
        /// The event's name.
        kind: String,
        /// Its data.
        data: String,
        /// `lastEventId` after it.
        last_event_id: String,
    },
    /// The browser gave up on the stream: nothing more comes.
    GaveUp,
}

/// The kinds every stream listens to besides its own: the connection's.
const CONNECTION_KINDS: [&str; 2] = ["open", "error"];

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

/// Opens `url`, subscribed to its connection's events and to `kinds`; everything that comes goes to
/// `on_arrival`. `None` when the browser would not start one.
pub fn open(
    url: &str,
    kinds: &[&str],
    on_arrival: impl Fn(Arrived) + 'static,
) -> Option<EventStream> {
    let mut source = EventSource::new(url).ok()?;
    let subscriptions: Vec<_> = CONNECTION_KINDS
        .iter()
        .chain(kinds)
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
                Ok((kind, message)) => on_arrival(arrival(kind, &message)),
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

/// What one event of `kind` says. gloo hands `open` and `error` over cast to
/// a `MessageEvent` although they are plain events without `data` or
/// `lastEventId`; reading those through their typed getters throws, so they
/// are told apart by kind and every field is read as whatever it holds.
fn arrival(kind: String, event: &web_sys::MessageEvent) -> Arrived {
    match kind.as_str() {
        "open" => Arrived::Opened,
        "error" => Arrived::Retrying,
        _ => Arrived::Event {
            data: string_field(event, "data"),
            last_event_id: string_field(event, "lastEventId"),
            kind,
        },
    }
}

/// `event[name]` when it is a string, else empty.
fn string_field(event: &web_sys::MessageEvent, name: &str) -> String {
    js_sys::Reflect::get(event, &name.into())
        .ok()
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

#[cfg(all(test, target_arch = "wasm32"))]
#[allow(clippy::unwrap_used)] // a test's unwrap is its assertion
mod tests {
    use super::*;
    use futures_channel::mpsc;
    use futures_util::StreamExt;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn plain_open_and_error_events_are_told_by_kind_without_reading_their_fields() {
        for (kind, expected) in [("open", Arrived::Opened), ("error", Arrived::Retrying)] {
            let plain: web_sys::MessageEvent = web_sys::Event::new(kind).unwrap().unchecked_into();
            assert_eq!(arrival(kind.to_owned(), &plain), expected);
        }
        let plain: web_sys::MessageEvent = web_sys::Event::new("comment").unwrap().unchecked_into();
        assert_eq!(
            arrival("comment".to_owned(), &plain),
            Arrived::Event {
                kind: "comment".into(),
                data: String::new(),
                last_event_id: String::new()
            }
        );
    }

    #[wasm_bindgen_test]
    async fn a_stream_the_server_refuses_ends_in_giving_up_not_a_panic() {
        // The app starts leptos's executor at boot; a test starts it itself.
        let _ = any_spawner::Executor::init_wasm_bindgen();
        let (sender, mut arrivals) = mpsc::unbounded();
        let stream = open("/no-such-stream", &["comment"], move |arrived| {
            let _ = sender.unbounded_send(arrived);
        })
        .unwrap();
        let mut seen = Vec::new();
        while let Some(arrived) = arrivals.next().await {
            let gave_up = arrived == Arrived::GaveUp;
            seen.push(arrived);
            if gave_up {
                break;
            }
        }
        assert_eq!(seen.last(), Some(&Arrived::GaveUp), "{seen:?}");
        drop(stream);
    }
}
