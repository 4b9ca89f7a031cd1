//! The error state: what went wrong, and a way to try again.

use crate::api::ApiError;
use crate::i18n::use_lang;
use leptos::prelude::*;

/// Shows `error` to the reader with a retry button when retrying can help.
#[component]
pub fn ErrorPanel(
    /// What went wrong.
    error: ApiError,
    /// Called when the reader asks to try again.
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let strings = move || lang.get().strings();
    // Between the click and the next answer the button says it is working, so
    // a reader on a slow network does not click it again and again.
    let retrying = RwSignal::new(false);
    let retryable = error.is_retryable();
    view! {
        <section class="error-panel" role="alert">
            <h2>{move || strings().error_title}</h2>
            <p class="error-message">{move || error.message(strings())}</p>
            <Show when=move || retryable>
                <button
                    type="button"
                    class="retry"
                    disabled=move || retrying.get()
                    on:click=move |_| {
                        retrying.set(true);
                        on_retry.run(());
                    }
                >
                    {move || if retrying.get() { strings().loading } else { strings().retry }}
                </button>
            </Show>
        </section>
    }
}
