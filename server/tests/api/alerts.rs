//! Moderators' alerts, against a local stand-in for the publisher's webhook
//! receiver and for Telegram's Bot API that checks what it is sent: the
//! webhook's signature, the bot's token and chat, and that a flood of
//! comments makes one summary, not a message each.

use crate::common::{SLUG, Setup, TestServer, reader_key};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::post;
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use vestnik_api::ModerationMode;
use vestnik_api::i18n::Lang;
use vestnik_server::alerts::AlertSettings;
use vestnik_server::alerts::telegram::TelegramChat;
use vestnik_server::alerts::webhook::{Webhook, signature};
use vestnik_server::moderation::settings::SiteModeration;

const SECRET: &str = "webhook-secret-for-tests";
const TOKEN: &str = "123456:test-bot-token";

/// What the stand-in was sent, in order.
#[derive(Clone, Default)]
struct Received {
    webhooks: Arc<Mutex<Vec<Value>>>,
    messages: Arc<Mutex<Vec<Value>>>,
    problems: Arc<Mutex<Vec<String>>>,
}

async fn webhook(
    State(received): State<Received>,
    headers: HeaderMap,
    body: Bytes,
) -> &'static str {
    let text = String::from_utf8_lossy(&body).into_owned();
    let timestamp: i64 = headers["x-vestnik-timestamp"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let signed = headers["x-vestnik-signature"].to_str().unwrap();
    if signed != signature(SECRET, timestamp, &text) {
        received
            .problems
            .lock()
            .unwrap()
            .push(format!("bad signature {signed}"));
    }
    if (jiff::Timestamp::now().as_second() - timestamp).abs() > 60 {
        received
            .problems
            .lock()
            .unwrap()
            .push("stale timestamp".into());
    }
    if headers["content-type"] != "application/json" {
        received.problems.lock().unwrap().push("not JSON".into());
    }
    received
        .webhooks
        .lock()
        .unwrap()
        .push(serde_json::from_str(&text).unwrap());
    "ok"
}

async fn telegram(
    State(received): State<Received>,
    Path(bot): Path<String>,
    axum::Json(message): axum::Json<Value>,
) -> axum::Json<Value> {
    if bot != format!("bot{TOKEN}") {
        received
            .problems
            .lock()
            .unwrap()
            .push(format!("wrong bot path {bot}"));
    }
    if message["chat_id"] != "-1001234567890" {
        received
            .problems
            .lock()
            .unwrap()
            .push(format!("wrong chat {}", message["chat_id"]));
    }
    received.messages.lock().unwrap().push(message);
    axum::Json(json!({"ok": true, "result": {"message_id": 1}}))
}

/// Starts the stand-in on loopback; answers its address and what it records.
async fn stand_in() -> (String, Received) {
    let received = Received::default();
    let app = Router::new()
        .route("/hook", post(webhook))
        .route("/{bot}/sendMessage", post(telegram))
        .with_state(received.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (base, received)
}

async fn server_alerting(base: &str) -> TestServer {
    TestServer::start(Setup {
        moderation: Some(SiteModeration {
            mode: ModerationMode::Pre,
            report_threshold: 1,
            ..SiteModeration::default()
        }),
        alerts: Some(AlertSettings {
            webhook: Some(Webhook {
                url: format!("{base}/hook"),
                secret: SECRET.into(),
            }),
            telegram: Some(TelegramChat {
                api_url: base.to_owned(),
                token: TOKEN.into(),
                chat_id: "-1001234567890".into(),
            }),
            batch: Duration::from_secs(1),
            desk_url: Some("https://news.example/moderation/".into()),
            lang: Lang::Ru,
        }),
        ..Setup::moderated()
    })
    .await
}

async fn wait_for(received: &Received, webhooks: usize, messages: usize) {
    for _ in 0..100 {
        let done = received.webhooks.lock().unwrap().len() >= webhooks
            && received.messages.lock().unwrap().len() >= messages;
        if done {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the stand-in did not get {webhooks} webhooks and {messages} messages");
}

#[tokio::test]
async fn a_flood_of_pending_comments_sends_one_summary_to_each_destination() {
    let (base, received) = stand_in().await;
    let server = server_alerting(&base).await;
    for n in 0..40 {
        let (status, _) = server
            .post_as(
                SLUG,
                json!({"text": format!("Волна номер {n}"), "reader_key": reader_key(n)}),
            )
            .await;
        assert_eq!(status, 201);
    }
    wait_for(&received, 1, 1).await;
    // The batch window is over and nothing else comes for it.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(received.webhooks.lock().unwrap().len(), 1);
    assert_eq!(received.messages.lock().unwrap().len(), 1);
    let hook = received.webhooks.lock().unwrap()[0].clone();
    assert_eq!(hook["event"], "moderation.alert");
    assert_eq!(hook["pending"], 40);
    assert_eq!(hook["items"].as_array().unwrap().len(), 5);
    assert_eq!(hook["more"], 35);
    assert_eq!(hook["items"][0]["held_for"], "pre_moderation");
    assert_eq!(hook["desk_url"], "https://news.example/moderation/");
    let text = received.messages.lock().unwrap()[0]["text"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        text.starts_with("Модерация: ждут проверки 40, с жалобами 0\n"),
        "{text}"
    );
    assert!(text.contains("… и ещё 35"), "{text}");
    assert!(
        text.ends_with("Открыть модерацию: https://news.example/moderation/"),
        "{text}"
    );
    assert!(
        received.problems.lock().unwrap().is_empty(),
        "{:?}",
        received.problems.lock().unwrap()
    );
}

#[tokio::test]
async fn one_comment_is_told_in_detail_and_a_report_too() {
    let (base, received) = stand_in().await;
    let server = server_alerting(&base).await;
    let (_, posted) = server
        .post_as(SLUG, json!({"text": "Проверьте меня", "author": "Оля"}))
        .await;
    wait_for(&received, 1, 1).await;
    let text = received.messages.lock().unwrap()[0]["text"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(text.starts_with("Комментарий ждёт проверки\n«"), "{text}");
    assert!(
        text.contains("— Оля: Проверьте меня (премодерация)"),
        "{text}"
    );
    // Approved, then reported: the report is the next alert.
    let id = posted["id"].as_i64().unwrap();
    server
        .desk_post(
            &format!("/api/moderation/comments/{id}/approve"),
            json!({}),
            204,
        )
        .await;
    let report = json!({"reader_key": reader_key(99), "reason": "spam"}).to_string();
    assert_eq!(
        server
            .post(&format!("/api/comments/{id}/reports"), &report)
            .await
            .status()
            .as_u16(),
        201
    );
    wait_for(&received, 2, 2).await;
    let hook = received.webhooks.lock().unwrap()[1].clone();
    assert_eq!(
        (hook["pending"].clone(), hook["reported"].clone()),
        (json!(0), json!(1))
    );
    assert_eq!(hook["items"][0]["kind"], "reported");
    assert_eq!(hook["items"][0]["comment_id"], id);
    let text = received.messages.lock().unwrap()[1]["text"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(text.starts_with("На комментарий пожаловались\n"), "{text}");
    assert!(
        received.problems.lock().unwrap().is_empty(),
        "{:?}",
        received.problems.lock().unwrap()
    );
}

#[tokio::test]
async fn published_comments_alert_nobody() {
    let (base, received) = stand_in().await;
    let server = TestServer::start(Setup {
        alerts: Some(AlertSettings {
            webhook: Some(Webhook {
                url: format!("{base}/hook"),
                secret: SECRET.into(),
            }),
            telegram: None,
            batch: Duration::from_millis(200),
            desk_url: None,
            lang: Lang::Ru,
        }),
        ..Setup::moderated()
    })
    .await;
    assert_eq!(
        server.post_as(SLUG, json!({"text": "Обычный"})).await.0,
        201
    );
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(received.webhooks.lock().unwrap().is_empty());
}
