//! Sending requests and decoding answers.

use super::ApiError;
use super::config::api_base;
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use vestnik_api::ErrorBody;

/// GETs `path` (relative to the API base, e.g. `/articles/x`) and decodes the JSON answer.
pub async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let request = Request::get(&format!("{}{path}", api_base()))
        .header("Accept", "application/json")
        .build()
        .map_err(|_| ApiError::Network)?;
    exchange(request).await
}

/// POSTs `body` as JSON to `path` and decodes the JSON answer.
pub async fn post_json<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    let request: RequestBuilder =
        Request::post(&format!("{}{path}", api_base())).header("Accept", "application/json");
    // Serialising our own types cannot fail; if it ever did, nothing was sent.
    let request = request.json(body).map_err(|_| ApiError::Malformed)?;
    exchange(request).await
}

async fn exchange<T: DeserializeOwned>(request: Request) -> Result<T, ApiError> {
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    read_answer(response).await
}

/// Decodes a response that has arrived (from [`get_json`] or the page's early fetch).
pub async fn read_answer<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    let retry_after = response.headers().get("Retry-After");
    // A connection cut mid-body is a network failure, not bad data.
    let body = response.text().await.map_err(|_| ApiError::Network)?;
    decode_answer(status, retry_after.as_deref(), &body)
}

/// Turns a status, an optional Retry-After header and a body into data or an error.
///
/// Kept apart from the network so every odd answer can be tested as it is.
pub fn decode_answer<T: DeserializeOwned>(
    status: u16,
    retry_after: Option<&str>,
    body: &str,
) -> Result<T, ApiError> {
    if (200..300).contains(&status) {
        return super::json::decode(body).map_err(|_| ApiError::Malformed);
    }
    let detail = super::json::decode::<ErrorBody>(body).ok().map(|e| e.error);
    if let Some(refused) = detail.as_ref().and_then(|d| {
        let reason = d.reason?;
        Some(ApiError::Refused {
            reason,
            detail: d.detail.clone(),
            field: ["author", "text"]
                .into_iter()
                .find(|f| d.fields.contains_key(*f))
                .map(str::to_owned),
            message: Some(d.message.clone()).filter(|m| !m.trim().is_empty()),
        })
    }) {
        return Err(refused);
    }
    let fields = detail
        .as_ref()
        .map(|d| d.fields.clone())
        .unwrap_or_default();
    let message = detail.map(|d| d.message).filter(|m| !m.trim().is_empty());
    Err(match status {
        404 => ApiError::NotFound,
        422 => ApiError::Invalid { fields, message },
        429 => ApiError::RateLimited {
            retry_after: retry_after.and_then(|s| s.trim().parse().ok()),
        },
        _ => ApiError::Server { status, message },
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;
    use vestnik_api::Article;

    proptest! {
        /// Any status, any Retry-After and any body: an article, or an error
        /// the page can show; never a panic.
        #[test]
        fn any_answer_is_data_or_an_error(
            status in prop_oneof![100..600u16, any::<u16>()],
            retry_after in any::<Option<String>>(),
            body in any::<String>(),
        ) {
            let answer = decode_answer::<Article>(status, retry_after.as_deref(), &body);
            if answer.is_ok() {
                prop_assert!((200..300).contains(&status));
            }
        }

        /// A refusal with a reason is told in the reader's words, whatever its status.
        #[test]
        fn a_refusal_keeps_its_reason_and_detail(status in 400..500u16, word in any::<String>()) {
            let body = serde_json::json!({"error": {"code": "invalid", "message": "m",
                "fields": {"text": "m"}, "reason": "banned_word", "detail": word}}).to_string();
            let answer = decode_answer::<Article>(status, None, &body);
            prop_assert_eq!(answer, Err(ApiError::Refused {
                reason: vestnik_api::Refusal::BannedWord,
                detail: Some(word),
                field: Some("text".to_owned()),
                message: Some("m".to_owned()),
            }));
        }

        /// A 429 waits exactly as long as the server said, when it said it in seconds.
        #[test]
        fn the_wait_of_a_429_is_the_servers(seconds in any::<u32>(), body in any::<String>()) {
            let answer = decode_answer::<Article>(429, Some(&format!(" {seconds} ")), &body);
            prop_assert_eq!(answer, Err(ApiError::RateLimited { retry_after: Some(seconds) }));
        }
    }
}
