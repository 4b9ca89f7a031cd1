//! `--static-dir`: real files by path, index.html for client routes, JSON for `/api`.

use crate::common::{Setup, TestServer, assert_error, content_type};

#[tokio::test]
async fn serves_the_spa_with_fallback_and_keeps_api_errors_json() {
    let dist = tempfile::tempdir().unwrap();
    let index = "<!doctype html><title>vestnik</title><div id=app></div>";
    std::fs::write(dist.path().join("index.html"), index).unwrap();
    std::fs::create_dir(dist.path().join("assets")).unwrap();
    std::fs::write(
        dist.path().join("assets/app-1234.js"),
        "export const x = 1;",
    )
    .unwrap();
    let server = TestServer::start(Setup {
        seed: true,
        static_dir: Some(dist.path().to_owned()),
        ..Setup::default()
    })
    .await;

    for path in [
        "/news/anything",
        "/news/belgium-invest-kharkiv",
        "/",
        "/index.html",
        "/some/deep/route",
    ] {
        let response = server.get(path).await;
        assert_eq!(response.status().as_u16(), 200, "{path}");
        assert!(content_type(&response).starts_with("text/html"), "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
        assert_eq!(response.text().await.unwrap(), index, "{path}");
    }

    let response = server.get("/assets/app-1234.js").await;
    assert_eq!(response.status().as_u16(), 200);
    assert!(content_type(&response).contains("javascript"));
    assert!(response.headers().get("cache-control").is_none());
    assert_eq!(response.text().await.unwrap(), "export const x = 1;");

    for path in ["/api/nope", "/api/", "/api/articles/nope"] {
        assert_error(&server.json(path, 404).await, "not_found");
    }
    server
        .json("/api/articles/belgium-invest-kharkiv", 200)
        .await;
}

#[tokio::test]
async fn without_static_dir_other_paths_are_json_404s() {
    let server = TestServer::start(Setup::default()).await;
    assert_error(&server.json("/news/anything", 404).await, "not_found");
}
