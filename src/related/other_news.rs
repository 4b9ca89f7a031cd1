//! "Другие новости" under the article.

use super::NewsFeed;
use super::api::NewsQuery;
use crate::i18n::use_lang;
use leptos::prelude::*;
use vestnik_api::NewsPage;

/// The endless list of other news under the article `slug`, which it leaves out.
#[component]
pub fn OtherNews(
    /// The article being read.
    slug: String,
    /// The list's first page, when the page already has it.
    #[prop(default = None)]
    first_page: Option<NewsPage>,
) -> AnyView {
    let lang = use_lang();
    view! {
        <section class="other-news" aria-labelledby="other-news-title">
            <h2 id="other-news-title">{move || lang.get().strings().other_news}</h2>
            <NewsFeed
                query=NewsQuery::other_than(slug)
                labelled_by="other-news-title"
                first_page=first_page
            />
        </section>
    }
    .into_any()
}
