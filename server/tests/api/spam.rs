//! Keeping spam out without a captcha or accounts: the honeypot, the proof
//! of work, word lists, repeated texts, the link limit, bans (open, timed,
//! shadow, by reader and by network) and addresses through trusted proxies.

use crate::common::{SLUG, Setup, TestServer, reader_id_of, reader_key};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use vestnik_server::moderation::settings::SiteModeration;

fn with(settings: SiteModeration) -> Setup {
    Setup {
        moderation: Some(settings),
        ..Setup::moderated()
    }
}

fn proof_of_work() -> Setup {
    with(SiteModeration {
        proof_of_work: true,
        // Small, so the test solves quickly; the rules are the same.
        proof_of_work_base: 2000,
        ..SiteModeration::default()
    })
}

/// Solves a challenge as a browser does: every number from 0.
fn solve(challenge: &Value) -> Value {
    let salt = challenge["salt"].as_str().unwrap();
    let target = challenge["challenge"].as_str().unwrap();
    let max = challenge["maxnumber"].as_u64().unwrap();
    let number = (0..=max)
        .find(|n| {
            let digest = Sha256::digest(format!("{salt}{n}").as_bytes());
            vestnik_api::proof_of_work::hex(&digest) == target
        })
        .expect("a solution");
    json!({
        "challenge": target,
        "salt": salt,
        "number": number,
        "signature": challenge["signature"],
    })
}

fn refusal(body: &Value) -> (&str, &str, Option<&str>) {
    (
        body["error"]["code"].as_str().unwrap(),
        body["error"]["reason"].as_str().unwrap_or(""),
        body["error"]["detail"].as_str(),
    )
}

#[tokio::test]
async fn a_filled_honeypot_is_refused() {
    let server = TestServer::seeded().await;
    let (status, body) = server
        .post_as(
            SLUG,
            json!({"text": "Купите", "website": "http://spam.example"}),
        )
        .await;
    assert_eq!(status, 422);
    assert_eq!(refusal(&body).1, "spam_check");
    assert_eq!(
        server
            .post_as(SLUG, json!({"text": "Обычный", "website": ""}))
            .await
            .0,
        201
    );
}

#[tokio::test]
async fn a_post_needs_a_solved_challenge_that_opens_one_comment() {
    let server = TestServer::start(proof_of_work()).await;
    let (status, body) = server.post_as(SLUG, json!({"text": "Без работы"})).await;
    assert_eq!(
        (status, refusal(&body)),
        (422, ("invalid", "proof_of_work", Some("missing")))
    );
    let page = server
        .json(&format!("/api/articles/{SLUG}/comments"), 200)
        .await;
    assert_eq!(page["settings"]["proof_of_work"], true);

    let challenge = server.json("/api/comments/challenge", 200).await;
    assert_eq!(challenge["algorithm"], "SHA-256");
    assert_eq!(challenge["maxnumber"], 2000);
    let proof = solve(&challenge);
    let (status, _) = server
        .post_as(SLUG, json!({"text": "С работой", "proof": proof}))
        .await;
    assert_eq!(status, 201);
    // The same proof again: spent.
    let (status, body) = server
        .post_as(SLUG, json!({"text": "Ещё раз с той же", "proof": proof}))
        .await;
    assert_eq!((status, refusal(&body).2), (422, Some("used")));
    // A wrong number, or a challenge this server did not sign.
    let mut wrong = solve(&server.json("/api/comments/challenge", 200).await);
    wrong["number"] = json!(wrong["number"].as_u64().unwrap() + 1);
    let (_, body) = server
        .post_as(SLUG, json!({"text": "Мимо", "proof": wrong}))
        .await;
    assert_eq!(refusal(&body).2, Some("wrong"));
    let mut forged = solve(&server.json("/api/comments/challenge", 200).await);
    forged["signature"] = json!("00".repeat(32));
    let (_, body) = server
        .post_as(SLUG, json!({"text": "Подделка", "proof": forged}))
        .await;
    assert_eq!(refusal(&body).2, Some("forged"));
}

#[tokio::test]
async fn a_post_refused_for_its_text_keeps_its_proof_for_the_corrected_retry() {
    let server = TestServer::start(proof_of_work()).await;
    server
        .desk_post(
            "/api/moderation/words",
            json!({"word": "дурак", "kind": "banned"}),
            201,
        )
        .await;
    let proof = solve(&server.json("/api/comments/challenge", 200).await);
    let (status, _) = server
        .post_as(SLUG, json!({"text": "Сам дурак", "proof": proof}))
        .await;
    assert_eq!(status, 422);
    let (status, _) = server
        .post_as(SLUG, json!({"text": "Сам хорош", "proof": proof}))
        .await;
    assert_eq!(status, 201);
}

#[tokio::test]
async fn posting_fast_makes_the_next_challenge_dearer() {
    let server = TestServer::start(proof_of_work()).await;
    let key = reader_key(1);
    let me = reader_id_of(&key);
    let challenge_path = format!("/api/comments/challenge?reader={me}");
    let mut ceilings = Vec::new();
    for n in 0..5 {
        let challenge = server.json(&challenge_path, 200).await;
        ceilings.push(challenge["maxnumber"].as_u64().unwrap());
        let proof = solve(&challenge);
        let (status, _) = server
            .post_as(
                SLUG,
                json!({"text": format!("Быстро {n}"), "reader_key": key, "proof": proof}),
            )
            .await;
        assert_eq!(status, 201);
    }
    assert_eq!(ceilings, [2000, 2000, 2000, 4000, 8000]);
    let bad = server.get("/api/comments/challenge?reader=nope").await;
    assert_eq!(bad.status().as_u16(), 400);
}

#[tokio::test]
async fn banned_words_refuse_and_suspect_words_hold_in_texts_and_names() {
    let server = TestServer::start(Setup::moderated()).await;
    for (word, kind) in [
        ("дурак", "banned"),
        ("казино*", "suspect"),
        ("ёлка", "suspect"),
    ] {
        server
            .desk_post(
                "/api/moderation/words",
                json!({"word": word, "kind": kind}),
                201,
            )
            .await;
    }
    let lists = server.desk_get("/api/moderation/words").await;
    assert_eq!(lists["items"].as_array().unwrap().len(), 3);
    // A banned word in any form, case or look-alike letters is refused, and the
    // refusal names what matched.
    for text in ["Ты ДУРАК", "вот дураки", "какой дypak"] {
        let (status, body) = server.post_as(SLUG, json!({"text": text})).await;
        assert_eq!(status, 422, "{text}");
        assert_eq!(refusal(&body).1, "banned_word");
        assert!(body["error"]["fields"]["text"].is_string(), "{body}");
    }
    let (_, body) = server.post_as(SLUG, json!({"text": "какой дypak"})).await;
    assert_eq!(refusal(&body).2, Some("дypak"));
    let (status, body) = server
        .post_as(SLUG, json!({"text": "Привет", "author": "Дурак Иванович"}))
        .await;
    assert_eq!((status, refusal(&body).1), (422, "banned_word"));
    assert!(body["error"]["fields"]["author"].is_string());
    // A suspect word holds the comment for the queue, saying which word.
    let (status, held) = server
        .post_as(SLUG, json!({"text": "Лучшие КАЗИНОонлайн тут"}))
        .await;
    assert_eq!((status, held["status"].as_str()), (201, Some("pending")));
    let item = &server.desk_get("/api/moderation/queue?queue=pending").await["items"][0];
    assert_eq!(item["held_for"], "suspect_word");
    assert_eq!(item["held_detail"], "КАЗИНОонлайн");
    let (_, held) = server.post_as(SLUG, json!({"text": "Нарядили елку"})).await;
    assert_eq!(held["status"], "pending", "ё and е are one letter");
    // Entries fold to one: the same word again replaces, not doubles.
    server
        .desk_post(
            "/api/moderation/words",
            json!({"word": "ДУРАК", "kind": "banned"}),
            201,
        )
        .await;
    assert_eq!(
        server.desk_get("/api/moderation/words").await["items"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    server
        .desk_post(
            "/api/moderation/words",
            json!({"word": " * ", "kind": "banned"}),
            422,
        )
        .await;
}

#[tokio::test]
async fn the_same_text_again_is_refused_and_too_many_links_too() {
    let server = TestServer::start(with(SiteModeration {
        max_links: 2,
        ..SiteModeration::default()
    }))
    .await;
    assert_eq!(
        server.post_as(SLUG, json!({"text": "Согласен"})).await.0,
        201
    );
    let (status, body) = server.post_as(SLUG, json!({"text": "согласен!"})).await;
    assert_eq!((status, refusal(&body).1), (422, "duplicate"));
    // A short text is fine under another article; a long advertisement is not.
    assert_eq!(
        server
            .post_as("news-0001", json!({"text": "Согласен"}))
            .await
            .0,
        201
    );
    let advert = "Заработок в интернете от 1000 долларов в день без вложений";
    assert_eq!(server.post_as(SLUG, json!({"text": advert})).await.0, 201);
    assert_eq!(
        server.post_as("news-0002", json!({"text": advert})).await.0,
        422
    );
    let links = "https://a.example/1 https://b.example/2 https://c.example/3";
    let (status, body) = server.post_as(SLUG, json!({"text": links})).await;
    assert_eq!(
        (status, refusal(&body)),
        (422, ("invalid", "too_many_links", Some("2")))
    );
    assert_eq!(
        server
            .post_as(
                SLUG,
                json!({"text": "https://a.example/1 https://b.example/2"})
            )
            .await
            .0,
        201
    );
}

#[tokio::test]
async fn a_forwarded_address_is_believed_only_from_a_trusted_proxy() {
    let server = TestServer::start(Setup::moderated()).await;
    let answer = server
        .client
        .post(format!("{}/api/articles/{SLUG}/comments", server.base))
        .header("x-forwarded-for", "198.51.100.7")
        .json(&json!({"author": "Житель", "text": "Кто я?", "client_id": "client-forwarded"}))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 201);
    let item = &server.desk_get("/api/moderation/queue?queue=recent").await["items"][0];
    assert_eq!(
        item["ip_prefix"], "127.0.0.0/24",
        "anyone can write that header"
    );
}

#[tokio::test]
async fn through_a_trusted_proxy_each_reader_has_their_own_network() {
    let server = TestServer::start(Setup {
        trusted_proxies: vec!["127.0.0.1"],
        ..with(SiteModeration::default())
    })
    .await;
    let wave = "Голосуйте за нашего кандидата, он лучший для города!";
    let mut statuses = Vec::new();
    for n in 0..3_u32 {
        let body = json!({"author": "Житель", "text": wave, "client_id": format!("client-wave-{n}"),
                          "reader_key": reader_key(200 + n)});
        let answer = server
            .client
            .post(format!("{}/api/articles/{SLUG}/comments", server.base))
            .header("x-forwarded-for", format!("198.51.{n}.7"))
            .json(&body)
            .send()
            .await
            .unwrap();
        let comment: Value = answer.json().await.unwrap();
        statuses.push(comment["status"].as_str().unwrap_or("published").to_owned());
    }
    // Two other readers posted it within the hour: the third waits.
    assert_eq!(statuses, ["published", "published", "pending"]);
    let item = &server.desk_get("/api/moderation/queue?queue=pending").await["items"][0];
    assert_eq!(item["held_for"], "repeated");
    assert_eq!(item["ip_prefix"], "198.51.2.0/24");
}

#[tokio::test]
async fn bans_by_reader_and_by_network_open_and_timed() {
    let server = TestServer::start(Setup {
        trusted_proxies: vec!["127.0.0.1"],
        ..with(SiteModeration::default())
    })
    .await;
    let post_from = |network: &'static str, key: String, text: &'static str| {
        let server = &server;
        async move {
            let body = json!({"author": "Тролль", "text": text, "client_id": crate::common::uuid_like(),
                              "reader_key": key});
            let answer = server
                .client
                .post(format!("{}/api/articles/{SLUG}/comments", server.base))
                .header("x-forwarded-for", network)
                .json(&body)
                .send()
                .await
                .unwrap();
            (
                answer.status().as_u16(),
                answer.json::<Value>().await.unwrap(),
            )
        }
    };
    let (_, first) = post_from("203.0.113.5", reader_key(1), "Первый").await;
    let ban: Value = server
        .desk_post(
            "/api/moderation/bans",
            json!({"comment_id": first["id"], "scope": "reader", "hours": 2, "note": "Оскорбления"}),
            201,
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ban["scope"], "reader");
    assert_eq!(ban["author"], "Тролль");
    assert!(ban["until"].is_string());
    let (status, body) = post_from("203.0.113.5", reader_key(1), "Снова").await;
    assert_eq!(
        (status, refusal(&body).0, refusal(&body).1),
        (403, "forbidden", "banned")
    );
    assert_eq!(refusal(&body).2, ban["until"].as_str());
    // Another browser on the same network may post; a network ban stops it too.
    let (status, second) = post_from("203.0.113.77", reader_key(2), "С другого").await;
    assert_eq!(status, 201);
    server
        .desk_post(
            "/api/moderation/bans",
            json!({"comment_id": second["id"], "scope": "network"}),
            201,
        )
        .await;
    let (status, body) = post_from("203.0.113.200", reader_key(3), "Третий").await;
    assert_eq!((status, refusal(&body).2), (403, None), "for good: no end");
    assert_eq!(
        post_from("198.51.100.1", reader_key(4), "Чужая сеть")
            .await
            .0,
        201
    );
    let bans = server.desk_get("/api/moderation/bans").await;
    assert_eq!(bans["items"][0]["target"], "203.0.113.0/24");
    // An expired ban stops nobody; a lifted one neither.
    sqlx::query("UPDATE bans SET expires_at = 1 WHERE scope = 'reader'")
        .execute(&server.pool)
        .await
        .unwrap();
    let id = bans["items"][0]["id"].as_i64().unwrap();
    let lifted = server
        .moderate(
            reqwest::Method::DELETE,
            &format!("/api/moderation/bans/{id}"),
            None,
        )
        .await;
    assert_eq!(lifted.status().as_u16(), 204);
    assert_eq!(
        post_from("203.0.113.5", reader_key(1), "Прощён").await.0,
        201
    );
    assert!(
        server.desk_get("/api/moderation/bans").await["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // A comment without a reader key can only be banned by its network.
    let (_, keyless) = server.post_as(SLUG, json!({"text": "Без ключа"})).await;
    server
        .desk_post(
            "/api/moderation/bans",
            json!({"comment_id": keyless["id"], "scope": "reader"}),
            422,
        )
        .await;
}

#[tokio::test]
async fn a_shadow_banned_reader_sees_their_comments_and_nobody_else_does() {
    let server = TestServer::start(with(SiteModeration::default())).await;
    let key = reader_key(7);
    let me = reader_id_of(&key);
    let (_, first) = server
        .post_as(SLUG, json!({"text": "Ещё до бана", "reader_key": key}))
        .await;
    server
        .desk_post(
            "/api/moderation/bans",
            json!({"comment_id": first["id"], "scope": "reader", "shadow": true}),
            201,
        )
        .await;
    let mut mine = server
        .open_stream(SLUG, &format!("?reader={me}"), None)
        .await;
    let mut others = server.open_stream(SLUG, "", None).await;
    let (status, shadowed) = server
        .post_as(
            SLUG,
            json!({"text": "Меня никто не видит", "reader_key": key}),
        )
        .await;
    // To them it looks published, as every other comment does.
    assert_eq!(status, 201);
    assert_eq!(shadowed.get("status"), None, "{shadowed}");
    let id = shadowed["id"].as_i64().unwrap();
    assert_eq!(mine.next_event().await.json()["id"], id);
    assert!(
        others
            .drain(std::time::Duration::from_millis(400))
            .await
            .is_empty()
    );
    assert!(server.visible_ids(SLUG, Some(&me)).await.contains(&id));
    assert!(!server.visible_ids(SLUG, None).await.contains(&id));
    let count = server.json(&format!("/api/articles/{SLUG}"), 200).await["comment_count"].clone();
    assert_eq!(count, 1, "the shadowed comment is not counted");
    let item = &server.desk_get("/api/moderation/queue?queue=recent").await["items"][0];
    assert_eq!(item["shadow"], true);
    // A moderator who approves it lets everyone see it.
    server
        .desk_post(
            &format!("/api/moderation/comments/{id}/approve"),
            json!({}),
            204,
        )
        .await;
    assert_eq!(others.next_event().await.json()["id"], id);
}
