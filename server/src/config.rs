//! Command-line and environment settings.

use crate::alerts::{AlertSettings, telegram::TelegramChat, webhook::Webhook};
use crate::client_addr::ProxyNet;
use crate::error::ServerError;
use crate::moderation::settings::SiteModeration;
use crate::validate::check_http_url;
use clap::Parser;
use std::net::SocketAddr;
use std::path::PathBuf;
use vestnik_api::ModerationMode;
use vestnik_api::{Site, links};

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

    /// `sqlite://PATH` (one machine; the folder and the file are created when missing) or `postgres://USER@HOST:PORT/DATABASE` (replicas share it; the database is created when missing).
    #[arg(
        long,
        env = "VESTNIK_DATABASE",
        default_value = "sqlite://data/vestnik.db",
        global = true
    )]
    pub database: String,

    /// Serve the built SPA from this folder; unknown non-API paths get its index.html.
    #[arg(long, env = "VESTNIK_STATIC_DIR")]
    pub static_dir: Option<PathBuf>,

    /// The public address of the site (e.g. https://news.example.org), for
    /// canonical links, link previews, the sitemaps and the feed; without it
    /// each request's Host header is used, which only a trusted proxy makes safe.
    #[arg(long, env = "VESTNIK_SITE_URL", value_parser = check_site_url, global = true)]
    pub site_url: Option<String>,

    /// Do not seed the demo articles into an empty database.
    #[arg(long, env = "VESTNIK_NO_DEMO")]
    pub no_demo: bool,

    /// How many made-up news items the demo adds to the fixture's ten (0 to 100000).
    #[arg(long, env = "VESTNIK_DEMO_NEWS", default_value_t = crate::seed::GENERATED_COUNT,
          value_parser = clap::value_parser!(u32).range(0..=100_000))]
    pub demo_news: u32,

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

    /// Bearer token that allows `DELETE /api/comments/{id}` (at least 16 characters,
    /// no spaces); without one, moderation is disabled.
    // Checked in `validate`, not by clap: clap's error would echo the value.
    #[arg(long, env = "VESTNIK_MODERATOR_TOKEN", hide_env_values = true, value_parser = accept_moderator_token)]
    pub moderator_token: Option<ModeratorToken>,

    /// Comments one IP address may post at once before the rate limit applies (1 to 1000000).
    #[arg(long, env = "VESTNIK_COMMENT_BURST", default_value_t = DEFAULT_COMMENT_BURST, value_parser = check_comment_burst)]
    pub comment_burst: u32,

    /// After the burst, one more comment per this many seconds per IP address (1 to 86400).
    #[arg(long, env = "VESTNIK_COMMENT_PER_SECONDS", default_value_t = DEFAULT_COMMENT_PER_SECONDS, value_parser = check_comment_per_seconds)]
    pub comment_per_seconds: u64,

    /// Seconds between keep-alive comments on an idle comment stream (1 to 3600).
    #[arg(long, env = "VESTNIK_STREAM_KEEP_ALIVE", default_value_t = DEFAULT_KEEP_ALIVE_SECONDS, value_parser = check_keep_alive)]
    pub stream_keep_alive: u64,

    /// Seconds between SIGTERM and closing the listener (0 to 300): readiness
    /// answers 503 and event streams move to other replicas at once, while
    /// other requests are still served until the load balancer has noticed.
    #[arg(long, env = "VESTNIK_DRAIN_SECONDS", default_value_t = 0, value_parser = check_drain_seconds)]
    pub drain_seconds: u64,

    /// An origin whose pages may call the API from readers' browsers, as
    /// scheme://host[:port] (e.g. https://news.example.org); repeat the flag,
    /// or separate origins with commas in the variable. Without one the server
    /// sends no CORS headers: only pages it serves itself can call the API.
    #[arg(
        long = "cors-origin",
        value_name = "ORIGIN",
        env = "VESTNIK_CORS_ORIGINS",
        value_delimiter = ',',
        value_parser = check_cors_origin
    )]
    pub cors_origins: Vec<CorsOrigin>,

    /// A proxy (an address or a network, e.g. 127.0.0.1 or 10.0.0.0/8) whose
    /// X-Forwarded-For is believed: readers' addresses (rate limits, bans by
    /// network, the proof of work's price) are then read through it. Repeat
    /// the flag, or separate them with commas in the variable.
    #[arg(long = "trusted-proxy", value_name = "ADDR", env = "VESTNIK_TRUSTED_PROXIES",
          value_delimiter = ',', value_parser = check_trusted_proxy)]
    pub trusted_proxies: Vec<ProxyNet>,

    /// Which comments wait for a moderator: post (none: moderators act
    /// afterwards), pre (every comment), new (commenters with fewer than
    /// --trusted-after approved comments), links (comments with a link).
    /// Each article can be set otherwise from the desk.
    #[arg(long, env = "VESTNIK_MODERATION_MODE", default_value = "post", value_parser = check_moderation_mode)]
    pub moderation_mode: ModerationMode,

    /// Approved comments after which a commenter (a reader key and a name) is
    /// no longer new, under --moderation-mode new (1 to 1000).
    #[arg(long, env = "VESTNIK_TRUSTED_AFTER", default_value_t = 2,
          value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub trusted_after: u32,

    /// Readers' reports that send a published comment back to the queue (1 to 1000).
    #[arg(long, env = "VESTNIK_REPORT_THRESHOLD", default_value_t = 3,
          value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub report_threshold: u32,

    /// Articles close for comments this many days after publication (0: never; up to 3650).
    #[arg(long, env = "VESTNIK_CLOSE_AFTER_DAYS", default_value_t = 0,
          value_parser = clap::value_parser!(u32).range(0..=3650))]
    pub close_after_days: u32,

    /// The most links one comment may hold (0 to 50).
    #[arg(long, env = "VESTNIK_MAX_LINKS", default_value_t = 3,
          value_parser = clap::value_parser!(u32).range(0..=50))]
    pub max_links: u32,

    /// Whether a post needs a solved proof-of-work challenge (on, off): the
    /// app solves one while the reader types; benchmarks and trusted
    /// integrations post through the plain API with off.
    #[arg(long, env = "VESTNIK_PROOF_OF_WORK", default_value = "on", value_parser = check_on_off,
          action = clap::ArgAction::Set)]
    pub proof_of_work: bool,

    /// The work a challenge takes when a reader does not post fast: its
    /// secret number is at most this (1000 to 100000000); it doubles for
    /// each recent post beyond two, up to 64 times.
    #[arg(long, env = "VESTNIK_PROOF_OF_WORK_BASE", default_value_t = crate::spam::proof_of_work::DEFAULT_BASE,
          value_parser = clap::value_parser!(u64).range(1000..=100_000_000))]
    pub proof_of_work_base: u64,

    /// An address moderators' alerts are POSTed to as signed JSON
    /// (needs --alert-webhook-secret).
    #[arg(long, env = "VESTNIK_ALERT_WEBHOOK", value_parser = check_http_url)]
    pub alert_webhook: Option<String>,

    /// The secret the webhook's body is signed with (at least 16 characters).
    #[arg(long, env = "VESTNIK_ALERT_WEBHOOK_SECRET", hide_env_values = true)]
    pub alert_webhook_secret: Option<String>,

    /// A Telegram bot's token: alerts go to --telegram-chat-id through it.
    #[arg(long, env = "VESTNIK_TELEGRAM_BOT_TOKEN", hide_env_values = true)]
    pub telegram_bot_token: Option<String>,

    /// The Telegram chat (an id such as -1001234567890, or @channel) alerts go to.
    #[arg(long, env = "VESTNIK_TELEGRAM_CHAT_ID")]
    pub telegram_chat_id: Option<String>,

    /// The Telegram Bot API's address (a local Bot API server, or a test's stand-in).
    #[arg(long, env = "VESTNIK_TELEGRAM_API_URL", default_value = crate::alerts::telegram::DEFAULT_API_URL, value_parser = check_http_url)]
    pub telegram_api_url: String,

    /// Seconds alerts are collected before one message goes out (1 to 3600).
    #[arg(long, env = "VESTNIK_ALERT_BATCH_SECONDS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub alert_batch_seconds: u64,
}

/// Default of `--comment-burst`.
pub const DEFAULT_COMMENT_BURST: u32 = 5;
/// Default of `--comment-per-seconds`.
pub const DEFAULT_COMMENT_PER_SECONDS: u64 = 10;
/// Default of `--stream-keep-alive`.
pub const DEFAULT_KEEP_ALIVE_SECONDS: u64 = 15;

/// The moderator's bearer token. Its `Debug` hides it, so it never reaches a log.
#[derive(Clone)]
pub struct ModeratorToken(String);

impl ModeratorToken {
    /// Whether `candidate` is the token, compared in constant time so the time
    /// an answer takes does not tell how much of a guess was right.
    pub fn matches(&self, candidate: &str) -> bool {
        use subtle::ConstantTimeEq;
        // Lengths differ: slices' ct_eq answers at once; that reveals only the length.
        bool::from(self.0.as_bytes().ct_eq(candidate.as_bytes()))
    }
}

impl std::fmt::Debug for ModeratorToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ModeratorToken(<hidden>)")
    }
}

/// Accepts a moderator token of at least 16 visible ASCII characters; the
/// error does not repeat the token.
pub fn check_moderator_token(token: &str) -> Result<ModeratorToken, ServerError> {
    if token.len() >= 16 && token.bytes().all(|b| b.is_ascii_graphic()) {
        Ok(ModeratorToken(token.to_owned()))
    } else {
        Err(ServerError::Config(
            "invalid moderator token: expected at least 16 visible ASCII characters, no spaces \
             (e.g. the output of `openssl rand -hex 24`)"
                .to_owned(),
        ))
    }
}

/// clap's parser for the token: takes it as given, for [`Config::validate`] to check.
fn accept_moderator_token(token: &str) -> Result<ModeratorToken, std::convert::Infallible> {
    Ok(ModeratorToken(token.to_owned()))
}

/// A web origin allowed to call the API across sites, in the exact form a
/// browser sends in `Origin`: lowercase `scheme://host`, plus `:port` unless it is
/// the scheme's default. Only [`check_cors_origin`] makes one.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CorsOrigin(String);

impl CorsOrigin {
    /// The origin, e.g. `https://news.example.org` or `http://127.0.0.1:8081`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for CorsOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Accepts an origin `http(s)://host[:port]` for `--cors-origin`: no path, query or
/// trailing slash, no user name, and never `*`.
///
/// The scheme and host are lowercased and a default port (`:80` for http, `:443`
/// for https) is dropped, because the `Origin` header a browser sends is compared
/// byte for byte and never carries either.
pub fn check_cors_origin(text: &str) -> Result<CorsOrigin, ServerError> {
    let value = text.trim();
    let bad = |why: &str| {
        ServerError::Config(format!(
            "invalid CORS origin {text:?}: {why}; expected scheme://host[:port] \
             such as https://news.example.org or http://127.0.0.1:8081"
        ))
    };
    if value == "*" {
        return Err(ServerError::Config(
            "invalid CORS origin \"*\": a wildcard is refused on purpose. The API uses no \
             cookies, so \"*\" would work, but it would let any page on the web call the API \
             from its readers' browsers; list each front-end's origin instead, e.g. \
             --cors-origin https://news.example.org (repeat the flag, or separate origins \
             with commas in VESTNIK_CORS_ORIGINS)"
                .to_owned(),
        ));
    }
    if value.is_empty() {
        return Err(bad("it is empty (a stray comma?)"));
    }
    let url = links::http_url(value).map_err(|problem| bad(&problem.to_string()))?;
    match url.rest {
        "" => {}
        "/" => {
            return Err(bad(
                "remove the trailing slash: an origin ends with the host or port",
            ));
        }
        _ => return Err(bad("an origin has no path, query or fragment")),
    }
    if !url.host.is_ascii() {
        // Browsers send the punycode form, so a Unicode name would never match.
        return Err(bad(
            "write an internationalised domain name in its xn-- (punycode) form",
        ));
    }
    Ok(CorsOrigin(url.origin()))
}

/// Accepts a burst size of 1 to 1,000,000 (there is no "unlimited": use a big burst).
pub fn check_comment_burst(text: &str) -> Result<u32, ServerError> {
    match text.trim().parse::<u32>() {
        Ok(n) if (1..=1_000_000).contains(&n) => Ok(n),
        _ => Err(ServerError::Config(format!(
            "invalid comment burst {text:?}: expected a whole number from 1 to 1000000 \
             (0 would refuse every comment; for benchmarks use a large burst such as 100000)"
        ))),
    }
}

/// Accepts a replenish period of 1 to 86,400 seconds.
pub fn check_comment_per_seconds(text: &str) -> Result<u64, ServerError> {
    match text.trim().parse::<u64>() {
        Ok(n) if (1..=86_400).contains(&n) => Ok(n),
        _ => Err(ServerError::Config(format!(
            "invalid comment period {text:?}: expected whole seconds from 1 to 86400"
        ))),
    }
}

/// Accepts a keep-alive interval of 1 to 3600 seconds.
pub fn check_keep_alive(text: &str) -> Result<u64, ServerError> {
    match text.trim().parse::<u64>() {
        Ok(n) if (1..=3600).contains(&n) => Ok(n),
        _ => Err(ServerError::Config(format!(
            "invalid stream keep-alive {text:?}: expected whole seconds from 1 to 3600"
        ))),
    }
}

/// Accepts a drain of 0 to 300 seconds.
pub fn check_drain_seconds(text: &str) -> Result<u64, ServerError> {
    match text.trim().parse::<u64>() {
        Ok(n) if n <= 300 => Ok(n),
        _ => Err(ServerError::Config(format!(
            "invalid drain {text:?}: expected whole seconds from 0 to 300"
        ))),
    }
}

impl Config {
    /// Settings with every default, as if started without flags or variables.
    pub fn defaults() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database: "sqlite://data/vestnik.db".to_owned(),
            static_dir: None,
            site_url: None,
            no_demo: false,
            demo_news: crate::seed::GENERATED_COUNT,
            site_name: "Харьковчанин".to_owned(),
            site_locale: "ru".to_owned(),
            site_time_zone: "Europe/Kyiv".to_owned(),
            telegram_url: None,
            moderator_token: None,
            comment_burst: DEFAULT_COMMENT_BURST,
            comment_per_seconds: DEFAULT_COMMENT_PER_SECONDS,
            stream_keep_alive: DEFAULT_KEEP_ALIVE_SECONDS,
            drain_seconds: 0,
            cors_origins: Vec::new(),
            trusted_proxies: Vec::new(),
            moderation_mode: ModerationMode::Post,
            trusted_after: 2,
            report_threshold: 3,
            close_after_days: 0,
            max_links: 3,
            proof_of_work: true,
            proof_of_work_base: crate::spam::proof_of_work::DEFAULT_BASE,
            alert_webhook: None,
            alert_webhook_secret: None,
            telegram_bot_token: None,
            telegram_chat_id: None,
            telegram_api_url: crate::alerts::telegram::DEFAULT_API_URL.to_owned(),
            alert_batch_seconds: 30,
        }
    }

    /// Checks what clap cannot see when the struct was built by hand (tests, tools).
    pub fn validate(&self) -> Result<(), ServerError> {
        check_time_zone(&self.site_time_zone)?;
        check_locale(&self.site_locale)?;
        if let Some(url) = &self.telegram_url {
            check_http_url(url)?;
        }
        if let Some(token) = &self.moderator_token {
            check_moderator_token(&token.0)?;
        }
        check_comment_burst(&self.comment_burst.to_string())?;
        check_comment_per_seconds(&self.comment_per_seconds.to_string())?;
        check_keep_alive(&self.stream_keep_alive.to_string())?;
        check_drain_seconds(&self.drain_seconds.to_string())?;
        // The CORS origins need no check here: a `CorsOrigin` only comes from
        // `check_cors_origin`.
        self.alert_settings()?;
        if self.site_name.trim().is_empty() {
            return Err(ServerError::Config(
                "the site name must not be empty".to_owned(),
            ));
        }
        Ok(())
    }

    /// The per-IP limit on posting comments these settings ask for.
    pub fn comment_rate_limit(&self) -> crate::rate_limit::RateLimit {
        crate::rate_limit::RateLimit {
            burst: self.comment_burst,
            period: std::time::Duration::from_secs(self.comment_per_seconds),
        }
    }

    /// The site's moderation settings these flags ask for.
    pub fn moderation(&self) -> SiteModeration {
        SiteModeration {
            mode: self.moderation_mode,
            trusted_after: self.trusted_after,
            report_threshold: self.report_threshold,
            close_after_days: self.close_after_days,
            max_links: self.max_links,
            proof_of_work: self.proof_of_work,
            proof_of_work_base: self.proof_of_work_base,
        }
    }

    /// Where moderators' alerts go; an error names a destination set by half.
    pub fn alert_settings(&self) -> Result<AlertSettings, ServerError> {
        let webhook = match (&self.alert_webhook, &self.alert_webhook_secret) {
            (Some(url), Some(secret)) if secret.chars().count() >= 16 => Some(Webhook {
                url: url.clone(),
                secret: secret.clone(),
            }),
            (Some(_), Some(_)) => {
                return Err(ServerError::Config(
                    "the alert webhook's secret is too short: use at least 16 characters                      (e.g. the output of `openssl rand -hex 24`)"
                        .to_owned(),
                ));
            }
            (Some(_), None) => {
                return Err(ServerError::Config(
                    "--alert-webhook needs --alert-webhook-secret: the receiver checks each                      alert's signature with it"
                        .to_owned(),
                ));
            }
            (None, Some(_)) => {
                return Err(ServerError::Config(
                    "--alert-webhook-secret is set without --alert-webhook".to_owned(),
                ));
            }
            (None, None) => None,
        };
        let telegram = match (&self.telegram_bot_token, &self.telegram_chat_id) {
            (Some(token), Some(chat)) if !token.trim().is_empty() && !chat.trim().is_empty() => {
                Some(TelegramChat {
                    api_url: self.telegram_api_url.trim_end_matches('/').to_owned(),
                    token: token.trim().to_owned(),
                    chat_id: chat.trim().to_owned(),
                })
            }
            (None, None) => None,
            _ => {
                return Err(ServerError::Config(
                    "Telegram alerts need both --telegram-bot-token and --telegram-chat-id"
                        .to_owned(),
                ));
            }
        };
        Ok(AlertSettings {
            webhook,
            telegram,
            batch: std::time::Duration::from_secs(self.alert_batch_seconds),
            desk_url: self
                .site_url
                .as_ref()
                .map(|site| format!("{site}{}", vestnik_api::paths::DESK)),
            lang: vestnik_api::i18n::Lang::from_tag(&self.site_locale),
        })
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

/// Accepts a moderation mode: post, pre, new or links.
pub fn check_moderation_mode(text: &str) -> Result<ModerationMode, ServerError> {
    ModerationMode::parse(text.trim()).ok_or_else(|| {
        ServerError::Config(format!(
            "invalid moderation mode {text:?}: expected post, pre, new or links"
        ))
    })
}

/// Accepts on or off.
pub fn check_on_off(text: &str) -> Result<bool, ServerError> {
    match text.trim() {
        "on" => Ok(true),
        "off" => Ok(false),
        _ => Err(ServerError::Config(format!(
            "invalid value {text:?}: expected on or off"
        ))),
    }
}

/// Accepts a trusted proxy: an IP address or a network in CIDR form.
pub fn check_trusted_proxy(text: &str) -> Result<ProxyNet, ServerError> {
    ProxyNet::parse(text)
        .map_err(|why| ServerError::Config(format!("invalid trusted proxy: {why}")))
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

/// Accepts the site's public origin: `http(s)://host[:port]`, an ASCII host,
/// nothing after it but an optional `/`; it is written without the slash.
pub fn check_site_url(url: &str) -> Result<String, ServerError> {
    let bad = |why: String| {
        ServerError::Config(format!(
            "invalid site URL {url:?}: {why}; expected the site's origin such as \
             https://news.example.org"
        ))
    };
    let read = links::http_url(url.trim()).map_err(|problem| bad(problem.to_string()))?;
    if !matches!(read.rest, "" | "/") {
        return Err(bad(
            "the site is served at the root: no path, query or fragment".to_owned(),
        ));
    }
    if !read.host.is_ascii() {
        return Err(bad(
            "write an internationalised domain name in its xn-- (punycode) form".to_owned(),
        ));
    }
    Ok(read.origin())
}
