//! The site header: the publication's name, linking to the newest news.

use super::language_switch::LanguageSwitch;
use super::site::use_site;
use crate::i18n::use_lang;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Whether the page at `path` has comments to skip to: an article, or the
/// front page, which shows the newest one.
pub fn shows_comments(path: &str) -> bool {
    path == "/" || path.starts_with("/news/")
}

/// The header with the site name and the skip link for keyboard users.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let strings = move || use_lang().get().strings();
    let location = use_location();
    view! {
        <a class="skip-link" href="#main">{move || strings().skip_to_content}</a>
        <a
            class="skip-link"
            href="#comments"
            hidden=move || !shows_comments(&location.pathname.get())
        >
            {move || strings().skip_to_comments}
        </a>
        <header class="site-header">
            <a class="site-name" href="/">{move || site.read().name.clone()}</a>
            <LanguageSwitch />
        </header>
    }
}
