//! `vestnik-server`: parse the flags, set up logging, run until a signal.

use clap::Parser;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;
use vestnik_server::Config;

fn main() -> ExitCode {
    // Bad flags or variables: clap prints what is wrong and exits with 2.
    let config = Config::parse();
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,tower_http=info,sqlx=warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        // stdout carries only the "listening on" line that tools wait for.
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("vestnik-server: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(vestnik_server::run(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vestnik-server: {e}");
            ExitCode::FAILURE
        }
    }
}
