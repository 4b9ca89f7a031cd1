//! One ticking "now" for the whole page, so every relative time ("5 минут
//! назад") moves on together without a timer per element.

use leptos::prelude::*;
use std::time::Duration;

/// How often relative times are refreshed: they are worded in minutes at best.
const TICK: Duration = Duration::from_secs(60);

#[derive(Clone, Copy)]
struct Now(Signal<f64>);

/// Starts the page's clock and makes it available to everything below.
pub fn provide_clock() {
    let now = RwSignal::new(js_sys::Date::now());
    // The interval lives as long as the page; a failure to start one only
    // leaves relative times as they were first written.
    let _ = set_interval_with_handle(move || now.set(js_sys::Date::now()), TICK);
    provide_context(Now(now.into()));
}

/// The current time in unix milliseconds, refreshed every minute; the time of
/// the call when no clock was provided (in tests of a single part).
pub fn use_now() -> Signal<f64> {
    use_context::<Now>()
        .map(|now| now.0)
        .unwrap_or_else(|| Signal::stored(js_sys::Date::now()))
}
