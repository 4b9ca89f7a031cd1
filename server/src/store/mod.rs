//! The database as every other part of the server sees it: a [`Store`] that
//! owns the connection pool, and the articles' reads and writes.
//!
//! Routes, the import and the seed reach the database only through a `Store`
//! (and the feature modules' store functions that take one), so they never
//! name the backend: which database runs, and the SQL dialect's differences
//! such as how a write transaction takes its lock, stay behind this seam.

mod articles;

pub use articles::*;

use crate::db;
use crate::error::ServerError;
use sqlx::pool::PoolConnection;
use sqlx::{Sqlite, SqlitePool, Transaction};

/// A transaction on the store: committed with `commit`, rolled back when dropped.
pub type Tx = Transaction<'static, Sqlite>;

/// One connection taken from the store's pool for several statements.
pub type Connection = PoolConnection<Sqlite>;

/// The server's database: cheap to clone, every clone shares one pool.
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
}

impl From<SqlitePool> for Store {
    fn from(pool: SqlitePool) -> Self {
        Self { pool }
    }
}

impl Store {
    /// Opens (creating when missing) and migrates the database at `url`.
    pub async fn open(url: &str) -> Result<Self, ServerError> {
        db::open_database(url).await.map(Self::from)
    }

    /// The pool, for the store functions' queries.
    pub(crate) fn db(&self) -> &SqlitePool {
        &self.pool
    }

    /// A transaction that writes: it takes the database's write lock at its
    /// start, so two writers never interleave a read and a write (SQLite's
    /// `BEGIN IMMEDIATE`; a deferred transaction would fail at its first
    /// write when another writer got in between).
    pub async fn write(&self) -> Result<Tx, ServerError> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }

    /// A transaction whose reads see one state of the database.
    pub async fn begin(&self) -> Result<Tx, ServerError> {
        Ok(self.pool.begin().await?)
    }

    /// One connection for several statements outside a transaction.
    pub async fn acquire(&self) -> Result<Connection, ServerError> {
        Ok(self.pool.acquire().await?)
    }

    /// A round trip to the database: whether requests can be served now.
    pub async fn ping(&self) -> Result<(), ServerError> {
        sqlx::query_scalar::<_, i64>("SELECT 1")
            .fetch_one(&self.pool)
            .await
            .map(drop)
            .map_err(ServerError::Unavailable)
    }

    /// Waits for the connections in use and closes them all.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
