//! Word lists: banned words refuse a comment, suspect words hold it for a
//! moderator, in its text and in its author's name.
//!
//! Comments are compared folded, the way a moderator reads them: case does
//! not matter, `ё` is `е` (and Ukrainian `ї`, `є`, `ґ` are `і`, `е`, `г`),
//! Latin letters that look like Cyrillic ones are read as those (`cyka` is
//! `сука`), digits used as letters too (`3` is `з`, `0` is `о`), invisible
//! characters and accents inside a word are dropped, and a letter typed
//! many times counts once. A word matches its Russian and Ukrainian forms:
//! its ending is taken off and any common inflectional ending may follow
//! (`дурак` matches `дурака`, `дураками`); an entry ending in `*` matches
//! every word that starts with it. An entry of several words matches them
//! in a row.

use std::collections::BTreeSet;

/// Inflectional endings of Russian and Ukrainian nouns, adjectives and
/// verbs, folded. Derivational suffixes (`-ка`, `-чик`) are not here: a
/// word list entry names those forms itself.
const ENDINGS: &[&str] = &[
    "а", "я", "о", "е", "ы", "и", "і", "у", "ю", "ь", "й", "ой", "ей", "ом", "ем", "ам", "ям",
    "ах", "ях", "ами", "ями", "ов", "ев", "ив", "ів", "ий", "ый", "ій", "ая", "ое", "ые", "ие",
    "ого", "его", "ому", "ему", "ым", "им", "ых", "их", "ую", "ою", "ею", "ью", "ья", "ье", "ьи",
    "ьев", "ьям", "ьями", "ьях", "ами", "ть", "ти", "ться", "тся", "ся", "сь", "л", "ла", "ло",
    "ли", "лся", "лась", "лись", "ешь", "ет", "ете", "ут", "ют", "ишь", "ит", "ите", "ат", "ят",
    "ну", "нет", "нул", "нула", "нули", "ного", "ному", "ной", "ная", "ное", "ные", "ним",
];

/// The shortest stem left when an entry's ending is taken off.
const MIN_STEM_CHARS: usize = 3;

/// A character as it is compared: lowercase, Cyrillic for a look-alike,
/// `None` for what is dropped inside a word.
fn fold_char(c: char) -> Option<char> {
    let lower = c.to_lowercase().next().unwrap_or(c);
    Some(match lower {
        'ё' | 'є' => 'е',
        'ї' | 'i' | '1' => 'і',
        'ґ' => 'г',
        'a' | '@' => 'а',
        'b' | '6' => 'в',
        'c' => 'с',
        'e' => 'е',
        'h' => 'н',
        'k' => 'к',
        'm' => 'м',
        'o' | '0' => 'о',
        'p' => 'р',
        't' => 'т',
        'x' => 'х',
        'y' => 'у',
        '3' => 'з',
        '4' => 'ч',
        'u' => 'и',
        'r' => 'г',
        'n' => 'п',
        // Zero-width and soft hyphens, accents: inside a word they hide it.
        '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' => return None,
        c if is_combining(c) => return None,
        // Cyrillic 'і' stays; the rest of Cyrillic and Latin is itself.
        c => c,
    })
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{483}'..='\u{489}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// Whether `c` can be part of a word (letters, digits and the symbols that
/// stand in for letters), before folding.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '@' || fold_char(c).is_none()
}

/// A word as written and as compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as it stands in the text.
    pub written: &'a str,
    /// Folded, with repeated letters once.
    pub folded: String,
}

/// The words of `text`, folded.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                push_word(text, from, at, &mut words);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        push_word(text, from, text.len(), &mut words);
    }
    words
}

fn push_word<'a>(text: &'a str, from: usize, to: usize, words: &mut Vec<Token<'a>>) {
    let Some(written) = text.get(from..to) else {
        return;
    };
    let folded = fold_word(written);
    if !folded.is_empty() {
        words.push(Token { written, folded });
    }
}

/// One word folded: each character folded, dropped characters gone, and a
/// run of one letter kept once.
pub fn fold_word(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    let mut last = None;
    for c in word.chars().filter_map(fold_char) {
        if Some(c) != last {
            folded.push(c);
            last = Some(c);
        }
    }
    folded
}

/// One word of an entry, ready to match a token.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Pattern {
    /// `word*`: any word that starts with this.
    Prefix(String),
    /// One of these stems followed by nothing or by one of the [`ENDINGS`].
    Stems(Vec<String>),
}

impl Pattern {
    fn new(word: &str) -> Option<Self> {
        if let Some(prefix) = word.strip_suffix('*') {
            let folded = fold_word(prefix);
            return (!folded.is_empty()).then_some(Self::Prefix(folded));
        }
        let folded = fold_word(word);
        if folded.is_empty() {
            return None;
        }
        Some(Self::Stems(stems(&folded)))
    }

    fn matches(&self, token: &str) -> bool {
        match self {
            Self::Prefix(prefix) => token.starts_with(prefix.as_str()),
            Self::Stems(stems) => stems.iter().any(|stem| {
                token
                    .strip_prefix(stem.as_str())
                    .is_some_and(|rest| rest.is_empty() || folded_endings().contains(rest))
            }),
        }
    }
}

/// The endings folded as words are (a doubled letter once), computed once.
fn folded_endings() -> &'static BTreeSet<String> {
    static ENDINGS_FOLDED: std::sync::OnceLock<BTreeSet<String>> = std::sync::OnceLock::new();
    ENDINGS_FOLDED.get_or_init(|| ENDINGS.iter().map(|e| fold_word(e)).collect())
}

/// The folded word itself and the word without each ending it may carry,
/// while [`MIN_STEM_CHARS`] are left: `герой` is `герой`, `геро` (as in
/// `героя`) and `гер`. A lone consonant (`л` of a past tense) is not taken
/// off a word: `осёл` is not a verb.
fn stems(folded: &str) -> Vec<String> {
    let length = folded.chars().count();
    let mut stems = vec![folded.to_owned()];
    for ending in folded_endings() {
        let ending_chars = ending.chars().count();
        let lone_consonant = ending_chars == 1 && !ending.chars().all(is_vowel_or_sign);
        if lone_consonant || length < ending_chars + MIN_STEM_CHARS {
            continue;
        }
        if let Some(stem) = folded.strip_suffix(ending.as_str()) {
            stems.push(stem.to_owned());
        }
    }
    stems
}

fn is_vowel_or_sign(c: char) -> bool {
    "аеиоуыэюяіьй".contains(c)
}

/// One entry of a list: its words in a row.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    written: String,
    words: Vec<Pattern>,
}

/// A word list compiled for matching.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordList {
    entries: Vec<Entry>,
}

/// Where an entry matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found<'a> {
    /// The entry as the moderator wrote it.
    pub entry: String,
    /// The words of the text that matched, as written.
    pub written: &'a str,
}

impl WordList {
    /// The list of these entries; empty and unreadable entries are left out.
    pub fn new<'e>(entries: impl IntoIterator<Item = &'e str>) -> Self {
        let entries = entries
            .into_iter()
            .filter_map(|written| {
                let words: Option<Vec<Pattern>> =
                    written.split_whitespace().map(Pattern::new).collect();
                let words = words?;
                (!words.is_empty()).then(|| Entry {
                    written: written.trim().to_owned(),
                    words,
                })
            })
            .collect();
        Self { entries }
    }

    /// Whether the list has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The first entry that `text` holds, with the words that matched.
    pub fn find<'a>(&self, text: &'a str) -> Option<Found<'a>> {
        if self.entries.is_empty() {
            return None;
        }
        let tokens = tokens(text);
        for (at, first) in tokens.iter().enumerate() {
            for entry in &self.entries {
                let Some(rest) = tokens.get(at..at + entry.words.len()) else {
                    continue;
                };
                let all = entry
                    .words
                    .iter()
                    .zip(rest)
                    .all(|(pattern, token)| pattern.matches(&token.folded));
                if all {
                    let last = rest.last().unwrap_or(first);
                    let start = first.written.as_ptr() as usize - text.as_ptr() as usize;
                    let end = last.written.as_ptr() as usize - text.as_ptr() as usize
                        + last.written.len();
                    return Some(Found {
                        entry: entry.written.clone(),
                        written: text.get(start..end).unwrap_or(first.written),
                    });
                }
            }
        }
        None
    }
}

/// What a list entry is stored under: its words folded, so `Дурак` and
/// `дурак` are one entry. `None` when nothing of it can match.
pub fn folded_entry(word: &str) -> Option<String> {
    let words: Vec<String> = word
        .split_whitespace()
        .map(|w| {
            let star = if w.ends_with('*') { "*" } else { "" };
            format!("{}{star}", fold_word(w.trim_end_matches('*')))
        })
        .filter(|w| !w.is_empty() && w != "*")
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// A comment's text as repeat-post detection compares it: its words in
/// lowercase, `ё` as `е`, without invisible characters, one space between
/// them. Digits and doubled letters stay: "Комментарий 11" is not
/// "Комментарий 1".
pub fn fingerprint(text: &str) -> String {
    let words: Vec<String> = tokens(text)
        .iter()
        .map(|token| {
            token
                .written
                .chars()
                .filter(|&c| fold_char(c).is_some())
                .flat_map(char::to_lowercase)
                .map(|c| if c == 'ё' { 'е' } else { c })
                .collect()
        })
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(words: &[&str]) -> WordList {
        WordList::new(words.iter().copied())
    }

    fn found(words: &[&str], text: &str) -> Option<String> {
        list(words).find(text).map(|f| f.written.to_owned())
    }

    #[test]
    fn case_yo_and_look_alike_letters_do_not_hide_a_word() {
        let words = ["сука"];
        assert_eq!(found(&words, "Ну ты СУКА!"), Some("СУКА".into()));
        assert_eq!(found(&words, "ну ты cyka"), Some("cyka".into()));
        assert_eq!(found(&words, "ну ты сууука"), Some("сууука".into()));
        assert_eq!(
            found(&words, "ну ты су\u{200b}ка"),
            Some("су\u{200b}ка".into())
        );
        assert_eq!(found(&["ёлка"], "Елки-палки"), Some("Елки".into()));
        assert_eq!(found(&["козёл"], "вот казёл"), None);
        assert_eq!(found(&["козёл"], "вот козел"), Some("козел".into()));
        assert_eq!(found(&["з0мби"], "зомби"), Some("зомби".into()));
    }

    #[test]
    fn word_forms_match_but_other_words_that_start_the_same_do_not() {
        let words = ["дурак", "мразь", "идиотка"];
        for form in [
            "дурака",
            "дураку",
            "дураком",
            "дураки",
            "дураками",
            "дураків",
        ] {
            assert!(found(&words, &format!("он {form}")).is_some(), "{form}");
        }
        assert_eq!(found(&words, "мрази"), Some("мрази".into()));
        assert_eq!(found(&words, "идиотки"), Some("идиотки".into()));
        assert_eq!(found(&words, "дуракоустойчивый"), None);
        assert_eq!(found(&["хер"], "Херсон"), None);
        assert_eq!(found(&["хер"], "хера"), Some("хера".into()));
    }

    #[test]
    fn a_star_matches_every_word_that_starts_with_the_entry() {
        assert_eq!(
            found(&["казино*"], "лучшее КАЗИНОонлайн"),
            Some("КАЗИНОонлайн".into())
        );
        assert_eq!(found(&["казино*"], "каз"), None);
    }

    #[test]
    fn ukrainian_forms_and_letters() {
        assert_eq!(found(&["гівно"], "яке ГIВНО"), Some("ГIВНО".into()));
        assert_eq!(found(&["ґрати"], "за ҐРАТАМИ"), Some("ҐРАТАМИ".into()));
        assert_eq!(found(&["москаль"], "москалів"), Some("москалів".into()));
    }

    #[test]
    fn an_entry_of_several_words_matches_them_in_a_row() {
        let words = ["купить дешево"];
        assert_eq!(
            found(&words, "Здесь можно КУПИТЬ  дёшево!"),
            Some("КУПИТЬ  дёшево".into())
        );
        assert_eq!(found(&words, "купить не дешево"), None);
    }

    #[test]
    fn entries_fold_to_one_key_and_punctuation_is_not_a_letter() {
        assert_eq!(folded_entry(" Дурак "), Some("дурак".into()));
        assert_eq!(folded_entry("КАЗИНО*"), Some("казино*".into()));
        assert_eq!(folded_entry("*"), None);
        assert_eq!(folded_entry("  "), None);
        assert_eq!(found(&["ура"], "Ура!Победа"), Some("Ура".into()));
        assert_eq!(fingerprint("  Привёт,   МИР!! "), fingerprint("привет мир"));
        assert_ne!(fingerprint("Комментарий 11"), fingerprint("Комментарий 1"));
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text and any list: finding never panics, and what it finds is
        /// a piece of the text.
        #[test]
        fn finding_in_any_text_is_safe(entries in prop::collection::vec(any::<String>(), 0..5), text in any::<String>()) {
            let list = WordList::new(entries.iter().map(String::as_str));
            if let Some(found) = list.find(&text) {
                prop_assert!(text.contains(found.written));
            }
            let _ = fingerprint(&text);
        }

        /// Folding is final, and a word written in the text always matches
        /// itself as an entry, whatever its letters.
        #[test]
        fn a_word_matches_itself(word in "[а-яА-ЯёЁіїєґa-zA-Z]{1,12}") {
            let folded = fold_word(&word);
            prop_assert_eq!(fold_word(&folded), folded.clone());
            let list = WordList::new([word.as_str()]);
            let text = format!("— {word}, да");
            prop_assert!(list.find(&text).is_some(), "{} not found in {}", word, text);
            prop_assert!(list.find(&word.to_uppercase()).is_some());
        }
    }
}
