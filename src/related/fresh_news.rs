//! A handful of the newest stories, offered where the reader hit a dead end.

use super::api::{NewsQuery, fetch_news};
use super::news_card::NewsCard;
use crate::i18n::use_lang;
use leptos::prelude::*;

/// How many stories the dead end offers.
const COUNT: u32 = 5;

/// The newest stories under a heading; nothing at all if they cannot be had,
/// since the page around it already says what went wrong.
#[component]
pub fn FreshNews() -> impl IntoView {
    let lang = use_lang();
    let page =
        LocalResource::new(|| async { fetch_news(&NewsQuery::default(), None, COUNT).await });
    move || {
        let items = page.get().and_then(Result::ok)?.items;
        (!items.is_empty()).then(|| {
            let set_size = Signal::stored(items.len() as i64);
            view! {
                <section class="fresh-news" aria-labelledby="fresh-news-title">
                    <h2 id="fresh-news-title">{move || lang.get().strings().fresh_news}</h2>
                    <div class="news-feed">
                        {items
                            .into_iter()
                            .enumerate()
                            .map(|(i, item)| view! { <NewsCard item position=i + 1 set_size /> })
                            .collect_view()}
                    </div>
                </section>
            }
        })
    }
}
