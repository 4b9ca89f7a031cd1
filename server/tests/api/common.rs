//! A running server for a test, and helpers to talk to it.

use jiff::Timestamp;
use serde_json::Value;
use sqlx::SqlitePool;
use std::path::{Path, PathBuf};
use tempfile::TempDir;
use vestnik_server::{AppState, Config, SeedOutcome, open_database, router, seed_demo};

/// How to build a test server.
#[derive(Default)]
pub struct Setup {
    /// Seed the demo content first.
    pub seed: bool,
    /// Serve a built SPA from this folder.
    pub static_dir: Option<PathBuf>,
}

/// The app served on `127.0.0.1:0` with its own database file.
pub struct TestServer {
    pub base: String,
    pub pool: SqlitePool,
    /// The instant passed to `seed_demo`.
    pub now: Timestamp,
    pub seed: Option<SeedOutcome>,
    pub client: reqwest::Client,
    task: tokio::task::JoinHandle<()>,
    // Kept last: the folder must outlive the pool's open files.
    _dir: TempDir,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl TestServer {
    /// A seeded API-only server.
    pub async fn seeded() -> Self {
        Self::start(Setup {
            seed: true,
            ..Setup::default()
        })
        .await
    }

    pub async fn start(setup: Setup) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = database_url(dir.path());
        let pool = open_database(&url).await.expect("open database");
        let now = Timestamp::now();
        let seed = if setup.seed {
            Some(seed_demo(&pool, now).await.expect("seed"))
        } else {
            None
        };
        let mut state = AppState::new(pool.clone(), Config::defaults().site());
        if let Some(static_dir) = setup.static_dir {
            state = state.with_static_dir(static_dir);
        }
        let listener = vestnik_server::bind("127.0.0.1:0".parse().unwrap())
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let app = router(state);
        let task = tokio::spawn(async move {
            let _ = vestnik_server::serve(listener, app, std::future::pending()).await;
        });
        Self {
            base,
            pool,
            now,
            seed,
            client: reqwest::Client::new(),
            task,
            _dir: dir,
        }
    }

    /// The seed article's publication instant.
    pub fn anchor(&self) -> Timestamp {
        match self.seed {
            Some(SeedOutcome::Seeded { anchor, .. }) => anchor,
            other => panic!("server was not freshly seeded: {other:?}"),
        }
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("request")
    }

    /// POSTs `body` (sent as is, with a JSON content type) to `path`.
    pub async fn post(&self, path: &str, body: &str) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_owned())
            .send()
            .await
            .expect("request")
    }

    /// POST `body` to `path`, expecting `status` and a JSON body.
    pub async fn post_json(&self, path: &str, body: &str, status: u16) -> Value {
        let response = self.post(path, body).await;
        assert_eq!(response.status().as_u16(), status, "POST {path}");
        let kind = content_type(&response);
        assert!(
            kind.starts_with("application/json"),
            "POST {path}: content-type {kind}"
        );
        response.json().await.expect("JSON body")
    }

    /// GET `path`, expecting `status` and a JSON body.
    pub async fn json(&self, path: &str, status: u16) -> Value {
        let response = self.get(path).await;
        assert_eq!(response.status().as_u16(), status, "GET {path}");
        let kind = content_type(&response);
        assert!(
            kind.starts_with("application/json"),
            "GET {path}: content-type {kind}"
        );
        response.json().await.expect("JSON body")
    }
}

pub fn database_url(dir: &Path) -> String {
    format!("sqlite://{}", dir.join("vestnik.db").display())
}

pub fn content_type(response: &reqwest::Response) -> String {
    response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

/// Asserts `body` is the API's error shape with `code`.
pub fn assert_error(body: &Value, code: &str) {
    let error: vestnik_api::ErrorBody =
        serde_json::from_value(body.clone()).expect("ErrorBody shape");
    let as_json = serde_json::to_value(error.error.code).unwrap();
    assert_eq!(as_json, code, "{body}");
    assert!(!error.error.message.is_empty());
}
