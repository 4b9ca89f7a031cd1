//! Moderators and the moderation log in the database.

use super::words::folded_entry;
use super::{Action, Moderator, token_hash};
use crate::error::ServerError;
use crate::store::Store;
use crate::store::rfc3339;
use jiff::Timestamp;
use sqlx::{AnyConnection, Row};
use vestnik_api::ModerationLogEntry;
use vestnik_api::moderation::{WordEntry, WordKind};

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
    store: &Store,
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
    .execute(store.db())
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
pub async fn revoke(store: &Store, name: &str, now: Timestamp) -> Result<bool, ServerError> {
    let revoked =
        sqlx::query("UPDATE moderators SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL")
            .bind(name)
            .bind(now.as_millisecond())
            .execute(store.db())
            .await?;
    Ok(revoked.rows_affected() > 0)
}

/// Every moderator ever added, oldest first.
pub async fn list(store: &Store) -> Result<Vec<ModeratorEntry>, ServerError> {
    let rows = sqlx::query("SELECT name, created_at, revoked_at FROM moderators ORDER BY id")
        .fetch_all(store.db())
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
pub async fn find_by_token(store: &Store, token: &str) -> Result<Option<Moderator>, ServerError> {
    let row =
        sqlx::query("SELECT id, name FROM moderators WHERE token_hash = $1 AND revoked_at IS NULL")
            .bind(token_hash(token))
            .fetch_optional(store.db())
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
pub async fn any_active(store: &Store) -> Result<bool, ServerError> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM moderators WHERE revoked_at IS NULL")
        .fetch_one(store.db())
        .await?;
    Ok(count > 0)
}

/// What a log entry is about, besides who and when.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Subject<'a> {
    /// The comment acted on.
    pub comment_id: Option<i64>,
    /// Its article (or the article whose settings changed).
    pub article_id: Option<i64>,
    /// A reason, a scope, a word, a mode.
    pub detail: Option<&'a str>,
}

/// Records that `who` did `action` to `subject`, inside the transaction that
/// did it; answers the entry as the desk shows it.
pub async fn record(
    tx: &mut AnyConnection,
    who: &Moderator,
    action: Action,
    subject: Subject<'_>,
    now_ms: i64,
) -> Result<ModerationLogEntry, ServerError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO moderation_log (moderator_id, moderator, action, comment_id, article_id, detail, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(who.id)
    .bind(&who.name)
    .bind(action.as_str())
    .bind(subject.comment_id)
    .bind(subject.article_id)
    .bind(subject.detail)
    .bind(now_ms)
    .fetch_one(&mut *tx)
    .await?;
    let article: Option<String> = match subject.article_id {
        Some(article_id) => {
            sqlx::query_scalar("SELECT slug FROM articles WHERE id = $1")
                .bind(article_id)
                .fetch_optional(&mut *tx)
                .await?
        }
        None => None,
    };
    Ok(ModerationLogEntry {
        id,
        moderator: who.name.clone(),
        action: action.as_str().to_owned(),
        comment_id: subject.comment_id,
        article,
        detail: subject.detail.map(str::to_owned),
        at: rfc3339(now_ms)?,
    })
}

/// Up to `limit` entries of the log older than the entry `before` (the
/// newest without it), newest first.
pub async fn recent(
    store: &Store,
    limit: u32,
    before: Option<i64>,
) -> Result<Vec<ModerationLogEntry>, ServerError> {
    let rows = sqlx::query(
        "SELECT l.id, l.moderator, l.action, l.comment_id, a.slug, l.detail, l.created_at \
         FROM moderation_log l LEFT JOIN articles a ON a.id = l.article_id \
         WHERE l.id < $2 ORDER BY l.id DESC LIMIT $1",
    )
    .bind(i64::from(limit))
    .bind(before.unwrap_or(i64::MAX))
    .fetch_all(store.db())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(ModerationLogEntry {
                id: row.try_get("id")?,
                moderator: row.try_get("moderator")?,
                action: row.try_get("action")?,
                comment_id: row.try_get("comment_id")?,
                article: row.try_get("slug")?,
                detail: row.try_get("detail")?,
                at: rfc3339(row.try_get("created_at")?)?,
            })
        })
        .collect()
}

/// Both word lists, alphabetically by the folded entry.
pub async fn word_lists(tx: &mut AnyConnection) -> Result<Vec<WordEntry>, ServerError> {
    let rows = sqlx::query("SELECT word, kind FROM word_list ORDER BY folded, kind")
        .fetch_all(tx)
        .await?;
    rows.iter()
        .map(|row| {
            let kind: String = row.try_get("kind")?;
            Ok(WordEntry {
                word: row.try_get("word")?,
                kind: WordKind::parse(&kind).unwrap_or(WordKind::Unknown),
            })
        })
        .collect()
}

/// Puts `word` on the `kind` list (replacing how an entry that folds the
/// same was written); answers the folded form, or `None` when nothing of
/// the word could match a comment.
pub async fn add_word(
    tx: &mut AnyConnection,
    word: &str,
    kind: WordKind,
    now_ms: i64,
) -> Result<Option<String>, ServerError> {
    let Some(folded) = folded_entry(word) else {
        return Ok(None);
    };
    sqlx::query(
        "INSERT INTO word_list (folded, word, kind, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (folded, kind) DO UPDATE SET word = excluded.word",
    )
    .bind(&folded)
    .bind(word.trim())
    .bind(kind.as_str())
    .bind(now_ms)
    .execute(tx)
    .await?;
    Ok(Some(folded))
}

/// Takes `word` (as it folds) off the `kind` list; answers whether it was on it.
pub async fn remove_word(
    tx: &mut AnyConnection,
    word: &str,
    kind: WordKind,
) -> Result<bool, ServerError> {
    let Some(folded) = folded_entry(word) else {
        return Ok(false);
    };
    let removed = sqlx::query("DELETE FROM word_list WHERE folded = $1 AND kind = $2")
        .bind(folded)
        .bind(kind.as_str())
        .execute(tx)
        .await?;
    Ok(removed.rows_affected() > 0)
}

/// Whether the moderator `id` may still act (their token was not revoked).
pub async fn is_active(store: &Store, id: i64) -> Result<bool, ServerError> {
    let active: Option<i64> =
        sqlx::query_scalar("SELECT id FROM moderators WHERE id = $1 AND revoked_at IS NULL")
            .bind(id)
            .fetch_optional(store.db())
            .await?;
    Ok(active.is_some())
}
