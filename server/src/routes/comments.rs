//! Readers' side of comments: `GET` and `POST /api/articles/{slug}/comments`,
//! `POST /api/comments/{id}/reports`, `GET /api/comments/challenge`.

use super::{ApiJson, ApiPath, ApiQuery, ReaderAddr};
use crate::AppState;
use crate::comments::moderate;
use crate::comments::post::{self, Posted};
use crate::comments::store::{self, CommentCursor};
use crate::comments::text;
use crate::error::ServerError;
use crate::spam::proof_of_work;
use crate::spam::secret::Purpose;
use axum::Json;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::Deserialize;
use vestnik_api::{
    Challenge, Comment, CommentPage, NewComment, NewReport, ReportAccepted, is_reader_id,
    is_reader_key,
};

/// Top-level comments per page when the client does not say.
const DEFAULT_LIMIT: i64 = 50;
/// The most top-level comments one page may hold.
const MAX_LIMIT: i64 = 100;

#[derive(Deserialize)]
pub(super) struct PageQuery {
    before: Option<String>,
    limit: Option<i64>,
    reader: Option<String>,
}

/// `?reader=`: the reader id whose own unpublished comments to include.
pub(super) fn reader_param(reader: Option<&str>) -> Result<Option<&str>, ServerError> {
    match reader {
        None | Some("") => Ok(None),
        Some(id) if is_reader_id(id) => Ok(Some(id)),
        Some(_) => Err(ServerError::bad_field(
            "reader",
            "not a reader id (32 lowercase hexadecimal digits)",
        )),
    }
}

pub(super) async fn list(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<impl IntoResponse, ServerError> {
    // An empty `before=` means "from the newest", as for the news list.
    let before = match query.before.as_deref() {
        None | Some("") => None,
        Some(text) => Some(CommentCursor::parse(text).ok_or_else(|| {
            ServerError::bad_field("before", "not a cursor this server produced")
        })?),
    };
    let reader = reader_param(query.reader.as_deref())?;
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let limit = u32::try_from(limit).unwrap_or(1);
    let page: CommentPage = store::page(
        &state.store,
        &state.moderation,
        &slug,
        before,
        limit,
        reader,
    )
    .await?;
    // A page with one reader's own comments in it is theirs alone.
    let cache = match reader {
        Some(_) => "private, no-store",
        None => "no-cache",
    };
    Ok(([(header::CACHE_CONTROL, cache)], Json(page)))
}

pub(super) async fn create(
    State(state): State<AppState>,
    ReaderAddr(ip): ReaderAddr,
    ApiPath(slug): ApiPath<String>,
    ApiJson(input): ApiJson<NewComment>,
) -> Result<(StatusCode, Json<Comment>), ServerError> {
    let comment = text::validate(input)?;
    match post::submit(&state, &slug, &comment, ip, jiff::Timestamp::now()).await? {
        Posted::Created(comment) => Ok((StatusCode::CREATED, Json(comment))),
        // A retry of a post that was stored: same answer, nothing new.
        Posted::Existing(comment) => Ok((StatusCode::OK, Json(comment))),
    }
}

/// `POST /api/comments/{id}/reports`: 201 for a new report, 200 for a repeat.
pub(super) async fn report(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<NewReport>,
) -> Result<(StatusCode, Json<ReportAccepted>), ServerError> {
    if !is_reader_key(&input.reader_key) {
        return Err(ServerError::invalid_field(
            "reader_key",
            "must be 32 lowercase hexadecimal digits",
        ));
    }
    let reader = text::reader_id(&input.reader_key);
    let accepted =
        moderate::report(&state, id, &reader, input.reason, jiff::Timestamp::now()).await?;
    let status = if accepted.new {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(accepted)))
}

#[derive(Deserialize)]
pub(super) struct ChallengeQuery {
    reader: Option<String>,
}

/// `GET /api/comments/challenge?reader=`: a fresh proof-of-work challenge,
/// dearer for a reader (or network) that posted a lot in the last minutes.
pub(super) async fn challenge(
    State(state): State<AppState>,
    ReaderAddr(ip): ReaderAddr,
    ApiQuery(query): ApiQuery<ChallengeQuery>,
) -> Result<impl IntoResponse, ServerError> {
    let reader = reader_param(query.reader.as_deref())?;
    let prefix = ip.map(crate::client_addr::ip_prefix);
    let now = jiff::Timestamp::now();
    let since = now.as_millisecond() - proof_of_work::RECENT_WINDOW_MS;
    let recent = post::posts_since(&state.store, reader, prefix.as_deref(), since).await?;
    let maxnumber = proof_of_work::maxnumber(state.moderation.proof_of_work_base, recent);
    let key = state.secret().await?.key(Purpose::ProofOfWork);
    let mut salt = [0_u8; 12];
    let mut pick = [0_u8; 8];
    getrandom::fill(&mut salt)
        .and_then(|()| getrandom::fill(&mut pick))
        .map_err(|e| ServerError::Config(format!("the system gave no randomness: {e}")))?;
    let challenge: Challenge = proof_of_work::issue(
        &key,
        maxnumber,
        now.as_second(),
        (salt, u64::from_le_bytes(pick)),
    );
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(challenge)))
}
