//! The comments' API calls.

use crate::api::{ApiError, get_json, post_json};
use vestnik_api::{Comment, CommentPage, NewComment, NewReport, Reason};

/// How many top-level comments one page holds.
pub const PAGE_SIZE: u32 = 50;

fn article_path(slug: &str) -> String {
    format!("/articles/{}", js_sys::encode_uri_component(slug))
}

/// `&reader=` for the reader id whose own unpublished comments to include.
fn reader_query(reader: Option<&str>) -> String {
    reader.map(|id| format!("&reader={id}")).unwrap_or_default()
}

/// Fetches the newest page of `slug`'s comments, or the page before the
/// cursor `before`, with `reader`'s own comments that others cannot see.
pub async fn fetch_comments(
    slug: &str,
    before: Option<&str>,
    reader: Option<&str>,
) -> Result<CommentPage, ApiError> {
    let mut path = format!("{}/comments?limit={PAGE_SIZE}", article_path(slug));
    if let Some(before) = before {
        path.push_str(&format!("&before={}", js_sys::encode_uri_component(before)));
    }
    path.push_str(&reader_query(reader));
    get_json(&path).await
}

/// Posts a comment; posting the same `client_id` again answers the stored one.
pub async fn post_comment(slug: &str, post: &NewComment) -> Result<Comment, ApiError> {
    post_json(&format!("{}/comments", article_path(slug)), post).await
}

/// Reports the comment `id` for `reason`, as the reader with `reader_key`.
/// Whether it was this reader's first report of it makes no difference to
/// them, so the answer is not decoded (one decoder less in the Wasm).
pub async fn report_comment(id: i64, reader_key: &str, reason: Reason) -> Result<(), ApiError> {
    let report = NewReport {
        reader_key: reader_key.to_owned(),
        reason,
    };
    post_json::<_, serde::de::IgnoredAny>(&format!("/comments/{id}/reports"), &report)
        .await
        .map(|_| ())
}

/// The address of `slug`'s event stream, resuming after the event `after`,
/// with `reader`'s own events.
pub fn stream_url(slug: &str, after: i64, reader: Option<&str>) -> String {
    format!(
        "{}{}/comments/stream?after={after}{}",
        crate::api::api_base(),
        article_path(slug),
        reader_query(reader)
    )
}
