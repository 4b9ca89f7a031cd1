//! `/tags/{slug}`: every story of one rubric or topic, newest first.

use super::NewsFeed;
use super::api::{NewsQuery, fetch_news};
use crate::api::ApiError;
use crate::shell::head::use_plain_head;
use crate::shell::{ErrorPanel, Loading, NotFound};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use vestnik_api::paths::tag_path;

/// The page of the tag the address names: its name, then its endless list.
#[component]
pub fn TagPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    // The first entry's request also tells the tag's name, or that there is no such tag.
    let first = LocalResource::new(move || {
        let query = NewsQuery::tagged(slug.get());
        async move { fetch_news(&query, None, 1).await }
    });
    move || match first.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(ApiError::NotFound)) => view! { <NotFound /> }.into_any(),
        Some(Err(error)) => {
            view! { <ErrorPanel error on_retry=move |_| first.refetch() /> }.into_any()
        }
        Some(Ok(page)) => {
            let slug = slug.get_untracked();
            let name = page.tag.map(|tag| tag.name).unwrap_or_else(|| slug.clone());
            let title = name.clone();
            use_plain_head(move || title.clone(), Some(tag_path(&slug)), false);
            view! {
                <section class="tag-page" aria-labelledby="tag-title">
                    <h1 id="tag-title" tabindex="-1">{name}</h1>
                    <NewsFeed query=NewsQuery::tagged(slug) labelled_by="tag-title" />
                </section>
            }
            .into_any()
        }
    }
}
