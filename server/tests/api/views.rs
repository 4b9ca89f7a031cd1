//! Counting views: one per reader per article a day, on the real database.

use crate::common::{TestServer, assert_error};
use jiff::{SignedDuration, Timestamp};
use vestnik_server::store;

const SEED: &str = "/api/articles/belgium-invest-kharkiv/views";

async fn views_of(server: &TestServer) -> u64 {
    server
        .json("/api/articles/belgium-invest-kharkiv", 200)
        .await["views"]
        .as_u64()
        .unwrap()
}

#[tokio::test]
async fn a_reader_is_counted_once_and_another_reader_again() {
    let server = TestServer::seeded().await;
    assert_eq!(views_of(&server).await, 293);
    let first = server
        .post_json(SEED, r#"{"reader_id":"reader-aaaa-1"}"#, 200)
        .await;
    assert_eq!(first, serde_json::json!({"views": 294, "counted": true}));
    let again = server
        .post_json(SEED, r#"{"reader_id":"reader-aaaa-1"}"#, 200)
        .await;
    assert_eq!(again, serde_json::json!({"views": 294, "counted": false}));
    let other = server
        .post_json(SEED, r#"{"reader_id":"reader-bbbb-2"}"#, 200)
        .await;
    assert_eq!(other, serde_json::json!({"views": 295, "counted": true}));
    assert_eq!(views_of(&server).await, 295);
}

#[tokio::test]
async fn the_same_reader_counts_again_only_after_a_day() {
    let server = TestServer::seeded().await;
    let slug = "belgium-invest-kharkiv";
    let start: Timestamp = "2026-11-25T08:00:00Z".parse().unwrap();
    let at = |hours: i64| start + SignedDuration::from_hours(hours);
    let count = |hours| store::count_view(&server.store, slug, "reader-cccc-3", at(hours));
    assert!(count(0).await.unwrap().unwrap().counted);
    assert!(!count(23).await.unwrap().unwrap().counted);
    // The window runs from the last counted view, not from each visit.
    assert!(count(24).await.unwrap().unwrap().counted);
    assert!(!count(47).await.unwrap().unwrap().counted);
    assert_eq!(count(48).await.unwrap().unwrap().views, 296);
}

#[tokio::test]
async fn views_of_a_missing_article_are_not_recorded() {
    let server = TestServer::seeded().await;
    let body = server
        .post_json(
            "/api/articles/nope/views",
            r#"{"reader_id":"reader-dddd-4"}"#,
            404,
        )
        .await;
    assert_error(&body, "not_found");
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM article_views")
        .fetch_one(&server.pool)
        .await
        .unwrap();
    assert_eq!(rows, 0);
}

#[tokio::test]
async fn hostile_or_broken_bodies_get_clear_errors_and_count_nothing() {
    let server = TestServer::seeded().await;
    for (body, status, code) in [
        (
            r#"{"reader_id":"<script>alert(1)</script>"}"#,
            422,
            "invalid",
        ),
        (r#"{"reader_id":"short"}"#, 422, "invalid"),
        (r#"{"reader_id":"a b c d e f g h"}"#, 422, "invalid"),
        (r#"{"reader_id":1234567890}"#, 400, "bad_request"),
        (r#"{}"#, 400, "bad_request"),
        ("not json", 400, "bad_request"),
    ] {
        let answer = server.post_json(SEED, body, status).await;
        assert_error(&answer, code);
    }
    let invalid = server.post_json(SEED, r#"{"reader_id":"x"}"#, 422).await;
    assert!(
        invalid["error"]["fields"]["reader_id"].is_string(),
        "{invalid}"
    );
    assert_eq!(views_of(&server).await, 293);
}

#[tokio::test]
async fn concurrent_views_by_different_readers_are_all_counted() {
    let server = TestServer::seeded().await;
    let posts = (0..40).map(|i| {
        let body = format!(r#"{{"reader_id":"reader-many-{i:04}"}}"#);
        let server = &server;
        async move { server.post(SEED, &body).await.status().as_u16() }
    });
    let statuses = futures::future::join_all(posts).await;
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    assert_eq!(views_of(&server).await, 333);
}
