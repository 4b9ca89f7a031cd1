//! The news list's API call.

use crate::api::{ApiError, get_json};
use vestnik_api::NewsPage;

/// How many items one request asks for.
pub const PAGE_SIZE: u32 = 20;

/// Which news a list shows: all, or one tag's, never the article being read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct NewsQuery {
    /// The article being read, left out of the list.
    pub exclude: Option<String>,
    /// Only news with this tag.
    pub tag: Option<String>,
}

impl NewsQuery {
    /// The list under the article `slug`.
    pub fn other_than(slug: impl Into<String>) -> Self {
        Self {
            exclude: Some(slug.into()),
            tag: None,
        }
    }

    /// The list of the tag `slug`.
    pub fn tagged(slug: impl Into<String>) -> Self {
        Self {
            exclude: None,
            tag: Some(slug.into()),
        }
    }

    /// The request path of the page after the cursor `before` (the first page without one).
    pub fn path(&self, before: Option<&str>, limit: u32) -> String {
        let mut path = format!("/news?limit={limit}");
        let params = [
            ("before", before),
            ("exclude", self.exclude.as_deref()),
            ("tag", self.tag.as_deref()),
        ];
        for (name, value) in params {
            if let Some(value) = value {
                path.push_str(&format!("&{name}={}", js_sys::encode_uri_component(value)));
            }
        }
        path
    }
}

/// Fetches one page of news after the cursor `before`.
pub async fn fetch_news(
    query: &NewsQuery,
    before: Option<&str>,
    limit: u32,
) -> Result<NewsPage, ApiError> {
    get_json(&query.path(before, limit)).await
}
