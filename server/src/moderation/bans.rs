//! Bans: by reader key (one browser) or by network (a /24 or a /48), for
//! some hours or for good, open or shadow (the banned reader's comments are
//! published for them alone, so they do not come back under another name).

use super::Moderator;
use crate::error::ServerError;
use crate::store::Store;
use crate::store::rfc3339;
use sqlx::{AnyConnection, Row};
use vestnik_api::moderation::{Ban, BanScope};

/// A ban that applies to a post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InForce {
    /// A shadow ban: the post is kept for its author only.
    pub shadow: bool,
    /// When it ends, unix milliseconds; `None`: never.
    pub until_ms: Option<i64>,
}

impl InForce {
    /// When it ends, as RFC 3339.
    pub fn until_rfc3339(&self) -> Result<Option<String>, ServerError> {
        Ok(self.until_ms.map(rfc3339).transpose()?)
    }
}

/// The ban in force on `reader` or `prefix` at `now_ms`, an open one before
/// a shadow one (an open ban says more to its reader).
pub async fn in_force(
    tx: &mut AnyConnection,
    reader: Option<&str>,
    prefix: Option<&str>,
    now_ms: i64,
) -> Result<Option<InForce>, ServerError> {
    if reader.is_none() && prefix.is_none() {
        return Ok(None);
    }
    let row = sqlx::query(
        "SELECT shadow, expires_at FROM bans \
         WHERE lifted_at IS NULL AND (expires_at IS NULL OR expires_at > $3) \
         AND ((scope = 'reader' AND target = $1) OR (scope = 'network' AND target = $2)) \
         ORDER BY shadow ASC, expires_at IS NOT NULL, expires_at DESC LIMIT 1",
    )
    .bind(reader)
    .bind(prefix)
    .bind(now_ms)
    .fetch_optional(tx)
    .await?;
    row.map(|row| {
        Ok(InForce {
            shadow: crate::store::flag(&row, "shadow")?,
            until_ms: row.try_get("expires_at")?,
        })
    })
    .transpose()
}

/// What a new ban is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BanRequest<'a> {
    /// By reader or by network.
    pub scope: BanScope,
    /// The reader id or the network.
    pub target: &'a str,
    /// Shadow or open.
    pub shadow: bool,
    /// When it ends; `None`: never.
    pub until_ms: Option<i64>,
    /// Why.
    pub note: Option<&'a str>,
    /// The name on the comment it was made from.
    pub author: Option<&'a str>,
}

/// Stores a ban; answers its id.
pub async fn add(
    tx: &mut AnyConnection,
    ban: &BanRequest<'_>,
    by: &Moderator,
    now_ms: i64,
) -> Result<i64, ServerError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO bans (scope, target, shadow, expires_at, created_at, moderator, note, author) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(ban.scope.as_str())
    .bind(ban.target)
    .bind(ban.shadow)
    .bind(ban.until_ms)
    .bind(now_ms)
    .bind(&by.name)
    .bind(ban.note)
    .bind(ban.author)
    .fetch_one(tx)
    .await?)
}

/// Lifts the ban `id`; answers its scope and target, `None` if there was
/// no such ban in force.
pub async fn lift(
    tx: &mut AnyConnection,
    id: i64,
    now_ms: i64,
) -> Result<Option<(String, String)>, ServerError> {
    let row = sqlx::query(
        "UPDATE bans SET lifted_at = $2 WHERE id = $1 AND lifted_at IS NULL RETURNING scope, target",
    )
    .bind(id)
    .bind(now_ms)
    .fetch_optional(tx)
    .await?;
    row.map(|row| Ok((row.try_get("scope")?, row.try_get("target")?)))
        .transpose()
}

/// The bans in force at `now_ms`, newest first.
pub async fn list(store: &Store, now_ms: i64) -> Result<Vec<Ban>, ServerError> {
    let rows = sqlx::query(
        "SELECT id, scope, target, shadow, expires_at, moderator, created_at, note, author FROM bans \
         WHERE lifted_at IS NULL AND (expires_at IS NULL OR expires_at > $1) ORDER BY id DESC",
    )
    .bind(now_ms)
    .fetch_all(store.db())
    .await?;
    rows.iter()
        .map(|row| {
            let scope: String = row.try_get("scope")?;
            let target: String = row.try_get("target")?;
            let scope = BanScope::parse(&scope).unwrap_or(BanScope::Unknown);
            Ok(Ban {
                id: row.try_get("id")?,
                target: match scope {
                    BanScope::Reader => short_reader(&target),
                    _ => target,
                },
                scope,
                shadow: crate::store::flag(row, "shadow")?,
                until: row
                    .try_get::<Option<i64>, _>("expires_at")?
                    .map(rfc3339)
                    .transpose()?,
                moderator: row.try_get("moderator")?,
                created_at: rfc3339(row.try_get("created_at")?)?,
                note: row.try_get("note")?,
                author: row.try_get("author")?,
            })
        })
        .collect()
}

/// How the desk shows a reader id: its first 8 characters, enough to tell
/// readers apart and too few to look one up elsewhere.
pub fn short_reader(reader_id: &str) -> String {
    reader_id.chars().take(8).collect()
}
