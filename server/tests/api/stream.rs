//! The comment event stream, read as raw bytes: live events, replay from
//! `Last-Event-ID` / `?after=`, removals, keep-alive, lag and shutdown.

use crate::common::{MODERATOR_TOKEN, SLUG, Setup, SseEvent, TestServer, assert_error, uuid_like};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;
use vestnik_api::NewComment;
use vestnik_server::comments::post::{self, Posted};
use vestnik_server::comments::text::validate;
use vestnik_server::comments::{CommentEvent, CommentHub, EventBatch, EventData};

const QUIET: Duration = Duration::from_millis(400);

fn kinds(events: &[SseEvent]) -> Vec<&str> {
    events
        .iter()
        .map(|e| e.event.as_deref().unwrap_or("?"))
        .collect()
}

#[tokio::test]
async fn a_comment_posted_after_connecting_arrives_with_its_count() {
    let server = TestServer::seeded().await;
    let response = server
        .client
        .get(format!(
            "{}/api/articles/{SLUG}/comments/stream",
            server.base
        ))
        .header("accept-encoding", "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "text/event-stream");
    assert_eq!(headers["cache-control"], "no-cache");
    assert_eq!(headers["x-accel-buffering"], "no");
    assert!(
        !headers.contains_key("content-encoding"),
        "an event stream is never compressed (it would be buffered)"
    );
    let mut reader = crate::common::EventReader::new(response);
    let retry = reader.next().await;
    assert_eq!(retry.retry.as_deref(), Some("2000"));
    assert_eq!((retry.event, retry.data), (None, None));
    let status = reader.next_event().await;
    assert_eq!(status.event.as_deref(), Some("comments_status"));
    assert_eq!(status.id, None);
    assert_eq!(
        status.json(),
        serde_json::json!({"closed": false, "moderation": "post", "proof_of_work": false})
    );

    let posted = server.comment("Живой", "client-live-1", None).await;
    let event = reader.next_event().await;
    assert_eq!(event.event.as_deref(), Some("comment"));
    assert_eq!(event.json(), posted);
    let count = reader.next_event().await;
    assert_eq!(count.event.as_deref(), Some("count"));
    assert_eq!(count.json(), serde_json::json!({"total": 1}));
    assert_eq!(
        count.id, event.id,
        "count carries the id of the change it follows"
    );
    assert_eq!(event.id_number(), server.last_event_id(SLUG).await);

    // Comments on other articles do not show up here.
    server
        .post_json(
            "/api/articles/news-0001/comments",
            &crate::common::comment_json("Имя", "Не сюда", "client-live-2", None),
            201,
        )
        .await;
    assert!(reader.drain(QUIET).await.is_empty());
}

#[tokio::test]
async fn resuming_replays_exactly_the_missed_events() {
    let server = TestServer::seeded().await;
    let a = server.comment("A", "client-resume-a", None).await;
    let after_a = server.last_event_id(SLUG).await;
    let b = server.comment("B", "client-resume-b", None).await;
    let c = server
        .comment("C", "client-resume-c", Some(b["id"].as_i64().unwrap()))
        .await;

    // ?after= (the app reopening the stream).
    let mut reader = server
        .open_stream(SLUG, &format!("?after={after_a}"), None)
        .await;
    let replay = reader.take(3).await;
    assert!(reader.drain(QUIET).await.is_empty(), "nothing more");
    assert_eq!(kinds(&replay), ["comment", "comment", "count"]);
    assert_eq!(replay[0].json(), b);
    assert_eq!(replay[1].json(), c);
    assert_eq!(replay[2].json()["total"], 3);
    assert_eq!(replay[2].id, replay[1].id);
    let ids: Vec<i64> = replay.iter().map(SseEvent::id_number).collect();
    assert!(ids[0] > after_a && ids[0] < ids[1]);

    // Live events after the replay come once, never again from the backlog.
    let d = server.comment("D", "client-resume-d", None).await;
    let live = reader.take(2).await;
    assert!(reader.drain(QUIET).await.is_empty(), "nothing more");
    assert_eq!(kinds(&live), ["comment", "count"]);
    assert_eq!(live[0].json(), d);
    assert!(live[0].id_number() > ids[1]);

    // Last-Event-ID (the browser's own reconnect) means the same, and wins over ?after=.
    let mut reader = server
        .open_stream(SLUG, "?after=0", Some(&ids[1].to_string()))
        .await;
    let replay = reader.take(2).await;
    assert!(reader.drain(QUIET).await.is_empty(), "nothing more");
    assert_eq!(kinds(&replay), ["comment", "count"]);
    assert_eq!(replay[0].json(), d);

    // From 0: everything; with nothing missed: nothing at all.
    let mut reader = server.open_stream(SLUG, "?after=0", None).await;
    let all = reader.take(5).await;
    assert!(reader.drain(QUIET).await.is_empty(), "nothing more");
    assert_eq!(
        kinds(&all),
        ["comment", "comment", "comment", "comment", "count"]
    );
    assert_eq!(all[0].json(), a);
    assert_eq!(all[4].json()["total"], 4);
    let newest = server.last_event_id(SLUG).await;
    let mut reader = server
        .open_stream(SLUG, "", Some(&newest.to_string()))
        .await;
    assert!(reader.drain(QUIET).await.is_empty());
    // An id from the future (another database) does not hide what comes next.
    let mut reader = server.open_stream(SLUG, "?after=999999999", None).await;
    let e = server.comment("E", "client-resume-e", None).await;
    let live = reader.take(2).await;
    assert!(reader.drain(QUIET).await.is_empty(), "nothing more");
    assert_eq!(kinds(&live), ["comment", "count"]);
    assert_eq!(live[0].json(), e);
}

#[tokio::test]
async fn removals_are_streamed_and_removed_text_is_not_replayed() {
    let server = TestServer::start(Setup::moderated()).await;
    let before = server.last_event_id(SLUG).await;
    let keep = server.comment("Оставить", "client-rm-keep", None).await;
    let spam = server.comment("СПАМ", "client-rm-spam", None).await;
    let spam_id = spam["id"].as_i64().unwrap();
    let reply = server
        .comment("ответ", "client-rm-rply", Some(spam_id))
        .await;
    let mut reader = server.open_stream(SLUG, "", None).await;

    let response = server.delete_comment(spam_id, Some(MODERATOR_TOKEN)).await;
    assert_eq!(response.status().as_u16(), 204);
    let live = reader.take(3).await;
    assert!(reader.drain(QUIET).await.is_empty(), "nothing more");
    assert_eq!(
        kinds(&live),
        ["comment_removed", "comment_removed", "count"]
    );
    assert_eq!(live[0].json(), serde_json::json!({"id": spam_id}));
    assert_eq!(live[1].json(), serde_json::json!({"id": reply["id"]}));
    assert_eq!(live[2].json(), serde_json::json!({"total": 1}));
    assert!(live[0].id_number() < live[1].id_number());

    // A reader resuming from before the spam gets the removals but never its text.
    let mut reader = server
        .open_stream(SLUG, &format!("?after={before}"), None)
        .await;
    let replay = reader.take(4).await;
    assert!(reader.drain(QUIET).await.is_empty(), "nothing more");
    assert_eq!(
        kinds(&replay),
        ["comment", "comment_removed", "comment_removed", "count"]
    );
    assert_eq!(replay[0].json(), keep);
    assert!(
        replay
            .iter()
            .all(|e| !e.data.as_deref().unwrap_or("").contains("СПАМ"))
    );
}

#[tokio::test]
async fn hostile_text_travels_verbatim_in_one_data_line() {
    let server = TestServer::seeded().await;
    let mut reader = server.open_stream(SLUG, "", None).await;
    let hostile = "<script>alert(1)</script>\n\ndata: fake\nevent: comment_removed\n\u{202e}RTL";
    server.comment(hostile, "client-sse-evil", None).await;
    let event = reader.next_event().await;
    assert_eq!(event.event.as_deref(), Some("comment"));
    assert_eq!(event.json()["text"], hostile);
    let count = reader.next_event().await;
    assert_eq!(count.event.as_deref(), Some("count"));
}

#[tokio::test]
async fn idle_streams_get_keep_alive_comments() {
    let server = TestServer::start(Setup {
        seed: true,
        keep_alive: Some(Duration::from_millis(200)),
        ..Setup::default()
    })
    .await;
    let mut reader = server.open_stream(SLUG, "", None).await;
    let started = std::time::Instant::now();
    let event = reader.next_within(Duration::from_secs(5)).await.unwrap();
    assert!(event.is_keep_alive(), "{event:?}");
    assert!(started.elapsed() < Duration::from_secs(3));
    let event = reader.next_within(Duration::from_secs(5)).await.unwrap();
    assert!(event.is_keep_alive(), "{event:?}");
}

#[tokio::test]
async fn bad_resume_points_are_400_and_unknown_articles_404() {
    let server = TestServer::seeded().await;
    let url = |path: &str| format!("{}{path}", server.base);
    for query in ["?after=abc", "?after=-1", "?after=1.5"] {
        let path = format!("/api/articles/{SLUG}/comments/stream{query}");
        assert_error(&server.json(&path, 400).await, "bad_request");
    }
    let response = server
        .client
        .get(url(&format!("/api/articles/{SLUG}/comments/stream")))
        .header("last-event-id", "yesterday")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(
        body["error"]["fields"]["Last-Event-ID"].is_string(),
        "{body}"
    );
    assert_error(
        &server.json("/api/articles/nope/comments/stream", 404).await,
        "not_found",
    );
}

#[tokio::test]
async fn a_stream_that_falls_behind_resyncs_from_the_database() {
    // A channel of two batches, and five published at once: the stream lags.
    let hub = Arc::new(CommentHub::with_capacity(2));
    let server = TestServer::start(Setup {
        seed: true,
        hub: Some(hub.clone()),
        ..Setup::default()
    })
    .await;
    let mut reader = server.open_stream(SLUG, "", None).await;
    // Store five comments through a hub nobody listens to, then replay their
    // batches on the server's hub without yielding, so the stream cannot keep up.
    let silent = vestnik_server::AppState {
        comments: Arc::new(CommentHub::new()),
        ..server.state.clone()
    };
    let mut batches = Vec::new();
    for n in 0..5 {
        let comment = validate(NewComment {
            author: "Имя".to_owned(),
            text: format!("Пакет {n}"),
            client_id: format!("client-lag-{n:03}"),
            ..NewComment::default()
        })
        .unwrap();
        let Posted::Created(stored) =
            post::submit(&silent, SLUG, &comment, None, jiff::Timestamp::now())
                .await
                .unwrap()
        else {
            panic!("expected a new comment");
        };
        batches.push(stored);
    }
    let article_id: i64 = sqlx::query_scalar("SELECT id FROM articles WHERE slug = $1")
        .bind(SLUG)
        .fetch_one(&server.pool)
        .await
        .unwrap();
    let first_event = server.last_event_id(SLUG).await - 4;
    for (n, comment) in batches.iter().enumerate() {
        hub.publish(EventBatch {
            article_id,
            events: vec![CommentEvent {
                id: first_event + n as i64,
                audience: None,
                data: EventData::Comment(comment.clone()),
            }],
            total: n as u64 + 1,
            settings: None,
        });
    }
    // Five comments from the resync and its count; the two batches the channel
    // still held are dropped as already sent.
    let events = reader.take(6).await;
    assert!(reader.drain(QUIET).await.is_empty(), "nothing doubled");
    let comments: Vec<i64> = events
        .iter()
        .filter(|e| e.event.as_deref() == Some("comment"))
        .map(|e| e.json()["id"].as_i64().unwrap())
        .collect();
    let expected: Vec<i64> = batches.iter().map(|c| c.id).collect();
    assert_eq!(
        comments, expected,
        "every comment once, in order: {events:?}"
    );
    assert_eq!(events.last().unwrap().json()["total"], 5);
}

#[tokio::test]
async fn shutdown_ends_open_streams_instead_of_hanging() {
    let mut server = TestServer::seeded().await;
    let mut reader = server.open_stream(SLUG, "", None).await;
    let mut second = server.open_stream(SLUG, "?after=0", None).await;
    assert!(
        server.stop_within(Duration::from_secs(10)).await,
        "the server finished with streams open"
    );
    assert!(server.shutdown.is_triggered());
    for stream in [&mut reader, &mut second] {
        let last = stream.next_within(Duration::from_secs(5)).await;
        assert!(last.is_some_and(|e| e.retry.is_some()), "a last retry:");
        assert_eq!(stream.next_within(Duration::from_secs(5)).await, None);
    }
}

/// The `retry:` a draining server sends last, in milliseconds.
fn move_delay(event: Option<SseEvent>) -> u64 {
    let event = event.expect("a last event before the stream ends");
    assert!(event.event.is_none() && event.data.is_none(), "{event:?}");
    event
        .retry
        .expect("retry:")
        .parse()
        .expect("whole milliseconds")
}

#[tokio::test]
async fn a_draining_server_sends_its_readers_elsewhere_soon_and_spread_and_serves_the_rest() {
    let server = TestServer::seeded().await;
    let mut readers = Vec::new();
    for _ in 0..8 {
        readers.push(server.open_stream(SLUG, "", None).await);
    }
    server.shutdown.drain();
    let mut delays = BTreeSet::new();
    for reader in &mut readers {
        let delay = move_delay(reader.next_within(Duration::from_secs(5)).await);
        assert!(
            (100..1000).contains(&delay),
            "a reconnect within a second: {delay}"
        );
        delays.insert(delay);
        assert_eq!(
            reader.next_within(Duration::from_secs(5)).await,
            None,
            "then it ends"
        );
    }
    assert!(
        delays.len() > 1,
        "not every reader comes back at once: {delays:?}"
    );

    let refused = server
        .get(&format!("/api/articles/{SLUG}/comments/stream"))
        .await;
    assert_eq!(refused.status().as_u16(), 503);
    assert_eq!(refused.headers()["retry-after"], "1");
    assert_error(&refused.json().await.unwrap(), "unavailable");
    server.json("/api/health/ready", 503).await;
    server.json("/api/health", 503).await;
    assert_eq!(server.json("/api/health/live", 200).await["status"], "ok");
    // Everything but streams is still served while the proxy notices.
    server.json(&format!("/api/articles/{SLUG}"), 200).await;
    let posted = server
        .comment("пока сервер уходит", &uuid_like(), None)
        .await;
    assert!(posted["id"].as_i64().is_some(), "{posted}");
    assert!(!server.shutdown.is_triggered(), "draining is not stopping");
}
