//! The real binary: the one stdout line tools wait for, graceful SIGTERM, exit codes.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const BINARY: &str = env!("CARGO_BIN_EXE_vestnik-server");

/// The `--database` for one run of the binary: `sqlite://DIR/FILE`, or a fresh
/// Postgres database when the suite runs on Postgres.
fn database_url(dir: &std::path::Path, file: &str) -> String {
    if crate::common::on_postgres() {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(crate::common::fresh_database(dir))
    } else {
        format!("sqlite://{}/{file}", dir.display())
    }
}

fn http_get(addr: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[test]
fn announces_its_address_serves_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let database = database_url(dir.path(), "data/v.db");
    let mut child = Command::new(BINARY)
        .args([
            "--addr",
            "127.0.0.1:0",
            "--database",
            &database,
            "--telegram-url",
            "https://t.me/x",
        ])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (lines_tx, lines) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines_tx.send(line);
        }
    });
    let first = lines
        .recv_timeout(Duration::from_secs(60))
        .expect("the listening line");
    let url = first
        .strip_prefix("vestnik-server listening on http://")
        .unwrap_or_else(|| panic!("unexpected first line {first:?}"));
    assert!(!url.ends_with(":0"), "the real port is printed: {url}");

    let health = http_get(url, "/api/health");
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.ends_with(r#"{"status":"ok"}"#), "{health}");
    let site = http_get(url, "/api/site");
    assert!(
        site.contains(r#""telegram_url":"https://t.me/x""#),
        "{site}"
    );

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert!(exit.success(), "graceful shutdown exits 0: {exit:?}");
    reader.join().unwrap();
    let rest: Vec<String> = lines.try_iter().collect();
    assert!(
        rest.is_empty(),
        "stdout carries only the listening line: {rest:?}"
    );
    if !crate::common::on_postgres() {
        assert!(dir.path().join("data/v.db").is_file(), "the folder is made");
    }
}

fn run_failing(args: &[&str]) -> (i32, String) {
    let output = Command::new(BINARY).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(output.stdout.is_empty());
    (output.status.code().expect("exit code"), stderr)
}

#[test]
fn bad_settings_exit_with_one_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stderr) = run_failing(&["--site-time-zone", "Europe/Atlantis"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("unknown time zone \"Europe/Atlantis\""),
        "{stderr}"
    );

    let (code, stderr) = run_failing(&["--addr", "not-an-address"]);
    assert_eq!(code, 2, "{stderr}");

    std::fs::write(dir.path().join("blocker"), "").unwrap();
    let database = format!("sqlite://{}/blocker/v.db", dir.path().display());
    let (code, stderr) = run_failing(&["--database", &database, "--addr", "127.0.0.1:0"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("cannot create the database folder"),
        "{stderr}"
    );

    let missing = dir.path().join("no-dist");
    let (code, stderr) = run_failing(&["--static-dir", &missing.to_string_lossy()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no index.html"), "{stderr}");
}

/// Sends one request and reads the whole response (status line, headers, body).
fn http_request(addr: &str, method: &str, path: &str, headers: &[&str], body: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for header in headers {
        request.push_str(header);
        request.push_str("\r\n");
    }
    request.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}

#[test]
fn sigterm_drains_first_readiness_fails_then_the_server_stops() {
    let dir = tempfile::tempdir().unwrap();
    let database = database_url(dir.path(), "v.db");
    let mut command = Command::new(BINARY);
    command
        .args(["--addr", "127.0.0.1:0", "--database", &database])
        .args(["--no-demo", "--drain-seconds", "3"])
        .env("RUST_LOG", "warn");
    let (mut child, addr) = crate::common::start_binary(command);
    assert!(http_get(&addr, "/api/health/ready").starts_with("HTTP/1.1 200"));
    let signalled = std::time::Instant::now();
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    // Within the drain the server still answers, but not as ready.
    std::thread::sleep(Duration::from_millis(500));
    let ready = http_get(&addr, "/api/health/ready");
    assert!(ready.starts_with("HTTP/1.1 503"), "{ready}");
    assert!(
        ready.to_ascii_lowercase().contains("retry-after: 1"),
        "{ready}"
    );
    let live = http_get(&addr, "/api/health/live");
    assert!(live.starts_with("HTTP/1.1 200"), "{live}");
    let exit = child.wait().unwrap();
    let took = signalled.elapsed();
    assert!(exit.success(), "{exit:?}");
    assert!(
        took >= Duration::from_secs(3),
        "it waited out the drain: {took:?}"
    );
    assert!(took < Duration::from_secs(30), "and then stopped: {took:?}");
}

#[test]
fn moderator_token_and_rate_limit_come_from_flags_and_variables() {
    let dir = tempfile::tempdir().unwrap();
    let database = database_url(dir.path(), "v.db");
    let token = "flag-token-0123456789";
    let mut command = Command::new(BINARY);
    command
        .args(["--addr", "127.0.0.1:0", "--database", &database])
        .args(["--moderator-token", token, "--comment-burst", "1"])
        // This test posts through the plain API, as a trusted integration does.
        .args(["--proof-of-work", "off"])
        .env("VESTNIK_COMMENT_PER_SECONDS", "60")
        .env("RUST_LOG", "warn");
    let (mut child, addr) = crate::common::start_binary(command);
    let post = |client_id: &str| {
        http_request(
            &addr,
            "POST",
            "/api/articles/belgium-invest-kharkiv/comments",
            &["Content-Type: application/json"],
            &format!(r#"{{"author":"Имя","text":"Текст","client_id":"{client_id}"}}"#),
        )
    };
    let created = post("client-bin-1");
    assert!(created.starts_with("HTTP/1.1 201"), "{created}");
    let id = created
        .split(r#""id":"#)
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .unwrap()
        .to_owned();
    let limited = post("client-bin-2");
    assert!(limited.starts_with("HTTP/1.1 429"), "{limited}");
    let retry_after = limited
        .lines()
        .find_map(|line| line.strip_prefix("retry-after: "))
        .unwrap();
    let seconds: u64 = retry_after.trim().parse().unwrap();
    assert!((50..=61).contains(&seconds), "{seconds}");

    let path = format!("/api/comments/{id}");
    let denied = http_request(
        &addr,
        "DELETE",
        &path,
        &["Authorization: Bearer nope-nope-nope-nope"],
        "",
    );
    assert!(denied.starts_with("HTTP/1.1 401"), "{denied}");
    let bearer = format!("Authorization: Bearer {token}");
    let removed = http_request(&addr, "DELETE", &path, &[&bearer], "");
    assert!(removed.starts_with("HTTP/1.1 204"), "{removed}");
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn bad_comment_settings_exit_with_one_clear_message() {
    for (args, needle) in [
        (["--comment-burst", "0"], "invalid comment burst \"0\""),
        (["--comment-burst", "lots"], "invalid comment burst"),
        (["--comment-per-seconds", "0"], "invalid comment period"),
        (["--stream-keep-alive", "0"], "invalid stream keep-alive"),
        (["--drain-seconds", "301"], "invalid drain"),
    ] {
        let (code, stderr) = run_failing(&args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
    }
    // A weak token stops the server before it opens anything, without echoing it.
    let (code, stderr) = run_failing(&["--moderator-token", "hunter2"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("invalid moderator token"), "{stderr}");
    assert!(
        !stderr.contains("hunter2"),
        "the token is never echoed: {stderr}"
    );
    let output = Command::new(BINARY)
        .env("VESTNIK_COMMENT_BURST", "-5")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid comment burst"));
}

#[test]
fn sigterm_ends_open_comment_streams_and_exits() {
    let dir = tempfile::tempdir().unwrap();
    let database = database_url(dir.path(), "v.db");
    let mut command = Command::new(BINARY);
    command
        .args(["--addr", "127.0.0.1:0", "--database", &database])
        .env("RUST_LOG", "warn");
    let (mut child, addr) = crate::common::start_binary(command);
    let mut stream = TcpStream::connect(&addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET /api/articles/belgium-invest-kharkiv/comments/stream HTTP/1.1\r\nHost: {addr}\r\n\r\n"
    )
    .unwrap();
    let mut head = [0_u8; 512];
    let read = stream.read(&mut head).unwrap();
    let head = String::from_utf8_lossy(&head[..read]).into_owned();
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    let exit = loop {
        if let Some(exit) = child.try_wait().unwrap() {
            break exit;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server did not stop with a stream open");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "{exit:?}");
    // The stream was ended, not cut: the rest of the body reads to its end.
    let mut rest = Vec::new();
    let _ = stream.read_to_end(&mut rest);
}

#[test]
fn cors_origins_come_from_the_variable_and_bad_ones_stop_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let database = database_url(dir.path(), "v.db");
    let mut command = Command::new(BINARY);
    command
        .args([
            "--addr",
            "127.0.0.1:0",
            "--database",
            &database,
            "--no-demo",
        ])
        .env(
            "VESTNIK_CORS_ORIGINS",
            "https://news.example.org, http://localhost:8081",
        )
        .env("RUST_LOG", "warn");
    let (mut child, addr) = crate::common::start_binary(command);
    let allow_origin = |origin: &str| {
        let response = http_request(
            &addr,
            "GET",
            "/api/health",
            &[&format!("Origin: {origin}")],
            "",
        );
        assert!(response.starts_with("HTTP/1.1 200"), "{response}");
        response
            .lines()
            .find_map(|line| line.strip_prefix("access-control-allow-origin: "))
            .map(str::to_owned)
    };
    for origin in ["https://news.example.org", "http://localhost:8081"] {
        assert_eq!(allow_origin(origin).as_deref(), Some(origin));
    }
    assert_eq!(allow_origin("https://other.example.org"), None);
    let _ = child.kill();
    let _ = child.wait();

    let (code, stderr) = run_failing(&["--cors-origin", "*"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("wildcard is refused"), "{stderr}");
    let output = Command::new(BINARY)
        .env(
            "VESTNIK_CORS_ORIGINS",
            "https://news.example.org,https://news.example.org/",
        )
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("\"https://news.example.org/\"") && stderr.contains("trailing slash"),
        "{stderr}"
    );
}

#[test]
fn moderator_add_prints_a_token_once_and_list_and_revoke_manage_it() {
    let dir = tempfile::tempdir().unwrap();
    let database = database_url(dir.path(), "m.db");
    let run = |args: &[&str]| {
        Command::new(BINARY)
            .args(["--database", &database, "moderator"])
            .args(args)
            .env("RUST_LOG", "warn")
            .output()
            .unwrap()
    };
    let added = run(&["add", "Оксана"]);
    assert!(added.status.success(), "{added:?}");
    let printed = String::from_utf8(added.stdout).unwrap();
    let token = printed.lines().last().unwrap().trim();
    assert_eq!(token.len(), 64, "{printed}");
    assert!(token.bytes().all(|b| b.is_ascii_hexdigit()));

    let twice = run(&["add", "Оксана"]);
    assert_eq!(twice.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&twice.stderr).contains("exists already"));

    let listed = String::from_utf8(run(&["list"]).stdout).unwrap();
    assert!(
        listed.starts_with("Оксана\tadded ") && listed.contains("active"),
        "{listed}"
    );
    // The token is not kept anywhere in the database.
    if crate::common::on_postgres() {
        let kept: Vec<String> = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(async {
                use sqlx::Connection;
                let mut db = sqlx::postgres::PgConnection::connect(&database)
                    .await
                    .unwrap();
                sqlx::query_scalar("SELECT name || ' ' || token_hash FROM moderators")
                    .fetch_all(&mut db)
                    .await
                    .unwrap()
            });
        assert_eq!(kept.len(), 1);
        assert!(kept.iter().all(|row| !row.contains(token)), "{kept:?}");
    } else {
        let file = std::fs::read(dir.path().join("m.db")).unwrap();
        assert!(!file.windows(token.len()).any(|w| w == token.as_bytes()));
    }

    assert!(run(&["revoke", "Оксана"]).status.success());
    let listed = String::from_utf8(run(&["list"]).stdout).unwrap();
    assert!(listed.contains("revoked"), "{listed}");
    assert_eq!(run(&["revoke", "Оксана"]).status.code(), Some(1));
    assert_eq!(run(&["add", " "]).status.code(), Some(1));
}
