//! Pre-compressed siblings (`x.br`, `x.gz`) of every asset in `dist/`.
//!
//! Static hosts (nginx `gzip_static`/`brotli_static`, the reference server,
//! CloudFront with S3 metadata) send these as they are, so readers get the
//! best compression without the host spending CPU on every request.

use crate::shell::{Failure, Step};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file kinds worth compressing (images and fonts are compressed already).
const COMPRESSIBLE: &[&str] = &["html", "css", "js", "wasm", "json", "svg", "txt", "xml"];

/// Writes `x.br` and `x.gz` beside every compressible file under `dist`.
///
/// Not for `config.json`: publishers edit it by hand, and a stale compressed
/// copy would be served instead of their edit.
pub fn write_siblings(files: &[PathBuf]) -> Step {
    let edited_by_hand = |f: &&PathBuf| f.file_name().is_some_and(|n| n == "config.json");
    for file in files
        .iter()
        .filter(|f| is_compressible(f) && !edited_by_hand(f))
    {
        let bytes = std::fs::read(file)
            .map_err(|e| Failure(format!("cannot read {}: {e}", file.display())))?;
        write(&sibling(file, "br"), &brotli(&bytes))?;
        write(&sibling(file, "gz"), &gzip(&bytes))?;
    }
    Ok(())
}

/// Whether `file` is an original asset (not itself a compressed sibling) worth compressing.
fn is_compressible(file: &Path) -> bool {
    file.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| COMPRESSIBLE.contains(&e))
}

/// Whether `file` is a sibling this module wrote.
pub fn is_sibling(file: &Path) -> bool {
    matches!(file.extension().and_then(|e| e.to_str()), Some("br" | "gz"))
}

/// `file`'s compressed sibling, e.g. `a.wasm` → `a.wasm.br`.
pub fn sibling(file: &Path, extension: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

fn write(path: &Path, bytes: &[u8]) -> Step {
    std::fs::write(path, bytes)
        .map_err(|e| Failure(format!("cannot write {}: {e}", path.display())))
}

/// gzip at the best level: what `gzip_static` serves.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// brotli at quality 11 with a 4 MiB window: what `brotli_static` serves.
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    match brotli::BrotliCompress(&mut &bytes[..], &mut out, &params) {
        Ok(_) => out,
        Err(_) => Vec::new(),
    }
}
