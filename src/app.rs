//! The app: site settings, the layout shell and the routes.

use crate::article::{ArticlePage, LatestArticlePage};
use crate::i18n::{Lang, provide_lang};
use crate::related::{TagPage, provide_feed_cache};
use crate::shell::clock::provide_clock;
use crate::shell::site::{SiteSettings, fetch_site};
use crate::shell::{NotFound, SiteFooter, SiteHeader};
use leptos::prelude::*;
use leptos_meta::{Html, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use vestnik_api::Site;

/// The whole app.
#[component]
pub fn App(
    /// The site's settings from `config.json`; without them the app asks `GET /api/site`.
    preset_site: Option<Site>,
) -> impl IntoView {
    provide_meta_context();
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
    provide_feed_cache();
    let site_name = move || site.read().name.clone();

    view! {
        <Html attr:lang=move || lang.get().tag() />
        <Title formatter=move |title: String| {
            if title.is_empty() { site_name() } else { format!("{title} — {}", site_name()) }
        } />
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
