//! The moderation desk: comment states and modes, what each reader sees of
//! them, the events every change sends (live and on replay), readers'
//! reports, the queues, the desk's own stream, per-article settings and the
//! audit log.

use crate::common::{SLUG, Setup, SseEvent, TestServer, assert_error, reader_id_of, reader_key};
use reqwest::Method;
use serde_json::{Value, json};
use std::time::Duration;
use vestnik_api::ModerationMode;
use vestnik_server::moderation::settings::SiteModeration;

/// How long a test waits to be sure nothing more arrives.
const QUIET: Duration = Duration::from_millis(400);

fn moderated(mode: ModerationMode) -> Setup {
    Setup {
        moderation: Some(SiteModeration {
            mode,
            trusted_after: 1,
            report_threshold: 2,
            ..SiteModeration::default()
        }),
        ..Setup::moderated()
    }
}

fn comment_events(events: &[SseEvent]) -> Vec<(String, i64, Option<String>)> {
    events
        .iter()
        .filter(|e| matches!(e.event.as_deref(), Some("comment" | "comment_removed")))
        .map(|e| {
            let data = e.json();
            (
                e.event.clone().unwrap(),
                data["id"].as_i64().unwrap(),
                data["status"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

#[tokio::test]
async fn pre_moderation_holds_every_comment_for_all_but_its_author_until_approved() {
    let server = TestServer::start(moderated(ModerationMode::Pre)).await;
    let key = reader_key(1);
    let me = reader_id_of(&key);
    let mut author = server
        .open_stream(SLUG, &format!("?reader={me}"), None)
        .await;
    let mut other = server.open_stream(SLUG, "", None).await;

    let (status, posted) = server
        .post_as(SLUG, json!({"text": "Жду проверки", "reader_key": key}))
        .await;
    assert_eq!(status, 201);
    assert_eq!(posted["status"], "pending", "{posted}");
    let id = posted["id"].as_i64().unwrap();
    // The author sees it as waiting; nobody else sees it at all.
    assert_eq!(server.visible_ids(SLUG, Some(&me)).await, [id]);
    assert!(server.visible_ids(SLUG, None).await.is_empty());
    assert!(
        server
            .visible_ids(SLUG, Some(&reader_id_of(&reader_key(2))))
            .await
            .is_empty()
    );
    let heard = author.take(1).await;
    assert_eq!(
        comment_events(&heard),
        [("comment".into(), id, Some("pending".into()))]
    );
    assert!(other.drain(QUIET).await.is_empty(), "others hear nothing");
    assert_eq!(server.queue_ids("pending").await, [id]);

    server
        .desk_post(
            &format!("/api/moderation/comments/{id}/approve"),
            json!({}),
            204,
        )
        .await;
    // Approval publishes it to everyone, live, with the new count.
    let events = other.take(2).await;
    assert_eq!(comment_events(&events), [("comment".into(), id, None)]);
    assert_eq!(events[1].json(), json!({"total": 1}));
    let events = author.take(2).await;
    assert_eq!(comment_events(&events), [("comment".into(), id, None)]);
    assert_eq!(server.visible_ids(SLUG, None).await, [id]);
    assert!(server.queue_ids("pending").await.is_empty());
    let page = server
        .json(&format!("/api/articles/{SLUG}/comments"), 200)
        .await;
    assert_eq!(page["settings"]["moderation"], "pre");
}

#[tokio::test]
async fn a_new_commenter_waits_until_approved_then_posts_at_once() {
    let server = TestServer::start(moderated(ModerationMode::New)).await;
    let key = reader_key(3);
    let post = |text: &'static str, author: &'static str| {
        let key = key.clone();
        let server = &server;
        async move {
            server
                .post_as(
                    SLUG,
                    json!({"text": text, "author": author, "reader_key": key}),
                )
                .await
        }
    };
    let (_, first) = post("Первый раз", "Оля").await;
    assert_eq!(first["status"], "pending");
    let item = &server.desk_get("/api/moderation/queue?queue=pending").await["items"][0];
    assert_eq!(item["held_for"], "new_commenter", "{item}");
    assert_eq!(item["reader"].as_str().unwrap().len(), 8);
    assert_eq!(item["ip_prefix"], "127.0.0.0/24");
    assert_eq!(item["article"]["slug"], SLUG);
    let id = first["id"].as_i64().unwrap();
    server
        .desk_post(
            &format!("/api/moderation/comments/{id}/approve"),
            json!({}),
            204,
        )
        .await;
    // One approved comment (--trusted-after 1): the same reader and name is known now.
    let (_, second) = post("Второй раз", "Оля").await;
    assert_eq!(second.get("status"), None, "published: {second}");
    // Under another name the same browser is a new commenter again.
    let (_, other_name) = post("Под другим именем", "Не Оля").await;
    assert_eq!(other_name["status"], "pending");
    // Without a reader key nobody is known.
    let (_, anonymous) = server
        .post_as(SLUG, json!({"text": "Без ключа", "author": "Оля"}))
        .await;
    assert_eq!(anonymous["status"], "pending");
}

#[tokio::test]
async fn links_mode_holds_only_comments_with_links_and_the_article_can_differ() {
    let server = TestServer::start(moderated(ModerationMode::Post)).await;
    let (_, plain) = server.post_as(SLUG, json!({"text": "Без ссылок"})).await;
    assert_eq!(plain.get("status"), None);
    // The desk sets the article to links mode; the site stays post.
    let answer = server
        .moderate(
            Method::PUT,
            &format!("/api/moderation/articles/{SLUG}"),
            Some(json!({"mode": "links"})),
        )
        .await;
    assert_eq!(answer.status().as_u16(), 200);
    let settings: Value = answer.json().await.unwrap();
    assert_eq!(settings["mode"], "links");
    assert_eq!(settings["effective"]["moderation"], "links");
    let (_, linked) = server
        .post_as(SLUG, json!({"text": "Смотрите https://example.org/a"}))
        .await;
    assert_eq!(linked["status"], "pending");
    assert_eq!(
        server.desk_get("/api/moderation/queue?queue=pending").await["items"][0]["held_for"],
        "links"
    );
    let (_, again) = server
        .post_as(SLUG, json!({"text": "Снова без ссылок"}))
        .await;
    assert_eq!(again.get("status"), None);
    let (_, elsewhere) = server
        .post_as(
            "news-0001",
            json!({"text": "Смотрите https://example.org/b"}),
        )
        .await;
    assert_eq!(
        elsewhere.get("status"),
        None,
        "another article follows the site"
    );
}

#[tokio::test]
async fn rejection_tells_the_author_why_and_nobody_else_ever_sees_it() {
    let server = TestServer::start(moderated(ModerationMode::Pre)).await;
    let key = reader_key(4);
    let me = reader_id_of(&key);
    let (_, posted) = server
        .post_as(SLUG, json!({"text": "Грубость", "reader_key": key}))
        .await;
    let id = posted["id"].as_i64().unwrap();
    let mut author = server
        .open_stream(SLUG, &format!("?reader={me}"), None)
        .await;
    let mut other = server.open_stream(SLUG, "", None).await;
    server
        .desk_post(
            &format!("/api/moderation/comments/{id}/reject"),
            json!({"reason": "insult", "note": "Без оскорблений, пожалуйста"}),
            204,
        )
        .await;
    let heard = author.take(1).await;
    let rejected = heard[0].json();
    assert_eq!(rejected["status"], "rejected");
    assert_eq!(
        rejected["rejection"],
        json!({"reason": "insult", "note": "Без оскорблений, пожалуйста"})
    );
    assert!(other.drain(QUIET).await.is_empty());
    // The author's page keeps it with the reason (nothing they wrote is lost).
    let page = server
        .json(&format!("/api/articles/{SLUG}/comments?reader={me}"), 200)
        .await;
    assert_eq!(page["items"][0]["rejection"]["reason"], "insult");
    assert!(server.visible_ids(SLUG, None).await.is_empty());
    assert_eq!(server.queue_ids("rejected").await, [id]);
    // A reader resuming from before it was posted never gets it.
    let mut replay = server.open_stream(SLUG, "?after=0", None).await;
    assert!(replay.drain(QUIET).await.is_empty());
}

#[tokio::test]
async fn replay_after_a_reconnect_brings_what_was_approved_and_never_what_was_rejected() {
    let server = TestServer::start(moderated(ModerationMode::Pre)).await;
    let resume_from = server.last_event_id(SLUG).await;
    let (_, kept) = server.post_as(SLUG, json!({"text": "Одобрят"})).await;
    let (_, refused) = server.post_as(SLUG, json!({"text": "Отклонят"})).await;
    let (kept, refused) = (
        kept["id"].as_i64().unwrap(),
        refused["id"].as_i64().unwrap(),
    );
    // While the reader is offline: one approved, one rejected.
    server
        .desk_post(
            &format!("/api/moderation/comments/{kept}/approve"),
            json!({}),
            204,
        )
        .await;
    server
        .desk_post(
            &format!("/api/moderation/comments/{refused}/reject"),
            json!({"reason": "spam"}),
            204,
        )
        .await;
    let mut reader = server
        .open_stream(SLUG, "", Some(&resume_from.to_string()))
        .await;
    let events = reader.drain(QUIET).await;
    assert_eq!(
        comment_events(&events),
        [("comment".into(), kept, None)],
        "{events:?}"
    );
    assert_eq!(events.last().unwrap().json(), json!({"total": 1}));
}

#[tokio::test]
async fn enough_reports_send_a_published_comment_back_to_the_queue() {
    let server = TestServer::start(moderated(ModerationMode::Post)).await;
    let author_key = reader_key(10);
    let (_, posted) = server
        .post_as(
            SLUG,
            json!({"text": "Спорное мнение", "reader_key": author_key}),
        )
        .await;
    let id = posted["id"].as_i64().unwrap();
    let mut other = server.open_stream(SLUG, "", None).await;
    let report = |n: u32, reason: &'static str| {
        let body = json!({"reader_key": reader_key(n), "reason": reason}).to_string();
        let server = &server;
        async move {
            let response = server
                .post(&format!("/api/comments/{id}/reports"), &body)
                .await;
            let status = response.status().as_u16();
            (status, response.json::<Value>().await.unwrap())
        }
    };
    assert_eq!(report(11, "spam").await, (201, json!({"new": true})));
    // One report per reader per comment.
    assert_eq!(report(11, "insult").await, (200, json!({"new": false})));
    assert_eq!(server.queue_ids("reported").await, [id]);
    assert_eq!(
        server.visible_ids(SLUG, None).await,
        [id],
        "still up after one report"
    );
    assert!(other.drain(QUIET).await.is_empty());
    // The second reader's report reaches the threshold (2): back to the queue.
    assert_eq!(report(12, "insult").await.0, 201);
    let events = other.take(2).await;
    assert_eq!(
        comment_events(&events),
        [("comment_removed".into(), id, None)]
    );
    assert!(server.visible_ids(SLUG, None).await.is_empty());
    assert_eq!(
        server
            .visible_ids(SLUG, Some(&reader_id_of(&author_key)))
            .await,
        [id],
        "its author still sees it, waiting"
    );
    let item = &server.desk_get("/api/moderation/queue?queue=pending").await["items"][0];
    assert_eq!(item["held_for"], "reports");
    assert_eq!(item["open_reports"], 2);
    assert_eq!(
        item["reports"],
        json!([{"reason": "insult", "count": 1}, {"reason": "spam", "count": 1}])
    );
    // A reader cannot report their own comment, nor one they cannot see.
    let own = json!({"reader_key": author_key, "reason": "spam"}).to_string();
    assert_eq!(
        server
            .post(&format!("/api/comments/{id}/reports"), &own)
            .await
            .status()
            .as_u16(),
        404
    );
    // Approval puts it back and clears the reports.
    server
        .desk_post(
            &format!("/api/moderation/comments/{id}/approve"),
            json!({}),
            204,
        )
        .await;
    assert_eq!(
        comment_events(&other.take(2).await),
        [("comment".into(), id, None)]
    );
    assert!(server.queue_ids("reported").await.is_empty());
    let bad = json!({"reader_key": "short", "reason": "spam"}).to_string();
    let refused = server
        .post(&format!("/api/comments/{id}/reports"), &bad)
        .await;
    assert_eq!(refused.status().as_u16(), 422);
}

#[tokio::test]
async fn featuring_and_removing_are_live_and_removal_takes_the_replies() {
    let server = TestServer::start(moderated(ModerationMode::Post)).await;
    let (_, top) = server.post_as(SLUG, json!({"text": "Главное"})).await;
    let top = top["id"].as_i64().unwrap();
    let (_, reply) = server
        .post_as(SLUG, json!({"text": "Ответ", "parent_id": top}))
        .await;
    let reply = reply["id"].as_i64().unwrap();
    let mut reader = server.open_stream(SLUG, "", None).await;
    server
        .desk_post(
            &format!("/api/moderation/comments/{top}/feature"),
            json!({"featured": true}),
            204,
        )
        .await;
    let events = reader.take(2).await;
    assert_eq!(events[0].json()["featured"], true);
    server
        .desk_post(
            &format!("/api/moderation/comments/{top}/remove"),
            json!({}),
            204,
        )
        .await;
    let events = reader.take(3).await;
    assert_eq!(
        comment_events(&events),
        [
            ("comment_removed".into(), top, None),
            ("comment_removed".into(), reply, None)
        ]
    );
    assert_eq!(events[2].json(), json!({"total": 0}));
    // Featuring what is not published is refused; removing twice is a 404.
    let refused = server
        .desk_post(
            &format!("/api/moderation/comments/{top}/feature"),
            json!({"featured": true}),
            422,
        )
        .await;
    assert_error(&refused.json().await.unwrap(), "invalid");
    server
        .desk_post(
            &format!("/api/moderation/comments/{top}/remove"),
            json!({}),
            404,
        )
        .await;
    // The rejected queue holds both; approving the top one restores it alone.
    assert_eq!(server.queue_ids("rejected").await, [reply, top]);
    server
        .desk_post(
            &format!("/api/moderation/comments/{top}/approve"),
            json!({}),
            204,
        )
        .await;
    assert_eq!(server.visible_ids(SLUG, None).await, [top]);
}

#[tokio::test]
async fn the_audit_log_records_every_action_with_who_what_and_when() {
    let server = TestServer::start(moderated(ModerationMode::Pre)).await;
    let (_, posted) = server
        .post_as(
            SLUG,
            json!({"text": "Для журнала", "reader_key": reader_key(20)}),
        )
        .await;
    let id = posted["id"].as_i64().unwrap();
    server
        .desk_post(
            &format!("/api/moderation/comments/{id}/approve"),
            json!({}),
            204,
        )
        .await;
    server
        .desk_post(
            &format!("/api/moderation/comments/{id}/feature"),
            json!({"featured": true}),
            204,
        )
        .await;
    server
        .desk_post(
            &format!("/api/moderation/comments/{id}/feature"),
            json!({"featured": false}),
            204,
        )
        .await;
    server
        .desk_post(
            &format!("/api/moderation/comments/{id}/reject"),
            json!({"reason": "off_topic", "note": "Не по теме"}),
            204,
        )
        .await;
    server
        .desk_post(
            "/api/moderation/words",
            json!({"word": "казино*", "kind": "banned"}),
            201,
        )
        .await;
    let ban: Value = server
        .desk_post(
            "/api/moderation/bans",
            json!({"comment_id": id, "scope": "reader", "hours": 24}),
            201,
        )
        .await
        .json()
        .await
        .unwrap();
    let answer = server
        .moderate(
            Method::DELETE,
            &format!("/api/moderation/bans/{}", ban["id"]),
            None,
        )
        .await;
    assert_eq!(answer.status().as_u16(), 204);
    let answer = server
        .moderate(
            Method::DELETE,
            "/api/moderation/words/banned/%D0%BA%D0%B0%D0%B7%D0%B8%D0%BD%D0%BE*",
            None,
        )
        .await;
    assert_eq!(answer.status().as_u16(), 204);
    server
        .moderate(
            Method::PUT,
            &format!("/api/moderation/articles/{SLUG}"),
            Some(json!({"closed": true})),
        )
        .await;
    let log = server.desk_get("/api/moderation/log").await;
    let actions: Vec<(&str, Option<&str>)> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["action"].as_str().unwrap(), e["detail"].as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("article_settings", Some("mode as the site, closed")),
            ("word_remove", Some("banned казино*")),
            (
                "unban",
                Some(format!("reader {}", &reader_id_of(&reader_key(20))[..8]).as_str())
            ),
            (
                "ban",
                Some(format!("reader {} for 24 h", &reader_id_of(&reader_key(20))[..8]).as_str())
            ),
            ("word_add", Some("banned казино*")),
            ("reject", Some("off_topic: Не по теме")),
            ("unfeature", None),
            ("feature", None),
            ("approve", None),
        ]
    );
    for entry in log["items"].as_array().unwrap() {
        assert_eq!(entry["moderator"], "shared token");
        assert!(
            entry["at"]
                .as_str()
                .unwrap()
                .parse::<jiff::Timestamp>()
                .is_ok()
        );
    }
    // Older pages follow `before`.
    let newest = log["items"][0]["id"].as_i64().unwrap();
    let older = server
        .desk_get(&format!("/api/moderation/log?before={newest}&limit=2"))
        .await;
    assert_eq!(older["items"][0]["action"], "word_remove");
    assert_eq!(older["items"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn the_desk_hears_each_post_and_action_live_through_a_ticket() {
    let server = TestServer::start(moderated(ModerationMode::Pre)).await;
    // Without a ticket, or with a made-up one, there is no stream.
    for query in ["", "?ticket=1.99999999999.abc"] {
        let answer = server.get(&format!("/api/moderation/stream{query}")).await;
        assert_eq!(answer.status().as_u16(), 401);
    }
    let mut desk = server.open_desk().await;
    let (_, posted) = server.post_as(SLUG, json!({"text": "На стол"})).await;
    let id = posted["id"].as_i64().unwrap();
    let item = desk.next_event().await;
    assert_eq!(item.event.as_deref(), Some("item"));
    assert_eq!(item.json()["comment"]["id"], id);
    assert_eq!(item.json()["comment"]["status"], "pending");
    server
        .desk_post(
            &format!("/api/moderation/comments/{id}/approve"),
            json!({}),
            204,
        )
        .await;
    let events = desk.take(2).await;
    let kinds: Vec<&str> = events.iter().map(|e| e.event.as_deref().unwrap()).collect();
    assert_eq!(kinds, ["item", "log"]);
    assert_eq!(
        events[0].json()["comment"].get("status"),
        None,
        "published now"
    );
    assert_eq!(events[1].json()["action"], "approve");
    // Readers' reports reach the desk too.
    let report = json!({"reader_key": reader_key(30), "reason": "spam"}).to_string();
    server
        .post(&format!("/api/comments/{id}/reports"), &report)
        .await;
    let item = desk.next_event().await;
    assert_eq!(item.json()["open_reports"], 1);
}

#[tokio::test]
async fn a_closed_article_refuses_comments_and_tells_its_open_streams() {
    let server = TestServer::start(moderated(ModerationMode::Post)).await;
    let (_, before) = server.post_as(SLUG, json!({"text": "До закрытия"})).await;
    let mut reader = server.open_stream(SLUG, "", None).await;
    let answer = server
        .moderate(
            Method::PUT,
            &format!("/api/moderation/articles/{SLUG}"),
            Some(json!({"closed": true})),
        )
        .await;
    assert_eq!(answer.status().as_u16(), 200);
    let status = reader.next_event().await;
    assert_eq!(status.event.as_deref(), Some("comments_status"));
    assert_eq!(status.json()["closed"], true);
    let (code, refused) = server
        .post_as(SLUG, json!({"text": "После закрытия"}))
        .await;
    assert_eq!(code, 403);
    assert_eq!(refused["error"]["code"], "forbidden");
    assert_eq!(refused["error"]["reason"], "closed");
    // What was said stays readable; a retry of a post made before still answers it.
    let page = server
        .json(&format!("/api/articles/{SLUG}/comments"), 200)
        .await;
    assert_eq!(page["settings"]["closed"], true);
    assert_eq!(page["items"][0]["id"], before["id"]);
    let retry =
        json!({"author": "Читатель", "text": "До закрытия", "client_id": before["client_id"]});
    assert_eq!(
        server
            .post(
                &format!("/api/articles/{SLUG}/comments"),
                &retry.to_string()
            )
            .await
            .status()
            .as_u16(),
        200
    );
    // Reopened by hand, it takes comments again.
    server
        .moderate(
            Method::PUT,
            &format!("/api/moderation/articles/{SLUG}"),
            Some(json!({"closed": false})),
        )
        .await;
    assert_eq!(
        server
            .post_as(SLUG, json!({"text": "Снова открыто"}))
            .await
            .0,
        201
    );
}

#[tokio::test]
async fn articles_close_by_themselves_after_the_sites_days() {
    let server = TestServer::start(Setup {
        moderation: Some(SiteModeration {
            close_after_days: 3,
            ..SiteModeration::default()
        }),
        ..Setup::moderated()
    })
    .await;
    let day = 24 * 60 * 60 * 1000_i64;
    let now = jiff::Timestamp::now().as_millisecond();
    sqlx::query("UPDATE articles SET published_at = $1 WHERE slug = $2")
        .bind(now - 4 * day)
        .bind(SLUG)
        .execute(&server.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE articles SET published_at = $1 WHERE slug = 'news-0001'")
        .bind(now - 2 * day)
        .execute(&server.pool)
        .await
        .unwrap();
    assert_eq!(server.post_as(SLUG, json!({"text": "Поздно"})).await.0, 403);
    assert_eq!(
        server
            .post_as("news-0001", json!({"text": "Вовремя"}))
            .await
            .0,
        201
    );
    let settings = server
        .desk_get(&format!("/api/moderation/articles/{SLUG}"))
        .await;
    assert_eq!(settings["effective"]["closed"], true);
    assert_eq!(
        settings.get("closed"),
        None,
        "closed by the rule, not by hand"
    );
    // Opened by hand, it takes comments despite its age.
    server
        .moderate(
            Method::PUT,
            &format!("/api/moderation/articles/{SLUG}"),
            Some(json!({"closed": false})),
        )
        .await;
    assert_eq!(
        server
            .post_as(SLUG, json!({"text": "Открыли снова"}))
            .await
            .0,
        201
    );
}

#[tokio::test]
async fn the_desk_is_for_moderators_only() {
    let server = TestServer::start(moderated(ModerationMode::Post)).await;
    for path in [
        "/api/moderation/queue",
        "/api/moderation/settings",
        "/api/moderation/bans",
        "/api/moderation/words",
        "/api/moderation/log",
    ] {
        let answer = server.get(path).await;
        assert_eq!(answer.status().as_u16(), 401, "{path}");
        assert_error(&answer.json().await.unwrap(), "unauthorized");
    }
    let answer = server
        .client
        .post(format!("{}/api/moderation/comments/1/approve", server.base))
        .bearer_auth("wrong-token-wrong-token")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 401);
    let settings = server.desk_get("/api/moderation/settings").await;
    assert_eq!(settings["moderator"], "shared token");
    assert_eq!(settings["report_threshold"], 2);
    let bad = server
        .moderate(Method::GET, "/api/moderation/queue?queue=bin", None)
        .await;
    assert_eq!(bad.status().as_u16(), 400);
}
