//! Moderators' actions besides deciding on comments (that is
//! `comments::moderate`): bans, word lists and an article's settings. Each
//! is logged with who did it, in the transaction that did it, and told to
//! the open desks.

use super::bans::{self, BanRequest};
use super::settings::{self, ArticleOverrides};
use super::store::{self, Subject};
use super::{Action, Moderator};
use crate::AppState;
use crate::comments::EventBatch;
use crate::comments::store as comment_store;
use crate::error::ServerError;
use jiff::Timestamp;
use vestnik_api::moderation::{
    ArticleModeration, BAN_MAX_HOURS, Ban, BanScope, NOTE_MAX_CHARS, NewBan, WORD_MAX_CHARS,
    WordEntry, WordKind,
};

/// Bans the author of the comment in `ban`, by reader key or by network.
pub async fn ban_author(
    state: &AppState,
    ban: &NewBan,
    by: &Moderator,
    now: Timestamp,
) -> Result<Ban, ServerError> {
    let note = checked_note(ban.note.as_deref(), "note")?;
    if ban.hours.is_some_and(|h| h == 0 || h > BAN_MAX_HOURS) {
        return Err(ServerError::invalid_field(
            "hours",
            format!(
                "a timed ban lasts 1 to {BAN_MAX_HOURS} hours; leave it out for a ban for good"
            ),
        ));
    }
    let now_ms = now.as_millisecond();
    let mut tx = state.store.write().await?;
    let comment = comment_store::by_id(&mut tx, ban.comment_id)
        .await?
        .ok_or_else(|| ServerError::invalid_field("comment_id", "no such comment"))?;
    let target = match ban.scope {
        BanScope::Reader => comment.reader_id.clone().ok_or_else(|| {
            ServerError::invalid_field(
                "scope",
                "this comment came without a reader key: ban its network instead",
            )
        })?,
        BanScope::Network => comment_store::ip_prefix_of(&mut tx, ban.comment_id)
            .await?
            .ok_or_else(|| {
                ServerError::invalid_field(
                    "scope",
                    "the server does not know this comment's network",
                )
            })?,
        BanScope::Unknown => {
            return Err(ServerError::invalid_field(
                "scope",
                "expected reader or network",
            ));
        }
    };
    let until_ms = ban
        .hours
        .map(|hours| now_ms.saturating_add(i64::from(hours) * 3_600_000));
    let id = bans::add(
        &mut tx,
        &BanRequest {
            scope: ban.scope,
            target: &target,
            shadow: ban.shadow,
            until_ms,
            note: note.as_deref(),
            author: Some(&comment.comment.author),
        },
        by,
        now_ms,
    )
    .await?;
    let detail = format!(
        "{}{} {}{}",
        if ban.shadow { "shadow " } else { "" },
        ban.scope.as_str(),
        match ban.scope {
            BanScope::Reader => bans::short_reader(&target),
            _ => target.clone(),
        },
        ban.hours
            .map(|h| format!(" for {h} h"))
            .unwrap_or_else(|| " for good".to_owned()),
    );
    commit_logged(
        state,
        tx,
        by,
        Action::Ban,
        Subject {
            comment_id: Some(ban.comment_id),
            article_id: Some(comment.article_id),
            detail: Some(&detail),
        },
        now_ms,
    )
    .await?;
    let listed = bans::list(&state.store, now_ms).await?;
    listed
        .into_iter()
        .find(|b| b.id == id)
        .ok_or_else(|| ServerError::Corrupt(format!("ban {id} vanished")))
}

/// Lifts the ban `id`; 404 when no such ban is in force.
pub async fn lift_ban(
    state: &AppState,
    id: i64,
    by: &Moderator,
    now: Timestamp,
) -> Result<(), ServerError> {
    let now_ms = now.as_millisecond();
    let mut tx = state.store.write().await?;
    let (scope, target) = bans::lift(&mut tx, id, now_ms)
        .await?
        .ok_or_else(|| ServerError::NotFound(format!("no ban {id} in force")))?;
    let shown = if scope == BanScope::Reader.as_str() {
        bans::short_reader(&target)
    } else {
        target
    };
    let detail = format!("{scope} {shown}");
    commit_logged(
        state,
        tx,
        by,
        Action::Unban,
        Subject {
            detail: Some(&detail),
            ..Subject::default()
        },
        now_ms,
    )
    .await?;
    Ok(())
}

/// Puts `entry.word` on its list.
pub async fn add_word(
    state: &AppState,
    entry: &WordEntry,
    by: &Moderator,
    now: Timestamp,
) -> Result<WordEntry, ServerError> {
    let word = entry.word.trim();
    if word.is_empty()
        || word.chars().count() > WORD_MAX_CHARS
        || word.chars().any(char::is_control)
    {
        return Err(ServerError::invalid_field(
            "word",
            format!("a word list entry has 1 to {WORD_MAX_CHARS} visible characters"),
        ));
    }
    if entry.kind == WordKind::Unknown {
        return Err(ServerError::invalid_field(
            "kind",
            "expected banned or suspect",
        ));
    }
    let now_ms = now.as_millisecond();
    let mut tx = state.store.write().await?;
    if store::add_word(&mut tx, word, entry.kind, now_ms)
        .await?
        .is_none()
    {
        return Err(ServerError::invalid_field(
            "word",
            "nothing of this entry is a letter or a digit, so it could never match",
        ));
    }
    let detail = format!("{} {word}", entry.kind.as_str());
    commit_logged(
        state,
        tx,
        by,
        Action::WordAdd,
        Subject {
            detail: Some(&detail),
            ..Subject::default()
        },
        now_ms,
    )
    .await?;
    Ok(WordEntry {
        word: word.to_owned(),
        kind: entry.kind,
    })
}

/// Takes `word` off the `kind` list; 404 when it was not on it.
pub async fn remove_word(
    state: &AppState,
    word: &str,
    kind: WordKind,
    by: &Moderator,
    now: Timestamp,
) -> Result<(), ServerError> {
    let now_ms = now.as_millisecond();
    let mut tx = state.store.write().await?;
    if !store::remove_word(&mut tx, word, kind).await? {
        return Err(ServerError::NotFound(format!(
            "{word:?} is not on the {} list",
            kind.as_str()
        )));
    }
    let detail = format!("{} {}", kind.as_str(), word.trim());
    commit_logged(
        state,
        tx,
        by,
        Action::WordRemove,
        Subject {
            detail: Some(&detail),
            ..Subject::default()
        },
        now_ms,
    )
    .await?;
    Ok(())
}

/// Both word lists.
pub async fn word_lists(state: &AppState) -> Result<Vec<WordEntry>, ServerError> {
    let mut connection = state.store.acquire().await?;
    store::word_lists(&mut connection).await
}

/// The article `slug`'s own settings and what its readers get.
pub async fn article(state: &AppState, slug: &str) -> Result<ArticleModeration, ServerError> {
    let mut tx = state.store.begin().await?;
    let article_id = comment_store::article_id(&mut tx, slug).await?;
    let own = settings::overrides(&mut tx, article_id).await?;
    let effective =
        settings::for_article(&mut tx, &state.moderation, article_id, Timestamp::now()).await?;
    let title = comment_store::article_title(&mut tx, article_id).await?;
    tx.commit().await?;
    Ok(ArticleModeration {
        slug: slug.to_owned(),
        title,
        mode: own.mode,
        closed: own.closed,
        effective,
    })
}

/// Sets the article `slug`'s own mode and closing (`None`: as the site says),
/// and tells its open streams.
pub async fn set_article(
    state: &AppState,
    slug: &str,
    wanted: &ArticleModeration,
    by: &Moderator,
    now: Timestamp,
) -> Result<ArticleModeration, ServerError> {
    if wanted.mode == Some(vestnik_api::ModerationMode::Unknown) {
        return Err(ServerError::invalid_field(
            "mode",
            "expected post, pre, new or links",
        ));
    }
    let now_ms = now.as_millisecond();
    let order = state.comments.write_lock().await;
    let mut tx = state.store.write().await?;
    let article_id = comment_store::article_id(&mut tx, slug).await?;
    let own = ArticleOverrides {
        mode: wanted.mode,
        closed: wanted.closed,
    };
    settings::set_overrides(&mut tx, article_id, own).await?;
    let effective = settings::for_article(&mut tx, &state.moderation, article_id, now).await?;
    let detail = format!(
        "mode {}, {}",
        own.mode.map_or("as the site", |m| m.as_str()),
        match own.closed {
            Some(true) => "closed",
            Some(false) => "open",
            None => "closing as the site",
        }
    );
    let entry = store::record(
        &mut tx,
        by,
        Action::ArticleSettings,
        Subject {
            article_id: Some(article_id),
            detail: Some(&detail),
            ..Subject::default()
        },
        now_ms,
    )
    .await?;
    let total = comment_store::total(&mut tx, article_id).await?;
    tx.commit().await?;
    state.comments.publish_committed(EventBatch {
        article_id,
        events: Vec::new(),
        total,
        settings: Some(effective),
    });
    drop(order);
    state.desk.logged(&state.store, entry).await;
    article(state, slug).await
}

/// Records that `by` did `action` to `subject` in the transaction that did
/// it, commits, and tells the open desks.
async fn commit_logged(
    state: &AppState,
    mut tx: sqlx::Transaction<'_, sqlx::Any>,
    by: &Moderator,
    action: Action,
    subject: Subject<'_>,
    now_ms: i64,
) -> Result<(), ServerError> {
    let entry = store::record(&mut tx, by, action, subject, now_ms).await?;
    tx.commit().await?;
    state.desk.logged(&state.store, entry).await;
    Ok(())
}

/// A note as given, trimmed, within [`NOTE_MAX_CHARS`]; `None` for none or blank.
pub fn checked_note(note: Option<&str>, field: &str) -> Result<Option<String>, ServerError> {
    let Some(note) = note.map(str::trim).filter(|n| !n.is_empty()) else {
        return Ok(None);
    };
    if note.chars().count() > NOTE_MAX_CHARS {
        return Err(ServerError::invalid_field(
            field,
            format!("a note is at most {NOTE_MAX_CHARS} characters"),
        ));
    }
    Ok(Some(crate::comments::text::clean_text(note)))
}
