//! The reference backend of vestnik: the JSON API over SQLite, and optionally
//! the built SPA's static files. `main.rs` only parses flags and calls [`run`];
//! tests and tools assemble the same pieces themselves.

#![warn(missing_docs)]

pub mod alerts;
pub mod cli;
pub mod client_addr;
pub mod comments;
pub mod config;
pub mod cors;
pub mod db;
pub mod error;
pub mod import;
pub mod moderation;
pub mod pages;
pub mod rate_limit;
pub mod render;
pub mod routes;
pub mod seed;
pub mod spam;
pub mod static_files;
pub mod static_render;
pub mod store;
pub mod validate;

pub use cli::{Cli, Command};
pub use config::{Config, CorsOrigin, ModeratorToken};
pub use error::ServerError;
pub use rate_limit::RateLimit;
pub use routes::router;
pub use seed::{SeedOutcome, seed_demo};
pub use store::Store;

use alerts::Alerts;
use client_addr::ProxyNet;
use comments::CommentHub;
use moderation::desk::DeskHub;
use moderation::settings::SiteModeration;
use spam::secret::ServerSecret;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use vestnik_api::Site;

/// What every request handler shares.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// What `GET /api/site` answers.
    pub site: Arc<Site>,
    /// The built SPA to serve for non-API paths, if any.
    pub static_dir: Option<PathBuf>,
    /// The SPA's `index.html`, ready to carry rendered pages (with `static_dir`,
    /// when the page has vestnik's markers).
    pub template: Option<Arc<render::template::Template>>,
    /// The public site's origin for canonical addresses, sitemaps and the feed;
    /// `None`: taken from each request's `Host`.
    pub site_url: Option<String>,
    /// Carries committed comment changes to the open event streams.
    pub comments: Arc<CommentHub>,
    /// The token `DELETE /api/comments/{id}` requires; `None` disables moderation.
    pub moderator_token: Option<ModeratorToken>,
    /// The per-IP limit on posting comments, shared by every request.
    pub comment_limiter: rate_limit::Limiter,
    /// The per-IP limit on reporting comments.
    pub report_limiter: rate_limit::Limiter,
    /// Proxies whose `X-Forwarded-For` names the reader.
    pub trusted_proxies: Arc<[ProxyNet]>,
    /// How comments are moderated on this site.
    pub moderation: Arc<SiteModeration>,
    /// Carries comment changes and moderators' actions to the open desks.
    pub desk: Arc<DeskHub>,
    /// Tells moderators of comments that wait.
    pub alerts: Alerts,
    /// The server's secret (proof of work, desk tickets), read from the
    /// database on first use.
    pub secret: Arc<tokio::sync::OnceCell<ServerSecret>>,
    /// The longest an idle event stream goes without a keep-alive comment.
    pub keep_alive: Duration,
    /// Fires when the server stops, so event streams end instead of holding it open.
    pub shutdown: Shutdown,
    /// Origins whose pages may call the API across sites; empty: same origin only.
    // Shared, not owned: the state is cloned for every request.
    pub cors_origins: Arc<[CorsOrigin]>,
}

impl AppState {
    /// State for an API-only server with the default comment rate limit and
    /// keep-alive, post-moderation without a proof of work, no alerts, and
    /// moderation disabled until a moderator is added.
    pub fn new(store: Store, site: Site) -> Self {
        let trusted_proxies: Arc<[ProxyNet]> = Arc::new([]);
        let comment_limiter = rate_limit::limiter(
            "comments",
            RateLimit::COMMENTS,
            trusted_proxies.clone(),
            &store,
        )
        .expect("the default rate limit has a burst and a period above zero");
        let report_limiter = rate_limit::limiter(
            "reports",
            RateLimit::REPORTS,
            trusted_proxies.clone(),
            &store,
        )
        .expect("the default rate limit has a burst and a period above zero");
        Self {
            store,
            site: Arc::new(site),
            static_dir: None,
            template: None,
            site_url: None,
            comments: Arc::new(CommentHub::new()),
            moderator_token: None,
            comment_limiter,
            report_limiter,
            trusted_proxies,
            moderation: Arc::new(SiteModeration::default()),
            desk: Arc::new(DeskHub::new()),
            alerts: Alerts::disabled(),
            secret: Arc::new(tokio::sync::OnceCell::new()),
            keep_alive: Duration::from_secs(config::DEFAULT_KEEP_ALIVE_SECONDS),
            shutdown: Shutdown::new(),
            cors_origins: Arc::new([]),
        }
    }

    /// State as `config` asks for it (all but the database, which is `store`,
    /// and the alerts, which need a running task: [`Self::with_alerts`]).
    pub fn from_config(store: Store, config: &Config) -> Result<Self, ServerError> {
        let mut state = Self::new(store, config.site())
            .with_trusted_proxies(config.trusted_proxies.iter().copied())?
            .with_moderation(config.moderation())
            .with_comment_rate_limit(config.comment_rate_limit())?
            .with_keep_alive(Duration::from_secs(config.stream_keep_alive));
        if let Some(dir) = &config.static_dir {
            state = state.with_static_dir(dir);
        }
        state.site_url = config.site_url.clone();
        if let Some(token) = &config.moderator_token {
            state = state.with_moderator_token(token.clone());
        }
        Ok(state.with_cors_origins(config.cors_origins.iter().cloned()))
    }

    /// Also serves the built SPA in `dir` for every non-API path, with
    /// articles, tag pages and the front page rendered into its `index.html`
    /// when that page carries vestnik's markers (else the app renders them).
    pub fn with_static_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        let dir = dir.into();
        self.template = match render::template::Template::load(&dir) {
            Ok(template) => Some(Arc::new(template)),
            Err(error) => {
                tracing::warn!(%error, "pages are not rendered on the server");
                None
            }
        };
        self.static_dir = Some(dir);
        self
    }

    /// Writes canonical addresses, sitemaps and the feed for the site at `url`.
    pub fn with_site_url(mut self, url: &str) -> Self {
        self.site_url = Some(url.trim_end_matches('/').to_owned());
        self
    }

    /// Enables moderation with this bearer token.
    pub fn with_moderator_token(mut self, token: ModeratorToken) -> Self {
        self.moderator_token = Some(token);
        self
    }

    /// Limits posting comments to `limit` per IP address (a fresh, empty limiter).
    pub fn with_comment_rate_limit(mut self, limit: RateLimit) -> Result<Self, ServerError> {
        self.comment_limiter =
            rate_limit::limiter("comments", limit, self.trusted_proxies.clone(), &self.store)?;
        Ok(self)
    }

    /// Reads readers' addresses through these proxies (fresh, empty limiters:
    /// call before [`Self::with_comment_rate_limit`]).
    pub fn with_trusted_proxies(
        mut self,
        proxies: impl IntoIterator<Item = ProxyNet>,
    ) -> Result<Self, ServerError> {
        self.trusted_proxies = proxies.into_iter().collect();
        self.comment_limiter = rate_limit::limiter(
            "comments",
            RateLimit::COMMENTS,
            self.trusted_proxies.clone(),
            &self.store,
        )?;
        self.report_limiter = rate_limit::limiter(
            "reports",
            RateLimit::REPORTS,
            self.trusted_proxies.clone(),
            &self.store,
        )?;
        Ok(self)
    }

    /// Moderates comments as `settings` say.
    pub fn with_moderation(mut self, settings: SiteModeration) -> Self {
        self.moderation = Arc::new(settings);
        self
    }

    /// Sends moderators' alerts through `alerts`.
    pub fn with_alerts(mut self, alerts: Alerts) -> Self {
        self.alerts = alerts;
        self
    }

    /// Uses `secret` instead of the database's (tests of signed values).
    pub fn with_secret(self, secret: ServerSecret) -> Self {
        let cell = tokio::sync::OnceCell::new_with(Some(secret));
        Self {
            secret: Arc::new(cell),
            ..self
        }
    }

    /// The server's secret, read (or made) on first use.
    pub async fn secret(&self) -> Result<&ServerSecret, ServerError> {
        self.secret
            .get_or_try_init(|| ServerSecret::load(&self.store))
            .await
    }

    /// Lets pages on these origins call the API from browsers (CORS); none
    /// (the default) sends no CORS headers at all.
    pub fn with_cors_origins(mut self, origins: impl IntoIterator<Item = CorsOrigin>) -> Self {
        self.cors_origins = origins.into_iter().collect();
        self
    }

    /// Sends a keep-alive comment on idle event streams after `interval`.
    pub fn with_keep_alive(mut self, interval: Duration) -> Self {
        self.keep_alive = interval;
        self
    }
}

/// Where a server stands on its way out, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// Serving everything.
    Running,
    /// Told to stop: readiness answers 503, event streams end and new ones
    /// are refused so readers move to another replica; other requests are
    /// still served.
    Draining,
    /// Finishing the requests in flight; background tasks end.
    Stopping,
}

/// A one-way switch from "running" through "draining" to "stopping", shared by clones.
#[derive(Clone, Debug)]
pub struct Shutdown(Arc<watch::Sender<Phase>>);

impl Default for Shutdown {
    fn default() -> Self {
        Self::new()
    }
}

impl Shutdown {
    /// A switch in the "running" position.
    pub fn new() -> Self {
        Self(Arc::new(watch::channel(Phase::Running).0))
    }

    /// Moves to "draining" (from "running" only); every [`Self::draining`] completes.
    pub fn drain(&self) {
        self.0.send_if_modified(|phase| {
            let moved = *phase == Phase::Running;
            if moved {
                *phase = Phase::Draining;
            }
            moved
        });
    }

    /// Flips to "stopping"; every [`Self::wait`] and [`Self::draining`], past and future, completes.
    pub fn trigger(&self) {
        self.0.send_replace(Phase::Stopping);
    }

    /// The phase now.
    pub fn phase(&self) -> Phase {
        *self.0.borrow()
    }

    /// Whether [`Self::trigger`] was called.
    pub fn is_triggered(&self) -> bool {
        self.phase() == Phase::Stopping
    }

    /// Whether the server is on its way out (draining or stopping).
    pub fn is_draining(&self) -> bool {
        self.phase() >= Phase::Draining
    }

    /// Completes once the switch is "stopping" (at once if it already is).
    pub async fn wait(&self) {
        self.reached(Phase::Stopping).await;
    }

    /// Completes once the switch is "draining" or "stopping": what event streams wait for.
    pub async fn draining(&self) {
        self.reached(Phase::Draining).await;
    }

    async fn reached(&self, wanted: Phase) {
        let mut receiver = self.0.subscribe();
        // The sender lives in `self`, so this cannot fail while we wait.
        let _ = receiver.wait_for(|&phase| phase >= wanted).await;
    }
}

/// Binds `addr` (port 0 picks a free port); the listener reports the real address.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener, ServerError> {
    TcpListener::bind(addr)
        .await
        .map_err(|e| ServerError::io(format!("cannot listen on {addr}"), e))
}

/// Serves `app` on `listener` until `shutdown` completes, then finishes open
/// requests. Trigger the state's [`Shutdown`] as part of `shutdown` (as
/// [`run`] does), or open event streams keep the server from finishing.
/// The peer address is attached to each request: the comment rate limit needs it.
pub async fn serve(
    listener: TcpListener,
    app: axum::Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
    .map_err(|e| ServerError::io("the server stopped", e))
}

/// The whole server as the binary runs it: validate, open, seed, bind, announce, serve
/// until SIGINT or SIGTERM.
pub async fn run(config: Config) -> Result<(), ServerError> {
    config.validate()?;
    if let Some(dir) = &config.static_dir {
        static_files::check_dir(dir)?;
    }
    let store = Store::open(&config.database).await?;
    if !config.no_demo {
        match seed::seed_demo_with(&store, jiff::Timestamp::now(), config.demo_news).await? {
            SeedOutcome::Seeded { articles, anchor } => {
                tracing::info!(articles, %anchor, "seeded the demo content");
            }
            SeedOutcome::AlreadySeeded => tracing::debug!("demo content already seeded"),
        }
    }
    let mut state = AppState::from_config(store.clone(), &config)?;
    if comments::relay::start(&state).await? {
        tracing::info!("on Postgres: every replica's comment changes reach this one's streams");
    }
    // Stopped with the server: a batch being collected then is sent first.
    state.alerts = Alerts::start(config.alert_settings()?, state.shutdown.clone());
    if state.moderator_token.is_none() {
        tracing::info!("no moderator token: DELETE /api/comments/{{id}} answers 401");
    }
    if state.cors_origins.is_empty() {
        tracing::debug!("no CORS origins: the API answers same-origin pages only");
    } else {
        let origins: Vec<&str> = state.cors_origins.iter().map(CorsOrigin::as_str).collect();
        tracing::info!(?origins, "CORS allowed for these origins");
    }
    rate_limit::spawn_cleanup(state.comment_limiter.clone(), state.shutdown.clone());
    rate_limit::spawn_cleanup(state.report_limiter.clone(), state.shutdown.clone());
    let stopping = state.shutdown.clone();
    let listener = bind(config.addr).await?;
    let addr = listener
        .local_addr()
        .map_err(|e| ServerError::io("cannot read the bound address", e))?;
    tracing::info!("listening on http://{addr}");
    // Tools (xtask, e2e) wait for exactly this line on stdout; logs go to stderr.
    println!("vestnik-server listening on http://{addr}");
    let drain = Duration::from_secs(config.drain_seconds);
    let shutdown = async move {
        shutdown_signal().await;
        // Streams end now (their readers reconnect to another replica) and
        // readiness fails; the rest is served while the proxy notices.
        stopping.drain();
        if !drain.is_zero() {
            tracing::info!(
                seconds = drain.as_secs(),
                "draining: streams closed, readiness 503"
            );
            tokio::select! {
                () = tokio::time::sleep(drain) => {}
                () = shutdown_signal() => tracing::info!("a second signal: stopping now"),
            }
        }
        stopping.trigger();
    };
    let outcome = serve(listener, router(state), shutdown).await;
    store.close().await;
    tracing::info!("stopped");
    outcome
}

/// Completes on the first SIGINT (Ctrl-C) or SIGTERM (container stop).
pub async fn shutdown_signal() {
    let interrupt = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => tracing::info!("SIGINT: shutting down"),
        () = terminate => tracing::info!("SIGTERM: shutting down"),
    }
}
