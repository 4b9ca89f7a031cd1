//! The desk's view over [`DeskState`]: events go in through
//! [`Desk::dispatch`]; the effects the state answers are run here, at the
//! edges (the network, storage, the stream, timers, the focus).

mod header;
mod item;
mod login;
mod panels;

use super::api;
use super::error::DeskError;
use super::keys::{KeyPress, shortcut};
use super::state::{Announcement, DeskState, Effect, Event, Session, Tab};
use super::stream::{self, DeskLive, DeskStream};
use super::strings::DeskStrings;
use super::token;
use crate::i18n::{Lang, provide_lang};
use crate::shell::clock::provide_clock;
use crate::shell::site::SiteSettings;
use leptos::prelude::*;
use vestnik_api::Site;
use vestnik_api::moderation::Queue;
use wasm_bindgen::JsCast;

/// The desk's handles: its state and what runs the state's effects.
#[derive(Clone, Copy)]
pub(super) struct Desk {
    state: RwSignal<DeskState>,
    stream: StoredValue<Option<DeskStream>, LocalStorage>,
    reopen_timer: StoredValue<Option<TimeoutHandle>>,
    /// What the polite live region says.
    announcement: RwSignal<String>,
    lang: Signal<Lang>,
}

impl Desk {
    /// Takes `event` into the state and runs the effects it answers;
    /// answers that come after the desk is gone change nothing.
    pub(super) fn dispatch(self, event: Event) {
        let Some(effects) = self.state.try_update(|s| s.apply(event)) else {
            return;
        };
        for effect in effects {
            self.run(effect);
        }
    }

    /// The desk's strings, tracked.
    pub(super) fn strings(self) -> &'static DeskStrings {
        DeskStrings::of(self.lang.get())
    }

    /// The desk's state, read by the views.
    pub(super) fn state(self) -> RwSignal<DeskState> {
        self.state
    }

    fn token(self) -> Option<String> {
        self.state
            .try_with_untracked(|s| s.token().map(str::to_owned))
            .flatten()
    }

    /// Runs `call` with the token and dispatches the event it answers.
    fn call<F, Fut>(self, call: F)
    where
        F: FnOnce(String) -> Fut + 'static,
        Fut: std::future::Future<Output = Event> + 'static,
    {
        let Some(token) = self.token() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let event = call(token).await;
            self.dispatch(event);
        });
    }

    fn run(self, effect: Effect) {
        match effect {
            Effect::CheckToken(token) => leptos::task::spawn_local(async move {
                self.dispatch(Event::Checked(api::settings(&token).await));
            }),
            Effect::SaveToken { token, remember } => token::save(&token, remember),
            Effect::ForgetToken => token::forget(),
            Effect::FetchQueue {
                queue,
                before,
                generation,
            } => self.call(move |token| async move {
                let older = before.is_some();
                let result = api::queue(&token, queue, before.as_deref()).await;
                Event::QueuePage {
                    queue,
                    generation,
                    older,
                    result,
                }
            }),
            Effect::FetchLog { before, generation } => self.call(move |token| async move {
                Event::LogPage {
                    generation,
                    older: before.is_some(),
                    result: api::log(&token, before).await,
                }
            }),
            Effect::FetchTicket => {
                self.call(|token| async move { Event::Ticket(api::ticket(&token).await) })
            }
            Effect::OpenStream(ticket) => {
                // The old stream closes before the new one opens.
                self.stream.set_value(None);
                let opened = stream::open(&ticket, move |live| self.on_live(live));
                if opened.is_none() {
                    self.dispatch(Event::StreamClosed {
                        jitter: js_sys::Math::random(),
                    });
                }
                self.stream.set_value(opened);
            }
            Effect::CloseStream => {
                let _ = self.stream.try_update_value(|s| *s = None);
            }
            Effect::ScheduleReopen(wait) => {
                let reopen = move || self.dispatch(Event::ReopenDue);
                if let Ok(timer) = set_timeout_with_handle(reopen, wait) {
                    self.reopen_timer.set_value(Some(timer));
                }
            }
            Effect::CancelReopen => {
                if let Some(timer) = self.reopen_timer.try_update_value(Option::take).flatten() {
                    timer.clear();
                }
            }
            Effect::Act { id, action } => self.call(move |token| async move {
                match api::act(&token, id, &action).await {
                    Ok(ban) => Event::Acted { id, action, ban },
                    Err(error) => Event::ActFailed {
                        id,
                        kind: action.kind(),
                        error,
                    },
                }
            }),
            Effect::Reveal(id) => request_animation_frame(move || reveal(id)),
            Effect::FocusForm { id, kind } => request_animation_frame(move || {
                let field = match kind {
                    super::state::FormKind::Reject => format!("reject-reason-{id}"),
                    super::state::FormKind::Ban => format!("ban-scope-{id}"),
                };
                focus(&field);
            }),
            Effect::FetchWords => {
                self.call(|token| async move { Event::Words(api::words(&token).await) })
            }
            Effect::AddWord(entry) => self.call(move |token| async move {
                Event::WordAdded(api::add_word(&token, &entry).await)
            }),
            Effect::RemoveWord(entry) => self.call(move |token| async move {
                let result = api::remove_word(&token, &entry).await;
                Event::WordRemoved { entry, result }
            }),
            Effect::FetchBans => {
                self.call(|token| async move { Event::Bans(api::bans(&token).await) })
            }
            Effect::LiftBan(id) => self.call(move |token| async move {
                Event::BanLifted {
                    id,
                    result: api::lift_ban(&token, id).await,
                }
            }),
            Effect::FetchArticle(slug) => self.call(move |token| async move {
                let result = api::article(&token, &slug).await;
                Event::ArticleLoaded { slug, result }
            }),
            Effect::SaveArticle(settings) => self.call(move |token| async move {
                let result = api::save_article(&token, &settings).await;
                Event::ArticleSaved {
                    slug: settings.slug,
                    result,
                }
            }),
            Effect::Announce(Announcement::Arrived { queue, author }) => {
                if let Some(lang) = self.lang.try_get_untracked() {
                    let s = DeskStrings::of(lang);
                    let lead = if queue == Queue::Reported {
                        s.arrived_reported
                    } else {
                        s.arrived_pending
                    };
                    let _ = self.announcement.try_set(format!("{lead} {author}"));
                }
            }
        }
    }

    /// What the stream said, as an event of the state.
    fn on_live(self, live: DeskLive) {
        let event = match live {
            DeskLive::Opened => Event::StreamOpened,
            DeskLive::Dropped => Event::StreamDropped,
            DeskLive::Closed => Event::StreamClosed {
                jitter: js_sys::Math::random(),
            },
            DeskLive::Item(item) => Event::Item(*item),
            DeskLive::Log(entry) => Event::LogEntry(entry),
            DeskLive::Unreadable => return,
        };
        self.dispatch(event);
    }
}

/// Whether the focus is where the moderator types.
fn typing_in(target: Option<web_sys::Element>) -> bool {
    target.is_some_and(|element| {
        let tag = element.tag_name().to_ascii_lowercase();
        matches!(tag.as_str(), "input" | "textarea" | "select")
            || element
                .dyn_ref::<web_sys::HtmlElement>()
                .is_some_and(|e| e.is_content_editable())
    })
}

/// Moves the focus to the item `id`, unless the moderator is typing.
fn reveal(id: i64) {
    if typing_in(document().active_element()) {
        return;
    }
    focus(&format!("desk-item-{id}"));
}

fn focus(element_id: &str) {
    if let Some(element) = document()
        .get_element_by_id(element_id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// A failure in the desk's words.
pub(super) fn error_text(error: &DeskError, s: &DeskStrings) -> String {
    match error {
        DeskError::Unauthorized(Some(words)) => words.clone(),
        DeskError::Unauthorized(None) => s.login_ended.to_owned(),
        DeskError::Network => s.error_network.to_owned(),
        DeskError::NotFound => s.error_not_found.to_owned(),
        DeskError::Invalid(Some(words)) => words.clone(),
        DeskError::Invalid(None) => s.error_invalid.to_owned(),
        DeskError::RateLimited(Some(seconds)) => format!("{} ({seconds} s)", s.error_rate_limited),
        DeskError::RateLimited(None) => s.error_rate_limited.to_owned(),
        DeskError::Server {
            status,
            message: Some(words),
        } => format!("{} {status}: {words}", s.error_server),
        DeskError::Server {
            status,
            message: None,
        } => format!("{} {status}", s.error_server),
        DeskError::Malformed => s.error_malformed.to_owned(),
    }
}

/// The whole desk: the login form, or the desk with its header and tabs.
#[component]
pub fn DeskApp(
    /// The site's settings: its language and time zone.
    site: Site,
) -> impl IntoView {
    let lang = Lang::from_tag(&site.locale);
    let lang_signal = Signal::stored(lang);
    provide_context(SiteSettings(Signal::stored(site)));
    provide_lang(lang_signal);
    provide_clock();
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    document().set_title(DeskStrings::of(lang).title);

    let desk = Desk {
        state: RwSignal::new(DeskState::default()),
        stream: StoredValue::new_local(None),
        reopen_timer: StoredValue::new(None),
        announcement: RwSignal::new(String::new()),
        lang: lang_signal,
    };
    if let Some(kept) = token::load() {
        desk.dispatch(Event::Resume(kept));
    }

    let keys = window_event_listener(leptos::ev::keydown, move |event| {
        let target = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let press = KeyPress {
            key: &event.key(),
            modified: event.ctrl_key() || event.meta_key() || event.alt_key(),
            typing: typing_in(target),
        };
        if let Some(shortcut) = shortcut(press) {
            let signed_in = desk
                .state
                .try_with_untracked(|s| matches!(s.session(), Session::In(_)))
                .unwrap_or(false);
            if signed_in {
                // Arrows move the selection, not the page.
                event.prevent_default();
                desk.dispatch(Event::Key(shortcut));
            }
        }
    });
    let online = window_event_listener(leptos::ev::online, move |_| desk.dispatch(Event::Resumed));
    let shown = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if !document().hidden() {
            desk.dispatch(Event::Resumed);
        }
    });
    on_cleanup(move || {
        keys.remove();
        online.remove();
        shown.remove();
        desk.run(Effect::CancelReopen);
        let _ = desk.stream.try_update_value(|s| *s = None);
    });

    let signed_in = Memo::new(move |_| desk.state.with(|s| matches!(s.session(), Session::In(_))));
    // The panel is drawn again only when the tab changes, not with every item.
    let tab = Memo::new(move |_| desk.state.with(DeskState::tab));
    view! {
        <Show when=move || signed_in.get() fallback=move || view! { <login::LoginPage desk /> }>
            <header::DeskHeader desk />
            <main id="main" class="desk">
                <panels::Tabs desk />
                <section
                    id="desk-panel"
                    class="desk-panel"
                    role="tabpanel"
                    aria-labelledby=move || panels::tab_id(tab.get())
                >
                    {move || match tab.get() {
                        Tab::Queue(queue) => view! { <item::QueuePanel desk queue /> }.into_any(),
                        Tab::Log => view! { <panels::LogPanel desk /> }.into_any(),
                        Tab::Words => view! { <panels::WordsPanel desk /> }.into_any(),
                        Tab::Bans => view! { <panels::BansPanel desk /> }.into_any(),
                        Tab::Article => view! { <panels::ArticlePanel desk /> }.into_any(),
                    }}
                </section>
            </main>
            <panels::Help desk />
        </Show>
        <p class="visually-hidden" role="status" aria-live="polite">
            {move || desk.announcement.get()}
        </p>
    }
}
