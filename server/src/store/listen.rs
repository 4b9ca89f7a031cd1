//! Being woken when a write commits anywhere: Postgres's `LISTEN`, so that
//! each replica hears the others' writes. SQLite has one process, whose
//! writers tell its streams themselves, and nothing to listen to.
//!
//! The notifications come from triggers (`migrations/postgres/0006`), sent
//! by Postgres at commit, so every writer, in whatever replica or tool, is
//! heard without remembering to notify. They are not durable: a listener
//! that lost its connection is told to re-read ([`Wakeup::Resync`]).

use super::{Backend, Store};
use crate::error::StoreError;
use sqlx::postgres::PgListener;
use std::time::Duration;

/// The channel of `comment_events` inserts (no payload: read the log).
const EVENTS_CHANNEL: &str = "vestnik_comment_events";
/// The channel of per-article settings changes (payload: the article id).
const SETTINGS_CHANNEL: &str = "vestnik_article_settings";
/// The channel of the moderation desks' news (payload: what changed, as
/// [`crate::moderation::desk`] words it). Sent by the writer after its
/// commit, not by a trigger: the desks reload what they miss.
const DESK_CHANNEL: &str = "vestnik_desk";
/// How long to wait before listening again after the database refused.
const RECONNECT_DELAY: Duration = Duration::from_secs(1);

/// Why a listener woke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wakeup {
    /// New comment events are in the log.
    Events,
    /// The settings of this article changed.
    Settings(i64),
    /// News for the moderation desks, as sent with [`Store::tell_desks`].
    Desk(String),
    /// Notifications may have been missed (the connection dropped and came
    /// back): read everything after the last point handled.
    Resync,
}

/// One connection that listens for the store's writes.
pub struct Listener {
    inner: PgListener,
}

impl Store {
    /// A listener for writes, listening from now on; `None` on SQLite.
    pub async fn listen(&self) -> Result<Option<Listener>, StoreError> {
        if self.backend != Backend::Postgres {
            return Ok(None);
        }
        let mut inner = PgListener::connect(&self.url).await?;
        inner
            .listen_all([EVENTS_CHANNEL, SETTINGS_CHANNEL, DESK_CHANNEL])
            .await?;
        Ok(Some(Listener { inner }))
    }

    /// Sends `news` to every replica's listener as [`Wakeup::Desk`] (the
    /// sender's own included); does nothing on SQLite.
    pub async fn tell_desks(&self, news: &str) -> Result<(), StoreError> {
        if self.backend != Backend::Postgres {
            return Ok(());
        }
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(DESK_CHANNEL)
            .bind(news)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

impl Listener {
    /// Waits for the next write; never fails (a lost connection is retried
    /// here and reported as [`Wakeup::Resync`] once it is back).
    pub async fn next(&mut self) -> Wakeup {
        match self.inner.try_recv().await {
            Ok(Some(notification)) if notification.channel() == SETTINGS_CHANNEL => {
                match notification.payload().parse() {
                    Ok(article_id) => Wakeup::Settings(article_id),
                    Err(_) => {
                        tracing::error!(
                            payload = notification.payload(),
                            "a settings notification without an article id"
                        );
                        Wakeup::Resync
                    }
                }
            }
            Ok(Some(notification)) if notification.channel() == DESK_CHANNEL => {
                Wakeup::Desk(notification.payload().to_owned())
            }
            Ok(Some(_)) => Wakeup::Events,
            // The connection dropped; the next call reconnects and listens again.
            Ok(None) => {
                tracing::warn!(
                    "the database listener lost its connection; re-reading the event log"
                );
                Wakeup::Resync
            }
            Err(error) => {
                tracing::warn!(%error, "the database listener cannot reconnect yet");
                tokio::time::sleep(RECONNECT_DELAY).await;
                Wakeup::Resync
            }
        }
    }
}
