//! Telegram: the summary as a bot's message to the newsroom's chat, through
//! the Bot API's `sendMessage`.

/// Telegram's Bot API, unless `--telegram-api-url` says otherwise (a local
/// Bot API server, or a test's stand-in).
pub const DEFAULT_API_URL: &str = "https://api.telegram.org";

/// A chat a bot writes to.
#[derive(Clone)]
pub struct TelegramChat {
    /// The Bot API's address, without a trailing slash.
    pub api_url: String,
    /// The bot's token, from @BotFather.
    pub token: String,
    /// The chat's id (`-100…` for a group) or `@channel`.
    pub chat_id: String,
}

impl std::fmt::Debug for TelegramChat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TelegramChat")
            .field("api_url", &self.api_url)
            .field("token", &"<hidden>")
            .field("chat_id", &self.chat_id)
            .finish()
    }
}

impl TelegramChat {
    /// Sends `text` as plain text (no Markdown to escape), without link previews.
    pub async fn send(&self, client: &reqwest::Client, text: &str) -> Result<(), String> {
        let url = format!("{}/bot{}/sendMessage", self.api_url, self.token);
        let answer = client
            .post(url)
            .json(&serde_json::json!({
                "chat_id": self.chat_id,
                "text": text,
                "link_preview_options": { "is_disabled": true },
            }))
            .send()
            .await
            // reqwest's error names the URL, which holds the token.
            .map_err(|e| format!("cannot reach the Bot API: {}", e.without_url()))?;
        let status = answer.status();
        let reply: serde_json::Value = answer.json().await.unwrap_or_default();
        if status.is_success() && reply["ok"] == true {
            Ok(())
        } else {
            Err(format!(
                "the Bot API answered {status}: {}",
                reply["description"].as_str().unwrap_or("no description")
            ))
        }
    }
}
