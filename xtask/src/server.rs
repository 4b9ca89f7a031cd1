//! Starting the reference server for dev and the end-to-end tests.

use crate::shell::{Failure, Step, cmd, root, run_checked};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// A running server, stopped when dropped.
pub struct RunningServer {
    child: Child,
    /// Its base URL, e.g. `http://127.0.0.1:8080`.
    pub url: String,
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Builds the server (debug: the same build the tests use).
pub fn build() -> Step {
    run_checked(cmd("cargo", &["build", "--package", "vestnik-server"]))
}

/// Starts the built server with `args` and waits until it says where it listens.
pub fn start(args: &[&str]) -> Step<RunningServer> {
    let binary = root().join("target/debug/vestnik-server");
    if !Path::new(&binary).exists() {
        return Err(Failure(format!("{} is not built", binary.display())));
    }
    let mut command = cmd(&binary.to_string_lossy(), args);
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| Failure(format!("could not start the server: {e}")))?;
    let stdout = child.stdout.take().expect("stdout was piped");
    let (sender, receiver) = mpsc::channel();
    // Keep draining stdout after the first line so the server never blocks on a full pipe.
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("vestnik-server listening on ") {
                let _ = sender.send(url.trim().to_owned());
            } else {
                println!("{line}");
            }
        }
    });
    let mut server = RunningServer {
        child,
        url: String::new(),
    };
    match receiver.recv_timeout(Duration::from_secs(60)) {
        Ok(url) => {
            server.url = url;
            Ok(server)
        }
        Err(_) => Err(Failure(
            "the server did not report its address within 60 s (see its log above)".into(),
        )),
    }
}
