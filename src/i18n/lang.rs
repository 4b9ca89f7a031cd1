//! Which language the UI speaks, chosen by the site's settings.

use super::Strings;
use leptos::prelude::*;

/// A UI language vestnik has strings for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Russian, the language of the first site.
    #[default]
    Ru,
    /// Ukrainian.
    Uk,
    /// English.
    En,
}

impl Lang {
    /// The language for a BCP 47 tag such as `ru`, `uk-UA` or `en-GB`; Russian when unknown.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "uk" => Lang::Uk,
            "en" => Lang::En,
            _ => Lang::Ru,
        }
    }

    /// The tag passed to `Intl` and written into `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Uk => "uk",
            Lang::En => "en",
        }
    }

    /// The UI strings of this language.
    pub fn strings(self) -> &'static Strings {
        Strings::of(self)
    }
}

/// Makes `lang` the UI language of everything below.
pub fn provide_lang(lang: Signal<Lang>) {
    provide_context(lang);
}

/// The UI language, Russian when nothing was provided.
pub fn use_lang() -> Signal<Lang> {
    use_context::<Signal<Lang>>().unwrap_or_else(|| Signal::stored(Lang::default()))
}
