//! Property tests of the number and time formatting the server's pages use
//! (`vestnik_api::i18n::format`): whatever the network sent (any count, any
//! date, a time zone conversion gone odd), the words come out and nothing panics.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use proptest::prelude::*;
use vestnik_api::i18n::Lang;
use vestnik_api::i18n::format::{
    LocalTime, TimeUnit, compact, count, elapsed, published, relative,
};

fn lang() -> impl Strategy<Value = Lang> {
    prop_oneof![Just(Lang::Ru), Just(Lang::Uk), Just(Lang::En)]
}

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

fn local_time() -> impl Strategy<Value = LocalTime> {
    (
        any::<i32>(),
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
    )
        .prop_map(|(year, month, day, hour, minute)| LocalTime {
            year,
            month,
            day,
            hour,
            minute,
        })
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

proptest! {
    /// Whatever the dates, the number handed to `Intl` is a finite whole
    /// number of at least zero, small enough for its unit (so the next unit
    /// up was not the right one).
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
    fn a_later_instant_is_never_further_back(
        a in -8.64e15..8.64e15f64,
        b in -8.64e15..8.64e15f64,
        now in -8.64e15..8.64e15f64,
    ) {
        let (earlier, later) = if a <= b { (a, b) } else { (b, a) };
        let (e_value, e_unit) = elapsed(earlier, now);
        let (l_value, l_unit) = elapsed(later, now);
        prop_assert!((l_unit, l_value) <= (e_unit, e_value), "{earlier} {later} {now}");
    }

    /// A count keeps every digit, grouped; its compact form starts with the
    /// count's leading digit or the digit after rounding up.
    #[test]
    fn counts_keep_their_digits(n in any::<u64>(), lang in lang()) {
        prop_assert_eq!(digits(&count(n, lang)), n.to_string());
        let short = compact(n, lang);
        prop_assert!(!short.is_empty() && short.chars().next().is_some_and(|c| c.is_ascii_digit()), "{short}");
        if n < 1000 {
            prop_assert_eq!(short, n.to_string());
        }
    }

    /// Times ago and publication times are always words with a number, for any input.
    #[test]
    fn times_are_always_worded(then in instant(), now in instant(), at in local_time(), today in local_time(), lang in lang()) {
        prop_assert!(relative(then, now, lang).chars().any(|c| c.is_ascii_digit()));
        let text = published(&at, &today, lang);
        prop_assert!(text.contains(':'), "{text}");
    }
}
