//! The per-IP limits on posting comments and reports: a token bucket (GCRA)
//! keyed by the reader's address, answering the API's JSON 429 with
//! `Retry-After`. In memory (governor) when this process is the only one; in
//! the database when replicas share it, so the limit holds for the whole site.
//!
//! The key is the TCP peer, so the router must be served with connect info
//! ([`crate::serve`] does), read through the proxies `--trusted-proxy` names
//! (`crate::client_addr`): behind nginx every reader would otherwise share
//! nginx's bucket. A forwarded address from anyone else is ignored, since a
//! header any client can set would let anyone pick their own bucket.

use crate::Shutdown;
use crate::client_addr::{self, ProxyNet};
use crate::error::ServerError;
use crate::store::{self, Store};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

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

/// The shared state of one limit: which addresses used how much. Cheap to clone.
#[derive(Clone)]
pub struct Limiter(Arc<Inner>);

struct Inner {
    limit: RateLimit,
    /// The limit's name in the database (`comments`, `reports`).
    bucket: &'static str,
    trusted: Arc<[ProxyNet]>,
    counts: Counts,
}

enum Counts {
    /// This process's own buckets.
    Local(DefaultKeyedRateLimiter<IpAddr>),
    /// Buckets in the database every replica shares.
    Shared(Store),
}

impl std::fmt::Debug for Limiter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Limiter")
            .field("bucket", &self.0.bucket)
            .field("limit", &self.0.limit)
            .field("shared", &matches!(self.0.counts, Counts::Shared(_)))
            .finish()
    }
}

/// A fresh limiter for `limit` named `bucket`, reading addresses through
/// `trusted`, in the database when `store` is shared between processes; a
/// zero burst or period is a configuration error.
pub fn limiter(
    bucket: &'static str,
    limit: RateLimit,
    trusted: Arc<[ProxyNet]>,
    store: &Store,
) -> Result<Limiter, ServerError> {
    let invalid = || {
        ServerError::Config(format!(
            "invalid rate limit {limit:?}: the burst and the period must be above zero"
        ))
    };
    let burst = NonZeroU32::new(limit.burst).ok_or_else(invalid)?;
    let quota = Quota::with_period(limit.period)
        .ok_or_else(invalid)?
        .allow_burst(burst);
    let counts = if store.is_shared() {
        Counts::Shared(store.clone())
    } else {
        Counts::Local(governor::RateLimiter::keyed(quota))
    };
    Ok(Limiter(Arc::new(Inner {
        limit,
        bucket,
        trusted,
        counts,
    })))
}

impl Limiter {
    /// Takes one request of `ip`'s allowance: `None` when it may go ahead,
    /// else how long until it may.
    async fn take(&self, ip: IpAddr) -> Result<Option<Duration>, ServerError> {
        match &self.0.counts {
            Counts::Local(limiter) => Ok(limiter
                .check_key(&ip)
                .err()
                .map(|not_until| not_until.wait_time_from(DefaultClock::default().now()))),
            Counts::Shared(store) => Ok(store::take_rate_token(
                store,
                self.0.bucket,
                &ip.to_string(),
                self.0.limit.period,
                self.0.limit.burst,
                jiff::Timestamp::now(),
            )
            .await?),
        }
    }

    /// Forgets addresses whose bucket is full again.
    async fn forget_idle(&self) {
        match &self.0.counts {
            Counts::Local(limiter) => {
                limiter.retain_recent();
                limiter.shrink_to_fit();
            }
            Counts::Shared(store) => {
                if let Err(error) =
                    store::forget_rate_tokens(store, self.0.bucket, jiff::Timestamp::now()).await
                {
                    tracing::warn!(%error, bucket = self.0.bucket, "cannot forget idle rate-limit buckets");
                }
            }
        }
    }
}

/// Middleware applying the limiter in its state to the routes it wraps
/// (`axum::middleware::from_fn_with_state`).
pub async fn enforce(State(limiter): State<Limiter>, request: Request, next: Next) -> Response {
    let Some(ip) = client_addr::client_ip(
        client_addr::peer(request.extensions()),
        request.headers(),
        &limiter.0.trusted,
    ) else {
        return ServerError::Config(
            "the rate limit cannot see the client's address: serve the router with connect info"
                .to_owned(),
        )
        .into_response();
    };
    match limiter.take(ip).await {
        Ok(None) => next.run(request).await,
        // Whole seconds, rounded up, and one more: a retry is then certain
        // to pass instead of possibly arriving a moment early.
        Ok(Some(wait)) => ServerError::RateLimited {
            retry_after: wait.as_secs().saturating_add(1),
        }
        .into_response(),
        Err(error) => error.into_response(),
    }
}

/// Forgets, once a minute until shutdown, addresses whose bucket is full again,
/// so the limiter's memory (or table) follows the active posters, not every
/// address ever seen.
pub fn spawn_cleanup(limiter: Limiter, shutdown: Shutdown) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                () = shutdown.wait() => break,
                _ = tick.tick() => limiter.forget_idle().await,
            }
        }
    });
}
