//! What the open desks hear: every comment as it enters or changes state,
//! and every moderator's action, as they happen (`GET /api/moderation/stream`).
//!
//! No replay: a desk that (re)connects reads its queues again, which is as
//! cheap as a replay and cannot disagree with them.

use super::queue;
use crate::store::Store;
use std::sync::Arc;
use tokio::sync::broadcast;
use vestnik_api::ModerationLogEntry;
use vestnik_api::moderation::QueueItem;

/// How many events a slow desk may fall behind before it must reload.
const CHANNEL_CAPACITY: usize = 256;

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
    /// With no desk open it reads nothing.
    pub async fn comment_changed(&self, store: &Store, id: i64) {
        if self.sender.receiver_count() == 0 {
            return;
        }
        match queue::item(store, id).await {
            Ok(Some(item)) => {
                let _ = self.sender.send(Arc::new(DeskEvent::Item(Box::new(item))));
            }
            Ok(None) => {}
            // The desks miss one update and get it when they next reload;
            // the comment itself is stored.
            Err(error) => tracing::warn!(%error, id, "cannot tell the desks of a comment"),
        }
    }

    /// Tells the desks of an action.
    pub fn logged(&self, entry: ModerationLogEntry) {
        let _ = self.sender.send(Arc::new(DeskEvent::Log(entry)));
    }
}
