//! Where the API lives, read at start from `config.json` beside `index.html`.
//!
//! One `dist/` serves any backend: the publisher edits `config.json` (see
//! `vestnik_api::ClientConfig`) instead of rebuilding. Without the file the
//! API is on the page's own origin under `/api`.

use super::boot;
use gloo_net::http::Request;
use std::cell::RefCell;
use vestnik_api::{ClientConfig, ConfigProblem, DEFAULT_API_BASE};

thread_local! {
    // Set once before the app mounts; read by every request.
    static API_BASE: RefCell<String> = RefCell::new(DEFAULT_API_BASE.to_owned());
}

/// The API base every request starts with, e.g. `/api` or `https://api.example.org/api`.
pub fn api_base() -> String {
    API_BASE.with(|base| base.borrow().clone())
}

/// Reads `config.json` (the copy the page's bootstrap started fetching, or a
/// fresh request) and makes its API base the one requests use.
pub async fn load_client_config() -> Result<ClientConfig, ConfigProblem> {
    let text = match boot::take_config_text().await {
        Some(text) => text,
        None => fetch_config_text().await,
    };
    let config = match text {
        Some(text) => {
            let config =
                super::json::decode::<ClientConfig>(&text).map_err(ConfigProblem::Malformed)?;
            // The browser's decoder reads only the keys it knows: a misspelt
            // one ("apiBase") must still be the publisher's error (decision 18).
            let keys = super::json::object_keys(&text);
            ClientConfig::check_keys(keys.iter().map(String::as_str))?;
            config
        }
        None => ClientConfig::default(),
    };
    let base = config.api_base()?;
    API_BASE.with(|current| *current.borrow_mut() = base.url);
    Ok(config)
}

/// `config.json`'s text; `None` when there is none. A host that answers every
/// path with `index.html` (an SPA fallback) has none either.
async fn fetch_config_text() -> Option<String> {
    let response = Request::get("/config.json").send().await.ok()?;
    let is_json = response
        .headers()
        .get("Content-Type")
        .is_some_and(|t| t.contains("json"));
    if !response.ok() || !is_json {
        return None;
    }
    response.text().await.ok()
}
