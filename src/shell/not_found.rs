//! The page for an address that names nothing.

use crate::i18n::use_lang;
use crate::related::FreshNews;
use crate::shell::head::use_plain_head;
use leptos::prelude::*;

/// A real not-found page: says so, keeps robots out, and offers a way on.
#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    let strings = move || lang.get().strings();
    use_plain_head(move || strings().not_found_title.to_owned(), None, true);
    view! {
        <section class="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title" tabindex="-1">{move || strings().not_found_title}</h1>
            <p>{move || strings().not_found_text}</p>
            <p>
                <a href="/">{move || strings().to_front_page}</a>
            </p>
        </section>
        <FreshNews />
    }
}
