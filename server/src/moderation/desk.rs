//! What the open desks hear: every comment as it enters or changes state,
//! and every moderator's action, as they happen (`GET /api/moderation/stream`).
//!
//! No replay: a desk that (re)connects reads its queues again, which is as
//! cheap as a replay and cannot disagree with them.
//!
//! On a shared store (Postgres) the news goes through the database to every
//! replica's listener ([`Store::tell_desks`]), the writer's own included, and
//! each replica's relay hands it to its hub ([`DeskHub::heard`]): a desk on
//! any replica hears every replica's posts and actions.

use super::queue;
use crate::store::Store;
use std::sync::Arc;
use tokio::sync::broadcast;
use vestnik_api::ModerationLogEntry;
use vestnik_api::moderation::QueueItem;

/// How many events a slow desk may fall behind before it must reload.
const CHANNEL_CAPACITY: usize = 256;
/// How news between replicas starts: a comment changed (then its id), or a
/// moderator acted (then the log entry as JSON).
const ITEM_NEWS: &str = "item:";
const LOG_NEWS: &str = "log:";
/// Postgres's limit on a notification's payload, in bytes.
const NOTIFY_LIMIT: usize = 8000;

/// One thing the desks hear.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeskEvent {
    /// A comment as it stands now (`event: item`): the desk files it into
    /// the queues it belongs to and out of the others.
    Item(Box<QueueItem>),
    /// A moderator's action (`event: log`).
    Log(ModerationLogEntry),
}

/// Publishes desk events to every open desk of this process.
#[derive(Debug)]
pub struct DeskHub {
    sender: broadcast::Sender<Arc<DeskEvent>>,
}

impl Default for DeskHub {
    fn default() -> Self {
        Self::new()
    }
}

impl DeskHub {
    /// A hub with no desks.
    pub fn new() -> Self {
        Self {
            sender: broadcast::channel(CHANNEL_CAPACITY).0,
        }
    }

    /// Every event from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<DeskEvent>> {
        self.sender.subscribe()
    }

    /// Tells the desks how comment `id` stands now (read after its commit).
    pub async fn comment_changed(&self, store: &Store, id: i64) {
        if store.is_shared() {
            self.tell_replicas(store, &format!("{ITEM_NEWS}{id}")).await;
        } else {
            self.publish_comment(store, id).await;
        }
    }

    /// Tells the desks of an action.
    pub async fn logged(&self, store: &Store, entry: ModerationLogEntry) {
        if store.is_shared() {
            match serde_json::to_string(&entry) {
                // Postgres refuses a notification of 8000 bytes or more;
                // then only this replica's desks hear it.
                Ok(json) if json.len() + LOG_NEWS.len() < NOTIFY_LIMIT => {
                    self.tell_replicas(store, &format!("{LOG_NEWS}{json}"))
                        .await;
                    return;
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "cannot word a log entry for the replicas"),
            }
        }
        self.publish(DeskEvent::Log(entry));
    }

    /// Publishes news another replica (or this one) sent with [`Store::tell_desks`].
    pub async fn heard(&self, store: &Store, news: &str) {
        if let Some(id) = news.strip_prefix(ITEM_NEWS) {
            match id.parse() {
                Ok(id) => self.publish_comment(store, id).await,
                Err(_) => tracing::warn!(news, "desk news with no comment id"),
            }
        } else if let Some(json) = news.strip_prefix(LOG_NEWS) {
            match serde_json::from_str(json) {
                Ok(entry) => self.publish(DeskEvent::Log(entry)),
                Err(error) => {
                    tracing::warn!(%error, "desk news with a log entry that does not read")
                }
            }
        } else {
            tracing::warn!(news, "desk news of an unknown kind");
        }
    }

    async fn tell_replicas(&self, store: &Store, news: &str) {
        if let Err(error) = store.tell_desks(news).await {
            // The desks miss one update and get it when they next reload.
            tracing::warn!(%error, "cannot tell the replicas' desks");
        }
    }

    /// Reads comment `id` as the queues show it and publishes it; with no
    /// desk open it reads nothing.
    async fn publish_comment(&self, store: &Store, id: i64) {
        if self.sender.receiver_count() == 0 {
            return;
        }
        match queue::item(store, id).await {
            Ok(Some(item)) => self.publish(DeskEvent::Item(Box::new(item))),
            Ok(None) => {}
            // The desks miss one update and get it when they next reload;
            // the comment itself is stored.
            Err(error) => tracing::warn!(%error, id, "cannot tell the desks of a comment"),
        }
    }

    fn publish(&self, event: DeskEvent) {
        // No desk open is no error.
        let _ = self.sender.send(Arc::new(event));
    }
}
