//! Comments and their events in the database. SQL uses `$n` placeholders so it
//! also runs on Postgres; only the `BEGIN IMMEDIATE` of writes is SQLite's.

use super::text::ValidComment;
use super::{CommentEvent, CommentHub, EventBatch, EventData};
use crate::error::ServerError;
use crate::moderation::{self, Action, Moderator};
use crate::store::rfc3339;
use jiff::Timestamp;
use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection, SqlitePool};
use std::fmt;
use vestnik_api::{Comment, CommentPage, CommentRemoved};

/// Events read from the database per query while replaying.
const REPLAY_CHUNK: i64 = 500;

/// The columns [`comment_from_row`] reads, as a literal so queries stay `&'static str`.
macro_rules! comment_columns {
    () => {
        "c.id, c.parent_id, c.author, c.text, c.created_at, c.client_id"
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

/// What [`post`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Posted {
    /// The comment was stored now (201).
    Created(Comment),
    /// A comment with this `client_id` was already stored; nothing changed (200).
    Existing(Comment),
}

/// Stores `comment` under the article `slug`, writes its event and publishes it;
/// a `client_id` already used on the article answers the stored comment instead.
pub async fn post(
    pool: &SqlitePool,
    hub: &CommentHub,
    slug: &str,
    comment: &ValidComment,
    ip: Option<String>,
    now: Timestamp,
) -> Result<Posted, ServerError> {
    let _order = hub.write_lock().await;
    // IMMEDIATE takes SQLite's write lock at the start: the checks below and
    // the insert cannot interleave with another process's write.
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let article_id = article_id(&mut tx, slug).await?;
    if let Some(stored) = by_client_id(&mut tx, article_id, &comment.client_id).await? {
        return Ok(Posted::Existing(stored));
    }
    if let Some(parent_id) = comment.parent_id {
        check_parent(&mut tx, article_id, parent_id).await?;
    }
    let now_ms = now.as_millisecond();
    // ON CONFLICT: another writer (a second process) may have stored the same
    // client_id since the check above; then its comment is the answer.
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO comments (article_id, parent_id, author, text, client_id, created_at, ip) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (article_id, client_id) DO NOTHING RETURNING id",
    )
    .bind(article_id)
    .bind(comment.parent_id)
    .bind(&comment.author)
    .bind(&comment.text)
    .bind(&comment.client_id)
    .bind(now_ms)
    .bind(ip)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = id else {
        return match by_client_id(&mut tx, article_id, &comment.client_id).await? {
            Some(stored) => Ok(Posted::Existing(stored)),
            None => Err(ServerError::Corrupt(
                "a comment insert conflicted with no stored comment".to_owned(),
            )),
        };
    };
    let event_id = insert_event(&mut tx, article_id, "comment", id, now_ms).await?;
    let total = total(&mut tx, article_id).await?;
    tx.commit().await?;
    let stored = Comment {
        id,
        parent_id: comment.parent_id,
        author: comment.author.clone(),
        text: comment.text.clone(),
        created_at: rfc3339(now_ms)?,
        client_id: Some(comment.client_id.clone()),
    };
    hub.publish(EventBatch {
        article_id,
        events: vec![CommentEvent {
            id: event_id,
            data: EventData::Comment(stored.clone()),
        }],
        total,
    });
    Ok(Posted::Created(stored))
}

/// Soft-removes comment `id` and its replies, one `comment_removed` event each
/// (the comment first, then its replies oldest first), records who did it in
/// the moderation log, and publishes the events. 404 when there is no such
/// comment or it is already removed.
pub async fn remove(
    pool: &SqlitePool,
    hub: &CommentHub,
    id: i64,
    by: &Moderator,
    now: Timestamp,
) -> Result<(), ServerError> {
    let _order = hub.write_lock().await;
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    let article_id: Option<i64> =
        sqlx::query_scalar("SELECT article_id FROM comments WHERE id = $1 AND removed_at IS NULL")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(article_id) = article_id else {
        return Err(ServerError::NotFound(format!("no comment {id}")));
    };
    let replies: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM comments WHERE parent_id = $1 AND removed_at IS NULL ORDER BY id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let now_ms = now.as_millisecond();
    sqlx::query(
        "UPDATE comments SET removed_at = $2 WHERE (id = $1 OR parent_id = $1) AND removed_at IS NULL",
    )
    .bind(id)
    .bind(now_ms)
    .execute(&mut *tx)
    .await?;
    let mut events = Vec::with_capacity(1 + replies.len());
    for removed in std::iter::once(id).chain(replies) {
        let event_id =
            insert_event(&mut tx, article_id, "comment_removed", removed, now_ms).await?;
        events.push(CommentEvent {
            id: event_id,
            data: EventData::Removed(CommentRemoved { id: removed }),
        });
    }
    moderation::store::record(&mut tx, by, Action::Remove, id, article_id, now_ms).await?;
    let total = total(&mut tx, article_id).await?;
    tx.commit().await?;
    hub.publish(EventBatch {
        article_id,
        events,
        total,
    });
    Ok(())
}

/// Up to `limit` top-level comments of the article `slug` older than `before`
/// (the newest without it), each with its replies, all oldest first.
pub async fn page(
    pool: &SqlitePool,
    slug: &str,
    before: Option<CommentCursor>,
    limit: u32,
) -> Result<CommentPage, ServerError> {
    // One read transaction is one snapshot: the event id read first matches the
    // comments read after it, so a stream opened `?after=` it misses nothing.
    let mut tx = pool.begin().await?;
    let article_id = article_id(&mut tx, slug).await?;
    let last_event_id: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM comment_events WHERE article_id = $1")
            .bind(article_id)
            .fetch_one(&mut *tx)
            .await?;
    let total = total(&mut tx, article_id).await?;
    // One row more than asked tells whether an earlier page exists.
    let mut tops = sqlx::query(concat!(
        "SELECT ",
        comment_columns!(),
        " FROM comments c \
         WHERE c.article_id = $1 AND c.parent_id IS NULL AND c.removed_at IS NULL AND c.id < $2 \
         ORDER BY c.id DESC LIMIT $3"
    ))
    .bind(article_id)
    .bind(before.map_or(i64::MAX, |c| c.id))
    .bind(i64::from(limit) + 1)
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
             WHERE c.article_id = $1 AND c.parent_id >= $2 AND c.parent_id <= $3 \
             AND c.removed_at IS NULL ORDER BY c.id"
        ))
        .bind(article_id)
        .bind(oldest.id)
        .bind(newest.id)
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
    })
}

/// What a stream sends before going live: the events after its resume point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backlog {
    /// The article.
    pub article_id: i64,
    /// Events after the resume point, oldest first; a `comment` whose comment
    /// has since been removed is left out (its removal event is not).
    pub events: Vec<CommentEvent>,
    /// Comments the article has now.
    pub total: u64,
    /// The id from which live events count: anything at or below it is sent or skipped.
    pub last_id: i64,
}

/// The start of a stream on the article `slug`: the events after `after`
/// (none if `None`: the stream starts at the present). 404 for no such article.
pub async fn stream_start(
    pool: &SqlitePool,
    slug: &str,
    after: Option<i64>,
) -> Result<Backlog, ServerError> {
    let mut tx = pool.begin().await?;
    let article_id = article_id(&mut tx, slug).await?;
    // Ids are global: an id above every stored one (another database's, or a
    // made-up one) would hide future events, so it is lowered to the newest.
    let newest: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM comment_events")
        .fetch_one(&mut *tx)
        .await?;
    let from = after.map_or(newest, |after| after.min(newest));
    let backlog = read_backlog(&mut tx, article_id, from).await?;
    tx.commit().await?;
    Ok(backlog)
}

/// The article's events after `after`, for a stream that fell behind the channel.
pub async fn backlog(
    pool: &SqlitePool,
    article_id: i64,
    after: i64,
) -> Result<Backlog, ServerError> {
    let mut tx = pool.begin().await?;
    let backlog = read_backlog(&mut tx, article_id, after).await?;
    tx.commit().await?;
    Ok(backlog)
}

async fn read_backlog(
    tx: &mut SqliteConnection,
    article_id: i64,
    after: i64,
) -> Result<Backlog, ServerError> {
    let mut events = Vec::new();
    let mut last_id = after;
    loop {
        let rows = sqlx::query(concat!(
            "SELECT e.id AS event_id, e.kind, c.removed_at, ",
            comment_columns!(),
            " \
             FROM comment_events e JOIN comments c ON c.id = e.comment_id \
             WHERE e.article_id = $1 AND e.id > $2 ORDER BY e.id LIMIT $3"
        ))
        .bind(article_id)
        .bind(last_id)
        .bind(REPLAY_CHUNK)
        .fetch_all(&mut *tx)
        .await?;
        for row in &rows {
            last_id = row.try_get("event_id")?;
            let kind: String = row.try_get("kind")?;
            let data = match kind.as_str() {
                "comment" => {
                    // Replaying removed text would undo the moderation for this reader.
                    if row.try_get::<Option<i64>, _>("removed_at")?.is_some() {
                        continue;
                    }
                    EventData::Comment(comment_from_row(row)?)
                }
                "comment_removed" => EventData::Removed(CommentRemoved {
                    id: row.try_get("id")?,
                }),
                other => {
                    return Err(ServerError::Corrupt(format!(
                        "comment event {last_id} has the unknown kind {other:?}"
                    )));
                }
            };
            events.push(CommentEvent { id: last_id, data });
        }
        if rows.len() < REPLAY_CHUNK as usize {
            break;
        }
    }
    let total = total(tx, article_id).await?;
    Ok(Backlog {
        article_id,
        events,
        total,
        last_id,
    })
}

async fn article_id(tx: &mut SqliteConnection, slug: &str) -> Result<i64, ServerError> {
    sqlx::query_scalar("SELECT id FROM articles WHERE slug = $1")
        .bind(slug)
        .fetch_optional(tx)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("no article {slug:?}")))
}

async fn by_client_id(
    tx: &mut SqliteConnection,
    article_id: i64,
    client_id: &str,
) -> Result<Option<Comment>, ServerError> {
    sqlx::query(concat!(
        "SELECT ",
        comment_columns!(),
        " FROM comments c WHERE c.article_id = $1 AND c.client_id = $2"
    ))
    .bind(article_id)
    .bind(client_id)
    .fetch_optional(tx)
    .await?
    .map(|row| comment_from_row(&row))
    .transpose()
}

/// A reply must go to a visible top-level comment of the same article.
async fn check_parent(
    tx: &mut SqliteConnection,
    article_id: i64,
    parent_id: i64,
) -> Result<(), ServerError> {
    let parent = sqlx::query(
        "SELECT parent_id FROM comments WHERE id = $1 AND article_id = $2 AND removed_at IS NULL",
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

async fn insert_event(
    tx: &mut SqliteConnection,
    article_id: i64,
    kind: &str,
    comment_id: i64,
    now_ms: i64,
) -> Result<i64, ServerError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO comment_events (article_id, kind, comment_id, created_at) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(article_id)
    .bind(kind)
    .bind(comment_id)
    .bind(now_ms)
    .fetch_one(tx)
    .await?)
}

async fn total(tx: &mut SqliteConnection, article_id: i64) -> Result<u64, ServerError> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM comments WHERE article_id = $1 AND removed_at IS NULL",
    )
    .bind(article_id)
    .fetch_one(tx)
    .await?;
    Ok(u64::try_from(count).unwrap_or(0))
}

fn comment_from_row(row: &SqliteRow) -> Result<Comment, ServerError> {
    Ok(Comment {
        id: row.try_get("id")?,
        parent_id: row.try_get("parent_id")?,
        author: row.try_get("author")?,
        text: row.try_get("text")?,
        created_at: rfc3339(row.try_get("created_at")?)?,
        client_id: Some(row.try_get("client_id")?),
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
