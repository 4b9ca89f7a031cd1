//! A throwaway PostgreSQL cluster for the tests and benchmarks: Debian's
//! binaries, a temporary folder, a free loopback port, no system service.

use crate::shell::{Failure, Step, cmd, describe};
use crate::tools;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Debian's PostgreSQL 15 binaries.
const BIN: &str = "/usr/lib/postgresql/15/bin";
/// The Debian package and a file it installs.
pub const PACKAGES: &[(&str, &str)] = &[("postgresql-15", "/usr/lib/postgresql/15/bin/initdb")];
/// The system user PostgreSQL runs as when we are root (it refuses root).
const SYSTEM_USER: &str = "postgres";

/// A running cluster, stopped and deleted when dropped.
pub struct Cluster {
    dir: PathBuf,
    as_postgres: bool,
    /// Its port on 127.0.0.1.
    pub port: u16,
}

impl Cluster {
    /// Installs PostgreSQL if missing and starts a fresh cluster.
    pub fn start() -> Step<Cluster> {
        tools::ensure_apt(PACKAGES)?;
        let as_postgres = tools::is_root();
        let dir = std::env::temp_dir().join(format!("vestnik-postgres-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)
            .map_err(|e| Failure(format!("cannot create {}: {e}", dir.display())))?;
        let port = free_port()?;
        let cluster = Cluster {
            dir,
            as_postgres,
            port,
        };
        if as_postgres {
            cluster.checked(cmd("chown", &[SYSTEM_USER, &cluster.dir.to_string_lossy()]))?;
        }
        let data = cluster.dir.join("data");
        cluster.checked(cluster.pg(
            "initdb",
            &[
                "--pgdata",
                &data.to_string_lossy(),
                "--username",
                "postgres",
                "--auth",
                "trust",
                "--encoding",
                "UTF8",
                "--locale",
                "C",
            ],
        ))?;
        // fsync off: a crash loses a throwaway cluster, which is the point.
        let options = format!(
            "-c listen_addresses=127.0.0.1 -p {port} -k {} -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off -c max_connections=400",
            cluster.dir.display()
        );
        cluster.checked(cluster.pg(
            "pg_ctl",
            &[
                "--pgdata",
                &data.to_string_lossy(),
                "--log",
                &cluster.dir.join("log").to_string_lossy(),
                "--options",
                &options,
                "--wait",
                "start",
            ],
        ))?;
        println!("xtask: a throwaway PostgreSQL 15 listens on 127.0.0.1:{port}");
        Ok(cluster)
    }

    /// The URL of its `postgres` database as the superuser.
    pub fn admin_url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// A Debian PostgreSQL binary, run as the `postgres` user when we are root.
    fn pg(&self, program: &str, args: &[&str]) -> Command {
        let program = Path::new(BIN).join(program);
        let program = program.to_string_lossy();
        if self.as_postgres {
            let mut all = vec!["-u", SYSTEM_USER, "--", program.as_ref()];
            all.extend(args);
            cmd("runuser", &all)
        } else {
            cmd(&program, args)
        }
    }

    /// Runs `command` quietly, showing its output only when it fails.
    fn checked(&self, mut command: Command) -> Step {
        let output = command
            .output()
            .map_err(|e| Failure(format!("could not start {}: {e}", describe(&command))))?;
        if output.status.success() {
            return Ok(());
        }
        Err(Failure(format!(
            "{} failed ({}):\n{}{}\n(cluster log: {})",
            describe(&command),
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
            self.dir.join("log").display()
        )))
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        let _ = self
            .pg(
                "pg_ctl",
                &[
                    "--pgdata",
                    &data.to_string_lossy(),
                    "--mode",
                    "immediate",
                    "--wait",
                    "stop",
                ],
            )
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A loopback port nobody listens on right now.
fn free_port() -> Step<u16> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .map_err(|e| Failure(format!("cannot find a free loopback port: {e}")))
}

/// `cargo xtask postgres`: a cluster to point `--database` or the tests at by hand.
pub fn serve_until_interrupted() -> Step {
    let cluster = Cluster::start()?;
    let (stop, stopped) = std::sync::mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = stop.send(());
    })
    .map_err(|e| Failure(format!("cannot handle Ctrl-C: {e}")))?;
    println!(
        "{}\nthe server: cargo run -p vestnik-server -- --database URL; the API suite: \
         VESTNIK_TEST_POSTGRES=URL cargo test -p vestnik-server --test api\n\
         Ctrl-C stops the cluster and deletes it",
        cluster.admin_url()
    );
    let _ = stopped.recv();
    Ok(())
}
