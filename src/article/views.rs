//! Counting a reader's visit: one view per reader per article, decided by the server.

use crate::api::{ApiError, post_json, random_id};
use vestnik_api::{ViewCount, ViewRequest};

/// Where the browser keeps this reader's random id.
const READER_ID_KEY: &str = "vestnik.reader_id";

/// Tells the server this reader opened the article; answers the new total.
pub async fn count_view(slug: &str) -> Result<ViewCount, ApiError> {
    let encoded = String::from(js_sys::encode_uri_component(slug));
    post_json(
        &format!("/articles/{encoded}/views"),
        &ViewRequest {
            reader_id: reader_id(),
        },
    )
    .await
}

/// This reader's id: kept in localStorage, made on the first visit.
///
/// Where storage is blocked (some private modes) the id lives only as long as
/// the page; the server then sees a new reader per page load, which can only
/// over-count, never break the page.
pub fn reader_id() -> String {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    if let Some(id) = storage
        .as_ref()
        .and_then(|s| s.get_item(READER_ID_KEY).ok().flatten())
        .filter(|id| is_valid_reader_id(id))
    {
        return id;
    }
    let id = random_id();
    if let Some(storage) = storage {
        let _ = storage.set_item(READER_ID_KEY, &id);
    }
    id
}

/// The shape the server accepts: 8 to 64 of `[A-Za-z0-9-]`.
pub fn is_valid_reader_id(id: &str) -> bool {
    (8..=64).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}
