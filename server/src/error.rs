//! The server's error type, how each kind reaches a client, and the store's
//! own error type, which becomes one of them at the HTTP boundary.

use axum::Json;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;
use vestnik_api::{ErrorBody, ErrorCode, ErrorDetail, Refusal};

/// A comment (or report) refused by one of the site's rules: the reason a
/// client words for its reader, and the words for a client's developer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    /// Which rule.
    pub reason: Refusal,
    /// What is wrong, for a developer.
    pub message: String,
    /// What the rule is about: the word, the most links, the end of a ban.
    pub detail: Option<String>,
    /// The input field to blame, if one is.
    pub field: Option<&'static str>,
}

impl Refused {
    /// A refusal for `reason`, explained by `message`.
    pub fn new(reason: Refusal, message: impl Into<String>) -> Self {
        Self {
            reason,
            message: message.into(),
            detail: None,
            field: None,
        }
    }

    /// Says what the rule is about.
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// Blames one input field.
    pub fn field(mut self, field: &'static str) -> Self {
        self.field = Some(field);
        self
    }

    /// 403 for who may not post (a ban, a closed article); 422 for what was posted.
    pub fn status(&self) -> StatusCode {
        match self.reason {
            Refusal::Banned | Refusal::Closed => StatusCode::FORBIDDEN,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }
}

impl From<Refused> for ServerError {
    fn from(refused: Refused) -> Self {
        Self::Refused(Box::new(refused))
    }
}

/// Everything that can go wrong, at start-up or while answering a request.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The request is malformed; the message is shown to the client as is.
    #[error("{message}")]
    BadRequest {
        /// What is wrong, in words a client developer understands.
        message: String,
        /// Per-parameter problems, keyed by parameter name.
        fields: BTreeMap<String, String>,
    },
    /// Well-formed input that fails validation: 422 with per-field problems.
    #[error("{message}")]
    Invalid {
        /// What is wrong, in words a client developer understands.
        message: String,
        /// Per-field problems, keyed by field name.
        fields: BTreeMap<String, String>,
    },
    /// A comment (or report) refused by one of the site's rules: 422, or 403
    /// for a ban or a closed article.
    #[error("{}", .0.message)]
    Refused(Box<Refused>),
    /// The request body is larger than the API reads (`limit` bytes).
    #[error("request body too large")]
    PayloadTooLarge {
        /// The most the API reads, in bytes.
        limit: usize,
    },
    /// No such resource; the message is shown to the client as is.
    #[error("{0}")]
    NotFound(String),
    /// A moderator action without a valid token; the message says what is missing.
    #[error("{0}")]
    Unauthorized(String),
    /// Too many posts from one address; the client may retry after this many seconds.
    #[error("too many requests: retry after {retry_after} s")]
    RateLimited {
        /// Whole seconds until the next request is accepted (the `Retry-After` header).
        retry_after: u64,
    },
    /// The method exists for no route at this path.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The database cannot be reached now (pool timed out or closed).
    #[error("the database is unavailable: {0}")]
    Unavailable(#[source] sqlx::Error),
    /// This server is shutting down (draining): another replica serves the request.
    #[error("this server is shutting down")]
    Draining,
    /// Any other database failure.
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
    /// Applying the schema migrations failed.
    #[error("cannot migrate the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A stored value cannot be read back (bad JSON column, out-of-range time).
    #[error("corrupt stored data: {0}")]
    Corrupt(String),
    /// A setting is wrong; the message says which and why.
    #[error("{0}")]
    Config(String),
    /// A file or socket operation failed.
    #[error("{context}: {source}")]
    Io {
        /// What the server was doing.
        context: String,
        /// The underlying failure.
        #[source]
        source: std::io::Error,
    },
}

impl ServerError {
    /// A 400 with a message and no per-field details.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::BadRequest {
            message: message.into(),
            fields: BTreeMap::new(),
        }
    }

    /// A 400 blaming one query or body field.
    pub fn bad_field(field: &str, problem: impl Into<String>) -> Self {
        let problem = problem.into();
        Self::BadRequest {
            message: format!("invalid `{field}`: {problem}"),
            fields: BTreeMap::from([(field.to_owned(), problem)]),
        }
    }

    /// A 422 blaming one body field.
    pub fn invalid_field(field: &str, problem: impl Into<String>) -> Self {
        let problem = problem.into();
        Self::Invalid {
            message: format!("invalid `{field}`: {problem}"),
            fields: BTreeMap::from([(field.to_owned(), problem)]),
        }
    }

    /// Wraps an I/O error with what was being attempted.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Self::Io {
            context: context.into(),
            source,
        }
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest { .. } => StatusCode::BAD_REQUEST,
            Self::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Refused(refused) => refused.status(),
            Self::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::Unavailable(_) | Self::Draining => StatusCode::SERVICE_UNAVAILABLE,
            Self::Database(_)
            | Self::Migrate(_)
            | Self::Corrupt(_)
            | Self::Config(_)
            | Self::Io { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// What the store (and the database layer under it) can fail with.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database cannot be reached now (pool timed out or closed).
    #[error("the database is unavailable: {0}")]
    Unavailable(#[source] sqlx::Error),
    /// Any other database failure.
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
    /// Applying the schema migrations failed.
    #[error("cannot migrate the database: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A stored value cannot be read back (bad JSON column, out-of-range time).
    #[error("corrupt stored data: {0}")]
    Corrupt(String),
    /// The database named cannot be opened or made; the message says why.
    #[error("{0}")]
    Open(String),
    /// A file operation failed (making the database's folder).
    #[error("{context}: {source}")]
    Io {
        /// What the store was doing.
        context: String,
        /// The underlying failure.
        #[source]
        source: std::io::Error,
    },
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match error {
            // A pool that cannot hand out a connection is a passing condition: 503
            // tells clients and load balancers to retry, 500 would not.
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => Self::Unavailable(error),
            other => Self::Database(other),
        }
    }
}

impl From<StoreError> for ServerError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Unavailable(cause) => Self::Unavailable(cause),
            StoreError::Database(cause) => Self::Database(cause),
            StoreError::Migrate(cause) => Self::Migrate(cause),
            StoreError::Corrupt(what) => Self::Corrupt(what),
            // Bad database settings stop the server at start, as bad flags do.
            StoreError::Open(message) => Self::Config(message),
            StoreError::Io { context, source } => Self::Io { context, source },
        }
    }
}

impl From<sqlx::Error> for ServerError {
    fn from(error: sqlx::Error) -> Self {
        StoreError::from(error).into()
    }
}

impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        let status = self.status();
        let mut headers = HeaderMap::new();
        let mut refusal = None;
        let (code, message, fields) = match self {
            Self::Refused(refused) => {
                let Refused {
                    reason,
                    message,
                    detail,
                    field,
                } = *refused;
                let code = if status == StatusCode::FORBIDDEN {
                    ErrorCode::Forbidden
                } else {
                    ErrorCode::Invalid
                };
                let fields = field
                    .map(|field| BTreeMap::from([(field.to_owned(), message.clone())]))
                    .unwrap_or_default();
                refusal = Some((reason, detail));
                (code, message, fields)
            }
            Self::BadRequest { message, fields } => (ErrorCode::BadRequest, message, fields),
            Self::Invalid { message, fields } => (ErrorCode::Invalid, message, fields),
            Self::PayloadTooLarge { limit } => (
                ErrorCode::PayloadTooLarge,
                format!("the request body is larger than {limit} bytes"),
                BTreeMap::new(),
            ),
            Self::NotFound(message) => (ErrorCode::NotFound, message, BTreeMap::new()),
            Self::Unauthorized(message) => {
                headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
                (ErrorCode::Unauthorized, message, BTreeMap::new())
            }
            Self::RateLimited { retry_after } => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
                (
                    ErrorCode::RateLimited,
                    format!("too many comments from this address: try again in {retry_after} s"),
                    BTreeMap::new(),
                )
            }
            // The error codes have no 405 kind; the request is malformed, so bad_request.
            Self::MethodNotAllowed => (
                ErrorCode::BadRequest,
                "method not allowed on this path".to_owned(),
                BTreeMap::new(),
            ),
            Self::Unavailable(cause) => {
                tracing::warn!(error = %cause, "answering 503");
                (
                    ErrorCode::Unavailable,
                    "the service is temporarily unavailable, try again shortly".to_owned(),
                    BTreeMap::new(),
                )
            }
            Self::Draining => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(1));
                (
                    ErrorCode::Unavailable,
                    "this server is shutting down: try again, another one will answer".to_owned(),
                    BTreeMap::new(),
                )
            }
            internal => {
                // The cause can reveal paths or SQL: log it, keep it from the client.
                tracing::error!(error = %internal, "answering 500");
                (
                    ErrorCode::Internal,
                    "internal server error".to_owned(),
                    BTreeMap::new(),
                )
            }
        };
        let body = ErrorBody {
            error: ErrorDetail {
                code,
                message,
                fields,
                reason: refusal.as_ref().map(|(reason, _)| *reason),
                detail: refusal.and_then(|(_, detail)| detail),
            },
        };
        (status, headers, Json(body)).into_response()
    }
}
