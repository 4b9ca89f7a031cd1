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
