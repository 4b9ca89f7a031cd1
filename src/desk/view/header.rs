//! The desk's header: who is logged in, the site's rules in words, the
//! connection, the shortcuts' help and "log out".

use super::Desk;
use crate::desk::keys::Shortcut;
use crate::desk::state::{Connection, DeskState, Event};
use crate::desk::strings::DeskStrings;
use leptos::prelude::*;
use vestnik_api::moderation::ModerationSettings;

/// The site's settings as the short sentences the header lists.
fn rules(settings: &ModerationSettings, s: &DeskStrings) -> Vec<String> {
    let mut lines = vec![
        s.rule(settings.mode, settings.trusted_after),
        format!("{} {}", s.rule_reports, settings.report_threshold),
        format!("{} {}", s.rule_max_links, settings.max_links),
    ];
    lines.push(match settings.close_after_days {
        0 => s.rule_never_close.to_owned(),
        days => format!("{} {days} {}", s.rule_close_after, s.days),
    });
    lines.push(
        if settings.proof_of_work {
            s.rule_proof_on
        } else {
            s.rule_proof_off
        }
        .to_owned(),
    );
    lines
}

/// The header.
#[component]
pub fn DeskHeader(
    /// The desk.
    desk: Desk,
) -> impl IntoView {
    let state = desk.state();
    let settings = Memo::new(move |_| state.with(|s| s.settings().cloned()));
    let connection = Memo::new(move |_| state.with(DeskState::connection));
    let name = move || settings.get().map(|s| s.moderator).unwrap_or_default();
    let rule_lines = move || {
        settings
            .get()
            .map(|settings| rules(&settings, desk.strings()))
            .unwrap_or_default()
            .into_iter()
            .map(|line| view! { <li>{line}</li> })
            .collect_view()
    };
    let connection_class = move || match connection.get() {
        Connection::Live => "desk-connection desk-live",
        Connection::Connecting => "desk-connection desk-connecting",
        Connection::Reconnecting => "desk-connection desk-reconnecting",
    };
    view! {
        <header class="desk-header">
            <div class="desk-header-top">
                <h1 class="desk-title">{move || desk.strings().title}</h1>
                <p class="desk-who">
                    {move || desk.strings().moderator} ": "
                    <strong class="desk-moderator">{name}</strong>
                </p>
                <p class="desk-site-mode">
                    {move || {
                        settings.get().map(|s| desk.strings().rule(s.mode, s.trusted_after))
                    }}
                </p>
                <p class=connection_class role="status" aria-live="polite">
                    <span class="desk-dot" aria-hidden="true"></span>
                    {move || desk.strings().connection(connection.get())}
                </p>
                <div class="desk-header-actions">
                    <button
                        type="button"
                        class="desk-button"
                        aria-keyshortcuts="?"
                        on:click=move |_| desk.dispatch(Event::Key(Shortcut::Help))
                    >
                        {move || desk.strings().shortcuts}
                    </button>
                    <button
                        type="button"
                        class="desk-button"
                        on:click=move |_| desk.dispatch(Event::Logout)
                    >
                        {move || desk.strings().logout}
                    </button>
                </div>
            </div>
            <details class="desk-rules">
                <summary>{move || desk.strings().site_rules}</summary>
                <ul>{rule_lines}</ul>
            </details>
        </header>
    }
}
