//! The comments' API calls.

use crate::api::{ApiError, get_json, post_json};
use vestnik_api::{Comment, CommentPage, NewComment};

/// How many top-level comments one page holds.
pub const PAGE_SIZE: u32 = 50;

fn article_path(slug: &str) -> String {
    format!("/articles/{}", js_sys::encode_uri_component(slug))
}

/// Fetches the newest page of `slug`'s comments, or the page before the cursor `before`.
pub async fn fetch_comments(slug: &str, before: Option<&str>) -> Result<CommentPage, ApiError> {
    let mut path = format!("{}/comments?limit={PAGE_SIZE}", article_path(slug));
    if let Some(before) = before {
        path.push_str(&format!("&before={}", js_sys::encode_uri_component(before)));
    }
    get_json(&path).await
}

/// Posts a comment; posting the same `client_id` again answers the stored one.
pub async fn post_comment(slug: &str, post: &NewComment) -> Result<Comment, ApiError> {
    post_json(&format!("{}/comments", article_path(slug)), post).await
}

/// The address of `slug`'s event stream, resuming after the event `after`.
pub fn stream_url(slug: &str, after: i64) -> String {
    format!(
        "{}{}/comments/stream?after={after}",
        crate::api::api_base(),
        article_path(slug)
    )
}
