//! The page shown instead of the app when `config.json` cannot be used.

use crate::i18n::use_lang;
use leptos::prelude::*;
use vestnik_api::ConfigProblem;

/// Says what is wrong with `config.json`, in the publisher's terms: guessing
/// another backend would show readers the wrong site or nothing at all.
#[component]
pub fn ConfigErrorPage(problem: ConfigProblem) -> impl IntoView {
    let lang = use_lang();
    view! {
        <main id="main" class="page">
            <section class="error-panel" role="alert">
                <h1>{move || lang.get().strings().config_error_title}</h1>
                <p class="error-message" lang="en">{problem.to_string()}</p>
            </section>
        </main>
    }
}
