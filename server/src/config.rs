//! Command-line and environment settings.

use crate::error::ServerError;
use clap::Parser;
use std::net::SocketAddr;
use std::path::PathBuf;
use vestnik_api::Site;

/// How one server process runs: every flag can also come from a `VESTNIK_*` variable.
#[derive(Clone, Debug, Parser)]
#[command(
    name = "vestnik-server",
    version,
    about = "The vestnik JSON API (and optionally the built SPA)"
)]
pub struct Config {
    /// Address to listen on; port 0 picks a free port (the chosen one is printed).
    #[arg(long, env = "VESTNIK_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// SQLite database URL; the folder and the file are created when missing.
    #[arg(
        long,
        env = "VESTNIK_DATABASE",
        default_value = "sqlite://data/vestnik.db"
    )]
    pub database: String,

    /// Serve the built SPA from this folder; unknown non-API paths get its index.html.
    #[arg(long, env = "VESTNIK_STATIC_DIR")]
    pub static_dir: Option<PathBuf>,

    /// Do not seed the demo articles into an empty database.
    #[arg(long, env = "VESTNIK_NO_DEMO")]
    pub no_demo: bool,

    /// The publication's name.
    #[arg(long, env = "VESTNIK_SITE_NAME", default_value = "Харьковчанин")]
    pub site_name: String,

    /// BCP 47 language tag of the content and UI.
    #[arg(long, env = "VESTNIK_SITE_LOCALE", default_value = "ru", value_parser = check_locale)]
    pub site_locale: String,

    /// IANA time zone in which readers see times.
    #[arg(long, env = "VESTNIK_SITE_TIME_ZONE", default_value = "Europe/Kyiv", value_parser = check_time_zone)]
    pub site_time_zone: String,

    /// The Telegram channel readers are invited to follow.
    #[arg(long, env = "VESTNIK_TELEGRAM_URL", value_parser = check_http_url)]
    pub telegram_url: Option<String>,
}

impl Config {
    /// Settings with every default, as if started without flags or variables.
    pub fn defaults() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database: "sqlite://data/vestnik.db".to_owned(),
            static_dir: None,
            no_demo: false,
            site_name: "Харьковчанин".to_owned(),
            site_locale: "ru".to_owned(),
            site_time_zone: "Europe/Kyiv".to_owned(),
            telegram_url: None,
        }
    }

    /// Checks what clap cannot see when the struct was built by hand (tests, tools).
    pub fn validate(&self) -> Result<(), ServerError> {
        check_time_zone(&self.site_time_zone)?;
        check_locale(&self.site_locale)?;
        if let Some(url) = &self.telegram_url {
            check_http_url(url)?;
        }
        if self.site_name.trim().is_empty() {
            return Err(ServerError::Config(
                "the site name must not be empty".to_owned(),
            ));
        }
        Ok(())
    }

    /// What `GET /api/site` answers.
    pub fn site(&self) -> Site {
        Site {
            name: self.site_name.clone(),
            locale: self.site_locale.clone(),
            time_zone: self.site_time_zone.clone(),
            telegram_url: self.telegram_url.clone(),
            links: Vec::new(),
        }
    }
}

/// Accepts an IANA time zone name that the bundled tz database knows.
pub fn check_time_zone(name: &str) -> Result<String, ServerError> {
    match jiff::tz::TimeZone::get(name) {
        Ok(_) => Ok(name.to_owned()),
        Err(_) => Err(ServerError::Config(format!(
            "unknown time zone {name:?}: expected an IANA name such as Europe/Kyiv or UTC"
        ))),
    }
}

/// Accepts a plausible BCP 47 tag (letters, digits and hyphens, starting with a language).
pub fn check_locale(tag: &str) -> Result<String, ServerError> {
    let mut parts = tag.split('-');
    let language_ok = parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
    let rest_ok =
        parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    if language_ok && rest_ok {
        Ok(tag.to_owned())
    } else {
        Err(ServerError::Config(format!(
            "invalid locale {tag:?}: expected a BCP 47 tag such as ru, uk or en-GB"
        )))
    }
}

/// Accepts an absolute http(s) URL; the SPA puts it in a link.
pub fn check_http_url(url: &str) -> Result<String, ServerError> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !url.chars().any(char::is_whitespace) => {
            Ok(url.to_owned())
        }
        _ => Err(ServerError::Config(format!(
            "invalid URL {url:?}: expected an absolute http:// or https:// URL"
        ))),
    }
}
