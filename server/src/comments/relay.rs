//! The event log's relay (Postgres): every replica's comment changes, read
//! from the log in id order, published to this process's streams.
//!
//! On Postgres the writers of every replica append to one `comment_events`
//! log under the site's write lock, so ids commit in order; a trigger
//! notifies at each commit. The relay wakes, reads the log after the last id
//! it handled, and publishes the batches, so `Last-Event-ID` means the same
//! point on every replica, and a notification lost with a dropped connection
//! costs a re-read, never an event. It is the hub's only publisher there
//! ([`CommentHub::publish_committed`] steps aside): one sender keeps the
//! channel in id order. It also hands the moderation desks' news, sent
//! through the database by any replica, to this replica's desks. SQLite has
//! one process and no relay.

use super::CommentHub;
use super::store;
use crate::AppState;
use crate::Shutdown;
use crate::error::ServerError;
use crate::moderation::desk::DeskHub;
use crate::moderation::settings::SiteModeration;
use crate::store::{Listener, Store, Wakeup};
use std::sync::Arc;
use std::time::Duration;

/// Events read from the log in one query.
const CHUNK: i64 = 500;
/// How often the log is read with no notification: a safety net, since a
/// lost notification is otherwise only noticed through a dropped connection.
const SAFETY_INTERVAL: Duration = Duration::from_secs(30);

/// Starts the relay when the store is Postgres: listens first, then notes the
/// log's end, so nothing committed from here on is missed; `Ok(false)` on SQLite.
pub async fn start(state: &AppState) -> Result<bool, ServerError> {
    let Some(listener) = state.store.listen().await? else {
        return Ok(false);
    };
    let last_id = store::newest_event_id(&mut *state.store.acquire().await?).await?;
    state.comments.hand_over_to_relay();
    let relay = Relay {
        store: state.store.clone(),
        site: state.moderation.clone(),
        hub: state.comments.clone(),
        desk: state.desk.clone(),
        last_id,
    };
    tokio::spawn(relay.run(listener, state.shutdown.clone()));
    Ok(true)
}

struct Relay {
    store: Store,
    site: Arc<SiteModeration>,
    hub: Arc<CommentHub>,
    desk: Arc<DeskHub>,
    /// The newest event id published.
    last_id: i64,
}

impl Relay {
    async fn run(mut self, mut listener: Listener, shutdown: Shutdown) {
        let mut safety = tokio::time::interval(SAFETY_INTERVAL);
        safety.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            let wakeup = tokio::select! {
                () = shutdown.wait() => return,
                wakeup = listener.next() => wakeup,
                _ = safety.tick() => Wakeup::Resync,
            };
            let outcome = match wakeup {
                Wakeup::Settings(article_id) => self.settings_changed(article_id).await,
                Wakeup::Desk(news) => {
                    self.desk.heard(&self.store, &news).await;
                    Ok(())
                }
                Wakeup::Events | Wakeup::Resync => self.catch_up().await,
            };
            if let Err(error) = outcome {
                // The next wakeup (at the latest the safety tick) reads again
                // from the same id.
                tracing::error!(%error, last_id = self.last_id, "the event relay cannot read the log");
            }
        }
    }

    /// Publishes everything after the last id handled.
    async fn catch_up(&mut self) -> Result<(), ServerError> {
        loop {
            let (batches, last_id) = store::events_after(&self.store, self.last_id, CHUNK).await?;
            let done = last_id == self.last_id;
            for batch in batches {
                self.hub.publish(batch);
            }
            self.last_id = last_id;
            if done {
                return Ok(());
            }
        }
    }

    async fn settings_changed(&mut self, article_id: i64) -> Result<(), ServerError> {
        // Events committed before the change go out before it.
        self.catch_up().await?;
        let batch = store::settings_batch(&self.store, &self.site, article_id).await?;
        self.hub.publish(batch);
        Ok(())
    }
}
