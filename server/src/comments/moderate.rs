//! What moderators and readers' reports do to comments: approve, reject,
//! remove, feature, and hold back a comment enough readers reported.
//!
//! Every change goes through [`change`], which writes the events the change
//! means for whoever saw the comment before and sees it after: a comment
//! that leaves the public thread sends everyone a `comment_removed`; one
//! that enters it, a `comment`; its author also hears of what only they see
//! (their comment held again, rejected with its reason).

use super::store::{self, Audience, Stored};
use super::{CommentEvent, EventBatch, EventData};
use crate::AppState;
use crate::alerts::{Notice, NoticeKind};
use crate::error::ServerError;
use crate::moderation::store::{self as desk_store, Subject};
use crate::moderation::{Action, Moderator};
use jiff::Timestamp;
use sqlx::AnyConnection;
use vestnik_api::moderation::ArticleRef;
use vestnik_api::moderation::HeldFor;
use vestnik_api::{CommentRemoved, CommentStatus, Reason, Rejection, ReportAccepted};

/// What a moderator decides about a comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Publish it (again), with its reports cleared.
    Approve,
    /// Refuse it, telling its author why; its replies go too.
    Reject(Rejection),
    /// Take it and its replies down.
    Remove,
    /// Pick it for the newsroom's choice, or unpick it.
    Feature(bool),
}

impl Decision {
    fn action(&self) -> Action {
        match self {
            Self::Approve => Action::Approve,
            Self::Reject(_) => Action::Reject,
            Self::Remove => Action::Remove,
            Self::Feature(true) => Action::Feature,
            Self::Feature(false) => Action::Unfeature,
        }
    }

    fn detail(&self) -> Option<String> {
        match self {
            Self::Reject(rejection) => Some(match &rejection.note {
                Some(note) => format!("{}: {note}", rejection.reason.as_str()),
                None => rejection.reason.as_str().to_owned(),
            }),
            _ => None,
        }
    }
}

/// Carries out `decision` on comment `id` for `by`, logs it, and tells the
/// streams and the desk. 404 when there is no such comment (or, to remove,
/// none still up); 422 to feature a comment that is not published.
pub async fn decide(
    state: &AppState,
    id: i64,
    decision: &Decision,
    by: &Moderator,
    now: Timestamp,
) -> Result<(), ServerError> {
    let now_ms = now.as_millisecond();
    let order = state.comments.write_lock().await;
    let mut tx = state.store.write().await?;
    let before = store::by_id(&mut tx, id)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("no comment {id}")))?;
    let article_id = before.article_id;
    let mut events = Vec::new();
    match decision {
        Decision::Approve => {
            sqlx::query(
                "UPDATE comments SET status = 'published', shadow = FALSE, open_reports = 0, \
                 held_for = NULL, held_detail = NULL, reject_reason = NULL, reject_note = NULL, \
                 removed_at = NULL WHERE id = $1",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
            events.extend(changed(&mut tx, &before, now_ms).await?);
        }
        Decision::Reject(rejection) => {
            sqlx::query(
                "UPDATE comments SET status = 'rejected', open_reports = 0, removed_at = $2, \
                 reject_reason = $3, reject_note = $4 WHERE id = $1",
            )
            .bind(id)
            .bind(now_ms)
            .bind(rejection.reason.as_str())
            .bind(&rejection.note)
            .execute(&mut *tx)
            .await?;
            events.extend(changed(&mut tx, &before, now_ms).await?);
            events.extend(remove_replies(&mut tx, id, now_ms).await?);
        }
        Decision::Remove => {
            if before.comment.status == CommentStatus::Removed {
                return Err(ServerError::NotFound(format!("no comment {id} to remove")));
            }
            sqlx::query("UPDATE comments SET status = 'removed', open_reports = 0, removed_at = $2 WHERE id = $1")
                .bind(id)
                .bind(now_ms)
                .execute(&mut *tx)
                .await?;
            events.extend(changed(&mut tx, &before, now_ms).await?);
            events.extend(remove_replies(&mut tx, id, now_ms).await?);
        }
        Decision::Feature(featured) => {
            if before.comment.status != CommentStatus::Published {
                return Err(ServerError::invalid_field(
                    "featured",
                    "only a published comment can be featured",
                ));
            }
            sqlx::query("UPDATE comments SET featured = $2 WHERE id = $1")
                .bind(id)
                .bind(featured)
                .execute(&mut *tx)
                .await?;
            events.extend(changed(&mut tx, &before, now_ms).await?);
        }
    }
    let detail = decision.detail();
    let entry = desk_store::record(
        &mut tx,
        by,
        decision.action(),
        Subject {
            comment_id: Some(id),
            article_id: Some(article_id),
            detail: detail.as_deref(),
        },
        now_ms,
    )
    .await?;
    let total = store::total(&mut tx, article_id).await?;
    tx.commit().await?;
    publish(state, article_id, events, total);
    drop(order);
    state.desk.comment_changed(&state.store, id).await;
    state.desk.logged(&state.store, entry).await;
    Ok(())
}

/// Records a reader's report of comment `id`; when it brings the comment's
/// open reports to the site's threshold, a published comment goes back to
/// the queue (hidden from everyone but its author). Reports only what the
/// reader can see (404 otherwise); one report per reader per comment.
pub async fn report(
    state: &AppState,
    id: i64,
    reader: &str,
    reason: Reason,
    now: Timestamp,
) -> Result<ReportAccepted, ServerError> {
    let now_ms = now.as_millisecond();
    let order = state.comments.write_lock().await;
    let mut tx = state.store.write().await?;
    let before = store::by_id(&mut tx, id).await?;
    let Some(before) = before.filter(Stored::is_public) else {
        return Err(ServerError::NotFound(format!("no comment {id} to report")));
    };
    if before.reader_id.as_deref() == Some(reader) {
        return Err(ServerError::invalid_field(
            "reader_key",
            "a reader cannot report their own comment",
        ));
    }
    let inserted = sqlx::query(
        "INSERT INTO comment_reports (comment_id, reader_id, reason, created_at) \
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(reader)
    .bind(reason.as_str())
    .bind(now_ms)
    .execute(&mut *tx)
    .await?;
    if inserted.rows_affected() == 0 {
        return Ok(ReportAccepted { new: false });
    }
    let open: i64 = sqlx::query_scalar(
        "UPDATE comments SET open_reports = open_reports + 1 WHERE id = $1 RETURNING open_reports",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let mut events = Vec::new();
    let held = before.is_public() && open >= i64::from(state.moderation.report_threshold);
    if held {
        sqlx::query(
            "UPDATE comments SET status = 'pending', held_for = $2, held_detail = NULL WHERE id = $1",
        )
        .bind(id)
        .bind(HeldFor::Reports.as_str())
        .execute(&mut *tx)
        .await?;
        events.extend(changed(&mut tx, &before, now_ms).await?);
    }
    let article_id = before.article_id;
    let total = store::total(&mut tx, article_id).await?;
    let article = ArticleRef {
        slug: sqlx::query_scalar("SELECT slug FROM articles WHERE id = $1")
            .bind(article_id)
            .fetch_one(&mut *tx)
            .await?,
        title: store::article_title(&mut tx, article_id).await?,
    };
    tx.commit().await?;
    publish(state, article_id, events, total);
    drop(order);
    state.desk.comment_changed(&state.store, id).await;
    let held_for = held.then_some(HeldFor::Reports);
    state.alerts.notify(Notice::about(
        NoticeKind::Reported,
        &before.comment,
        article,
        held_for,
    ));
    Ok(ReportAccepted { new: true })
}

/// The events of the change the caller just wrote to the comment `before`
/// (read again to see it after).
async fn changed(
    tx: &mut AnyConnection,
    before: &Stored,
    now_ms: i64,
) -> Result<Vec<CommentEvent>, ServerError> {
    let after = store::by_id(tx, before.comment.id)
        .await?
        .ok_or_else(|| ServerError::Corrupt(format!("comment {} vanished", before.comment.id)))?;
    let author = || Audience::Author(after.reader_id.clone());
    let removed = || {
        EventData::Removed(CommentRemoved {
            id: after.comment.id,
        })
    };
    let as_it_is = || EventData::Comment(after.comment.clone());
    let plan: Vec<(Audience, EventData)> = match (before.is_public(), after.is_public()) {
        (true, true) if before.comment != after.comment => vec![(Audience::Everyone, as_it_is())],
        (true, false) if author_sees(&after) => {
            vec![(Audience::Everyone, removed()), (author(), as_it_is())]
        }
        (true, false) => vec![(Audience::Everyone, removed())],
        (false, true) => vec![(Audience::Everyone, as_it_is())],
        (false, false) if before.comment == after.comment => vec![],
        (false, false) if author_sees(&after) => vec![(author(), as_it_is())],
        (false, false) if author_sees(before) => vec![(author(), removed())],
        _ => vec![],
    };
    let mut events = Vec::new();
    for (audience, data) in plan {
        if let Some(event) = store::log_event(tx, after.article_id, audience, data, now_ms).await? {
            events.push(event);
        }
    }
    Ok(events)
}

/// Whether the author sees the comment in this state (with a reader id).
fn author_sees(stored: &Stored) -> bool {
    stored.reader_id.is_some()
        && matches!(
            stored.comment.status,
            CommentStatus::Published | CommentStatus::Pending | CommentStatus::Rejected
        )
}

/// Removes the replies to `parent` still up, oldest first, with their events.
async fn remove_replies(
    tx: &mut AnyConnection,
    parent: i64,
    now_ms: i64,
) -> Result<Vec<CommentEvent>, ServerError> {
    let replies: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM comments WHERE parent_id = $1 AND status <> 'removed' ORDER BY id",
    )
    .bind(parent)
    .fetch_all(&mut *tx)
    .await?;
    let mut events = Vec::new();
    for reply in replies {
        let Some(before) = store::by_id(tx, reply).await? else {
            continue;
        };
        sqlx::query("UPDATE comments SET status = 'removed', open_reports = 0, removed_at = $2 WHERE id = $1")
            .bind(reply)
            .bind(now_ms)
            .execute(&mut *tx)
            .await?;
        events.extend(changed(tx, &before, now_ms).await?);
    }
    Ok(events)
}

fn publish(state: &AppState, article_id: i64, events: Vec<CommentEvent>, total: u64) {
    if !events.is_empty() {
        state.comments.publish_committed(EventBatch {
            article_id,
            events,
            total,
            settings: None,
        });
    }
}
