//! The webhook: the summary as JSON, POSTed to the publisher's address and
//! signed with the shared secret so the receiver knows it came from here.
//!
//! `X-Vestnik-Timestamp` is the sending time in unix seconds and
//! `X-Vestnik-Signature` is `sha256=` and the hex HMAC-SHA-256, under the
//! secret, of the timestamp, a `.` and the body: a receiver recomputes it,
//! compares in constant time and refuses old timestamps (a replay).

use crate::spam::secret;

/// A webhook destination.
#[derive(Clone)]
pub struct Webhook {
    /// Where to POST.
    pub url: String,
    /// The shared secret the body is signed with.
    pub secret: String,
}

impl std::fmt::Debug for Webhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Webhook")
            .field("url", &self.url)
            .field("secret", &"<hidden>")
            .finish()
    }
}

/// The signature header's value for `body` sent at `timestamp`.
pub fn signature(secret_key: &str, timestamp: i64, body: &str) -> String {
    let signed = format!("{timestamp}.{body}");
    format!(
        "sha256={}",
        secret::sign(secret_key.as_bytes(), signed.as_bytes())
    )
}

impl Webhook {
    /// POSTs `body`; any answer but 2xx is a failure.
    pub async fn send(&self, client: &reqwest::Client, body: &str) -> Result<(), String> {
        let timestamp = jiff::Timestamp::now().as_second();
        let answer = client
            .post(&self.url)
            .header("content-type", "application/json")
            .header("x-vestnik-timestamp", timestamp.to_string())
            .header(
                "x-vestnik-signature",
                signature(&self.secret, timestamp, body),
            )
            .body(body.to_owned())
            .send()
            .await
            .map_err(|e| e.to_string())?;
        if answer.status().is_success() {
            Ok(())
        } else {
            Err(format!("the webhook answered {}", answer.status()))
        }
    }
}
