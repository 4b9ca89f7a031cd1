//! `cargo xtask build`: the release SPA in `dist/` and what each asset weighs.

use crate::shell::{Failure, Step, cmd, root, run_checked};
use crate::tools::{self, Need};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Builds `dist/` in release mode and prints the size table; returns the dist folder.
pub fn run() -> Step<PathBuf> {
    tools::ensure(Need::Build)?;
    let dist = build_dist()?;
    print_sizes(&dist)?;
    Ok(dist)
}

/// `trunk build --release`: opt-level z, LTO, wasm-opt -Oz (see Cargo.toml and index.html).
pub fn build_dist() -> Step<PathBuf> {
    run_checked(cmd("trunk", &["build", "--release"]))?;
    Ok(root().join("dist"))
}

/// One asset's size as served raw, gzip'ed and brotli'd.
struct AssetSize {
    name: String,
    raw: usize,
    gzip: usize,
    brotli: usize,
}

fn print_sizes(dist: &Path) -> Step {
    let mut files = Vec::new();
    collect_files(dist, &mut files)?;
    files.sort();
    let mut sizes = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file)
            .map_err(|e| Failure(format!("cannot read {}: {e}", file.display())))?;
        sizes.push(AssetSize {
            name: file
                .strip_prefix(dist)
                .unwrap_or(file)
                .display()
                .to_string(),
            raw: bytes.len(),
            gzip: gzip_len(&bytes),
            brotli: brotli_len(&bytes),
        });
    }
    let width = sizes.iter().map(|s| s.name.len()).max().unwrap_or(5).max(5);
    println!(
        "\n{:width$}  {:>10}  {:>10}  {:>10}",
        "asset", "raw", "gzip", "brotli"
    );
    for s in &sizes {
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
    Ok(())
}

fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
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

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().map(|v| v.len()).unwrap_or(0)
}

fn brotli_len(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    match brotli::BrotliCompress(&mut &bytes[..], &mut out, &params) {
        Ok(_) => out.len(),
        Err(_) => 0,
    }
}
