//! Where a news list is kept when the reader opens one of its articles, so
//! that "back" brings the list and the scroll position back as they were.

use super::api::NewsQuery;
use leptos::ev;
use leptos::prelude::*;
use vestnik_api::NewsItem;

/// How many lists are kept: a reader rarely goes back further, and each may
/// hold thousands of items.
const KEPT: usize = 8;

/// A list as the reader left it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeedSnapshot {
    /// The loaded items, page by page, with each page's height on screen.
    pub chunks: Vec<ChunkSnapshot>,
    /// The cursor of the next page.
    pub next: Option<String>,
    /// Whether the last page was reached.
    pub ended: bool,
    /// The window's scroll position when the reader left.
    pub scroll_y: f64,
}

/// One loaded page of a kept list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChunkSnapshot {
    /// Its items.
    pub items: Vec<NewsItem>,
    /// Its height in CSS pixels when last measured, 0 when never.
    pub height: f64,
}

/// The kept lists, and whether the current navigation came from the history
/// (back/forward), the only time a list is restored.
#[derive(Clone, Copy)]
pub struct FeedCache {
    snapshots: StoredValue<Vec<(NewsQuery, FeedSnapshot)>, LocalStorage>,
    via_history: StoredValue<bool>,
}

/// Provides the cache for every list below, and takes scroll restoration
/// from the browser: it would scroll before the list is back and land short.
pub fn provide_feed_cache() {
    let cache = FeedCache {
        snapshots: StoredValue::new_local(Vec::new()),
        via_history: StoredValue::new(false),
    };
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    // Both listeners live as long as the app does.
    std::mem::forget(window_event_listener(ev::popstate, move |_| {
        cache.via_history.set_value(true);
    }));
    std::mem::forget(window_event_listener(ev::click, move |_| {
        cache.via_history.set_value(false);
    }));
    provide_context(cache);
}

/// The page's cache, if the app provided one.
pub fn use_feed_cache() -> Option<FeedCache> {
    use_context::<FeedCache>()
}

impl FeedCache {
    /// The kept list of `query` when the reader came back through the
    /// history; a list opened by a link starts afresh.
    pub fn restore(&self, query: &NewsQuery) -> Option<FeedSnapshot> {
        let taken = self
            .snapshots
            .try_update_value(|kept| {
                let at = kept.iter().position(|(q, _)| q == query)?;
                Some(kept.remove(at).1)
            })
            .flatten();
        taken.filter(|_| self.via_history.get_value())
    }

    /// Keeps `snapshot` as the latest state of `query`'s list.
    pub fn save(&self, query: NewsQuery, snapshot: FeedSnapshot) {
        let _ = self.snapshots.try_update_value(|kept| {
            kept.retain(|(q, _)| *q != query);
            kept.push((query, snapshot));
            if kept.len() > KEPT {
                kept.remove(0);
            }
        });
    }
}
