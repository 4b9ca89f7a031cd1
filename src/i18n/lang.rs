//! Which language the UI speaks, chosen by the site's settings.

use leptos::prelude::*;
pub use vestnik_api::i18n::Lang;

/// Makes `lang` the UI language of everything below.
pub fn provide_lang(lang: Signal<Lang>) {
    provide_context(lang);
}

/// The UI language, Russian when nothing was provided.
pub fn use_lang() -> Signal<Lang> {
    use_context::<Signal<Lang>>().unwrap_or_else(|| Signal::stored(Lang::default()))
}
