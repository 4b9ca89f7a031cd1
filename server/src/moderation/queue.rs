//! The desk's queues: comments with their article, their author's reader id
//! and network, why they wait, and what readers reported, newest first.

use super::bans::short_reader;
use crate::comments::store::{comment_columns, comment_from_row};
use crate::error::ServerError;
use crate::store::Store;
use sqlx::Row;
use sqlx::any::AnyRow;
use vestnik_api::moderation::{ArticleRef, HeldFor, Queue, QueueItem, QueuePage, ReportCount};
use vestnik_api::{Comment, Reason};

/// The columns an item is read from.
macro_rules! item_columns {
    () => {
        concat!(
            comment_columns!(),
            ", a.slug, a.title, c.ip_prefix, c.held_for, c.held_detail, c.open_reports, \
             (SELECT COUNT(*) FROM comments o WHERE o.reader_id = c.reader_id AND o.author = c.author \
              AND o.status = 'published' AND NOT o.shadow) AS author_approved \
             FROM comments c JOIN articles a ON a.id = c.article_id"
        )
    };
}

/// SQL for one queue: its page (`$1` before, `$2` article or NULL, `$3`
/// limit) and its size (`$1` article or NULL). What a queue holds is what
/// [`Queue::holds`] says of an item.
macro_rules! queue_sql {
    ($condition:literal) => {
        (
            concat!(
                "SELECT ",
                item_columns!(),
                " WHERE ",
                $condition,
                " AND c.id < $1 AND ($2 IS NULL OR a.slug = $2) ORDER BY c.id DESC LIMIT $3"
            ),
            concat!(
                "SELECT COUNT(*) FROM comments c JOIN articles a ON a.id = c.article_id WHERE ",
                $condition,
                " AND ($1 IS NULL OR a.slug = $1)"
            ),
        )
    };
}

/// Up to `limit` items of `queue` older than the comment `before`, newest
/// first, only of the article `article` when given.
pub async fn page(
    store: &Store,
    queue: Queue,
    before: Option<i64>,
    limit: u32,
    article: Option<&str>,
) -> Result<QueuePage, ServerError> {
    let (page_sql, count_sql) = match queue {
        Queue::Pending => queue_sql!("c.status = 'pending'"),
        Queue::Reported => {
            queue_sql!("c.open_reports > 0 AND c.status IN ('published', 'pending')")
        }
        Queue::Recent => queue_sql!("1 = 1"),
        Queue::Rejected => queue_sql!("c.status IN ('rejected', 'removed')"),
        Queue::Unknown => queue_sql!("1 = 0"),
    };
    let rows = sqlx::query(page_sql)
        .bind(before.unwrap_or(i64::MAX))
        .bind(article)
        .bind(i64::from(limit) + 1)
        .fetch_all(store.db())
        .await?;
    let total: i64 = sqlx::query_scalar(count_sql)
        .bind(article)
        .fetch_one(store.db())
        .await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in rows.iter().take(limit as usize) {
        items.push(item_from_row(store, row).await?);
    }
    let next = (rows.len() > limit as usize)
        .then(|| items.last().map(|item| item.comment.id.to_string()))
        .flatten();
    Ok(QueuePage {
        queue,
        items,
        next,
        total: u64::try_from(total).unwrap_or(0),
    })
}

/// The comment `id` as the desk shows it.
pub async fn item(store: &Store, id: i64) -> Result<Option<QueueItem>, ServerError> {
    let sql = concat!("SELECT ", item_columns!(), " WHERE c.id = $1");
    match sqlx::query(sql).bind(id).fetch_optional(store.db()).await? {
        Some(row) => Ok(Some(item_from_row(store, &row).await?)),
        None => Ok(None),
    }
}

async fn item_from_row(store: &Store, row: &AnyRow) -> Result<QueueItem, ServerError> {
    let comment = comment_from_row(row)?;
    let held_for: Option<String> = row.try_get("held_for")?;
    let reports = reports_of(store, comment.id).await?;
    let parent = match comment.parent_id {
        Some(parent) => parent_of(store, parent).await?,
        None => None,
    };
    let reader: Option<String> = row.try_get("reader_id")?;
    Ok(QueueItem {
        article: ArticleRef {
            slug: row.try_get("slug")?,
            title: row.try_get("title")?,
        },
        reader: reader.as_deref().map(short_reader),
        ip_prefix: row.try_get("ip_prefix")?,
        held_for: held_for
            .as_deref()
            .map(|word| HeldFor::parse(word).unwrap_or(HeldFor::Unknown)),
        held_detail: row.try_get("held_detail")?,
        open_reports: u32::try_from(row.try_get::<i64, _>("open_reports")?).unwrap_or(0),
        reports,
        shadow: crate::store::flag(row, "shadow")?,
        author_approved: u32::try_from(row.try_get::<i64, _>("author_approved")?).unwrap_or(0),
        parent,
        comment,
    })
}

async fn reports_of(store: &Store, id: i64) -> Result<Vec<ReportCount>, ServerError> {
    let rows = sqlx::query(
        "SELECT reason, COUNT(*) AS count FROM comment_reports WHERE comment_id = $1 \
         GROUP BY reason ORDER BY count DESC, reason",
    )
    .bind(id)
    .fetch_all(store.db())
    .await?;
    rows.iter()
        .map(|row| {
            let reason: String = row.try_get("reason")?;
            Ok(ReportCount {
                reason: Reason::parse(&reason).unwrap_or(Reason::Unknown),
                count: u32::try_from(row.try_get::<i64, _>("count")?).unwrap_or(0),
            })
        })
        .collect()
}

async fn parent_of(store: &Store, id: i64) -> Result<Option<Comment>, ServerError> {
    let sql = concat!(
        "SELECT ",
        comment_columns!(),
        " FROM comments c WHERE c.id = $1"
    );
    sqlx::query(sql)
        .bind(id)
        .fetch_optional(store.db())
        .await?
        .map(|row| comment_from_row(&row))
        .transpose()
}
