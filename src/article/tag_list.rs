//! The article's tags, each a link to that tag's news.

use crate::i18n::use_lang;
use leptos::prelude::*;
use vestnik_api::Tag;
use vestnik_api::paths::tag_path;

/// The tags under the article; nothing at all when it has none.
#[component]
pub fn TagList(tags: Vec<Tag>) -> impl IntoView {
    let lang = use_lang();
    (!tags.is_empty()).then(|| {
        view! {
            <nav class="tag-list" aria-label=move || lang.get().strings().tags>
                <ul>
                    {tags
                        .into_iter()
                        .map(|tag| {
                            view! {
                                <li>
                                    <a href=tag_path(&tag.slug) rel="tag">
                                        {tag.name}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        }
    })
}
