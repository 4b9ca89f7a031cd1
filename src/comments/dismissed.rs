//! The reader's own rejected comments they dismissed, kept per article in
//! localStorage: the server still lists them for their author (so nothing
//! they wrote is lost), and the page leaves them out.

fn key(slug: &str) -> String {
    format!("vestnik.comment_dismissed.{slug}")
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The ids dismissed on `slug`; none when unreadable.
pub fn load_dismissed(slug: &str) -> Vec<i64> {
    storage()
        .and_then(|s| s.get_item(&key(slug)).ok().flatten())
        .and_then(|json| crate::api::json::decode(&json).ok())
        .unwrap_or_default()
}

/// Keeps the ids dismissed on `slug`.
pub fn save_dismissed(slug: &str, ids: impl IntoIterator<Item = i64>) {
    let Some(storage) = storage() else { return };
    let ids: Vec<i64> = ids.into_iter().collect();
    if let Ok(json) = serde_json::to_string(&ids) {
        let _ = storage.set_item(&key(slug), &json);
    }
}
