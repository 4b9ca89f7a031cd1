//! "16 часов назад" in a `<time>` element that keeps itself current.

use super::clock::use_now;
use super::site::use_site;
use crate::i18n::format_relative;
use crate::i18n::time::{format_full, machine_readable, parse_instant};
use crate::i18n::use_lang;
use leptos::prelude::*;

/// How long ago `iso` was, refreshed with the page's clock, with the exact
/// instant in `datetime` and the full date in the tooltip. An unreadable
/// instant shows nothing rather than "Invalid Date".
#[component]
pub fn RelativeTime(
    /// The instant, RFC 3339.
    iso: String,
) -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let now = use_now();
    parse_instant(&iso).map(|instant| {
        let then = instant.get_time();
        let full = {
            let instant = instant.clone();
            move || format_full(&instant, lang.get(), &site.read().time_zone)
        };
        view! {
            <time class="relative-time" datetime=machine_readable(&instant) title=full>
                {move || format_relative(then, now.get(), lang.get())}
            </time>
        }
    })
}
