//! "16 часов назад": how long ago something happened, as news lists show it,
//! worded by the browser's `Intl.RelativeTimeFormat`.

use super::Lang;

const MINUTE: f64 = 60.0;
const HOUR: f64 = 60.0 * MINUTE;
const DAY: f64 = 24.0 * HOUR;
const MONTH: f64 = 30.0 * DAY;
const YEAR: f64 = 365.0 * DAY;

/// How long before `now_ms` the instant `then_ms` was (both unix milliseconds),
/// in the largest whole unit: "5 минут назад", "16 часов назад", "1 день назад".
///
/// The number is always written as a number ("1 день назад", not "вчера"), as
/// the seed page does; a time a little in the future (clock skew) reads as "now".
pub fn format_relative(then_ms: f64, now_ms: f64, lang: Lang) -> String {
    let seconds = ((now_ms - then_ms) / 1000.0).max(0.0);
    let (value, unit) = if seconds < MINUTE {
        (seconds, "second")
    } else if seconds < HOUR {
        (seconds / MINUTE, "minute")
    } else if seconds < DAY {
        (seconds / HOUR, "hour")
    } else if seconds < MONTH {
        (seconds / DAY, "day")
    } else if seconds < YEAR {
        (seconds / MONTH, "month")
    } else {
        (seconds / YEAR, "year")
    };
    super::formatters::relative_time(lang.tag(), &[("numeric", "always")])
        .format(-value.floor(), unit)
        .into()
}
