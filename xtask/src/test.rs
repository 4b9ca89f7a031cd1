//! `cargo xtask test`: every check the project has, in the order that fails fastest.

use crate::shell::{Failure, Step, cmd, root, run_and_capture, run_checked};
use crate::tools::{self, CHROMEDRIVER, CHROMIUM, Need};
use crate::{build, fuzz, postgres, server};

/// Test counts read from the runners' own summary lines.
#[derive(Default)]
struct Tally {
    native: Count,
    postgres: Count,
    wasm: Count,
    e2e: Count,
}

#[derive(Default, Clone, Copy)]
struct Count {
    passed: u32,
    failed: u32,
}

impl std::ops::AddAssign for Count {
    fn add_assign(&mut self, other: Count) {
        self.passed += other.passed;
        self.failed += other.failed;
    }
}

/// Runs all checks; fails on the first failing step.
pub fn run() -> Step {
    tools::ensure(Need::Browser)?;
    let mut tally = Tally::default();

    run_checked(cmd("cargo", &["fmt", "--all", "--", "--check"]))?;
    run_checked(cmd(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--exclude",
            "vestnik",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    ))?;
    run_checked(cmd(
        "cargo",
        &[
            "clippy",
            "--package",
            "vestnik",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    ))?;

    // The app's logic (vestnik's non-view modules) is tested natively too;
    // its components' tests are browser tests, built for wasm32 below.
    let mut native = cmd("cargo", &["test", "--workspace"]);
    fuzz::seeded(&mut native, fuzz::TEST_CASES, fuzz::TEST_SEED);
    tally.native = counted(native, cargo_counts, "native tests")?;

    // The native run above took the server's API suite on SQLite; the same
    // suite runs again on Postgres, each test in a database of its own. Its
    // binary is the one that run built: `cargo test -p vestnik-server` would
    // resolve the features apart from the workspace and rebuild ~100 crates.
    let api_suite = built_test_binary("vestnik-server", "api")?;
    let cluster = postgres::Cluster::start()?;
    let mut on_postgres = cmd(&api_suite.to_string_lossy(), &[]);
    on_postgres
        .current_dir(root().join("server"))
        .env("VESTNIK_TEST_POSTGRES", cluster.admin_url());
    tally.postgres = counted(on_postgres, cargo_counts, "the API suite on Postgres")?;
    drop(cluster);

    let mut wasm = cmd(
        "cargo",
        &[
            "test",
            "--package",
            "vestnik",
            "--target",
            "wasm32-unknown-unknown",
        ],
    );
    wasm.env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
        "wasm-bindgen-test-runner",
    )
    .env("CHROMEDRIVER", CHROMEDRIVER)
    .env("WASM_BINDGEN_TEST_TIMEOUT", "60");
    tally.wasm = counted(wasm, cargo_counts, "browser tests (wasm-bindgen-test)")?;

    tally.e2e = end_to_end()?;

    let browser = tally.wasm.passed + tally.e2e.passed;
    println!(
        "\nxtask: browser tests run: {browser} ({} wasm-bindgen-test in headless Chromium, {} end-to-end in Chromium)",
        tally.wasm.passed, tally.e2e.passed
    );
    println!(
        "xtask: the server's API suite ran on SQLite and on Postgres ({} on Postgres)",
        tally.postgres.passed
    );
    let mut all = tally.native;
    all += tally.postgres;
    all += tally.wasm;
    all += tally.e2e;
    println!("xtask: {} passed, {} failed", all.passed, all.failed);
    Ok(())
}

/// The path of the test binary `test` of `package` as `cargo test --workspace`
/// built it (asking cargo again builds nothing).
fn built_test_binary(package: &str, test: &str) -> Step<std::path::PathBuf> {
    let output = cmd(
        "cargo",
        &["test", "--workspace", "--no-run", "--message-format=json"],
    )
    .output()
    .map_err(|e| Failure(format!("could not ask cargo for the test binaries: {e}")))?;
    let messages = String::from_utf8_lossy(&output.stdout);
    messages
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .find(|message| {
            let target = &message["target"];
            message["package_id"].as_str().is_some_and(|id| {
                id.contains(&format!("#{package}@")) || id.contains(&format!("/{package}#"))
            }) && target["name"] == test
                && target["kind"]
                    .as_array()
                    .is_some_and(|kinds| kinds.iter().any(|k| k == "test"))
        })
        .and_then(|message| message["executable"].as_str().map(std::path::PathBuf::from))
        .ok_or_else(|| Failure(format!("cargo built no test binary {test:?} of {package}")))
}

/// Builds the release SPA, serves it from the real server on a fresh SQLite
/// file, and drives Chromium through it.
/// The moderator token of the end-to-end server (a test value, not a secret).
const E2E_MODERATOR_TOKEN: &str = "e2e-moderator-token-0123456789";

fn current_exe() -> Step<std::path::PathBuf> {
    std::env::current_exe().map_err(|e| Failure(format!("cannot find the xtask binary: {e}")))
}

fn end_to_end() -> Step<Count> {
    let dist = build::build_dist(None)?;
    server::build()?;
    let data = root().join("target/e2e");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data)
        .map_err(|e| Failure(format!("cannot create {}: {e}", data.display())))?;
    let database = format!("sqlite://{}", data.join("e2e.db").display());
    let server = server::start(&[
        "--addr",
        "127.0.0.1:0",
        "--database",
        &database,
        "--static-dir",
        &dist.to_string_lossy(),
        "--telegram-url",
        "https://t.me/vestnik_demo",
        // The endless list is scrolled past 1,000 items.
        "--demo-news",
        "1200",
        "--moderator-token",
        E2E_MODERATOR_TOKEN,
        // Every test posts from 127.0.0.1; the rate-limit test starts its own server.
        "--comment-burst",
        "100000",
        // The tests post through the plain API as other readers, as a trusted
        // integration does; the spam tests start a server of their own with
        // the proof of work on (e2e/moderation.test.js).
        "--proof-of-work",
        "off",
    ])?;
    // Two replicas behind nginx share one Postgres (e2e/replicas.test.js).
    let cluster = postgres::Cluster::start()?;
    let mut node = cmd("node", &["--test", "--test-reporter=tap", "e2e/"]);
    node.env("VESTNIK_URL", &server.url)
        .env("VESTNIK_E2E_POSTGRES", cluster.admin_url())
        .env("VESTNIK_MODERATOR_TOKEN", E2E_MODERATOR_TOKEN)
        .env(
            "VESTNIK_SERVER_BIN",
            root().join("target/debug/vestnik-server"),
        )
        .env("VESTNIK_DIST", &dist)
        // The static-hosting test re-targets a copy of dist/ with `xtask configure`.
        .env("VESTNIK_XTASK_BIN", current_exe()?)
        .env("VESTNIK_E2E_DATA", &data)
        .env("CHROMIUM", CHROMIUM)
        .env("E2E_ARTIFACTS", root().join("e2e/artifacts"));
    counted(node, node_counts, "end-to-end tests")
}

/// Runs a test command and reads its counts; a failure or zero tests fails the step.
fn counted(
    command: std::process::Command,
    read: fn(&[String]) -> Count,
    what: &str,
) -> Step<Count> {
    let (ok, lines) = run_and_capture(command)?;
    let count = read(&lines);
    if !ok || count.failed > 0 {
        return Err(Failure(format!("{what} failed ({} failed)", count.failed)));
    }
    if count.passed == 0 {
        return Err(Failure(format!("{what} ran no test")));
    }
    Ok(count)
}

/// Sums cargo's and wasm-bindgen-test's `test result: ok. N passed; M failed` lines.
fn cargo_counts(lines: &[String]) -> Count {
    let mut count = Count::default();
    for line in lines {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            continue;
        };
        for part in rest.split(';') {
            let mut words = part.split_whitespace().rev();
            let (Some(label), Some(n)) = (words.next(), words.next()) else {
                continue;
            };
            let n = n.parse().unwrap_or(0);
            match label {
                "passed" => count.passed += n,
                "failed" => count.failed += n,
                _ => {}
            }
        }
    }
    count
}

/// Reads node's TAP summary: `# pass N` and `# fail N`.
fn node_counts(lines: &[String]) -> Count {
    let mut count = Count::default();
    for line in lines {
        if let Some(n) = line.strip_prefix("# pass ") {
            count.passed = n.trim().parse().unwrap_or(0);
        } else if let Some(n) = line.strip_prefix("# fail ") {
            count.failed = n.trim().parse().unwrap_or(0);
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_owned).collect()
    }

    #[test]
    fn cargo_summaries_are_summed_across_suites() {
        let count = cargo_counts(&lines(
            "test result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s\n\
             noise\n\
             test result: FAILED. 5 passed; 2 failed; 1 ignored; 0 measured; 0 filtered out",
        ));
        assert_eq!((count.passed, count.failed), (8, 2));
    }

    #[test]
    fn node_tap_summary_is_read() {
        let count = node_counts(&lines("# tests 7\n# pass 6\n# fail 1\n# cancelled 0"));
        assert_eq!((count.passed, count.failed), (6, 1));
    }
}
