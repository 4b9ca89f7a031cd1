//! What can go wrong when the desk asks the server for something, in the
//! terms the desk acts on: a 401 ends the session, everything else is shown
//! next to what failed.

use crate::api::ApiError;

/// A failed call of the moderation API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeskError {
    /// 401: the token is wrong, revoked, or moderation is off (the server's words).
    Unauthorized(Option<String>),
    /// No answer at all: offline, connection refused or cut.
    Network,
    /// The comment, ban, word or article is not there (any more).
    NotFound,
    /// The server refused the input (422), in its own words.
    Invalid(Option<String>),
    /// Too many requests; again after this many seconds, if the server said.
    RateLimited(Option<u32>),
    /// Any other error status, with the server's explanation when it sent one.
    Server {
        /// The HTTP status.
        status: u16,
        /// The server's words.
        message: Option<String>,
    },
    /// An answer came that is not what it should be.
    Malformed,
}

impl DeskError {
    /// Whether the server no longer takes this desk's token.
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, Self::Unauthorized(_))
    }
}

impl From<ApiError> for DeskError {
    fn from(error: ApiError) -> Self {
        match error {
            ApiError::Network => Self::Network,
            ApiError::NotFound => Self::NotFound,
            ApiError::RateLimited { retry_after } => Self::RateLimited(retry_after),
            ApiError::Server {
                status: 401,
                message,
            } => Self::Unauthorized(message),
            ApiError::Server { status, message } => Self::Server { status, message },
            ApiError::Invalid { fields, message } => {
                // The field's own explanation says more than "invalid input".
                Self::Invalid(fields.into_values().next().or(message))
            }
            ApiError::Refused {
                message, detail, ..
            } => Self::Invalid(message.or(detail)),
            ApiError::Malformed => Self::Malformed,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::api::decode_answer;

    #[test]
    fn a_401_is_the_end_of_the_session_with_the_servers_words() {
        let body = r#"{"error":{"code":"unauthorized","message":"the moderator token is not valid (or was revoked)"}}"#;
        let error: DeskError = decode_answer::<()>(401, None, body).unwrap_err().into();
        assert_eq!(
            error,
            DeskError::Unauthorized(Some(
                "the moderator token is not valid (or was revoked)".to_owned()
            ))
        );
        assert!(error.is_unauthorized());
    }

    #[test]
    fn a_refused_field_keeps_the_fields_explanation() {
        let body = r#"{"error":{"code":"invalid","message":"invalid input","fields":{"word":"too long"}}}"#;
        let error: DeskError = decode_answer::<()>(422, None, body).unwrap_err().into();
        assert_eq!(error, DeskError::Invalid(Some("too long".to_owned())));
        assert!(!error.is_unauthorized());
    }
}
