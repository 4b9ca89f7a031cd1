//! The database as every other part of the server sees it: a [`Store`] that
//! owns the connection pool, and the articles' reads and writes.
//!
//! Routes, the import and the seed reach the database only through a `Store`
//! (and the feature modules' store functions that take one), so they never
//! name the backend: which database runs, and the SQL dialect's differences
//! such as how a write transaction takes its lock, stay behind this seam.

mod articles;
mod listen;
mod rate;

pub use articles::*;
pub use listen::{Listener, Wakeup};
pub use rate::{forget_rate_tokens, take_rate_token};

use crate::db;
pub use crate::db::Backend;
use crate::error::StoreError;
use sqlx::any::AnyRow;
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool, Row, Transaction};
use std::sync::Arc;

/// A transaction on the store: committed with `commit`, rolled back when dropped.
pub type Tx = Transaction<'static, Any>;

/// One connection taken from the store's pool for several statements.
pub type Connection = PoolConnection<Any>;

/// The key of the Postgres advisory lock every write transaction holds: the
/// one writer at a time that SQLite's `BEGIN IMMEDIATE` gives, for the whole
/// site across replicas ("vestnik" in ASCII).
const WRITE_LOCK_KEY: i64 = 0x0076_6573_746e_696b;

/// The server's database: cheap to clone, every clone shares one pool.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// Where it is, for the one connection that listens (Postgres).
    url: Arc<str>,
}

impl Store {
    /// Opens (for SQLite, creating when missing) and migrates the database at `url`.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let (pool, backend) = db::open_database(url).await?;
        Ok(Self {
            pool,
            backend,
            url: url.into(),
        })
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Whether other processes (replicas) may share this database, so that
    /// what must hold for the whole site (rate limits) is kept in it: Postgres.
    pub fn is_shared(&self) -> bool {
        self.backend == Backend::Postgres
    }

    /// The pool: for the store functions' queries, and for tools and tests
    /// that read the database with SQL of their own.
    pub fn db(&self) -> &AnyPool {
        &self.pool
    }

    /// A transaction that writes: it takes the site's write lock at its
    /// start, so two writers never interleave a read and a write, and event
    /// ids become visible in the order they were given. SQLite's `BEGIN
    /// IMMEDIATE` (a deferred transaction would fail at its first write when
    /// another writer got in between); on Postgres a transaction-scoped
    /// advisory lock, which holds across replicas and ends with the commit.
    pub async fn write(&self) -> Result<Tx, StoreError> {
        match self.backend {
            Backend::Sqlite => Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?),
            Backend::Postgres => {
                let mut tx = self.pool.begin().await?;
                sqlx::query("SELECT pg_advisory_xact_lock($1)")
                    .bind(WRITE_LOCK_KEY)
                    .execute(&mut *tx)
                    .await?;
                Ok(tx)
            }
        }
    }

    /// A transaction whose reads see one state of the database.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(self.pool.begin().await?)
    }

    /// One connection for several statements outside a transaction.
    pub async fn acquire(&self) -> Result<Connection, StoreError> {
        Ok(self.pool.acquire().await?)
    }

    /// A round trip to the database: whether requests can be served now.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query_scalar::<_, i64>("SELECT 1")
            .fetch_one(&self.pool)
            .await
            .map(drop)
            .map_err(StoreError::Unavailable)
    }

    /// Waits for the connections in use and closes them all.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A yes/no column: SQLite keeps it as 0/1, Postgres as a boolean.
pub(crate) fn flag(row: &AnyRow, column: &str) -> Result<bool, sqlx::Error> {
    optional_flag(row, column)?.ok_or_else(|| sqlx::Error::ColumnDecode {
        index: column.to_owned(),
        source: "unexpected NULL".into(),
    })
}

/// A yes/no column that may be NULL (see [`flag`]).
pub(crate) fn optional_flag(row: &AnyRow, column: &str) -> Result<Option<bool>, sqlx::Error> {
    match row.try_get::<Option<bool>, _>(column) {
        Ok(value) => Ok(value),
        Err(_) => Ok(row.try_get::<Option<i64>, _>(column)?.map(|n| n != 0)),
    }
}
