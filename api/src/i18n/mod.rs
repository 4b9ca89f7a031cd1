//! The UI's words in every language vestnik speaks, shared by the app and the
//! server's HTML renderer so that a page reads the same whichever drew it.
//!
//! Formatting numbers and dates is the browser's `Intl` in the app; the
//! server has its own small implementation of what its pages need
//! ([`PluralForms::for_count`] here, times in the server).

mod en;
pub mod format;
mod ru;
mod strings;
mod uk;

pub use strings::Strings;

/// A UI language vestnik has strings for. Adding one is its file (a copy of
/// `en.rs` translated: its name and every key), a variant here with its
/// arms in [`Lang::from_tag`], [`Lang::tag`], [`Lang::name`],
/// [`Strings::of`] and [`plural_category`], and its place in [`Lang::ALL`].
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
    /// Every language, in the order a language switch offers them.
    pub const ALL: [Lang; 3] = [Lang::Ru, Lang::Uk, Lang::En];

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

    /// The language's name in itself ("Українська").
    pub fn name(self) -> &'static str {
        match self {
            Lang::Ru => ru::NAME,
            Lang::Uk => uk::NAME,
            Lang::En => en::NAME,
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
    use std::path::Path;

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

    /// The Rust sources under `dir`, each read whole.
    fn sources(dir: &Path, found: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }

    /// Whether `code` reads `key` from a `Strings` (`strings().key`,
    /// `strings.key` or `s.key`, the names the app and the server give it).
    fn reads(code: &str, key: &str) -> bool {
        ["strings().", "strings.", "s."].iter().any(|receiver| {
            let wanted = format!("{receiver}{key}");
            code.match_indices(&wanted).any(|(at, _)| {
                let before = code.get(..at).and_then(|s| s.chars().next_back());
                let after = code.get(at + wanted.len()..).and_then(|s| s.chars().next());
                let boundary =
                    |c: Option<char>| !c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                boundary(after) && (receiver.starts_with("strings") || boundary(before))
            })
        })
    }

    #[test]
    fn every_key_is_written_in_every_language_and_read_somewhere() {
        for lang in Lang::ALL {
            for (key, texts) in lang.strings().texts() {
                for text in texts {
                    assert!(!text.trim().is_empty(), "{key} is empty in {}", lang.tag());
                }
            }
        }
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut code = Vec::new();
        for dir in ["src", "server/src"] {
            sources(&root.join(dir), &mut code);
        }
        assert!(
            code.len() > 20,
            "the app's and the server's sources were found"
        );
        let unused: Vec<&str> = Strings::KEYS
            .iter()
            .copied()
            .filter(|key| !code.iter().any(|file| reads(file, key)))
            .collect();
        assert!(unused.is_empty(), "keys no code reads: {unused:?}");
    }
}
