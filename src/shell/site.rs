//! The site's settings (`GET /api/site`), shared with every part of the page.

use crate::api::{ApiError, get_json};
use crate::i18n::{Lang, provide_reader_lang};
use leptos::prelude::*;
use vestnik_api::Site;

/// Fetches the site's settings.
pub async fn fetch_site() -> Result<Site, ApiError> {
    get_json("/site").await
}

/// The settings every part reads; until they arrive, the defaults of the first site.
#[derive(Clone, Copy)]
pub struct SiteSettings(pub Signal<Site>);

impl SiteSettings {
    /// The settings in use when the site's own have not arrived (or failed to).
    pub fn fallback() -> Site {
        Site {
            name: "vestnik".to_owned(),
            locale: "ru".to_owned(),
            time_zone: "Europe/Kyiv".to_owned(),
            telegram_url: None,
            links: Vec::new(),
        }
    }
}

/// The site's settings from context; the fallback when none were provided.
pub fn use_site() -> Signal<Site> {
    use_context::<SiteSettings>()
        .map(|s| s.0)
        .unwrap_or_else(|| Signal::stored(SiteSettings::fallback()))
}

/// Provides the site's settings, from `config.json` or the page when known,
/// else asked of the API (the page works with the defaults meanwhile), and
/// the language shown: the reader's choice, else the site's locale.
pub fn provide_site(known: Option<Site>) -> Signal<Lang> {
    let site = match known {
        Some(site) => Signal::stored(site),
        None => {
            let fetched = LocalResource::new(fetch_site);
            Signal::derive(move || {
                fetched
                    .get()
                    .and_then(Result::ok)
                    .unwrap_or_else(SiteSettings::fallback)
            })
        }
    };
    provide_context(SiteSettings(site));
    provide_reader_lang(site)
}
