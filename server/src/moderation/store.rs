//! Moderators and the moderation log in the database.

use super::{Action, Moderator, token_hash};
use crate::error::ServerError;
use crate::store::rfc3339;
use jiff::Timestamp;
use sqlx::{Row, SqliteConnection, SqlitePool};
use vestnik_api::ModerationLogEntry;

/// A moderator as `vestnik-server moderator list` shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModeratorEntry {
    /// Their name.
    pub name: String,
    /// When they were added, unix milliseconds.
    pub created_at_ms: i64,
    /// When their token was revoked, if it was.
    pub revoked_at_ms: Option<i64>,
}

/// Adds the moderator `name` with the token `token` (its hash is stored).
/// Fails when an active moderator already has the name.
pub async fn add(
    pool: &SqlitePool,
    name: &str,
    token: &str,
    now: Timestamp,
) -> Result<(), ServerError> {
    let inserted = sqlx::query(
        "INSERT INTO moderators (name, token_hash, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT DO NOTHING",
    )
    .bind(name)
    .bind(token_hash(token))
    .bind(now.as_millisecond())
    .execute(pool)
    .await?;
    if inserted.rows_affected() == 0 {
        return Err(ServerError::Config(format!(
            "a moderator named {name:?} exists already: revoke them first \
             (vestnik-server moderator revoke {name:?}) or choose another name"
        )));
    }
    Ok(())
}

/// Revokes the active moderator `name`; answers whether there was one.
pub async fn revoke(pool: &SqlitePool, name: &str, now: Timestamp) -> Result<bool, ServerError> {
    let revoked =
        sqlx::query("UPDATE moderators SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL")
            .bind(name)
            .bind(now.as_millisecond())
            .execute(pool)
            .await?;
    Ok(revoked.rows_affected() > 0)
}

/// Every moderator ever added, oldest first.
pub async fn list(pool: &SqlitePool) -> Result<Vec<ModeratorEntry>, ServerError> {
    let rows = sqlx::query("SELECT name, created_at, revoked_at FROM moderators ORDER BY id")
        .fetch_all(pool)
        .await?;
    rows.iter()
        .map(|row| {
            Ok(ModeratorEntry {
                name: row.try_get("name")?,
                created_at_ms: row.try_get("created_at")?,
                revoked_at_ms: row.try_get("revoked_at")?,
            })
        })
        .collect()
}

/// The active moderator whose token this is, if any.
pub async fn find_by_token(
    pool: &SqlitePool,
    token: &str,
) -> Result<Option<Moderator>, ServerError> {
    let row =
        sqlx::query("SELECT id, name FROM moderators WHERE token_hash = $1 AND revoked_at IS NULL")
            .bind(token_hash(token))
            .fetch_optional(pool)
            .await?;
    row.map(|row| {
        Ok(Moderator {
            id: Some(row.try_get("id")?),
            name: row.try_get("name")?,
        })
    })
    .transpose()
}

/// Whether any moderator may act (an active one exists).
pub async fn any_active(pool: &SqlitePool) -> Result<bool, ServerError> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM moderators WHERE revoked_at IS NULL")
        .fetch_one(pool)
        .await?;
    Ok(count > 0)
}

/// Records that `who` did `action` to the comment `comment_id` of the
/// article `article_id`, inside the transaction that did it.
pub async fn record(
    tx: &mut SqliteConnection,
    who: &Moderator,
    action: Action,
    comment_id: i64,
    article_id: i64,
    now_ms: i64,
) -> Result<(), ServerError> {
    sqlx::query(
        "INSERT INTO moderation_log (moderator_id, moderator, action, comment_id, article_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(who.id)
    .bind(&who.name)
    .bind(action.as_str())
    .bind(comment_id)
    .bind(article_id)
    .bind(now_ms)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The newest `limit` entries of the log, newest first.
pub async fn recent(pool: &SqlitePool, limit: u32) -> Result<Vec<ModerationLogEntry>, ServerError> {
    let rows = sqlx::query(
        "SELECT l.id, l.moderator, l.action, l.comment_id, a.slug, l.created_at \
         FROM moderation_log l LEFT JOIN articles a ON a.id = l.article_id \
         ORDER BY l.id DESC LIMIT $1",
    )
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(ModerationLogEntry {
                id: row.try_get("id")?,
                moderator: row.try_get("moderator")?,
                action: row.try_get("action")?,
                comment_id: row.try_get("comment_id")?,
                article: row.try_get("slug")?,
                at: rfc3339(row.try_get("created_at")?)?,
            })
        })
        .collect()
}
