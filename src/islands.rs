//! Taking over a page the server rendered (decision 25).
//!
//! `vestnik-server` (or `vestnik-server render`) writes the whole article into
//! the HTML, so it is read before the Wasm arrives. The app then does not
//! build that page again: it brings only its live parts to life, each marked
//! `<div class="island" data-island="…">` by the server, and leaves the rest
//! of the DOM, the reader's scroll position and focus as they are. Each
//! island mounts in a task of its own, so no task is long on a phone: the
//! meta line and the share bar when the browser is idle, the comments when
//! the reader comes within two screens of them or the browser is idle, and
//! the news list (which the server drew in full) when the reader comes near. The first click on a link to another page of the site hands
//! the whole page to the app (`App`), which renders everything from then on.

use crate::api::boot::take_rendered;
use crate::article::head::canonical_url;
use crate::article::meta_line::keep_counts_live;
use crate::article::share_bar::ShareBar;
use crate::article::view::mark_article_shown;
use crate::article::views::count_view;
use crate::comments::CommentsSection;
use crate::related::api::NewsQuery;
use crate::related::intersection::Intersections;
use crate::related::{NewsFeed, OtherNews, provide_feed_cache};
use crate::shell::LanguageSwitch;
use crate::shell::clock::provide_clock;
use crate::shell::site::provide_site;
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
    /// The counts as the server drew them.
    drawn: (u64, u64),
}

/// An island still to mount, and the observer that watches it come near.
struct Waiting {
    element: web_sys::HtmlElement,
    island: Island,
    /// Whether an idle moment may mount it (else only the reader coming near).
    when_idle: bool,
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
    let (shared, lang) = owner.with(|| {
        let lang = provide_site(preset_site.or(rendered_site));
        provide_clock();
        provide_feed_cache();
        let drawn = article
            .as_ref()
            .map_or((0, 0), |a| (a.views, a.comment_count));
        let shared = Shared {
            owner: owner.clone(),
            views: RwSignal::new(drawn.0),
            comments: RwSignal::new(drawn.1),
            drawn,
        };
        (shared, lang)
    });
    let hand_over = HandOver::new(move || owner.with(mount_app));
    // The server wrote the page in the site's language; a reader who chose
    // another gets the page from the app, in theirs, now and on a switch.
    let page_lang = document_lang();
    if lang.get_untracked().tag() != page_lang {
        hand_over.now();
        return;
    }
    {
        let hand_over = hand_over.clone();
        shared.owner.with(|| {
            Effect::new(move |_| {
                if lang.get().tag() != page_lang {
                    hand_over.now();
                }
            })
        });
    }
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
        wait(element, island, &shared);
    }
    mount_next_when_idle(shared);
    hand_over_on_navigation(hand_over);
}

/// The `lang` of the document as the server wrote it.
fn document_lang() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("lang"))
        .unwrap_or_default()
}

/// Handing the whole page to the app, once: the islands' streams, observers
/// and timers end, and the app renders everything from then on.
#[derive(Clone)]
struct HandOver(Rc<RefCell<Option<MountApp>>>);

/// What renders the whole page as the app.
type MountApp = Box<dyn FnOnce()>;

impl HandOver {
    fn new(mount_app: impl FnOnce() + 'static) -> Self {
        Self(Rc::new(RefCell::new(Some(Box::new(mount_app)))))
    }

    /// Hands over, unless that happened already; answers whether it did now.
    fn now(&self) -> bool {
        let Some(mount_app) = self.0.borrow_mut().take() else {
            return false;
        };
        WAITING.with(|w| w.borrow_mut().clear());
        MOUNTED.with(|m| m.borrow_mut().clear());
        mount_app();
        true
    }

    fn done(&self) -> bool {
        self.0.borrow().is_none()
    }
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
    if let Island::Meta = island {
        let line = element.clone();
        let (views, comments) = (shared.views, shared.comments);
        let drawn = shared.drawn;
        shared
            .owner
            .with(|| keep_counts_live(&line, views.into(), comments.into(), drawn));
        return;
    }
    element.set_inner_html("");
    let comments = shared.comments;
    let handle = shared.owner.with(|| {
        let element = element.clone();
        mount_to(element, move || island.render(comments))
    });
    MOUNTED.with(|m| m.borrow_mut().push(Box::new(handle)));
}

/// Queues `island`; one that waits for the reader also mounts when it comes
/// within two screens of the window.
fn wait(element: web_sys::HtmlElement, island: Island, shared: &Shared) {
    let near = (island.wakes() != Wake::Idle).then(|| {
        let shared = shared.clone();
        Intersections::new(NEAR, move |entry| {
            if entry.is_intersecting() {
                let target = entry.target();
                mount_waiting(&shared, |w| w.element.contains(Some(&target)));
            }
        })
    });
    let near = near.flatten();
    if let Some(near) = &near {
        // The wrapper has no box of its own (`display: contents`), so the
        // observer watches what the server drew inside it.
        match element.first_element_child() {
            Some(drawn) => near.observe(&drawn),
            None => near.observe(&element),
        }
    }
    // Without an observer nothing would ever say "near": idle it is.
    let when_idle = island.wakes() != Wake::Near || near.is_none();
    WAITING.with(|w| {
        w.borrow_mut().push(Waiting {
            element,
            island,
            when_idle,
            _near: near,
        })
    });
}

/// Mounts the next island that may mount when the browser is idle, one per
/// idle period, so that each mount is a task of its own (a phone's main
/// thread is never blocked for long).
fn mount_next_when_idle(shared: Shared) {
    when_idle(move || {
        mount_waiting(&shared, |w| w.when_idle);
        let more = WAITING.with(|w| w.borrow().iter().any(|w| w.when_idle));
        if more {
            mount_next_when_idle(shared);
        }
    });
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

/// When an island comes to life.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wake {
    /// When the browser is idle.
    Idle,
    /// When the reader comes within two screens, or the browser is idle.
    NearOrIdle,
    /// When the reader comes within two screens.
    Near,
}

/// A live part of the page and what it is made from.
enum Island {
    /// The meta line: its times stay as rendered, its counts come alive.
    Meta,
    /// The share bar: the article's address and title.
    Share(String, String),
    /// The comments of the article with this slug.
    Comments(String),
    /// Other news under the article with this slug, from its first page.
    OtherNews(String, Option<NewsPage>),
    /// A tag page's list, from its first page.
    TagNews(NewsPage),
    /// The header's language switch.
    Language,
}

impl Island {
    /// The island the server named `name`, with the page's data.
    fn named(name: &str, article: Option<&Article>, news: Option<&NewsPage>) -> Option<Self> {
        Some(match (name, article) {
            ("meta", Some(_)) => Self::Meta,
            ("share", Some(article)) => {
                Self::Share(canonical_url(&article.slug), article.title.clone())
            }
            ("comments", Some(article)) => Self::Comments(article.slug.clone()),
            ("language", _) => Self::Language,
            ("news", Some(article)) => Self::OtherNews(article.slug.clone(), news.cloned()),
            ("news", None) => Self::TagNews(news.cloned()?),
            _ => return None,
        })
    }

    /// What brings it to life.
    fn wakes(&self) -> Wake {
        match self {
            // Already drawn by the server; they come alive when the page is quiet.
            Self::Meta | Self::Share(..) | Self::Language => Wake::Idle,
            // Far below on a phone; its stream should open without waiting long.
            Self::Comments(_) => Wake::NearOrIdle,
            // The server's list reads as it is; the live one only when near.
            Self::OtherNews(..) | Self::TagNews(_) => Wake::Near,
        }
    }

    fn render(self, comments: RwSignal<u64>) -> AnyView {
        match self {
            // Brought to life in place (mount_island), never drawn again.
            Self::Meta => ().into_any(),
            Self::Share(url, title) => view! { <ShareBar url title /> }.into_inner(),
            Self::Language => view! { <LanguageSwitch /> }.into_any(),
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
fn hand_over_on_navigation(hand_over: HandOver) {
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
        if hand_over.done() {
            return;
        }
        event.prevent_default();
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ =
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&link.href()));
        }
        hand_over.now();
    });
    // The listener lives as long as the page; after the hand-over it does nothing.
    std::mem::forget(handle);
}
