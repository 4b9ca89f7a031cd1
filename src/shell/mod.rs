//! What surrounds every page: the site's settings, header and footer, and the
//! page-level states (loading, not found, error) that any part can show.

pub mod clock;
pub mod config_error;
pub mod error_panel;
pub mod footer;
pub mod head;
pub mod header;
pub mod language_switch;
pub mod loading;
pub mod not_found;
pub mod panic_banner;
pub mod relative_time;
pub mod site;

pub use config_error::ConfigErrorPage;
pub use error_panel::ErrorPanel;
pub use footer::SiteFooter;
pub use header::SiteHeader;
pub use language_switch::LanguageSwitch;
pub use loading::Loading;
pub use not_found::NotFound;
pub use relative_time::RelativeTime;

#[cfg(test)]
mod tests;
