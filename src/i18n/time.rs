//! Showing instants the way a news site does, in the site's time zone.
//!
//! Everything goes through the browser's `Intl`: it knows every time zone and
//! language, and the Wasm build carries no tables of its own.

use super::Lang;
use super::formatters::{call_format, date_time};
use super::intl_options as options;
use js_sys::{Date, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    // Checking a zone constructs a formatter: once per name is enough.
    static CHECKED_ZONES: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// `instant` formatted by the (cached) `Intl.DateTimeFormat` for `locale` and `fields`.
fn format_with(instant: &Date, locale: &str, fields: &[(&str, &str)]) -> String {
    call_format(date_time(locale, fields).format(), instant).unwrap_or_default()
}

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
    if let Some(zone) = CHECKED_ZONES.with(|z| z.borrow().get(name).cloned()) {
        return zone;
    }
    let zone = check_time_zone(name);
    CHECKED_ZONES.with(|z| z.borrow_mut().insert(name.to_owned(), zone.clone()));
    zone
}

fn check_time_zone(name: &str) -> String {
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
        return format_with(instant, lang.tag(), &clock);
    }
    let same_year = year_of(instant, &zone) == year_of(now, &zone);
    let mut fields = vec![("day", "numeric"), ("month", "long")];
    if !same_year {
        fields.push(("year", "numeric"));
    }
    fields.extend_from_slice(&clock);
    format_with(instant, lang.tag(), &fields)
}

/// The full date and time with the zone's name, for tooltips and screen readers.
pub fn format_full(instant: &Date, lang: Lang, time_zone: &str) -> String {
    let zone = checked_time_zone(time_zone);
    format_with(
        instant,
        lang.tag(),
        &[
            ("timeZone", zone.as_str()),
            ("dateStyle", "long"),
            ("timeStyle", "short"),
        ],
    )
}

/// The instant as an exact RFC 3339 UTC string for `<time datetime>`.
pub fn machine_readable(instant: &Date) -> String {
    instant.to_iso_string().into()
}

/// The calendar day of `instant` in `zone`, as a comparable string.
fn day_key(instant: &Date, zone: &str) -> String {
    format_with(
        instant,
        "en-CA",
        &[
            ("timeZone", zone),
            ("year", "numeric"),
            ("month", "2-digit"),
            ("day", "2-digit"),
        ],
    )
}

fn year_of(instant: &Date, zone: &str) -> String {
    format_with(instant, "en-CA", &[("timeZone", zone), ("year", "numeric")])
}
