//! Every error under `/api/` is the JSON error shape with the right status.

use crate::common::{TestServer, assert_error};

#[tokio::test]
async fn unknown_article_is_a_json_404() {
    let server = TestServer::seeded().await;
    assert_error(&server.json("/api/articles/nope", 404).await, "not_found");
}

#[tokio::test]
async fn unknown_api_paths_are_json_404s() {
    let server = TestServer::seeded().await;
    for path in [
        "/api/whatever",
        "/api/",
        "/api",
        "/api/articles",
        "/api/news/extra",
        "/api/articles/x/y",
    ] {
        assert_error(&server.json(path, 404).await, "not_found");
    }
}

#[tokio::test]
async fn malformed_queries_are_json_400s() {
    let server = TestServer::seeded().await;
    for path in [
        "/api/news?limit=abc",
        "/api/news?limit=1.5",
        "/api/news?limit=99999999999999999999999",
        "/api/news?before=garbage",
        "/api/news?before=zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
        "/api/news?before=000001a209bb9ca0000000000000000",
        "/api/news?limit=1&limit=2",
        "/api/articles/%FF",
    ] {
        assert_error(&server.json(path, 400).await, "bad_request");
    }
    let body = server.json("/api/news?before=garbage", 400).await;
    assert!(body["error"]["fields"]["before"].is_string(), "{body}");
}

#[tokio::test]
async fn wrong_method_is_a_json_405() {
    let server = TestServer::seeded().await;
    let response = server
        .client
        .post(format!("{}/api/news", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 405);
    assert!(response.headers().contains_key("allow"));
    assert_error(&response.json().await.unwrap(), "bad_request");
}

#[tokio::test]
async fn corrupt_stored_json_is_a_json_500_without_details() {
    let server = TestServer::seeded().await;
    sqlx::query("UPDATE articles SET body = $1 WHERE slug = $2")
        .bind("{not json")
        .bind("news-0001")
        .execute(&server.pool)
        .await
        .unwrap();
    let body = server.json("/api/articles/news-0001", 500).await;
    assert_error(&body, "internal");
    assert!(!body.to_string().contains("not json"), "{body}");
    // The other articles are still served.
    server.json("/api/articles/news-0002", 200).await;
}

#[tokio::test]
async fn a_closed_database_is_a_json_503() {
    let server = TestServer::seeded().await;
    server.json("/api/health", 200).await;
    server.pool.close().await;
    for path in [
        "/api/health",
        "/api/articles/belgium-invest-kharkiv",
        "/api/news",
    ] {
        assert_error(&server.json(path, 503).await, "unavailable");
    }
    // Site settings need no database.
    server.json("/api/site", 200).await;
}

#[tokio::test]
async fn responses_are_compressed_when_asked() {
    let server = TestServer::seeded().await;
    for encoding in ["br", "gzip"] {
        let response = server
            .client
            .get(format!("{}/api/news?limit=50", server.base))
            .header("accept-encoding", encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 200);
        assert_eq!(response.headers()["content-encoding"], encoding);
    }
}
