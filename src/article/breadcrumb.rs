//! The trail from the front page to the article's rubric.

use crate::i18n::use_lang;
use leptos::prelude::*;
use vestnik_api::Tag;
use vestnik_api::paths::tag_path;

/// "Главная › Экономика": the front page, then the rubric (the article's first tag).
#[component]
pub fn Breadcrumb(
    /// The article's rubric; the trail is only the front page without one.
    rubric: Option<Tag>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <nav class="breadcrumb" aria-label=move || lang.get().strings().breadcrumb>
            <ol>
                <li>
                    <a href="/">{move || lang.get().strings().home}</a>
                </li>
                {rubric
                    .map(|tag| {
                        view! {
                            <li>
                                <a href=tag_path(&tag.slug)>{tag.name}</a>
                            </li>
                        }
                    })}
            </ol>
        </nav>
    }
}
