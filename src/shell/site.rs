//! The site's settings (`GET /api/site`), shared with every part of the page.

use crate::api::{ApiError, get_json};
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
