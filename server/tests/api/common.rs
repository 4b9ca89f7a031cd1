//! A running server for a test, and helpers to talk to it.

use jiff::Timestamp;
use serde_json::{Value, json};
use sqlx::{AnyPool, Connection, Executor};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tempfile::TempDir;
use vestnik_server::alerts::{AlertSettings, Alerts};
use vestnik_server::comments::CommentHub;
use vestnik_server::config::{check_cors_origin, check_moderator_token, check_trusted_proxy};
use vestnik_server::moderation::settings::SiteModeration;
use vestnik_server::{
    AppState, Config, RateLimit, SeedOutcome, Shutdown, Store, router, seed_demo,
};

/// The moderator token of servers started with `Setup::moderated`.
pub const MODERATOR_TOKEN: &str = "test-moderator-token-0001";

/// A limit no test reaches by accident: tests post many comments from one address.
pub const GENEROUS: RateLimit = RateLimit {
    burst: 100_000,
    period: Duration::from_secs(1),
};

/// How to build a test server.
#[derive(Default)]
pub struct Setup {
    /// Seed the demo content first.
    pub seed: bool,
    /// Serve a built SPA from this folder.
    pub static_dir: Option<PathBuf>,
    /// Enable moderation with [`MODERATOR_TOKEN`].
    pub moderated: bool,
    /// The comment rate limit; [`GENEROUS`] when `None`.
    pub comment_limit: Option<RateLimit>,
    /// The stream keep-alive interval; the server's default when `None`.
    pub keep_alive: Option<Duration>,
    /// The comment hub (e.g. one with a tiny channel), whose traffic the test
    /// then stages itself (no relay); a fresh default one fed as the binary feeds it when `None`.
    pub hub: Option<Arc<CommentHub>>,
    /// Origins allowed to call the API across sites (checked as `--cors-origin` is).
    pub cors_origins: Vec<&'static str>,
    /// The public site's address (`--site-url`).
    pub site_url: Option<&'static str>,
    /// How comments are moderated; post-moderation without a proof of work when `None`.
    pub moderation: Option<SiteModeration>,
    /// Where moderators' alerts go; nowhere when `None`.
    pub alerts: Option<AlertSettings>,
    /// Proxies whose X-Forwarded-For is believed (`--trusted-proxy`).
    pub trusted_proxies: Vec<&'static str>,
    /// Another server's database URL, to run as a second replica of it; a
    /// fresh database when `None`.
    pub database: Option<String>,
}

impl Setup {
    /// Seeded, with moderation enabled.
    pub fn moderated() -> Self {
        Self {
            seed: true,
            moderated: true,
            ..Self::default()
        }
    }
}

/// The app served on `127.0.0.1:0` with its own database file.
pub struct TestServer {
    pub base: String,
    /// The database's URL (a second replica opens the same one).
    pub database: String,
    /// The database, for checking what it holds with SQL of the tests' own.
    pub pool: AnyPool,
    /// The same database as the server's parts see it.
    pub store: Store,
    /// The instant passed to `seed_demo`.
    pub now: Timestamp,
    pub seed: Option<SeedOutcome>,
    pub client: reqwest::Client,
    /// The served state's shutdown switch.
    pub shutdown: Shutdown,
    /// The state the server was started with (shared hubs, settings).
    pub state: AppState,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
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
        let url = match setup.database {
            Some(url) => url,
            None => fresh_database(dir.path()).await,
        };
        let store = Store::open(&url).await.expect("open database");
        let pool = store.db().clone();
        let now = Timestamp::now();
        let seed = if setup.seed {
            Some(seed_demo(&store, now).await.expect("seed"))
        } else {
            None
        };
        let mut state = AppState::new(store.clone(), Config::defaults().site())
            .with_trusted_proxies(
                setup
                    .trusted_proxies
                    .iter()
                    .map(|p| check_trusted_proxy(p).expect("a valid proxy")),
            )
            .expect("valid proxies")
            .with_comment_rate_limit(setup.comment_limit.unwrap_or(GENEROUS))
            .expect("a valid rate limit");
        if let Some(moderation) = setup.moderation {
            state = state.with_moderation(moderation);
        }
        if let Some(static_dir) = setup.static_dir {
            state = state.with_static_dir(static_dir);
        }
        if let Some(url) = setup.site_url {
            state = state.with_site_url(url);
        }
        if setup.moderated {
            state = state.with_moderator_token(check_moderator_token(MODERATOR_TOKEN).unwrap());
        }
        if let Some(interval) = setup.keep_alive {
            state = state.with_keep_alive(interval);
        }
        // A test that brings its own hub stages the hub's traffic itself;
        // otherwise, on Postgres, the relay feeds it, as in the binary.
        if let Some(hub) = setup.hub {
            state.comments = hub;
        } else {
            vestnik_server::comments::relay::start(&state)
                .await
                .expect("start the event relay");
        }
        state = state.with_cors_origins(
            setup
                .cors_origins
                .iter()
                .map(|origin| check_cors_origin(origin).expect("a valid CORS origin")),
        );
        let shutdown = state.shutdown.clone();
        if let Some(alerts) = setup.alerts {
            state.alerts = Alerts::start(alerts, shutdown.clone());
        }
        let listener = vestnik_server::bind("127.0.0.1:0".parse().unwrap())
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let app = router(state.clone());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let switch = shutdown.clone();
        let task = tokio::spawn(async move {
            let signal = async move {
                // A dropped sender (the test ended) is no stop request.
                if stopped.await.is_err() {
                    std::future::pending::<()>().await;
                }
                switch.trigger();
            };
            let _ = vestnik_server::serve(listener, app, signal).await;
        });
        Self {
            base,
            database: url,
            pool,
            store,
            now,
            seed,
            client: reqwest::Client::new(),
            shutdown,
            state,
            stop: Some(stop),
            task,
            _dir: dir,
        }
    }

    /// Stops the server as SIGTERM would; answers whether it finished within `limit`.
    pub async fn stop_within(&mut self, limit: Duration) -> bool {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        tokio::time::timeout(limit, &mut self.task).await.is_ok()
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

/// The variable that points the suite at a Postgres server instead of SQLite:
/// the URL of a database there that may create databases (`cargo xtask test`
/// sets it for the suite's second run, on a throwaway cluster).
pub const POSTGRES_VARIABLE: &str = "VESTNIK_TEST_POSTGRES";

/// The URL of a new, empty database for one test: a file in `dir`, or, when
/// [`POSTGRES_VARIABLE`] is set, a database of its own on that server.
pub async fn fresh_database(dir: &Path) -> String {
    let Ok(admin) = std::env::var(POSTGRES_VARIABLE) else {
        return format!("sqlite://{}", dir.join("vestnik.db").display());
    };
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("vestnik_test_{}_{n}", std::process::id());
    let mut connection = sqlx::postgres::PgConnection::connect(&admin)
        .await
        .expect("connect to the tests' Postgres");
    connection
        .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .await
        .expect("create a test database");
    let _ = connection.close().await;
    let (server, _) = admin
        .rsplit_once('/')
        .expect("a Postgres URL with a database");
    format!("{server}/{name}")
}

/// Whether the suite runs on Postgres ([`POSTGRES_VARIABLE`] is set).
pub fn on_postgres() -> bool {
    std::env::var_os(POSTGRES_VARIABLE).is_some()
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

/// A seeded server's article slug that tests comment on.
pub const SLUG: &str = "belgium-invest-kharkiv";

/// A comment body as JSON.
pub fn comment_json(author: &str, text: &str, client_id: &str, parent_id: Option<i64>) -> String {
    serde_json::json!({
        "author": author,
        "text": text,
        "client_id": client_id,
        "parent_id": parent_id,
    })
    .to_string()
}

impl TestServer {
    /// POSTs a comment to the article `slug`.
    pub async fn post_comment(
        &self,
        slug: &str,
        text: &str,
        client_id: &str,
        parent_id: Option<i64>,
    ) -> reqwest::Response {
        self.post(
            &format!("/api/articles/{slug}/comments"),
            &comment_json("Читатель", text, client_id, parent_id),
        )
        .await
    }

    /// Posts a comment that must be created; answers it.
    pub async fn comment(&self, text: &str, client_id: &str, parent_id: Option<i64>) -> Value {
        let response = self.post_comment(SLUG, text, client_id, parent_id).await;
        assert_eq!(response.status().as_u16(), 201, "posting {client_id}");
        response.json().await.expect("Comment JSON")
    }

    /// `DELETE /api/comments/{id}` with `token` as the bearer token, if any.
    pub async fn delete_comment(&self, id: i64, token: Option<&str>) -> reqwest::Response {
        let mut request = self
            .client
            .delete(format!("{}/api/comments/{id}", self.base));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.expect("request")
    }
}

/// One server-sent event (or keep-alive comment) as it came over the wire.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SseEvent {
    pub event: Option<String>,
    pub id: Option<String>,
    pub data: Option<String>,
    pub retry: Option<String>,
    /// The text of `:` comment lines.
    pub comments: Vec<String>,
}

impl SseEvent {
    /// The data as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(self.data.as_deref().expect("data")).expect("JSON data")
    }

    pub fn id_number(&self) -> i64 {
        self.id.as_deref().expect("id").parse().expect("numeric id")
    }

    pub fn is_keep_alive(&self) -> bool {
        self.event.is_none() && self.data.is_none() && !self.comments.is_empty()
    }
}

/// Reads a `text/event-stream` body from the raw bytes, event by event.
pub struct EventReader {
    body: std::pin::Pin<Box<dyn futures::Stream<Item = reqwest::Result<Vec<u8>>> + Send>>,
    buffer: Vec<u8>,
}

impl EventReader {
    pub fn new(response: reqwest::Response) -> Self {
        use futures::StreamExt;
        Self {
            body: Box::pin(
                response
                    .bytes_stream()
                    .map(|chunk| chunk.map(|bytes| bytes.to_vec())),
            ),
            buffer: Vec::new(),
        }
    }

    /// The next event, `None` when the stream ended or nothing came within `limit`.
    pub async fn next_within(&mut self, limit: Duration) -> Option<SseEvent> {
        use futures::StreamExt;
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            // Bytes, not text: a chunk may end inside a multi-byte character.
            if let Some(end) = self.buffer.windows(2).position(|pair| pair == b"\n\n") {
                let block: Vec<u8> = self.buffer.drain(..end + 2).collect();
                return Some(parse_block(
                    std::str::from_utf8(&block).expect("UTF-8 stream"),
                ));
            }
            match tokio::time::timeout_at(deadline, self.body.next()).await {
                Ok(Some(Ok(chunk))) => self.buffer.extend_from_slice(&chunk),
                Ok(Some(Err(e))) => panic!("stream error: {e}"),
                Ok(None) | Err(_) => return None,
            }
        }
    }

    /// The next event, which must come within 10 s.
    pub async fn next(&mut self) -> SseEvent {
        self.next_within(Duration::from_secs(10))
            .await
            .expect("an event within 10 s")
    }

    /// The next event that is not a keep-alive.
    pub async fn next_event(&mut self) -> SseEvent {
        loop {
            let event = self.next().await;
            if !event.is_keep_alive() {
                return event;
            }
        }
    }

    /// The next `n` events (not keep-alives), each within 10 s.
    pub async fn take(&mut self, n: usize) -> Vec<SseEvent> {
        let mut events = Vec::with_capacity(n);
        for _ in 0..n {
            events.push(self.next_event().await);
        }
        events
    }

    /// Events (not keep-alives) until nothing more arrives for `quiet`.
    pub async fn drain(&mut self, quiet: Duration) -> Vec<SseEvent> {
        let mut events = Vec::new();
        while let Some(event) = self.next_within(quiet).await {
            if !event.is_keep_alive() {
                events.push(event);
            }
        }
        events
    }
}

fn parse_block(block: &str) -> SseEvent {
    let mut event = SseEvent::default();
    for line in block.lines().filter(|line| !line.is_empty()) {
        if let Some(comment) = line.strip_prefix(':') {
            event.comments.push(comment.trim().to_owned());
            continue;
        }
        let (field, value) = line.split_once(':').unwrap_or((line, ""));
        let value = value.strip_prefix(' ').unwrap_or(value).to_owned();
        match field {
            "event" => event.event = Some(value),
            "id" => event.id = Some(value),
            "retry" => event.retry = Some(value),
            "data" => {
                event.data = Some(match event.data.take() {
                    Some(previous) => format!("{previous}\n{value}"),
                    None => value,
                })
            }
            other => panic!("unexpected SSE field {other:?} in {block:?}"),
        }
    }
    event
}

impl TestServer {
    /// Opens the comment stream of `slug` with extra `query` (e.g. `?after=3`)
    /// and headers; asserts a 200 event stream and reads its `retry` preamble.
    pub async fn open_stream(
        &self,
        slug: &str,
        query: &str,
        last_event_id: Option<&str>,
    ) -> EventReader {
        let mut request = self.client.get(format!(
            "{}/api/articles/{slug}/comments/stream{query}",
            self.base
        ));
        if let Some(id) = last_event_id {
            request = request.header("last-event-id", id);
        }
        let response = request.send().await.expect("request");
        assert_eq!(response.status().as_u16(), 200);
        assert_eq!(content_type(&response), "text/event-stream");
        let mut reader = EventReader::new(response);
        let first = reader.next().await;
        assert_eq!(first.retry.as_deref(), Some("2000"), "{first:?}");
        let status = reader.next_event().await;
        assert_eq!(
            status.event.as_deref(),
            Some("comments_status"),
            "{status:?}"
        );
        assert_eq!(status.id, None, "the settings are no point to resume from");
        reader
    }

    /// Opens the moderation desk's stream with a fresh ticket; asserts a 200
    /// and reads its `retry` greeting.
    pub async fn open_desk(&self) -> EventReader {
        let ticket: Value = self
            .desk_post("/api/moderation/stream-ticket", json!({}), 200)
            .await
            .json()
            .await
            .expect("a ticket");
        let response = self
            .get(&format!(
                "/api/moderation/stream?ticket={}",
                ticket["ticket"].as_str().expect("ticket")
            ))
            .await;
        assert_eq!(response.status().as_u16(), 200);
        let mut desk = EventReader::new(response);
        let hello = desk.next().await;
        assert_eq!(hello.retry.as_deref(), Some("2000"), "{hello:?}");
        desk
    }

    /// The article's newest event id, as a fresh comment page reports it.
    pub async fn last_event_id(&self, slug: &str) -> i64 {
        self.json(&format!("/api/articles/{slug}/comments"), 200)
            .await["last_event_id"]
            .as_i64()
            .expect("last_event_id")
    }
}

/// Spawns the built binary from `command` (stdout piped) and waits for the line
/// it announces its address with; the child and that `host:port`.
pub fn start_binary(mut command: std::process::Command) -> (std::process::Child, String) {
    use std::io::{BufRead, BufReader};
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let addr = first
        .strip_prefix("vestnik-server listening on http://")
        .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
        .to_owned();
    (child, addr)
}

/// A made-up reader key: 32 hex digits from `n`.
pub fn reader_key(n: u32) -> String {
    format!("{n:032x}")
}

/// The reader id of `key`, as the server derives it.
pub fn reader_id_of(key: &str) -> String {
    vestnik_server::comments::text::reader_id(key)
}

impl TestServer {
    /// Posts a comment with a reader key (and any extra fields) to `slug`;
    /// answers the status and the body.
    pub async fn post_as(&self, slug: &str, fields: Value) -> (u16, Value) {
        let mut body = serde_json::json!({
            "author": "Читатель",
            "client_id": format!("client-{}", uuid_like()),
        });
        if let (Some(body), Some(extra)) = (body.as_object_mut(), fields.as_object()) {
            for (key, value) in extra {
                body.insert(key.clone(), value.clone());
            }
        }
        let response = self
            .post(&format!("/api/articles/{slug}/comments"), &body.to_string())
            .await;
        let status = response.status().as_u16();
        (status, response.json().await.expect("JSON body"))
    }

    /// A moderator's request: `method` on `path` with the shared token, and a JSON body.
    pub async fn moderate(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> reqwest::Response {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(MODERATOR_TOKEN);
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.expect("request")
    }

    /// A moderator's GET of `path`, which must answer 200 with JSON.
    pub async fn desk_get(&self, path: &str) -> Value {
        let response = self.moderate(reqwest::Method::GET, path, None).await;
        assert_eq!(response.status().as_u16(), 200, "GET {path}");
        response.json().await.expect("JSON body")
    }

    /// A moderator's POST of `body` to `path`, which must answer `status`.
    pub async fn desk_post(&self, path: &str, body: Value, status: u16) -> reqwest::Response {
        let response = self.moderate(reqwest::Method::POST, path, Some(body)).await;
        assert_eq!(response.status().as_u16(), status, "POST {path}");
        response
    }

    /// The ids in a desk queue, newest first.
    pub async fn queue_ids(&self, queue: &str) -> Vec<i64> {
        self.desk_get(&format!("/api/moderation/queue?queue={queue}"))
            .await["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|item| item["comment"]["id"].as_i64().expect("id"))
            .collect()
    }

    /// The comment ids of `slug`'s first page as the reader `reader` (a
    /// reader id, or none) sees them.
    pub async fn visible_ids(&self, slug: &str, reader: Option<&str>) -> Vec<i64> {
        let query = reader.map(|r| format!("?reader={r}")).unwrap_or_default();
        self.json(&format!("/api/articles/{slug}/comments{query}"), 200)
            .await["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|c| c["id"].as_i64().expect("id"))
            .collect()
    }
}

/// A fresh random-looking id for client ids.
pub fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!(
        "{:08x}{:04x}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}
