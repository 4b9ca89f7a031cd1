//! Where a news list is kept when the reader opens one of its articles, so
//! that "back" brings the list and the scroll position back as they were.

use super::api::NewsQuery;
use leptos::prelude::*;
use vestnik_api::NewsItem;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

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
    /// Where the window's top was when the reader left, in CSS pixels from
    /// the list's top (negative when the list started below the window's top).
    pub offset_in_feed: f64,
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
    std::mem::forget(WindowCapture::listen("popstate", move || {
        cache.via_history.set_value(true);
    }));
    std::mem::forget(WindowCapture::listen("click", move || {
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

/// A window listener in the capture phase, removed when dropped.
///
/// Capture matters: the router navigates from its own window listener, and
/// the navigation's first steps (scrolling to the top, rendering the next
/// page) run as microtasks before any later listener sees the event. A
/// capture listener runs first, while the page being left is still on screen.
pub struct WindowCapture {
    event: &'static str,
    callback: Closure<dyn FnMut()>,
}

impl WindowCapture {
    /// Calls `f` on every `event` at the window, before other listeners.
    pub fn listen(event: &'static str, f: impl FnMut() + 'static) -> Self {
        let callback: Closure<dyn FnMut()> = Closure::new(f);
        if let Some(window) = web_sys::window() {
            let _ = window.add_event_listener_with_callback_and_bool(
                event,
                callback.as_ref().unchecked_ref(),
                true,
            );
        }
        Self { event, callback }
    }
}

impl Drop for WindowCapture {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback_and_bool(
                self.event,
                self.callback.as_ref().unchecked_ref(),
                true,
            );
        }
    }
}
