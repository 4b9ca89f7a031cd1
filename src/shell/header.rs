//! The site header: the publication's name, linking to the newest news.

use super::site::use_site;
use crate::i18n::use_lang;
use leptos::prelude::*;

/// The header with the site name and the skip link for keyboard users.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let site = use_site();
    let strings = move || use_lang().get().strings();
    view! {
        <a class="skip-link" href="#main">{move || strings().skip_to_content}</a>
        <header class="site-header">
            <a class="site-name" href="/">{move || site.read().name.clone()}</a>
        </header>
    }
}
