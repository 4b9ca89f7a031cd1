//! Pages as HTML, for readers before the Wasm arrives, for readers and
//! crawlers that run none (link previews, search engines), and for static
//! hosting (`vestnik-server render`).
//!
//! The markup is the app's own (decision 25): the app renders an article with
//! its Leptos components, this module writes the same elements, classes and
//! words from the same `vestnik_api` types, strings and formatting rules.
//! `server/tests/api/pages.rs` reads the pages back; an element-by-element
//! comparison with the app's DOM is still to be written.

pub mod article;
pub mod feeds;
pub mod head;
pub mod html;
pub mod news;
pub mod page;
pub mod template;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use vestnik_api::Site;
use vestnik_api::i18n::format::LocalTime;
use vestnik_api::i18n::{Lang, Strings};

/// What every rendered page needs to know besides its own data.
#[derive(Clone, Debug)]
pub struct Context {
    /// The site's settings.
    pub site: Site,
    /// The UI language (from the site's locale).
    pub lang: Lang,
    /// `scheme://host[:port]` of the public site, for canonical and shared addresses.
    pub origin: String,
    /// The site's time zone (UTC when the name is unknown, as in the app).
    pub zone: TimeZone,
    /// When the page is rendered: "today" and "16 hours ago" are decided by it.
    pub now: Timestamp,
}

impl Context {
    /// The context for `site` served at `origin` (no trailing slash), now.
    pub fn new(site: &Site, origin: &str) -> Self {
        Self::at(site, origin, Timestamp::now())
    }

    /// The context at a given moment (tests, and renders of a fixed time).
    pub fn at(site: &Site, origin: &str, now: Timestamp) -> Self {
        Self {
            lang: Lang::from_tag(&site.locale),
            zone: TimeZone::get(&site.time_zone).unwrap_or(TimeZone::UTC),
            site: site.clone(),
            origin: origin.trim_end_matches('/').to_owned(),
            now,
        }
    }

    /// The UI words.
    pub fn strings(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// The absolute address of a path on the site.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    /// An absolute address for a picture: paths on the site get the origin.
    pub fn absolute(&self, src: &str) -> String {
        if src.starts_with('/') {
            self.url(src)
        } else {
            src.to_owned()
        }
    }

    /// The moment as the site's clock shows it.
    pub fn local(&self, at: Timestamp) -> LocalTime {
        let zoned = at.to_zoned_datetime(self.zone.clone());
        LocalTime {
            year: i32::from(zoned.year()),
            month: u8::try_from(zoned.month()).unwrap_or(1),
            day: u8::try_from(zoned.day()).unwrap_or(1),
            hour: u8::try_from(zoned.hour()).unwrap_or(0),
            minute: u8::try_from(zoned.minute()).unwrap_or(0),
        }
    }
}

/// An instant from the API as the page shows it, or `None` when it is not a
/// date (the app leaves such a time out too).
pub fn parse_instant(iso: &str) -> Option<Timestamp> {
    iso.trim().parse::<Timestamp>().ok()
}

/// The instant as `Date.toISOString()` writes it (`2021-04-07T00:47:00.000Z`),
/// for `<time datetime>`: the same attribute the app writes.
pub fn iso_millis(at: Timestamp) -> String {
    at.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// Unix milliseconds, as JavaScript dates count.
pub fn millis(at: Timestamp) -> f64 {
    at.as_millisecond() as f64
}
