//! Browser tests: wasm-bindgen-test in headless Chromium (they need a DOM
//! and the browser's Intl), so built for wasm32 only.
#![cfg(target_arch = "wasm32")]

use super::time::*;
use super::*;
use wasm_bindgen_test::wasm_bindgen_test;

fn at(iso: &str) -> js_sys::Date {
    parse_instant(iso).unwrap_or_else(|| panic!("{iso} parses"))
}

#[wasm_bindgen_test]
fn todays_article_shows_only_the_kyiv_clock_time() {
    // 00:47 UTC in November is 02:47 in Kyiv (UTC+2), as on the seed page.
    let published = at("2026-11-25T00:47:00Z");
    let now = at("2026-11-25T09:00:00Z");
    assert_eq!(
        format_published(&published, &now, Lang::Ru, "Europe/Kyiv"),
        "02:47"
    );
}

#[wasm_bindgen_test]
fn the_day_is_the_kyiv_day_not_the_utc_day() {
    // 22:30 UTC on the 24th is already 00:30 on the 25th in Kyiv: still "today".
    let published = at("2026-11-24T22:30:00Z");
    let now = at("2026-11-25T09:00:00Z");
    assert_eq!(
        format_published(&published, &now, Lang::Ru, "Europe/Kyiv"),
        "00:30"
    );
}

#[wasm_bindgen_test]
fn an_earlier_day_shows_date_and_time_and_the_year_only_when_it_differs() {
    let now = at("2026-11-25T09:00:00Z");
    assert_eq!(
        format_published(&at("2026-04-07T00:47:00Z"), &now, Lang::Ru, "Europe/Kyiv"),
        "7 апреля в 03:47"
    );
    assert_eq!(
        format_published(&at("2021-04-07T00:47:00Z"), &now, Lang::En, "Europe/Kyiv"),
        "April 7, 2021 at 03:47"
    );
}

#[wasm_bindgen_test]
fn an_unknown_time_zone_falls_back_to_utc_instead_of_throwing() {
    assert_eq!(checked_time_zone("Mars/Olympus"), "UTC");
    assert_eq!(checked_time_zone("Europe/Kyiv"), "Europe/Kyiv");
    let published = at("2026-11-25T00:47:00Z");
    let now = at("2026-11-25T09:00:00Z");
    assert_eq!(
        format_published(&published, &now, Lang::Ru, "Mars/Olympus"),
        "00:47"
    );
}

#[wasm_bindgen_test]
fn empty_or_garbage_instants_do_not_parse() {
    assert!(parse_instant("").is_none());
    assert!(parse_instant("вчера").is_none());
    assert!(parse_instant("2026-13-45T99:00:00Z").is_none());
}

#[wasm_bindgen_test]
fn counts_are_written_the_way_each_language_writes_numbers() {
    assert_eq!(format_count(293, Lang::Ru), "293");
    assert_eq!(format_count(12345, Lang::Ru), "12\u{a0}345");
    assert_eq!(format_count(12345, Lang::En), "12,345");
}

#[wasm_bindgen_test]
fn language_tags_map_to_the_languages_we_have() {
    assert_eq!(Lang::from_tag("uk-UA"), Lang::Uk);
    assert_eq!(Lang::from_tag("EN"), Lang::En);
    assert_eq!(Lang::from_tag("ru"), Lang::Ru);
    assert_eq!(Lang::from_tag(""), Lang::Ru);
    assert_eq!(Lang::from_tag("de"), Lang::Ru);
}

#[wasm_bindgen_test]
fn views_are_compact_in_each_language() {
    assert_eq!(format_compact(293, Lang::Ru), "293");
    assert_eq!(format_compact(1234, Lang::Ru), "1,2\u{a0}тыс.");
    assert_eq!(format_compact(1234, Lang::Uk), "1,2\u{a0}тис.");
    assert_eq!(format_compact(1234, Lang::En), "1.2K");
    assert_eq!(format_compact(3_400_000, Lang::Ru), "3,4\u{a0}млн");
}

#[wasm_bindgen_test]
fn comment_counts_take_the_russian_plural_forms() {
    let forms = &Lang::Ru.strings().comments;
    let said = |n| counted(n, Lang::Ru, forms);
    assert_eq!(said(0), "0 комментариев");
    assert_eq!(said(1), "1 комментарий");
    assert_eq!(said(3), "3 комментария");
    assert_eq!(said(5), "5 комментариев");
    assert_eq!(said(11), "11 комментариев");
    assert_eq!(said(21), "21 комментарий");
    assert_eq!(said(22), "22 комментария");
    assert_eq!(said(1234), "1\u{a0}234 комментария");
}

#[wasm_bindgen_test]
fn comment_counts_in_ukrainian_and_english() {
    let uk = |n| counted(n, Lang::Uk, &Lang::Uk.strings().comments);
    assert_eq!(uk(1), "1 коментар");
    assert_eq!(uk(2), "2 коментарі");
    assert_eq!(uk(5), "5 коментарів");
    let en = |n| counted(n, Lang::En, &Lang::En.strings().comments);
    assert_eq!(en(1), "1 comment");
    assert_eq!(en(2), "2 comments");
    assert_eq!(en(0), "0 comments");
}

const SECOND: f64 = 1000.0;
const MINUTE: f64 = 60.0 * SECOND;
const HOUR: f64 = 60.0 * MINUTE;
const DAY: f64 = 24.0 * HOUR;

fn ago(ms: f64, lang: Lang) -> String {
    let now = 1_790_000_000_000.0;
    format_relative(now - ms, now, lang)
}

#[wasm_bindgen_test]
fn relative_times_in_russian_as_the_seed_shows_them() {
    assert_eq!(ago(16.0 * HOUR, Lang::Ru), "16 часов назад");
    assert_eq!(ago(1.0 * DAY, Lang::Ru), "1 день назад");
    assert_eq!(ago(2.0 * DAY, Lang::Ru), "2 дня назад");
    assert_eq!(ago(5.0 * DAY, Lang::Ru), "5 дней назад");
    assert_eq!(ago(21.0 * HOUR, Lang::Ru), "21 час назад");
    assert_eq!(ago(3.0 * HOUR + 59.0 * MINUTE, Lang::Ru), "3 часа назад");
    assert_eq!(ago(5.0 * MINUTE, Lang::Ru), "5 минут назад");
    assert_eq!(ago(1.0 * MINUTE, Lang::Ru), "1 минуту назад");
    assert_eq!(ago(30.0 * SECOND, Lang::Ru), "30 секунд назад");
    assert_eq!(ago(45.0 * DAY, Lang::Ru), "1 месяц назад");
    assert_eq!(ago(100.0 * DAY, Lang::Ru), "3 месяца назад");
    assert_eq!(ago(400.0 * DAY, Lang::Ru), "1 год назад");
}

#[wasm_bindgen_test]
fn relative_times_in_ukrainian_and_english() {
    assert_eq!(ago(16.0 * HOUR, Lang::Uk), "16 годин тому");
    assert_eq!(ago(1.0 * DAY, Lang::Uk), "1 день тому");
    assert_eq!(ago(3.0 * DAY, Lang::Uk), "3 дні тому");
    assert_eq!(ago(2.0 * MINUTE, Lang::Uk), "2 хвилини тому");
    assert_eq!(ago(16.0 * HOUR, Lang::En), "16 hours ago");
    assert_eq!(ago(1.0 * DAY, Lang::En), "1 day ago");
    assert_eq!(ago(1.0 * MINUTE, Lang::En), "1 minute ago");
    assert_eq!(ago(10.0 * SECOND, Lang::En), "10 seconds ago");
    assert_eq!(ago(60.0 * DAY, Lang::En), "2 months ago");
}

#[wasm_bindgen_test]
fn a_time_slightly_in_the_future_reads_as_just_now_not_in_the_future() {
    let now = 1_790_000_000_000.0;
    assert_eq!(
        format_relative(now + 5.0 * SECOND, now, Lang::Ru),
        "0 секунд назад"
    );
}

/// Every language, and a spread of inputs from a fixed-seed generator plus
/// the edges (zero, the largest counts, dates that are not numbers): the
/// browser's Intl must format each without throwing, as a number the reader
/// can read. The choice of unit is property-tested natively
/// (`relative::properties`); this runs the real formatters.
#[wasm_bindgen_test]
fn counts_and_times_from_the_network_always_format() {
    let mut state: u64 = 0x5eed_2026_1202;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut counts = vec![
        0,
        1,
        2,
        5,
        21,
        999,
        1_000,
        1_050,
        999_999,
        1 << 53,
        (1 << 53) + 1,
        u64::MAX,
    ];
    counts.extend((0..200).map(|_| next() >> (next() % 64)));
    let now = 1_790_000_000_000.0;
    let mut instants = vec![
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MAX,
        f64::MIN,
        0.0,
        -8.64e15,
        8.64e15,
    ];
    instants.extend((0..200).map(|_| now - (next() % 10_000_000_000_000) as f64));
    let digit = |s: &str| s.chars().any(|c| c.is_ascii_digit());
    for lang in [Lang::Ru, Lang::Uk, Lang::En] {
        let forms = &lang.strings().comments;
        for &n in &counts {
            assert!(digit(&format_count(n, lang)), "{n} {lang:?}");
            assert!(digit(&format_compact(n, lang)), "{n} {lang:?}");
            assert!(counted(n, lang, forms).contains(' '), "{n} {lang:?}");
        }
        for &then in &instants {
            let worded = format_relative(then, now, lang);
            assert!(digit(&worded), "{then} {lang:?}: {worded:?}");
        }
    }
}

/// The server words counts without `Intl` (`vestnik_api::i18n::plural_category`);
/// its rules must be the browser's, or a page would change words when the app takes over.
#[wasm_bindgen_test]
fn the_servers_plural_rules_are_the_browsers() {
    for lang in [Lang::Ru, Lang::Uk, Lang::En] {
        for n in (0..=250).chain([1_001, 10_011, 1_000_000, 1_000_021]) {
            assert_eq!(
                vestnik_api::i18n::plural_category(n, lang),
                plural::plural_category(n, lang),
                "{n} in {lang:?}"
            );
        }
    }
}

/// The server's own formatting (`vestnik_api::i18n::format`) writes what
/// `Intl` writes, so a server-painted page reads the same once the app takes
/// over. Fixed-seed inputs plus the edges, in every language.
#[wasm_bindgen_test]
fn the_servers_numbers_and_times_are_the_browsers() {
    use vestnik_api::i18n::format;
    let mut state: u64 = 0x1234_5678_9abc_def1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut counts: Vec<u64> = vec![
        0,
        1,
        999,
        1_000,
        1_049,
        1_050,
        1_051,
        1_150,
        1_250,
        9_950,
        9_999,
        99_950,
        999_949,
        999_950,
        999_999,
        1_000_000,
        1_050_000,
        1_000_000_000,
        999_950_000_000,
    ];
    counts.extend((0..300).map(|_| next() % 10u64.pow((next() % 13) as u32 + 1)));
    for lang in [Lang::Ru, Lang::Uk, Lang::En] {
        for &n in &counts {
            assert_eq!(
                format::count(n, lang),
                format_count(n, lang),
                "count {n} {lang:?}"
            );
            assert_eq!(
                format::compact(n, lang),
                format_compact(n, lang),
                "compact {n} {lang:?}"
            );
        }
        let now = 1_790_000_000_000.0;
        for _ in 0..300 {
            let then = now - (next() % 3_000_000_000_000) as f64;
            assert_eq!(
                format::relative(then, now, lang),
                format_relative(then, now, lang),
                "relative {then} {lang:?}"
            );
        }
        for _ in 0..100 {
            let then_ms = now - (next() % 4_000_000_000_000) as f64;
            let (then, today) = (
                js_sys::Date::new(&then_ms.into()),
                js_sys::Date::new(&now.into()),
            );
            let parts = |d: &js_sys::Date| format::LocalTime {
                year: d.get_utc_full_year() as i32,
                month: d.get_utc_month() as u8 + 1,
                day: d.get_utc_date() as u8,
                hour: d.get_utc_hours() as u8,
                minute: d.get_utc_minutes() as u8,
            };
            assert_eq!(
                format::published(&parts(&then), &parts(&today), lang),
                format_published(&then, &today, lang, "UTC"),
                "published {then_ms} {lang:?}"
            );
        }
    }
}

/// The tooltip's full date, written by the server without `Intl`.
#[wasm_bindgen_test]
fn the_servers_full_dates_are_the_browsers() {
    use vestnik_api::i18n::format;
    let mut ms: f64 = 1_600_000_000_000.0;
    for step in 0..200 {
        ms += 7_919_000.0 * f64::from(step);
        let date = js_sys::Date::new(&ms.into());
        let at = format::LocalTime {
            year: date.get_utc_full_year() as i32,
            month: date.get_utc_month() as u8 + 1,
            day: date.get_utc_date() as u8,
            hour: date.get_utc_hours() as u8,
            minute: date.get_utc_minutes() as u8,
        };
        for lang in [Lang::Ru, Lang::Uk, Lang::En] {
            assert_eq!(
                format::full(&at, lang),
                format_full(&date, lang, "UTC"),
                "{ms} {lang:?}"
            );
        }
    }
}
