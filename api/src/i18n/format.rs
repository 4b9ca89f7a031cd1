//! Numbers and times written the way the browser's `Intl` writes them, for
//! the server's HTML: the app formats with `Intl` itself, and takes over a
//! server-painted page without its words changing only if these agree with
//! it. A browser test (`src/i18n/tests.rs`) holds every function here to
//! `Intl` over a spread of inputs in each language.

use super::Lang;

/// A moment as the site's clock shows it (already in the site's time zone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    /// The year, e.g. 2021.
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
    /// 0 to 23.
    pub hour: u8,
    /// 0 to 59.
    pub minute: u8,
}

impl LocalTime {
    fn same_day(&self, other: &LocalTime) -> bool {
        (self.year, self.month, self.day) == (other.year, other.month, other.day)
    }
}

/// Month names in the form that follows a day ("7 апреля").
fn month_name(month: u8, lang: Lang) -> &'static str {
    const RU: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    const UK: [&str; 12] = [
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = match lang {
        Lang::Ru => &RU,
        Lang::Uk => &UK,
        Lang::En => &EN,
    };
    names
        .get(usize::from(month.clamp(1, 12)) - 1)
        .copied()
        .unwrap_or_default()
}

fn clock(at: &LocalTime) -> String {
    format!("{:02}:{:02}", at.hour, at.minute)
}

/// The date with or without its year, and the time, joined as `Intl` joins them.
fn date_and_time(at: &LocalTime, with_year: bool, lang: Lang) -> String {
    let (day, month, time) = (at.day, month_name(at.month, lang), clock(at));
    let year = at.year;
    match (lang, with_year) {
        (Lang::Ru, false) => format!("{day} {month} в {time}"),
        (Lang::Ru, true) => format!("{day} {month} {year} г. в {time}"),
        (Lang::Uk, false) => format!("{day} {month} о {time}"),
        (Lang::Uk, true) => format!("{day} {month} {year} р. о {time}"),
        (Lang::En, false) => format!("{month} {day} at {time}"),
        (Lang::En, true) => format!("{month} {day}, {year} at {time}"),
    }
}

/// The publication time as the seed page shows it: only "02:47" for today,
/// the date and time for earlier days, with the year when it is not this one.
pub fn published(at: &LocalTime, now: &LocalTime, lang: Lang) -> String {
    if at.same_day(now) {
        clock(at)
    } else {
        date_and_time(at, at.year != now.year, lang)
    }
}

/// The full date and time for a tooltip, as `Intl`'s `dateStyle: "long"`
/// with `timeStyle: "short"` writes it (English on a 12-hour clock).
pub fn full(at: &LocalTime, lang: Lang) -> String {
    match lang {
        Lang::Ru | Lang::Uk => date_and_time(at, true, lang),
        Lang::En => {
            let hour = match at.hour % 12 {
                0 => 12,
                h => h,
            };
            let half = if at.hour < 12 { "AM" } else { "PM" };
            format!(
                "{} {}, {} at {hour}:{:02} {half}",
                month_name(at.month, Lang::En),
                at.day,
                at.year,
                at.minute
            )
        }
    }
}

/// `n` written the language's way: "12 345" (with a no-break space) in
/// Russian and Ukrainian, "12,345" in English.
pub fn count(n: u64, lang: Lang) -> String {
    let separator = match lang {
        Lang::Ru | Lang::Uk => '\u{a0}',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// `n` compactly, as news sites show views ("293", "1,2 тыс.", "3,4 млн"):
/// `Intl.NumberFormat` with compact notation and at most one decimal.
pub fn compact(n: u64, lang: Lang) -> String {
    const STEPS: [(u64, [&str; 3]); 4] = [
        (1_000_000_000_000, ["\u{a0}трлн", "\u{a0}трлн", "T"]),
        (1_000_000_000, ["\u{a0}млрд", "\u{a0}млрд", "B"]),
        (1_000_000, ["\u{a0}млн", "\u{a0}млн", "M"]),
        (1_000, ["\u{a0}тыс.", "\u{a0}тис.", "K"]),
    ];
    let column = match lang {
        Lang::Ru => 0,
        Lang::Uk => 1,
        Lang::En => 2,
    };
    // The largest unit not above `n`, then rounded to tenths of it, half up as
    // `Intl` does; a value that rounds up to a thousand of its unit is
    // written in the next ("1000 тыс." is "1 млн").
    let Some(at) = STEPS.iter().position(|(unit, _)| n >= *unit) else {
        return n.to_string();
    };
    let tenths_of = |unit: u64| round_half_up(u128::from(n) * 10, u128::from(unit));
    let mut at = at;
    let (tenths, suffixes) = loop {
        let Some((unit, suffixes)) = STEPS.get(at) else {
            return n.to_string();
        };
        let tenths = tenths_of(*unit);
        if tenths < 10_000 || at == 0 {
            break (tenths, suffixes);
        }
        at -= 1;
    };
    with_suffix(tenths, lang, suffixes.get(column).copied())
}

/// `numerator / denominator` rounded half away from zero: `Intl.NumberFormat`'s
/// default rounding ("halfExpand").
fn round_half_up(numerator: u128, denominator: u128) -> u128 {
    (numerator + denominator / 2) / denominator
}

fn with_suffix(tenths: u128, lang: Lang, suffix: Option<&str>) -> String {
    let (whole, tenth) = (tenths / 10, tenths % 10);
    let whole = count(u64::try_from(whole).unwrap_or(u64::MAX), lang);
    let point = if lang == Lang::En { '.' } else { ',' };
    let suffix = suffix.unwrap_or_default();
    if tenth == 0 {
        format!("{whole}{suffix}")
    } else {
        format!("{whole}{point}{tenth}{suffix}")
    }
}

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

const MINUTE: f64 = 60.0;
const HOUR: f64 = 60.0 * MINUTE;
const DAY: f64 = 24.0 * HOUR;
const MONTH: f64 = 30.0 * DAY;
const YEAR: f64 = 365.0 * DAY;

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

/// "16 часов назад": how long ago, as `Intl.RelativeTimeFormat` with
/// `numeric: "always"` words it.
pub fn relative(then_ms: f64, now_ms: f64, lang: Lang) -> String {
    let (value, unit) = elapsed(then_ms, now_ms);
    // `elapsed` gives a whole, finite number of at least zero.
    let n = value as u64;
    let forms: [&str; 3] = match (lang, unit) {
        (Lang::Ru, TimeUnit::Second) => ["секунду", "секунды", "секунд"],
        (Lang::Ru, TimeUnit::Minute) => ["минуту", "минуты", "минут"],
        (Lang::Ru, TimeUnit::Hour) => ["час", "часа", "часов"],
        (Lang::Ru, TimeUnit::Day) => ["день", "дня", "дней"],
        (Lang::Ru, TimeUnit::Month) => ["месяц", "месяца", "месяцев"],
        (Lang::Ru, TimeUnit::Year) => ["год", "года", "лет"],
        (Lang::Uk, TimeUnit::Second) => ["секунду", "секунди", "секунд"],
        (Lang::Uk, TimeUnit::Minute) => ["хвилину", "хвилини", "хвилин"],
        (Lang::Uk, TimeUnit::Hour) => ["годину", "години", "годин"],
        (Lang::Uk, TimeUnit::Day) => ["день", "дні", "днів"],
        (Lang::Uk, TimeUnit::Month) => ["місяць", "місяці", "місяців"],
        (Lang::Uk, TimeUnit::Year) => ["рік", "роки", "років"],
        (Lang::En, TimeUnit::Second) => ["second", "seconds", "seconds"],
        (Lang::En, TimeUnit::Minute) => ["minute", "minutes", "minutes"],
        (Lang::En, TimeUnit::Hour) => ["hour", "hours", "hours"],
        (Lang::En, TimeUnit::Day) => ["day", "days", "days"],
        (Lang::En, TimeUnit::Month) => ["month", "months", "months"],
        (Lang::En, TimeUnit::Year) => ["year", "years", "years"],
    };
    let [one, few, many] = forms;
    let word = match super::plural_category(n, lang) {
        "one" => one,
        "few" => few,
        _ => many,
    };
    let number = count(n, lang);
    match lang {
        Lang::Ru => format!("{number} {word} назад"),
        Lang::Uk => format!("{number} {word} тому"),
        Lang::En => format!("{number} {word} ago"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(year: i32, month: u8, day: u8, hour: u8, minute: u8) -> LocalTime {
        LocalTime {
            year,
            month,
            day,
            hour,
            minute,
        }
    }

    #[test]
    fn today_is_the_clock_alone_and_other_days_carry_the_date() {
        let now = at(2026, 11, 25, 9, 0);
        assert_eq!(published(&at(2026, 11, 25, 2, 47), &now, Lang::Ru), "02:47");
        assert_eq!(
            published(&at(2026, 4, 7, 3, 47), &now, Lang::Ru),
            "7 апреля в 03:47"
        );
        assert_eq!(
            published(&at(2021, 4, 7, 3, 47), &now, Lang::En),
            "April 7, 2021 at 03:47"
        );
    }

    #[test]
    fn counts_group_their_digits() {
        assert_eq!(count(293, Lang::Ru), "293");
        assert_eq!(count(12_345, Lang::Ru), "12\u{a0}345");
        assert_eq!(count(1_234_567, Lang::En), "1,234,567");
        assert_eq!(count(u64::MAX, Lang::En), "18,446,744,073,709,551,615");
    }

    #[test]
    fn compact_counts_as_news_sites_show_views() {
        assert_eq!(compact(293, Lang::Ru), "293");
        assert_eq!(compact(1_234, Lang::Ru), "1,2\u{a0}тыс.");
        assert_eq!(compact(1_000, Lang::Uk), "1\u{a0}тис.");
        assert_eq!(compact(3_400_000, Lang::Ru), "3,4\u{a0}млн");
        assert_eq!(compact(999_999, Lang::En), "1M");
        assert_eq!(compact(1_250, Lang::En), "1.3K");
        assert_eq!(compact(u64::MAX, Lang::En), "18,446,744.1T");
    }

    #[test]
    fn relative_times_in_each_language() {
        let now = 1_790_000_000_000.0;
        let ago = |seconds: f64, lang| relative(now - seconds * 1000.0, now, lang);
        assert_eq!(ago(16.0 * HOUR, Lang::Ru), "16 часов назад");
        assert_eq!(ago(DAY, Lang::Ru), "1 день назад");
        assert_eq!(ago(3.0 * DAY, Lang::Uk), "3 дні тому");
        assert_eq!(ago(60.0, Lang::En), "1 minute ago");
        assert_eq!(ago(f64::NAN, Lang::Ru), "0 секунд назад");
    }

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
