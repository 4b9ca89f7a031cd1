//! Counted nouns in the right form ("1 комментарий", "3 комментария",
//! "5 комментариев"), with the form chosen by the browser's `Intl.PluralRules`.

use super::{Lang, format_count};

/// The forms of a counted noun, one per CLDR plural category a language uses.
/// English uses `one` and `other`; Russian and Ukrainian also `few` and `many`.
#[derive(Debug)]
pub struct PluralForms {
    /// 1, 21, 31… in Russian; 1 in English.
    pub one: &'static str,
    /// 2–4, 22–24… in Russian and Ukrainian.
    pub few: &'static str,
    /// 0, 5–20, 25–30… in Russian and Ukrainian.
    pub many: &'static str,
    /// Fractions, and every other count in English.
    pub other: &'static str,
}

impl PluralForms {
    /// The form for the category `Intl.PluralRules` gave.
    pub fn pick(&self, category: &str) -> &'static str {
        match category {
            "one" => self.one,
            "few" => self.few,
            "many" => self.many,
            _ => self.other,
        }
    }
}

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
