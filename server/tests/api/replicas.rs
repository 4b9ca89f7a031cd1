//! Two replicas on one Postgres database: a stream on one hears what is
//! posted and decided on the other, in one id order, and a replica whose
//! listening connection dropped re-reads the log and loses nothing. On
//! SQLite (one process, no relay) these tests have nothing to check and say so.

use crate::common::{SLUG, Setup, TestServer, on_postgres};
use reqwest::Method;
use serde_json::json;
use std::time::Duration;
use vestnik_server::RateLimit;

const QUIET: Duration = Duration::from_millis(400);

/// A moderated seeded server and a second replica on its database, both
/// limiting comments to `comment_limit` (the default when `None`), or `None`
/// (with a note) when the suite runs on SQLite.
async fn two_replicas_limited(
    comment_limit: Option<RateLimit>,
) -> Option<(TestServer, TestServer)> {
    if !on_postgres() {
        eprintln!("skipped: replicas need Postgres (VESTNIK_TEST_POSTGRES)");
        return None;
    }
    let first = TestServer::start(Setup {
        comment_limit,
        ..Setup::moderated()
    })
    .await;
    let second = TestServer::start(Setup {
        database: Some(first.database.clone()),
        moderated: true,
        comment_limit,
        ..Setup::default()
    })
    .await;
    Some((first, second))
}

/// [`two_replicas_limited`] with the default comment limit.
async fn two_replicas() -> Option<(TestServer, TestServer)> {
    two_replicas_limited(None).await
}

#[tokio::test]
async fn a_comment_posted_on_one_replica_reaches_the_streams_of_both() {
    let Some((first, second)) = two_replicas().await else {
        return;
    };
    let mut on_first = first.open_stream(SLUG, "", None).await;
    let mut on_second = second.open_stream(SLUG, "", None).await;

    let mut posted = Vec::new();
    for n in 0..5 {
        let server = if n % 2 == 0 { &second } else { &first };
        posted.push(
            server
                .comment(
                    &format!("Реплика {n}"),
                    &format!("client-replica-{n}"),
                    None,
                )
                .await,
        );
    }
    for reader in [&mut on_first, &mut on_second] {
        // The relay sends the writes it finds together as one group with one
        // count: read until the fifth comment's count.
        let mut events = Vec::new();
        while events
            .last()
            .is_none_or(|e: &crate::common::SseEvent| e.json() != json!({"total": 5}))
        {
            events.push(reader.next_event().await);
        }
        let comments: Vec<_> = events
            .iter()
            .filter(|e| e.event.as_deref() == Some("comment"))
            .map(|e| e.json())
            .collect();
        assert_eq!(comments, posted, "each comment once, in the order posted");
        let ids: Vec<i64> = events.iter().map(|e| e.id_number()).collect();
        assert!(
            ids.windows(2).all(|w| w[0] <= w[1]),
            "ids in order: {ids:?}"
        );
        assert!(reader.drain(QUIET).await.is_empty(), "nothing doubled");
    }
    assert_eq!(
        first.last_event_id(SLUG).await,
        second.last_event_id(SLUG).await,
        "one log, one sequence: an event id means the same point on both"
    );
}

#[tokio::test]
async fn a_resume_on_the_other_replica_replays_exactly_what_was_missed() {
    let Some((first, second)) = two_replicas().await else {
        return;
    };
    first.comment("До обрыва", "client-resume-1", None).await;
    let resume_from = first.last_event_id(SLUG).await;
    let missed = first
        .comment("Пока читатель переключался", "client-resume-2", None)
        .await;
    let mut reader = second
        .open_stream(SLUG, "", Some(&resume_from.to_string()))
        .await;
    let events = reader.take(2).await;
    assert_eq!(events[0].json(), missed);
    assert_eq!(events[1].json(), json!({"total": 2}));
    assert!(reader.drain(QUIET).await.is_empty());
}

#[tokio::test]
async fn a_replica_whose_listener_dropped_rereads_the_log() {
    let Some((first, second)) = two_replicas().await else {
        return;
    };
    let mut reader = first.open_stream(SLUG, "", None).await;
    // Both replicas' listening connections are cut, and a comment commits
    // while they are down: its notification reaches nobody.
    let cut: Vec<bool> = sqlx::query_scalar(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND query LIKE 'LISTEN%'",
    )
    .fetch_all(&second.pool)
    .await
    .unwrap();
    assert_eq!(cut, [true, true], "one listener per replica");
    let posted = second
        .comment("Во время обрыва", "client-cut-1", None)
        .await;
    let events = reader.take(2).await;
    assert_eq!(events[0].json(), posted);
    assert_eq!(events[1].json(), json!({"total": 1}));
    // And the listener listens again: the next comment arrives as well.
    let next = second.comment("После обрыва", "client-cut-2", None).await;
    assert_eq!(reader.take(2).await[0].json(), next);
}

#[tokio::test]
async fn decisions_on_one_replica_reach_readers_on_the_other() {
    let Some((first, second)) = two_replicas().await else {
        return;
    };
    let mut reader = first.open_stream(SLUG, "", None).await;
    let posted = first
        .comment("Удалят на другой реплике", "client-decide-1", None)
        .await;
    assert_eq!(reader.take(2).await[0].json(), posted);

    let id = posted["id"].as_i64().unwrap();
    let answer = second
        .delete_comment(id, Some(crate::common::MODERATOR_TOKEN))
        .await;
    assert_eq!(answer.status().as_u16(), 204);
    let events = reader.take(2).await;
    assert_eq!(events[0].event.as_deref(), Some("comment_removed"));
    assert_eq!(events[0].json(), json!({"id": id}));
    assert_eq!(events[1].json(), json!({"total": 0}));

    let answer = second
        .moderate(
            Method::PUT,
            &format!("/api/moderation/articles/{SLUG}"),
            Some(json!({"closed": true})),
        )
        .await;
    assert!(answer.status().is_success(), "{answer:?}");
    let status = reader.next_event().await;
    assert_eq!(status.event.as_deref(), Some("comments_status"));
    assert_eq!(status.json()["closed"], json!(true));
}

#[tokio::test]
async fn the_rate_limit_and_view_counting_hold_across_replicas() {
    let limit = RateLimit {
        burst: 2,
        period: Duration::from_secs(60),
    };
    let Some((first, second)) = two_replicas_limited(Some(limit)).await else {
        return;
    };
    first.comment("Первый", "client-limit-1", None).await;
    second.comment("Второй", "client-limit-2", None).await;
    // The burst of two is spent across both: a third post is refused on either.
    for server in [&first, &second] {
        let response = server
            .post(
                &format!("/api/articles/{SLUG}/comments"),
                &crate::common::comment_json("Имя", "Третий", "client-limit-3", None),
            )
            .await;
        assert_eq!(response.status().as_u16(), 429);
        let wait: u64 = response.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=61).contains(&wait), "{wait}");
    }

    // One reader's view counts once, whichever replica hears it first.
    let body = json!({"reader_id": "reader-across-replicas"}).to_string();
    let path = format!("/api/articles/{SLUG}/views");
    let counted = first
        .post(&path, &body)
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap();
    let again = second
        .post(&path, &body)
        .await
        .json::<serde_json::Value>()
        .await
        .unwrap();
    assert_eq!(counted["counted"], json!(true));
    assert_eq!(again["counted"], json!(false));
    assert_eq!(again["views"], counted["views"]);
}

#[tokio::test]
async fn a_desk_on_one_replica_hears_the_posts_and_actions_of_the_other() {
    let Some((first, second)) = two_replicas().await else {
        return;
    };
    let mut desk = second.open_desk().await;
    let (_, posted) = first
        .post_as(SLUG, json!({"text": "На стол с другой реплики"}))
        .await;
    let id = posted["id"].as_i64().unwrap();
    let item = desk.next_event().await;
    assert_eq!(item.event.as_deref(), Some("item"), "{item:?}");
    assert_eq!(item.json()["comment"]["id"], id);
    first
        .desk_post(
            &format!("/api/moderation/comments/{id}/remove"),
            json!({}),
            204,
        )
        .await;
    let events = desk.take(2).await;
    let kinds: Vec<&str> = events.iter().map(|e| e.event.as_deref().unwrap()).collect();
    assert_eq!(kinds, ["item", "log"], "{events:?}");
    assert_eq!(events[0].json()["comment"]["id"], id);
    assert_eq!(events[1].json()["action"], "remove");
    assert!(desk.drain(QUIET).await.is_empty(), "each once");
}
