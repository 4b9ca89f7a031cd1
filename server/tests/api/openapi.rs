//! `docs/api/openapi.yaml` against the real server: every documented path, method
//! and status is produced by a real request, and each body validates against the
//! documented schema (made strict, so an undocumented field fails too).

use crate::common::{TestServer, assert_error};
use serde_json::{Map, Value, json};
use std::collections::BTreeSet;

const DOC: &str = include_str!("../../../docs/api/openapi.yaml");

/// Which server a request goes to.
#[derive(Clone, Copy)]
enum Target {
    /// Seeded and healthy.
    Healthy,
    /// Seeded, plus a newest article whose stored JSON is corrupt, and no table of views.
    Corrupt,
    /// Its database pool closed.
    Closed,
}

/// (documented path, method, status, server, request path)
const CASES: &[(&str, &str, u16, Target, &str)] = &[
    ("/api/health", "get", 200, Target::Healthy, "/api/health"),
    ("/api/health", "get", 503, Target::Closed, "/api/health"),
    ("/api/site", "get", 200, Target::Healthy, "/api/site"),
    (
        "/api/articles/{slug}",
        "get",
        200,
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv",
    ),
    (
        "/api/articles/{slug}",
        "get",
        200,
        Target::Healthy,
        "/api/articles/news-0042",
    ),
    (
        "/api/articles/{slug}",
        "get",
        200,
        Target::Healthy,
        "/api/articles/with-everything",
    ),
    (
        "/api/articles/{slug}",
        "get",
        400,
        Target::Healthy,
        "/api/articles/%FF",
    ),
    (
        "/api/articles/{slug}",
        "get",
        404,
        Target::Healthy,
        "/api/articles/nope",
    ),
    (
        "/api/articles/{slug}",
        "get",
        500,
        Target::Corrupt,
        "/api/articles/broken",
    ),
    (
        "/api/articles/{slug}",
        "get",
        503,
        Target::Closed,
        "/api/articles/belgium-invest-kharkiv",
    ),
    ("/api/news", "get", 200, Target::Healthy, "/api/news"),
    (
        "/api/news",
        "get",
        200,
        Target::Healthy,
        "/api/news?limit=50&exclude=belgium-invest-kharkiv",
    ),
    (
        "/api/news",
        "get",
        400,
        Target::Healthy,
        "/api/news?limit=abc",
    ),
    (
        "/api/news",
        "get",
        400,
        Target::Healthy,
        "/api/news?before=garbage",
    ),
    ("/api/news", "get", 500, Target::Corrupt, "/api/news"),
    ("/api/news", "get", 503, Target::Closed, "/api/news"),
];

/// (documented path, status, server, request path, JSON body) of POST requests.
const POSTS: &[(&str, u16, Target, &str, &str)] = &[
    (
        "/api/articles/{slug}/views",
        200,
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv/views",
        r#"{"reader_id":"reader-0001"}"#,
    ),
    (
        "/api/articles/{slug}/views",
        400,
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv/views",
        r#"{"reader":"#,
    ),
    (
        "/api/articles/{slug}/views",
        404,
        Target::Healthy,
        "/api/articles/nope/views",
        r#"{"reader_id":"reader-0001"}"#,
    ),
    (
        "/api/articles/{slug}/views",
        413,
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv/views",
        LARGE_BODY,
    ),
    (
        "/api/articles/{slug}/views",
        422,
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv/views",
        r#"{"reader_id":"<script>"}"#,
    ),
    (
        "/api/articles/{slug}/views",
        500,
        Target::Corrupt,
        "/api/articles/belgium-invest-kharkiv/views",
        r#"{"reader_id":"reader-0001"}"#,
    ),
    (
        "/api/articles/{slug}/views",
        503,
        Target::Closed,
        "/api/articles/belgium-invest-kharkiv/views",
        r#"{"reader_id":"reader-0001"}"#,
    ),
];

/// A body over the API's 16 KiB limit (the fixture is about 6 KB of UTF-8).
const LARGE_BODY: &str = concat!(
    r#"{"reader_id":""#,
    include_str!("../../seed/seed-page.ru.txt"),
    include_str!("../../seed/seed-page.ru.txt"),
    include_str!("../../seed/seed-page.ru.txt"),
    include_str!("../../seed/seed-page.ru.txt"),
    r#""}"#
);

fn code_for(status: u16) -> &'static str {
    match status {
        400 => "bad_request",
        404 => "not_found",
        413 => "payload_too_large",
        422 => "invalid",
        500 => "internal",
        503 => "unavailable",
        other => panic!("no error code for {other}"),
    }
}

/// Every object schema with `properties` refuses properties it does not list.
fn strict(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".to_owned(), Value::Bool(false));
            }
            map.values_mut().for_each(strict);
        }
        Value::Array(items) => items.iter_mut().for_each(strict),
        _ => {}
    }
}

/// Follows a local `$ref` such as `#/components/responses/NotFound`.
fn resolve<'a>(doc: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let pointer = reference.strip_prefix('#').expect("local ref");
            resolve(
                doc,
                doc.pointer(pointer)
                    .unwrap_or_else(|| panic!("dangling {reference}")),
            )
        }
        None => node,
    }
}

fn validator(components: &Value, schema: &Value) -> jsonschema::Validator {
    let mut root = Map::new();
    root.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    root.insert("components".into(), components.clone());
    for (key, value) in schema.as_object().expect("schema object") {
        root.insert(key.clone(), value.clone());
    }
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&Value::Object(root))
        .expect("the documented schema compiles")
}

async fn corrupt_server() -> TestServer {
    let server = TestServer::seeded().await;
    sqlx::query(
        "INSERT INTO articles (slug, title, lead, body, source_name, published_at, tags, image) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind("broken")
    .bind("Broken")
    .bind("")
    .bind("[{\"type\":")
    .bind("Харьковчанин")
    .bind(jiff::Timestamp::now().as_millisecond() + 60_000)
    .bind("[]")
    .bind("{\"src\":")
    .execute(&server.pool)
    .await
    .unwrap();
    // Counting a view reads no JSON column; a database fault is what makes it fail.
    sqlx::query("DROP TABLE article_views")
        .execute(&server.pool)
        .await
        .unwrap();
    server
}

/// An article that uses every optional part of the schema.
async fn add_full_article(server: &TestServer) {
    use vestnik_api::{Block, Image, ImageSource, Inline, Mark, Source, Tag};
    let article = vestnik_server::store::NewArticle {
        slug: "with-everything".to_owned(),
        title: "Всё сразу".to_owned(),
        lead: "Статья со всеми видами блоков.".to_owned(),
        body: vec![
            Block::Heading {
                level: 2,
                text: "Подзаголовок".to_owned(),
            },
            Block::Paragraph {
                inlines: vec![
                    Inline::plain("Текст, "),
                    Inline {
                        text: "ссылка".to_owned(),
                        marks: vec![Mark::Strong, Mark::Emphasis],
                        href: Some("https://www.city.kharkiv.ua/".to_owned()),
                    },
                ],
            },
            Block::Quote {
                text: "Цитата без автора".to_owned(),
                attribution: None,
            },
            Block::Image(Image {
                src: "/media/bridge.jpg".to_owned(),
                alt: "Мост через Лопань".to_owned(),
                caption: Some("Мост после ремонта".to_owned()),
                credit: Some("Фото: Харьковчанин".to_owned()),
                width: 1600,
                height: 900,
                sources: vec![ImageSource {
                    src: "/media/bridge-800.jpg".to_owned(),
                    width: 800,
                }],
            }),
            Block::Embed {
                url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ".to_owned(),
                title: Some("Видео с места событий".to_owned()),
                provider: Some("YouTube".to_owned()),
            },
        ],
        source: Source {
            name: "Харьковчанин".to_owned(),
            url: None,
        },
        published_at: "2020-01-01T10:00:00Z".parse().unwrap(),
        updated_at: Some("2020-01-02T10:00:00Z".parse().unwrap()),
        views: 7,
        tags: vec![Tag {
            slug: "city".to_owned(),
            name: "Город".to_owned(),
        }],
        image: Some(Image {
            src: "/media/photo.jpg".to_owned(),
            alt: "Площадь Свободы".to_owned(),
            caption: Some("Площадь Свободы утром".to_owned()),
            credit: None,
            width: 1200,
            height: 800,
            sources: Vec::new(),
        }),
    };
    assert!(
        vestnik_server::store::insert_article(&server.pool, &article)
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn every_documented_response_is_produced_and_matches_its_schema() {
    let doc: Value = serde_yaml::from_str(DOC).expect("openapi.yaml is YAML");
    assert_eq!(
        doc["openapi"].as_str().map(|v| v.starts_with("3.1")),
        Some(true)
    );
    let mut components = doc["components"].clone();
    strict(&mut components);

    let healthy = TestServer::seeded().await;
    add_full_article(&healthy).await;
    let corrupt = corrupt_server().await;
    let closed = TestServer::seeded().await;
    closed.pool.close().await;

    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().unwrap() {
            for status in operation["responses"].as_object().unwrap().keys() {
                documented.insert((path.clone(), method.clone(), status.clone()));
            }
        }
    }

    let mut exercised = BTreeSet::new();
    for &(path, method, status, target, request) in CASES {
        let key = (path.to_owned(), method.to_owned(), status.to_string());
        assert!(documented.contains(&key), "{key:?} is not documented");
        exercised.insert(key);

        let server = match target {
            Target::Healthy => &healthy,
            Target::Corrupt => &corrupt,
            Target::Closed => &closed,
        };
        let body = server.json(request, status).await;
        assert_documented(&doc, &components, (path, method, status), &body, request);
    }
    for &(path, status, target, request, request_body) in POSTS {
        let key = (path.to_owned(), "post".to_owned(), status.to_string());
        assert!(documented.contains(&key), "{key:?} is not documented");
        exercised.insert(key);
        let server = match target {
            Target::Healthy => &healthy,
            Target::Corrupt => &corrupt,
            Target::Closed => &closed,
        };
        let body = server.post_json(request, request_body, status).await;
        assert_documented(&doc, &components, (path, "post", status), &body, request);
    }
    let missing: Vec<_> = documented.difference(&exercised).collect();
    assert!(
        missing.is_empty(),
        "documented but never exercised: {missing:?}"
    );
}

/// Asserts `body`, answered to `request`, matches the documented response of
/// `(path, method, status)`, and is the error shape with the right code for errors.
fn assert_documented(
    doc: &Value,
    components: &Value,
    (path, method, status): (&str, &str, u16),
    body: &Value,
    request: &str,
) {
    let response = resolve(
        doc,
        &doc["paths"][path][method]["responses"][status.to_string()],
    );
    let schema = &response["content"]["application/json"]["schema"];
    assert!(
        schema.is_object(),
        "{path} {status}: no JSON schema documented"
    );
    let validator = validator(components, schema);
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{method} {request} ({status}) does not match the doc:\n{}\n{body}",
        errors.join("\n")
    );
    if status >= 400 {
        assert_error(body, code_for(status));
    }
}

#[test]
fn schemas_reject_what_the_server_must_not_send() {
    // Guards the test above: a strict schema that accepts anything proves nothing.
    let doc: Value = serde_yaml::from_str(DOC).unwrap();
    let mut components = doc["components"].clone();
    strict(&mut components);
    let news_page = validator(
        &components,
        &json!({"$ref": "#/components/schemas/NewsPage"}),
    );
    assert!(news_page.is_valid(&json!({"items": [], "next": null})));
    assert!(
        !news_page.is_valid(&json!({"items": []})),
        "next is always sent"
    );
    assert!(!news_page.is_valid(&json!({"items": [], "next": null, "extra": 1})));
    let block = validator(&components, &json!({"$ref": "#/components/schemas/Block"}));
    assert!(block.is_valid(&json!({"type": "quote", "text": "x", "attribution": null})));
    assert!(!block.is_valid(&json!({"type": "video", "src": "x"})));
    assert!(!block.is_valid(&json!({"type": "image", "src": "x", "alt": "", "caption": null,
        "credit": null, "width": 1, "height": 1, "sources": [], "onload": "x"})));
    assert!(!block.is_valid(&json!({"type": "embed", "url": "https://x.example/", "title": null})));
    assert!(
        !block.is_valid(
            &json!({"type": "paragraph", "inlines": [{"text": "x", "marks": []}], "x": 1})
        )
    );
    let time = validator(
        &components,
        &json!({"$ref": "#/components/schemas/Timestamp"}),
    );
    assert!(time.is_valid(&json!("2026-11-25T00:47:00Z")));
    assert!(!time.is_valid(&json!("25.11.2026 02:47")));
    let error = validator(
        &components,
        &json!({"$ref": "#/components/schemas/ErrorBody"}),
    );
    assert!(!error.is_valid(&json!({"error": {"code": "teapot", "message": "x"}})));
}

#[test]
fn the_large_body_is_over_the_limit() {
    assert!(LARGE_BODY.len() > vestnik_server::routes::API_BODY_LIMIT);
}
