//! `vestnik-server`: parse the flags, set up logging, run until a signal, or
//! run one of the tools (`import-article`, `render`, `moderator`) instead.

use clap::Parser;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;
use vestnik_server::import::ImportOutcome;
use vestnik_server::{Cli, Command};

fn main() -> ExitCode {
    // Bad flags or variables: clap prints what is wrong and exits with 2.
    let cli = Cli::parse();
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
    let outcome = match &cli.command {
        None => runtime.block_on(vestnik_server::run(cli.config)),
        Some(Command::ImportArticle(args)) => runtime
            .block_on(vestnik_server::import::run(
                &cli.config.database,
                &cli.config.site_name,
                args,
            ))
            .map(|outcome| {
                let (verb, blocks) = match outcome {
                    ImportOutcome::Inserted { blocks } => ("imported", blocks),
                    ImportOutcome::Replaced { blocks } => ("replaced", blocks),
                };
                println!("{verb} article {} ({blocks} blocks)", args.slug);
            }),
        Some(Command::Moderator(args)) => runtime
            .block_on(vestnik_server::moderation::cli::run(
                &cli.config.database,
                args,
            ))
            .map(|text| println!("{text}")),
        Some(Command::Render(args)) => runtime
            .block_on(vestnik_server::static_render::run(&cli.config, args))
            .map(|report| {
                println!(
                    "rendered into {}: {} written, {} unchanged, {} removed",
                    args.out.display(),
                    report.written,
                    report.unchanged,
                    report.removed
                );
            }),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vestnik-server: {e}");
            ExitCode::FAILURE
        }
    }
}
