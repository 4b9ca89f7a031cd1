//! Comments and their events in the database: what each reader may see of
//! them, pages of a thread and a stream's backlog. SQL uses `$n`
//! placeholders so it also runs on Postgres; only the `BEGIN IMMEDIATE` of
//! writes is SQLite's.
//!
//! Who sees a comment: everyone, when it is published (and not posted under
//! a shadow ban); its own author (by reader id) also while it waits, after it
//! was rejected, and under a shadow ban.

use crate::error::ServerError;
use crate::moderation::settings::{self, SiteModeration};
use crate::store::Store;
use crate::store::rfc3339;
use jiff::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use std::fmt;
use vestnik_api::{
    Comment, CommentPage, CommentRemoved, CommentSettings, CommentStatus, Reason, Rejection,
};

use super::{CommentEvent, EventBatch, EventData};

/// Events read from the database per query while replaying.
const REPLAY_CHUNK: i64 = 500;

/// The columns [`comment_from_row`] reads, as a literal so queries stay `&'static str`.
macro_rules! comment_columns {
    () => {
        "c.id, c.parent_id, c.author, c.text, c.created_at, c.client_id, c.status, \
         c.reject_reason, c.reject_note, c.featured, c.shadow, c.reader_id, c.article_id"
    };
}
pub(crate) use comment_columns;

/// SQL: whether the comment `c` is shown to the reader whose id is bound at
/// `$reader` (bind `NULL` for a reader without one).
macro_rules! visible_to {
    ($reader:literal) => {
        concat!(
            "((c.status = 'published' AND NOT c.shadow) OR (c.reader_id = ",
            $reader,
            " AND c.status IN ('published', 'pending', 'rejected')))"
        )
    };
}

/// A position in an article's top-level comments: just before this comment.
///
/// Keyset, not offset: comments posted while a reader pages back cannot
/// shift a comment onto a second page or past the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CommentCursor {
    /// The id of the oldest top-level comment handed out.
    pub id: i64,
}

impl CommentCursor {
    /// Reads a cursor produced by `Display`; `None` if it is not one.
    pub fn parse(text: &str) -> Option<Self> {
        // 16 lowercase hex digits: URL-safe, and opaque to clients by contract.
        if text.len() != 16 || !text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return None;
        }
        let id = i64::from_str_radix(text, 16).ok()?;
        (id > 0).then_some(Self { id })
    }
}

impl fmt::Display for CommentCursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.id)
    }
}

/// A stored comment with what only the server and moderators know of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    /// The comment as its author sees it.
    pub comment: Comment,
    /// Its article.
    pub article_id: i64,
    /// Its author's reader id, if they sent a key.
    pub reader_id: Option<String>,
    /// Posted under a shadow ban.
    pub shadow: bool,
}

impl Stored {
    /// Whether every reader sees it.
    pub fn is_public(&self) -> bool {
        self.comment.status == CommentStatus::Published && !self.shadow
    }

    /// Whose streams hear of it: everyone's when it is public, else only its
    /// author's (`None` inside: nobody's, for an author without a key).
    pub fn audience(&self) -> Audience {
        if self.is_public() {
            Audience::Everyone
        } else {
            Audience::Author(self.reader_id.clone())
        }
    }
}

/// Who an event is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Every reader of the article.
    Everyone,
    /// The comment's author only (nobody, when they have no reader id).
    Author(Option<String>),
}

/// Up to `limit` top-level comments of the article `slug` older than `before`
/// (the newest without it), each with its replies, all oldest first, as the
/// reader `reader` (a reader id) sees them, with the article's comment settings.
pub async fn page(
    store: &Store,
    site: &SiteModeration,
    slug: &str,
    before: Option<CommentCursor>,
    limit: u32,
    reader: Option<&str>,
) -> Result<CommentPage, ServerError> {
    // One read transaction is one snapshot: the event id read first matches the
    // comments read after it, so a stream opened `?after=` it misses nothing.
    let mut tx = store.begin().await?;
    let article_id = article_id(&mut tx, slug).await?;
    let last_event_id: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM comment_events WHERE article_id = $1")
            .bind(article_id)
            .fetch_one(&mut *tx)
            .await?;
    let total = total(&mut tx, article_id).await?;
    let settings = settings::for_article(&mut tx, site, article_id, Timestamp::now()).await?;
    // One row more than asked tells whether an earlier page exists.
    let mut tops = sqlx::query(concat!(
        "SELECT ",
        comment_columns!(),
        " FROM comments c \
         WHERE c.article_id = $1 AND c.parent_id IS NULL AND c.id < $2 AND ",
        visible_to!("$4"),
        " ORDER BY c.id DESC LIMIT $3"
    ))
    .bind(article_id)
    .bind(before.map_or(i64::MAX, |c| c.id))
    .bind(i64::from(limit) + 1)
    .bind(reader)
    .fetch_all(&mut *tx)
    .await?
    .iter()
    .map(comment_from_row)
    .collect::<Result<Vec<_>, _>>()?;
    let more = tops.len() > limit as usize;
    tops.truncate(limit as usize);
    tops.reverse();
    let next = match (more, tops.first()) {
        (true, Some(oldest)) => Some(CommentCursor { id: oldest.id }.to_string()),
        _ => None,
    };
    let mut items = tops;
    if let (Some(oldest), Some(newest)) = (items.first(), items.last()) {
        // Replies always point at a top-level comment, and this page holds every
        // visible top-level comment between its oldest and newest: a range is exact.
        let replies = sqlx::query(concat!(
            "SELECT ",
            comment_columns!(),
            " FROM comments c \
             WHERE c.article_id = $1 AND c.parent_id >= $2 AND c.parent_id <= $3 AND ",
            visible_to!("$4"),
            " ORDER BY c.id"
        ))
        .bind(article_id)
        .bind(oldest.id)
        .bind(newest.id)
        .bind(reader)
        .fetch_all(&mut *tx)
        .await?;
        for row in &replies {
            items.push(comment_from_row(row)?);
        }
        // Oldest first overall: a reply comes after its parent, later than it.
        items.sort_by_key(|comment| comment.id);
    }
    tx.commit().await?;
    Ok(CommentPage {
        items,
        next,
        total,
        last_event_id,
        settings,
    })
}

/// What a stream sends before going live: the events after its resume point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backlog {
    /// The article.
    pub article_id: i64,
    /// Events after the resume point that this reader may see, oldest first,
    /// each `comment` with the comment as it stands now; a comment nobody
    /// (or not this reader) may see now is left out (its removal is not).
    pub events: Vec<CommentEvent>,
    /// Comments the article has now.
    pub total: u64,
    /// The id from which live events count: anything at or below it is sent or skipped.
    pub last_id: i64,
    /// The article's comment settings now.
    pub settings: CommentSettings,
}

/// The start of a stream on the article `slug` for `reader`: the events
/// after `after` (none if `None`: the stream starts at the present). 404 for
/// no such article.
pub async fn stream_start(
    store: &Store,
    site: &SiteModeration,
    slug: &str,
    after: Option<i64>,
    reader: Option<&str>,
) -> Result<Backlog, ServerError> {
    let mut tx = store.begin().await?;
    let article_id = article_id(&mut tx, slug).await?;
    // Ids are global: an id above every stored one (another database's, or a
    // made-up one) would hide future events, so it is lowered to the newest.
    let newest = newest_event_id(&mut tx).await?;
    let from = after.map_or(newest, |after| after.min(newest));
    let backlog = read_backlog(&mut tx, site, article_id, from, reader).await?;
    tx.commit().await?;
    Ok(backlog)
}

/// The article's events after `after`, for a stream that fell behind the channel.
pub async fn backlog(
    store: &Store,
    site: &SiteModeration,
    article_id: i64,
    after: i64,
    reader: Option<&str>,
) -> Result<Backlog, ServerError> {
    let mut tx = store.begin().await?;
    let backlog = read_backlog(&mut tx, site, article_id, after, reader).await?;
    tx.commit().await?;
    Ok(backlog)
}

async fn read_backlog(
    tx: &mut AnyConnection,
    site: &SiteModeration,
    article_id: i64,
    after: i64,
    reader: Option<&str>,
) -> Result<Backlog, ServerError> {
    let mut events = Vec::new();
    let mut last_id = after;
    loop {
        let rows = sqlx::query(concat!(
            "SELECT e.id AS event_id, e.kind, e.audience, ",
            comment_columns!(),
            ", ",
            visible_to!("$4"),
            " AS visible \
             FROM comment_events e JOIN comments c ON c.id = e.comment_id \
             WHERE e.article_id = $1 AND e.id > $2 AND (e.audience IS NULL OR e.audience = $4) \
             ORDER BY e.id LIMIT $3"
        ))
        .bind(article_id)
        .bind(last_id)
        .bind(REPLAY_CHUNK)
        .bind(reader)
        .fetch_all(&mut *tx)
        .await?;
        for row in &rows {
            last_id = row.try_get("event_id")?;
            events.extend(event_from_row(row)?);
        }
        if rows.len() < REPLAY_CHUNK as usize {
            break;
        }
    }
    let total = total(tx, article_id).await?;
    let settings = settings::for_article(tx, site, article_id, Timestamp::now()).await?;
    Ok(Backlog {
        article_id,
        events,
        total,
        last_id,
        settings,
    })
}

/// A `comment_events` row joined with its comment (`event_id`, `kind`,
/// `audience`, the comment's columns and `visible`) as a stream sends it;
/// `None` for a comment its audience may no longer see (replaying what a
/// moderator took down, or what waits for one, would show it, if only for a
/// moment).
fn event_from_row(row: &AnyRow) -> Result<Option<CommentEvent>, ServerError> {
    let id: i64 = row.try_get("event_id")?;
    let kind: String = row.try_get("kind")?;
    let data = match kind.as_str() {
        "comment" => {
            if !crate::store::flag(row, "visible")? {
                return Ok(None);
            }
            EventData::Comment(comment_from_row(row)?)
        }
        "comment_removed" => EventData::Removed(CommentRemoved {
            id: row.try_get("id")?,
        }),
        other => {
            return Err(ServerError::Corrupt(format!(
                "comment event {id} has the unknown kind {other:?}"
            )));
        }
    };
    Ok(Some(CommentEvent {
        id,
        audience: row.try_get("audience")?,
        data,
    }))
}

/// The newest event id in the log, of every article (0 when it is empty).
pub async fn newest_event_id(conn: &mut AnyConnection) -> Result<i64, ServerError> {
    Ok(
        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM comment_events")
            .fetch_one(conn)
            .await?,
    )
}

/// Every article's events after `after`, at most `limit` of them, for every
/// audience, as the writers' batches carried them: one batch per run of one
/// article's events, in id order, each with the article's total. The second
/// value is the last id read (events no longer visible are read and skipped).
pub async fn events_after(
    store: &Store,
    after: i64,
    limit: i64,
) -> Result<(Vec<EventBatch>, i64), ServerError> {
    let mut tx = store.begin().await?;
    let rows = sqlx::query(concat!(
        "SELECT e.id AS event_id, e.kind, e.audience, e.article_id AS event_article, ",
        comment_columns!(),
        ", ",
        visible_to!("e.audience"),
        " AS visible \
         FROM comment_events e JOIN comments c ON c.id = e.comment_id \
         WHERE e.id > $1 ORDER BY e.id LIMIT $2"
    ))
    .bind(after)
    .bind(limit)
    .fetch_all(&mut *tx)
    .await?;
    let mut batches: Vec<EventBatch> = Vec::new();
    let mut last_id = after;
    for row in &rows {
        last_id = row.try_get("event_id")?;
        let article_id: i64 = row.try_get("event_article")?;
        let Some(event) = event_from_row(row)? else {
            continue;
        };
        match batches.last_mut() {
            Some(batch) if batch.article_id == article_id => batch.events.push(event),
            _ => batches.push(EventBatch {
                article_id,
                events: vec![event],
                total: 0,
                settings: None,
            }),
        }
    }
    for batch in &mut batches {
        batch.total = total(&mut tx, batch.article_id).await?;
    }
    tx.commit().await?;
    Ok((batches, last_id))
}

/// The article's settings and total, as a batch without events that tells
/// its streams the settings changed.
pub async fn settings_batch(
    store: &Store,
    site: &SiteModeration,
    article_id: i64,
) -> Result<EventBatch, ServerError> {
    let mut tx = store.begin().await?;
    let settings = settings::for_article(&mut tx, site, article_id, Timestamp::now()).await?;
    let total = total(&mut tx, article_id).await?;
    tx.commit().await?;
    Ok(EventBatch {
        article_id,
        events: Vec::new(),
        total,
        settings: Some(settings),
    })
}

/// The id of the article `slug`; 404 when there is none.
pub(crate) async fn article_id(tx: &mut AnyConnection, slug: &str) -> Result<i64, ServerError> {
    sqlx::query_scalar("SELECT id FROM articles WHERE slug = $1")
        .bind(slug)
        .fetch_optional(tx)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("no article {slug:?}")))
}

/// The headline of the article `article_id`.
pub(crate) async fn article_title(
    tx: &mut AnyConnection,
    article_id: i64,
) -> Result<String, ServerError> {
    Ok(
        sqlx::query_scalar("SELECT title FROM articles WHERE id = $1")
            .bind(article_id)
            .fetch_one(tx)
            .await?,
    )
}

/// The comment with the client id `client_id` on the article, as stored.
pub(crate) async fn by_client_id(
    tx: &mut AnyConnection,
    article_id: i64,
    client_id: &str,
) -> Result<Option<Stored>, ServerError> {
    sqlx::query(concat!(
        "SELECT ",
        comment_columns!(),
        " FROM comments c WHERE c.article_id = $1 AND c.client_id = $2"
    ))
    .bind(article_id)
    .bind(client_id)
    .fetch_optional(tx)
    .await?
    .map(|row| stored_from_row(&row))
    .transpose()
}

/// The comment `id`, as stored; `None` when there is none.
pub(crate) async fn by_id(tx: &mut AnyConnection, id: i64) -> Result<Option<Stored>, ServerError> {
    sqlx::query(concat!(
        "SELECT ",
        comment_columns!(),
        " FROM comments c WHERE c.id = $1"
    ))
    .bind(id)
    .fetch_optional(tx)
    .await?
    .map(|row| stored_from_row(&row))
    .transpose()
}

/// The network the comment `id` was posted from, if the server knew it.
pub(crate) async fn ip_prefix_of(
    tx: &mut AnyConnection,
    id: i64,
) -> Result<Option<String>, ServerError> {
    Ok(
        sqlx::query_scalar("SELECT ip_prefix FROM comments WHERE id = $1")
            .bind(id)
            .fetch_optional(tx)
            .await?
            .flatten(),
    )
}

/// A reply must go to a published top-level comment of the same article.
pub(crate) async fn check_parent(
    tx: &mut AnyConnection,
    article_id: i64,
    parent_id: i64,
) -> Result<(), ServerError> {
    let parent = sqlx::query(
        "SELECT parent_id FROM comments \
         WHERE id = $1 AND article_id = $2 AND status = 'published' AND NOT shadow",
    )
    .bind(parent_id)
    .bind(article_id)
    .fetch_optional(tx)
    .await?;
    match parent {
        None => Err(ServerError::invalid_field(
            "parent_id",
            "no such comment to reply to",
        )),
        Some(row) if row.try_get::<Option<i64>, _>("parent_id")?.is_some() => Err(
            ServerError::invalid_field("parent_id", "replies go to top-level comments only"),
        ),
        Some(_) => Ok(()),
    }
}

/// Appends one event to the log; answers its id.
pub(crate) async fn insert_event(
    tx: &mut AnyConnection,
    article_id: i64,
    kind: &str,
    comment_id: i64,
    audience: Option<&str>,
    now_ms: i64,
) -> Result<i64, ServerError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO comment_events (article_id, kind, comment_id, audience, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(article_id)
    .bind(kind)
    .bind(comment_id)
    .bind(audience)
    .bind(now_ms)
    .fetch_one(tx)
    .await?)
}

/// Logs `data` for `audience` and answers the event a stream sends; `None`
/// when the audience is nobody (an author without a reader id).
pub(crate) async fn log_event(
    tx: &mut AnyConnection,
    article_id: i64,
    audience: Audience,
    data: EventData,
    now_ms: i64,
) -> Result<Option<CommentEvent>, ServerError> {
    let audience = match audience {
        Audience::Everyone => None,
        Audience::Author(Some(reader)) => Some(reader),
        Audience::Author(None) => return Ok(None),
    };
    let (kind, comment_id) = match &data {
        EventData::Comment(comment) => ("comment", comment.id),
        EventData::Removed(removed) => ("comment_removed", removed.id),
    };
    let id = insert_event(
        tx,
        article_id,
        kind,
        comment_id,
        audience.as_deref(),
        now_ms,
    )
    .await?;
    Ok(Some(CommentEvent { id, audience, data }))
}

/// Comments every reader of the article sees.
pub(crate) async fn total(tx: &mut AnyConnection, article_id: i64) -> Result<u64, ServerError> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM comments WHERE article_id = $1 AND status = 'published' AND NOT shadow",
    )
    .bind(article_id)
    .fetch_one(tx)
    .await?;
    Ok(u64::try_from(count).unwrap_or(0))
}

/// A comment from a row with [`comment_columns`], as its author sees it.
pub(crate) fn comment_from_row(row: &AnyRow) -> Result<Comment, ServerError> {
    let status_word: String = row.try_get("status")?;
    let status = match status_word.as_str() {
        "published" => CommentStatus::Published,
        "pending" => CommentStatus::Pending,
        "rejected" => CommentStatus::Rejected,
        "removed" => CommentStatus::Removed,
        other => {
            return Err(ServerError::Corrupt(format!(
                "a comment has the unknown status {other:?}"
            )));
        }
    };
    let rejection = match status {
        CommentStatus::Rejected => {
            let reason: Option<String> = row.try_get("reject_reason")?;
            Some(Rejection {
                reason: reason
                    .as_deref()
                    .and_then(Reason::parse)
                    .unwrap_or(Reason::Other),
                note: row.try_get("reject_note")?,
            })
        }
        _ => None,
    };
    Ok(Comment {
        id: row.try_get("id")?,
        parent_id: row.try_get("parent_id")?,
        author: row.try_get("author")?,
        text: row.try_get("text")?,
        created_at: rfc3339(row.try_get("created_at")?)?,
        client_id: Some(row.try_get("client_id")?),
        status,
        rejection,
        featured: crate::store::flag(row, "featured")?,
    })
}

/// A [`Stored`] comment from a row with [`comment_columns`].
pub(crate) fn stored_from_row(row: &AnyRow) -> Result<Stored, ServerError> {
    Ok(Stored {
        comment: comment_from_row(row)?,
        article_id: row.try_get("article_id")?,
        reader_id: row.try_get("reader_id")?,
        shadow: crate::store::flag(row, "shadow")?,
    })
}

#[cfg(test)]
mod tests {
    use super::CommentCursor;

    #[test]
    fn cursors_round_trip_and_nothing_else_parses() {
        let cursor = CommentCursor { id: 120 };
        assert_eq!(cursor.to_string(), "0000000000000078");
        assert_eq!(CommentCursor::parse(&cursor.to_string()), Some(cursor));
        for bad in [
            "",
            "78",
            "000000000000007G",
            "0000000000000000",
            "ffffffffffffffff",
        ] {
            assert_eq!(CommentCursor::parse(bad), None, "{bad}");
        }
    }
}
