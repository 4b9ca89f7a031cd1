//! Moderators with tokens of their own, and the log of what they did.

use crate::common::{MODERATOR_TOKEN, Setup, TestServer, assert_error};
use jiff::Timestamp;
use serde_json::Value;
use vestnik_server::moderation::{new_token, store, token_hash};

async fn log(server: &TestServer, token: Option<&str>) -> reqwest::Response {
    let mut request = server
        .client
        .get(format!("{}/api/moderation/log", server.base));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn each_moderator_acts_with_their_own_token_and_the_log_says_who() {
    let server = TestServer::start(Setup::moderated()).await;
    let oksana = new_token().unwrap();
    store::add(&server.store, "Оксана", &oksana, Timestamp::now())
        .await
        .unwrap();
    // Only the hash is kept: the token is nowhere in the database.
    let stored: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM moderators")
        .fetch_all(&server.pool)
        .await
        .unwrap();
    assert_eq!(stored, [token_hash(&oksana)]);

    let first = server.comment("Спам", "client-mod-1", None).await["id"]
        .as_i64()
        .unwrap();
    let second = server.comment("Ещё спам", "client-mod-2", None).await["id"]
        .as_i64()
        .unwrap();
    assert_eq!(
        server
            .delete_comment(first, Some(&oksana))
            .await
            .status()
            .as_u16(),
        204
    );
    assert_eq!(
        server
            .delete_comment(second, Some(MODERATOR_TOKEN))
            .await
            .status()
            .as_u16(),
        204
    );

    let answer = log(&server, Some(&oksana)).await;
    assert_eq!(answer.status().as_u16(), 200);
    let body: Value = answer.json().await.unwrap();
    let items = body["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{body}");
    // Newest first, with who, what, which comment of which article, and when.
    assert_eq!(items[0]["moderator"], "shared token");
    assert_eq!(items[0]["comment_id"], second);
    assert_eq!(items[1]["moderator"], "Оксана");
    assert_eq!(items[1]["action"], "remove");
    assert_eq!(items[1]["comment_id"], first);
    assert_eq!(items[1]["article"], "belgium-invest-kharkiv");
    assert!(
        items[1]["at"]
            .as_str()
            .unwrap()
            .parse::<Timestamp>()
            .is_ok()
    );

    // The log is for moderators only.
    for token in [None, Some("not-a-token-not-a-token")] {
        let answer = log(&server, token).await;
        assert_eq!(answer.status().as_u16(), 401);
        assert_error(&answer.json().await.unwrap(), "unauthorized");
    }
}

#[tokio::test]
async fn a_revoked_token_stops_working_at_once_and_the_name_can_be_given_again() {
    let server = TestServer::seeded().await;
    let token = new_token().unwrap();
    store::add(&server.store, "Дежурный", &token, Timestamp::now())
        .await
        .unwrap();
    // A second moderator with the same active name is refused.
    assert!(
        store::add(
            &server.store,
            "Дежурный",
            &new_token().unwrap(),
            Timestamp::now()
        )
        .await
        .is_err()
    );
    let night = new_token().unwrap();
    store::add(&server.store, "Ночной", &night, Timestamp::now())
        .await
        .unwrap();
    assert_eq!(log(&server, Some(&token)).await.status().as_u16(), 200);
    assert!(
        store::revoke(&server.store, "Дежурный", Timestamp::now())
            .await
            .unwrap()
    );
    let id = server.comment("Текст", "client-rev-1", None).await["id"]
        .as_i64()
        .unwrap();
    let refused = server.delete_comment(id, Some(&token)).await;
    assert_eq!(refused.status().as_u16(), 401);
    let body: Value = refused.json().await.unwrap();
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("revoked"),
        "{body}"
    );
    assert_eq!(log(&server, Some(&night)).await.status().as_u16(), 200);
    assert!(
        store::revoke(&server.store, "Ночной", Timestamp::now())
            .await
            .unwrap()
    );
    // With no active moderator and no shared token, moderation is off again.
    let off: Value = log(&server, Some(&token)).await.json().await.unwrap();
    assert!(
        off["error"]["message"]
            .as_str()
            .unwrap()
            .contains("disabled"),
        "{off}"
    );

    let again = new_token().unwrap();
    store::add(&server.store, "Дежурный", &again, Timestamp::now())
        .await
        .unwrap();
    assert_eq!(
        server
            .delete_comment(id, Some(&again))
            .await
            .status()
            .as_u16(),
        204
    );
    let names: Vec<String> = store::list(&server.store)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert_eq!(names, ["Дежурный", "Ночной", "Дежурный"]);
}
