//! Opening the SQLite database and bringing its schema up to date.

use crate::error::ServerError;
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

/// The schema, embedded so the binary needs no files next to it.
static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Opens (creating the folder and file when missing) and migrates the database at `url`.
pub async fn open_database(url: &str) -> Result<SqlitePool, ServerError> {
    // sqlx would read `postgres://host/db` as a relative file path and create it.
    if !url.starts_with("sqlite:") {
        return Err(ServerError::Config(format!(
            "unsupported database URL {url:?}: expected sqlite://PATH or sqlite::memory:"
        )));
    }
    let options = SqliteConnectOptions::from_str(url).map_err(|e| {
        ServerError::Config(format!(
            "invalid database URL {url:?}: {e} (expected e.g. sqlite://data/vestnik.db)"
        ))
    })?;
    let in_memory = is_in_memory(url);
    if !in_memory {
        create_parent_folder(options.get_filename())?;
    }
    let options = options
        .create_if_missing(true)
        // WAL lets readers go on while the seed or a view count writes.
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));
    let mut pool = SqlitePoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(5));
    if in_memory {
        // An in-memory database lives only while a connection holds it open.
        pool = pool
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None);
    }
    let pool = pool
        .connect_with(options)
        .await
        .map_err(|e| ServerError::Config(format!("cannot open the database {url:?}: {e}")))?;
    MIGRATOR.run(&pool).await?;
    Ok(pool)
}

fn is_in_memory(url: &str) -> bool {
    url.contains(":memory:") || url.contains("mode=memory")
}

fn create_parent_folder(file: &std::path::Path) -> Result<(), ServerError> {
    let Some(folder) = file.parent().filter(|p| !p.as_os_str().is_empty()) else {
        return Ok(());
    };
    std::fs::create_dir_all(folder).map_err(|e| {
        ServerError::io(
            format!("cannot create the database folder {}", folder.display()),
            e,
        )
    })
}
