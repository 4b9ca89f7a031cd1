//! Posting, listing, paging and removing comments over real HTTP.

use crate::common::{
    MODERATOR_TOKEN, SLUG, Setup, TestServer, assert_error, comment_json, content_type,
};
use serde_json::Value;
use std::collections::BTreeSet;
use std::time::Duration;
use vestnik_api::{COMMENT_MAX_CHARS, Comment, CommentPage};
use vestnik_server::RateLimit;

const COMMENTS: &str = "/api/articles/belgium-invest-kharkiv/comments";

async fn page(server: &TestServer, query: &str) -> CommentPage {
    serde_json::from_value(server.json(&format!("{COMMENTS}{query}"), 200).await)
        .expect("CommentPage")
}

async fn comment_count(server: &TestServer) -> u64 {
    server.json(&format!("/api/articles/{SLUG}"), 200).await["comment_count"]
        .as_u64()
        .unwrap()
}

#[tokio::test]
async fn posted_comments_are_listed_oldest_first_with_their_replies() {
    let server = TestServer::seeded().await;
    let empty = page(&server, "").await;
    assert_eq!((empty.items.len(), empty.total, empty.next), (0, 0, None));
    assert_eq!(empty.last_event_id, 0);

    let response = server
        .post(
            COMMENTS,
            &comment_json(
                "  Олена  ",
                "  Первый!\r\nВторая строка  ",
                "client-aaaa1",
                None,
            ),
        )
        .await;
    assert_eq!(response.status().as_u16(), 201);
    assert!(content_type(&response).starts_with("application/json"));
    let first: Comment = response.json().await.unwrap();
    assert_eq!(first.author, "Олена");
    assert_eq!(first.text, "Первый!\nВторая строка");
    assert_eq!(first.client_id.as_deref(), Some("client-aaaa1"));
    assert_eq!(first.parent_id, None);
    assert!(first.created_at.parse::<jiff::Timestamp>().is_ok());

    let second = server.comment("Второй", "client-bbbb2", None).await;
    let reply = server
        .comment("Ответ первому", "client-cccc3", Some(first.id))
        .await;
    assert_eq!(reply["parent_id"], first.id);

    let listed = page(&server, "").await;
    let ids: Vec<i64> = listed.items.iter().map(|c| c.id).collect();
    let second_id = second["id"].as_i64().unwrap();
    let reply_id = reply["id"].as_i64().unwrap();
    assert_eq!(
        ids,
        [first.id, second_id, reply_id],
        "strictly oldest first"
    );
    assert_eq!(listed.items[0], first);
    assert_eq!(listed.total, 3);
    assert_eq!(listed.next, None);
    assert!(listed.last_event_id > 0);
    assert_eq!(comment_count(&server).await, 3);
    // Another article has none.
    let other = server.json("/api/articles/news-0001/comments", 200).await;
    assert_eq!(other["total"], 0);
    assert_eq!(
        server.json("/api/articles/news-0001", 200).await["comment_count"],
        0
    );
}

#[tokio::test]
async fn invalid_comments_are_422_with_the_field_named() {
    let server = TestServer::seeded().await;
    let top = server.comment("Верхний", "client-top-1", None).await["id"]
        .as_i64()
        .unwrap();
    let reply = server.comment("Ответ", "client-reply-1", Some(top)).await["id"]
        .as_i64()
        .unwrap();
    let elsewhere: Value = server
        .post_json(
            "/api/articles/news-0001/comments",
            &comment_json("Кто-то", "В другой статье", "client-other-1", None),
            201,
        )
        .await;
    let elsewhere = elsewhere["id"].as_i64().unwrap();

    let too_long = "я".repeat(COMMENT_MAX_CHARS + 1);
    let cases: Vec<(String, &str)> = vec![
        (comment_json("", "текст", "client-x0001", None), "author"),
        (
            comment_json(" \t ", "текст", "client-x0002", None),
            "author",
        ),
        (
            comment_json(&"а".repeat(81), "текст", "client-x0003", None),
            "author",
        ),
        (comment_json("Имя", "", "client-x0004", None), "text"),
        (
            comment_json("Имя", " \n\t\r\n ", "client-x0005", None),
            "text",
        ),
        (comment_json("Имя", &too_long, "client-x0006", None), "text"),
        (comment_json("Имя", "текст", "short", None), "client_id"),
        (
            comment_json("Имя", "текст", "client id with spaces", None),
            "client_id",
        ),
        (
            comment_json("Имя", "текст", &"x".repeat(65), None),
            "client_id",
        ),
        (
            comment_json("Имя", "текст", "client-x0007", Some(999_999)),
            "parent_id",
        ),
        (
            comment_json("Имя", "ответ на ответ", "client-x0008", Some(reply)),
            "parent_id",
        ),
        (
            comment_json("Имя", "чужая статья", "client-x0009", Some(elsewhere)),
            "parent_id",
        ),
    ];
    for (body, field) in &cases {
        let error = server.post_json(COMMENTS, body, 422).await;
        assert_error(&error, "invalid");
        assert!(
            error["error"]["fields"][field].is_string(),
            "{field}: {error}"
        );
    }
    // A reply to a reply says why.
    let error = server
        .post_json(
            COMMENTS,
            &comment_json("Имя", "ответ на ответ", "client-x0010", Some(reply)),
            422,
        )
        .await;
    assert!(
        error["error"]["fields"]["parent_id"]
            .as_str()
            .unwrap()
            .contains("top-level"),
        "{error}"
    );
    // Several bad fields are all reported at once.
    let error = server
        .post_json(COMMENTS, &comment_json(" ", " ", "bad", None), 422)
        .await;
    let fields = error["error"]["fields"].as_object().unwrap();
    assert_eq!(fields.len(), 3, "{error}");

    // Exactly the limit in multi-byte characters is fine (4000 bytes of UTF-8).
    let at_limit = "ж".repeat(COMMENT_MAX_CHARS);
    let stored = server.comment(&at_limit, "client-limit-1", None).await;
    assert_eq!(stored["text"].as_str().unwrap().chars().count(), 2000);
    // So are characters outside the BMP (8000 bytes).
    let emoji = "😀".repeat(COMMENT_MAX_CHARS);
    server.comment(&emoji, "client-limit-2", None).await;

    assert_eq!(
        comment_count(&server).await,
        4,
        "rejected posts store nothing"
    );
}

#[tokio::test]
async fn malformed_posts_are_400_and_unknown_articles_404() {
    let server = TestServer::seeded().await;
    for body in [
        "{",
        r#"{"author":"a","text":"b"}"#,
        r#"{"author":1,"text":"b","client_id":"client-0001"}"#,
        r#"{"author":"a","text":"b","client_id":"client-0001","parent_id":"x"}"#,
    ] {
        assert_error(&server.post_json(COMMENTS, body, 400).await, "bad_request");
    }
    let body = comment_json("Имя", "текст", "client-0001", None);
    assert_error(
        &server
            .post_json("/api/articles/nope/comments", &body, 404)
            .await,
        "not_found",
    );
    assert_error(
        &server.json("/api/articles/nope/comments", 404).await,
        "not_found",
    );
}

#[tokio::test]
async fn a_retry_with_the_same_client_id_answers_the_stored_comment() {
    let server = TestServer::seeded().await;
    let body = comment_json("Имя", "Один раз", "client-retry-1", None);
    let first = server.post_json(COMMENTS, &body, 201).await;
    let events = server.last_event_id(SLUG).await;
    let again = server.post_json(COMMENTS, &body, 200).await;
    assert_eq!(again, first);
    // The client_id decides, not the text: a retry with edited text is still the same post.
    let edited = comment_json("Имя", "Один раз (исправлено)", "client-retry-1", None);
    assert_eq!(server.post_json(COMMENTS, &edited, 200).await, first);
    assert_eq!(comment_count(&server).await, 1);
    assert_eq!(server.last_event_id(SLUG).await, events, "no new event");
    // The same client_id under another article is another comment.
    server
        .post_json("/api/articles/news-0001/comments", &body, 201)
        .await;
}

#[tokio::test]
async fn simultaneous_retries_store_one_comment() {
    let server = TestServer::seeded().await;
    let body = comment_json("Имя", "Гонка", "client-race-1", None);
    let posts = (0..8).map(|_| server.post(COMMENTS, &body));
    let responses = futures::future::join_all(posts).await;
    let mut statuses = Vec::new();
    let mut ids = BTreeSet::new();
    for response in responses {
        statuses.push(response.status().as_u16());
        let comment: Value = response.json().await.unwrap();
        ids.insert(comment["id"].as_i64().unwrap());
    }
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 200, 200, 200, 200, 200, 200, 201]);
    assert_eq!(ids.len(), 1);
    assert_eq!(comment_count(&server).await, 1);
}

#[tokio::test]
async fn posting_is_rate_limited_per_address_with_retry_after() {
    let server = TestServer::start(Setup {
        seed: true,
        comment_limit: Some(RateLimit {
            burst: 2,
            period: Duration::from_secs(10),
        }),
        ..Setup::default()
    })
    .await;
    server.comment("Раз", "client-rate-1", None).await;
    // A rejected post counts too: the limit guards the endpoint, not the table.
    server
        .post_json(COMMENTS, &comment_json("", "x", "client-rate-2", None), 422)
        .await;
    let response = server
        .post(COMMENTS, &comment_json("Имя", "Три", "client-rate-3", None))
        .await;
    assert_eq!(response.status().as_u16(), 429);
    let retry_after: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=10).contains(&retry_after), "Retry-After {retry_after}");
    assert!(content_type(&response).starts_with("application/json"));
    let body: Value = response.json().await.unwrap();
    assert_error(&body, "rate_limited");
    // Per address, not per article.
    let other = server
        .post(
            "/api/articles/news-0001/comments",
            &comment_json("Имя", "Там", "client-rate-4", None),
        )
        .await;
    assert_eq!(other.status().as_u16(), 429);
    // Reading is not limited.
    for _ in 0..5 {
        server.json(COMMENTS, 200).await;
    }
    assert_eq!(comment_count(&server).await, 1);
}

#[tokio::test]
async fn removing_needs_the_moderator_token_and_takes_the_replies() {
    let server = TestServer::start(Setup::moderated()).await;
    let top = server.comment("Спам", "client-del-1", None).await["id"]
        .as_i64()
        .unwrap();
    let reply = server
        .comment("Ответ на спам", "client-del-2", Some(top))
        .await["id"]
        .as_i64()
        .unwrap();
    let keep = server.comment("Нормальный", "client-del-3", None).await["id"]
        .as_i64()
        .unwrap();
    assert_eq!(comment_count(&server).await, 3);

    for token in [None, Some("wrong-token-wrong-token"), Some("")] {
        let response = server.delete_comment(top, token).await;
        assert_eq!(response.status().as_u16(), 401, "{token:?}");
        assert_eq!(response.headers()["www-authenticate"], "Bearer");
        assert_error(&response.json().await.unwrap(), "unauthorized");
    }
    // A Basic header with the right secret is still not a bearer token.
    let basic = server
        .client
        .delete(format!("{}/api/comments/{top}", server.base))
        .header("authorization", format!("Basic {MODERATOR_TOKEN}"))
        .send()
        .await
        .unwrap();
    assert_eq!(basic.status().as_u16(), 401);
    assert_eq!(comment_count(&server).await, 3);

    let response = server.delete_comment(top, Some(MODERATOR_TOKEN)).await;
    assert_eq!(response.status().as_u16(), 204);
    assert!(response.bytes().await.unwrap().is_empty());
    let listed = page(&server, "").await;
    let ids: Vec<i64> = listed.items.iter().map(|c| c.id).collect();
    assert_eq!(ids, [keep]);
    assert_eq!(listed.total, 1);
    assert_eq!(comment_count(&server).await, 1);

    for gone in [top, reply, 999_999] {
        let response = server.delete_comment(gone, Some(MODERATOR_TOKEN)).await;
        assert_eq!(response.status().as_u16(), 404, "{gone}");
        assert_error(&response.json().await.unwrap(), "not_found");
    }
    // No replies to a removed comment.
    let error = server
        .post_json(
            COMMENTS,
            &comment_json("Имя", "Ответ", "client-del-4", Some(top)),
            422,
        )
        .await;
    assert!(error["error"]["fields"]["parent_id"].is_string());
    // A bad id is a 400 whatever the token.
    let response = server.delete_comment(0, Some(MODERATOR_TOKEN)).await;
    assert_eq!(response.status().as_u16(), 404);
    let response = server
        .client
        .delete(format!("{}/api/comments/abc", server.base))
        .bearer_auth(MODERATOR_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
}

#[tokio::test]
async fn without_a_token_configured_moderation_is_disabled() {
    let server = TestServer::seeded().await;
    let id = server.comment("Текст", "client-nomod-1", None).await["id"]
        .as_i64()
        .unwrap();
    let response = server.delete_comment(id, Some(MODERATOR_TOKEN)).await;
    assert_eq!(response.status().as_u16(), 401);
    let body: Value = response.json().await.unwrap();
    assert_error(&body, "unauthorized");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("moderation is disabled"),
        "{body}"
    );
    assert_eq!(comment_count(&server).await, 1);
}

#[tokio::test]
async fn paging_back_through_120_comments_loses_and_repeats_nothing() {
    let server = TestServer::seeded().await;
    let mut expected = Vec::new();
    for n in 0..120 {
        let id = server
            .comment(
                &format!("Комментарий {n}"),
                &format!("client-page-{n:04}"),
                None,
            )
            .await["id"]
            .as_i64()
            .unwrap();
        expected.push(id);
        // Every tenth comment gets a reply, which travels with its parent.
        if n % 10 == 0 {
            let reply = server
                .comment(
                    &format!("Ответ {n}"),
                    &format!("client-rply-{n:04}"),
                    Some(id),
                )
                .await["id"]
                .as_i64()
                .unwrap();
            expected.push(reply);
        }
    }
    let mut seen = Vec::new();
    let mut query = "?limit=50".to_owned();
    let mut pages = Vec::new();
    loop {
        let page = page(&server, &query).await;
        assert!((132..=133).contains(&page.total), "{}", page.total);
        let tops = page.items.iter().filter(|c| c.parent_id.is_none()).count();
        pages.push(tops);
        let ids: Vec<i64> = page.items.iter().map(|c| c.id).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted, "oldest first inside a page");
        for reply in page.items.iter().filter(|c| c.parent_id.is_some()) {
            assert!(
                ids.contains(&reply.parent_id.unwrap()),
                "reply with its parent"
            );
        }
        // Newest page first: prepend.
        seen.splice(0..0, ids);
        match page.next {
            Some(next) => {
                // A comment posted while paging lands on the first page, not in between.
                if pages.len() == 1 {
                    server.comment("Новый", "client-page-new", None).await;
                }
                query = format!("?limit=50&before={next}");
            }
            None => break,
        }
    }
    assert_eq!(pages, [50, 50, 20]);
    assert_eq!(seen, expected);

    // Limits are clamped, not refused.
    assert_eq!(
        page(&server, "?limit=1000")
            .await
            .items
            .iter()
            .filter(|c| c.parent_id.is_none())
            .count(),
        100
    );
    assert_eq!(page(&server, "?limit=0").await.items.len(), 1);
    let from_start = page(&server, "?before=").await;
    let tops = from_start.items.iter().filter(|c| c.parent_id.is_none());
    assert_eq!(tops.count(), 50, "empty before= is the newest page");
    assert_eq!(from_start.total, 133);
    for bad in [
        "?before=garbage",
        "?before=0000000000000000",
        "?limit=x",
        "?before=1",
    ] {
        let error = server.json(&format!("{COMMENTS}{bad}"), 400).await;
        assert_error(&error, "bad_request");
    }
}

#[tokio::test]
async fn hostile_text_is_stored_and_returned_verbatim_as_plain_text() {
    let server = TestServer::seeded().await;
    let hostile = "<script>alert('x')</script> <img src=x onerror=alert(1)> \u{202e}txet desrever\u{202c} &amp; \"quotes\"";
    let stored = server.comment(hostile, "client-evil-1", None).await;
    assert_eq!(stored["text"], hostile);
    let listed = page(&server, "").await;
    assert_eq!(listed.items[0].text, hostile);
    let author_html = server
        .post_json(
            COMMENTS,
            &comment_json("<b>Имя</b>\u{202e}", "текст", "client-evil-2", None),
            201,
        )
        .await;
    assert_eq!(author_html["author"], "<b>Имя</b>\u{202e}");

    // Control characters go, tabs and line breaks stay.
    let cleaned = server
        .comment("a\u{0}b\u{7}c\u{1b}[31m\td\r\ne\rf", "client-evil-3", None)
        .await;
    assert_eq!(cleaned["text"], "abc[31m\td\ne\nf");

    // A 10,000-character line is refused by length, not cut.
    let long_line = "A".repeat(10_000);
    let error = server
        .post_json(
            COMMENTS,
            &comment_json("Имя", &long_line, "client-evil-4", None),
            422,
        )
        .await;
    assert!(error["error"]["fields"]["text"].is_string());
    assert_eq!(comment_count(&server).await, 3);
}
