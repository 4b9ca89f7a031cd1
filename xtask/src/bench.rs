//! `cargo xtask bench`: the benchmarks that print figures (never timed tests)
//! and write them, with the machine they ran on, to `docs/benchmarks.md`.
//!
//! Builds the release app and the release server, then runs each benchmark in
//! `bench/`; every one starts servers of its own on fresh databases, so
//! figures do not depend on what earlier runs left behind.

use crate::build;
use crate::postgres;
use crate::shell::{Failure, Step, cmd, root, run_and_capture, run_checked};
use crate::tools::{self, BENCH_PACKAGES, CHROMIUM, Need};
use std::path::Path;

/// The benchmark scripts, in the order they run.
const BENCHES: &[(&str, &str)] = &[
    ("asset sizes and budgets", ""),
    ("Lighthouse, mobile and desktop", "bench/lighthouse.mjs"),
    ("the main thread on a slow phone", "bench/main-thread.mjs"),
    ("live comments", "bench/comments.mjs"),
    ("rendering 1,000 comments", "bench/comments-render.mjs"),
    (
        "the proof of work in the reader's browser",
        "bench/proof-of-work.mjs",
    ),
    ("the moderation desk's latency", "bench/desk-latency.mjs"),
    ("endless news list", "bench/feed.mjs"),
    ("server throughput", "bench/throughput.mjs"),
    ("more than one server", "bench/replicas.mjs"),
];

/// Runs every benchmark, prints its figures and rewrites `docs/benchmarks.md`;
/// stops at the first that fails, leaving the old report in place.
pub fn run() -> Step {
    tools::ensure(Need::Browser)?;
    tools::ensure_apt(BENCH_PACKAGES)?;
    let dist = build::build_dist(None)?;
    run_checked(cmd(
        "cargo",
        &["build", "--release", "--package", "vestnik-server"],
    ))?;
    // The replicas' benchmark runs two servers on one Postgres.
    let cluster = postgres::Cluster::start()?;
    let report = root().join("target/bench-report.md");
    let mut text = header();
    text.push_str(&build::size_section(&dist)?);
    write(&report, &text)?;
    for (name, script) in BENCHES.iter().filter(|(_, s)| !s.is_empty()) {
        println!("\nxtask: benchmark: {name}");
        let mut node = cmd("node", &[script]);
        node.env(
            "VESTNIK_SERVER_BIN",
            root().join("target/release/vestnik-server"),
        )
        .env("VESTNIK_SERVER_PROFILE", "release")
        .env("VESTNIK_DIST", &dist)
        .env("VESTNIK_BENCH_REPORT", &report)
        .env("VESTNIK_BENCH_POSTGRES", cluster.admin_url())
        .env("CHROMIUM", CHROMIUM);
        let (ok, _) = run_and_capture(node)?;
        if !ok {
            return Err(Failure(format!("the {name} benchmark failed")));
        }
    }
    let target = root().join("docs/benchmarks.md");
    std::fs::copy(&report, &target)
        .map_err(|e| Failure(format!("cannot write {}: {e}", target.display())))?;
    println!("\nxtask: wrote {}", target.display());
    Ok(())
}

/// The report's opening: how it was made and on what machine.
fn header() -> String {
    let capture = |program: &str, args: &[&str]| {
        cmd(program, args)
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
            .unwrap_or_else(|| "unknown".to_owned())
    };
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| format!("{:.0} GiB", kb / 1024.0 / 1024.0))
        .unwrap_or_else(|| "unknown memory".to_owned());
    let os = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|r| {
            r.lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|n| n.trim_matches('"').to_owned())
        })
        .unwrap_or_else(|| "unknown OS".to_owned());
    format!(
        "# Benchmarks\n\n\
         Written by `cargo xtask bench` on {date}; every figure below comes from that \
         one run (rerun the command to refresh them all). Benchmarks print figures; \
         they never pass or fail on them. The size budgets are the exception: \
         `cargo xtask build` fails when one is exceeded.\n\n\
         Machine: {cores} × {cpu}, {memory}, {os}; {chromium}; {rustc}; Node {node}. \
         The app is the release build in `dist/`; the server is the `release` build of \
         `vestnik-server` on a fresh SQLite file per benchmark (and, where named, a \
         fresh database on a throwaway PostgreSQL 15 cluster).\n",
        date = capture("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
        cores = std::thread::available_parallelism().map_or(0, |n| n.get()),
        chromium = capture(CHROMIUM, &["--version"]),
        rustc = capture("rustc", &["--version"]),
        node = capture("node", &["--version"]),
    )
}

fn write(path: &Path, text: &str) -> Step {
    std::fs::write(path, text).map_err(|e| Failure(format!("cannot write {}: {e}", path.display())))
}
