//! `cargo xtask`: sets up the tools vestnik needs and runs it, tests it and builds it.
//!
//! Everything a newcomer needs is behind four verbs, each of which installs
//! what is missing first, so a fresh Debian machine with Rust is enough.

mod bench;
mod build;
mod dev;
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
  build   write the release SPA to dist/ and print its asset sizes
  bench   run the benchmarks in bench/ and print their figures
  setup   install the tools the commands above need, and nothing else";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dev") => dev::run(),
        Some("test") => test::run(),
        Some("build") => build::run().map(|_| ()),
        Some("bench") => bench::run(),
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
