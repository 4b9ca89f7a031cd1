//! `GET /api/news`: order, limits, `exclude`, and keyset pagination under inserts.

use crate::common::TestServer;
use jiff::{SignedDuration, Timestamp};
use vestnik_api::{NewsPage, Source};
use vestnik_server::store::{self, NewArticle};

/// Every slug in the order the list must show them: (published_at DESC, id DESC).
async fn all_slugs(server: &TestServer) -> Vec<String> {
    sqlx::query_scalar("SELECT slug FROM articles ORDER BY published_at DESC, id DESC")
        .fetch_all(&server.pool)
        .await
        .unwrap()
}

async fn page(server: &TestServer, query: &str) -> NewsPage {
    serde_json::from_value(server.json(&format!("/api/news?{query}"), 200).await).unwrap()
}

/// Follows `next` from the first page; `between` runs before every later page.
async fn walk(
    server: &TestServer,
    query: &str,
    mut between: impl AsyncFnMut(usize),
) -> Vec<String> {
    let mut slugs = Vec::new();
    let mut cursor: Option<String> = None;
    for round in 0.. {
        let q = match &cursor {
            Some(c) => format!("{query}&before={c}"),
            None => query.to_owned(),
        };
        let page = page(server, &q).await;
        slugs.extend(page.items.into_iter().map(|i| i.slug));
        match page.next {
            Some(next) => cursor = Some(next),
            None => break,
        }
        between(round).await;
        assert!(round < 1000, "pagination does not end");
    }
    slugs
}

fn fresh(slug: String, published_at: Timestamp) -> NewArticle {
    NewArticle {
        title: format!("Свежая новость {slug}"),
        lead: "Только что.".to_owned(),
        body: Vec::new(),
        source: Source {
            name: "Харьковчанин".to_owned(),
            url: None,
        },
        published_at,
        updated_at: None,
        views: 0,
        tags: Vec::new(),
        image: None,
        slug,
    }
}

#[tokio::test]
async fn walking_the_pages_reaches_every_article_once_in_order() {
    let server = TestServer::seeded().await;
    let expected = all_slugs(&server).await;
    assert_eq!(expected.len(), 310);
    let walked = walk(&server, "limit=7", async |_| {}).await;
    assert_eq!(walked, expected);

    // The default page size, and the last page has no cursor.
    let first = page(&server, "").await;
    assert_eq!(first.items.len(), 20);
    assert!(first.next.is_some());
    let walked = walk(&server, "limit=50", async |_| {}).await;
    assert_eq!(walked, expected);
}

#[tokio::test]
async fn limit_is_clamped() {
    let server = TestServer::seeded().await;
    assert_eq!(page(&server, "limit=0").await.items.len(), 1);
    assert_eq!(page(&server, "limit=-3").await.items.len(), 1);
    assert_eq!(page(&server, "limit=1").await.items.len(), 1);
    assert_eq!(page(&server, "limit=50").await.items.len(), 50);
    assert_eq!(page(&server, "limit=5000").await.items.len(), 50);
}

#[tokio::test]
async fn exclude_leaves_out_the_given_slug() {
    let server = TestServer::seeded().await;
    let expected: Vec<String> = all_slugs(&server)
        .await
        .into_iter()
        .filter(|s| s != "belgium-invest-kharkiv")
        .collect();
    let walked = walk(
        &server,
        "limit=25&exclude=belgium-invest-kharkiv",
        async |_| {},
    )
    .await;
    assert_eq!(walked.len(), 309);
    assert_eq!(walked, expected);
    // Excluding an item deep in the list works on its page too.
    let walked = walk(&server, "limit=25&exclude=news-0150", async |_| {}).await;
    assert_eq!(walked.len(), 309);
    assert!(!walked.iter().any(|s| s == "news-0150"));
}

#[tokio::test]
async fn new_articles_between_pages_cause_no_skip_and_no_repeat() {
    let server = TestServer::seeded().await;
    let expected = all_slugs(&server).await;
    let pool = server.pool.clone();
    let now = Timestamp::now();
    let walked = walk(&server, "limit=9", async |round| {
        // Newer than everything, and one at the very instant of the newest item
        // (same published_at, higher id): both sort before any cursor handed out.
        let newer = now + SignedDuration::from_mins(round as i64 + 1);
        assert!(
            store::insert_article(&pool, &fresh(format!("fresh-{round}"), newer))
                .await
                .unwrap()
        );
        let tie = fresh(format!("tie-{round}"), expected_first_time(&pool).await);
        assert!(store::insert_article(&pool, &tie).await.unwrap());
    })
    .await;
    assert_eq!(
        walked, expected,
        "pages after the first are unaffected by new articles"
    );
    // Starting again from the top shows the new ones first.
    let top = page(&server, "limit=1").await;
    assert!(top.items[0].slug.starts_with("fresh-"));
}

async fn expected_first_time(pool: &sqlx::AnyPool) -> Timestamp {
    let ms: i64 = sqlx::query_scalar("SELECT published_at FROM articles WHERE slug = $1")
        .bind("belgium-invest-kharkiv")
        .fetch_one(pool)
        .await
        .unwrap();
    Timestamp::from_millisecond(ms).unwrap()
}

#[tokio::test]
async fn cursor_is_url_safe_and_empty_before_means_the_start() {
    let server = TestServer::seeded().await;
    let first = page(&server, "limit=3").await;
    let next = first.next.clone().unwrap();
    assert!(
        next.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    );
    assert_eq!(page(&server, "limit=3&before=").await, first);
    assert_eq!(page(&server, "limit=3&exclude=").await, first);
}

#[tokio::test]
async fn tag_lists_only_that_tags_news_and_names_it() {
    let server = TestServer::seeded().await;
    // The tags are decoded here rather than in SQL so that the expectation
    // does not share the backend-specific JSON query it checks.
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT slug, tags FROM articles ORDER BY published_at DESC, id DESC")
            .fetch_all(&server.pool)
            .await
            .unwrap();
    let expected: Vec<String> = rows
        .into_iter()
        .filter(|(_, tags)| {
            let tags: Vec<serde_json::Value> = serde_json::from_str(tags).unwrap();
            tags.iter().any(|tag| tag["slug"] == "economy")
        })
        .map(|(slug, _)| slug)
        .collect();
    assert!(expected.contains(&"belgium-invest-kharkiv".to_owned()));
    let first = page(&server, "tag=economy&limit=1").await;
    let tag = first.tag.expect("a tagged page names its tag");
    assert_eq!(
        (tag.slug.as_str(), tag.name.as_str()),
        ("economy", "Экономика")
    );
    let walked = walk(&server, "tag=economy&limit=3", async |_| {}).await;
    assert_eq!(walked, expected);
    // The untagged list does not name a tag.
    assert!(page(&server, "limit=1").await.tag.is_none());
}

#[tokio::test]
async fn unknown_tag_is_not_found() {
    let server = TestServer::seeded().await;
    let body = server.json("/api/news?tag=no-such-tag", 404).await;
    assert_eq!(body["error"]["code"], "not_found");
}
