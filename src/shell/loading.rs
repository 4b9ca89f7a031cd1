//! The loading state, worded as on the seed page.

use crate::i18n::use_lang;
use leptos::prelude::*;

/// "Загрузка..." announced politely to screen readers.
#[component]
pub fn Loading() -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="loading" role="status" aria-live="polite">
            {move || lang.get().strings().loading}
        </p>
    }
}
