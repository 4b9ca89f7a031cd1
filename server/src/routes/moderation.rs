//! The moderation desk's API, `/api/moderation/*` (and `DELETE
//! /api/comments/{id}`, kept from before the desk): every route needs a
//! moderator's `Authorization: Bearer` token, except the desk's event
//! stream, which takes a ticket bought with one.

use super::{ApiJson, ApiPath, ApiQuery};
use crate::AppState;
use crate::Shutdown;
use crate::comments::moderate::{self, Decision};
use crate::error::ServerError;
use crate::moderation::desk::DeskEvent;
use crate::moderation::ticket::{self, Holder};
use crate::moderation::{self, Moderator, actions, bans, queue};
use crate::spam::secret::Purpose;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast::{self, error::RecvError};
use vestnik_api::moderation::{
    ArticleModeration, Ban, BanList, FeatureRequest, ModerationSettings, NewBan, Queue, QueuePage,
    RejectRequest, StreamTicket, WordEntry, WordKind, WordLists,
};
use vestnik_api::{ModerationLog, Rejection};

/// Items of a queue in one answer unless `limit` says otherwise.
const QUEUE_PAGE: u32 = 50;
/// The most `limit` may ask for.
const QUEUE_PAGE_MAX: u32 = 200;
/// Entries of the moderation log in one answer unless `limit` says otherwise.
const LOG_PAGE: u32 = 50;
/// The most `limit` may ask for.
const LOG_PAGE_MAX: u32 = 500;
/// How often an open desk stream checks that its moderator was not revoked.
const RECHECK: Duration = Duration::from_secs(60);

/// Who is asking, from `Authorization: Bearer <token>`: a moderator's own
/// token, or the server's shared `--moderator-token`.
pub(super) async fn authorize(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Moderator, ServerError> {
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
        && let Some(moderator) = moderation::store::find_by_token(&state.store, candidate).await?
    {
        return Ok(moderator);
    }
    if state.moderator_token.is_none() && !moderation::store::any_active(&state.store).await? {
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

/// `GET /api/moderation/settings`: the site's settings and who is asking.
pub(super) async fn settings(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<ModerationSettings>, ServerError> {
    let moderator = authorize(&state, &headers).await?;
    let site = &state.moderation;
    Ok(Json(ModerationSettings {
        mode: site.mode,
        trusted_after: site.trusted_after,
        report_threshold: site.report_threshold,
        close_after_days: site.close_after_days,
        max_links: site.max_links,
        proof_of_work: site.proof_of_work,
        moderator: moderator.name,
    }))
}

#[derive(Deserialize)]
pub(super) struct QueueQuery {
    queue: Option<String>,
    before: Option<String>,
    limit: Option<u32>,
    article: Option<String>,
}

/// `GET /api/moderation/queue?queue=pending|reported|recent|rejected`.
pub(super) async fn queue(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<QueueQuery>,
) -> Result<Json<QueuePage>, ServerError> {
    authorize(&state, &headers).await?;
    let name = query.queue.as_deref().unwrap_or("pending");
    let queue_name = Queue::parse(name).ok_or_else(|| {
        ServerError::bad_field("queue", "expected pending, reported, recent or rejected")
    })?;
    let before =
        match query.before.as_deref() {
            None | Some("") => None,
            Some(text) => Some(text.parse::<i64>().map_err(|_| {
                ServerError::bad_field("before", "not a cursor this server produced")
            })?),
        };
    let limit = query.limit.unwrap_or(QUEUE_PAGE).clamp(1, QUEUE_PAGE_MAX);
    let article = query.article.as_deref().filter(|a| !a.is_empty());
    Ok(Json(
        queue::page(&state.store, queue_name, before, limit, article).await?,
    ))
}

async fn decide(
    state: &AppState,
    headers: &HeaderMap,
    id: i64,
    decision: Decision,
) -> Result<StatusCode, ServerError> {
    let moderator = authorize(state, headers).await?;
    moderate::decide(state, id, &decision, &moderator, jiff::Timestamp::now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/moderation/comments/{id}/approve`.
pub(super) async fn approve(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ServerError> {
    decide(&state, &headers, id, Decision::Approve).await
}

/// `POST /api/moderation/comments/{id}/reject`.
pub(super) async fn reject(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(request): ApiJson<RejectRequest>,
) -> Result<StatusCode, ServerError> {
    if request.reason == vestnik_api::Reason::Unknown {
        return Err(ServerError::invalid_field(
            "reason",
            "expected spam, insult, off_topic, illegal or other",
        ));
    }
    let note = actions::checked_note(request.note.as_deref(), "note")?;
    let rejection = Rejection {
        reason: request.reason,
        note,
    };
    decide(&state, &headers, id, Decision::Reject(rejection)).await
}

/// `POST /api/moderation/comments/{id}/remove` and `DELETE /api/comments/{id}`.
pub(super) async fn remove(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ServerError> {
    decide(&state, &headers, id, Decision::Remove).await
}

/// `POST /api/moderation/comments/{id}/feature`.
pub(super) async fn feature(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(request): ApiJson<FeatureRequest>,
) -> Result<StatusCode, ServerError> {
    decide(&state, &headers, id, Decision::Feature(request.featured)).await
}

#[derive(Deserialize)]
pub(super) struct LogQuery {
    limit: Option<u32>,
    before: Option<i64>,
}

/// `GET /api/moderation/log`: the newest moderation actions, for moderators.
pub(super) async fn log(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<LogQuery>,
) -> Result<Json<ModerationLog>, ServerError> {
    authorize(&state, &headers).await?;
    let limit = query.limit.unwrap_or(LOG_PAGE).clamp(1, LOG_PAGE_MAX);
    let items = moderation::store::recent(&state.store, limit, query.before).await?;
    Ok(Json(ModerationLog { items }))
}

/// `GET /api/moderation/bans`.
pub(super) async fn list_bans(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<BanList>, ServerError> {
    authorize(&state, &headers).await?;
    let now = jiff::Timestamp::now().as_millisecond();
    Ok(Json(BanList {
        items: bans::list(&state.store, now).await?,
    }))
}

/// `POST /api/moderation/bans`: 201 with the ban.
pub(super) async fn add_ban(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<NewBan>,
) -> Result<(StatusCode, Json<Ban>), ServerError> {
    let moderator = authorize(&state, &headers).await?;
    let ban = actions::ban_author(&state, &request, &moderator, jiff::Timestamp::now()).await?;
    Ok((StatusCode::CREATED, Json(ban)))
}

/// `DELETE /api/moderation/bans/{id}`.
pub(super) async fn lift_ban(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ServerError> {
    let moderator = authorize(&state, &headers).await?;
    actions::lift_ban(&state, id, &moderator, jiff::Timestamp::now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/moderation/words`.
pub(super) async fn words(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<WordLists>, ServerError> {
    authorize(&state, &headers).await?;
    Ok(Json(WordLists {
        items: actions::word_lists(&state).await?,
    }))
}

/// `POST /api/moderation/words`: 201 with the entry.
pub(super) async fn add_word(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(entry): ApiJson<WordEntry>,
) -> Result<(StatusCode, Json<WordEntry>), ServerError> {
    let moderator = authorize(&state, &headers).await?;
    let added = actions::add_word(&state, &entry, &moderator, jiff::Timestamp::now()).await?;
    Ok((StatusCode::CREATED, Json(added)))
}

/// `DELETE /api/moderation/words/{kind}/{word}`.
pub(super) async fn remove_word(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath((kind, word)): ApiPath<(String, String)>,
) -> Result<StatusCode, ServerError> {
    let moderator = authorize(&state, &headers).await?;
    let kind = WordKind::parse(&kind)
        .ok_or_else(|| ServerError::bad_field("kind", "expected banned or suspect"))?;
    actions::remove_word(&state, &word, kind, &moderator, jiff::Timestamp::now()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/moderation/articles/{slug}`.
pub(super) async fn article(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<ArticleModeration>, ServerError> {
    authorize(&state, &headers).await?;
    Ok(Json(actions::article(&state, &slug).await?))
}

/// `PUT /api/moderation/articles/{slug}`: `mode` and `closed`, each absent
/// (or null) for the site's.
pub(super) async fn set_article(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiPath(slug): ApiPath<String>,
    ApiJson(wanted): ApiJson<ArticleModeration>,
) -> Result<Json<ArticleModeration>, ServerError> {
    let moderator = authorize(&state, &headers).await?;
    let now = jiff::Timestamp::now();
    Ok(Json(
        actions::set_article(&state, &slug, &wanted, &moderator, now).await?,
    ))
}

/// `POST /api/moderation/stream-ticket`.
pub(super) async fn stream_ticket(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<StreamTicket>, ServerError> {
    let moderator = authorize(&state, &headers).await?;
    let key = state.secret().await?.key(Purpose::DeskTicket);
    let holder = Holder {
        moderator_id: moderator.id.unwrap_or(0),
    };
    let (ticket, expires) = ticket::issue(&key, holder, jiff::Timestamp::now().as_second());
    Ok(Json(StreamTicket {
        ticket,
        expires_at: crate::store::rfc3339(expires.saturating_mul(1000))?,
    }))
}

#[derive(Deserialize)]
pub(super) struct StreamQuery {
    ticket: Option<String>,
}

/// `GET /api/moderation/stream?ticket=`: `item` and `log` events as they happen.
pub(super) async fn stream(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<StreamQuery>,
) -> Result<Response, ServerError> {
    if state.shutdown.is_draining() {
        return Err(ServerError::Draining);
    }
    let key = state.secret().await?.key(Purpose::DeskTicket);
    let holder = query
        .ticket
        .as_deref()
        .and_then(|t| ticket::check(&key, t, jiff::Timestamp::now().as_second()))
        .ok_or_else(|| {
            ServerError::Unauthorized(
                "the stream ticket is missing, not valid or expired: ask \
                 POST /api/moderation/stream-ticket for a new one"
                    .to_owned(),
            )
        })?;
    if !still_allowed(&state, holder).await? {
        return Err(ServerError::Unauthorized(
            "the moderator of this ticket was revoked".to_owned(),
        ));
    }
    let desk = DeskStream {
        receiver: state.desk.subscribe(),
        shutdown: state.shutdown.clone(),
        state: state.clone(),
        holder,
        recheck: tokio::time::interval_at(tokio::time::Instant::now() + RECHECK, RECHECK),
        greeted: false,
    };
    let events = futures_util::stream::unfold(desk, DeskStream::next);
    let sse = Sse::new(events).keep_alive(KeepAlive::new().interval(state.keep_alive));
    let headers = [(
        HeaderName::from_static("x-accel-buffering"),
        HeaderValue::from_static("no"),
    )];
    Ok((headers, sse).into_response())
}

async fn still_allowed(state: &AppState, holder: Holder) -> Result<bool, ServerError> {
    Ok(match holder.moderator_id {
        0 => state.moderator_token.is_some(),
        id => moderation::store::is_active(&state.store, id).await?,
    })
}

struct DeskStream {
    receiver: broadcast::Receiver<Arc<DeskEvent>>,
    shutdown: Shutdown,
    state: AppState,
    holder: Holder,
    recheck: tokio::time::Interval,
    greeted: bool,
}

impl DeskStream {
    async fn next(mut self) -> Option<(Result<Event, Infallible>, Self)> {
        if !self.greeted {
            self.greeted = true;
            let hello = Event::default()
                .retry(Duration::from_secs(2))
                .comment("desk");
            return Some((Ok(hello), self));
        }
        loop {
            tokio::select! {
                () = self.shutdown.draining() => return None,
                _ = self.recheck.tick() => {
                    // A revoked moderator's desk stops hearing at once, not
                    // when their ticket runs out.
                    if !still_allowed(&self.state, self.holder).await.unwrap_or(false) {
                        return None;
                    }
                }
                received = self.receiver.recv() => match received {
                    Ok(event) => {
                        if let Some(sse) = desk_event(&event) {
                            return Some((Ok(sse), self));
                        }
                    }
                    // A desk that fell behind reloads its queues when its stream
                    // reopens: ending it is the resync.
                    Err(RecvError::Lagged(_)) | Err(RecvError::Closed) => return None,
                },
            }
        }
    }
}

fn desk_event(event: &DeskEvent) -> Option<Event> {
    let (kind, json) = match event {
        DeskEvent::Item(item) => ("item", serde_json::to_string(item)),
        DeskEvent::Log(entry) => ("log", serde_json::to_string(entry)),
    };
    match json {
        Ok(json) => Some(Event::default().event(kind).data(json)),
        Err(error) => {
            tracing::error!(%error, kind, "cannot encode a desk event");
            None
        }
    }
}
