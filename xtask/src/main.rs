//! `cargo xtask`: sets up the tools vestnik needs and runs it, tests it and builds it.
//!
//! Everything a newcomer needs is behind four verbs, each of which installs
//! what is missing first, so a fresh Debian machine with Rust is enough.

mod bench;
mod build;
mod dev;
mod fuzz;
mod postgres;
mod server;
mod shell;
mod test;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  dev     run the server (SQLite with demo content) and the SPA with live reload
  test    run every check: format, lints, native, browser and end-to-end tests
  build   write the release SPA to dist/, print its asset sizes, enforce the budgets
          [--api-base URL]  where the API lives (default /api, same origin)
  configure --api-base URL [--dist DIR]
          point an already built dist/ at another API: config.json and the CSP
  fuzz    run the property tests alone, long: [--cases N] (default 200000) [--seed S]
  bench   run the benchmarks in bench/ and print their figures
  postgres  start a throwaway PostgreSQL on loopback, print its URL, stop it on Ctrl-C
  setup   install the tools the commands above need, and nothing else";

/// The value after `name` in `args`, if the flag is there; a flag without a value is an error.
fn option(args: &[String], name: &str) -> shell::Step<Option<String>> {
    match args.iter().position(|a| a == name) {
        None => Ok(None),
        Some(at) => args
            .get(at + 1)
            .filter(|v| !v.starts_with("--"))
            .cloned()
            .map(Some)
            .ok_or_else(|| shell::Failure(format!("{name} needs a value"))),
    }
}

fn configure(args: &[String]) -> shell::Step {
    let api_base = option(args, "--api-base")?
        .ok_or_else(|| shell::Failure("configure needs --api-base URL".into()))?;
    let dist = option(args, "--dist")?
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| shell::root().join("dist"));
    build::site_config::apply(&dist, Some(&api_base))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dev") => dev::run(),
        Some("test") => test::run(),
        Some("build") => option(&args, "--api-base")
            .and_then(|api_base| build::run(api_base.as_deref()))
            .map(|_| ()),
        Some("configure") => configure(&args),
        Some("fuzz") => option(&args, "--cases").and_then(|cases| {
            option(&args, "--seed").and_then(|seed| fuzz::run(cases.as_deref(), seed.as_deref()))
        }),
        Some("bench") => bench::run(),
        Some("postgres") => postgres::serve_until_interrupted(),
        Some("setup") => tools::ensure(tools::Need::Browser),
        Some("help" | "-h" | "--help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}
