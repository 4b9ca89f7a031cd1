//! `cargo xtask build`: the release SPA in `dist/`, ready for any static host.
//!
//! Trunk runs twice: the reader's page (`index.html`) into `dist/`, then the
//! moderation desk (`moderation.html`, a Wasm of its own) into
//! `dist/moderation/`. Then `config.json` and a strict CSP for both pages
//! (`site_config`, `csp`), `.br`/`.gz` siblings (`precompress`), then the
//! size table and the budgets that fail the build (`budget`).

mod budget;
mod csp;
mod precompress;
pub mod site_config;

use crate::shell::{Failure, Step, cmd, root, run_checked};
use crate::tools::{self, Need};
use std::path::{Path, PathBuf};

/// Builds `dist/` in release mode, prints the size table and checks the budgets.
pub fn run(api_base: Option<&str>) -> Step<PathBuf> {
    tools::ensure(Need::Build)?;
    build_dist(api_base)
}

/// Where the desk's page is built, inside `dist/`, and the path it is served at.
pub const DESK_DIR: &str = "moderation";

/// `trunk build --release` (opt-level z, LTO, wasm-opt -Oz: see Cargo.toml and
/// index.html) for the reader's page and then the desk's, then config, CSP,
/// compressed siblings and the budget check.
pub fn build_dist(api_base: Option<&str>) -> Step<PathBuf> {
    run_checked(cmd("trunk", &["build", "--release"]))?;
    // After the reader's build, which replaces dist/ whole.
    let desk_dist = format!("dist/{DESK_DIR}");
    let desk_url = format!("/{DESK_DIR}/");
    run_checked(cmd(
        "trunk",
        // The page comes before the flags: `--release` takes an optional value.
        &[
            "build",
            "moderation.html",
            "--release",
            "--dist",
            &desk_dist,
            "--public-url",
            &desk_url,
        ],
    ))?;
    let dist = root().join("dist");
    site_config::apply(&dist, api_base)?;
    precompress::write_siblings(&originals(&dist)?)?;
    let sizes = measure(&dist)?;
    print_sizes(&sizes);
    check_budgets(&sizes)?;
    Ok(dist)
}

/// One asset's size as served raw, gzip'ed and brotli'd.
struct AssetSize {
    name: String,
    raw: usize,
    gzip: usize,
    brotli: usize,
}

/// The size of every original asset and of its compressed siblings (what a
/// reader downloads), by name; a file without siblings is sent as it is.
fn measure(dist: &Path) -> Step<Vec<AssetSize>> {
    let length = |path: &Path| path.metadata().map(|m| m.len() as usize).ok();
    let mut sizes = Vec::new();
    for file in originals(dist)? {
        let raw =
            length(&file).ok_or_else(|| Failure(format!("cannot read {}", file.display())))?;
        sizes.push(AssetSize {
            name: file
                .strip_prefix(dist)
                .unwrap_or(&file)
                .display()
                .to_string(),
            raw,
            gzip: length(&precompress::sibling(&file, "gz")).unwrap_or(raw),
            brotli: length(&precompress::sibling(&file, "br")).unwrap_or(raw),
        });
    }
    Ok(sizes)
}

fn check_budgets(sizes: &[AssetSize]) -> Step {
    let checks = budget_checks(sizes);
    for check in &checks {
        println!("xtask: {}", check.describe());
    }
    match checks.iter().find(|c| !c.passes()) {
        Some(failed) => Err(Failure(failed.describe())),
        None => Ok(()),
    }
}

fn budget_checks(sizes: &[AssetSize]) -> [budget::Check; 3] {
    let brotli_of = |pick: fn(&str) -> bool| {
        sizes
            .iter()
            .filter(|s| pick(&s.name))
            .map(|s| s.brotli)
            .sum::<usize>()
    };
    [
        budget::Check {
            what: "Wasm (brotli)",
            measured: brotli_of(|name| is_readers(name) && name.ends_with(".wasm")),
            ceiling: budget::WASM_BROTLI,
        },
        budget::Check {
            what: "first view: HTML + JS + Wasm + CSS + config.json (brotli)",
            measured: brotli_of(|name| {
                is_readers(name)
                    && [".html", ".js", ".wasm", ".css", "config.json"]
                        .iter()
                        .any(|ext| name.ends_with(ext))
            }),
            ceiling: budget::FIRST_VIEW_BROTLI,
        },
        budget::Check {
            what: "moderation desk Wasm (brotli)",
            measured: brotli_of(|name| is_desks(name) && name.ends_with(".wasm")),
            ceiling: budget::DESK_WASM_BROTLI,
        },
    ]
}

/// Whether a file of `dist/` is the reader's: at the top level (the desk's
/// are in `moderation/`, and readers never load them).
fn is_readers(name: &str) -> bool {
    !name.contains(['/', '\\'])
}

/// Whether a file of `dist/` is the moderation desk's.
fn is_desks(name: &str) -> bool {
    Path::new(name).starts_with(DESK_DIR)
}

fn print_sizes(sizes: &[AssetSize]) {
    let width = sizes.iter().map(|s| s.name.len()).max().unwrap_or(5).max(5);
    println!(
        "\n{:width$}  {:>10}  {:>10}  {:>10}",
        "asset", "raw", "gzip", "brotli"
    );
    for s in sizes {
        println!(
            "{:width$}  {:>10}  {:>10}  {:>10}",
            s.name,
            kb(s.raw),
            kb(s.gzip),
            kb(s.brotli)
        );
    }
    let total = |f: fn(&AssetSize) -> usize| sizes.iter().map(f).sum::<usize>();
    println!(
        "{:width$}  {:>10}  {:>10}  {:>10}",
        "total",
        kb(total(|s| s.raw)),
        kb(total(|s| s.gzip)),
        kb(total(|s| s.brotli))
    );
}

/// The size table and the budgets as a markdown section of docs/benchmarks.md.
pub fn size_section(dist: &Path) -> Step<String> {
    let sizes = measure(dist)?;
    let mut text = String::from(
        "\n## Asset sizes and budgets (`cargo xtask build`)\n\n\
         What a first visit downloads (the `.br` siblings are what browsers get). \
         The budgets are in `xtask/src/build/budget.rs`; the build fails above them.\n\n\
         | asset | raw | gzip | brotli |\n| --- | ---: | ---: | ---: |\n",
    );
    for s in &sizes {
        text.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            s.name,
            kb(s.raw),
            kb(s.gzip),
            kb(s.brotli)
        ));
    }
    let total = |f: fn(&AssetSize) -> usize| sizes.iter().map(f).sum::<usize>();
    text.push_str(&format!(
        "| total | {} | {} | {} |\n\n",
        kb(total(|s| s.raw)),
        kb(total(|s| s.gzip)),
        kb(total(|s| s.brotli))
    ));
    for check in budget_checks(&sizes) {
        text.push_str(&format!("- {}\n", check.describe()));
    }
    Ok(text)
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

/// Every file under `dist` except the compressed siblings, sorted.
fn originals(dist: &Path) -> Step<Vec<PathBuf>> {
    let mut files = Vec::new();
    collect_files(dist, &mut files)?;
    files.retain(|f| !precompress::is_sibling(f));
    files.sort();
    Ok(files)
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Step {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Failure(format!("cannot list {}: {e}", dir.display())))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_files(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}
