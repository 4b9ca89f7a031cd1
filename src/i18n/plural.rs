//! Counted nouns in the right form ("1 комментарий", "3 комментария",
//! "5 комментариев"), with the form chosen by the browser's `Intl.PluralRules`.

use super::{Lang, format_count};
pub use vestnik_api::i18n::PluralForms;

/// The CLDR plural category of `n` in `lang`: "one", "few", "many" or "other".
pub fn plural_category(n: u64, lang: Lang) -> String {
    super::formatters::plural_rules(lang.tag())
        .select(n as f64)
        .into()
}

/// `n` written the language's way, then the noun in the form that goes with it.
pub fn counted(n: u64, lang: Lang, forms: &PluralForms) -> String {
    format!(
        "{} {}",
        format_count(n, lang),
        forms.pick(&plural_category(n, lang))
    )
}
