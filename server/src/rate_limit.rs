//! The per-IP limits on posting comments and reports: tower_governor's token
//! bucket keyed by the reader's address, answering the API's JSON 429 with
//! `Retry-After`.
//!
//! The key is the TCP peer, so the router must be served with connect info
//! ([`crate::serve`] does), read through the proxies `--trusted-proxy` names
//! (`crate::client_addr`): behind nginx every reader would otherwise share
//! nginx's bucket. A forwarded address from anyone else is ignored, since a
//! header any client can set would let anyone pick their own bucket.

use crate::Shutdown;
use crate::client_addr::{self, ProxyNet};
use crate::error::ServerError;
use axum::body::Body;
use axum::response::{IntoResponse, Response};
use governor::middleware::NoOpMiddleware;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;
use tower_governor::governor::{GovernorConfig, GovernorConfigBuilder};
use tower_governor::key_extractor::KeyExtractor;
use tower_governor::{GovernorError, GovernorLayer};

/// How many requests one address may make: `burst` at once, then one per `period`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed in a row before the limit applies (at least 1).
    pub burst: u32,
    /// Time after which one more request is allowed (more than zero).
    pub period: Duration,
}

impl RateLimit {
    /// The default for posting comments: 5 at once, then one every 10 s.
    pub const COMMENTS: Self = Self {
        burst: crate::config::DEFAULT_COMMENT_BURST,
        period: Duration::from_secs(crate::config::DEFAULT_COMMENT_PER_SECONDS),
    };
}

impl RateLimit {
    /// The default for reporting comments: 20 at once, then one every 3 s.
    pub const REPORTS: Self = Self {
        burst: 20,
        period: Duration::from_secs(3),
    };
}

/// Keys a request by the reader's address (see the module's comment).
#[derive(Clone, Debug, Default)]
pub struct ReaderIp {
    trusted: Arc<[ProxyNet]>,
}

impl ReaderIp {
    /// Reads addresses through these proxies.
    pub fn through(trusted: Arc<[ProxyNet]>) -> Self {
        Self { trusted }
    }
}

impl KeyExtractor for ReaderIp {
    type Key = IpAddr;

    fn extract<T>(&self, request: &axum::http::Request<T>) -> Result<IpAddr, GovernorError> {
        client_addr::client_ip(
            client_addr::peer(request.extensions()),
            request.headers(),
            &self.trusted,
        )
        .ok_or(GovernorError::UnableToExtractKey)
    }
}

/// The shared state of one limit: which addresses used how much.
pub type Limiter = Arc<GovernorConfig<ReaderIp, NoOpMiddleware>>;

/// A fresh limiter for `limit`, reading addresses through `trusted`; a zero
/// burst or period is a configuration error.
pub fn limiter(limit: RateLimit, trusted: Arc<[ProxyNet]>) -> Result<Limiter, ServerError> {
    GovernorConfigBuilder::default()
        .key_extractor(ReaderIp::through(trusted))
        .period(limit.period)
        .burst_size(limit.burst)
        .finish()
        .map(Arc::new)
        .ok_or_else(|| {
            ServerError::Config(format!(
                "invalid rate limit {limit:?}: the burst and the period must be above zero"
            ))
        })
}

/// The layer that applies `limiter` to the routes it wraps.
pub fn layer(limiter: &Limiter) -> GovernorLayer<ReaderIp, NoOpMiddleware, Body> {
    GovernorLayer::new(Arc::clone(limiter)).error_handler(rejection)
}

fn rejection(error: GovernorError) -> Response {
    match error {
        // governor rounds the wait down to whole seconds; one more makes the
        // retry certain to pass instead of possibly arriving a moment early.
        GovernorError::TooManyRequests { wait_time, .. } => ServerError::RateLimited {
            retry_after: wait_time.saturating_add(1),
        },
        GovernorError::UnableToExtractKey => ServerError::Config(
            "the rate limit cannot see the client's address: serve the router with connect info"
                .to_owned(),
        ),
        GovernorError::Other { code, msg, .. } => {
            ServerError::Config(format!("rate limit failure {code}: {msg:?}"))
        }
    }
    .into_response()
}

/// Forgets, once a minute until shutdown, addresses whose bucket is full again,
/// so the limiter's memory follows the active posters, not every address ever seen.
pub fn spawn_cleanup(limiter: Limiter, shutdown: Shutdown) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                () = shutdown.wait() => break,
                _ = tick.tick() => {
                    limiter.limiter().retain_recent();
                    limiter.limiter().shrink_to_fit();
                }
            }
        }
    });
}
