//! Opening the database (SQLite or Postgres) and bringing its schema up to date.
//!
//! Both backends are reached through sqlx's `Any` driver, so the store's
//! queries are written once, in the SQL the two share (`$1` parameters,
//! `ON CONFLICT`, `RETURNING`); each backend has its own migrations.

use crate::error::StoreError;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, Executor};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// The SQLite schema, embedded so the binary needs no files next to it.
static SQLITE_MIGRATOR: Migrator = sqlx::migrate!("./migrations/sqlite");

/// The Postgres schema: the same tables in Postgres's types.
static POSTGRES_MIGRATOR: Migrator = sqlx::migrate!("./migrations/postgres");

/// Which database a URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// One file (or memory) on this machine: `sqlite://PATH`, `sqlite::memory:`.
    Sqlite,
    /// A Postgres server that several replicas share: `postgres://…`.
    Postgres,
}

impl Backend {
    /// The backend of `url`, or a message naming the URLs we take.
    pub fn of_url(url: &str) -> Result<Self, StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Self::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres)
        } else {
            Err(StoreError::Open(format!(
                "unsupported database URL {url:?}: expected sqlite://PATH, sqlite::memory: \
                 or postgres://USER@HOST:PORT/DATABASE"
            )))
        }
    }
}

/// Opens (for SQLite, creating the folder and file when missing) and migrates
/// the database at `url`.
pub async fn open_database(url: &str) -> Result<(AnyPool, Backend), StoreError> {
    // SQLite and Postgres: the only drivers this crate compiles in.
    install_default_drivers();
    let backend = Backend::of_url(url)?;
    let pool = match backend {
        Backend::Sqlite => open_sqlite(url).await?,
        Backend::Postgres => open_postgres(url).await?,
    };
    let migrator = match backend {
        Backend::Sqlite => &SQLITE_MIGRATOR,
        Backend::Postgres => &POSTGRES_MIGRATOR,
    };
    migrator.run(&pool).await?;
    Ok((pool, backend))
}

async fn open_sqlite(url: &str) -> Result<AnyPool, StoreError> {
    let in_memory = is_in_memory(url);
    let options: sqlx::sqlite::SqliteConnectOptions = url.parse().map_err(|e| {
        StoreError::Open(format!(
            "invalid database URL {url:?}: {e} (expected e.g. sqlite://data/vestnik.db)"
        ))
    })?;
    if !in_memory {
        create_parent_folder(options.get_filename())?;
    }
    let mut pool = AnyPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(5))
        .after_connect(|connection, _| {
            Box::pin(async move {
                // WAL lets readers go on while the seed or a view count writes.
                connection
                    .execute(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;",
                    )
                    .await
                    .map(drop)
            })
        });
    if in_memory {
        // An in-memory database lives only while a connection holds it open.
        pool = pool
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None);
    }
    pool.connect(&creating(url))
        .await
        .map_err(|e| StoreError::Open(format!("cannot open the database {url:?}: {e}")))
}

async fn open_postgres(url: &str) -> Result<AnyPool, StoreError> {
    create_postgres_database(url).await?;
    AnyPoolOptions::new()
        .max_connections(16)
        .acquire_timeout(Duration::from_secs(5))
        .connect(url)
        .await
        .map_err(|e| StoreError::Open(format!("cannot open the database {url:?}: {e}")))
}

/// Creates the database `url` names when it is missing, as SQLite creates its
/// file; replicas starting together may race, and losing that race is fine.
async fn create_postgres_database(url: &str) -> Result<(), StoreError> {
    use sqlx::migrate::MigrateDatabase;
    use sqlx::postgres::Postgres;
    let cannot =
        |e: sqlx::Error| StoreError::Open(format!("cannot open the database {url:?}: {e}"));
    if Postgres::database_exists(url).await.map_err(cannot)? {
        return Ok(());
    }
    match Postgres::create_database(url).await {
        Ok(()) => Ok(()),
        Err(_) if Postgres::database_exists(url).await.unwrap_or(false) => Ok(()),
        Err(e) => Err(cannot(e)),
    }
}

/// `url` with SQLite told to create the file when it is missing, and an
/// in-memory database given a name its connections share (the `Any` driver
/// opens each connection from the URL alone, and `:memory:` would give each
/// one a database of its own).
fn creating(url: &str) -> String {
    static MEMORY: AtomicUsize = AtomicUsize::new(0);
    if url == "sqlite::memory:" || url == "sqlite://:memory:" {
        let n = MEMORY.fetch_add(1, Ordering::Relaxed);
        format!(
            "sqlite:file:vestnik-memory-{}-{n}?mode=memory",
            std::process::id()
        )
    } else if is_in_memory(url) || url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    }
}

fn is_in_memory(url: &str) -> bool {
    url.contains(":memory:") || url.contains("mode=memory")
}

fn create_parent_folder(file: &std::path::Path) -> Result<(), StoreError> {
    let Some(folder) = file.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return Ok(());
    };
    std::fs::create_dir_all(folder).map_err(|e| StoreError::Io {
        context: format!("cannot create the database folder {}", folder.display()),
        source: e,
    })
}
