//! The UI language: strings in ru, uk and en, and formatting through the
//! browser's `Intl` (dates, numbers), which costs the Wasm build nothing.

pub mod choice;
mod formatters;
mod lang;
pub mod plural;
pub mod relative;
pub mod time;

pub use choice::{LangChoice, provide_reader_lang, use_lang_choice};
pub use lang::{Lang, provide_lang, use_lang};
pub use plural::{PluralForms, counted};
pub use relative::format_relative;
pub use vestnik_api::i18n::Strings;

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// Formats a count the way the language writes numbers ("1 234" in Russian).
pub fn format_count(n: u64, lang: Lang) -> String {
    formatters::call_format(
        formatters::number(lang.tag(), &[]).format(),
        &JsValue::from_f64(n as f64),
    )
    .unwrap_or_else(|| n.to_string())
}

/// Formats a count compactly, as news sites show views: "293", "1,2 тыс.", "3,4 млн".
pub fn format_compact(n: u64, lang: Lang) -> String {
    let format = formatters::number(
        lang.tag(),
        &[("notation", "compact"), ("maximumFractionDigits", "1")],
    );
    formatters::call_format(format.format(), &JsValue::from_f64(n as f64))
        .unwrap_or_else(|| n.to_string())
}

/// An options object for an `Intl` constructor or a `toLocale…String` call.
pub(crate) fn intl_options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        // Setting a plain property on a fresh object cannot fail.
        let _ = Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

#[cfg(test)]
mod tests;
