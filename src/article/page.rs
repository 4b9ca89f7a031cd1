//! The article routes: `/news/{slug}` and the front page `/` (the newest article).

use super::api::{fetch_article, fetch_latest_article};
use super::skeleton::ArticleSkeleton;
use super::view::ArticleView;
use super::views::count_view;
use crate::api::ApiError;
use crate::comments::CommentsSection;
use crate::related::OtherNews;
use crate::shell::{ErrorPanel, NotFound};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use vestnik_api::Article;

/// `/news/{slug}`: the article the address names.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let article = LocalResource::new(move || {
        let slug = params.read().get("slug").unwrap_or_default();
        fetch_article(slug)
    });
    view! { <ArticleState article /> }
}

/// `/`: the newest article.
#[component]
pub fn LatestArticlePage() -> impl IntoView {
    let article = LocalResource::new(fetch_latest_article);
    view! { <ArticleState article /> }
}

/// Shows whichever state the article's request is in.
#[component]
fn ArticleState(article: LocalResource<Result<Article, ApiError>>) -> impl IntoView {
    move || match article.get() {
        None => view! { <ArticleSkeleton /> }.into_any(),
        Some(Ok(article)) => view! { <CountedArticle article /> }.into_any(),
        Some(Err(ApiError::NotFound)) => view! { <NotFound /> }.into_any(),
        Some(Err(error)) => {
            view! { <ErrorPanel error on_retry=move |_| article.refetch() /> }.into_any()
        }
    }
}

thread_local! {
    static FIRST_VIEW: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// The article, with this visit counted once and the server's new total shown.
#[component]
fn CountedArticle(article: Article) -> impl IntoView {
    let views = RwSignal::new(article.views);
    let comments = RwSignal::new(article.comment_count);
    let slug = article.slug.clone();
    let feed_slug = article.slug.clone();
    let comments_slug = article.slug.clone();
    // Once per visit: this runs when the loaded article is first shown, not on re-renders.
    leptos::task::spawn_local(async move {
        // A failed count is not the reader's problem; the page's number stays.
        if let Ok(count) = count_view(&slug).await {
            let _ = views.try_set(count.views);
        }
    });
    // On the first view of a visit the article paints in one task, the
    // comments and the news list in the next: one long task would keep a
    // phone's main thread busy past the moment the reader can already read
    // (Lighthouse's total blocking time). Later views render at once, so a
    // kept news list can restore the reader's scroll position in one go.
    let below_ready = RwSignal::new(!FIRST_VIEW.replace(false));
    if !below_ready.get_untracked() {
        set_timeout(
            move || {
                let _ = below_ready.try_set(true);
            },
            std::time::Duration::ZERO,
        );
    }
    view! {
        <ArticleView article views=Signal::from(views) comments=Signal::from(comments) />
        <Show when=move || below_ready.get()>
            <CommentsSection slug=comments_slug.clone() total=comments />
            <OtherNews slug=feed_slug.clone() />
        </Show>
    }
}
