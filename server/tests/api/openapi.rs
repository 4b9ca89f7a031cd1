//! `docs/api/openapi.yaml` against the real server: every documented path, method
//! and status is produced by a real request, and each body validates against the
//! documented schema (made strict, so an undocumented field fails too).

use crate::common::{MODERATOR_TOKEN, Setup, TestServer, assert_error, content_type};
use serde_json::{Map, Value, json};
use std::collections::BTreeSet;
use std::time::Duration;
use vestnik_server::RateLimit;

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
    /// Seeded, allowing one comment post per address a minute.
    Limited,
    /// Seeded, and told to drain (as after SIGTERM with `--drain-seconds`).
    Draining,
}

/// The servers every case runs against.
struct Servers {
    healthy: TestServer,
    corrupt: TestServer,
    closed: TestServer,
    limited: TestServer,
    draining: TestServer,
}

impl Servers {
    fn get(&self, target: Target) -> &TestServer {
        match target {
            Target::Healthy => &self.healthy,
            Target::Corrupt => &self.corrupt,
            Target::Closed => &self.closed,
            Target::Limited => &self.limited,
            Target::Draining => &self.draining,
        }
    }
}

/// (documented path, method, status, server, request path)
const CASES: &[(&str, &str, u16, Target, &str)] = &[
    ("/api/health", "get", 200, Target::Healthy, "/api/health"),
    ("/api/health", "get", 503, Target::Closed, "/api/health"),
    ("/api/health", "get", 503, Target::Draining, "/api/health"),
    (
        "/api/health/ready",
        "get",
        200,
        Target::Healthy,
        "/api/health/ready",
    ),
    (
        "/api/health/ready",
        "get",
        503,
        Target::Closed,
        "/api/health/ready",
    ),
    (
        "/api/health/ready",
        "get",
        503,
        Target::Draining,
        "/api/health/ready",
    ),
    (
        "/api/health/live",
        "get",
        200,
        Target::Closed,
        "/api/health/live",
    ),
    (
        "/api/health/live",
        "get",
        200,
        Target::Draining,
        "/api/health/live",
    ),
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
    (
        "/api/news",
        "get",
        200,
        Target::Healthy,
        "/api/news?tag=economy&limit=5",
    ),
    (
        "/api/news",
        "get",
        404,
        Target::Healthy,
        "/api/news?tag=no-such-tag",
    ),
    (
        "/api/articles/{slug}/comments",
        "get",
        200,
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv/comments?reader=0123456789abcdef0123456789abcdef",
    ),
    (
        "/api/comments/challenge",
        "get",
        200,
        Target::Healthy,
        "/api/comments/challenge?reader=0123456789abcdef0123456789abcdef",
    ),
    (
        "/api/comments/challenge",
        "get",
        400,
        Target::Healthy,
        "/api/comments/challenge?reader=me",
    ),
    (
        "/api/comments/challenge",
        "get",
        503,
        Target::Closed,
        "/api/comments/challenge",
    ),
    ("/api/news", "get", 500, Target::Corrupt, "/api/news"),
    ("/api/news", "get", 503, Target::Closed, "/api/news"),
    (
        "/api/articles/{slug}/comments",
        "get",
        200,
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv/comments",
    ),
    (
        "/api/articles/{slug}/comments",
        "get",
        200,
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv/comments?limit=1",
    ),
    (
        "/api/articles/{slug}/comments",
        "get",
        200,
        Target::Healthy,
        "/api/articles/news-0001/comments",
    ),
    (
        "/api/articles/{slug}/comments",
        "get",
        400,
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv/comments?before=garbage",
    ),
    (
        "/api/articles/{slug}/comments",
        "get",
        404,
        Target::Healthy,
        "/api/articles/nope/comments",
    ),
    (
        "/api/articles/{slug}/comments",
        "get",
        500,
        Target::Corrupt,
        "/api/articles/belgium-invest-kharkiv/comments",
    ),
    (
        "/api/articles/{slug}/comments",
        "get",
        503,
        Target::Closed,
        "/api/articles/belgium-invest-kharkiv/comments",
    ),
    (
        "/api/articles/{slug}/comments/stream",
        "get",
        400,
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv/comments/stream?after=x",
    ),
    (
        "/api/articles/{slug}/comments/stream",
        "get",
        404,
        Target::Healthy,
        "/api/articles/nope/comments/stream",
    ),
    (
        "/api/articles/{slug}/comments/stream",
        "get",
        500,
        Target::Corrupt,
        "/api/articles/belgium-invest-kharkiv/comments/stream",
    ),
    (
        "/api/articles/{slug}/comments/stream",
        "get",
        503,
        Target::Closed,
        "/api/articles/belgium-invest-kharkiv/comments/stream",
    ),
    (
        "/api/articles/{slug}/comments/stream",
        "get",
        503,
        Target::Draining,
        "/api/articles/belgium-invest-kharkiv/comments/stream",
    ),
    (
        "/api/moderation/stream",
        "get",
        503,
        Target::Draining,
        "/api/moderation/stream",
    ),
];

/// (documented path, server, request path, Last-Event-ID) of event streams (200).
const STREAMS: &[(&str, Target, &str, Option<&str>)] = &[
    (
        "/api/articles/{slug}/comments/stream",
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv/comments/stream?after=0",
        None,
    ),
    (
        "/api/articles/{slug}/comments/stream",
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv/comments/stream",
        Some("0"),
    ),
];

/// (documented path, status, server, request path, bearer token) of GET
/// requests for moderators, run after the removals so the log has entries.
const MODERATOR_GETS: &[(&str, u16, Target, &str, Option<&str>)] = &[
    (
        "/api/moderation/log",
        200,
        Target::Healthy,
        "/api/moderation/log",
        Some(MODERATOR_TOKEN),
    ),
    (
        "/api/moderation/log",
        400,
        Target::Healthy,
        "/api/moderation/log?limit=many",
        Some(MODERATOR_TOKEN),
    ),
    (
        "/api/moderation/log",
        401,
        Target::Healthy,
        "/api/moderation/log",
        None,
    ),
    (
        "/api/moderation/log",
        503,
        Target::Closed,
        "/api/moderation/log?limit=5",
        Some(MODERATOR_TOKEN),
    ),
    (
        "/api/moderation/queue",
        503,
        Target::Closed,
        "/api/moderation/queue",
        Some(MODERATOR_TOKEN),
    ),
];

/// (documented path, method, status, request path, with the token, JSON body)
/// of the desk's requests on the healthy server, in order, after the DELETEs.
type DeskRequest = (
    &'static str,
    &'static str,
    u16,
    &'static str,
    bool,
    Option<&'static str>,
);

const DESK_REQUESTS: &[DeskRequest] = &[
    (
        "/api/moderation/settings",
        "get",
        200,
        "/api/moderation/settings",
        true,
        None,
    ),
    (
        "/api/moderation/settings",
        "get",
        401,
        "/api/moderation/settings",
        false,
        None,
    ),
    (
        "/api/moderation/queue",
        "get",
        200,
        "/api/moderation/queue?queue=recent",
        true,
        None,
    ),
    (
        "/api/moderation/queue",
        "get",
        400,
        "/api/moderation/queue?queue=bin",
        true,
        None,
    ),
    (
        "/api/moderation/queue",
        "get",
        401,
        "/api/moderation/queue",
        false,
        None,
    ),
    (
        "/api/moderation/comments/{id}/feature",
        "post",
        204,
        "/api/moderation/comments/4/feature",
        true,
        Some(r#"{"featured":true}"#),
    ),
    (
        "/api/moderation/comments/{id}/feature",
        "post",
        422,
        "/api/moderation/comments/3/feature",
        true,
        Some(r#"{"featured":true}"#),
    ),
    (
        "/api/moderation/comments/{id}/feature",
        "post",
        404,
        "/api/moderation/comments/999/feature",
        true,
        Some(r#"{"featured":true}"#),
    ),
    (
        "/api/moderation/comments/{id}/feature",
        "post",
        401,
        "/api/moderation/comments/4/feature",
        false,
        Some(r#"{"featured":true}"#),
    ),
    (
        "/api/moderation/comments/{id}/reject",
        "post",
        204,
        "/api/moderation/comments/4/reject",
        true,
        Some(r#"{"reason":"spam","note":"Реклама"}"#),
    ),
    (
        "/api/moderation/comments/{id}/reject",
        "post",
        422,
        "/api/moderation/comments/4/reject",
        true,
        Some(r#"{"reason":"nonsense"}"#),
    ),
    (
        "/api/moderation/comments/{id}/reject",
        "post",
        404,
        "/api/moderation/comments/999/reject",
        true,
        Some(r#"{"reason":"spam"}"#),
    ),
    (
        "/api/moderation/comments/{id}/reject",
        "post",
        401,
        "/api/moderation/comments/4/reject",
        false,
        Some(r#"{"reason":"spam"}"#),
    ),
    (
        "/api/moderation/comments/{id}/approve",
        "post",
        204,
        "/api/moderation/comments/4/approve",
        true,
        None,
    ),
    (
        "/api/moderation/comments/{id}/approve",
        "post",
        404,
        "/api/moderation/comments/999/approve",
        true,
        None,
    ),
    (
        "/api/moderation/comments/{id}/approve",
        "post",
        401,
        "/api/moderation/comments/4/approve",
        false,
        None,
    ),
    (
        "/api/moderation/bans",
        "post",
        201,
        "/api/moderation/bans",
        true,
        Some(r#"{"comment_id":5,"scope":"reader","hours":2,"note":"Спам"}"#),
    ),
    (
        "/api/moderation/bans",
        "post",
        422,
        "/api/moderation/bans",
        true,
        Some(r#"{"comment_id":999,"scope":"reader"}"#),
    ),
    (
        "/api/moderation/bans",
        "post",
        401,
        "/api/moderation/bans",
        false,
        Some(r#"{"comment_id":5,"scope":"reader"}"#),
    ),
    (
        "/api/moderation/bans",
        "get",
        200,
        "/api/moderation/bans",
        true,
        None,
    ),
    (
        "/api/moderation/bans",
        "get",
        401,
        "/api/moderation/bans",
        false,
        None,
    ),
    (
        "/api/moderation/bans/{id}",
        "delete",
        204,
        "/api/moderation/bans/1",
        true,
        None,
    ),
    (
        "/api/moderation/bans/{id}",
        "delete",
        404,
        "/api/moderation/bans/1",
        true,
        None,
    ),
    (
        "/api/moderation/bans/{id}",
        "delete",
        401,
        "/api/moderation/bans/1",
        false,
        None,
    ),
    (
        "/api/moderation/words",
        "post",
        201,
        "/api/moderation/words",
        true,
        Some(r#"{"word":"казино*","kind":"suspect"}"#),
    ),
    (
        "/api/moderation/words",
        "post",
        422,
        "/api/moderation/words",
        true,
        Some(r#"{"word":"","kind":"banned"}"#),
    ),
    (
        "/api/moderation/words",
        "post",
        401,
        "/api/moderation/words",
        false,
        Some(r#"{"word":"x","kind":"banned"}"#),
    ),
    (
        "/api/moderation/words",
        "get",
        200,
        "/api/moderation/words",
        true,
        None,
    ),
    (
        "/api/moderation/words",
        "get",
        401,
        "/api/moderation/words",
        false,
        None,
    ),
    (
        "/api/moderation/words/{kind}/{word}",
        "delete",
        204,
        "/api/moderation/words/suspect/%D0%BA%D0%B0%D0%B7%D0%B8%D0%BD%D0%BE*",
        true,
        None,
    ),
    (
        "/api/moderation/words/{kind}/{word}",
        "delete",
        404,
        "/api/moderation/words/suspect/%D0%BA%D0%B0%D0%B7%D0%B8%D0%BD%D0%BE*",
        true,
        None,
    ),
    (
        "/api/moderation/words/{kind}/{word}",
        "delete",
        400,
        "/api/moderation/words/bogus/x",
        true,
        None,
    ),
    (
        "/api/moderation/words/{kind}/{word}",
        "delete",
        401,
        "/api/moderation/words/banned/x",
        false,
        None,
    ),
    (
        "/api/moderation/articles/{slug}",
        "get",
        200,
        "/api/moderation/articles/belgium-invest-kharkiv",
        true,
        None,
    ),
    (
        "/api/moderation/articles/{slug}",
        "get",
        404,
        "/api/moderation/articles/nope",
        true,
        None,
    ),
    (
        "/api/moderation/articles/{slug}",
        "get",
        401,
        "/api/moderation/articles/belgium-invest-kharkiv",
        false,
        None,
    ),
    (
        "/api/moderation/articles/{slug}",
        "put",
        200,
        "/api/moderation/articles/news-0042",
        true,
        Some(r#"{"mode":"pre","closed":null}"#),
    ),
    (
        "/api/moderation/articles/{slug}",
        "put",
        422,
        "/api/moderation/articles/news-0042",
        true,
        Some(r#"{"mode":"sometimes"}"#),
    ),
    (
        "/api/moderation/articles/{slug}",
        "put",
        404,
        "/api/moderation/articles/nope",
        true,
        Some(r#"{}"#),
    ),
    (
        "/api/moderation/articles/{slug}",
        "put",
        401,
        "/api/moderation/articles/news-0042",
        false,
        Some(r#"{}"#),
    ),
    (
        "/api/moderation/comments/{id}/remove",
        "post",
        204,
        "/api/moderation/comments/4/remove",
        true,
        None,
    ),
    (
        "/api/moderation/comments/{id}/remove",
        "post",
        404,
        "/api/moderation/comments/4/remove",
        true,
        None,
    ),
    (
        "/api/moderation/comments/{id}/remove",
        "post",
        401,
        "/api/moderation/comments/4/remove",
        false,
        None,
    ),
    (
        "/api/moderation/stream-ticket",
        "post",
        200,
        "/api/moderation/stream-ticket",
        true,
        None,
    ),
    (
        "/api/moderation/stream-ticket",
        "post",
        401,
        "/api/moderation/stream-ticket",
        false,
        None,
    ),
    (
        "/api/moderation/stream",
        "get",
        401,
        "/api/moderation/stream?ticket=forged",
        false,
        None,
    ),
];

/// (documented path, status, server, request path, bearer token) of DELETE requests.
const DELETES: &[(&str, u16, Target, &str, Option<&str>)] = &[
    (
        "/api/comments/{id}",
        401,
        Target::Healthy,
        "/api/comments/1",
        None,
    ),
    (
        "/api/comments/{id}",
        401,
        Target::Healthy,
        "/api/comments/1",
        Some("not-the-token-at-all"),
    ),
    (
        "/api/comments/{id}",
        204,
        Target::Healthy,
        "/api/comments/1",
        Some(MODERATOR_TOKEN),
    ),
    (
        "/api/comments/{id}",
        404,
        Target::Healthy,
        "/api/comments/1",
        Some(MODERATOR_TOKEN),
    ),
    (
        "/api/comments/{id}",
        400,
        Target::Healthy,
        "/api/comments/abc",
        Some(MODERATOR_TOKEN),
    ),
    (
        "/api/comments/{id}",
        500,
        Target::Corrupt,
        "/api/comments/1",
        Some(MODERATOR_TOKEN),
    ),
    (
        "/api/comments/{id}",
        503,
        Target::Closed,
        "/api/comments/1",
        Some(MODERATOR_TOKEN),
    ),
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
    (
        "/api/articles/{slug}/comments",
        201,
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv/comments",
        r#"{"author":"Читатель","text":"Спасибо!","client_id":"openapi-0001","parent_id":null}"#,
    ),
    (
        "/api/articles/{slug}/comments",
        200,
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv/comments",
        r#"{"author":"Читатель","text":"Спасибо!","client_id":"openapi-0001","parent_id":null}"#,
    ),
    (
        "/api/articles/{slug}/comments",
        201,
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv/comments",
        r#"{"author":"Ответчик","text":"Ответ на первый","client_id":"openapi-0002","parent_id":1}"#,
    ),
    (
        "/api/articles/{slug}/comments",
        400,
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv/comments",
        r#"{"author":"#,
    ),
    (
        "/api/articles/{slug}/comments",
        404,
        Target::Healthy,
        "/api/articles/nope/comments",
        r#"{"author":"Читатель","text":"x","client_id":"openapi-0003"}"#,
    ),
    (
        "/api/articles/{slug}/comments",
        413,
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv/comments",
        LARGE_BODY,
    ),
    (
        "/api/articles/{slug}/comments",
        422,
        Target::Healthy,
        "/api/articles/belgium-invest-kharkiv/comments",
        r#"{"author":" ","text":" ","client_id":"openapi-0004"}"#,
    ),
    (
        "/api/articles/{slug}/comments",
        403,
        Target::Healthy,
        "/api/articles/with-everything/comments",
        r#"{"author":"Читатель","text":"Закрыто?","client_id":"openapi-0009"}"#,
    ),
    (
        "/api/comments/{id}/reports",
        201,
        Target::Healthy,
        "/api/comments/5/reports",
        r#"{"reader_key":"0000000000000000000000000000000b","reason":"spam"}"#,
    ),
    (
        "/api/comments/{id}/reports",
        200,
        Target::Healthy,
        "/api/comments/5/reports",
        r#"{"reader_key":"0000000000000000000000000000000b","reason":"insult"}"#,
    ),
    (
        "/api/comments/{id}/reports",
        400,
        Target::Healthy,
        "/api/comments/5/reports",
        r#"{"reason":"spam"}"#,
    ),
    (
        "/api/comments/{id}/reports",
        404,
        Target::Healthy,
        "/api/comments/999/reports",
        r#"{"reader_key":"0000000000000000000000000000000b","reason":"spam"}"#,
    ),
    (
        "/api/comments/{id}/reports",
        422,
        Target::Healthy,
        "/api/comments/5/reports",
        r#"{"reader_key":"KEY","reason":"spam"}"#,
    ),
    (
        "/api/comments/{id}/reports",
        503,
        Target::Closed,
        "/api/comments/5/reports",
        r#"{"reader_key":"0000000000000000000000000000000b","reason":"spam"}"#,
    ),
    (
        "/api/articles/{slug}/comments",
        201,
        Target::Limited,
        "/api/articles/belgium-invest-kharkiv/comments",
        r#"{"author":"Читатель","text":"Раз","client_id":"openapi-0005"}"#,
    ),
    (
        "/api/articles/{slug}/comments",
        429,
        Target::Limited,
        "/api/articles/belgium-invest-kharkiv/comments",
        r#"{"author":"Читатель","text":"Два","client_id":"openapi-0006"}"#,
    ),
    (
        "/api/articles/{slug}/comments",
        500,
        Target::Corrupt,
        "/api/articles/belgium-invest-kharkiv/comments",
        r#"{"author":"Читатель","text":"x","client_id":"openapi-0007"}"#,
    ),
    (
        "/api/articles/{slug}/comments",
        503,
        Target::Closed,
        "/api/articles/belgium-invest-kharkiv/comments",
        r#"{"author":"Читатель","text":"x","client_id":"openapi-0008"}"#,
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
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        413 => "payload_too_large",
        422 => "invalid",
        429 => "rate_limited",
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
    let server = TestServer::start(Setup::moderated()).await;
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
    // A comment to remove, and no event log: every comment operation fails.
    sqlx::query(
        "INSERT INTO comments (article_id, author, text, client_id, created_at) \
         SELECT id, $1, $2, $3, $4 FROM articles WHERE slug = $5",
    )
    .bind("Читатель")
    .bind("Текст")
    .bind("corrupt-0001")
    .bind(0_i64)
    .bind("belgium-invest-kharkiv")
    .execute(&server.pool)
    .await
    .unwrap();
    sqlx::query("DROP TABLE comment_events")
        .execute(&server.pool)
        .await
        .unwrap();
    server
}

/// Comments 1 (with reply 2) and 3 (removed): the healthy server's stream
/// replays every kind of event, and its pages hold top-level comments and replies.
async fn add_comments(server: &TestServer) {
    let top = server.comment("Первый", "openapi-seed-1", None).await;
    assert_eq!(top["id"], 1);
    server.comment("Ответ", "openapi-seed-2", Some(1)).await;
    server.comment("Удалить", "openapi-seed-3", None).await;
    let removed = server.delete_comment(3, Some(MODERATOR_TOKEN)).await;
    assert_eq!(removed.status().as_u16(), 204);
    // 4 for the desk's decisions; 5, by a reader with a key, for reports and a ban.
    server.comment("Для стола", "openapi-seed-4", None).await;
    let (status, fifth) = server
        .post_as(
            "belgium-invest-kharkiv",
            json!({"text": "С ключом", "reader_key": "0000000000000000000000000000000a"}),
        )
        .await;
    assert_eq!((status, fifth["id"].as_i64()), (201, Some(5)));
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
    // Closed by hand: its comments are readable, posting is refused.
    let answer = server
        .moderate(
            reqwest::Method::PUT,
            "/api/moderation/articles/with-everything",
            Some(json!({"closed": true})),
        )
        .await;
    assert_eq!(answer.status().as_u16(), 200);
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

    let healthy = TestServer::start(Setup::moderated()).await;
    add_full_article(&healthy).await;
    add_comments(&healthy).await;
    let corrupt = corrupt_server().await;
    let closed = TestServer::start(Setup::moderated()).await;
    closed.pool.close().await;
    let limited = TestServer::start(Setup {
        seed: true,
        comment_limit: Some(RateLimit {
            burst: 1,
            period: Duration::from_secs(60),
        }),
        ..Setup::default()
    })
    .await;
    let draining = TestServer::seeded().await;
    draining.shutdown.drain();
    let servers = Servers {
        healthy,
        corrupt,
        closed,
        limited,
        draining,
    };

    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().unwrap() {
            for status in operation["responses"].as_object().unwrap().keys() {
                documented.insert((path.clone(), method.clone(), status.clone()));
            }
        }
    }

    let mut exercised = BTreeSet::new();
    let mut exercise = |path: &str, method: &str, status: u16| {
        let key = (path.to_owned(), method.to_owned(), status.to_string());
        assert!(documented.contains(&key), "{key:?} is not documented");
        exercised.insert(key);
    };
    for &(path, method, status, target, request) in CASES {
        exercise(path, method, status);
        let response = servers.get(target).get(request).await;
        assert_response(&doc, &components, (path, method, status), response, request).await;
    }
    for &(path, status, target, request, request_body) in POSTS {
        exercise(path, "post", status);
        let response = servers.get(target).post(request, request_body).await;
        assert_response(&doc, &components, (path, "post", status), response, request).await;
    }
    for &(path, target, request, last_event_id) in STREAMS {
        exercise(path, "get", 200);
        let server = servers.get(target);
        let mut get = server.client.get(format!("{}{request}", server.base));
        if let Some(id) = last_event_id {
            get = get.header("last-event-id", id);
        }
        let response = get.send().await.unwrap();
        assert_event_stream(&doc, &components, path, response, request).await;
    }
    for &(path, status, target, request, token) in DELETES {
        exercise(path, "delete", status);
        let server = servers.get(target);
        let mut delete = server.client.delete(format!("{}{request}", server.base));
        if let Some(token) = token {
            delete = delete.bearer_auth(token);
        }
        let response = delete.send().await.unwrap();
        assert_response(
            &doc,
            &components,
            (path, "delete", status),
            response,
            request,
        )
        .await;
    }
    for &(path, status, target, request, token) in MODERATOR_GETS {
        exercise(path, "get", status);
        let server = servers.get(target);
        let mut get = server.client.get(format!("{}{request}", server.base));
        if let Some(token) = token {
            get = get.bearer_auth(token);
        }
        let response = get.send().await.unwrap();
        assert_response(&doc, &components, (path, "get", status), response, request).await;
    }
    let healthy = servers.get(Target::Healthy);
    for &(path, method, status, request, with_token, body) in DESK_REQUESTS {
        exercise(path, method, status);
        let verb = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let mut call = healthy
            .client
            .request(verb, format!("{}{request}", healthy.base));
        if with_token {
            call = call.bearer_auth(MODERATOR_TOKEN);
        }
        if let Some(body) = body {
            call = call
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(body.to_owned());
        }
        let response = call.send().await.unwrap();
        assert_response(&doc, &components, (path, method, status), response, request).await;
    }
    exercise("/api/moderation/stream", "get", 200);
    assert_desk_stream(&doc, &components, healthy).await;
    let missing: Vec<_> = documented.difference(&exercised).collect();
    assert!(
        missing.is_empty(),
        "documented but never exercised: {missing:?}"
    );
}

/// The desk's stream through a ticket: documented headers, and an `item` and
/// a `log` event, made by an approval, that match their schemas.
async fn assert_desk_stream(doc: &Value, components: &Value, server: &TestServer) {
    let ticket: Value = server
        .desk_post("/api/moderation/stream-ticket", json!({}), 200)
        .await
        .json()
        .await
        .unwrap();
    let request = format!(
        "/api/moderation/stream?ticket={}",
        ticket["ticket"].as_str().unwrap()
    );
    let response = server.get(&request).await;
    assert_eq!(response.status().as_u16(), 200);
    let documented = documented_response(doc, "/api/moderation/stream", "get", 200);
    assert_headers(documented, &response, &request);
    assert_eq!(content_type(&response), "text/event-stream");
    let kinds = &documented["content"]["text/event-stream"]["x-events"];
    let mut reader = crate::common::EventReader::new(response);
    assert_eq!(reader.next().await.retry.as_deref(), Some("2000"));
    server
        .desk_post("/api/moderation/comments/5/approve", json!({}), 204)
        .await;
    for expected in ["item", "log"] {
        let event = reader.next_event().await;
        assert_eq!(event.event.as_deref(), Some(expected));
        let schema = resolve(doc, &kinds[expected]);
        let data = event.json();
        let errors: Vec<String> = validator(components, schema)
            .iter_errors(&data)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "desk {expected}: {}\n{data}",
            errors.join("\n")
        );
    }
}

/// The documented response of `(path, method, status)`, references followed.
fn documented_response<'a>(doc: &'a Value, path: &str, method: &str, status: u16) -> &'a Value {
    resolve(
        doc,
        &doc["paths"][path][method]["responses"][status.to_string()],
    )
}

/// Asserts `response` has the documented status, headers and body: a JSON body
/// matching the schema, or no body where none is documented.
async fn assert_response(
    doc: &Value,
    components: &Value,
    (path, method, status): (&str, &str, u16),
    response: reqwest::Response,
    request: &str,
) {
    assert_eq!(
        response.status().as_u16(),
        status,
        "{method} {request}: status"
    );
    let documented = documented_response(doc, path, method, status);
    assert_headers(documented, &response, request);
    if documented.get("content").is_none() {
        let body = response.bytes().await.unwrap();
        assert!(body.is_empty(), "{method} {request}: no body is documented");
        return;
    }
    let kind = content_type(&response);
    assert!(
        kind.starts_with("application/json"),
        "{method} {request}: content-type {kind}"
    );
    let body: Value = response.json().await.expect("JSON body");
    assert_documented(doc, components, (path, method, status), &body, request);
}

/// Every header the document lists for the response is sent.
fn assert_headers(documented: &Value, response: &reqwest::Response, request: &str) {
    if let Some(headers) = documented.get("headers").and_then(Value::as_object) {
        for (name, spec) in headers {
            let value = response
                .headers()
                .get(name.as_str())
                .unwrap_or_else(|| panic!("{request}: documented header {name} is missing"));
            if let Some(expected) = spec["schema"]["const"].as_str() {
                assert_eq!(value, expected, "{request}: header {name}");
            }
        }
    }
}

/// Asserts an event stream: 200, the documented media type and headers, and
/// each event's data valid against the schema `x-events` names for its kind.
async fn assert_event_stream(
    doc: &Value,
    components: &Value,
    path: &str,
    response: reqwest::Response,
    request: &str,
) {
    assert_eq!(response.status().as_u16(), 200, "GET {request}");
    let documented = documented_response(doc, path, "get", 200);
    assert_headers(documented, &response, request);
    assert_eq!(content_type(&response), "text/event-stream");
    let kinds = documented["content"]["text/event-stream"]["x-events"]
        .as_object()
        .expect("x-events lists the event kinds");
    let mut reader = crate::common::EventReader::new(response);
    let mut seen = BTreeSet::new();
    // The replay ends with a `count`.
    loop {
        let event = reader.next_event().await;
        if event.retry.is_some() {
            continue;
        }
        let kind = event.event.clone().expect("every event is named");
        let schema = kinds
            .get(&kind)
            .unwrap_or_else(|| panic!("{request}: event {kind} is not documented"));
        let data = event.json();
        let errors: Vec<String> = validator(components, schema)
            .iter_errors(&data)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{kind} event {data}: {}",
            errors.join("\n")
        );
        // The settings are no point to resume from; every change is.
        assert_eq!(
            event.id.is_some(),
            kind != "comments_status",
            "{kind} event and its id"
        );
        let done = kind == "count";
        seen.insert(kind);
        if done {
            break;
        }
    }
    let documented_kinds: BTreeSet<String> = kinds.keys().cloned().collect();
    assert_eq!(
        seen, documented_kinds,
        "{request}: every documented event kind is replayed"
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
    let response = documented_response(doc, path, method, status);
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
    assert!(!block.is_valid(
        &json!({"type": "image", "src": "x", "alt": "", "caption": null,
        "credit": null, "width": 1, "height": 1, "sources": [], "onload": "x"})
    ));
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
    let comment = validator(
        &components,
        &json!({"$ref": "#/components/schemas/Comment"}),
    );
    let good = json!({"id": 1, "parent_id": null, "author": "Я", "text": "ж",
        "created_at": "2026-11-25T00:47:00Z", "client_id": "client-0001"});
    assert!(comment.is_valid(&good));
    let mut long = good.clone();
    long["text"] = json!("ж".repeat(2001));
    assert!(!comment.is_valid(&long), "over 2000 characters");
    long["text"] = json!("ж".repeat(2000));
    assert!(comment.is_valid(&long), "2000 characters, 4000 bytes");
    let mut extra = good.clone();
    extra["ip"] = json!("127.0.0.1");
    assert!(
        !comment.is_valid(&extra),
        "the poster's address is never sent"
    );
    let page = validator(
        &components,
        &json!({"$ref": "#/components/schemas/CommentPage"}),
    );
    assert!(!page.is_valid(&json!({"items": [], "next": null, "total": 0})));
}

#[test]
fn the_large_body_is_over_the_limit() {
    assert!(LARGE_BODY.len() > vestnik_server::routes::API_BODY_LIMIT);
}
