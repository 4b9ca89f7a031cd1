//! The app: site settings, the layout shell and the routes.

use crate::article::{ArticlePage, LatestArticlePage};
use crate::i18n::{Lang, provide_lang};
use crate::related::feed_cache::use_feed_cache;
use crate::related::{TagPage, provide_feed_cache};
use crate::shell::clock::provide_clock;
use crate::shell::site::{SiteSettings, fetch_site};
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
    let site = match preset_site {
        Some(site) => Signal::stored(site),
        None => {
            let fetched_site = LocalResource::new(fetch_site);
            // Until the site's own settings arrive (or if they fail) the page still
            // works with the defaults: the article does not wait for them.
            Signal::derive(move || {
                fetched_site
                    .get()
                    .and_then(Result::ok)
                    .unwrap_or_else(SiteSettings::fallback)
            })
        }
    };
    provide_context(SiteSettings(site));
    let lang = Signal::derive(move || Lang::from_tag(&site.read().locale));
    provide_lang(lang);
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
