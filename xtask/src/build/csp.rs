//! The Content-Security-Policy written into `dist/index.html`.
//!
//! A `<meta>` policy travels with the files, so every static host enforces it,
//! including those that cannot set headers (GitHub Pages, plain S3). Inline
//! scripts (trunk's loader and our early-fetch bootstrap) are allowed by their
//! SHA-256 hashes, computed here from the built file, never by `unsafe-inline`.

use base64::Engine;
use sha2::{Digest, Sha256};

/// Marks the policy element so a second run replaces it instead of adding another.
const MARKER: &str = "data-vestnik-csp";

/// The policy for a page whose inline scripts hash to `script_hashes` and
/// whose API lives on `api_origin` (`None`: the page's own origin).
pub fn policy(script_hashes: &[String], api_origin: Option<&str>) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for hash in script_hashes {
        script_src.push_str(&format!(" 'sha256-{hash}'"));
    }
    let connect_src = match api_origin {
        Some(origin) => format!("'self' {origin}"),
        None => "'self'".to_owned(),
    };
    // img-src allows any https image: article photos live on the newsroom's CDN.
    format!(
        "default-src 'self'; script-src {script_src}; style-src 'self'; \
         img-src 'self' https: data:; connect-src {connect_src}; font-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'"
    )
}

/// The base64 SHA-256 of every inline script that executes (not JSON data blocks).
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after_tag = &rest[start..];
        let Some(open_end) = after_tag.find('>') else {
            break;
        };
        let attributes = &after_tag[..open_end];
        let body_and_rest = &after_tag[open_end + 1..];
        let Some(close) = body_and_rest.find("</script>") else {
            break;
        };
        let body = &body_and_rest[..close];
        if !attributes.contains("src=") && executes(attributes) {
            hashes.push(base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body)));
        }
        rest = &body_and_rest[close..];
    }
    hashes
}

/// Whether a script element with these attributes runs as JavaScript.
fn executes(attributes: &str) -> bool {
    let Some(at) = attributes.find("type=") else {
        return true;
    };
    let value = attributes[at + 5..].trim_start_matches(['"', '\'']);
    value.starts_with("module") || value.starts_with("text/javascript")
}

/// `html` with its policy element set to `policy`, right after `<meta charset>`
/// so it governs every script that follows.
pub fn with_policy(html: &str, policy: &str) -> Result<String, String> {
    let without_old: String = html
        .lines()
        .filter(|line| !line.contains(MARKER))
        .map(|line| format!("{line}\n"))
        .collect();
    let charset = without_old
        .find("<meta charset")
        .ok_or("index.html has no <meta charset>: the policy must follow it")?;
    let line_end = without_old[charset..]
        .find('\n')
        .map(|i| charset + i + 1)
        .ok_or("index.html ends right after <meta charset>")?;
    let element = format!(
        "    <meta http-equiv=\"Content-Security-Policy\" {MARKER} content=\"{policy}\" />\n"
    );
    let mut out = without_old;
    out.insert_str(line_end, &element);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head>\n<meta charset=\"utf-8\" />\n<script>boot()</script>\n\
        <script type=\"module\">import x from '/a.js';</script>\n\
        <script type=\"application/ld+json\">{}</script>\n<script src=\"/b.js\"></script>\n\
        </head></html>\n";

    #[test]
    fn hashes_only_inline_javascript() {
        let hashes = inline_script_hashes(PAGE);
        assert_eq!(hashes.len(), 2);
        // printf 'boot()' | openssl dgst -sha256 -binary | base64
        assert_eq!(hashes[0], "MeZS89WlF0u+o0hCvHTBt4q1WHU+U+sJKgbdRUc36mY=");
    }

    #[test]
    fn the_policy_is_strict_and_names_the_api_origin() {
        let p = policy(&["abc=".to_owned()], Some("https://api.example.org"));
        assert!(p.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='"));
        assert!(p.contains("connect-src 'self' https://api.example.org;"));
        assert!(!p.contains("unsafe-inline"));
    }

    #[test]
    fn setting_the_policy_twice_keeps_one_element_after_the_charset() {
        let once = with_policy(PAGE, "a").unwrap();
        let twice = with_policy(&once, "b").unwrap();
        assert_eq!(twice.matches(MARKER).count(), 1);
        assert!(twice.contains("content=\"b\""));
        assert!(twice.find("Content-Security-Policy") > twice.find("<meta charset"));
        assert!(twice.find("Content-Security-Policy") < twice.find("<script"));
    }
}
