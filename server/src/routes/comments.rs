//! `GET` and `POST /api/articles/{slug}/comments`, `DELETE /api/comments/{id}`,
//! `GET /api/moderation/log`.

use super::{ApiJson, ApiPath, ApiQuery, PeerAddr};
use crate::AppState;
use crate::comments::store::{self, CommentCursor, Posted};
use crate::comments::text;
use crate::error::ServerError;
use crate::moderation::{self, Moderator};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use serde::Deserialize;
use vestnik_api::{Comment, CommentPage, ModerationLog, NewComment};

/// Top-level comments per page when the client does not say.
const DEFAULT_LIMIT: i64 = 50;
/// The most top-level comments one page may hold.
const MAX_LIMIT: i64 = 100;

#[derive(Deserialize)]
pub(super) struct PageQuery {
    before: Option<String>,
    limit: Option<i64>,
}

pub(super) async fn list(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<CommentPage>, ServerError> {
    // An empty `before=` means "from the newest", as for the news list.
    let before = match query.before.as_deref() {
        None | Some("") => None,
        Some(text) => Some(CommentCursor::parse(text).ok_or_else(|| {
            ServerError::bad_field("before", "not a cursor this server produced")
        })?),
    };
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let limit = u32::try_from(limit).unwrap_or(1);
    Ok(Json(store::page(&state.pool, &slug, before, limit).await?))
}

pub(super) async fn create(
    State(state): State<AppState>,
    PeerAddr(peer): PeerAddr,
    ApiPath(slug): ApiPath<String>,
    ApiJson(input): ApiJson<NewComment>,
) -> Result<(StatusCode, Json<Comment>), ServerError> {
    let comment = text::validate(input)?;
    let ip = peer.map(|addr| addr.ip().to_string());
    match store::post(
        &state.pool,
        &state.comments,
        &slug,
        &comment,
        ip,
        jiff::Timestamp::now(),
    )
    .await?
    {
        Posted::Created(comment) => Ok((StatusCode::CREATED, Json(comment))),
        // A retry of a post that was stored: same answer, nothing new.
        Posted::Existing(comment) => Ok((StatusCode::OK, Json(comment))),
    }
}

pub(super) async fn remove(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ServerError> {
    let moderator = authorize(&state, &headers).await?;
    store::remove(
        &state.pool,
        &state.comments,
        id,
        &moderator,
        jiff::Timestamp::now(),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/moderation/log`: the newest moderation actions, for moderators.
pub(super) async fn log(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<LogQuery>,
) -> Result<Json<ModerationLog>, ServerError> {
    authorize(&state, &headers).await?;
    let limit = query.limit.unwrap_or(LOG_PAGE).clamp(1, LOG_PAGE_MAX);
    let items = moderation::store::recent(&state.pool, limit).await?;
    Ok(Json(ModerationLog { items }))
}

/// Entries of the moderation log in one answer unless `limit` says otherwise.
const LOG_PAGE: u32 = 50;
/// The most `limit` may ask for.
const LOG_PAGE_MAX: u32 = 500;

#[derive(Deserialize)]
pub(super) struct LogQuery {
    limit: Option<u32>,
}

/// Who is asking, from `Authorization: Bearer <token>`: a moderator's own
/// token, or the server's shared `--moderator-token`.
async fn authorize(state: &AppState, headers: &HeaderMap) -> Result<Moderator, ServerError> {
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| {
            let (scheme, credentials) = value.split_once(' ')?;
            scheme
                .eq_ignore_ascii_case("bearer")
                .then(|| credentials.trim())
        });
    if let (Some(candidate), Some(shared)) = (presented, &state.moderator_token)
        && shared.matches(candidate)
    {
        return Ok(Moderator::shared_token());
    }
    if let Some(candidate) = presented
        && let Some(moderator) = moderation::store::find_by_token(&state.pool, candidate).await?
    {
        return Ok(moderator);
    }
    if state.moderator_token.is_none() && !moderation::store::any_active(&state.pool).await? {
        return Err(ServerError::Unauthorized(
            "moderation is disabled on this server: it has no moderators \
             (vestnik-server moderator add NAME) and no --moderator-token"
                .to_owned(),
        ));
    }
    Err(ServerError::Unauthorized(match presented {
        None => "a moderator token is required: send Authorization: Bearer <token>".to_owned(),
        Some(_) => "the moderator token is not valid (or was revoked)".to_owned(),
    }))
}
