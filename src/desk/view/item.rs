//! A queue and its items: each comment with where it is, who wrote it and
//! why it is there, its actions, and the rejection and ban forms under it.

use super::{Desk, error_text};
use crate::comments::comment_text::CommentText;
use crate::desk::state::{
    Action, ActionKind, BanDraft, BanLength, Event, Form, FormKind, Load, RejectDraft,
};
use crate::shell::RelativeTime;
use leptos::prelude::*;
use vestnik_api::moderation::{BanScope, NOTE_MAX_CHARS, Queue, QueueItem};
use vestnik_api::paths::article_path;
use vestnik_api::{CommentStatus, Reason};

/// The queue `queue`: its items newest first, and "show older".
#[component]
pub fn QueuePanel(
    /// The desk.
    desk: Desk,
    /// Which queue.
    queue: Queue,
) -> impl IntoView {
    let state = desk.state();
    let load = Memo::new(move |_| {
        state.with(|s| {
            s.queues()
                .get(queue)
                .map(|q| q.load().clone())
                .unwrap_or_default()
        })
    });
    let ids = Memo::new(move |_| {
        state.with(|s| {
            s.queues()
                .get(queue)
                .map(|q| q.items().iter().map(|i| i.comment.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let has_more =
        Memo::new(move |_| state.with(|s| s.queues().get(queue).is_some_and(|q| q.has_more())));
    let loading_more =
        Memo::new(move |_| state.with(|s| s.queues().get(queue).is_some_and(|q| q.loading_more())));
    let status = move || {
        match load.get() {
        Load::Loading | Load::Idle => Some(
            view! { <p class="desk-loading" role="status">{desk.strings().loading}</p> }.into_any(),
        ),
        Load::Failed(error) => Some(
            view! {
                <div class="desk-error" role="alert">
                    <p>{error_text(&error, desk.strings())}</p>
                    <button
                        type="button"
                        class="desk-button"
                        on:click=move |_| desk.dispatch(Event::Tab(crate::desk::state::Tab::Queue(queue)))
                    >
                        {desk.strings().retry}
                    </button>
                </div>
            }
            .into_any(),
        ),
        Load::Ready if ids.with(Vec::is_empty) => {
            Some(view! { <p class="desk-empty">{desk.strings().queue_empty}</p> }.into_any())
        }
        Load::Ready => None,
    }
    };
    view! {
        <h2 class="visually-hidden">{move || desk.strings().queue(queue)}</h2>
        {status}
        <ol class="desk-items" data-queue=queue.as_str()>
            <For each=move || ids.get() key=|id| *id let:id>
                <ItemCard desk queue id />
            </For>
        </ol>
        <Show when=move || has_more.get()>
            <button
                type="button"
                class="desk-button desk-more"
                disabled=move || loading_more.get()
                on:click=move |_| desk.dispatch(Event::LoadMore(queue))
            >
                {move || if loading_more.get() { desk.strings().loading } else { desk.strings().show_older }}
            </button>
        </Show>
    }
}

/// One item: the comment and its facts, its buttons, and its open form.
#[component]
fn ItemCard(desk: Desk, queue: Queue, id: i64) -> impl IntoView {
    let state = desk.state();
    let item = Memo::new(move |_| state.with(|s| s.item(queue, id).cloned()));
    let selected = Memo::new(move |_| state.with(|s| s.selected() == Some(id)));
    let form = Memo::new(move |_| state.with(|s| s.form(id).map(Form::kind)));
    view! {
        <li
            id=format!("desk-item-{id}")
            class="desk-item"
            class:desk-selected=move || selected.get()
            aria-current=move || selected.get().then_some("true")
            tabindex="-1"
            on:focusin=move |_| desk.dispatch(Event::Select(id))
            on:click=move |_| desk.dispatch(Event::Select(id))
        >
            {move || item.get().map(|item| view! { <ItemBody desk item /> })}
            <ItemActions desk queue id />
            <Show when=move || form.get() == Some(FormKind::Reject)>
                <RejectForm desk id />
            </Show>
            <Show when=move || form.get() == Some(FormKind::Ban)>
                <BanForm desk queue id />
            </Show>
        </li>
    }
}

/// The comment, its article, its author and why it is here.
#[component]
fn ItemBody(desk: Desk, item: QueueItem) -> impl IntoView {
    let s = desk.strings();
    let comment = item.comment;
    let link = format!(
        "{}#comment-{}",
        article_path(&item.article.slug),
        comment.id
    );
    let slug = item.article.slug.clone();
    let status_class = format!("desk-status desk-status-{}", comment.status.as_str());
    let held = item
        .held_for
        .filter(|_| comment.status == CommentStatus::Pending)
        .map(|held| s.held(held, item.held_detail.as_deref()));
    let reports = (!item.reports.is_empty()).then(|| {
        item.reports
            .iter()
            .map(|r| format!("{} × {}", s.reason(r.reason), r.count))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let rejection = comment.rejection.as_ref().map(|r| match &r.note {
        Some(note) => format!("{}: {note}", s.reason(r.reason)),
        None => s.reason(r.reason).to_owned(),
    });
    let parent = item.parent.map(|parent| {
        view! {
            <blockquote class="desk-parent">
                <p class="desk-parent-author">{s.reply_to} " " {parent.author}</p>
                <CommentText text=parent.text />
            </blockquote>
        }
    });
    view! {
        <div class="desk-item-head">
            <span class="desk-author" dir="auto">{comment.author}</span>
            <RelativeTime iso=comment.created_at />
            <span class=status_class>{s.status(comment.status)}</span>
            {comment.featured.then(|| view! { <span class="desk-badge desk-featured">{s.featured}</span> })}
            {item.shadow.then(|| view! { <span class="desk-badge desk-shadow">{s.shadow}</span> })}
        </div>
        <p class="desk-article">
            <a href=link target="_blank" rel="noopener">{item.article.title}</a>
            " · "
            <button
                type="button"
                class="desk-link-button"
                on:click=move |_| desk.dispatch(Event::OpenArticle(slug.clone()))
            >
                {s.article_settings}
            </button>
        </p>
        {parent}
        <CommentText text=comment.text />
        <dl class="desk-facts">
            {held.map(|held| view! {
                <div class="desk-held"><dt>{s.held}</dt><dd>{held}</dd></div>
            })}
            {rejection.map(|words| view! {
                <div><dt>{s.reject}</dt><dd>{words}</dd></div>
            })}
            {reports.map(|reports| view! {
                <div class="desk-reports"><dt>{s.reports}</dt><dd>{reports}</dd></div>
            })}
            <div>
                <dt>{s.reader}</dt>
                <dd class="desk-reader">
                    {item.reader.map(|r| view! { <code>{r}</code> }.into_any()).unwrap_or_else(|| s.no_reader.into_any())}
                </dd>
            </div>
            <div>
                <dt>{s.network}</dt>
                <dd class="desk-ip"><code>{item.ip_prefix.unwrap_or_else(|| "—".to_owned())}</code></dd>
            </div>
            <div>
                <dt>{s.author_approved}</dt>
                <dd class="desk-approved">{item.author_approved}</dd>
            </div>
        </dl>
    }
}

/// The item's buttons, each disabled while an action on it runs, and the
/// last failure with the server's reason.
#[component]
fn ItemActions(desk: Desk, queue: Queue, id: i64) -> impl IntoView {
    let state = desk.state();
    let facts = Memo::new(move |_| {
        state.with(|s| {
            s.item(queue, id)
                .map(|i| (i.comment.status, i.comment.featured, i.open_reports))
        })
    });
    let activity = Memo::new(move |_| state.with(|s| s.activity(id).cloned().unwrap_or_default()));
    let running = move || activity.with(|a| a.running.is_some());
    let button = move |kind: ActionKind, key: &'static str, event: Box<dyn Fn() -> Event>| {
        let shows = move || match activity.get().running {
            Some(now) if now == kind => desk.strings().working,
            _ => desk.strings().action(kind),
        };
        view! {
            <button
                type="button"
                class=format!("desk-button desk-{}", key)
                aria-keyshortcuts=key
                disabled=running
                on:click=move |e| {
                    e.stop_propagation();
                    desk.dispatch(Event::Select(id));
                    desk.dispatch(event());
                }
            >
                {shows}
            </button>
        }
    };
    let published = move || {
        facts
            .get()
            .is_some_and(|(status, _, _)| status == CommentStatus::Published)
    };
    let approvable = move || {
        facts
            .get()
            .is_some_and(|(status, _, reports)| status != CommentStatus::Published || reports > 0)
    };
    let featured = move || facts.get().is_some_and(|(_, featured, _)| featured);
    let failure = move || {
        activity.get().failure.map(|(kind, error)| {
            view! {
                <p class="desk-failure" role="alert">
                    {desk.strings().failed} " " {desk.strings().action(kind)} ": "
                    {error_text(&error, desk.strings())}
                </p>
            }
        })
    };
    view! {
        <div class="desk-actions">
            <Show when=approvable>
                {button(ActionKind::Approve, "a", Box::new(move || Event::Act { id, action: Action::Approve }))}
            </Show>
            {button(ActionKind::Reject, "r", Box::new(move || Event::OpenForm { id, kind: FormKind::Reject }))}
            {button(ActionKind::Remove, "d", Box::new(move || Event::Act { id, action: Action::Remove }))}
            <Show when=published>
                <Show
                    when=featured
                    fallback=move || button(ActionKind::Feature, "f", Box::new(move || Event::Act { id, action: Action::Feature(true) }))
                >
                    {button(ActionKind::Unfeature, "f", Box::new(move || Event::Act { id, action: Action::Feature(false) }))}
                </Show>
            </Show>
            {button(ActionKind::Ban, "b", Box::new(move || Event::OpenForm { id, kind: FormKind::Ban }))}
        </div>
        {failure}
    }
}

/// The rejection form: a reason (required) and a note for the author.
#[component]
fn RejectForm(desk: Desk, id: i64) -> impl IntoView {
    let state = desk.state();
    let draft = Memo::new(move |_| {
        state.with(|s| match s.form(id) {
            Some(Form::Reject(draft)) => draft.clone(),
            _ => RejectDraft::default(),
        })
    });
    let tried = RwSignal::new(false);
    let running =
        Memo::new(move |_| state.with(|s| s.activity(id).is_some_and(|a| a.running.is_some())));
    let set = move |change: &dyn Fn(&mut RejectDraft)| {
        let mut next = draft.get_untracked();
        change(&mut next);
        desk.dispatch(Event::Draft {
            id,
            form: Form::Reject(next),
        });
    };
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        tried.set(true);
        desk.dispatch(Event::Submit(id));
    };
    let reason_id = format!("reject-reason-{id}");
    let note_id = format!("reject-note-{id}");
    let title_id = format!("reject-title-{id}");
    let labelled_by = title_id.clone();
    let reasons = move || {
        Reason::ALL
            .into_iter()
            .map(|reason| {
                view! {
                    <option value=reason.as_str() selected=move || draft.get().reason == Some(reason)>
                        {desk.strings().reason(reason)}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        // The desk says what is missing itself, in its words and beside the field.
        <form
            class="desk-form"
            novalidate
            on:submit=submit
            aria-labelledby=labelled_by
            on:click=|e| e.stop_propagation()
        >
            <h3 id=title_id>{move || desk.strings().reject_title}</h3>
            <label for=reason_id.clone()>{move || desk.strings().reason}</label>
            <select
                id=reason_id
                required
                aria-invalid=move || (tried.get() && draft.get().reason.is_none()).then_some("true")
                on:change=move |e| {
                    let chosen = Reason::parse(&event_target_value(&e));
                    set(&|d| d.reason = chosen);
                }
            >
                <option value="" selected=move || draft.get().reason.is_none()>
                    {move || desk.strings().choose_reason}
                </option>
                {reasons}
            </select>
            <Show when=move || tried.get() && draft.get().reason.is_none()>
                <p class="desk-failure" role="alert">{move || desk.strings().reason_needed}</p>
            </Show>
            <label for=note_id.clone()>{move || desk.strings().note_for_author}</label>
            <textarea
                id=note_id
                rows="3"
                maxlength=NOTE_MAX_CHARS.to_string()
                prop:value=move || draft.get().note
                on:input=move |e| {
                    let text = event_target_value(&e);
                    set(&|d| d.note = text.clone());
                }
            ></textarea>
            <p class="desk-counter" aria-live="off">
                {move || draft.get().note.chars().count()} " " {move || desk.strings().of} " " {NOTE_MAX_CHARS}
            </p>
            <div class="desk-form-buttons">
                <button type="submit" class="desk-button desk-danger" disabled=move || running.get()>
                    {move || desk.strings().reject}
                </button>
                <button type="button" class="desk-button" on:click=move |_| desk.dispatch(Event::CloseForm(id))>
                    {move || desk.strings().cancel}
                </button>
            </div>
        </form>
    }
}

/// The ban form: whom (reader or network), how (open or shadow), how long, why.
#[component]
fn BanForm(desk: Desk, queue: Queue, id: i64) -> impl IntoView {
    let state = desk.state();
    let draft = Memo::new(move |_| {
        state.with(|s| match s.form(id) {
            Some(Form::Ban(draft)) => draft.clone(),
            _ => BanDraft::default(),
        })
    });
    let has_reader =
        Memo::new(move |_| state.with(|s| s.item(queue, id).is_some_and(|i| i.reader.is_some())));
    let running =
        Memo::new(move |_| state.with(|s| s.activity(id).is_some_and(|a| a.running.is_some())));
    let set = move |change: &dyn Fn(&mut BanDraft)| {
        let mut next = draft.get_untracked();
        change(&mut next);
        desk.dispatch(Event::Draft {
            id,
            form: Form::Ban(next),
        });
    };
    // Without a reader key only the network can be banned.
    Effect::new(move |_| {
        if !has_reader.get() && draft.get_untracked().scope == BanScope::Reader {
            set(&|d| d.scope = BanScope::Network);
        }
    });
    let submit = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        desk.dispatch(Event::Submit(id));
    };
    let scope_id = format!("ban-scope-{id}");
    let how_id = format!("ban-how-{id}");
    let length_id = format!("ban-length-{id}");
    let note_id = format!("ban-note-{id}");
    let title_id = format!("ban-title-{id}");
    let labelled_by = title_id.clone();
    let lengths = move || {
        BanLength::ALL
            .into_iter()
            .map(|length| {
                view! {
                    <option value=length.as_str() selected=move || draft.get().length == length>
                        {desk.strings().length(length)}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <form class="desk-form" on:submit=submit aria-labelledby=labelled_by on:click=|e| e.stop_propagation()>
            <h3 id=title_id>{move || desk.strings().ban_title}</h3>
            <label for=scope_id.clone()>{move || desk.strings().ban_whom}</label>
            <select
                id=scope_id
                on:change=move |e| {
                    let scope = BanScope::parse(&event_target_value(&e)).unwrap_or(BanScope::Network);
                    set(&|d| d.scope = scope);
                }
            >
                <option value="reader" disabled=move || !has_reader.get() selected=move || draft.get().scope == BanScope::Reader>
                    {move || desk.strings().scope_reader}
                </option>
                <option value="network" selected=move || draft.get().scope == BanScope::Network>
                    {move || desk.strings().scope_network}
                </option>
            </select>
            <label for=how_id.clone()>{move || desk.strings().ban_how}</label>
            <select
                id=how_id
                on:change=move |e| {
                    let shadow = event_target_value(&e) == "shadow";
                    set(&|d| d.shadow = shadow);
                }
            >
                <option value="open" selected=move || !draft.get().shadow>{move || desk.strings().ban_open}</option>
                <option value="shadow" selected=move || draft.get().shadow>{move || desk.strings().ban_shadow}</option>
            </select>
            <label for=length_id.clone()>{move || desk.strings().ban_length}</label>
            <select
                id=length_id
                on:change=move |e| {
                    let length = BanLength::parse(&event_target_value(&e)).unwrap_or_default();
                    set(&|d| d.length = length);
                }
            >
                {lengths}
            </select>
            <label for=note_id.clone()>{move || desk.strings().note_for_moderators}</label>
            <textarea
                id=note_id
                rows="2"
                maxlength=NOTE_MAX_CHARS.to_string()
                prop:value=move || draft.get().note
                on:input=move |e| {
                    let text = event_target_value(&e);
                    set(&|d| d.note = text.clone());
                }
            ></textarea>
            <div class="desk-form-buttons">
                <button type="submit" class="desk-button desk-danger" disabled=move || running.get()>
                    {move || desk.strings().ban}
                </button>
                <button type="button" class="desk-button" on:click=move |_| desk.dispatch(Event::CloseForm(id))>
                    {move || desk.strings().cancel}
                </button>
            </div>
        </form>
    }
}
