//! `GET /api/articles/{slug}/comments/stream`: the article's comment changes as
//! server-sent events, replayed from a resume point and then live.
//!
//! Each change is one event whose `id` is its `comment_events` id; after every
//! group of changes (the replayed backlog, or one write's batch) comes a
//! `count` event with the new total, carrying the id of the change it follows.
//! A stream opened with `?reader=` (a reader id) also carries that reader's
//! own comments that nobody else sees (waiting, rejected, under a shadow
//! ban). Every stream starts with a `comments_status` event (the article's
//! comment settings: closed or not, its moderation), without an id, and
//! another comes whenever a moderator changes them.

use super::comments::reader_param;
use super::{ApiPath, ApiQuery};
use crate::AppState;
use crate::Shutdown;
use crate::comments::store::{self, Backlog};
use crate::comments::{CommentEvent, EventBatch, EventData};
use crate::error::ServerError;
use crate::moderation::settings::SiteModeration;
use crate::store::Store;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, HeaderValue};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast::{self, error::RecvError};
use vestnik_api::{CommentCount, CommentSettings};

/// How long a browser waits before reconnecting a dropped stream (`retry:`).
const RECONNECT_DELAY: Duration = Duration::from_millis(2000);

/// The shortest and the spread of the `retry:` a draining server sends before
/// ending a stream: its readers come back within a second or so (to another
/// replica), not all in the same instant.
const MOVE_DELAY_MIN_MS: u64 = 100;
const MOVE_DELAY_SPREAD_MS: u64 = 900;

#[derive(Deserialize)]
pub(super) struct StreamQuery {
    after: Option<String>,
    reader: Option<String>,
}

pub(super) async fn stream(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
    ApiQuery(query): ApiQuery<StreamQuery>,
    headers: HeaderMap,
) -> Result<Response, ServerError> {
    if state.shutdown.is_draining() {
        // A proxy passes this reconnect to another replica (nginx:
        // `proxy_next_upstream http_503`); a browser without one retries.
        return Err(ServerError::Draining);
    }
    let after = resume_point(&headers, query.after.as_deref())?;
    let reader = reader_param(query.reader.as_deref())?.map(str::to_owned);
    // Subscribe before reading the backlog: an event committed in between is
    // then in the channel (and skipped there if the backlog had it), never lost.
    let receiver = state.comments.subscribe();
    let backlog = store::stream_start(
        &state.store,
        &state.moderation,
        &slug,
        after,
        reader.as_deref(),
    )
    .await?;
    let mut live = LiveStream {
        store: state.store.clone(),
        site: state.moderation.clone(),
        article_id: backlog.article_id,
        reader,
        receiver,
        shutdown: state.shutdown.clone(),
        last_id: backlog.last_id,
        queue: VecDeque::from([Event::default().retry(RECONNECT_DELAY)]),
        said_goodbye: false,
    };
    live.queue.extend(settings_event(&backlog.settings));
    live.take_backlog(backlog);
    let events = futures_util::stream::unfold(live, LiveStream::next);
    let sse = Sse::new(events).keep_alive(KeepAlive::new().interval(state.keep_alive));
    let headers = [(
        // Tells nginx not to buffer the stream, which would delay every event.
        HeaderName::from_static("x-accel-buffering"),
        HeaderValue::from_static("no"),
    )];
    Ok((headers, sse).into_response())
}

/// A reconnect delay between [`MOVE_DELAY_MIN_MS`] and a spread above it,
/// drawn per stream.
fn move_delay() -> Duration {
    let mut bytes = [0u8; 2];
    // Without the system's randomness every reader waits the shortest.
    let draw = getrandom::fill(&mut bytes).map_or(0, |()| u64::from(u16::from_le_bytes(bytes)));
    Duration::from_millis(MOVE_DELAY_MIN_MS + draw % MOVE_DELAY_SPREAD_MS)
}

/// The resume point: `Last-Event-ID` (the browser's own reconnect) wins over
/// `?after=` (the app reopening the stream); both mean "events after this id".
fn resume_point(headers: &HeaderMap, after: Option<&str>) -> Result<Option<i64>, ServerError> {
    let header = headers
        .get("last-event-id")
        .map(|value| {
            value.to_str().map_err(|_| {
                ServerError::bad_field("Last-Event-ID", "not an event id this server sent")
            })
        })
        .transpose()?;
    let (field, text) = match (header.map(str::trim), after.map(str::trim)) {
        (Some(text), _) if !text.is_empty() => ("Last-Event-ID", text),
        (_, Some(text)) if !text.is_empty() => ("after", text),
        _ => return Ok(None),
    };
    match text.parse::<i64>() {
        Ok(id) if id >= 0 => Ok(Some(id)),
        _ => Err(ServerError::bad_field(
            field,
            "not an event id this server sent (a whole number, 0 or more)",
        )),
    }
}

/// One client's stream: events waiting to go out, and where it stands.
struct LiveStream {
    store: Store,
    site: Arc<SiteModeration>,
    article_id: i64,
    /// The reader id whose own events this stream also carries.
    reader: Option<String>,
    receiver: broadcast::Receiver<Arc<EventBatch>>,
    shutdown: Shutdown,
    /// The newest event id sent (or skipped as already known to the client).
    last_id: i64,
    queue: VecDeque<Event>,
    /// Whether the short `retry:` of a draining server went out.
    said_goodbye: bool,
}

impl LiveStream {
    async fn next(mut self) -> Option<(Result<Event, Infallible>, Self)> {
        loop {
            if let Some(event) = self.queue.pop_front() {
                return Some((Ok(event), self));
            }
            tokio::select! {
                () = self.shutdown.draining() => {
                    if self.said_goodbye {
                        return None;
                    }
                    self.said_goodbye = true;
                    return Some((Ok(Event::default().retry(move_delay())), self));
                }
                received = self.receiver.recv() => match received {
                    Ok(batch) => self.take_batch(&batch),
                    Err(RecvError::Lagged(missed)) => {
                        // The channel dropped batches this stream had not read:
                        // reload them from the database rather than skip them.
                        tracing::warn!(missed, article_id = self.article_id, "a comment stream fell behind; resyncing");
                        let reader = self.reader.as_deref();
                        match store::backlog(&self.store, &self.site, self.article_id, self.last_id, reader).await {
                            Ok(backlog) => self.take_backlog(backlog),
                            Err(error) => {
                                // Ending the stream makes the browser reconnect with
                                // its Last-Event-ID, which resumes without a gap.
                                tracing::error!(%error, "cannot resync a comment stream");
                                return None;
                            }
                        }
                    }
                    Err(RecvError::Closed) => return None,
                },
            }
        }
    }

    fn take_backlog(&mut self, backlog: Backlog) {
        self.last_id = self.last_id.max(backlog.last_id);
        self.enqueue(&backlog.events, backlog.total);
    }

    fn take_batch(&mut self, batch: &EventBatch) {
        if batch.article_id != self.article_id {
            return;
        }
        if let Some(settings) = &batch.settings {
            self.queue.extend(settings_event(settings));
        }
        // What the backlog (or a resync) already sent is dropped here.
        let fresh: Vec<CommentEvent> = batch
            .events
            .iter()
            .filter(|event| event.id > self.last_id)
            .cloned()
            .collect();
        if let Some(last) = fresh.last() {
            self.last_id = last.id;
        }
        // Another reader's own events move the resume point but are not sent.
        let mine: Vec<CommentEvent> = fresh
            .into_iter()
            .filter(|event| event.reaches(self.reader.as_deref()))
            .collect();
        self.enqueue(&mine, batch.total);
    }

    /// Queues `events` and, if there were any, a `count` with `total`.
    fn enqueue(&mut self, events: &[CommentEvent], total: u64) {
        let Some(last) = events.last() else {
            return;
        };
        for event in events {
            let sse = match &event.data {
                EventData::Comment(comment) => json_event(event.kind(), event.id, comment),
                EventData::Removed(removed) => json_event(event.kind(), event.id, removed),
            };
            self.queue.extend(sse);
        }
        self.queue
            .extend(json_event("count", last.id, &CommentCount { total }));
    }
}

/// `comments_status`: the article's settings, without an id (not a point to resume from).
fn settings_event(settings: &CommentSettings) -> Option<Event> {
    match serde_json::to_string(settings) {
        Ok(json) => Some(Event::default().event("comments_status").data(json)),
        Err(error) => {
            tracing::error!(%error, "cannot encode the comment settings");
            None
        }
    }
}

fn json_event(kind: &str, id: i64, data: &impl serde::Serialize) -> Option<Event> {
    match serde_json::to_string(data) {
        Ok(json) => Some(Event::default().event(kind).id(id.to_string()).data(json)),
        Err(error) => {
            // Our own wire types always encode; log rather than break the stream.
            tracing::error!(%error, kind, id, "cannot encode a stream event");
            None
        }
    }
}
