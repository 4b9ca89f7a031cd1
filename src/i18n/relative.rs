//! "16 часов назад": how long ago something happened, as news lists show it,
//! worded by the browser's `Intl.RelativeTimeFormat`.

use super::Lang;

const MINUTE: f64 = 60.0;
const HOUR: f64 = 60.0 * MINUTE;
const DAY: f64 = 24.0 * HOUR;
const MONTH: f64 = 30.0 * DAY;
const YEAR: f64 = 365.0 * DAY;

/// The unit a time ago is worded in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TimeUnit {
    /// Under a minute.
    Second,
    /// Under an hour.
    Minute,
    /// Under a day.
    Hour,
    /// Under 30 days.
    Day,
    /// Under 365 days.
    Month,
    /// A year or more.
    Year,
}

impl TimeUnit {
    /// The unit's name as `Intl.RelativeTimeFormat` takes it.
    pub fn intl_name(self) -> &'static str {
        match self {
            Self::Second => "second",
            Self::Minute => "minute",
            Self::Hour => "hour",
            Self::Day => "day",
            Self::Month => "month",
            Self::Year => "year",
        }
    }
}

/// How long before `now_ms` the instant `then_ms` was (both unix
/// milliseconds), as a whole number of the largest unit that fits.
///
/// The inputs come from dates the network sent: one that is not a number, or
/// not finite, reads as "now" (`Intl` would throw on it), and a time a little
/// in the future (clock skew) reads as "now" too.
pub fn elapsed(then_ms: f64, now_ms: f64) -> (f64, TimeUnit) {
    let seconds = (now_ms - then_ms) / 1000.0;
    let seconds = if seconds.is_finite() {
        seconds.max(0.0)
    } else {
        0.0
    };
    let (value, unit) = if seconds < MINUTE {
        (seconds, TimeUnit::Second)
    } else if seconds < HOUR {
        (seconds / MINUTE, TimeUnit::Minute)
    } else if seconds < DAY {
        (seconds / HOUR, TimeUnit::Hour)
    } else if seconds < MONTH {
        (seconds / DAY, TimeUnit::Day)
    } else if seconds < YEAR {
        (seconds / MONTH, TimeUnit::Month)
    } else {
        (seconds / YEAR, TimeUnit::Year)
    };
    (value.floor(), unit)
}

/// How long before `now_ms` the instant `then_ms` was, in the largest whole
/// unit: "5 минут назад", "16 часов назад", "1 день назад".
///
/// The number is always written as a number ("1 день назад", not "вчера"), as
/// the seed page does.
pub fn format_relative(then_ms: f64, now_ms: f64, lang: Lang) -> String {
    let (value, unit) = elapsed(then_ms, now_ms);
    super::formatters::relative_time(lang.tag(), &[("numeric", "always")])
        .format(-value, unit.intl_name())
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_whole_unit_is_chosen() {
        let now = 1_700_000_000_000.0;
        let ago = |seconds: f64| elapsed(now - seconds * 1000.0, now);
        assert_eq!(ago(0.0), (0.0, TimeUnit::Second));
        assert_eq!(ago(59.9), (59.0, TimeUnit::Second));
        assert_eq!(ago(60.0), (1.0, TimeUnit::Minute));
        assert_eq!(ago(16.0 * HOUR + 5.0), (16.0, TimeUnit::Hour));
        assert_eq!(ago(DAY), (1.0, TimeUnit::Day));
        assert_eq!(ago(45.0 * DAY), (1.0, TimeUnit::Month));
        assert_eq!(ago(800.0 * DAY), (2.0, TimeUnit::Year));
    }

    #[test]
    fn odd_dates_read_as_now() {
        let now = 1_700_000_000_000.0;
        assert_eq!(elapsed(f64::NAN, now), (0.0, TimeUnit::Second));
        assert_eq!(elapsed(now, f64::NAN), (0.0, TimeUnit::Second));
        assert_eq!(elapsed(f64::NEG_INFINITY, now), (0.0, TimeUnit::Second));
        assert_eq!(elapsed(now + 5000.0, now), (0.0, TimeUnit::Second));
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Any number a date could become, and the odd ones it should not.
    fn instant() -> impl Strategy<Value = f64> {
        prop_oneof![
            -8.64e15..8.64e15f64,
            any::<f64>(),
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(f64::NEG_INFINITY),
            Just(f64::MAX),
            Just(f64::MIN),
        ]
    }

    proptest! {
        /// Whatever the dates, the number handed to `Intl` is a finite whole
        /// number of at least zero, small enough for its unit (so the next
        /// unit up was not the right one).
        #[test]
        fn elapsed_is_always_a_whole_count_of_its_unit(then in instant(), now in instant()) {
            let (value, unit) = elapsed(then, now);
            prop_assert!(value.is_finite() && value >= 0.0 && value.fract() == 0.0, "{value}");
            let limit = match unit {
                TimeUnit::Second | TimeUnit::Minute => 60.0,
                TimeUnit::Hour => 24.0,
                TimeUnit::Day => 30.0,
                TimeUnit::Month => 13.0,
                TimeUnit::Year => f64::INFINITY,
            };
            prop_assert!(value < limit, "{value} {unit:?}");
        }

        /// Later instants never read as longer ago.
        #[test]
        fn a_later_instant_is_never_further_back(a in -8.64e15..8.64e15f64, b in -8.64e15..8.64e15f64, now in -8.64e15..8.64e15f64) {
            let (earlier, later) = if a <= b { (a, b) } else { (b, a) };
            let (e_value, e_unit) = elapsed(earlier, now);
            let (l_value, l_unit) = elapsed(later, now);
            prop_assert!((l_unit, l_value) <= (e_unit, e_value), "{earlier} {later} {now}");
        }
    }
}
