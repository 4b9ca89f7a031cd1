//! How comments are moderated: the site's settings (the server's flags) and
//! each article's own, and what they add up to for the article's readers.

use crate::error::ServerError;
use jiff::Timestamp;
use sqlx::{AnyConnection, Row};
use vestnik_api::{CommentSettings, ModerationMode};

/// Milliseconds in a day.
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// The site's moderation settings, from the server's flags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteModeration {
    /// Which comments wait for a moderator, unless an article says otherwise.
    pub mode: ModerationMode,
    /// Approved comments after which a commenter is no longer new.
    pub trusted_after: u32,
    /// Readers' reports that send a published comment back to the queue.
    pub report_threshold: u32,
    /// Articles close for comments this many days after publication; 0: never.
    pub close_after_days: u32,
    /// The most links one comment may hold.
    pub max_links: u32,
    /// Whether a post needs a solved challenge.
    pub proof_of_work: bool,
    /// The secret number of a challenge is at most this for a reader who
    /// does not post fast (it doubles for each recent post beyond a few).
    pub proof_of_work_base: u64,
}

impl Default for SiteModeration {
    fn default() -> Self {
        Self {
            mode: ModerationMode::Post,
            trusted_after: 2,
            report_threshold: 3,
            close_after_days: 0,
            max_links: 3,
            proof_of_work: false,
            proof_of_work_base: crate::spam::proof_of_work::DEFAULT_BASE,
        }
    }
}

/// What an article says for itself; `None`: as the site says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ArticleOverrides {
    /// Its own mode.
    pub mode: Option<ModerationMode>,
    /// Closed (or opened) by hand.
    pub closed: Option<bool>,
}

/// What the readers of an article published at `published_ms` get, at `now_ms`.
pub fn effective(
    site: &SiteModeration,
    own: ArticleOverrides,
    published_ms: i64,
    now_ms: i64,
) -> CommentSettings {
    let days = i64::from(site.close_after_days);
    let closed_by_age = days > 0 && now_ms >= published_ms.saturating_add(days * DAY_MS);
    CommentSettings {
        closed: own.closed.unwrap_or(closed_by_age),
        moderation: own.mode.unwrap_or(site.mode),
        proof_of_work: site.proof_of_work,
    }
}

/// The article's own settings.
pub async fn overrides(
    tx: &mut AnyConnection,
    article_id: i64,
) -> Result<ArticleOverrides, ServerError> {
    let row = sqlx::query("SELECT mode, closed FROM article_moderation WHERE article_id = $1")
        .bind(article_id)
        .fetch_optional(tx)
        .await?;
    let Some(row) = row else {
        return Ok(ArticleOverrides::default());
    };
    let mode: Option<String> = row.try_get("mode")?;
    Ok(ArticleOverrides {
        mode: mode.as_deref().and_then(ModerationMode::parse),
        closed: crate::store::optional_flag(&row, "closed")?,
    })
}

/// Stores the article's own settings (both `None`: it follows the site again).
pub async fn set_overrides(
    tx: &mut AnyConnection,
    article_id: i64,
    own: ArticleOverrides,
) -> Result<(), ServerError> {
    sqlx::query(
        "INSERT INTO article_moderation (article_id, mode, closed) VALUES ($1, $2, $3) \
         ON CONFLICT (article_id) DO UPDATE SET mode = excluded.mode, closed = excluded.closed",
    )
    .bind(article_id)
    .bind(own.mode.map(ModerationMode::as_str))
    .bind(own.closed)
    .execute(tx)
    .await?;
    Ok(())
}

/// What the readers of the article `article_id` get now.
pub async fn for_article(
    tx: &mut AnyConnection,
    site: &SiteModeration,
    article_id: i64,
    now: Timestamp,
) -> Result<CommentSettings, ServerError> {
    let published: i64 = sqlx::query_scalar("SELECT published_at FROM articles WHERE id = $1")
        .bind(article_id)
        .fetch_one(&mut *tx)
        .await?;
    let own = overrides(tx, article_id).await?;
    Ok(effective(site, own, published, now.as_millisecond()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_close_after_the_sites_days_unless_opened_by_hand() {
        let site = SiteModeration {
            close_after_days: 3,
            ..SiteModeration::default()
        };
        let published = 1_000 * DAY_MS;
        let at = |days: i64| published + days * DAY_MS;
        let none = ArticleOverrides::default();
        assert!(!effective(&site, none, published, at(2)).closed);
        assert!(effective(&site, none, published, at(3)).closed);
        let opened = ArticleOverrides {
            closed: Some(false),
            ..none
        };
        assert!(!effective(&site, opened, published, at(30)).closed);
        let closed = ArticleOverrides {
            closed: Some(true),
            ..none
        };
        assert!(effective(&site, closed, published, at(0)).closed);
        let never = SiteModeration::default();
        assert!(!effective(&never, none, published, at(10_000)).closed);
    }

    #[test]
    fn an_articles_own_mode_wins_over_the_sites() {
        let site = SiteModeration {
            mode: ModerationMode::New,
            ..SiteModeration::default()
        };
        let own = ArticleOverrides {
            mode: Some(ModerationMode::Pre),
            closed: None,
        };
        assert_eq!(effective(&site, own, 0, 0).moderation, ModerationMode::Pre);
        assert_eq!(
            effective(&site, ArticleOverrides::default(), 0, 0).moderation,
            ModerationMode::New
        );
    }
}
