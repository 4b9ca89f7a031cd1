//! Browser tests: wasm-bindgen-test in headless Chromium (they need a DOM
//! and the browser's Intl), so built for wasm32 only.
#![cfg(target_arch = "wasm32")]

use super::api::NewsQuery;
use super::news_card::NewsCard;
use super::*;
use crate::testing::{all, mount, settle, text_of};
use leptos::prelude::*;
use vestnik_api::{NewsItem, Source};
use wasm_bindgen_test::wasm_bindgen_test;

fn item(slug: &str, title: &str, summary: &str, published_at: &str) -> NewsItem {
    NewsItem {
        slug: slug.into(),
        title: title.into(),
        summary: summary.into(),
        source: Some(Source {
            name: "Харьковчанин".into(),
            url: None,
        }),
        published_at: published_at.into(),
        image: None,
    }
}

#[wasm_bindgen_test]
fn query_paths_encode_every_parameter() {
    let q = NewsQuery::other_than("a b&c");
    assert_eq!(q.path(None, 20), "/news?limit=20&exclude=a%20b%26c");
    assert_eq!(
        q.path(Some("1700000000000.42"), 5),
        "/news?limit=5&before=1700000000000.42&exclude=a%20b%26c"
    );
    assert_eq!(
        NewsQuery::tagged("economy").path(None, 1),
        "/news?limit=1&tag=economy"
    );
}

#[wasm_bindgen_test]
async fn a_card_is_a_feed_article_with_its_place_source_and_age() {
    let sixteen_hours_ago =
        js_sys::Date::new(&(js_sys::Date::now() - 16.0 * 3600.0 * 1000.0 - 60_000.0).into());
    let iso: String = sixteen_hours_ago.to_iso_string().into();
    let news = item(
        "road-works",
        "Ремонт дорог продолжается",
        "Ремонт дорог продолжается",
        &iso,
    );
    let root = mount(move || {
        view! { <NewsCard item=news position=7 set_size=Signal::stored(-1) /> }
    });
    settle().await;
    let card = root.query_selector("article.news-card").unwrap().unwrap();
    assert_eq!(card.get_attribute("aria-posinset").as_deref(), Some("7"));
    assert_eq!(card.get_attribute("aria-setsize").as_deref(), Some("-1"));
    assert_eq!(card.get_attribute("tabindex").as_deref(), Some("0"));
    let title_id = card.get_attribute("aria-labelledby").unwrap();
    assert_eq!(
        text_of(&root, &format!("#{title_id}")),
        "Ремонт дорог продолжается"
    );
    let link = root.query_selector(".news-title a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/news/road-works")
    );
    assert_eq!(text_of(&root, ".news-source"), "Харьковчанин");
    assert_eq!(text_of(&root, "time"), "16 часов назад");
    let time = root.query_selector("time").unwrap().unwrap();
    assert!(
        time.get_attribute("datetime")
            .unwrap()
            .starts_with(iso.get(..16).unwrap())
    );
    assert!(!time.get_attribute("title").unwrap_or_default().is_empty());
    // A summary that only repeats the headline is not shown twice.
    assert!(all(&root, ".news-summary").is_empty());
}

#[wasm_bindgen_test]
async fn a_card_shows_a_different_summary_and_survives_a_bad_date_and_no_source() {
    let mut news = item(
        "x",
        "Заголовок",
        "Подробности в одном предложении.",
        "not a date",
    );
    news.source = None;
    let root = mount(move || {
        view! { <NewsCard item=news position=1 set_size=Signal::stored(3) /> }
    });
    settle().await;
    assert_eq!(
        text_of(&root, ".news-summary"),
        "Подробности в одном предложении."
    );
    assert!(all(&root, "time").is_empty());
    assert!(all(&root, ".news-source").is_empty());
    let card = root.query_selector("article").unwrap().unwrap();
    assert_eq!(card.get_attribute("aria-setsize").as_deref(), Some("3"));
}

#[wasm_bindgen_test]
async fn a_feed_that_cannot_load_says_so_and_offers_a_retry() {
    // The test runner's server answers 404 to /api/news: a failure the feed
    // must show as an error row, not as an empty list or a panic.
    let root = mount(|| {
        view! {
            <h2 id="feed-title">"Другие новости"</h2>
            <NewsFeed query=NewsQuery::other_than("x") labelled_by="feed-title" />
        }
    });
    let feed = root.query_selector(".news-feed").unwrap().unwrap();
    assert_eq!(
        feed.get_attribute("aria-labelledby").as_deref(),
        Some("feed-title")
    );
    // No articles yet, so not yet a feed (a feed without articles is invalid ARIA).
    assert_eq!(feed.get_attribute("role"), None);
    // The first page waits for the reader to come near the list; whatever
    // earlier tests left in the page, this one is the reader's place.
    root.scroll_into_view();
    for _ in 0..50 {
        settle().await;
        if !all(&root, ".feed-error").is_empty() {
            break;
        }
    }
    assert_eq!(all(&root, ".feed-error[role=alert]").len(), 1);
    assert!(text_of(&root, ".feed-error").starts_with("Не удалось загрузить новости."));
    assert_eq!(text_of(&root, ".feed-error button"), "Повторить");
    assert_eq!(feed.get_attribute("aria-busy").as_deref(), Some("false"));
    assert!(all(&root, ".news-card").is_empty());
}

#[wasm_bindgen_test]
fn a_thumbnail_loads_only_from_an_address_the_url_policy_allows() {
    let thumbnail = |src: &str| {
        let mut news = item("x", "Заголовок", "", "2026-11-25T00:47:00Z");
        news.image = Some(vestnik_api::Image {
            src: src.into(),
            alt: String::new(),
            caption: None,
            credit: None,
            width: 120,
            height: 80,
            sources: Vec::new(),
        });
        news
    };
    let (safe, hostile) = (
        thumbnail("/media/a.jpg"),
        thumbnail("/\\evil.example/a.jpg"),
    );
    let root = mount(move || {
        view! {
            <NewsCard item=safe position=1 set_size=Signal::stored(2) />
            <NewsCard item=hostile position=2 set_size=Signal::stored(2) />
        }
    });
    let images = all(&root, "img.news-thumb");
    assert_eq!(images.len(), 1);
    assert_eq!(
        images[0].get_attribute("src").as_deref(),
        Some("/media/a.jpg")
    );
    // Out of the page at once: the feed tests need their sentinels within
    // their observers' reach, and every mounted test stays in the one page.
    root.remove();
}
