//! Posting a comment: every rule a post passes, in the order that tells a
//! script least and costs an honest reader nothing, then where it goes
//! (published, or held for a moderator) and who hears of it.
//!
//! 1. A retry of a stored post answers that post (idempotency by `client_id`).
//! 2. A closed article takes no new comment.
//! 3. The proof of work is checked and spent (in the write's transaction:
//!    a post refused later keeps its proof for the corrected retry).
//! 4. A ban refuses the post; a shadow ban publishes it for its author only.
//! 5. Too many links, a banned word (in the text or the name), the same
//!    text again from the same reader (on the same article, or a long text
//!    on another within the hour): refused, with the reason.
//! 6. A suspect word, a text other readers posted just now, or the article's
//!    mode may hold it for a moderator ([`crate::moderation::policy`]).

use super::store::{self, Stored};
use super::text::ValidComment;
use super::{EventBatch, EventData};
use crate::AppState;
use crate::alerts::{Notice, NoticeKind};
use crate::client_addr::ip_prefix;
use crate::error::{Refused, ServerError};
use crate::moderation::policy::{self, Facts, Verdict};
use crate::moderation::words::{self, WordList};
use crate::moderation::{bans, settings, store as desk_store};
use crate::spam::proof_of_work::{self, ProofProblem};
use crate::spam::secret::Purpose;
use crate::store::Store;
use jiff::Timestamp;
use sqlx::AnyConnection;
use std::net::IpAddr;
use vestnik_api::links::{Piece, linkify};
use vestnik_api::moderation::ArticleRef;
use vestnik_api::moderation::{HeldFor, WordKind};
use vestnik_api::{Comment, CommentStatus, Refusal};

/// How far back the same text from the same reader or network, on the same
/// article, is a repeat.
const DUPLICATE_WINDOW_MS: i64 = 24 * 60 * 60 * 1000;
/// How far back the same long text from them on another article is a repeat
/// (a script posting one advertisement under every article).
const CROSS_POST_WINDOW_MS: i64 = 60 * 60 * 1000;
/// How far back the same text from others makes a post suspicious.
const REPEATED_WINDOW_MS: i64 = 60 * 60 * 1000;
/// Others' posts of the same text in that window that hold a post.
const REPEATED_BY_OTHERS: i64 = 2;
/// Texts shorter than this ("+1", "Согласен") are often the same by chance,
/// so only longer ones count as repeated across articles or readers.
const REPEATED_MIN_CHARS: usize = 20;

/// What [`submit`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Posted {
    /// The comment was stored now (201), published or waiting.
    Created(Comment),
    /// A comment with this `client_id` was already stored; nothing changed (200).
    Existing(Comment),
}

/// Stores `comment` under the article `slug` if every rule lets it, writes
/// its event for whoever may see it, and tells the streams, the desk and
/// the alerts. `ip` is the poster's address, when known.
pub async fn submit(
    state: &AppState,
    slug: &str,
    comment: &ValidComment,
    ip: Option<IpAddr>,
    now: Timestamp,
) -> Result<Posted, ServerError> {
    let site = &state.moderation;
    let prefix = ip.map(ip_prefix);
    let pow_key = match site.proof_of_work {
        true => Some(state.secret().await?.key(Purpose::ProofOfWork)),
        false => None,
    };
    let now_ms = now.as_millisecond();
    let order = state.comments.write_lock().await;
    // IMMEDIATE takes SQLite's write lock at the start: the checks below and
    // the insert cannot interleave with another process's write.
    let mut tx = state.store.write().await?;
    let article_id = store::article_id(&mut tx, slug).await?;
    if let Some(stored) = store::by_client_id(&mut tx, article_id, &comment.client_id).await? {
        return Ok(Posted::Existing(stored.comment));
    }
    let settings = settings::for_article(&mut tx, site, article_id, now).await?;
    if settings.closed {
        return Err(Refused::new(Refusal::Closed, "this article is closed for comments").into());
    }
    if let Some(key) = pow_key {
        spend_proof(&mut tx, &key, comment, now).await?;
    }
    let ban = bans::in_force(
        &mut tx,
        comment.reader_id.as_deref(),
        prefix.as_deref(),
        now_ms,
    )
    .await?;
    if let Some(ban) = &ban
        && !ban.shadow
    {
        let mut refused = Refused::new(Refusal::Banned, "this reader may not comment here");
        if let Some(until) = ban.until_rfc3339()? {
            refused = refused.detail(until);
        }
        return Err(refused.into());
    }
    if let Some(parent_id) = comment.parent_id {
        store::check_parent(&mut tx, article_id, parent_id).await?;
    }
    let links = linkify(&comment.text)
        .iter()
        .filter(|piece| matches!(piece, Piece::Link(_)))
        .count();
    if links > site.max_links as usize {
        return Err(Refused::new(
            Refusal::TooManyLinks,
            format!("a comment may hold at most {} links", site.max_links),
        )
        .detail(site.max_links.to_string())
        .field("text")
        .into());
    }
    let lists = desk_store::word_lists(&mut tx).await?;
    let banned = WordList::new(
        lists
            .iter()
            .filter(|e| e.kind == WordKind::Banned)
            .map(|e| e.word.as_str()),
    );
    for (field, value) in [("author", &comment.author), ("text", &comment.text)] {
        if let Some(found) = banned.find(value) {
            return Err(Refused::new(
                Refusal::BannedWord,
                format!(
                    "the {field} holds a word this site does not allow: {:?}",
                    found.written
                ),
            )
            .detail(found.written)
            .field(field)
            .into());
        }
    }
    let fingerprint = words::fingerprint(&comment.text);
    let long = comment.text.chars().count() >= REPEATED_MIN_CHARS;
    let poster = (comment.reader_id.as_deref(), prefix.as_deref());
    if posted_again(&mut tx, article_id, &fingerprint, poster, long, now_ms).await? {
        return Err(Refused::new(
            Refusal::Duplicate,
            "the same text was posted from here a short while ago",
        )
        .field("text")
        .into());
    }
    let suspect = WordList::new(
        lists
            .iter()
            .filter(|e| e.kind == WordKind::Suspect)
            .map(|e| e.word.as_str()),
    );
    let suspect_word = [&comment.text, &comment.author]
        .into_iter()
        .find_map(|value| suspect.find(value).map(|found| found.written.to_owned()));
    let repeated_by_others =
        long && repeated_by_others(&mut tx, &fingerprint, poster, now_ms).await?;
    let approved_before = match &comment.reader_id {
        Some(reader) => Some(approved_of(&mut tx, reader, &comment.author).await?),
        None => None,
    };
    let verdict = policy::verdict(&Facts {
        mode: settings.moderation,
        approved_before,
        trusted_after: site.trusted_after,
        links,
        suspect_word,
        repeated_by_others,
    });
    let (status, held_for, held_detail) = match verdict {
        Verdict::Publish => (CommentStatus::Published, None, None),
        Verdict::Hold(why, detail) => (CommentStatus::Pending, Some(why), detail),
    };
    let shadow = ban.is_some();
    // ON CONFLICT: another writer (a second process) may have stored the same
    // client_id since the check above; then its comment is the answer.
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO comments (article_id, parent_id, author, text, client_id, created_at, ip, \
         status, reader_id, ip_prefix, held_for, held_detail, shadow, fingerprint) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) \
         ON CONFLICT (article_id, client_id) DO NOTHING RETURNING id",
    )
    .bind(article_id)
    .bind(comment.parent_id)
    .bind(&comment.author)
    .bind(&comment.text)
    .bind(&comment.client_id)
    .bind(now_ms)
    .bind(ip.map(|ip| ip.to_string()))
    .bind(status.as_str())
    .bind(&comment.reader_id)
    .bind(&prefix)
    .bind(held_for.map(HeldFor::as_str))
    .bind(&held_detail)
    .bind(shadow)
    .bind(&fingerprint)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = id else {
        return match store::by_client_id(&mut tx, article_id, &comment.client_id).await? {
            Some(stored) => Ok(Posted::Existing(stored.comment)),
            None => Err(ServerError::Corrupt(
                "a comment insert conflicted with no stored comment".to_owned(),
            )),
        };
    };
    let stored = Stored {
        comment: Comment {
            client_id: Some(comment.client_id.clone()),
            status,
            ..Comment::published(
                id,
                comment.parent_id,
                comment.author.clone(),
                comment.text.clone(),
                crate::store::rfc3339(now_ms)?,
            )
        },
        article_id,
        reader_id: comment.reader_id.clone(),
        shadow,
    };
    let audience = stored.audience();
    let event = store::log_event(
        &mut tx,
        article_id,
        audience,
        EventData::Comment(stored.comment.clone()),
        now_ms,
    )
    .await?;
    let total = store::total(&mut tx, article_id).await?;
    let title = match status {
        CommentStatus::Pending => Some(store::article_title(&mut tx, article_id).await?),
        _ => None,
    };
    tx.commit().await?;
    if let Some(event) = event {
        state.comments.publish_committed(EventBatch {
            article_id,
            events: vec![event],
            total,
            settings: None,
        });
    }
    drop(order);
    state.desk.comment_changed(&state.store, id).await;
    if let Some(title) = title {
        state.alerts.notify(Notice::about(
            NoticeKind::Pending,
            &stored.comment,
            ArticleRef {
                slug: slug.to_owned(),
                title,
            },
            held_for,
        ));
    }
    Ok(Posted::Created(stored.comment))
}

/// Checks the post's proof and marks its challenge spent; refuses with the reason.
async fn spend_proof(
    tx: &mut AnyConnection,
    key: &[u8],
    comment: &ValidComment,
    now: Timestamp,
) -> Result<(), ServerError> {
    let refuse = |problem: ProofProblem| -> ServerError {
        Refused::new(
            Refusal::ProofOfWork,
            format!(
                "the proof of work is {}: ask GET /api/comments/challenge for a new challenge, solve it and send again",
                problem.as_str()
            ),
        )
        .detail(problem.as_str())
        .field("proof")
        .into()
    };
    let proof = comment
        .proof
        .as_ref()
        .ok_or_else(|| refuse(ProofProblem::Missing))?;
    let now_seconds = now.as_second();
    let expires = proof_of_work::verify(key, proof, now_seconds).map_err(refuse)?;
    // Spent challenges are kept until they expire; clearing the expired ones
    // here keeps the table at about one window of posts.
    sqlx::query("DELETE FROM spent_challenges WHERE expires_at < $1")
        .bind(now_seconds)
        .execute(&mut *tx)
        .await?;
    let spent = sqlx::query(
        "INSERT INTO spent_challenges (challenge, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    )
    .bind(&proof.challenge)
    .bind(expires)
    .execute(&mut *tx)
    .await?;
    if spent.rows_affected() == 0 {
        return Err(refuse(ProofProblem::Used));
    }
    Ok(())
}

/// Whether the same poster posted this text lately on this article, or (a
/// `long` one) on another. A poster is their reader id, or without one their
/// network: readers behind one office's or carrier's address are not one
/// reader.
async fn posted_again(
    tx: &mut AnyConnection,
    article_id: i64,
    fingerprint: &str,
    (reader, prefix): (Option<&str>, Option<&str>),
    long: bool,
    now_ms: i64,
) -> Result<bool, ServerError> {
    if reader.is_none() && prefix.is_none() {
        return Ok(false);
    }
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM comments WHERE fingerprint = $1 \
         AND (($2 IS NOT NULL AND reader_id = $2) OR ($2 IS NULL AND ip_prefix = $3)) \
         AND ((article_id = $4 AND created_at > $5) OR ($6 AND created_at > $7)) LIMIT 1",
    )
    .bind(fingerprint)
    .bind(reader)
    .bind(prefix)
    .bind(article_id)
    .bind(now_ms - DUPLICATE_WINDOW_MS)
    .bind(long)
    .bind(now_ms - CROSS_POST_WINDOW_MS)
    .fetch_optional(tx)
    .await?;
    Ok(found.is_some())
}

/// Whether other posters (by reader id, or by network without one) posted
/// this text lately: a bot changing its key on one address counts as many.
async fn repeated_by_others(
    tx: &mut AnyConnection,
    fingerprint: &str,
    (reader, prefix): (Option<&str>, Option<&str>),
    now_ms: i64,
) -> Result<bool, ServerError> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM comments WHERE fingerprint = $1 AND created_at > $2 \
         AND CASE WHEN $3 IS NOT NULL THEN reader_id IS DISTINCT FROM $3 \
             ELSE ip_prefix IS DISTINCT FROM $4 END",
    )
    .bind(fingerprint)
    .bind(now_ms - REPEATED_WINDOW_MS)
    .bind(reader)
    .bind(prefix)
    .fetch_one(tx)
    .await?;
    Ok(count >= REPEATED_BY_OTHERS)
}

/// Approved comments of the commenter known by `reader` and `author`.
pub(crate) async fn approved_of(
    tx: &mut AnyConnection,
    reader: &str,
    author: &str,
) -> Result<u32, ServerError> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM comments WHERE reader_id = $1 AND author = $2 \
         AND status = 'published' AND NOT shadow",
    )
    .bind(reader)
    .bind(author)
    .fetch_one(tx)
    .await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// Comments posted since `since_ms` by the reader `reader` or from the network `prefix`.
pub async fn posts_since(
    store: &Store,
    reader: Option<&str>,
    prefix: Option<&str>,
    since_ms: i64,
) -> Result<u64, ServerError> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM comments WHERE created_at > $1 AND (reader_id = $2 OR ip_prefix = $3)",
    )
    .bind(since_ms)
    .bind(reader)
    .bind(prefix)
    .fetch_one(store.db())
    .await?;
    Ok(u64::try_from(count).unwrap_or(0))
}
