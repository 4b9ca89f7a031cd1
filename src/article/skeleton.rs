//! The article's loading state: grey blocks of the size the article will take,
//! so nothing jumps when it arrives.

use crate::i18n::use_lang;
use leptos::prelude::*;

/// Placeholder for a loading article, with the seed page's "Загрузка..." for
/// screen readers and for readers who see the blocks.
#[component]
pub fn ArticleSkeleton() -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="article-skeleton" aria-busy="true">
            <p class="loading" role="status" aria-live="polite">
                {move || lang.get().strings().loading}
            </p>
            <div class="skeleton skeleton-breadcrumb" aria-hidden="true"></div>
            <div class="skeleton skeleton-title" aria-hidden="true"></div>
            <div class="skeleton skeleton-title short" aria-hidden="true"></div>
            <div class="skeleton skeleton-meta" aria-hidden="true"></div>
            {(0..3)
                .map(|_| {
                    view! {
                        <div class="skeleton-paragraph" aria-hidden="true">
                            <div class="skeleton skeleton-line"></div>
                            <div class="skeleton skeleton-line"></div>
                            <div class="skeleton skeleton-line"></div>
                            <div class="skeleton skeleton-line short"></div>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}
