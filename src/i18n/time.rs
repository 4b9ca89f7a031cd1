//! Showing instants the way a news site does, in the site's time zone.
//!
//! Everything goes through the browser's `Intl`: it knows every time zone and
//! language, and the Wasm build carries no tables of its own.

use super::Lang;
use super::intl_options as options;
use js_sys::{Date, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Parses an RFC 3339 instant from the API; `None` when it is empty or not a date.
pub fn parse_instant(iso: &str) -> Option<Date> {
    if iso.trim().is_empty() {
        return None;
    }
    let date = Date::new(&JsValue::from_str(iso));
    (!date.get_time().is_nan()).then_some(date)
}

/// `name` when the browser knows it as a time zone, else `"UTC"`.
///
/// A time zone comes from the server's settings; an unknown one would make
/// every `Intl` call throw, so it is checked once here, where throwing is caught.
pub fn checked_time_zone(name: &str) -> String {
    let known = Reflect::get(&js_sys::global(), &"Intl".into())
        .and_then(|intl| Reflect::get(&intl, &"DateTimeFormat".into()))
        .and_then(|ctor| {
            let args = js_sys::Array::of2(&"en".into(), &options(&[("timeZone", name)]));
            let ctor: &js_sys::Function = ctor.unchecked_ref();
            Reflect::construct(ctor, &args)
        })
        .is_ok();
    if known {
        name.to_owned()
    } else {
        "UTC".to_owned()
    }
}

/// The publication time as the seed page shows it: only "02:47" for today,
/// the date with the time for earlier days (and the year when it is not this one).
pub fn format_published(instant: &Date, now: &Date, lang: Lang, time_zone: &str) -> String {
    let zone = checked_time_zone(time_zone);
    let clock = [
        ("timeZone", zone.as_str()),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("hourCycle", "h23"),
    ];
    if day_key(instant, &zone) == day_key(now, &zone) {
        return instant
            .to_locale_time_string_with_options(lang.tag(), &options(&clock))
            .into();
    }
    let same_year = year_of(instant, &zone) == year_of(now, &zone);
    let mut fields = vec![("day", "numeric"), ("month", "long")];
    if !same_year {
        fields.push(("year", "numeric"));
    }
    fields.extend_from_slice(&clock);
    instant
        .to_locale_string(lang.tag(), &options(&fields))
        .into()
}

/// The full date and time with the zone's name, for tooltips and screen readers.
pub fn format_full(instant: &Date, lang: Lang, time_zone: &str) -> String {
    let zone = checked_time_zone(time_zone);
    instant
        .to_locale_string(
            lang.tag(),
            &options(&[
                ("timeZone", zone.as_str()),
                ("dateStyle", "long"),
                ("timeStyle", "short"),
            ]),
        )
        .into()
}

/// The instant as an exact RFC 3339 UTC string for `<time datetime>`.
pub fn machine_readable(instant: &Date) -> String {
    instant.to_iso_string().into()
}

/// The calendar day of `instant` in `zone`, as a comparable string.
fn day_key(instant: &Date, zone: &str) -> String {
    instant
        .to_locale_date_string(
            "en-CA",
            &options(&[
                ("timeZone", zone),
                ("year", "numeric"),
                ("month", "2-digit"),
                ("day", "2-digit"),
            ]),
        )
        .into()
}

fn year_of(instant: &Date, zone: &str) -> String {
    instant
        .to_locale_date_string(
            "en-CA",
            &options(&[("timeZone", zone), ("year", "numeric")]),
        )
        .into()
}
