//! `config.json`: what a deployed `dist/` reads at start to find its backend.
//!
//! One build serves any backend: the publisher edits this file beside
//! `index.html` (or runs `cargo xtask configure`) instead of rebuilding. The
//! same checks run in the build tool and in the browser, so a typo fails the
//! deploy step with a message rather than a reader's page.

use crate::Site;
use crate::links;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The contents of `config.json`; every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
// A misspelt key ("apiBase") would otherwise be ignored without a word.
#[serde(deny_unknown_fields)]
pub struct ClientConfig {
    /// Where the API lives: a path on this origin (`/api`, the default) or an
    /// absolute `http(s)` URL of another origin (`https://api.example.org/api`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_base: Option<String>,
    /// The site's settings; when present the app does not ask `GET /api/site`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<Site>,
}

/// The API base of a same-origin deployment.
pub const DEFAULT_API_BASE: &str = "/api";

/// A checked API base: where requests go, and the origin a CSP must allow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiBase {
    /// The base without a trailing slash, e.g. `/api` or `https://api.example.org/api`.
    pub url: String,
    /// `scheme://host[:port]` when the API is on another origin; `None` for a path.
    pub origin: Option<String>,
}

/// Why a `config.json` cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigProblem {
    /// The file is not JSON of the expected shape (the parser's words).
    Malformed(String),
    /// `api_base` is neither a path nor an absolute http(s) URL.
    BadApiBase(String),
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Malformed(reason) => write!(f, "config.json is not valid: {reason}"),
            Self::BadApiBase(value) => write!(
                f,
                "config.json: api_base {value:?} must be a path such as \"/api\" or an \
                 absolute URL such as \"https://api.example.org/api\" (no query, no fragment)"
            ),
        }
    }
}

impl std::error::Error for ConfigProblem {}

impl ClientConfig {
    /// Reads `config.json` text.
    pub fn parse(text: &str) -> Result<Self, ConfigProblem> {
        serde_json::from_str(text).map_err(|e| ConfigProblem::Malformed(e.to_string()))
    }

    /// The keys `config.json` may have.
    pub const KEYS: [&'static str; 2] = ["api_base", "site"];

    /// Refuses a key `config.json` may not have, as `parse` does, for a
    /// decoder that does not check them itself (the browser's, in the app).
    pub fn check_keys<'a>(keys: impl IntoIterator<Item = &'a str>) -> Result<(), ConfigProblem> {
        match keys.into_iter().find(|key| !Self::KEYS.contains(key)) {
            Some(key) => Err(ConfigProblem::Malformed(format!(
                "unknown field `{key}`, expected `api_base` or `site`"
            ))),
            None => Ok(()),
        }
    }

    /// The checked API base, [`DEFAULT_API_BASE`] when none is set.
    pub fn api_base(&self) -> Result<ApiBase, ConfigProblem> {
        check_api_base(self.api_base.as_deref().unwrap_or(DEFAULT_API_BASE))
    }
}

/// Checks an API base: a path on this origin, or an absolute http(s) URL
/// (the rules of [`crate::links`]) with an ASCII host, because the origin goes
/// into the page's Content-Security-Policy, which only takes ASCII (write an
/// internationalised domain in its `xn--` form). No query or fragment: paths
/// are appended to the base.
pub fn check_api_base(value: &str) -> Result<ApiBase, ConfigProblem> {
    let bad = || ConfigProblem::BadApiBase(value.to_owned());
    if value.contains(['?', '#']) {
        return Err(bad());
    }
    let url = value.trim_end_matches('/');
    if links::same_site_path(value).is_some() {
        return Ok(ApiBase {
            url: url.to_owned(),
            origin: None,
        });
    }
    let absolute = links::http_url(value).map_err(|_| bad())?;
    if !absolute.host.is_ascii() {
        return Err(bad());
    }
    Ok(ApiBase {
        url: url.to_owned(),
        origin: Some(absolute.origin()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_body_means_same_origin() {
        let config = ClientConfig::parse("{}").unwrap();
        let base = config.api_base().unwrap();
        assert_eq!(base.url, "/api");
        assert_eq!(base.origin, None);
    }

    #[test]
    fn an_absolute_base_names_its_origin_and_loses_the_trailing_slash() {
        let base = check_api_base("https://API.example.org:8443/v1/api/").unwrap();
        assert_eq!(base.url, "https://API.example.org:8443/v1/api");
        assert_eq!(base.origin.as_deref(), Some("https://api.example.org:8443"));
        let default_port = check_api_base("https://api.example.org:443/api").unwrap();
        assert_eq!(
            default_port.origin.as_deref(),
            Some("https://api.example.org")
        );
    }

    #[test]
    fn bad_bases_are_refused_with_the_value() {
        for value in [
            "",
            "api",
            "//evil.example/api",
            "ftp://x/api",
            "https:///api",
            "https://user@host/api",
            "/\\evil.example/api",
            "/\t/evil.example/api",
            "https://пример.рф/api",
            "https://a.b:0/api",
            "/api?x=1",
            "/a pi",
            "javascript:alert(1)",
        ] {
            let problem = check_api_base(value).unwrap_err();
            assert_eq!(
                problem,
                ConfigProblem::BadApiBase(value.to_owned()),
                "{value}"
            );
            assert!(problem.to_string().contains("api_base"));
        }
    }

    #[test]
    fn unknown_keys_and_bad_json_are_malformed() {
        assert!(matches!(
            ClientConfig::parse(r#"{"apiBase": "/api"}"#),
            Err(ConfigProblem::Malformed(m)) if m.contains("apiBase")
        ));
        assert!(matches!(
            ClientConfig::parse("{"),
            Err(ConfigProblem::Malformed(_))
        ));
    }

    #[test]
    fn unknown_keys_are_refused_for_decoders_that_do_not_check() {
        assert!(ClientConfig::check_keys(["api_base", "site"]).is_ok());
        assert!(matches!(
            ClientConfig::check_keys(["api_base", "apiBase"]),
            Err(ConfigProblem::Malformed(m)) if m.contains("`apiBase`")
        ));
    }

    #[test]
    fn site_settings_can_come_with_the_file() {
        let config =
            ClientConfig::parse(r#"{"api_base": "/api", "site": {"name": "Вестник"}}"#).unwrap();
        assert_eq!(config.site.unwrap().locale, "ru");
    }
}
