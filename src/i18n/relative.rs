//! "16 часов назад": how long ago something happened, as news lists show it,
//! worded by the browser's `Intl.RelativeTimeFormat`.

use super::Lang;
use vestnik_api::i18n::format::elapsed;

/// How long before `now_ms` the instant `then_ms` was, in the largest whole
/// unit: "5 минут назад", "16 часов назад", "1 день назад".
///
/// The number is always written as a number ("1 день назад", not "вчера"), as
/// the seed page does. The unit is chosen by `vestnik_api`'s `elapsed`, the
/// rule the server's pages use too.
pub fn format_relative(then_ms: f64, now_ms: f64, lang: Lang) -> String {
    let (value, unit) = elapsed(then_ms, now_ms);
    super::formatters::relative_time(lang.tag(), &[("numeric", "always")])
        .format(-value, unit.intl_name())
        .into()
}
