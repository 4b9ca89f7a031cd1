//! The app: site settings, the layout shell and the routes.

use crate::article::{ArticlePage, LatestArticlePage};
use crate::related::feed_cache::use_feed_cache;
use crate::related::{TagPage, provide_feed_cache};
use crate::shell::clock::provide_clock;
use crate::shell::site::provide_site;
use crate::shell::{NotFound, SiteFooter, SiteHeader};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use vestnik_api::Site;

/// The whole app.
#[component]
pub fn App(
    /// The site's settings from `config.json`; without them the app asks `GET /api/site`.
    preset_site: Option<Site>,
) -> impl IntoView {
    let lang = provide_site(preset_site);
    provide_clock();
    // Kept from the islands of a rendered page, so back to it restores its list.
    if use_feed_cache().is_none() {
        provide_feed_cache();
    }
    // The page's language; each page writes its own title and head tags.
    // At once (a render effect runs when created), then whenever it changes.
    let page_lang = RenderEffect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.get().tag());
        }
    });
    on_cleanup(move || drop(page_lang));

    view! {
        <Router>
            <SiteHeader />
            <main id="main" class="page">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=LatestArticlePage />
                    <Route path=path!("/news/:slug") view=ArticlePage />
                    <Route path=path!("/tags/:slug") view=TagPage />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}
