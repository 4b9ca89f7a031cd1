//! Reading and writing articles. SQL uses `$n` placeholders so it also runs on Postgres.

use super::Backend;
use super::Store;
use crate::error::StoreError;
use jiff::Timestamp;
use serde::de::DeserializeOwned;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};
use std::fmt;
use vestnik_api::{Article, Block, Image, NewsItem, Source, Tag};

/// An article to store; the database assigns its id.
#[derive(Clone, Debug, PartialEq)]
pub struct NewArticle {
    /// The URL name, unique across articles.
    pub slug: String,
    /// The headline.
    pub title: String,
    /// The summary shown in lists.
    pub lead: String,
    /// The body blocks in reading order.
    pub body: Vec<Block>,
    /// Where the news comes from.
    pub source: Source,
    /// When it was published.
    pub published_at: Timestamp,
    /// When it was last substantively updated, if ever.
    pub updated_at: Option<Timestamp>,
    /// Reader count to start from.
    pub views: u64,
    /// Rubric and topic tags.
    pub tags: Vec<Tag>,
    /// The lead image.
    pub image: Option<Image>,
}

/// Stores `article` unless its slug is taken; answers whether it was inserted.
pub async fn insert_article<'e>(
    db: impl Executor<'e, Database = Any>,
    article: &NewArticle,
) -> Result<bool, StoreError> {
    let image = article.image.as_ref().map(to_json).transpose()?;
    let updated_at = article.updated_at.map(Timestamp::as_millisecond);
    let result = sqlx::query(
        "INSERT INTO articles \
         (slug, title, lead, body, source_name, source_url, published_at, updated_at, views, tags, image) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
         ON CONFLICT (slug) DO NOTHING",
    )
    .bind(&article.slug)
    .bind(&article.title)
    .bind(&article.lead)
    .bind(to_json(&article.body)?)
    .bind(&article.source.name)
    .bind(&article.source.url)
    .bind(article.published_at.as_millisecond())
    .bind(updated_at)
    .bind(i64::try_from(article.views).unwrap_or(i64::MAX))
    .bind(to_json(&article.tags)?)
    .bind(image)
    .execute(db)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Stores `article`, or replaces the content of the article with its slug
/// (keeping its id, views, tags, image and comments; `published_at` too unless
/// `replace_published_at`). Answers whether a new article was inserted.
pub async fn upsert_article(
    store: &Store,
    article: &NewArticle,
    replace_published_at: bool,
) -> Result<bool, StoreError> {
    // IMMEDIATE: the existence check and the write see the same database.
    let mut tx = store.write().await?;
    let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM articles WHERE slug = $1")
        .bind(&article.slug)
        .fetch_optional(&mut *tx)
        .await?;
    if existing.is_none() {
        let inserted = insert_article(&mut *tx, article).await?;
        tx.commit().await?;
        return Ok(inserted);
    }
    sqlx::query(
        "UPDATE articles SET title = $2, lead = $3, body = $4, source_name = $5, \
         source_url = $6, published_at = CASE WHEN $7 THEN $8 ELSE published_at END \
         WHERE slug = $1",
    )
    .bind(&article.slug)
    .bind(&article.title)
    .bind(&article.lead)
    .bind(to_json(&article.body)?)
    .bind(&article.source.name)
    .bind(&article.source.url)
    .bind(replace_published_at)
    .bind(article.published_at.as_millisecond())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(false)
}

/// The article with this slug, if there is one.
pub async fn find_article(store: &Store, slug: &str) -> Result<Option<Article>, StoreError> {
    let row = sqlx::query(
        "SELECT id, slug, title, lead, body, source_name, source_url, published_at, updated_at, \
         views, tags, image, \
         (SELECT COUNT(*) FROM comments c WHERE c.article_id = articles.id AND c.status = 'published' AND NOT c.shadow) \
         AS comment_count \
         FROM articles WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(store.db())
    .await?;
    row.map(|row| article_from_row(&row)).transpose()
}

/// What the sitemaps and the feed list of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleEntry {
    /// The URL name.
    pub slug: String,
    /// The headline.
    pub title: String,
    /// The summary.
    pub lead: String,
    /// Publication instant, unix milliseconds.
    pub published_at_ms: i64,
    /// Last update, unix milliseconds, if any.
    pub updated_at_ms: Option<i64>,
    /// Rubric first, then topics.
    pub tags: Vec<Tag>,
}

/// Articles newest first, at most `limit` (every one without a limit).
pub async fn article_entries(
    store: &Store,
    limit: Option<u32>,
) -> Result<Vec<ArticleEntry>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, slug, title, lead, published_at, updated_at, tags FROM articles \
         ORDER BY published_at DESC, id DESC LIMIT $1",
    )
    .bind(limit.map_or(i64::MAX, i64::from))
    .fetch_all(store.db())
    .await?;
    rows.iter()
        .map(|row| {
            Ok(ArticleEntry {
                slug: row.try_get("slug")?,
                title: row.try_get("title")?,
                lead: row.try_get("lead")?,
                published_at_ms: row.try_get("published_at")?,
                updated_at_ms: row.try_get("updated_at")?,
                tags: json_column(row, "tags")?,
            })
        })
        .collect()
}

/// How many articles there are.
pub async fn count_articles(store: &Store) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM articles")
        .fetch_one(store.db())
        .await?)
}

/// A position in the news list: just after the item with these keys.
///
/// Keyset, not offset: articles published while a reader scrolls land before
/// the cursor and can neither push an item onto the next page twice nor skip one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    /// `published_at` of the last item handed out, unix milliseconds.
    pub published_at_ms: i64,
    /// `id` of the last item handed out.
    pub id: i64,
}

impl Cursor {
    /// Reads a cursor produced by [`Cursor`]'s `Display`; `None` if it is not one.
    pub fn parse(text: &str) -> Option<Self> {
        // Two 64-bit keys as 32 lowercase hex digits: URL-safe and opaque to clients.
        if text.len() != 32 || !text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return None;
        }
        let published = u64::from_str_radix(&text[..16], 16).ok()?;
        let id = u64::from_str_radix(&text[16..], 16).ok()?;
        Some(Self {
            published_at_ms: published.cast_signed(),
            id: id.cast_signed(),
        })
    }
}

impl fmt::Display for Cursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:016x}{:016x}",
            self.published_at_ms.cast_unsigned(),
            self.id.cast_unsigned()
        )
    }
}

/// Which articles a news page lists.
#[derive(Clone, Copy, Debug, Default)]
pub struct NewsFilter<'a> {
    /// Leave out the article with this slug (the one being read).
    pub exclude: Option<&'a str>,
    /// Only articles with a tag of this slug.
    pub tag: Option<&'a str>,
}

/// The tag with `slug` as some article carries it, with its display name.
pub async fn find_tag(store: &Store, slug: &str) -> Result<Option<Tag>, StoreError> {
    // The tags are a JSON array in a text column; each backend unnests it its own way.
    let sql = match store.backend() {
        Backend::Sqlite => {
            "SELECT json_extract(t.value, '$.name') FROM articles, json_each(articles.tags) AS t \
             WHERE json_extract(t.value, '$.slug') = $1 LIMIT 1"
        }
        Backend::Postgres => {
            "SELECT t.value ->> 'name' FROM articles, json_array_elements(articles.tags::json) AS t \
             WHERE t.value ->> 'slug' = $1 LIMIT 1"
        }
    };
    let name: Option<String> = sqlx::query_scalar(sql)
        .bind(slug)
        .fetch_optional(store.db())
        .await?;
    Ok(name.map(|name| Tag {
        slug: slug.to_owned(),
        name,
    }))
}

/// SQL: a page of news after `($1, $2)`, without the slug `$3`, `$4` rows,
/// with the tag `$5` (or any when `$5` is empty) as `$has_tag` finds it.
macro_rules! news_after {
    ($has_tag:literal) => {
        concat!(
            "SELECT id, slug, title, lead, source_name, source_url, published_at, image \
             FROM articles \
             WHERE (published_at < $1 OR (published_at = $1 AND id < $2)) AND slug <> $3 \
               AND ($5 = '' OR EXISTS (",
            $has_tag,
            ")) ORDER BY published_at DESC, id DESC LIMIT $4"
        )
    };
}

/// Up to `limit` news items after `before` (from the newest without one), newest
/// first, as `filter` says; with the cursor of the next page if there is one.
pub async fn news_page(
    store: &Store,
    before: Option<Cursor>,
    limit: u32,
    filter: &NewsFilter<'_>,
) -> Result<(Vec<NewsItem>, Option<Cursor>), StoreError> {
    let start = before.unwrap_or(Cursor {
        published_at_ms: i64::MAX,
        id: i64::MAX,
    });
    // One row more than asked tells whether a next page exists without a COUNT.
    let rows = sqlx::query(
        match store.backend() {
            Backend::Sqlite => news_after!(
                "SELECT 1 FROM json_each(articles.tags) AS t WHERE json_extract(t.value, '$.slug') = $5"
            ),
            Backend::Postgres => news_after!(
                "SELECT 1 FROM json_array_elements(articles.tags::json) AS t WHERE t.value ->> 'slug' = $5"
            ),
        },
    )
    .bind(start.published_at_ms)
    .bind(start.id)
    .bind(filter.exclude.unwrap_or(""))
    .bind(i64::from(limit) + 1)
    .bind(filter.tag.unwrap_or(""))
    .fetch_all(store.db())
    .await?;

    let more = rows.len() > limit as usize;
    let mut items = Vec::with_capacity(rows.len().min(limit as usize));
    let mut last = None;
    for row in rows.iter().take(limit as usize) {
        last = Some(Cursor {
            published_at_ms: row.try_get("published_at")?,
            id: row.try_get("id")?,
        });
        items.push(NewsItem {
            slug: row.try_get("slug")?,
            title: row.try_get("title")?,
            summary: row.try_get("lead")?,
            source: Some(source_from_row(row)?),
            published_at: rfc3339(row.try_get("published_at")?)?,
            image: optional_json(row, "image")?,
        });
    }
    Ok((items, if more { last } else { None }))
}

fn article_from_row(row: &AnyRow) -> Result<Article, StoreError> {
    let views: i64 = row.try_get("views")?;
    Ok(Article {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        title: row.try_get("title")?,
        lead: row.try_get("lead")?,
        body: json_column(row, "body")?,
        source: Some(source_from_row(row)?),
        published_at: rfc3339(row.try_get("published_at")?)?,
        updated_at: row
            .try_get::<Option<i64>, _>("updated_at")?
            .map(rfc3339)
            .transpose()?,
        views: u64::try_from(views).unwrap_or(0),
        comment_count: u64::try_from(row.try_get::<i64, _>("comment_count")?).unwrap_or(0),
        tags: json_column(row, "tags")?,
        image: optional_json(row, "image")?,
    })
}

fn source_from_row(row: &AnyRow) -> Result<Source, StoreError> {
    Ok(Source {
        name: row.try_get("source_name")?,
        url: row.try_get("source_url")?,
    })
}

/// Formats unix milliseconds as RFC 3339 UTC, the API's only time format.
pub fn rfc3339(ms: i64) -> Result<String, StoreError> {
    Timestamp::from_millisecond(ms)
        .map(|t| t.to_string())
        .map_err(|e| StoreError::Corrupt(format!("time {ms} ms is out of range: {e}")))
}

fn json_column<T: DeserializeOwned>(row: &AnyRow, column: &str) -> Result<T, StoreError> {
    let text: String = row.try_get(column)?;
    serde_json::from_str(&text).map_err(|e| corrupt_json(row, column, &e))
}

fn optional_json<T: DeserializeOwned>(row: &AnyRow, column: &str) -> Result<Option<T>, StoreError> {
    let text: Option<String> = row.try_get(column)?;
    text.map(|t| serde_json::from_str(&t).map_err(|e| corrupt_json(row, column, &e)))
        .transpose()
}

fn corrupt_json(row: &AnyRow, column: &str, error: &serde_json::Error) -> StoreError {
    let id: i64 = row.try_get("id").unwrap_or(-1);
    StoreError::Corrupt(format!(
        "article {id}: column {column} is not valid JSON: {error}"
    ))
}

fn to_json(value: &impl serde::Serialize) -> Result<String, StoreError> {
    serde_json::to_string(value)
        .map_err(|e| StoreError::Corrupt(format!("cannot encode JSON: {e}")))
}

/// How long one reader's view of one article counts before another visit counts again.
pub const VIEW_WINDOW: jiff::SignedDuration = jiff::SignedDuration::from_hours(24);

/// Counts `reader_id`'s view of the article `slug` at `now`, unless that reader
/// was counted within [`VIEW_WINDOW`]. `None` when there is no such article.
pub async fn count_view(
    store: &Store,
    slug: &str,
    reader_id: &str,
    now: Timestamp,
) -> Result<Option<vestnik_api::ViewCount>, StoreError> {
    let now_ms = now.as_millisecond();
    let window_start = now_ms - VIEW_WINDOW.as_millis() as i64;
    let mut tx = store.begin().await?;
    // The write comes first so the transaction holds SQLite's write lock from
    // its start: two readers' views at once cannot deadlock on a lock upgrade.
    let recorded = sqlx::query(
        "INSERT INTO article_views (article_id, reader_id, counted_at) \
         SELECT id, $2, $3 FROM articles WHERE slug = $1 \
         ON CONFLICT (article_id, reader_id) DO UPDATE SET counted_at = excluded.counted_at \
         WHERE article_views.counted_at <= $4",
    )
    .bind(slug)
    .bind(reader_id)
    .bind(now_ms)
    .bind(window_start)
    .execute(&mut *tx)
    .await?;
    let counted = recorded.rows_affected() == 1;
    if counted {
        sqlx::query("UPDATE articles SET views = views + 1 WHERE slug = $1")
            .bind(slug)
            .execute(&mut *tx)
            .await?;
    }
    let views: Option<i64> = sqlx::query_scalar("SELECT views FROM articles WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(views.map(|views| vestnik_api::ViewCount {
        views: u64::try_from(views).unwrap_or(0),
        counted,
    }))
}
