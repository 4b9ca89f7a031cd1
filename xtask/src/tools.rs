//! Installing what the commands need, only when it is missing.
//!
//! Versions are pinned here and in Trunk.toml/package.json: trunk runs offline
//! and refuses tools of other versions, and wasm-bindgen's CLI must match the
//! crate exactly.

use crate::shell::{Failure, Step, cmd, prints, root, run_checked};
use std::path::Path;

/// The wasm-bindgen CLI version; must equal the `wasm-bindgen` crate pin in Cargo.toml.
pub const WASM_BINDGEN: &str = "0.2.130";
/// The trunk version (0.22 needs a newer rustc than ours).
pub const TRUNK: &str = "0.21.14";
/// Where Debian puts Chromium and its driver.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// ChromeDriver for wasm-bindgen-test.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// How much a command needs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Building and serving the SPA.
    Build,
    /// That, plus a browser for tests.
    Browser,
}

/// Installs whatever `need` calls for and is missing.
pub fn ensure(need: Need) -> Step {
    ensure_wasm_target()?;
    ensure_cargo_tool(
        "wasm-bindgen",
        WASM_BINDGEN,
        &["install", "wasm-bindgen-cli", "--version", WASM_BINDGEN],
    )?;
    ensure_cargo_tool(
        "trunk",
        TRUNK,
        &["install", "trunk", "--version", TRUNK, "--locked"],
    )?;
    ensure_npm_tools()?;
    if need == Need::Browser {
        ensure_browser()?;
    }
    Ok(())
}

fn ensure_wasm_target() -> Step {
    if prints(
        "rustup",
        &["target", "list", "--installed"],
        "wasm32-unknown-unknown",
    ) {
        return Ok(());
    }
    run_checked(cmd("rustup", &["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_cargo_tool(binary: &str, version: &str, install: &[&str]) -> Step {
    if prints(binary, &["--version"], version) {
        return Ok(());
    }
    println!(
        "xtask: installing {binary} {version} (once; trunk takes about 11 minutes on 2 cores)"
    );
    // --force replaces another installed version of the same tool.
    let mut args = install.to_vec();
    args.push("--force");
    run_checked(cmd("cargo", &args))
}

fn ensure_npm_tools() -> Step {
    if !prints("npm", &["--version"], ".") {
        return Err(Failure(
            "npm is missing: install Node.js 20 and npm (Debian: apt-get install -y nodejs npm)"
                .into(),
        ));
    }
    let installed = root().join("node_modules/.package-lock.json");
    let lock = root().join("package-lock.json");
    if is_newer_or_same(&installed, &lock) && prints("wasm-opt", &["--version"], "version_132") {
        return Ok(());
    }
    run_checked(cmd("npm", &["ci", "--no-audit", "--no-fund"]))
}

fn is_newer_or_same(a: &Path, b: &Path) -> bool {
    let modified = |p: &Path| p.metadata().and_then(|m| m.modified()).ok();
    matches!((modified(a), modified(b)), (Some(a), Some(b)) if a >= b)
}

/// Debian packages the browser and end-to-end tests need, with a file each installs.
const TEST_PACKAGES: &[(&str, &str)] = &[
    ("chromium", CHROMIUM),
    ("chromium-driver", CHROMEDRIVER),
    // The static-hosting test serves dist/ with nginx and its brotli_static module.
    ("nginx", "/usr/sbin/nginx"),
    (
        "libnginx-mod-http-brotli-static",
        "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so",
    ),
];

/// The HTTP load generator of the server throughput benchmark.
pub const BENCH_PACKAGES: &[(&str, &str)] = &[("wrk", "/usr/bin/wrk")];

fn ensure_browser() -> Step {
    ensure_apt(TEST_PACKAGES)
}

/// Installs from Debian whichever of `packages` is missing (by its file).
pub fn ensure_apt(packages: &[(&str, &str)]) -> Step {
    let missing: Vec<&str> = packages
        .iter()
        .filter(|(_, file)| !Path::new(file).exists())
        .map(|(name, _)| *name)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let list = missing.join(" ");
    let install = format!("apt-get update && apt-get install -y {list}");
    if !is_root() {
        return Err(Failure(format!(
            "the tests need {list}; install them as root with:\n    sudo sh -c '{install}'"
        )));
    }
    println!("xtask: installing {list} from Debian");
    run_checked(cmd("apt-get", &["update"]))?;
    let mut args = vec!["install", "-y"];
    args.extend(&missing);
    let mut apt = cmd("apt-get", &args);
    apt.env("DEBIAN_FRONTEND", "noninteractive");
    run_checked(apt)
}

/// Whether we run as root (apt installs; PostgreSQL must be run as its own user).
pub fn is_root() -> bool {
    prints("id", &["-u"], "0")
        && cmd("id", &["-u"])
            .output()
            .is_ok_and(|o| o.stdout == b"0\n")
}
