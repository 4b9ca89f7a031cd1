//! The reader's own choice of language, kept in localStorage: it wins over
//! the site's configured locale, and every string follows it at once.

use super::Lang;
use leptos::prelude::*;
use vestnik_api::Site;

const KEY: &str = "vestnik.lang";

/// The language a stored value names; `None` for nothing, or for anything
/// but a tag this build speaks (an old or hand-edited value is ignored).
pub fn parse_choice(stored: Option<&str>) -> Option<Lang> {
    let stored = stored?.trim();
    Lang::ALL.into_iter().find(|lang| lang.tag() == stored)
}

/// The language shown: the reader's choice, else the site's locale.
pub fn shown_lang(choice: Option<Lang>, site_locale: &str) -> Lang {
    choice.unwrap_or_else(|| Lang::from_tag(site_locale))
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The choice kept from an earlier visit.
pub fn load_choice() -> Option<Lang> {
    parse_choice(
        storage()
            .and_then(|s| s.get_item(KEY).ok().flatten())
            .as_deref(),
    )
}

/// The reader's choice, shared by the switch and everything that speaks.
#[derive(Clone, Copy)]
pub struct LangChoice(RwSignal<Option<Lang>>);

impl LangChoice {
    /// The choice as it stands.
    pub fn get(self) -> Option<Lang> {
        self.0.get()
    }

    /// Makes `lang` the reader's language, here and on later visits.
    pub fn choose(self, lang: Lang) {
        // A full or refused storage only means the choice lasts this page.
        if let Some(storage) = storage() {
            let _ = storage.set_item(KEY, lang.tag());
        }
        self.0.set(Some(lang));
    }
}

/// Provides the reader's choice (from storage) and the language shown below,
/// which follows it, else the locale of `site`; answers the language shown.
pub fn provide_reader_lang(site: Signal<Site>) -> Signal<Lang> {
    let choice = use_lang_choice();
    let lang = Signal::derive(move || shown_lang(choice.get(), &site.read().locale));
    super::provide_lang(lang);
    lang
}

/// The reader's choice; kept in the context from the first call on (the
/// islands and the app they hand over to share one).
pub fn use_lang_choice() -> LangChoice {
    use_context::<LangChoice>().unwrap_or_else(|| {
        let choice = LangChoice(RwSignal::new(load_choice()));
        provide_context(choice);
        choice
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_kept_choice_wins_over_the_sites_locale() {
        assert_eq!(shown_lang(parse_choice(Some("uk")), "ru-RU"), Lang::Uk);
        assert_eq!(shown_lang(parse_choice(Some("en")), "uk"), Lang::En);
        assert_eq!(shown_lang(None, "uk-UA"), Lang::Uk);
        assert_eq!(shown_lang(parse_choice(Some("de")), "uk"), Lang::Uk);
        assert_eq!(shown_lang(parse_choice(Some("")), "en"), Lang::En);
    }

    #[test]
    fn every_language_is_kept_as_its_tag() {
        for lang in Lang::ALL {
            assert_eq!(parse_choice(Some(lang.tag())), Some(lang));
        }
    }

    proptest! {
        /// Whatever storage holds, the page gets a language or none, never a panic.
        #[test]
        fn any_stored_text_is_a_language_or_nothing(text in any::<String>()) {
            let lang = parse_choice(Some(&text));
            if let Some(lang) = lang {
                prop_assert_eq!(lang.tag(), text.trim());
            }
        }
    }
}
