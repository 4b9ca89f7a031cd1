//! Checks on values from flags and files that more than one part of the server
//! reads, each answering a message that names the value and what is expected.

use crate::error::ServerError;
use vestnik_api::links;

/// Accepts an absolute http(s) URL by the rules the SPA links by (`vestnik_api::links`).
pub fn check_http_url(url: &str) -> Result<String, ServerError> {
    match links::http_url(url) {
        Ok(_) => Ok(url.to_owned()),
        Err(problem) => Err(ServerError::Config(format!(
            "invalid URL {url:?}: {problem}; expected an absolute http:// or https:// URL \
             such as https://t.me/channel"
        ))),
    }
}
