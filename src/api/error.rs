//! What can go wrong when the app asks the API for something.

use crate::i18n::Strings;
use std::collections::BTreeMap;
use vestnik_api::Refusal;

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
    /// One of the site's rules refused the post (a ban, a closed article, a
    /// word not allowed, a failed spam check): the reason, worded here.
    Refused {
        /// Which rule.
        reason: Refusal,
        /// What it is about: the word, the most links, the end of a ban.
        detail: Option<String>,
        /// The field the server blamed (`author` or `text`), if one.
        field: Option<String>,
        /// The server's own words, for a reason this client does not know.
        message: Option<String>,
    },
}

impl ApiError {
    /// Whether asking again may help; a missing article stays missing, and
    /// a refused post must change first (only the browser's check may pass
    /// on a second try).
    pub fn is_retryable(&self) -> bool {
        match self {
            ApiError::NotFound | ApiError::Invalid { .. } => false,
            ApiError::Refused { reason, .. } => *reason == Refusal::ProofOfWork,
            _ => true,
        }
    }

    /// Whether this is the server asking for a fresh proof of work.
    pub fn wants_proof(&self) -> bool {
        matches!(
            self,
            ApiError::Refused {
                reason: Refusal::ProofOfWork,
                ..
            }
        )
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
            ApiError::Refused {
                reason,
                detail,
                field,
                message,
            } => refusal(
                *reason,
                detail.as_deref(),
                field.as_deref(),
                message.as_deref(),
                strings,
            ),
        }
    }
}

/// A refusal in the reader's words; `until` of a ban is shown as the server
/// wrote it only when the browser cannot format it (it always can here: the
/// caller formats it first).
fn refusal(
    reason: Refusal,
    detail: Option<&str>,
    field: Option<&str>,
    message: Option<&str>,
    strings: &Strings,
) -> String {
    let with = |words: &str| match detail {
        Some(detail) => format!("{words} «{detail}»"),
        None => words.to_owned(),
    };
    match reason {
        Refusal::BannedWord if field == Some("author") => with(strings.refused_name_word),
        Refusal::BannedWord => with(strings.refused_word),
        Refusal::TooManyLinks => match detail {
            Some(most) => format!("{} {most}", strings.refused_links),
            None => strings.refused_links.to_owned(),
        },
        Refusal::Duplicate => strings.refused_duplicate.to_owned(),
        Refusal::SpamCheck => strings.refused_spam.to_owned(),
        Refusal::ProofOfWork => strings.refused_proof.to_owned(),
        Refusal::Banned => match detail {
            Some(until) => format!(
                "{} {} {until}.",
                strings.refused_banned, strings.refused_banned_until
            ),
            None => format!("{}.", strings.refused_banned),
        },
        Refusal::Closed => strings.refused_closed.to_owned(),
        Refusal::Unknown => message.unwrap_or(strings.error_invalid).to_owned(),
    }
}
