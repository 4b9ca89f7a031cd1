//! Pointing a built `dist/` at its backend: `config.json` and the CSP that must agree with it.

use super::{csp, precompress};
use crate::shell::{Failure, Step};
use std::path::Path;
use vestnik_api::ClientConfig;

/// Sets `dist/config.json`'s `api_base` (keeping any `site` settings), then
/// rewrites the CSP of both pages (the reader's `index.html` and the desk's
/// `moderation/index.html`, which reads the same config) so `connect-src`
/// allows exactly that origin.
/// `api_base: None` keeps what the file says (or the same-origin default).
pub fn apply(dist: &Path, api_base: Option<&str>) -> Step {
    let config_path = dist.join("config.json");
    let mut config = match std::fs::read_to_string(&config_path) {
        Ok(text) => ClientConfig::parse(&text)
            .map_err(|e| Failure(format!("{}: {e}", config_path.display())))?,
        Err(_) => ClientConfig::default(),
    };
    if let Some(base) = api_base {
        config.api_base = Some(base.to_owned());
    }
    let base = config.api_base().map_err(|e| Failure(e.to_string()))?;
    config.api_base = Some(base.url.clone());
    let json = serde_json::to_string_pretty(&config)
        .map_err(|e| Failure(format!("cannot write config.json: {e}")))?;
    write(&config_path, &format!("{json}\n"))?;

    let mut pages = vec![dist.join("index.html")];
    let desk_page = dist.join(super::DESK_DIR).join("index.html");
    // A dist/ built before the desk existed has only the reader's page.
    if desk_page.exists() {
        pages.push(desk_page);
    }
    for page in &pages {
        let html = std::fs::read_to_string(page)
            .map_err(|e| Failure(format!("cannot read {}: {e}", page.display())))?;
        let policy = csp::policy(&csp::inline_script_hashes(&html), base.origin.as_deref());
        let html = csp::with_policy(&html, &policy).map_err(Failure)?;
        write(page, &html)?;
    }
    println!(
        "xtask: config.json api_base {}; CSP connect-src allows {} ({} pages)",
        base.url,
        base.origin.as_deref().unwrap_or("this origin only"),
        pages.len()
    );
    precompress::write_siblings(&pages)
}

fn write(path: &Path, text: &str) -> Step {
    std::fs::write(path, text).map_err(|e| Failure(format!("cannot write {}: {e}", path.display())))
}
