//! Taking over a page the server rendered (decision 25).
//!
//! `vestnik-server` (or `vestnik-server render`) writes the whole article into
//! the HTML, so it is read before the Wasm arrives. The app then does not
//! build that page again: it brings only its live parts to life, each marked
//! `<div class="island" data-island="…">` by the server, and leaves the rest
//! of the DOM, the reader's scroll position and focus as they are. The meta
//! line and the share bar come to life at once; the comments and the news
//! list, far below on a phone, when the reader comes within two screens of
//! them or the browser has nothing else to do, one per idle period, so no
//! task is long. The first click on a link to another page of the site hands
//! the whole page to the app (`App`), which renders everything from then on.

use crate::api::boot::take_rendered;
use crate::article::head::canonical_url;
use crate::article::meta_line::MetaLine;
use crate::article::share_bar::ShareBar;
use crate::article::view::mark_article_shown;
use crate::article::views::count_view;
use crate::comments::CommentsSection;
use crate::i18n::{Lang, provide_lang};
use crate::related::api::NewsQuery;
use crate::related::intersection::Intersections;
use crate::related::{NewsFeed, OtherNews, provide_feed_cache};
use crate::shell::clock::provide_clock;
use crate::shell::site::{SiteSettings, fetch_site};
use leptos::mount::mount_to;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use vestnik_api::{Article, NewsPage, Site, rendered};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// How far outside the window a lazy island starts: about two screens.
const NEAR: &str = "200% 0px 200% 0px";

thread_local! {
    // The mounted islands, unmounted (their streams closed) at the hand-over.
    static MOUNTED: RefCell<Vec<Box<dyn std::any::Any>>> = const { RefCell::new(Vec::new()) };
    // Islands waiting to come near or for an idle moment; emptied at the hand-over.
    static WAITING: RefCell<Vec<Waiting>> = const { RefCell::new(Vec::new()) };
}

/// Whether the page in the document is one the server rendered.
pub fn is_rendered_page() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main[data-rendered]").ok().flatten())
        .is_some()
}

/// What the islands of one page share: the reactive owner their contexts
/// live in, and the article's live counts.
#[derive(Clone)]
struct Shared {
    owner: Owner,
    views: RwSignal<u64>,
    comments: RwSignal<u64>,
}

/// An island still to mount, and the observer that watches it come near.
struct Waiting {
    element: web_sys::HtmlElement,
    island: Island,
    _near: Option<Intersections>,
}

/// Brings the rendered page to life. `mount_app` is called, once, when the
/// reader follows a link to another page of the site, inside the islands'
/// owner, so the app keeps the news lists the reader scrolled.
pub fn take_over(preset_site: Option<Site>, mount_app: impl FnOnce() + 'static) {
    // Mounting starts Leptos's task executor; the requests below need it first.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    // The islands' owner lives as long as the page: the app mounted at the
    // hand-over is its child, and dropping the last handle would dispose it.
    std::mem::forget(owner.clone());
    let rendered_site = take_rendered::<Site>(rendered::SITE_ID);
    let article = take_rendered::<Article>(rendered::ARTICLE_ID);
    let news = take_rendered::<NewsPage>(rendered::NEWS_ID);
    let shared = owner.with(|| {
        provide_site(preset_site.or(rendered_site));
        provide_clock();
        provide_feed_cache();
        Shared {
            owner: owner.clone(),
            views: RwSignal::new(article.as_ref().map_or(0, |a| a.views)),
            comments: RwSignal::new(article.as_ref().map_or(0, |a| a.comment_count)),
        }
    });
    if let Some(article) = &article {
        mark_article_shown();
        let (slug, views) = (article.slug.clone(), shared.views);
        shared.owner.with(|| {
            leptos::task::spawn_local(async move {
                if let Ok(count) = count_view(&slug).await {
                    let _ = views.try_set(count.views);
                }
            });
        });
    }
    for element in islands() {
        let name = element.get_attribute("data-island").unwrap_or_default();
        let Some(island) = Island::named(&name, article.as_ref(), news.as_ref()) else {
            continue;
        };
        if island.waits() {
            wait_for_reader(element, island, &shared);
        } else {
            mount_island(&element, island, &shared);
        }
    }
    hand_over_on_navigation(move || owner.with(mount_app));
}

/// The site's settings from `config.json` or the page, else asked of the API.
fn provide_site(known: Option<Site>) {
    let site = match known {
        Some(site) => Signal::stored(site),
        None => {
            let fetched = LocalResource::new(fetch_site);
            Signal::derive(move || {
                fetched
                    .get()
                    .and_then(Result::ok)
                    .unwrap_or_else(SiteSettings::fallback)
            })
        }
    };
    provide_context(SiteSettings(site));
    provide_lang(Signal::derive(move || Lang::from_tag(&site.read().locale)));
}

fn islands() -> Vec<web_sys::HtmlElement> {
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("[data-island]").ok())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Replaces the island's rendered content with the live component, in one
/// task, so the browser never paints the gap between them.
fn mount_island(element: &web_sys::HtmlElement, island: Island, shared: &Shared) {
    element.set_inner_html("");
    let (views, comments) = (shared.views, shared.comments);
    let handle = shared.owner.with(|| {
        let element = element.clone();
        mount_to(element, move || island.render(views, comments))
    });
    MOUNTED.with(|m| m.borrow_mut().push(Box::new(handle)));
}

/// Mounts `island` when it comes within two screens of the window, or at
/// the browser's next idle moment, whichever is first.
fn wait_for_reader(element: web_sys::HtmlElement, island: Island, shared: &Shared) {
    let id = element.clone();
    let near = {
        let shared = shared.clone();
        Intersections::new(NEAR, move |entry| {
            if entry.is_intersecting() {
                let target = entry.target();
                mount_waiting(&shared, |w| *w.element == target);
            }
        })
    };
    if let Some(near) = &near {
        near.observe(&element);
    }
    WAITING.with(|w| {
        w.borrow_mut().push(Waiting {
            element,
            island,
            _near: near,
        })
    });
    // One waiting island per idle moment: each mount is then a short task.
    let shared = shared.clone();
    when_idle(move || mount_waiting(&shared, |w| w.element == id));
}

/// Mounts the first waiting island `which` picks, if it is still waiting.
fn mount_waiting(shared: &Shared, which: impl Fn(&Waiting) -> bool) {
    let found = WAITING.with(|w| {
        let mut waiting = w.borrow_mut();
        let at = waiting.iter().position(which)?;
        Some(waiting.remove(at))
    });
    if let Some(Waiting {
        element, island, ..
    }) = found
    {
        mount_island(&element, island, shared);
    }
}

/// Runs `then` when the browser is idle (`requestIdleCallback`), or in the
/// next task where it has none.
fn when_idle(then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(then);
    let function = callback.unchecked_ref::<js_sys::Function>();
    let asked = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .map(|idle| idle.call1(&window, function).is_ok());
    if asked != Some(true) {
        let _ = window.set_timeout_with_callback(function);
    }
}

/// A live part of the page and what it is made from.
enum Island {
    /// The meta line: publication and update times, with the counts live.
    Meta(String, Option<String>),
    /// The share bar: the article's address and title.
    Share(String, String),
    /// The comments of the article with this slug.
    Comments(String),
    /// Other news under the article with this slug, from its first page.
    OtherNews(String, Option<NewsPage>),
    /// A tag page's list, from its first page.
    TagNews(NewsPage),
}

impl Island {
    /// The island the server named `name`, with the page's data.
    fn named(name: &str, article: Option<&Article>, news: Option<&NewsPage>) -> Option<Self> {
        Some(match (name, article) {
            ("meta", Some(article)) => {
                Self::Meta(article.published_at.clone(), article.updated_at.clone())
            }
            ("share", Some(article)) => {
                Self::Share(canonical_url(&article.slug), article.title.clone())
            }
            ("comments", Some(article)) => Self::Comments(article.slug.clone()),
            ("news", Some(article)) => Self::OtherNews(article.slug.clone(), news.cloned()),
            ("news", None) => Self::TagNews(news.cloned()?),
            _ => return None,
        })
    }

    /// Whether it waits for the reader to come near (it is below the article).
    fn waits(&self) -> bool {
        matches!(self, Self::Comments(_) | Self::OtherNews(..))
    }

    fn render(self, views: RwSignal<u64>, comments: RwSignal<u64>) -> AnyView {
        match self {
            Self::Meta(published_at, updated_at) => view! {
                <MetaLine
                    published_at
                    updated_at
                    views=Signal::from(views)
                    comments=Signal::from(comments)
                />
            }
            .into_inner(),
            Self::Share(url, title) => view! { <ShareBar url title /> }.into_inner(),
            Self::Comments(slug) => view! { <CommentsSection slug total=comments /> }.into_inner(),
            Self::OtherNews(slug, first_page) => {
                view! { <OtherNews slug first_page /> }.into_inner()
            }
            Self::TagNews(page) => match page.tag.clone() {
                Some(tag) => view! {
                    <NewsFeed
                        query=NewsQuery::tagged(tag.slug)
                        labelled_by="tag-title"
                        first_page=Some(page)
                    />
                }
                .into_inner(),
                None => ().into_any(),
            },
        }
    }
}

/// On the first click on a link to another page of this site, the whole page
/// goes to the app, which renders that page itself (client-side navigation).
fn hand_over_on_navigation(mount_app: impl FnOnce() + 'static) {
    let mount_app = Rc::new(RefCell::new(Some(mount_app)));
    let handle = window_event_listener(leptos::ev::click, move |event| {
        if event.default_prevented()
            || event.button() != 0
            || event.ctrl_key()
            || event.meta_key()
            || event.shift_key()
            || event.alt_key()
        {
            return;
        }
        let Some(link) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("a[href]").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        if link.has_attribute("target") || link.has_attribute("download") {
            return;
        }
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return;
        };
        let same_site = location.origin().ok().is_some_and(|o| o == link.origin());
        let same_page = location
            .pathname()
            .ok()
            .is_some_and(|p| p == link.pathname())
            && location.search().ok().is_some_and(|s| s == link.search());
        // A jump within the page (#comments) stays the browser's.
        if !same_site || same_page {
            return;
        }
        let Some(mount_app) = mount_app.borrow_mut().take() else {
            return;
        };
        event.prevent_default();
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ =
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&link.href()));
        }
        // The islands' streams, observers and timers end with them.
        WAITING.with(|w| w.borrow_mut().clear());
        MOUNTED.with(|m| m.borrow_mut().clear());
        mount_app();
    });
    // The listener lives as long as the page; after the hand-over it does nothing.
    std::mem::forget(handle);
}
