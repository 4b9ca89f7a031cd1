//! Readers' comments: validation of what is posted, the posting rules, the
//! database side, moderators' decisions on them, and the in-process hub that
//! carries each committed change to the open event streams.

pub mod moderate;
pub mod post;
pub mod relay;
pub mod store;
pub mod text;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tokio::sync::{Mutex, MutexGuard, broadcast};
use vestnik_api::{Comment, CommentRemoved, CommentSettings};

/// How many batches a stream may fall behind before it must reload from the database.
const CHANNEL_CAPACITY: usize = 1024;

/// One committed change to an article's comments, as a stream sends it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommentEvent {
    /// The `comment_events` row id: the stream's event id.
    pub id: i64,
    /// Whose stream it goes to: everyone's (`None`) or one reader's (their
    /// reader id), for a comment only its author may see.
    pub audience: Option<String>,
    /// What happened.
    pub data: EventData,
}

/// The two kinds of change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventData {
    /// A comment was posted, approved or changed (`event: comment`), as its
    /// audience sees it.
    Comment(Comment),
    /// A comment was removed, rejected or held back (`event: comment_removed`).
    Removed(CommentRemoved),
}

impl CommentEvent {
    /// The SSE event name of this change.
    pub fn kind(&self) -> &'static str {
        match self.data {
            EventData::Comment(_) => "comment",
            EventData::Removed(_) => "comment_removed",
        }
    }

    /// Whether the stream of `reader` (a reader id, or none) gets this event.
    pub fn reaches(&self, reader: Option<&str>) -> bool {
        self.audience
            .as_deref()
            .is_none_or(|only| Some(only) == reader)
    }
}

/// The events one transaction wrote, in id order, with the article's total after them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventBatch {
    /// The article whose comments changed.
    pub article_id: i64,
    /// The changes, oldest first.
    pub events: Vec<CommentEvent>,
    /// Comments the article has (published) after this batch.
    pub total: u64,
    /// The article's new settings, when a moderator changed them (sent as a
    /// `comments_status` event without an id: it is not replayed, every
    /// stream starts with the current settings instead).
    pub settings: Option<CommentSettings>,
}

/// Publishes committed comment changes to every open stream of this process.
#[derive(Debug)]
pub struct CommentHub {
    sender: broadcast::Sender<Arc<EventBatch>>,
    /// Held from a write's transaction until its batch is sent, so batches
    /// reach the channel in event-id order: a stream drops ids it has passed,
    /// and an out-of-order send would make it drop a real event.
    write: Mutex<()>,
    /// Set when the event log's relay feeds this hub (Postgres, [`relay`]):
    /// writers then leave publishing to it, which sends every replica's
    /// batches in one id order.
    relayed: AtomicBool,
}

impl Default for CommentHub {
    fn default() -> Self {
        Self::new()
    }
}

impl CommentHub {
    /// A hub with no subscribers.
    pub fn new() -> Self {
        Self::with_capacity(CHANNEL_CAPACITY)
    }

    /// A hub whose channel holds `capacity` batches (at least 1) for slow streams.
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            sender: broadcast::channel(capacity.max(1)).0,
            write: Mutex::new(()),
            relayed: AtomicBool::new(false),
        }
    }

    /// Every batch published from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<EventBatch>> {
        self.sender.subscribe()
    }

    /// Serializes comment writes of this process (see the field's comment).
    pub(crate) async fn write_lock(&self) -> MutexGuard<'_, ()> {
        self.write.lock().await
    }

    /// What a writer calls after its commit, holding the write lock: sends
    /// `batch` unless the relay carries the log's batches instead (a writer
    /// sending its own next to the relay's could overtake an earlier id of
    /// another replica, which streams would then drop as already passed).
    pub fn publish_committed(&self, batch: EventBatch) {
        if !self.relayed.load(Ordering::Acquire) {
            self.publish(batch);
        }
    }

    /// From now on the relay, not the writers, publishes (see the field).
    pub(crate) fn hand_over_to_relay(&self) {
        self.relayed.store(true, Ordering::Release);
    }

    /// Sends `batch` to the open streams: for the relay, for writers through
    /// [`Self::publish_committed`], and for tests that stage a stream's lag.
    pub fn publish(&self, batch: EventBatch) {
        // An error only means no stream is open right now.
        let _ = self.sender.send(Arc::new(batch));
    }
}
