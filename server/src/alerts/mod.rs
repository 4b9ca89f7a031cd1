//! Telling moderators that comments wait: a signed JSON webhook and a
//! Telegram bot message, for each new pending or reported comment.
//!
//! Notices are batched: the first one of a quiet spell starts a window of
//! `--alert-batch-seconds`, and everything that arrives in it goes out as
//! one message (one comment in detail, a flood as a summary with the first
//! few), so a bot posting a thousand comments sends a moderator one message,
//! not a thousand.

mod message;
pub mod telegram;
pub mod webhook;

use crate::Shutdown;
use std::time::Duration;
use tokio::sync::mpsc;
use vestnik_api::Comment;
use vestnik_api::i18n::Lang;
use vestnik_api::moderation::{ArticleRef, HeldFor};

pub use message::Summary;

/// How many comments a summary shows in detail.
pub const SHOWN_IN_SUMMARY: usize = 5;

/// Characters of a comment's text an alert quotes.
const EXCERPT_CHARS: usize = 200;

/// Why a moderator is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// A comment waits for a decision.
    Pending,
    /// A reader reported a comment.
    Reported,
}

/// One comment a moderator should look at.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Notice {
    /// Why.
    pub kind: NoticeKind,
    /// The comment.
    pub comment_id: i64,
    /// Its article.
    pub article: ArticleRef,
    /// Its author's name.
    pub author: String,
    /// The start of its text.
    pub excerpt: String,
    /// Why it waits, when it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_for: Option<HeldFor>,
}

impl Notice {
    /// A notice of `kind` about `comment` on `article`.
    pub fn about(
        kind: NoticeKind,
        comment: &Comment,
        article: ArticleRef,
        held_for: Option<HeldFor>,
    ) -> Self {
        let mut excerpt: String = comment.text.chars().take(EXCERPT_CHARS).collect();
        if comment.text.chars().nth(EXCERPT_CHARS).is_some() {
            excerpt.push('…');
        }
        Self {
            kind,
            comment_id: comment.id,
            article,
            author: comment.author.clone(),
            excerpt,
            held_for,
        }
    }
}

/// Where alerts go and how they are batched.
#[derive(Clone, Debug)]
pub struct AlertSettings {
    /// The webhook, if one is set.
    pub webhook: Option<webhook::Webhook>,
    /// The Telegram chat, if one is set.
    pub telegram: Option<telegram::TelegramChat>,
    /// How long a batch collects notices.
    pub batch: Duration,
    /// The desk's address, for a link in each message.
    pub desk_url: Option<String>,
    /// The language of the messages (the site's).
    pub lang: Lang,
}

impl AlertSettings {
    /// Whether any destination is set.
    pub fn is_enabled(&self) -> bool {
        self.webhook.is_some() || self.telegram.is_some()
    }
}

/// The sending end, shared by every request; silent when no destination is set.
#[derive(Clone, Debug, Default)]
pub struct Alerts {
    sender: Option<mpsc::UnboundedSender<Notice>>,
}

impl Alerts {
    /// Alerts that go nowhere.
    pub fn disabled() -> Self {
        Self::default()
    }

    /// Starts the task that batches and sends alerts as `settings` say,
    /// until `shutdown` (a batch collecting then is sent first).
    pub fn start(settings: AlertSettings, shutdown: Shutdown) -> Self {
        if !settings.is_enabled() {
            return Self::disabled();
        }
        let (sender, receiver) = mpsc::unbounded_channel();
        tokio::spawn(run(settings, receiver, shutdown));
        Self {
            sender: Some(sender),
        }
    }

    /// Queues `notice` for the next batch.
    pub fn notify(&self, notice: Notice) {
        if let Some(sender) = &self.sender {
            // Closed only once the task has stopped (shutting down).
            let _ = sender.send(notice);
        }
    }
}

async fn run(
    settings: AlertSettings,
    mut receiver: mpsc::UnboundedReceiver<Notice>,
    shutdown: Shutdown,
) {
    let client = match reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
    {
        Ok(client) => client,
        Err(error) => {
            tracing::error!(%error, "cannot start the HTTP client for alerts: none will be sent");
            return;
        }
    };
    loop {
        let first = tokio::select! {
            notice = receiver.recv() => notice,
            () = shutdown.wait() => None,
        };
        let Some(first) = first else {
            return;
        };
        let mut batch = vec![first];
        let stopping = tokio::select! {
            () = tokio::time::sleep(settings.batch) => false,
            () = shutdown.wait() => true,
        };
        while let Ok(notice) = receiver.try_recv() {
            batch.push(notice);
        }
        let summary = Summary::of(batch);
        send(&client, &settings, &summary).await;
        if stopping {
            return;
        }
    }
}

/// Sends one summary everywhere it should go; a failed destination is
/// tried twice more, and then logged (moderators still have the desk).
async fn send(client: &reqwest::Client, settings: &AlertSettings, summary: &Summary) {
    if let Some(hook) = &settings.webhook {
        let body = message::webhook_body(summary, settings.desk_url.as_deref());
        retrying("webhook", || hook.send(client, &body)).await;
    }
    if let Some(chat) = &settings.telegram {
        let text = message::text(summary, settings.lang, settings.desk_url.as_deref());
        retrying("telegram", || chat.send(client, &text)).await;
    }
}

async fn retrying<F, Fut>(what: &str, attempt: F)
where
    F: Fn() -> Fut,
    Fut: Future<Output = Result<(), String>>,
{
    for wait in [1, 4, 0] {
        match attempt().await {
            Ok(()) => return,
            Err(error) if wait > 0 => {
                tracing::warn!(destination = what, %error, "an alert was not delivered; trying again");
                tokio::time::sleep(Duration::from_secs(wait)).await;
            }
            Err(error) => tracing::error!(destination = what, %error, "an alert was not delivered"),
        }
    }
}
