//! `Intl` formatters, built once per language and options and then reused.
//!
//! Constructing an `Intl` formatter costs the browser about half a
//! millisecond (it loads locale data and resolves the time zone); a page with
//! a thousand comments and a long news list formats thousands of times, so
//! building one per call showed up as long tasks (docs/benchmarks.md).

use super::intl_options;
use js_sys::Intl::{DateTimeFormat, NumberFormat, PluralRules, RelativeTimeFormat};
use js_sys::{Array, Function};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static FORMATTERS: RefCell<HashMap<String, JsValue>> = RefCell::new(HashMap::new());
}

fn cached<T: JsCast>(
    kind: &str,
    locale: &str,
    options: &[(&str, &str)],
    make: impl FnOnce(&Array, &js_sys::Object) -> T,
) -> T {
    let key = format!("{kind}|{locale}|{options:?}");
    if let Some(found) = FORMATTERS.with(|f| f.borrow().get(&key).cloned()) {
        return found.unchecked_into();
    }
    let made = make(&Array::of1(&locale.into()), &intl_options(options));
    FORMATTERS.with(|f| f.borrow_mut().insert(key, made.as_ref().clone()));
    made
}

/// An `Intl.DateTimeFormat` for `locale` with `options`.
pub fn date_time(locale: &str, options: &[(&str, &str)]) -> DateTimeFormat {
    cached("date", locale, options, DateTimeFormat::new)
}

/// An `Intl.NumberFormat` for `locale` with `options`.
pub fn number(locale: &str, options: &[(&str, &str)]) -> NumberFormat {
    cached("number", locale, options, NumberFormat::new)
}

/// The `Intl.PluralRules` of `locale`.
pub fn plural_rules(locale: &str) -> PluralRules {
    cached("plural", locale, &[], PluralRules::new)
}

/// An `Intl.RelativeTimeFormat` for `locale` with `options`.
pub fn relative_time(locale: &str, options: &[(&str, &str)]) -> RelativeTimeFormat {
    cached("relative", locale, options, |l, o| {
        RelativeTimeFormat::new(l, o)
    })
}

/// Calls a formatter's bound `format` function on `value`; `None` if it throws.
pub fn call_format(format: Function, value: &JsValue) -> Option<String> {
    format.call1(&JsValue::UNDEFINED, value).ok()?.as_string()
}
