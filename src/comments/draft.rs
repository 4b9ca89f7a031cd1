//! What the reader is typing, kept in localStorage at every keystroke so a
//! reload or a crash loses nothing; the name is kept across articles.

use serde::{Deserialize, Serialize};

const AUTHOR_KEY: &str = "vestnik.comment_author";

/// The composer's content for one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The comment's text as typed.
    pub text: String,
    /// The comment being replied to.
    #[serde(default)]
    pub parent_id: Option<i64>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn draft_key(slug: &str) -> String {
    format!("vestnik.comment_draft.{slug}")
}

/// The kept draft of `slug`'s comment; empty when none or unreadable.
pub fn load_draft(slug: &str) -> Draft {
    storage()
        .and_then(|s| s.get_item(&draft_key(slug)).ok().flatten())
        .and_then(|json| crate::api::json::decode(&json).ok())
        .unwrap_or_default()
}

/// Keeps `draft` for `slug`, or forgets it when it is empty.
pub fn save_draft(slug: &str, draft: &Draft) {
    let Some(storage) = storage() else { return };
    if draft.text.is_empty() && draft.parent_id.is_none() {
        let _ = storage.remove_item(&draft_key(slug));
    } else if let Ok(json) = serde_json::to_string(draft) {
        // A full storage only means the draft is not kept; typing goes on.
        let _ = storage.set_item(&draft_key(slug), &json);
    }
}

/// The name the reader gave last time.
pub fn load_author() -> String {
    storage()
        .and_then(|s| s.get_item(AUTHOR_KEY).ok().flatten())
        .unwrap_or_default()
}

/// Remembers the reader's name for the next comment.
pub fn save_author(author: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(AUTHOR_KEY, author);
    }
}
