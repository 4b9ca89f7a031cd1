//! `--cors-origin`: listed origins may call the API from browsers, nobody else,
//! and without any listed origin there are no CORS headers at all.

use crate::common::{SLUG, Setup, TestServer, comment_json, content_type};
use std::time::Duration;
use vestnik_server::RateLimit;
use vestnik_server::config::check_cors_origin;

const ALLOWED: &str = "https://news.example.org";
const ALSO_ALLOWED: &str = "http://127.0.0.1:8081";
const STRANGER: &str = "https://evil.example.net";

async fn cors_server() -> TestServer {
    TestServer::start(Setup {
        seed: true,
        cors_origins: vec![ALLOWED, ALSO_ALLOWED],
        ..Setup::default()
    })
    .await
}

/// The value of `name`, which must be there once.
fn header<'a>(response: &'a reqwest::Response, name: &str) -> &'a str {
    let mut values = response.headers().get_all(name).iter();
    let value = values
        .next()
        .unwrap_or_else(|| panic!("no {name} header: {:?}", response.headers()));
    assert!(values.next().is_none(), "{name} more than once");
    value.to_str().unwrap()
}

/// The lowercase tokens of every `name` header (e.g. all `Vary` entries).
fn tokens(response: &reqwest::Response, name: &str) -> Vec<String> {
    response
        .headers()
        .get_all(name)
        .iter()
        .flat_map(|value| value.to_str().unwrap().split(','))
        .map(|token| token.trim().to_ascii_lowercase())
        .collect()
}

fn has_no_cors_headers(response: &reqwest::Response) -> bool {
    !response
        .headers()
        .keys()
        .any(|name| name.as_str().starts_with("access-control-"))
}

impl TestServer {
    async fn get_from(&self, path: &str, origin: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .header("origin", origin)
            .send()
            .await
            .expect("request")
    }

    async fn preflight(
        &self,
        path: &str,
        origin: &str,
        method: &str,
        headers: &str,
    ) -> reqwest::Response {
        let mut request = self
            .client
            .request(reqwest::Method::OPTIONS, format!("{}{path}", self.base))
            .header("origin", origin)
            .header("access-control-request-method", method);
        if !headers.is_empty() {
            request = request.header("access-control-request-headers", headers);
        }
        request.send().await.expect("request")
    }
}

#[tokio::test]
async fn a_listed_origin_may_read_answers_errors_included() {
    let server = cors_server().await;
    for origin in [ALLOWED, ALSO_ALLOWED] {
        let response = server
            .get_from(&format!("/api/articles/{SLUG}"), origin)
            .await;
        assert_eq!(response.status().as_u16(), 200);
        assert_eq!(header(&response, "access-control-allow-origin"), origin);
        assert!(
            tokens(&response, "vary").contains(&"origin".to_owned()),
            "caches must keep answers per origin: {:?}",
            response.headers()
        );
        assert_eq!(
            tokens(&response, "access-control-expose-headers"),
            ["retry-after"]
        );
        assert!(
            response
                .headers()
                .get("access-control-allow-credentials")
                .is_none(),
            "no credentials"
        );
        response.json::<serde_json::Value>().await.unwrap();
    }

    // A JSON error must be readable too, or the app could not show its message.
    let response = server.get_from("/api/articles/nope", ALLOWED).await;
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(header(&response, "access-control-allow-origin"), ALLOWED);
}

#[tokio::test]
async fn preflights_allow_posting_json_and_moderating() {
    let server = TestServer::start(Setup {
        seed: true,
        cors_origins: vec![ALLOWED],
        comment_limit: Some(RateLimit {
            burst: 1,
            period: Duration::from_secs(60),
        }),
        ..Setup::default()
    })
    .await;
    let path = format!("/api/articles/{SLUG}/comments");
    let response = server
        .preflight(&path, ALLOWED, "POST", "content-type")
        .await;
    assert!(
        [200, 204].contains(&response.status().as_u16()),
        "{response:?}"
    );
    assert_eq!(header(&response, "access-control-allow-origin"), ALLOWED);
    let methods = tokens(&response, "access-control-allow-methods");
    for method in ["get", "post", "delete", "options"] {
        assert!(methods.contains(&method.to_owned()), "{methods:?}");
    }
    let allowed_headers = tokens(&response, "access-control-allow-headers");
    for name in ["content-type", "accept", "authorization", "last-event-id"] {
        assert!(
            allowed_headers.contains(&name.to_owned()),
            "{allowed_headers:?}"
        );
    }
    assert_eq!(header(&response, "access-control-max-age"), "86400");
    assert!(tokens(&response, "vary").contains(&"origin".to_owned()));

    let response = server
        .preflight("/api/comments/1", ALLOWED, "DELETE", "authorization")
        .await;
    assert!([200, 204].contains(&response.status().as_u16()));
    assert_eq!(header(&response, "access-control-allow-origin"), ALLOWED);

    // Preflights never reach the rate limit: the one allowed post still goes through...
    let post = |client_id: &'static str| {
        server
            .client
            .post(format!("{}{path}", server.base))
            .header("origin", ALLOWED)
            .header("content-type", "application/json")
            .body(comment_json("Имя", "Текст", client_id, None))
            .send()
    };
    let created = post("client-cors-1").await.unwrap();
    assert_eq!(created.status().as_u16(), 201);
    assert_eq!(header(&created, "access-control-allow-origin"), ALLOWED);
    // ...and the page may read how long to wait when it is over the limit.
    let limited = post("client-cors-2").await.unwrap();
    assert_eq!(limited.status().as_u16(), 429);
    assert_eq!(header(&limited, "access-control-allow-origin"), ALLOWED);
    assert!(limited.headers().contains_key("retry-after"));
    assert_eq!(
        tokens(&limited, "access-control-expose-headers"),
        ["retry-after"]
    );
}

#[tokio::test]
async fn an_unlisted_origin_gets_no_allow_origin() {
    let server = cors_server().await;
    // Near misses of a listed origin: another scheme, port, or subdomain.
    for origin in [
        STRANGER,
        "http://news.example.org",
        "https://news.example.org:8443",
        "https://evil.news.example.org",
        "null",
    ] {
        let response = server.get_from("/api/site", origin).await;
        // Same-origin-only is the browser's doing: the server still answers.
        assert_eq!(response.status().as_u16(), 200);
        assert!(
            response
                .headers()
                .get("access-control-allow-origin")
                .is_none(),
            "{origin}: {:?}",
            response.headers()
        );
        let response = server
            .preflight("/api/comments/1", origin, "DELETE", "authorization")
            .await;
        assert!(
            response
                .headers()
                .get("access-control-allow-origin")
                .is_none(),
            "{origin}"
        );
    }
}

#[tokio::test]
async fn the_comment_stream_allows_a_listed_origin() {
    let server = cors_server().await;
    let response = server
        .client
        .get(format!(
            "{}/api/articles/{SLUG}/comments/stream",
            server.base
        ))
        .header("origin", ALLOWED)
        .header("last-event-id", "0")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(content_type(&response), "text/event-stream");
    assert_eq!(header(&response, "access-control-allow-origin"), ALLOWED);
    let mut reader = crate::common::EventReader::new(response);
    assert_eq!(reader.next().await.retry.as_deref(), Some("2000"));

    let response = server
        .preflight(
            &format!("/api/articles/{SLUG}/comments/stream"),
            ALLOWED,
            "GET",
            "last-event-id",
        )
        .await;
    assert_eq!(header(&response, "access-control-allow-origin"), ALLOWED);
}

#[tokio::test]
async fn without_listed_origins_there_are_no_cors_headers() {
    let server = TestServer::seeded().await;
    let response = server.get_from("/api/site", ALLOWED).await;
    assert_eq!(response.status().as_u16(), 200);
    assert!(has_no_cors_headers(&response), "{:?}", response.headers());
    let response = server
        .preflight("/api/site", ALLOWED, "GET", "content-type")
        .await;
    assert!(has_no_cors_headers(&response), "{:?}", response.headers());
}

#[test]
fn origins_are_checked_and_normalised() {
    for (given, kept) in [
        ("https://news.example.org", "https://news.example.org"),
        ("http://127.0.0.1:8081", "http://127.0.0.1:8081"),
        ("http://localhost:8081", "http://localhost:8081"),
        ("http://[::1]:8081", "http://[::1]:8081"),
        // Browsers send lowercase and leave a default port out.
        ("HTTPS://News.Example.ORG", "https://news.example.org"),
        ("https://news.example.org:443", "https://news.example.org"),
        ("http://news.example.org:80", "http://news.example.org"),
        ("https://news.example.org:80", "https://news.example.org:80"),
        (" https://xn--80ajbm.example ", "https://xn--80ajbm.example"),
    ] {
        let origin = check_cors_origin(given).unwrap_or_else(|e| panic!("{given}: {e}"));
        assert_eq!(origin.as_str(), kept, "{given}");
    }

    for (given, why) in [
        ("*", "wildcard is refused"),
        ("", "empty"),
        ("news.example.org", "must start with http:// or https://"),
        ("ftp://news.example.org", "scheme must be http or https"),
        ("https://news.example.org/", "trailing slash"),
        ("https://news.example.org/app", "no path"),
        ("https://news.example.org?x=1", "no path, query"),
        ("https://user@news.example.org", "no user name"),
        ("https://", "host is missing"),
        ("https://:8081", "host is missing"),
        ("https://news.example.org:0", "port must be a number"),
        ("https://news.example.org:65536", "port must be a number"),
        ("https://news.example.org:+80", "port must be a number"),
        ("https://news.example.org:", "port must be a number"),
        ("https://новости.example", "punycode"),
        ("https://news..example.org", "domain name or an IP address"),
        ("https://news example.org", "contains a space"),
        ("http://::1:8081", "IPv6 address goes in brackets"),
        ("http://[::1", "closing bracket"),
        ("http://[zz]:80", "IPv6 address is not valid"),
    ] {
        let error = check_cors_origin(given).expect_err(given).to_string();
        assert!(error.contains(why), "{given:?}: {error}");
        assert!(
            error.contains(&format!("{given:?}")),
            "names the value: {error}"
        );
        assert!(
            error.contains("https://news.example.org"),
            "gives an example: {error}"
        );
        assert!(
            matches!(
                check_cors_origin(given),
                Err(vestnik_server::ServerError::Config(_))
            ),
            "{given:?}"
        );
    }
    let wildcard = check_cors_origin("*").unwrap_err().to_string();
    assert!(wildcard.contains("any page on the web"), "{wildcard}");
}

#[test]
fn the_flag_repeats_and_splits_on_commas() {
    use clap::Parser;
    use vestnik_server::Config;
    let config = Config::try_parse_from(["vestnik-server"]).unwrap();
    assert!(config.cors_origins.is_empty());
    assert!(Config::defaults().cors_origins.is_empty());

    let config = Config::try_parse_from([
        "vestnik-server",
        "--cors-origin",
        "https://a.example.org",
        "--cors-origin",
        "https://b.example.org,http://localhost:8081",
    ])
    .unwrap();
    let origins: Vec<&str> = config.cors_origins.iter().map(|o| o.as_str()).collect();
    assert_eq!(
        origins,
        [
            "https://a.example.org",
            "https://b.example.org",
            "http://localhost:8081"
        ]
    );
    assert!(config.validate().is_ok());

    let error = Config::try_parse_from([
        "vestnik-server",
        "--cors-origin",
        "https://a.example.org,https://b.example.org/",
    ])
    .unwrap_err()
    .to_string();
    assert!(
        error.contains("--cors-origin") && error.contains("\"https://b.example.org/\""),
        "{error}"
    );
    assert!(error.contains("trailing slash"), "{error}");
}
