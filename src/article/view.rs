//! The article itself: headline, meta line, body, source, Telegram invitation and sharing.

use super::body::BlockView;
use super::breadcrumb::Breadcrumb;
use super::figure::{Figure, Loading};
use super::head::{canonical_url, use_article_head};
use super::meta_line::{MetaLine, SourceLine};
use super::share_bar::ShareBar;
use super::tag_list::TagList;
use super::telegram_cta::TelegramCta;
use leptos::html::H1;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use vestnik_api::Article;

/// Whether an article has been shown in this page's life already. The first
/// one leaves focus and scroll to the browser; each later one is a client-side
/// navigation, and the reader would otherwise stay scrolled down the old page.
static SHOWN_BEFORE: AtomicBool = AtomicBool::new(false);

/// Records that the page has shown an article already (one the server
/// rendered), so the next one the app shows is a navigation.
pub fn mark_article_shown() {
    SHOWN_BEFORE.store(true, Ordering::Relaxed);
}

/// A loaded article, rendered from typed blocks (never from HTML).
#[component]
pub fn ArticleView(
    /// The article.
    article: Article,
    /// The live view count, when the page counts views; else the article's own number.
    #[prop(optional)]
    views: Option<Signal<u64>>,
    /// The live comment count, when the page has the comments; else the article's own number.
    #[prop(optional)]
    comments: Option<Signal<u64>>,
) -> impl IntoView {
    let views = views.unwrap_or_else(|| Signal::stored(article.views));
    let comments = comments.unwrap_or_else(|| Signal::stored(article.comment_count));
    use_article_head(article.clone());
    let url = canonical_url(&article.slug);
    let Article {
        title,
        body,
        source,
        published_at,
        updated_at,
        image,
        mut tags,
        ..
    } = article;
    // The first tag is the rubric (see docs/api/README.md); the rest are topics.
    let rubric = (!tags.is_empty()).then(|| tags.remove(0));
    let headline = NodeRef::<H1>::new();
    let navigated = SHOWN_BEFORE.swap(true, Ordering::Relaxed);
    // Now, while the page is being built, not in an effect: the news list
    // below may restore a position in its next animation frame (back from
    // one of its stories), and a later scroll to the top would undo that.
    if navigated && let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
    Effect::new(move || {
        let Some(h1) = headline.get() else { return };
        if navigated {
            // Screen readers then start reading at the new headline; the
            // focus must not scroll (the position is decided above).
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = h1.focus_with_options(&options);
        }
    });
    view! {
        <article class="article" aria-labelledby="article-title">
            <header class="article-header">
                <Breadcrumb rubric=rubric.clone() />
                <h1 id="article-title" tabindex="-1" node_ref=headline>
                    {title.clone()}
                </h1>
                <MetaLine published_at updated_at views comments />
            </header>
            {image.map(|image| view! { <Figure image loading=Loading::Eager /> })}
            <div class="article-body">
                {body.into_iter().map(|block| view! { <BlockView block /> }).collect_view()}
            </div>
            {source.map(|source| view! { <SourceLine source /> })}
            <TagList tags=rubric.into_iter().chain(tags).collect() />
            <TelegramCta />
            <ShareBar url title />
        </article>
    }
}
