//! The reference backend of vestnik: the JSON API over SQLite, and optionally
//! the built SPA's static files. `main.rs` only parses flags and calls [`run`];
//! tests and tools assemble the same pieces themselves.

#![warn(missing_docs)]

pub mod config;
pub mod db;
pub mod error;
pub mod routes;
pub mod seed;
pub mod static_files;
pub mod store;

pub use config::Config;
pub use db::open_database;
pub use error::ServerError;
pub use routes::router;
pub use seed::{SeedOutcome, seed_demo};

use sqlx::SqlitePool;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use tokio::net::TcpListener;
use vestnik_api::Site;

/// What every request handler shares.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database.
    pub pool: SqlitePool,
    /// What `GET /api/site` answers.
    pub site: Arc<Site>,
    /// The built SPA to serve for non-API paths, if any.
    pub static_dir: Option<PathBuf>,
}

impl AppState {
    /// State for an API-only server.
    pub fn new(pool: SqlitePool, site: Site) -> Self {
        Self {
            pool,
            site: Arc::new(site),
            static_dir: None,
        }
    }

    /// Also serves the built SPA in `dir` for every non-API path.
    pub fn with_static_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.static_dir = Some(dir.into());
        self
    }
}

/// Binds `addr` (port 0 picks a free port); the listener reports the real address.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener, ServerError> {
    TcpListener::bind(addr)
        .await
        .map_err(|e| ServerError::io(format!("cannot listen on {addr}"), e))
}

/// Serves `app` on `listener` until `shutdown` completes, then finishes open requests.
pub async fn serve(
    listener: TcpListener,
    app: axum::Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    axum::serve(listener, app)
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
    let pool = open_database(&config.database).await?;
    if !config.no_demo {
        match seed_demo(&pool, jiff::Timestamp::now()).await? {
            SeedOutcome::Seeded { articles, anchor } => {
                tracing::info!(articles, %anchor, "seeded the demo content");
            }
            SeedOutcome::AlreadySeeded => tracing::debug!("demo content already seeded"),
        }
    }
    let mut state = AppState::new(pool.clone(), config.site());
    if let Some(dir) = &config.static_dir {
        state = state.with_static_dir(dir);
    }
    let listener = bind(config.addr).await?;
    let addr = listener
        .local_addr()
        .map_err(|e| ServerError::io("cannot read the bound address", e))?;
    tracing::info!("listening on http://{addr}");
    // Tools (xtask, e2e) wait for exactly this line on stdout; logs go to stderr.
    println!("vestnik-server listening on http://{addr}");
    let outcome = serve(listener, router(state), shutdown_signal()).await;
    pool.close().await;
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
