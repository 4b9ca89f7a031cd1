//! The header's language switch: Русский / Українська / English. Each name
//! is written in its own language (and marked so for screen readers); the
//! chosen one is pressed.

use crate::i18n::{Lang, use_lang, use_lang_choice};
use leptos::prelude::*;

/// The switch, over the reader's choice.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let choice = use_lang_choice();
    let lang = use_lang();
    let button = move |option: Lang| {
        view! {
            <button
                type="button"
                lang=option.tag()
                aria-pressed=move || (lang.get() == option).to_string()
                on:click=move |_| choice.choose(option)
            >
                {option.name()}
            </button>
        }
    };
    view! {
        <div
            class="language-switch"
            role="group"
            aria-label=move || lang.get().strings().language
        >
            {Lang::ALL.map(button)}
        </div>
    }
}
