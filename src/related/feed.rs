//! The endless news list: pages load before the reader reaches the end, only
//! the pages near the viewport stay in the DOM, and it follows the WAI-ARIA
//! feed pattern.

use super::api::{NewsQuery, PAGE_SIZE, fetch_news};
use super::feed_cache::{ChunkSnapshot, FeedSnapshot, WindowCapture, use_feed_cache};
use super::intersection::Intersections;
use super::news_card::NewsCard;
use crate::api::ApiError;
use crate::i18n::{Lang, counted, use_lang};
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use std::collections::{BTreeSet, HashSet};
use vestnik_api::{NewsItem, NewsPage};
use wasm_bindgen::JsCast;

/// How far below the viewport the next page is requested: a fast flick
/// should not reach the end before the page arrives.
const PREFETCH_MARGIN: &str = "0px 0px 1500px 0px";

/// How far beyond the viewport pages stay in the DOM; further ones are
/// replaced by an empty block of their measured height.
const WINDOW_MARGIN: &str = "1500px 0px";

/// How long a restored position is held while what is above the list (the
/// comments, loading again) settles, unless the reader moves first.
const HOLD_RESTORED_MS: f64 = 2_000.0;

/// Where the list is in its loading.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    /// Waiting for the reader to come near the end.
    Idle,
    /// One request is in flight (never more).
    Loading,
    /// The last request failed; the reader may retry.
    Failed(ApiError),
    /// The server has no older news.
    Ended,
}

/// What the list last told screen readers; worded in the language shown,
/// so a switch of language rewords it too.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Announcement {
    /// A page of this many news came in.
    Loaded(usize),
    /// There are no older news.
    Ended,
}

impl Announcement {
    fn text(self, lang: Lang) -> String {
        let strings = lang.strings();
        match self {
            Self::Loaded(added) => format!(
                "{} {}",
                strings.loaded,
                counted(added as u64, lang, &strings.news)
            ),
            Self::Ended => strings.news_end.to_owned(),
        }
    }
}

/// One loaded page: the unit that leaves and re-enters the DOM.
#[derive(Clone, Debug)]
struct Chunk {
    index: usize,
    /// The 1-based place of its first item in the whole list.
    first_position: usize,
    items: Vec<NewsItem>,
}

/// The endless list of `query`'s news, as a feed labelled by the element `labelled_by`.
#[component]
pub fn NewsFeed(
    /// Which news.
    query: NewsQuery,
    /// The id of the heading that names the list.
    labelled_by: &'static str,
    /// The list's first page when the page already has it (a page the server
    /// rendered carries it), so the list starts without a request.
    #[prop(default = None)]
    first_page: Option<NewsPage>,
) -> AnyView {
    let lang = use_lang();
    let strings = move || lang.get().strings();
    let cache = use_feed_cache();
    let restored = cache.and_then(|cache| cache.restore(&query));
    let query = StoredValue::new(query);

    let chunks = RwSignal::new(Vec::<Chunk>::new());
    // Indices of the chunks now taken out of the DOM, and every chunk's last height.
    let hidden = RwSignal::new(BTreeSet::<usize>::new());
    let heights = StoredValue::new(Vec::<f64>::new());
    let seen = StoredValue::new(HashSet::<String>::new());
    let next = StoredValue::new(None::<String>);
    let status = RwSignal::new(Status::Idle);
    let announcement = RwSignal::new(None::<Announcement>);
    // Where the window's top was, measured from the feed's top: what sits
    // above the feed (the comments) may load later and be taller on return.
    let offset_in_feed = StoredValue::new(0.0_f64);
    let feed_root = NodeRef::<Div>::new();
    let sentinel = NodeRef::<Div>::new();

    if let Some(slug) = query.with_value(|q| q.exclude.clone()) {
        seen.update_value(|seen| {
            seen.insert(slug);
        });
    }

    let total = Memo::new(move |_| {
        chunks.with(|chunks| {
            chunks
                .last()
                .map_or(0, |last| last.first_position - 1 + last.items.len())
        })
    });
    let set_size = Signal::derive(move || {
        if status.get() == Status::Ended {
            total.get() as i64
        } else {
            -1
        }
    });

    // Adds a page, leaving out what the list already has; answers how many were new.
    let append = move |items: Vec<NewsItem>, height: f64| -> usize {
        let fresh: Vec<NewsItem> = items
            .into_iter()
            .filter(|item| {
                seen.try_update_value(|seen| seen.insert(item.slug.clone()))
                    .unwrap_or(false)
            })
            .collect();
        let added = fresh.len();
        if added == 0 {
            return 0;
        }
        heights.update_value(|h| h.push(height));
        chunks.update(|chunks| {
            let first_position = chunks
                .last()
                .map_or(1, |last| last.first_position + last.items.len());
            chunks.push(Chunk {
                index: chunks.len(),
                first_position,
                items: fresh,
            });
        });
        added
    };

    let chunk_observer = StoredValue::new_local(Intersections::new(WINDOW_MARGIN, move |entry| {
        let Some(index) = entry
            .target()
            .get_attribute("data-chunk")
            .and_then(|i| i.parse::<usize>().ok())
        else {
            return;
        };
        let is_hidden = hidden.with_untracked(|h| h.contains(&index));
        if entry.is_intersecting() && is_hidden {
            hidden.update(|h| {
                h.remove(&index);
            });
        } else if !entry.is_intersecting() && !is_hidden {
            let height = entry.bounding_client_rect().height();
            heights.update_value(|h| {
                if let Some(slot) = h.get_mut(index) {
                    *slot = height;
                }
            });
            hidden.update(|h| {
                h.insert(index);
            });
        }
    }));

    let sentinel_observer: StoredValue<Option<Intersections>, LocalStorage> =
        StoredValue::new_local(None);
    let recheck_sentinel = move || {
        if let Some(element) = sentinel.get_untracked() {
            sentinel_observer.with_value(|o| {
                if let Some(o) = o {
                    o.recheck(&element);
                }
            });
        }
    };

    let load_more = move || {
        if status
            .try_with_untracked(|s| *s != Status::Idle)
            .unwrap_or(true)
        {
            return;
        }
        status.set(Status::Loading);
        leptos::task::spawn_local(async move {
            let Some(query) = query.try_get_value() else {
                return;
            };
            let before = next.try_get_value().flatten();
            let result = fetch_news(&query, before.as_deref(), PAGE_SIZE).await;
            // The reader may have left the article meanwhile.
            if status.is_disposed() {
                return;
            }
            match result {
                Ok(page) => {
                    let ended = page.next.is_none() || page.items.is_empty();
                    let added = append(page.items, 0.0);
                    next.set_value(page.next);
                    if ended {
                        status.set(Status::Ended);
                        announcement.set(Some(Announcement::Ended));
                    } else {
                        status.set(Status::Idle);
                        announcement.set(Some(Announcement::Loaded(added)));
                        recheck_sentinel();
                    }
                }
                Err(error) => status.set(Status::Failed(error)),
            }
        });
    };

    // A kept list comes back as it was, each page at its measured height,
    // and the window scrolls to where the reader was. Without one, the first
    // page too waits until the reader comes near (the sentinel's observer):
    // below an article the list is far down, and rendering it at once would
    // hold up a phone's main thread while the article is being read.
    let restored_nothing = restored.is_none() && first_page.is_none();
    if let (None, Some(page)) = (&restored, first_page) {
        let ended = page.next.is_none() || page.items.is_empty();
        append(page.items, 0.0);
        next.set_value(page.next);
        status.set(if ended { Status::Ended } else { Status::Idle });
    }
    if let Some(snapshot) = restored {
        for chunk in snapshot.chunks {
            let index = chunks.with_untracked(Vec::len);
            if append(chunk.items, chunk.height) > 0 && chunk.height > 0.0 {
                hidden.update(|h| {
                    h.insert(index);
                });
            }
        }
        next.set_value(snapshot.next);
        status.set(if snapshot.ended {
            Status::Ended
        } else {
            Status::Idle
        });
        let offset = snapshot.offset_in_feed;
        // Kept as the position to save again if the reader leaves before scrolling.
        offset_in_feed.set_value(offset);
        hold_position(feed_root, offset);
    }

    // The sentinel's observer asks for the next page well before the end.
    Effect::new(move || {
        let Some(element) = sentinel.get() else {
            return;
        };
        let observer = Intersections::new(PREFETCH_MARGIN, move |entry| {
            if entry.is_intersecting() {
                load_more();
            }
        });
        match &observer {
            Some(observer) => observer.observe(&element),
            // Without observers nothing would ever ask: load now; "Показать
            // ещё" asks for the rest.
            None if restored_nothing => load_more(),
            None => {}
        }
        sentinel_observer.set_value(observer);
    });

    // Remembers where the reader was and how tall the shown pages are, at the
    // moment they leave by a link or by the history.
    let record_position = move || {
        let Some(root) = feed_root.get_untracked() else {
            return;
        };
        offset_in_feed.set_value(-root.get_bounding_client_rect().top());
        for chunk in matching(&root, ".feed-chunk") {
            let index = chunk
                .get_attribute("data-chunk")
                .and_then(|i| i.parse::<usize>().ok());
            if let Some(index) = index {
                let height = chunk.get_bounding_client_rect().height();
                heights.update_value(|h| {
                    if let Some(slot) = h.get_mut(index) {
                        *slot = height;
                    }
                });
            }
        }
    };
    let listeners = StoredValue::new_local(Some((
        WindowCapture::listen("click", record_position),
        WindowCapture::listen("popstate", record_position),
    )));
    on_cleanup(move || {
        let _ = listeners.try_update_value(|l| *l = None);
        let (Some(cache), Some(chunks)) = (cache, chunks.try_get_untracked()) else {
            return;
        };
        let heights = heights.try_get_value().unwrap_or_default();
        let snapshot = FeedSnapshot {
            chunks: chunks
                .into_iter()
                .map(|chunk| ChunkSnapshot {
                    height: heights.get(chunk.index).copied().unwrap_or(0.0),
                    items: chunk.items,
                })
                .collect(),
            next: next.try_get_value().flatten(),
            ended: status.try_get_untracked() == Some(Status::Ended),
            offset_in_feed: offset_in_feed.try_get_value().unwrap_or(0.0),
        };
        if let Some(query) = query.try_get_value() {
            cache.save(query, snapshot);
        }
    });

    // Page Down / Page Up move between entries, as the feed pattern asks.
    let on_keydown = move |event: ev::KeyboardEvent| {
        let forward = match event.key().as_str() {
            "PageDown" => true,
            "PageUp" => false,
            _ => return,
        };
        let (Some(root), Some(target)) = (
            feed_root.get_untracked(),
            event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok()),
        ) else {
            return;
        };
        let Ok(Some(current)) = target.closest(".news-card") else {
            return;
        };
        let cards = matching(&root, ".news-card");
        let Some(at) = cards.iter().position(|card| *card == current) else {
            return;
        };
        let neighbour = if forward {
            cards.get(at + 1)
        } else {
            at.checked_sub(1).and_then(|i| cards.get(i))
        };
        if let Some(card) = neighbour.and_then(|c| c.dyn_ref::<web_sys::HtmlElement>()) {
            event.prevent_default();
            let _ = card.focus();
        }
    };

    let retry = move |_| {
        status.set(Status::Idle);
        load_more();
    };

    view! {
        <div
            class="news-feed"
            // A feed must contain articles: until the first page has arrived,
            // or while every page is windowed out far from the reader, it is a
            // plain block (axe's aria-required-children).
            role=move || {
                let shown = chunks.with(Vec::len) > hidden.with(BTreeSet::len);
                shown.then_some("feed")
            }
            aria-labelledby=labelled_by
            aria-busy=move || (status.get() == Status::Loading).to_string()
            node_ref=feed_root
            on:keydown=on_keydown
        >
            <For each=move || chunks.get() key=|chunk| chunk.index let:chunk>
                <FeedChunk chunk hidden heights observer=chunk_observer set_size />
            </For>
        </div>
        <div class="feed-sentinel" node_ref=sentinel aria-hidden="true"></div>
        // Before the first page the rows also hold a screen's height: a reader
        // who jumps to the list's heading would otherwise see the footer just
        // below it, and the arriving page would push it away (a layout shift).
        <Show when=move || {
            status.get() == Status::Loading
                || (status.get() == Status::Idle && chunks.with(Vec::is_empty))
        }>
            <NewsSkeletonRows first_page=Signal::derive(move || chunks.with(Vec::is_empty)) />
        </Show>
        {move || match status.get() {
            Status::Failed(error) => {
                view! {
                    <div class="feed-error" role="alert">
                        <p>{strings().news_error} " " {error.message(strings())}</p>
                        <button type="button" class="retry" on:click=retry>
                            {strings().retry}
                        </button>
                    </div>
                }
                    .into_any()
            }
            Status::Idle => {
                view! {
                    <button type="button" class="show-more" on:click=move |_| load_more()>
                        {strings().show_more}
                    </button>
                }
                    .into_any()
            }
            Status::Ended => view! { <p class="feed-end">{strings().news_end}</p> }.into_any(),
            Status::Loading => ().into_any(),
        }}
        <p class="visually-hidden" role="status" aria-live="polite">
            {move || announcement.get().map(|a| a.text(lang.get()))}
        </p>
    }
    .into_any()
}

/// One page of the feed: its cards near the viewport, an empty block of the
/// same height further away.
#[component]
fn FeedChunk(
    chunk: Chunk,
    hidden: RwSignal<BTreeSet<usize>>,
    heights: StoredValue<Vec<f64>>,
    observer: StoredValue<Option<Intersections>, LocalStorage>,
    set_size: Signal<i64>,
) -> impl IntoView {
    let Chunk {
        index,
        first_position,
        items,
    } = chunk;
    let is_hidden = Memo::new(move |_| hidden.with(|h| h.contains(&index)));
    let element = NodeRef::<Div>::new();
    Effect::new(move || {
        if let Some(element) = element.get() {
            observer.with_value(|o| {
                if let Some(o) = o {
                    o.observe(&element);
                }
            });
        }
    });
    on_cleanup(move || {
        if let Some(element) = element.get_untracked() {
            let _ = observer.try_with_value(|o| {
                if let Some(o) = o {
                    o.unobserve(&element);
                }
            });
        }
    });
    let height = move || {
        is_hidden.get().then(|| {
            let px = heights.with_value(|h| h.get(index).copied().unwrap_or(0.0));
            // Written by the browser's own number formatting: Rust's float
            // formatting would add about 10 KB to the Wasm for this one value.
            let px = js_sys::Number::from(px)
                .to_string_with_radix(10)
                .map(String::from)
                .unwrap_or_default();
            format!("{px}px")
        })
    };
    view! {
        <div class="feed-chunk" role="none" data-chunk=index node_ref=element style:height=height>
            {move || {
                (!is_hidden.get())
                    .then(|| {
                        items
                            .iter()
                            .cloned()
                            .enumerate()
                            .map(|(i, item)| {
                                view! { <NewsCard item position=first_position + i set_size /> }
                            })
                            .collect_view()
                    })
            }}
        </div>
    }
}

/// Grey rows the size of news entries while a page loads.
#[component]
fn NewsSkeletonRows(
    /// Whether no page has arrived yet, when the rows reserve a screen's height.
    first_page: Signal<bool>,
) -> impl IntoView {
    view! {
        <div class="news-skeleton" class:first-page=first_page aria-hidden="true">
            <div class="news-skeleton-row"></div>
            <div class="news-skeleton-row"></div>
            <div class="news-skeleton-row"></div>
        </div>
    }
}

/// The elements under `root` matching `selector`, in document order.
fn matching(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// Scrolls so that the window's top is `offset` pixels into the list, and
/// keeps it there for a moment: the comments above load again after a "back"
/// and grow, and scroll anchoring does not always follow (its anchor may be a
/// card the windowing replaces). Stops at the reader's first wheel, touch,
/// key or click.
fn hold_position(feed_root: NodeRef<Div>, offset: f64) {
    let moved = std::rc::Rc::new(std::cell::Cell::new(false));
    let listening = ["wheel", "touchstart", "keydown", "mousedown"]
        .into_iter()
        .map(|event| {
            let moved = moved.clone();
            WindowCapture::listen(event, move || moved.set(true))
        })
        .collect();
    hold_step(std::rc::Rc::new(Hold {
        feed_root,
        offset,
        until: js_sys::Date::now() + HOLD_RESTORED_MS,
        moved,
        _listening: listening,
    }));
}

/// A restored position being held.
struct Hold {
    feed_root: NodeRef<Div>,
    offset: f64,
    /// `Date.now()` when holding ends.
    until: f64,
    /// Set by the reader's first input.
    moved: std::rc::Rc<std::cell::Cell<bool>>,
    // The listeners that set `moved`: they end when the holding does.
    _listening: Vec<WindowCapture>,
}

fn hold_step(hold: std::rc::Rc<Hold>) {
    request_animation_frame(move || {
        let (Some(window), Some(root)) = (
            web_sys::window(),
            hold.feed_root.try_get_untracked().flatten(),
        ) else {
            return;
        };
        if hold.moved.get() {
            return;
        }
        let scrolled = window.scroll_y().unwrap_or(0.0);
        let target = root.get_bounding_client_rect().top() + scrolled + hold.offset;
        if (scrolled - target).abs() >= 1.0 {
            window.scroll_to_with_x_and_y(0.0, target);
        }
        if js_sys::Date::now() < hold.until {
            hold_step(hold);
        }
    });
}
