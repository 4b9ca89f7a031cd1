//! The tabs, and the panels that are not queues: the log, the word lists,
//! the bans, an article's settings, and the shortcuts' help.

use super::{Desk, error_text};
use crate::desk::keys::{LISTED, Shortcut};
use crate::desk::state::{DeskState, Event, Load, Tab};
use crate::shell::RelativeTime;
use leptos::prelude::*;
use vestnik_api::ModerationMode;
use vestnik_api::moderation::{Queue, WordKind};
use vestnik_api::paths::article_path;

/// Every tab, in the order shown.
const TABS: [Tab; 8] = [
    Tab::Queue(Queue::Pending),
    Tab::Queue(Queue::Reported),
    Tab::Queue(Queue::Recent),
    Tab::Queue(Queue::Rejected),
    Tab::Log,
    Tab::Words,
    Tab::Bans,
    Tab::Article,
];

/// The element id of a tab's button.
pub fn tab_id(tab: Tab) -> String {
    let name = match tab {
        Tab::Queue(queue) => queue.as_str(),
        Tab::Log => "log",
        Tab::Words => "words",
        Tab::Bans => "bans",
        Tab::Article => "article",
    };
    format!("desk-tab-{name}")
}

/// The tab list: the four queues with their live counts, then the rest.
/// Left and right arrows move along it, as in any tab list.
#[component]
pub fn Tabs(
    /// The desk.
    desk: Desk,
) -> impl IntoView {
    let state = desk.state();
    let current = Memo::new(move |_| state.with(DeskState::tab));
    let move_along = move |e: leptos::ev::KeyboardEvent| {
        let step: isize = match e.key().as_str() {
            "ArrowRight" => 1,
            "ArrowLeft" => -1,
            _ => return,
        };
        e.prevent_default();
        let at = TABS
            .iter()
            .position(|t| *t == current.get_untracked())
            .unwrap_or(0);
        let next = (at as isize + step).rem_euclid(TABS.len() as isize) as usize;
        if let Some(tab) = TABS.get(next) {
            desk.dispatch(Event::Tab(*tab));
            if let Some(button) = document().get_element_by_id(&tab_id(*tab))
                && let Ok(button) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(button)
            {
                let _ = button.focus();
            }
        }
    };
    let tab_button = move |tab: Tab| {
        let label = move || {
            let s = desk.strings();
            match tab {
                Tab::Queue(queue) => s.queue(queue),
                Tab::Log => s.tab_log,
                Tab::Words => s.tab_words,
                Tab::Bans => s.tab_bans,
                Tab::Article => s.tab_article,
            }
        };
        let count = tab.queue().map(|queue| {
            let total = Memo::new(move |_| {
                state.with(|s| {
                    s.queues()
                        .get(queue)
                        .map(|q| (q.load().is_ready(), q.total()))
                })
            });
            move || {
                total.get().filter(|(ready, _)| *ready).map(|(_, n)| {
                    view! { <span class="desk-count" data-queue=queue.as_str()>{n}</span> }
                })
            }
        });
        let shortcut = match tab {
            Tab::Queue(Queue::Pending) => Some("1"),
            Tab::Queue(Queue::Reported) => Some("2"),
            Tab::Queue(Queue::Recent) => Some("3"),
            Tab::Queue(Queue::Rejected) => Some("4"),
            Tab::Log => Some("l"),
            _ => None,
        };
        view! {
            <button
                type="button"
                role="tab"
                id=tab_id(tab)
                class="desk-tab"
                aria-selected=move || (current.get() == tab).to_string()
                aria-controls="desk-panel"
                aria-keyshortcuts=shortcut
                tabindex=move || if current.get() == tab { "0" } else { "-1" }
                on:click=move |_| desk.dispatch(Event::Tab(tab))
            >
                {label} {count}
            </button>
        }
    };
    view! {
        <nav class="desk-tabs-wrap">
            <div
                class="desk-tabs"
                role="tablist"
                aria-label=move || desk.strings().sections
                on:keydown=move_along
            >
                {TABS.into_iter().map(tab_button).collect_view()}
            </div>
        </nav>
    }
}

/// A load's state as the panels show it; nothing once it is in.
fn load_status(desk: Desk, load: Load, retry: Event) -> Option<AnyView> {
    match load {
        Load::Idle | Load::Loading => Some(
            view! { <p class="desk-loading" role="status">{desk.strings().loading}</p> }.into_any(),
        ),
        Load::Failed(error) => Some(
            view! {
                <div class="desk-error" role="alert">
                    <p>{error_text(&error, desk.strings())}</p>
                    <button type="button" class="desk-button" on:click=move |_| desk.dispatch(retry.clone())>
                        {desk.strings().retry}
                    </button>
                </div>
            }
            .into_any(),
        ),
        Load::Ready => None,
    }
}

/// The moderation log: who did what, to which comment, when.
#[component]
pub fn LogPanel(
    /// The desk.
    desk: Desk,
) -> impl IntoView {
    let state = desk.state();
    let log = Memo::new(move |_| state.with(|s| s.log().clone()));
    let rows = move || {
        let s = desk.strings();
        log.get()
            .items
            .into_iter()
            .map(|entry| {
                let comment = match (entry.comment_id, entry.article.as_deref()) {
                    (Some(id), Some(slug)) => view! {
                        <a href=format!("{}#comment-{id}", article_path(slug)) target="_blank" rel="noopener">
                            {format!("№ {id}")}
                        </a>
                    }
                    .into_any(),
                    (None, Some(slug)) => view! {
                        <a href=article_path(slug) target="_blank" rel="noopener">{slug.to_owned()}</a>
                    }
                    .into_any(),
                    (Some(id), None) => format!("№ {id}").into_any(),
                    (None, None) => "—".into_any(),
                };
                let detail = entry
                    .detail
                    .as_deref()
                    .map(|d| s.logged_detail(&entry.action, d))
                    .unwrap_or_default();
                view! {
                    <tr class="desk-log-entry" data-action=entry.action.clone()>
                        <td class="desk-log-who">{entry.moderator}</td>
                        <td class="desk-log-what">{s.logged(&entry.action)}</td>
                        <td class="desk-log-detail" dir="auto">{detail}</td>
                        <td class="desk-log-comment">{comment}</td>
                        <td class="desk-log-when"><RelativeTime iso=entry.at /></td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <h2>{move || desk.strings().tab_log}</h2>
        {move || load_status(desk, log.get().load, Event::Tab(Tab::Log))}
        <Show when=move || log.with(|l| l.load.is_ready() && l.items.is_empty())>
            <p class="desk-empty">{move || desk.strings().log_empty}</p>
        </Show>
        <div class="desk-table-wrap">
            <table class="desk-log">
                <thead>
                    <tr>
                        <th scope="col">{move || desk.strings().log_who}</th>
                        <th scope="col">{move || desk.strings().log_what}</th>
                        <th scope="col">{move || desk.strings().log_detail}</th>
                        <th scope="col">{move || desk.strings().log_comment}</th>
                        <th scope="col">{move || desk.strings().log_when}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Show when=move || log.with(|l| l.more)>
            <button
                type="button"
                class="desk-button desk-more"
                disabled=move || log.with(|l| l.loading_more)
                on:click=move |_| desk.dispatch(Event::LoadOlderLog)
            >
                {move || desk.strings().show_older}
            </button>
        </Show>
    }
}

/// The banned and suspect words, with a form to add one.
#[component]
pub fn WordsPanel(
    /// The desk.
    desk: Desk,
) -> impl IntoView {
    let state = desk.state();
    let words = Memo::new(move |_| state.with(|s| s.words().clone()));
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        desk.dispatch(Event::AddWord);
    };
    let list = move |kind: WordKind| {
        let entries = move || {
            words
                .get()
                .items
                .into_iter()
                .filter(|w| w.kind == kind)
                .map(|entry| {
                    let removing = {
                        let entry = entry.clone();
                        move || words.with(|w| w.removing.contains(&entry))
                    };
                    let word = entry.word.clone();
                    view! {
                        <li class="desk-word">
                            <span dir="auto">{word.clone()}</span>
                            <button
                                type="button"
                                class="desk-button"
                                aria-label=move || format!("{} «{word}»", desk.strings().take_off)
                                disabled=removing
                                on:click=move |_| desk.dispatch(Event::RemoveWord(entry.clone()))
                            >
                                {move || desk.strings().take_off}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        };
        let empty =
            move || words.with(|w| w.load.is_ready() && !w.items.iter().any(|e| e.kind == kind));
        view! {
            <section class="desk-word-list" data-kind=kind.as_str()>
                <h3>{move || desk.strings().word_kind(kind)}</h3>
                <Show when=empty>
                    <p class="desk-empty">{move || desk.strings().list_empty}</p>
                </Show>
                <ul>{entries}</ul>
            </section>
        }
    };
    view! {
        <h2>{move || desk.strings().tab_words}</h2>
        <form class="desk-form desk-inline-form" on:submit=submit>
            <label for="word-new">{move || desk.strings().word}</label>
            <input
                id="word-new"
                type="text"
                maxlength="64"
                autocomplete="off"
                prop:value=move || words.get().draft
                on:input=move |e| {
                    let kind = words.get_untracked().draft_kind;
                    desk.dispatch(Event::WordDraft { word: event_target_value(&e), kind });
                }
            />
            <label for="word-kind">{move || desk.strings().word_list}</label>
            <select
                id="word-kind"
                on:change=move |e| {
                    let word = words.get_untracked().draft;
                    let kind = WordKind::parse(&event_target_value(&e));
                    desk.dispatch(Event::WordDraft { word, kind });
                }
            >
                <option value="" selected=move || words.get().draft_kind.is_none()>
                    {move || desk.strings().choose_list}
                </option>
                <option value="banned" selected=move || words.get().draft_kind == Some(WordKind::Banned)>
                    {move || format!("{}: {}", desk.strings().words_banned, desk.strings().words_banned_hint)}
                </option>
                <option value="suspect" selected=move || words.get().draft_kind == Some(WordKind::Suspect)>
                    {move || format!("{}: {}", desk.strings().words_suspect, desk.strings().words_suspect_hint)}
                </option>
            </select>
            <button
                type="submit"
                class="desk-button desk-primary"
                disabled=move || words.with(|w| w.adding || w.draft.trim().is_empty() || w.draft_kind.is_none())
            >
                {move || desk.strings().add}
            </button>
            <p class="desk-muted">{move || desk.strings().words_hint}</p>
        </form>
        {move || words.get().failure.map(|error| view! {
            <p class="desk-failure" role="alert">{desk.strings().failed} " " {error_text(&error, desk.strings())}</p>
        })}
        {move || load_status(desk, words.get().load, Event::Tab(Tab::Words))}
        <div class="desk-word-lists">
            {list(WordKind::Banned)}
            {list(WordKind::Suspect)}
        </div>
    }
}

/// The bans in force, each with "lift".
#[component]
pub fn BansPanel(
    /// The desk.
    desk: Desk,
) -> impl IntoView {
    let state = desk.state();
    let bans = Memo::new(move |_| state.with(|s| s.bans().clone()));
    let rows = move || {
        let s = desk.strings();
        let all = bans.get();
        all.items
            .into_iter()
            .map(|ban| {
                let id = ban.id;
                let lifting = move || bans.with(|b| b.lifting.contains(&id));
                let failure = all
                    .failure
                    .as_ref()
                    .filter(|(failed, _)| *failed == id)
                    .map(|(_, error)| {
                        view! { <p class="desk-failure" role="alert">{error_text(error, s)}</p> }
                    });
                let until = match ban.until {
                    Some(until) => view! { {s.until} " " <RelativeTimeOrDate iso=until /> }.into_any(),
                    None => s.forever.into_any(),
                };
                view! {
                    <li class="desk-ban" data-scope=ban.scope.as_str()>
                        <p>
                            <strong>{s.scope(ban.scope)}</strong> " " <code>{ban.target}</code>
                            {ban.author.map(|a| view! { " (" <span dir="auto">{a}</span> ")" })}
                            {ban.shadow.then(|| view! { " " <span class="desk-badge desk-shadow">{s.shadow}</span> })}
                        </p>
                        <p class="desk-muted">
                            {until} " · " {s.banned_by} " " {ban.moderator} " · "
                            <RelativeTime iso=ban.created_at />
                        </p>
                        {ban.note.map(|note| view! { <p dir="auto">{note}</p> })}
                        {failure}
                        <button
                            type="button"
                            class="desk-button"
                            disabled=lifting
                            on:click=move |_| desk.dispatch(Event::LiftBan(id))
                        >
                            {s.lift}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <h2>{move || desk.strings().tab_bans}</h2>
        {move || load_status(desk, bans.get().load, Event::Tab(Tab::Bans))}
        <Show when=move || bans.with(|b| b.load.is_ready() && b.items.is_empty())>
            <p class="desk-empty">{move || desk.strings().bans_empty}</p>
        </Show>
        <ul class="desk-bans">{rows}</ul>
    }
}

/// The end of a ban: the full date and time, as the site's clock reads it.
#[component]
fn RelativeTimeOrDate(iso: String) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let site = crate::shell::site::use_site();
    crate::i18n::time::parse_instant(&iso).map(|instant| {
        let full = crate::i18n::time::format_full(
            &instant,
            lang.get_untracked(),
            &site.read_untracked().time_zone,
        );
        view! { <time datetime=crate::i18n::time::machine_readable(&instant)>{full}</time> }
    })
}

/// One article's moderation mode and closing, and what its readers get now.
#[component]
pub fn ArticlePanel(
    /// The desk.
    desk: Desk,
) -> impl IntoView {
    let state = desk.state();
    let article = Memo::new(move |_| state.with(|s| s.article().clone()));
    let open = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        desk.dispatch(Event::OpenArticle(article.get_untracked().slug_draft));
    };
    let save = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        desk.dispatch(Event::SaveArticle);
    };
    let mode_value = move || article.get().mode.map_or("site", ModerationMode::as_str);
    let closed_value = move || match article.get().closed {
        None => "site",
        Some(true) => "closed",
        Some(false) => "open",
    };
    let modes = move || {
        ModerationMode::ALL
            .into_iter()
            .map(|mode| {
                view! {
                    <option value=mode.as_str() selected=move || mode_value() == mode.as_str()>
                        {desk.strings().mode(mode)}
                    </option>
                }
            })
            .collect_view()
    };
    // The form is drawn again only for another article's settings, so a
    // select keeps the focus while it changes.
    let loaded = Memo::new(move |_| article.with(|a| a.loaded.clone()));
    let saved = move || {
        let s = desk.strings();
        article.get().saved.map(|result| match result {
            Ok(()) => view! { <p class="desk-saved" role="status">{s.saved}</p> }.into_any(),
            Err(error) => view! {
                <p class="desk-failure" role="alert">{s.failed} " " {error_text(&error, s)}</p>
            }
            .into_any(),
        })
    };
    let now = move || {
        let s = desk.strings();
        loaded.get().map(|loaded| {
            format!(
                "{} {}, {}",
                s.readers_now,
                s.mode(loaded.effective.moderation),
                if loaded.effective.closed {
                    s.closing_closed
                } else {
                    s.closing_open
                }
            )
        })
    };
    let settings = move || {
        let loaded = loaded.get()?;
        let s = desk.strings();
        Some(view! {
            <form class="desk-form" on:submit=save id="article-settings">
                <h3>
                    <a href=article_path(&loaded.slug) target="_blank" rel="noopener">{loaded.title}</a>
                </h3>
                <label for="article-mode">{s.article_mode}</label>
                <select
                    id="article-mode"
                    on:change=move |e| desk.dispatch(Event::ArticleMode(ModerationMode::parse(&event_target_value(&e))))
                >
                    <option value="site" selected=move || mode_value() == "site">{s.as_site}</option>
                    {modes}
                </select>
                <label for="article-closing">{s.article_closing}</label>
                <select
                    id="article-closing"
                    on:change=move |e| {
                        let closed = match event_target_value(&e).as_str() {
                            "closed" => Some(true),
                            "open" => Some(false),
                            _ => None,
                        };
                        desk.dispatch(Event::ArticleClosed(closed));
                    }
                >
                    <option value="site" selected=move || closed_value() == "site">{s.as_site}</option>
                    <option value="open" selected=move || closed_value() == "open">{s.closing_open}</option>
                    <option value="closed" selected=move || closed_value() == "closed">{s.closing_closed}</option>
                </select>
                <p class="desk-muted desk-effective" role="status">{now}</p>
                <div class="desk-form-buttons">
                    <button type="submit" class="desk-button desk-primary" disabled=move || article.with(|a| a.saving)>
                        {s.save}
                    </button>
                </div>
                {saved}
            </form>
        })
    };
    view! {
        <h2>{move || desk.strings().tab_article}</h2>
        <form class="desk-form desk-inline-form" on:submit=open>
            <label for="article-slug">{move || desk.strings().article_slug}</label>
            <input
                id="article-slug"
                type="text"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || article.get().slug_draft
                on:input=move |e| desk.dispatch(Event::ArticleSlug(event_target_value(&e)))
            />
            <button type="submit" class="desk-button">{move || desk.strings().open}</button>
        </form>
        <Show when=move || article.with(|a| a.slug.is_none())>
            <p class="desk-muted">{move || desk.strings().article_pick}</p>
        </Show>
        {move || {
            let load = article.get().load;
            if article.with(|a| a.slug.is_some()) {
                let slug = article.get_untracked().slug.unwrap_or_default();
                load_status(desk, load, Event::OpenArticle(slug))
            } else {
                None
            }
        }}
        {settings}
    }
}

/// The list of shortcuts, as a dialog the `?` key opens and closes.
#[component]
pub fn Help(
    /// The desk.
    desk: Desk,
) -> impl IntoView {
    let open = Memo::new(move |_| desk.state().with(DeskState::help));
    let rows = move || {
        LISTED
            .into_iter()
            .map(|(keys, shortcut)| {
                view! {
                    <div>
                        <dt><kbd>{keys}</kbd></dt>
                        <dd>{desk.strings().shortcut(shortcut)}</dd>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || open.get()>
            <div class="desk-help" role="dialog" aria-modal="false" aria-labelledby="desk-help-title">
                <h2 id="desk-help-title">{move || desk.strings().help_title}</h2>
                <dl>{rows}</dl>
                <button
                    type="button"
                    class="desk-button"
                    on:click=move |_| desk.dispatch(Event::Key(Shortcut::Help))
                >
                    {move || desk.strings().close}
                </button>
            </div>
        </Show>
    }
}
