//! Running other programs with the project's tools on PATH.

use std::fmt;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Why a step failed, said so that the reader knows what to do next.
#[derive(Debug)]
pub struct Failure(pub String);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A step's result.
pub type Step<T = ()> = Result<T, Failure>;

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one folder below the workspace root")
        .to_path_buf()
}

/// PATH with the npm tools (wasm-opt) and cargo-installed tools first.
pub fn tool_path() -> std::ffi::OsString {
    let mut dirs = vec![root().join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

/// A command run from the workspace root with the tool PATH.
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut command = Command::new(program);
    command
        .args(args)
        .current_dir(root())
        .env("PATH", tool_path());
    command
}

/// Runs `command`, its output going straight to ours; fails unless it exits 0.
pub fn run_checked(mut command: Command) -> Step {
    println!("$ {}", describe(&command));
    let status = command
        .status()
        .map_err(|e| Failure(format!("could not start {}: {e}", describe(&command))))?;
    if status.success() {
        Ok(())
    } else {
        Err(Failure(format!("{} failed ({status})", describe(&command))))
    }
}

/// Runs `command`, echoing its stdout line by line and returning those lines
/// with whether it succeeded, so a caller can read test counts from them.
pub fn run_and_capture(mut command: Command) -> Step<(bool, Vec<String>)> {
    println!("$ {}", describe(&command));
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| Failure(format!("could not start {}: {e}", describe(&command))))?;
    let mut lines = Vec::new();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            lines.push(line);
        }
    }
    let status = child
        .wait()
        .map_err(|e| Failure(format!("{} did not finish: {e}", describe(&command))))?;
    Ok((status.success(), lines))
}

/// Whether `program args` runs and prints something containing `expected`.
pub fn prints(program: &str, args: &[&str], expected: &str) -> bool {
    cmd(program, args)
        .output()
        .map(|o| {
            o.status.success()
                && (String::from_utf8_lossy(&o.stdout).contains(expected)
                    || String::from_utf8_lossy(&o.stderr).contains(expected))
        })
        .unwrap_or(false)
}

/// The command line, for logs.
pub fn describe(command: &Command) -> String {
    std::iter::once(command.get_program())
        .chain(command.get_args())
        .map(|s| s.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}
