//! The UI's words in every language vestnik speaks, shared by the app and the
//! server's HTML renderer so that a page reads the same whichever drew it.
//!
//! Formatting numbers and dates is the browser's `Intl` in the app; the
//! server has its own small implementation of what its pages need
//! ([`PluralForms::for_count`] here, times in the server).

pub mod format;
mod strings;

pub use strings::Strings;

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

/// The CLDR plural category of a whole number `n` in `lang`, as
/// `Intl.PluralRules` gives it: Russian and Ukrainian use one (1, 21, 31…),
/// few (2–4, 22–24…) and many (0, 5–20, 25–30…); English one and other.
pub fn plural_category(n: u64, lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            if n == 1 {
                "one"
            } else {
                "other"
            }
        }
        Lang::Ru | Lang::Uk => {
            let (last, last_two) = (n % 10, n % 100);
            if last == 1 && last_two != 11 {
                "one"
            } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
                "few"
            } else {
                "many"
            }
        }
    }
}

impl PluralForms {
    /// The form that goes with the whole number `n` in `lang`.
    pub fn for_count(&self, n: u64, lang: Lang) -> &'static str {
        self.pick(plural_category(n, lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_nouns_take_the_cldr_form() {
        let forms = &Lang::Ru.strings().comments;
        let ru = |n| forms.for_count(n, Lang::Ru);
        assert_eq!(
            [0, 1, 2, 5, 11, 12, 21, 22, 25, 101, 111, 1_000_001].map(ru),
            [
                "комментариев",
                "комментарий",
                "комментария",
                "комментариев",
                "комментариев",
                "комментариев",
                "комментарий",
                "комментария",
                "комментариев",
                "комментарий",
                "комментариев",
                "комментарий",
            ]
        );
        assert_eq!(
            Lang::En.strings().comments.for_count(1, Lang::En),
            "comment"
        );
        assert_eq!(
            Lang::En.strings().comments.for_count(0, Lang::En),
            "comments"
        );
    }

    #[test]
    fn tags_pick_the_language() {
        assert_eq!(Lang::from_tag("uk-UA"), Lang::Uk);
        assert_eq!(Lang::from_tag("EN_gb"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::Ru);
    }
}
