//! `cargo xtask dev`: the server with its embedded database and demo content,
//! plus `trunk serve` with `/api` proxied to it, until Ctrl-C.

use crate::server;
use crate::shell::{Failure, Step, cmd, root};
use crate::tools::{self, Need};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// The API port; Trunk.toml's proxy points here.
const API_ADDR: &str = "127.0.0.1:8080";
/// Where trunk serves the app (Trunk.toml `[serve]`).
const APP_URL: &str = "http://127.0.0.1:8081/";

/// Runs the dev stack until Ctrl-C or until either process ends.
pub fn run() -> Step {
    tools::ensure(Need::Build)?;
    server::build()?;
    let database = format!("sqlite://{}", root().join("data/vestnik.db").display());
    let api = server::start(&[
        "--addr",
        API_ADDR,
        "--database",
        &database,
        "--telegram-url",
        "https://t.me/vestnik_demo",
    ])?;
    println!("xtask: API at {} (database {database})", api.url);

    let mut trunk = cmd("trunk", &["serve"])
        .spawn()
        .map_err(|e| Failure(format!("could not start trunk: {e}")))?;
    println!(
        "\nxtask: vestnik is starting at {APP_URL} (first build takes a minute); Ctrl-C stops both\n"
    );

    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = Arc::clone(&stop);
        ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst))
            .map_err(|e| Failure(format!("cannot handle Ctrl-C: {e}")))?;
    }
    let outcome = loop {
        if stop.load(Ordering::SeqCst) {
            break Ok(());
        }
        if let Ok(Some(status)) = trunk.try_wait() {
            break Err(Failure(format!("trunk serve stopped ({status})")));
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let _ = trunk.kill();
    let _ = trunk.wait();
    drop(api);
    println!("xtask: stopped");
    outcome
}
