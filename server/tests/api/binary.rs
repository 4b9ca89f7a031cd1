//! The real binary: the one stdout line tools wait for, graceful SIGTERM, exit codes.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const BINARY: &str = env!("CARGO_BIN_EXE_vestnik-server");

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
    let database = format!("sqlite://{}/data/v.db", dir.path().display());
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
    assert!(dir.path().join("data/v.db").is_file());
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
