//! One entry of a news list.

use crate::shell::RelativeTime;
use leptos::prelude::*;
use vestnik_api::NewsItem;

/// A news entry as an `<article>` of the feed: the linked headline, the
/// summary, the source and how long ago it was published.
#[component]
pub fn NewsCard(
    /// The news.
    item: NewsItem,
    /// Its 1-based place in the list (`aria-posinset`).
    position: usize,
    /// How many the list holds in all (`aria-setsize`), -1 while unknown.
    set_size: Signal<i64>,
) -> impl IntoView {
    let NewsItem {
        slug,
        title,
        summary,
        source,
        published_at,
        image,
    } = item;
    let title_id = format!("news-title-{position}");
    let labelled_by = title_id.clone();
    let href = vestnik_api::paths::article_path(&slug);
    // The seed's entries are a single sentence: a summary that only repeats
    // the headline is not shown twice.
    let summary = (!summary.trim().is_empty() && summary.trim() != title.trim()).then_some(summary);
    view! {
        <article
            class="news-card"
            tabindex="0"
            aria-posinset=position
            aria-setsize=move || set_size.get()
            aria-labelledby=labelled_by
        >
            {image
                .and_then(|image| {
                    let src = vestnik_api::links::safe_src(&image.src)?.to_owned();
                    Some(view! {
                        <img
                            class="news-thumb"
                            src=src
                            alt=""
                            width=image.width
                            height=image.height
                            loading="lazy"
                            decoding="async"
                        />
                    })
                })}
            <h3 class="news-title" id=title_id>
                <a href=href>{title}</a>
            </h3>
            {summary.map(|summary| view! { <p class="news-summary">{summary}</p> })}
            <p class="news-meta">
                {source.map(|source| view! { <span class="news-source">{source.name}</span> })}
                <RelativeTime iso=published_at />
            </p>
        </article>
    }
}
