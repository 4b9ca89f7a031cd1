//! The property tests over arbitrary Unicode and JSON: the URL policy, the
//! comment linkifier and the wire types (`api/tests/`), the app's decoders and
//! formatters' inputs (`properties` modules in `src/`), and the server's
//! cleaning and validation of posted comments.
//!
//! `cargo xtask test` runs them with [`TEST_CASES`] cases and the fixed
//! [`TEST_SEED`], so a failure there is the same failure on every machine;
//! `cargo xtask fuzz` runs only them, with many more cases and a fresh seed
//! each time, printed so that a failure can be replayed. A failure found
//! that way becomes a plain unit test with its minimal input (proptest's
//! `*.proptest-regressions` files are not kept: their seeds stop meaning the
//! same input when a strategy changes).

use crate::shell::{Failure, Step, cmd, run_checked};
use std::process::Command;

/// Cases per property in `cargo xtask test`: about ten seconds in all.
pub const TEST_CASES: u32 = 4096;
/// The seed of `cargo xtask test`'s property tests.
pub const TEST_SEED: u64 = 20_261_202;
/// Cases per property in `cargo xtask fuzz` unless `--cases` says otherwise.
const FUZZ_CASES: u32 = 200_000;

/// Sets the case count and seed every proptest in `command` reads.
pub fn seeded(command: &mut Command, cases: u32, seed: u64) {
    command
        .env("PROPTEST_CASES", cases.to_string())
        .env("PROPTEST_RNG_SEED", seed.to_string());
}

/// `cargo xtask fuzz [--cases N] [--seed S]`: the property tests alone, long.
pub fn run(cases: Option<&str>, seed: Option<&str>) -> Step {
    let cases =
        match cases {
            None => FUZZ_CASES,
            Some(text) => text.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                Failure(format!("--cases {text:?}: expected a whole number above 0"))
            })?,
        };
    let seed = match seed {
        None => fresh_seed(),
        Some(text) => text
            .parse()
            .map_err(|_| Failure(format!("--seed {text:?}: expected a whole number")))?,
    };
    println!("xtask: fuzzing with {cases} cases per property, seed {seed}");
    println!("       (replay a failure with: cargo xtask fuzz --cases {cases} --seed {seed})");
    // Optimised, or 200,000 cases of the URL properties take minutes.
    for args in [
        &[
            "test",
            "--release",
            "--package",
            "vestnik-api",
            "--test",
            "links",
            "--test",
            "wire",
            "--test",
            "format",
        ][..],
        &[
            "test",
            "--release",
            "--package",
            "vestnik",
            "--lib",
            "properties",
        ][..],
        &[
            "test",
            "--release",
            "--package",
            "vestnik-server",
            "--lib",
            "properties",
        ][..],
    ] {
        let mut command = cmd("cargo", args);
        seeded(&mut command, cases, seed);
        run_checked(command)?;
    }
    println!("xtask: every property held for {cases} cases (seed {seed})");
    Ok(())
}

/// A seed from the clock and the process id: different on every run.
fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or_default();
    nanos ^ u64::from(std::process::id()).rotate_left(32)
}
