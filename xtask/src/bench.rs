//! `cargo xtask bench`: the benchmarks that print figures (never timed tests).
//!
//! Builds the release app and the server, then runs each benchmark in
//! `bench/`; every one starts servers of its own on fresh databases, so
//! figures do not depend on what earlier runs left behind.

use crate::shell::{Failure, Step, cmd, root, run_and_capture};
use crate::tools::{self, CHROMIUM, Need};
use crate::{build, server};

/// The benchmark scripts, in the order they run.
const BENCHES: &[(&str, &[&str])] = &[
    ("live comments", &["bench/comments.mjs"]),
    ("endless news list", &["bench/feed.mjs"]),
];

/// Runs every benchmark and prints its figures; stops at the first that fails.
pub fn run() -> Step {
    tools::ensure(Need::Browser)?;
    let dist = build::build_dist()?;
    server::build()?;
    for (name, args) in BENCHES {
        println!("\nxtask: benchmark: {name}");
        let mut node = cmd("node", args);
        node.env(
            "VESTNIK_SERVER_BIN",
            root().join("target/debug/vestnik-server"),
        )
        .env("VESTNIK_DIST", &dist)
        .env("CHROMIUM", CHROMIUM);
        let (ok, _) = run_and_capture(node)?;
        if !ok {
            return Err(Failure(format!("the {name} benchmark failed")));
        }
    }
    Ok(())
}
