//! Posts the server has not confirmed yet. They are kept in localStorage, so
//! a post survives a reload, a crash or a dead connection; each keeps its
//! client id, so sending it again can never make a second comment.

use crate::api::ApiError;
use vestnik_api::NewComment;

/// Where a post is in its sending.
#[derive(Clone, Debug, PartialEq)]
pub enum Delivery {
    /// Sent, no answer yet.
    Sending,
    /// The last attempt failed for this reason.
    Failed(ApiError),
}

/// A post on its way.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    /// What is posted, with its client id.
    pub post: NewComment,
    /// How its sending goes.
    pub delivery: Delivery,
}

fn key(slug: &str) -> String {
    format!("vestnik.comment_outbox.{slug}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The posts of `slug` left unconfirmed by an earlier page; none when unreadable.
pub fn load_outbox(slug: &str) -> Vec<NewComment> {
    storage()
        .and_then(|s| s.get_item(&key(slug)).ok().flatten())
        .and_then(|json| crate::api::json::decode(&json).ok())
        .unwrap_or_default()
}

/// Keeps the posts of `pending` for `slug` (only what is needed to send them again).
pub fn save_outbox(slug: &str, pending: &[Pending]) {
    let Some(storage) = storage() else { return };
    if pending.is_empty() {
        let _ = storage.remove_item(&key(slug));
        return;
    }
    let posts: Vec<&NewComment> = pending.iter().map(|p| &p.post).collect();
    if let Ok(json) = serde_json::to_string(&posts) {
        let _ = storage.set_item(&key(slug), &json);
    }
}
