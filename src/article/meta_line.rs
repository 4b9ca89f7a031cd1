//! The meta line (publication and update times, views) and the source line.

use crate::i18n::time::{format_full, format_published, machine_readable, parse_instant};
use crate::i18n::{Lang, counted, format_compact, format_count, use_lang};
use crate::shell::site::use_site;
use leptos::prelude::*;
use vestnik_api::Source;

/// Publication time, update time when there is one, view count and the
/// comment count that jumps to the comments.
#[component]
pub fn MetaLine(
    published_at: String,
    updated_at: Option<String>,
    views: Signal<u64>,
    comments: Signal<u64>,
) -> AnyView {
    let lang = use_lang();
    let updated = updated_at.map(|at| {
        view! {
            <span class="updated">
                {move || lang.get().strings().updated} " " <Instant iso=at class="updated-at" />
            </span>
        }
    });
    view! {
        <p class="meta-line">
            <Instant iso=published_at class="published" />
            {updated}
            <span
                class="views"
                title=move || views_title(views.get(), lang.get())
            >
                <svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
                    <path d="M12 5C6.5 5 2.7 9.2 1.5 12c1.2 2.8 5 7 10.5 7s9.3-4.2 10.5-7C21.3 9.2 17.5 5 12 5zm0 11.5a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9zm0-2.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4z" />
                </svg>
                <span class="visually-hidden">{move || lang.get().strings().views} ": "</span>
                <span class="views-count">{move || format_compact(views.get(), lang.get())}</span>
            </span>
            <a class="comment-count" href="#comments">
                <svg class="icon" aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">
                    <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" />
                </svg>
                {move || comments_text(comments.get(), lang.get())}
            </a>
        </p>
    }
    .into_any()
}

/// The view count's tooltip: "Просмотры: 1 234".
fn views_title(views: u64, lang: Lang) -> String {
    format!("{}: {}", lang.strings().views, format_count(views, lang))
}

/// The comment count's words: "3 комментария".
fn comments_text(comments: u64, lang: Lang) -> String {
    counted(comments, lang, &lang.strings().comments)
}

/// Keeps the counts of a meta line the server rendered current without
/// drawing it again: its times stay as the server wrote them, so taking the
/// page over needs no date formatter (the first one a page builds costs a
/// phone tens of milliseconds, decision 28). Writes only when a count differs
/// from the one drawn (`drawn`: views and comments as the server wrote them).
pub fn keep_counts_live(
    line: &web_sys::Element,
    views: Signal<u64>,
    comments: Signal<u64>,
    drawn: (u64, u64),
) {
    let lang = use_lang();
    let find = |selector: &str| line.query_selector(selector).ok().flatten();
    let (views_box, views_count, comment_link) =
        (find(".views"), find(".views-count"), find(".comment-count"));
    let (first_views, first_comments) = drawn;
    Effect::new(move |shown: Option<u64>| {
        let (count, lang) = (views.get(), lang.get());
        if shown.is_some() || count != first_views {
            if let Some(element) = &views_box {
                let _ = element.set_attribute("title", &views_title(count, lang));
            }
            if let Some(element) = &views_count {
                element.set_text_content(Some(&format_compact(count, lang)));
            }
        }
        count
    });
    Effect::new(move |shown: Option<u64>| {
        let (count, lang) = (comments.get(), lang.get());
        // The words follow the link's icon, as the last thing in it.
        if (shown.is_some() || count != first_comments)
            && let Some(words) = comment_link.as_ref().and_then(|link| link.last_child())
        {
            words.set_text_content(Some(&comments_text(count, lang)));
        }
        count
    });
}

/// An instant as the seed page shows it ("02:47" today, the date before),
/// with the exact instant in `datetime` and the full date in the tooltip.
/// An unreadable date is left out rather than shown as "Invalid Date".
#[component]
fn Instant(iso: String, class: &'static str) -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    parse_instant(&iso).map(|instant| {
        let shown = {
            let instant = instant.clone();
            move || {
                format_published(
                    &instant,
                    &js_sys::Date::new_0(),
                    lang.get(),
                    &site.read().time_zone,
                )
            }
        };
        let full = {
            let instant = instant.clone();
            move || format_full(&instant, lang.get(), &site.read().time_zone)
        };
        view! {
            <time class=class datetime=machine_readable(&instant) title=full>
                {shown}
            </time>
        }
    })
}

/// "Источник: Харьковский горсовет", linked when the source has a page.
#[component]
pub fn SourceLine(source: Source) -> impl IntoView {
    let lang = use_lang();
    let Source { name, url } = source;
    let name_view = match url.as_deref().and_then(vestnik_api::links::safe_href) {
        Some(url) => {
            view! { <a href=url.to_owned() rel="noopener" target="_blank">{name}</a> }.into_any()
        }
        None => name.into_any(),
    };
    view! {
        <p class="source-line">
            {move || lang.get().strings().source} ": " {name_view}
        </p>
    }
}
