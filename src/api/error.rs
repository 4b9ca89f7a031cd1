//! What can go wrong when the app asks the API for something.

use crate::i18n::Strings;
use std::collections::BTreeMap;

/// A failed API call, in the terms the reader needs: can it be retried, does
/// the thing exist, or is the server to blame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// No answer at all: offline, connection refused or cut, blocked by the browser.
    Network,
    /// The server says there is no such thing.
    NotFound,
    /// Too many requests; try again after this many seconds, if the server said.
    RateLimited {
        /// Seconds from the Retry-After header.
        retry_after: Option<u32>,
    },
    /// The server answered with an error status.
    Server {
        /// The HTTP status.
        status: u16,
        /// The server's own explanation, when it sent the documented error shape.
        message: Option<String>,
    },
    /// The server refused the input (422); the problems per field, as the server worded them.
    Invalid {
        /// Field name to the server's explanation.
        fields: BTreeMap<String, String>,
        /// The server's overall explanation.
        message: Option<String>,
    },
    /// An answer arrived but is not the data it should be (broken JSON, wrong shape).
    Malformed,
}

impl ApiError {
    /// Whether asking again may help; a missing article stays missing.
    pub fn is_retryable(&self) -> bool {
        !matches!(self, ApiError::NotFound | ApiError::Invalid { .. })
    }

    /// The message shown to the reader, in the UI language.
    pub fn message(&self, strings: &Strings) -> String {
        match self {
            ApiError::Network => strings.error_network.to_owned(),
            ApiError::NotFound => strings.not_found_title.to_owned(),
            ApiError::RateLimited {
                retry_after: Some(seconds),
            } => format!("{} ({seconds} s)", strings.error_rate_limited),
            ApiError::RateLimited { retry_after: None } => strings.error_rate_limited.to_owned(),
            ApiError::Server {
                status,
                message: Some(message),
            } => format!("{} {status}: {message}", strings.error_server),
            ApiError::Server {
                status,
                message: None,
            } => format!("{} {status}", strings.error_server),
            ApiError::Invalid {
                message: Some(message),
                ..
            } => message.clone(),
            ApiError::Invalid { message: None, .. } => strings.error_invalid.to_owned(),
            ApiError::Malformed => strings.error_malformed.to_owned(),
        }
    }
}
