//! Comment states and the moderation desk's wire types: the queues, the
//! actions, bans, word lists, per-article settings and the audit log.
//!
//! Every enum decodes a value it does not know as `Unknown`, so a newer
//! server never blanks an older desk.

use crate::Comment;
use serde::{Deserialize, Serialize};

/// Where a comment stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentStatus {
    /// Everyone sees it.
    #[default]
    Published,
    /// Waiting for a moderator: only its author sees it ("на проверке").
    Pending,
    /// A moderator refused it, with a reason its author is shown.
    Rejected,
    /// Taken down by a moderator.
    Removed,
    /// A status this client does not know.
    #[serde(other)]
    Unknown,
}

impl CommentStatus {
    /// Whether everyone may see the comment.
    pub fn is_published(&self) -> bool {
        *self == Self::Published
    }

    /// The stored and sent word.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Published => "published",
            Self::Pending => "pending",
            Self::Rejected => "rejected",
            Self::Removed => "removed",
            Self::Unknown => "unknown",
        }
    }
}

/// Why a comment is reported or rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Advertising, links to elsewhere, the same text again and again.
    Spam,
    /// Insults, hate, harassment.
    Insult,
    /// Nothing to do with the article.
    OffTopic,
    /// Content against the law.
    Illegal,
    /// Something else (a moderator's note says what).
    Other,
    /// A reason this client does not know.
    #[serde(other)]
    Unknown,
}

impl Reason {
    /// Every reason a reader or a moderator can choose, in the order shown.
    pub const ALL: [Reason; 5] = [
        Self::Spam,
        Self::Insult,
        Self::OffTopic,
        Self::Illegal,
        Self::Other,
    ];

    /// The stored and sent word.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Spam => "spam",
            Self::Insult => "insult",
            Self::OffTopic => "off_topic",
            Self::Illegal => "illegal",
            Self::Other => "other",
            Self::Unknown => "unknown",
        }
    }

    /// The reason a stored word names; `None` for anything else.
    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|reason| reason.as_str() == word)
    }
}

/// A moderator's refusal of a comment, as its author is told.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// Why.
    pub reason: Reason,
    /// The moderator's own words, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Which comments wait for a moderator before anyone else sees them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModerationMode {
    /// None: comments appear at once and moderators act afterwards.
    #[default]
    Post,
    /// Every comment.
    Pre,
    /// Comments of commenters with fewer approved comments than the site asks.
    New,
    /// Comments with a link in them.
    Links,
    /// A mode this client does not know.
    #[serde(other)]
    Unknown,
}

impl ModerationMode {
    /// Every mode a site or an article can be set to.
    pub const ALL: [ModerationMode; 4] = [Self::Post, Self::Pre, Self::New, Self::Links];

    /// The stored and sent word, as `--moderation-mode` takes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Post => "post",
            Self::Pre => "pre",
            Self::New => "new",
            Self::Links => "links",
            Self::Unknown => "unknown",
        }
    }

    /// The mode a word names; `None` for anything else.
    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|mode| mode.as_str() == word)
    }
}

/// Why a comment is in the pending queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeldFor {
    /// The article (or site) pre-moderates every comment.
    PreModeration,
    /// Its commenter has too few approved comments yet.
    NewCommenter,
    /// It has a link, and links are pre-moderated.
    Links,
    /// It has a word on the suspect list (`held_detail`: the word).
    SuspectWord,
    /// Enough readers reported it.
    Reports,
    /// Other readers posted the same text a short while ago.
    Repeated,
    /// A reason this client does not know.
    #[serde(other)]
    Unknown,
}

impl HeldFor {
    /// Every reason, as stored.
    pub const ALL: [HeldFor; 6] = [
        Self::PreModeration,
        Self::NewCommenter,
        Self::Links,
        Self::SuspectWord,
        Self::Reports,
        Self::Repeated,
    ];

    /// The stored and sent word.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PreModeration => "pre_moderation",
            Self::NewCommenter => "new_commenter",
            Self::Links => "links",
            Self::SuspectWord => "suspect_word",
            Self::Reports => "reports",
            Self::Repeated => "repeated",
            Self::Unknown => "unknown",
        }
    }

    /// The reason a stored word names; `None` for anything else.
    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|held| held.as_str() == word)
    }
}

/// The desk's queues.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Queue {
    /// Waiting for a decision before anyone sees them.
    #[default]
    Pending,
    /// Reported by readers and not yet looked at.
    Reported,
    /// Every comment, newest first.
    Recent,
    /// Rejected or removed.
    Rejected,
    /// A queue this client does not know.
    #[serde(other)]
    Unknown,
}

impl Queue {
    /// The queues in the order the desk shows them.
    pub const ALL: [Queue; 4] = [Self::Pending, Self::Reported, Self::Recent, Self::Rejected];

    /// The word in `?queue=`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Reported => "reported",
            Self::Recent => "recent",
            Self::Rejected => "rejected",
            Self::Unknown => "unknown",
        }
    }

    /// The queue a word names; `None` for anything else.
    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|queue| queue.as_str() == word)
    }

    /// Whether `item`, as it stands now, belongs in this queue.
    pub fn holds(self, item: &QueueItem) -> bool {
        match self {
            Self::Pending => item.comment.status == CommentStatus::Pending,
            Self::Reported => {
                item.open_reports > 0
                    && matches!(
                        item.comment.status,
                        CommentStatus::Published | CommentStatus::Pending
                    )
            }
            Self::Recent => true,
            Self::Rejected => matches!(
                item.comment.status,
                CommentStatus::Rejected | CommentStatus::Removed
            ),
            Self::Unknown => false,
        }
    }
}

/// The article a queue item belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRef {
    /// Its slug.
    pub slug: String,
    /// Its headline.
    pub title: String,
}

/// How many readers reported a comment for one reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportCount {
    /// The reason.
    pub reason: Reason,
    /// How many readers gave it.
    pub count: u32,
}

/// A comment as the desk shows it: with where it is, who wrote it and why
/// it is in a queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    /// The comment, with its status.
    pub comment: Comment,
    /// Its article.
    pub article: ArticleRef,
    /// The first characters of its author's reader id (no reader key: absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reader: Option<String>,
    /// Its author's network, as `203.0.113.0/24` or `2001:db8:1::/48`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_prefix: Option<String>,
    /// Why it waits for a decision, when it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_for: Option<HeldFor>,
    /// What `held_for` is about (the suspect word).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_detail: Option<String>,
    /// Readers' reports since a moderator last approved it.
    #[serde(default)]
    pub open_reports: u32,
    /// Every report it has had, by reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<ReportCount>,
    /// Shown only to its author: a shadow ban was on when it was posted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shadow: bool,
    /// Approved comments of the same commenter (reader key and name).
    #[serde(default)]
    pub author_approved: u32,
    /// The comment it replies to, for context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Comment>,
}

/// `GET /api/moderation/queue?queue=`: newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuePage {
    /// The queue.
    pub queue: Queue,
    /// Its items, newest first.
    pub items: Vec<QueueItem>,
    /// Cursor of the older items (`before=`); absent at the end.
    #[serde(default)]
    pub next: Option<String>,
    /// How many items the queue holds in all.
    #[serde(default)]
    pub total: u64,
}

/// The body of `POST /api/moderation/comments/{id}/reject`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectRequest {
    /// Why.
    pub reason: Reason,
    /// A note its author is shown (up to [`NOTE_MAX_CHARS`] characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The longest note a rejection or a ban carries, in characters.
pub const NOTE_MAX_CHARS: usize = 500;

/// The body of `POST /api/moderation/comments/{id}/feature`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeatureRequest {
    /// Whether the comment is picked by the newsroom.
    pub featured: bool,
}

/// What a ban applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BanScope {
    /// One reader key (one browser).
    Reader,
    /// A network: a /24 of IPv4 or a /48 of IPv6.
    Network,
    /// A scope this client does not know.
    #[serde(other)]
    Unknown,
}

impl BanScope {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reader => "reader",
            Self::Network => "network",
            Self::Unknown => "unknown",
        }
    }

    /// The scope a stored word names.
    pub fn parse(word: &str) -> Option<Self> {
        [Self::Reader, Self::Network]
            .into_iter()
            .find(|scope| scope.as_str() == word)
    }
}

/// The body of `POST /api/moderation/bans`: ban the author of a comment, by
/// their reader key or their network.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewBan {
    /// The comment whose author is banned.
    pub comment_id: i64,
    /// By reader key or by network.
    pub scope: BanScope,
    /// Their comments stay visible to them and to nobody else.
    #[serde(default)]
    pub shadow: bool,
    /// How long, in hours; absent: for good.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<u32>,
    /// Why, for the other moderators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The longest a timed ban lasts, in hours (a year).
pub const BAN_MAX_HOURS: u32 = 24 * 366;

/// A ban as the desk lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ban {
    /// Its id.
    pub id: i64,
    /// By reader key or by network.
    pub scope: BanScope,
    /// The reader id's first characters, or the network.
    pub target: String,
    /// Whether it is a shadow ban.
    #[serde(default)]
    pub shadow: bool,
    /// When it ends, RFC 3339; absent: never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// Who banned.
    pub moderator: String,
    /// When, RFC 3339.
    pub created_at: String,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The name on the comment the ban was made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
}

/// `GET /api/moderation/bans`: the bans in force, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BanList {
    /// The bans.
    pub items: Vec<Ban>,
}

/// Which list a word is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WordKind {
    /// A comment (or name) with it is refused.
    Banned,
    /// A comment (or name) with it waits for a moderator.
    Suspect,
    /// A list this client does not know.
    #[serde(other)]
    Unknown,
}

impl WordKind {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Banned => "banned",
            Self::Suspect => "suspect",
            Self::Unknown => "unknown",
        }
    }

    /// The kind a stored word names.
    pub fn parse(word: &str) -> Option<Self> {
        [Self::Banned, Self::Suspect]
            .into_iter()
            .find(|kind| kind.as_str() == word)
    }
}

/// The longest entry of a word list, in characters.
pub const WORD_MAX_CHARS: usize = 64;

/// The body of `POST /api/moderation/words`, and one entry of the lists.
///
/// A word matches its case and its forms (Russian and Ukrainian endings),
/// `ё` as `е`, and Latin look-alike letters; a trailing `*` matches every
/// word that starts with what precedes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordEntry {
    /// The word as a moderator wrote it.
    pub word: String,
    /// Its list.
    pub kind: WordKind,
}

/// `GET /api/moderation/words`: both lists, alphabetically.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordLists {
    /// Every entry.
    pub items: Vec<WordEntry>,
}

/// An article's own moderation settings (`GET`/`PUT /api/moderation/articles/{slug}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleModeration {
    /// The article.
    #[serde(default)]
    pub slug: String,
    /// Its headline (ignored in a `PUT`).
    #[serde(default)]
    pub title: String,
    /// Its own mode; absent: the site's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<ModerationMode>,
    /// Closed or opened by hand; absent: by the site's rule (closed after
    /// `--close-after-days`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed: Option<bool>,
    /// What readers get now, from the above and the site's settings (ignored in a `PUT`).
    #[serde(default)]
    pub effective: crate::CommentSettings,
}

/// The site-wide settings the desk shows (`GET /api/moderation/settings`);
/// they are the server's flags, changed where it is started.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationSettings {
    /// `--moderation-mode`.
    pub mode: ModerationMode,
    /// `--trusted-after`: approved comments after which a commenter is no longer new.
    pub trusted_after: u32,
    /// `--report-threshold`: reports that send a published comment back to the queue.
    pub report_threshold: u32,
    /// `--close-after-days`; 0: articles stay open.
    pub close_after_days: u32,
    /// `--max-links`: the most links one comment may hold.
    pub max_links: u32,
    /// `--proof-of-work`.
    pub proof_of_work: bool,
    /// The name the token presented belongs to.
    pub moderator: String,
}

/// `POST /api/moderation/stream-ticket`: a short-lived ticket for the desk's
/// event stream (an `EventSource` cannot send an `Authorization` header).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StreamTicket {
    /// Pass it as `?ticket=` to `GET /api/moderation/stream`.
    pub ticket: String,
    /// When it stops opening streams, RFC 3339.
    pub expires_at: String,
}

/// One entry of the moderation log: who did what to which comment, when
/// (`GET /api/moderation/log`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationLogEntry {
    /// The entry's id; newer entries have larger ids.
    pub id: i64,
    /// The moderator's name ("shared token" for the server's `--moderator-token`).
    pub moderator: String,
    /// What was done: `approve`, `reject`, `remove`, `feature`, `unfeature`,
    /// `ban`, `unban`, `word_add`, `word_remove`, `article_settings`.
    pub action: String,
    /// The comment acted on.
    #[serde(default)]
    pub comment_id: Option<i64>,
    /// The slug of its article.
    #[serde(default)]
    pub article: Option<String>,
    /// What else the action said: a reason, a ban's scope, a word, a mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// When, RFC 3339.
    pub at: String,
}

/// `GET /api/moderation/log`: the newest entries first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModerationLog {
    /// The entries.
    pub items: Vec<ModerationLogEntry>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_words_decode_as_unknown_and_known_ones_round_trip() {
        let status: CommentStatus = serde_json::from_str(r#""frozen""#).unwrap();
        assert_eq!(status, CommentStatus::Unknown);
        for mode in ModerationMode::ALL {
            let json = serde_json::to_string(&mode).unwrap();
            assert_eq!(json, format!("\"{}\"", mode.as_str()));
            assert_eq!(ModerationMode::parse(mode.as_str()), Some(mode));
        }
        for reason in Reason::ALL {
            assert_eq!(Reason::parse(reason.as_str()), Some(reason));
        }
        for held in HeldFor::ALL {
            assert_eq!(HeldFor::parse(held.as_str()), Some(held));
        }
        assert_eq!(Queue::parse("bin"), None);
    }

    #[test]
    fn a_published_comment_travels_without_its_status() {
        let comment = Comment::published(1, None, "Оля", "Привет", "2026-12-03T10:00:00Z");
        let json = serde_json::to_string(&comment).unwrap();
        assert!(
            !json.contains("status") && !json.contains("featured"),
            "{json}"
        );
        let pending = Comment {
            status: CommentStatus::Pending,
            ..comment
        };
        let json = serde_json::to_string(&pending).unwrap();
        assert!(json.contains(r#""status":"pending""#), "{json}");
        assert_eq!(serde_json::from_str::<Comment>(&json).unwrap(), pending);
    }
}
