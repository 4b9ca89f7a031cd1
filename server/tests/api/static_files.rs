//! `--static-dir`: real files by path, index.html for client routes, JSON for `/api`.

use crate::common::{Setup, TestServer, assert_error, content_type};
use std::path::Path;
use vestnik_server::static_files::{IMMUTABLE, NO_CACHE, SHORT, cache_policy, has_content_hash};

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
    // No content hash in the name: cached briefly.
    assert_eq!(response.headers()["cache-control"], "public, max-age=300");
    assert_eq!(response.text().await.unwrap(), "export const x = 1;");

    for path in ["/api/nope", "/api/", "/api/articles/nope"] {
        assert_error(&server.json(path, 404).await, "not_found");
    }
    server
        .json("/api/articles/belgium-invest-kharkiv", 200)
        .await;
}

/// The moderation desk is a page of its own in `dist/moderation/`
/// (decision 32): its address answers it, never the reader's page.
#[tokio::test]
async fn the_desk_is_served_from_its_own_folder() {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<title>reader</title>").unwrap();
    std::fs::create_dir(dist.path().join("moderation")).unwrap();
    let desk = "<!doctype html><title>Модерация</title>";
    std::fs::write(dist.path().join("moderation/index.html"), desk).unwrap();
    let server = TestServer::start(Setup {
        static_dir: Some(dist.path().to_owned()),
        ..Setup::default()
    })
    .await;
    let response = server.get("/moderation/").await;
    assert_eq!(response.status().as_u16(), 200);
    assert!(content_type(&response).starts_with("text/html"));
    assert_eq!(response.headers()["cache-control"], "no-cache");
    assert_eq!(response.text().await.unwrap(), desk);
    // Without the slash: redirected to it (the client follows), still the desk.
    let response = server.get("/moderation").await;
    assert_eq!(response.url().path(), "/moderation/");
    assert_eq!(response.text().await.unwrap(), desk);
}

#[tokio::test]
async fn without_static_dir_other_paths_are_json_404s() {
    let server = TestServer::start(Setup::default()).await;
    assert_error(&server.json("/news/anything", 404).await, "not_found");
}

const WASM: &str = "vestnik-2c2f057cee979eb8_bg.wasm";
const JS: &str = "vestnik-2c2f057cee979eb8.js";
const CSS: &str = "main-bab697ecf94eb8f9.css";
const INDEX: &str = "<!doctype html><title>vestnik</title><div id=app></div>";

/// A built SPA as `cargo xtask build` leaves it: hashed assets, each (but the
/// CSS, which has only a `.br`) with `.br` and `.gz` siblings. The siblings'
/// bytes are made up, so an answer's body shows which file was sent, and that
/// nothing compressed it again.
fn fake_dist(dir: &Path) {
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    write("index.html", INDEX.as_bytes());
    write("index.html.br", b"index brotli bytes");
    write("index.html.gz", b"index gzip bytes");
    write(WASM, b"\0asm\x01\0\0\0 plain wasm module");
    write(&format!("{WASM}.br"), b"wasm brotli bytes");
    write(&format!("{WASM}.gz"), b"wasm gzip bytes");
    write(JS, b"export default function init() {}");
    write(&format!("{JS}.br"), b"js brotli bytes");
    write(&format!("{JS}.gz"), b"js gzip bytes");
    write(CSS, "body { margin: 0 } ".repeat(20).as_bytes());
    write(&format!("{CSS}.br"), b"css brotli bytes");
    write("config.json", br#"{"api_base": "/api"}"#);
    // A file whose name carries no hash (robots.txt is the server's own now).
    write("humans.txt", b"Made in Kharkiv\n");
}

impl TestServer {
    async fn get_encoded(&self, path: &str, accept_encoding: Option<&str>) -> reqwest::Response {
        let mut request = self.client.get(format!("{}{path}", self.base));
        if let Some(encodings) = accept_encoding {
            request = request.header("accept-encoding", encodings);
        }
        request.send().await.expect("request")
    }
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> Option<&'a str> {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().expect("a text header"))
}

fn varies_on_encoding(response: &reqwest::Response) -> bool {
    response
        .headers()
        .get_all("vary")
        .iter()
        .flat_map(|v| v.to_str().unwrap().split(','))
        .any(|token| token.trim().eq_ignore_ascii_case("accept-encoding"))
}

#[tokio::test]
async fn precompressed_siblings_are_sent_as_is_with_the_original_type() {
    let dist = tempfile::tempdir().unwrap();
    fake_dist(dist.path());
    let server = TestServer::start(Setup {
        static_dir: Some(dist.path().to_owned()),
        ..Setup::default()
    })
    .await;
    let wasm = format!("/{WASM}");

    for (accept, encoding, body) in [
        (Some("br"), Some("br"), &b"wasm brotli bytes"[..]),
        (Some("gzip"), Some("gzip"), b"wasm gzip bytes"),
        (Some("gzip, deflate, br"), Some("br"), b"wasm brotli bytes"),
        (None, None, b"\0asm\x01\0\0\0 plain wasm module"),
        (Some("identity"), None, b"\0asm\x01\0\0\0 plain wasm module"),
    ] {
        let response = server.get_encoded(&wasm, accept).await;
        assert_eq!(response.status().as_u16(), 200, "{accept:?}");
        assert_eq!(content_type(&response), "application/wasm", "{accept:?}");
        assert_eq!(
            header(&response, "content-encoding"),
            encoding,
            "{accept:?}"
        );
        assert!(varies_on_encoding(&response), "{accept:?}");
        assert_eq!(header(&response, "cache-control"), Some(IMMUTABLE));
        assert_eq!(&response.bytes().await.unwrap()[..], body, "{accept:?}");
    }

    let response = server.get_encoded(&format!("/{JS}"), Some("br")).await;
    assert!(content_type(&response).contains("javascript"));
    assert_eq!(header(&response, "content-encoding"), Some("br"));
    assert_eq!(header(&response, "cache-control"), Some(IMMUTABLE));
    assert_eq!(response.text().await.unwrap(), "js brotli bytes");

    // No .gz sibling: the compression layer gzips the CSS itself.
    let response = server.get_encoded(&format!("/{CSS}"), Some("gzip")).await;
    assert!(content_type(&response).starts_with("text/css"));
    assert_eq!(header(&response, "content-encoding"), Some("gzip"));
    assert_eq!(header(&response, "cache-control"), Some(IMMUTABLE));
    let vary_count = response
        .headers()
        .get_all("vary")
        .iter()
        .flat_map(|v| v.to_str().unwrap().split(','))
        .filter(|token| token.trim().eq_ignore_ascii_case("accept-encoding"))
        .count();
    assert_eq!(vary_count, 1, "{:?}", response.headers());
    let response = server.get_encoded(&format!("/{CSS}"), Some("br")).await;
    assert_eq!(response.text().await.unwrap(), "css brotli bytes");

    // The index, whether asked for or the fallback of a client-side route.
    for path in [
        "/",
        "/index.html",
        "/news/belgium-invest-kharkiv",
        "/vestnik-0000000000000000.js",
    ] {
        let response = server.get_encoded(path, Some("br")).await;
        assert_eq!(response.status().as_u16(), 200, "{path}");
        assert!(content_type(&response).starts_with("text/html"), "{path}");
        assert_eq!(header(&response, "content-encoding"), Some("br"), "{path}");
        assert_eq!(header(&response, "cache-control"), Some(NO_CACHE), "{path}");
        assert!(varies_on_encoding(&response), "{path}");
        assert_eq!(
            response.text().await.unwrap(),
            "index brotli bytes",
            "{path}"
        );

        let response = server.get_encoded(path, None).await;
        assert_eq!(header(&response, "content-encoding"), None, "{path}");
        assert_eq!(header(&response, "cache-control"), Some(NO_CACHE), "{path}");
        assert_eq!(response.text().await.unwrap(), INDEX, "{path}");
    }
}

#[tokio::test]
async fn cache_headers_follow_the_kind_of_file() {
    let dist = tempfile::tempdir().unwrap();
    fake_dist(dist.path());
    let server = TestServer::start(Setup {
        seed: true,
        static_dir: Some(dist.path().to_owned()),
        ..Setup::default()
    })
    .await;
    for (path, policy) in [
        (format!("/{WASM}"), IMMUTABLE),
        (format!("/{JS}"), IMMUTABLE),
        (format!("/{CSS}"), IMMUTABLE),
        ("/config.json".to_owned(), NO_CACHE),
        ("/humans.txt".to_owned(), SHORT),
        ("/".to_owned(), NO_CACHE),
        ("/news/anything".to_owned(), NO_CACHE),
    ] {
        let response = server.get(&path).await;
        assert_eq!(response.status().as_u16(), 200, "{path}");
        assert_eq!(header(&response, "cache-control"), Some(policy), "{path}");

        // A revalidation answers 304 with the same policy: a 304's headers
        // replace the cached ones, so a wrong one would outlive the check.
        let last_modified = header(&response, "last-modified")
            .unwrap_or_else(|| panic!("{path}: no Last-Modified"))
            .to_owned();
        let response = server
            .client
            .get(format!("{}{path}", server.base))
            .header("if-modified-since", last_modified)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 304, "{path}");
        assert_eq!(
            header(&response, "cache-control"),
            Some(policy),
            "{path} 304"
        );
    }
    assert_eq!(
        content_type(&server.get("/config.json").await),
        "application/json"
    );

    // The API keeps its own caching: the static policies never reach it.
    for path in ["/api/site", "/api/news?limit=1", "/api/nope"] {
        let response = server.get(path).await;
        let policy = header(&response, "cache-control");
        assert!(
            ![IMMUTABLE, SHORT].contains(&policy.unwrap_or_default()),
            "{path}: {policy:?}"
        );
    }
    // An error is not cached as if it were the file.
    let response = server
        .client
        .post(format!("{}/{WASM}", server.base))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_client_error());
    assert_eq!(header(&response, "cache-control"), None);
}

#[test]
fn content_hashes_are_recognised_by_name() {
    for name in [
        WASM,
        JS,
        CSS,
        "favicon-0123456789abcdef.ico",
        "a-0123456789abcdef.js.br",
        // trunk drops leading zeros: 15 digits happen (a real build's name).
        "vestnik-1c4340ee696bc54_bg.wasm",
    ] {
        assert!(has_content_hash(name), "{name}");
    }
    for name in [
        "index.html",
        "config.json",
        "app-1234.js",
        "vestnik-2C2F057CEE979EB8.js",
        "vestnik-2c2f057cee9.js",
        "vestnik-2c2f057cee979eb8a.js",
        "vestnik-2c2f057cee979eb8",
        "vestnik_2c2f057cee979eb8.js",
        "vestnik-2c2f057cee979eg8.js",
    ] {
        assert!(!has_content_hash(name), "{name}");
    }
    assert_eq!(cache_policy(&format!("/{WASM}")), IMMUTABLE);
    assert_eq!(cache_policy("/snippets/x/inline0.js"), SHORT);
    assert_eq!(cache_policy("/config.json"), NO_CACHE);
    assert_eq!(cache_policy("/"), NO_CACHE);
    assert_eq!(cache_policy("/docs/"), NO_CACHE);
    assert_eq!(cache_policy("/about.html"), NO_CACHE);
}
