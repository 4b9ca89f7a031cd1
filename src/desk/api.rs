//! The moderation API as the desk calls it: every request carries the
//! moderator's token as a bearer token; answers decode as the reader app's
//! do (`crate::api`), errors become [`DeskError`]s.

use super::error::DeskError;
use super::state::Action;
use crate::api::{api_base, decode_answer};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::{DeserializeOwned, IgnoredAny};
use vestnik_api::moderation::{
    ArticleModeration, Ban, BanList, ModerationSettings, Queue, QueuePage, StreamTicket, WordEntry,
    WordLists,
};
use vestnik_api::paths::encode_component;
use vestnik_api::{ModerationLog, ModerationLogEntry};

/// The desk stream's address for `ticket`.
pub fn stream_url(ticket: &str) -> String {
    format!(
        "{}/moderation/stream?ticket={}",
        api_base(),
        encode_component(ticket)
    )
}

fn with_token(request: RequestBuilder, token: &str) -> RequestBuilder {
    request
        .header("Accept", "application/json")
        .header("Authorization", &format!("Bearer {token}"))
}

fn url(path: &str) -> String {
    format!("{}{path}", api_base())
}

async fn answer(request: Result<Request, gloo_net::Error>) -> Result<Response, DeskError> {
    request
        .map_err(|_| DeskError::Network)?
        .send()
        .await
        .map_err(|_| DeskError::Network)
}

async fn read<T: DeserializeOwned>(response: Response) -> Result<T, DeskError> {
    let status = response.status();
    let retry_after = response.headers().get("Retry-After");
    let body = response.text().await.map_err(|_| DeskError::Network)?;
    decode_answer(status, retry_after.as_deref(), &body).map_err(DeskError::from)
}

/// A 204 (or any 2xx) is done; its body, if any, says nothing.
async fn done(response: Response) -> Result<(), DeskError> {
    if response.ok() {
        return Ok(());
    }
    read::<IgnoredAny>(response).await.map(|_| ())
}

async fn get<T: DeserializeOwned>(path: &str, token: &str) -> Result<T, DeskError> {
    read(answer(with_token(Request::get(&url(path)), token).build()).await?).await
}

async fn send<B: Serialize>(
    request: RequestBuilder,
    token: &str,
    body: Option<&B>,
) -> Result<Response, DeskError> {
    let request = with_token(request, token);
    let request = match body {
        Some(body) => request.json(body),
        None => request.build(),
    };
    answer(request).await
}

/// `GET /moderation/settings`: checks the token and names its moderator.
pub async fn settings(token: &str) -> Result<ModerationSettings, DeskError> {
    get("/moderation/settings", token).await
}

/// `GET /moderation/queue`.
pub async fn queue(
    token: &str,
    queue: Queue,
    before: Option<&str>,
) -> Result<QueuePage, DeskError> {
    let before = before
        .map(|cursor| format!("&before={}", encode_component(cursor)))
        .unwrap_or_default();
    get(
        &format!("/moderation/queue?queue={}{before}", queue.as_str()),
        token,
    )
    .await
}

/// `GET /moderation/log`.
pub async fn log(token: &str, before: Option<i64>) -> Result<Vec<ModerationLogEntry>, DeskError> {
    let before = before.map(|id| format!("?before={id}")).unwrap_or_default();
    let log: ModerationLog = get(&format!("/moderation/log{before}"), token).await?;
    Ok(log.items)
}

/// `POST /moderation/stream-ticket`.
pub async fn ticket(token: &str) -> Result<StreamTicket, DeskError> {
    let response = send::<()>(
        Request::post(&url("/moderation/stream-ticket")),
        token,
        None,
    )
    .await?;
    read(response).await
}

/// Does `action` to the comment `id`; a ban answers with itself.
pub async fn act(token: &str, id: i64, action: &Action) -> Result<Option<Ban>, DeskError> {
    let path = |verb: &str| url(&format!("/moderation/comments/{id}/{verb}"));
    match action {
        Action::Approve => done(send::<()>(Request::post(&path("approve")), token, None).await?)
            .await
            .map(|()| None),
        Action::Remove => done(send::<()>(Request::post(&path("remove")), token, None).await?)
            .await
            .map(|()| None),
        Action::Reject(request) => {
            done(send(Request::post(&path("reject")), token, Some(request)).await?)
                .await
                .map(|()| None)
        }
        Action::Feature(featured) => {
            let body = vestnik_api::moderation::FeatureRequest {
                featured: *featured,
            };
            done(send(Request::post(&path("feature")), token, Some(&body)).await?)
                .await
                .map(|()| None)
        }
        Action::Ban(ban) => {
            let response = send(Request::post(&url("/moderation/bans")), token, Some(ban)).await?;
            read(response).await.map(Some)
        }
    }
}

/// `GET /moderation/words`.
pub async fn words(token: &str) -> Result<Vec<WordEntry>, DeskError> {
    let lists: WordLists = get("/moderation/words", token).await?;
    Ok(lists.items)
}

/// `POST /moderation/words`.
pub async fn add_word(token: &str, entry: &WordEntry) -> Result<WordEntry, DeskError> {
    read(send(Request::post(&url("/moderation/words")), token, Some(entry)).await?).await
}

/// `DELETE /moderation/words/{kind}/{word}`.
pub async fn remove_word(token: &str, entry: &WordEntry) -> Result<(), DeskError> {
    let path = format!(
        "/moderation/words/{}/{}",
        entry.kind.as_str(),
        encode_component(&entry.word)
    );
    done(send::<()>(Request::delete(&url(&path)), token, None).await?).await
}

/// `GET /moderation/bans`.
pub async fn bans(token: &str) -> Result<Vec<Ban>, DeskError> {
    let list: BanList = get("/moderation/bans", token).await?;
    Ok(list.items)
}

/// `DELETE /moderation/bans/{id}`.
pub async fn lift_ban(token: &str, id: i64) -> Result<(), DeskError> {
    let path = url(&format!("/moderation/bans/{id}"));
    done(send::<()>(Request::delete(&path), token, None).await?).await
}

/// `GET /moderation/articles/{slug}`.
pub async fn article(token: &str, slug: &str) -> Result<ArticleModeration, DeskError> {
    get(
        &format!("/moderation/articles/{}", encode_component(slug)),
        token,
    )
    .await
}

/// `PUT /moderation/articles/{slug}`.
pub async fn save_article(
    token: &str,
    settings: &ArticleModeration,
) -> Result<ArticleModeration, DeskError> {
    let path = url(&format!(
        "/moderation/articles/{}",
        encode_component(&settings.slug)
    ));
    read(send(Request::put(&path), token, Some(settings)).await?).await
}
