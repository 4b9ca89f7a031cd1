//! The comments under the article: a view over [`CommentsState`], which
//! holds the widget's logic. Events go in through `Section::dispatch`;
//! the effects the state answers are run here, at the edges: the network,
//! storage, timers and the DOM.

use super::api::{fetch_comments, post_comment};
use super::comment_item::{CommentActions, CommentItem, PendingItem};
use super::composer::Composer;
use super::dismissed::{load_dismissed, save_dismissed};
use super::live_edge::{EdgeDecision, ListOnScreen, Order, away_from_live_edge};
use super::outbox::{Delivery, Pending, load_outbox, save_outbox};
use super::proof_of_work::Prover;
use super::reader::{self, Reader};
use super::state::{CommentsState, Connection, Effect, Event, Load};
use super::stream::{LiveEvent, LiveStream, open_stream};
use super::thread::Thread;
use crate::i18n::{Lang, counted, use_lang};
use leptos::html::{Div, Textarea};
use leptos::prelude::*;
use std::time::Duration;
use vestnik_api::NewComment;

/// The thread as the comments' views read it. It is tracked by a trigger of
/// its own, notified only when the thread changed: every shown comment reads
/// it, and a stream event that changes only the rest of the state (a held
/// comment, the resume point) must not reach them all.
#[derive(Clone, Copy)]
pub struct ShownThread {
    state: RwSignal<CommentsState>,
    changed: Trigger,
}

impl ShownThread {
    /// The thread of `state`, whose changes `changed` announces.
    pub fn new(state: RwSignal<CommentsState>, changed: Trigger) -> Self {
        Self { state, changed }
    }

    /// Reads the thread, and runs the caller again when it changes;
    /// `None` once the section is gone.
    pub fn with<R>(&self, read: impl FnOnce(&Thread) -> R) -> Option<R> {
        self.changed.track();
        self.with_untracked(read)
    }

    /// Reads the thread as it is now.
    pub fn with_untracked<R>(&self, read: impl FnOnce(&Thread) -> R) -> Option<R> {
        self.state.try_with_untracked(|s| read(s.thread()))
    }
}

/// The section's handles: its state and what runs the state's effects.
#[derive(Clone, Copy)]
struct Section {
    slug: StoredValue<String>,
    state: RwSignal<CommentsState>,
    thread: ShownThread,
    /// The article's count, which the meta line shows too.
    total: RwSignal<u64>,
    /// Text put back into the composer by "edit".
    restore: RwSignal<Option<NewComment>>,
    /// What the polite live region says.
    announcement: RwSignal<String>,
    lang: Signal<Lang>,
    list_start: NodeRef<Div>,
    list_end: NodeRef<Div>,
    edge: StoredValue<EdgeDecision>,
    stream: StoredValue<Option<LiveStream>, LocalStorage>,
    reopen_timer: StoredValue<Option<TimeoutHandle>>,
    /// Who this reader is, once known (before the first page is asked for).
    reader: StoredValue<Option<Reader>>,
    /// The proof of work being solved for the next post.
    prover: StoredValue<Prover, LocalStorage>,
}

impl Section {
    /// Takes `event` into the state and runs the effects it answers. Timers
    /// and answers can come after the article was left: then nothing happens.
    fn dispatch(self, event: Event) {
        let Some((effects, thread_changed)) = self.state.try_update(|s| {
            let revision = s.thread_revision();
            let effects = s.apply(event);
            (effects, s.thread_revision() != revision)
        }) else {
            return;
        };
        if thread_changed {
            self.thread.changed.notify();
        }
        for effect in effects {
            self.run(effect);
        }
    }

    /// The reader's id, once known.
    fn reader_id(self) -> Option<String> {
        self.reader.try_get_value().flatten().map(|r| r.id)
    }

    /// Starts solving the next post's proof of work, when the article asks for one.
    fn prepare_proof(self) {
        let wanted = self
            .state
            .try_with_untracked(CommentsState::wants_proof)
            .unwrap_or(false);
        if wanted {
            self.prover.with_value(|p| p.prepare(self.reader_id()));
        }
    }

    /// Sends `post` with the reader's key and, when the article asks for
    /// one, a solved proof of work; a proof the server found stale is
    /// replaced by a fresh one once, without the reader seeing it.
    async fn send(self, slug: String, mut post: NewComment) -> Event {
        let me = reader::current().await;
        post.reader_key = me.as_ref().map(|r| r.key.clone());
        let reader_id = me.map(|r| r.id);
        let prover = self.prover.get_value();
        let wanted = self
            .state
            .try_with_untracked(CommentsState::wants_proof)
            .unwrap_or(false);
        if wanted {
            post.proof = prover.take(reader_id.clone()).await;
        }
        let mut answer = post_comment(&slug, &post).await;
        if answer.as_ref().is_err_and(|e| e.wants_proof()) {
            post.proof = prover.take(reader_id).await;
            answer = post_comment(&slug, &post).await;
        }
        match answer {
            Ok(comment) => Event::Sent(comment),
            Err(error) => Event::SendFailed {
                client_id: post.client_id,
                error,
            },
        }
    }

    fn run(self, effect: Effect) {
        match effect {
            Effect::FetchFirst => leptos::task::spawn_local(async move {
                let Some(slug) = self.slug.try_get_value() else {
                    return;
                };
                let reader = self.reader_id();
                self.dispatch(match fetch_comments(&slug, None, reader.as_deref()).await {
                    Ok(page) => Event::FirstPage(page),
                    Err(error) => Event::FirstPageFailed(error),
                });
            }),
            Effect::FetchEarlier(cursor) => leptos::task::spawn_local(async move {
                let Some(slug) = self.slug.try_get_value() else {
                    return;
                };
                let reader = self.reader_id();
                self.dispatch(
                    match fetch_comments(&slug, Some(&cursor), reader.as_deref()).await {
                        Ok(page) => Event::EarlierPage(page),
                        Err(_) => Event::EarlierFailed,
                    },
                );
            }),
            Effect::Post(post) => leptos::task::spawn_local(async move {
                let Some(slug) = self.slug.try_get_value() else {
                    return;
                };
                let outcome = self.send(slug, post).await;
                self.dispatch(outcome);
                // Ready before the reader writes the next one.
                self.prepare_proof();
            }),
            Effect::SaveDismissed => {
                if let Some(slug) = self.slug.try_get_value() {
                    self.state.try_with_untracked(|s| {
                        save_dismissed(&slug, s.dismissed().iter().copied())
                    });
                }
            }
            Effect::SaveOutbox => {
                if let Some(slug) = self.slug.try_get_value() {
                    self.state
                        .try_with_untracked(|s| save_outbox(&slug, s.outbox()));
                }
            }
            Effect::OpenStream { after } => {
                let Some(slug) = self.slug.try_get_value() else {
                    return;
                };
                // The old stream closes before the new one opens.
                self.stream.set_value(None);
                let reader = self.reader_id();
                self.stream
                    .set_value(open_stream(&slug, after, reader.as_deref(), move |event| {
                        self.on_live(event)
                    }));
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
            Effect::ScheduleFlush => {
                set_timeout(move || self.dispatch(Event::Flush), Duration::ZERO)
            }
            Effect::ScheduleAnnouncement(wait) => {
                set_timeout(move || self.dispatch(Event::AnnounceDue), wait)
            }
            Effect::Announce(count) => {
                if let Some(lang) = self.lang.try_get_untracked() {
                    let _ = self.announcement.try_set(counted(
                        count,
                        lang,
                        &lang.strings().new_comments,
                    ));
                }
            }
            Effect::SetTotal(total) => {
                let _ = self.total.try_set(total);
            }
            Effect::ScrollTo(id) => request_animation_frame(move || {
                if let Some(element) = document().get_element_by_id(&format!("comment-{id}")) {
                    element.scroll_into_view();
                }
            }),
            Effect::Restore(post) => {
                let _ = self.restore.try_set(Some(post));
            }
            Effect::ForgetEdgeDecision => self.edge.update_value(EdgeDecision::forget),
            Effect::SettleAfterInsert => {
                self.edge.update_value(EdgeDecision::settle);
                // Anchoring scrolls at the next layout; its event comes a frame later.
                request_animation_frame(move || {
                    request_animation_frame(move || self.edge.update_value(EdgeDecision::settled))
                });
            }
        }
    }

    /// What the stream said, as an event of the state.
    fn on_live(self, event: LiveEvent) {
        let event = match event {
            LiveEvent::Connected => Event::Connected,
            LiveEvent::Reconnecting => Event::Reconnecting,
            LiveEvent::Closed => Event::Closed {
                jitter: js_sys::Math::random(),
            },
            LiveEvent::Comment(comment, event_id) => {
                // Where the reader is costs a layout: asked only when it matters.
                let news = self.state.try_with_untracked(|s| s.is_news(&comment));
                let away = news == Some(true)
                    && self
                        .edge
                        .try_update_value(|edge| edge.away(|| self.measure_away()))
                        .unwrap_or(false);
                Event::Comment {
                    comment,
                    event_id,
                    away,
                }
            }
            LiveEvent::Removed(removed, event_id) => Event::Removed {
                id: removed.id,
                event_id,
            },
            LiveEvent::Count(count) => Event::Count(count.total),
            LiveEvent::Settings(settings) => Event::Settings(settings),
            LiveEvent::Unreadable => return,
        };
        self.dispatch(event);
    }

    /// Where the list is now, which forces a layout.
    fn measure_away(self) -> bool {
        let (Some(start), Some(end), Some(window)) = (
            self.list_start.get_untracked(),
            self.list_end.get_untracked(),
            web_sys::window(),
        ) else {
            return false;
        };
        let viewport = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let list = ListOnScreen {
            top: start.get_bounding_client_rect().top(),
            bottom: end.get_bounding_client_rect().bottom(),
            viewport,
        };
        let order = self
            .state
            .try_with_untracked(CommentsState::order)
            .unwrap_or_default();
        away_from_live_edge(list, order)
    }
}

/// The comments of the article `slug`; `total` is the article's live count,
/// which the meta line shows too.
#[component]
pub fn CommentsSection(
    /// The article.
    slug: String,
    /// The article's comment count, kept current from the stream.
    total: RwSignal<u64>,
) -> AnyView {
    let lang = use_lang();
    let strings = move || lang.get().strings();
    let state = RwSignal::new(CommentsState::with_dismissed(load_dismissed(&slug)));
    let thread = ShownThread::new(state, Trigger::new());
    let section = Section {
        slug: StoredValue::new(slug),
        state,
        thread,
        total,
        restore: RwSignal::new(None),
        announcement: RwSignal::new(String::new()),
        lang,
        list_start: NodeRef::new(),
        list_end: NodeRef::new(),
        edge: StoredValue::new(EdgeDecision::default()),
        stream: StoredValue::new_local(None),
        reopen_timer: StoredValue::new(None),
        reader: StoredValue::new(None),
        prover: StoredValue::new_local(Prover::default()),
    };
    let dispatch = move |event: Event| section.dispatch(event);
    // The composer's own state (what is typed, the comment replied to) is the composer's.
    let reply_to = RwSignal::new(None::<i64>);
    let field = NodeRef::<Textarea>::new();

    let scrolled = window_event_listener(leptos::ev::scroll, move |_| {
        section.edge.update_value(EdgeDecision::scrolled)
    });
    // A hidden tab's timers are slowed to a minute or more: a stream the
    // browser gave up on opens again at once when the reader is back.
    let online = window_event_listener(leptos::ev::online, move |_| dispatch(Event::Resumed));
    let shown = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if !document().hidden() {
            dispatch(Event::Resumed);
        }
    });
    on_cleanup(move || {
        scrolled.remove();
        online.remove();
        shown.remove();
        section.run(Effect::CancelReopen);
        let _ = section.stream.try_update_value(|s| *s = None);
    });

    // The reader's id first: the first page holds their own waiting comments.
    leptos::task::spawn_local(async move {
        let me = reader::current().await;
        if section.reader.try_set_value(me).is_none() {
            dispatch(Event::LoadFirst);
            // Posts an earlier page left unconfirmed go out again: same client ids, no duplicates.
            if let Some(slug) = section.slug.try_get_value() {
                for post in load_outbox(&slug) {
                    dispatch(Event::Send(post));
                }
            }
        }
    });

    // What the view reads, each changing only when its value does.
    let load = Memo::new(move |_| state.with(|s| s.load().clone()));
    let newest_first = Memo::new(move |_| state.with(|s| s.order() == Order::NewestFirst));
    let has_earlier = Memo::new(move |_| state.with(CommentsState::has_earlier));
    let loading_earlier = Memo::new(move |_| state.with(CommentsState::loading_earlier));
    let held = move || state.with(|s| s.held().len());
    let closed = Memo::new(move |_| state.with(|s| s.settings().closed));
    let moderation = Memo::new(move |_| state.with(|s| s.settings().moderation));

    let actions = CommentActions {
        reply: Callback::new(move |id: i64| {
            reply_to.set(Some(id));
            if let Some(field) = field.get_untracked() {
                let _ = field.focus();
            }
        }),
        dismiss: Callback::new(move |id| dispatch(Event::Dismiss(id))),
        edit: Callback::new(move |id| dispatch(Event::EditRejected(id))),
    };

    let pending_view = move |pending: Pending| {
        let client_id = pending.post.client_id.clone();
        let edit_id = client_id.clone();
        let discard_id = client_id.clone();
        view! {
            <PendingItem
                pending
                on_retry=Callback::new(move |_| dispatch(Event::Retry(client_id.clone())))
                on_edit=Callback::new(move |_| dispatch(Event::Edit(edit_id.clone())))
                on_discard=Callback::new(move |_| dispatch(Event::Discard(discard_id.clone())))
            />
        }
    };

    let earlier_button = move || {
        has_earlier.get().then(|| {
            view! {
                <button
                    type="button"
                    class="show-earlier"
                    disabled=move || loading_earlier.get()
                    on:click=move |_| dispatch(Event::LoadEarlier)
                >
                    {move || if loading_earlier.get() { strings().loading } else { strings().show_earlier }}
                </button>
            }
        })
    };

    view! {
        <section id="comments" class="comments" aria-labelledby="comments-title" tabindex="-1">
            <h2 id="comments-title">
                {move || strings().comments_title} " "
                <span class="comments-total">{move || total.get()}</span>
            </h2>
            <div class="comments-toolbar">
                <div class="comment-order" role="group" aria-label=move || strings().comment_order>
                    <button
                        type="button"
                        aria-pressed=move || (!newest_first.get()).to_string()
                        on:click=move |_| dispatch(Event::Order(Order::OldestFirst))
                    >
                        {move || strings().oldest_first}
                    </button>
                    <button
                        type="button"
                        aria-pressed=move || newest_first.get().to_string()
                        on:click=move |_| dispatch(Event::Order(Order::NewestFirst))
                    >
                        {move || strings().newest_first}
                    </button>
                </div>
                <Show when=move || state.with(|s| s.connection() == Connection::Reconnecting)>
                    <p class="connection-status" role="status">
                        {move || strings().reconnecting}
                    </p>
                </Show>
            </div>
            {move || match load.get() {
                Load::Loading => {
                    view! { <p class="loading" role="status">{strings().loading}</p> }.into_any()
                }
                Load::Failed(error) => {
                    view! {
                        <div class="feed-error" role="alert">
                            <p>{strings().comments_error} " " {error.message(strings())}</p>
                            <button type="button" class="retry" on:click=move |_| dispatch(Event::LoadFirst)>
                                {strings().retry}
                            </button>
                        </div>
                    }
                        .into_any()
                }
                Load::Ready => ().into_any(),
            }}
            <Show when=move || state.with(CommentsState::shows_none)>
                <p class="no-comments">{move || strings().no_comments}</p>
            </Show>
            <div node_ref=section.list_start></div>
            <Show when=move || !newest_first.get()>{earlier_button}</Show>
            <ol class="comment-list">
                <For
                    each=move || {
                        let newest_first = newest_first.get();
                        thread
                            .with(|t| {
                                t.top_level(newest_first).into_iter().map(|id| t.key(id)).collect::<Vec<_>>()
                            })
                            .unwrap_or_default()
                    }
                    key=|key: &(i64, u32)| *key
                    let:key
                >
                    <CommentItem id=key.0 thread actions />
                </For>
            </ol>
            <Show when=move || newest_first.get()>{earlier_button}</Show>
            <ol class="comment-list pending-list">
                <For
                    each=move || state.with(|s| s.outbox().to_vec())
                    key=|p| (p.post.client_id.clone(), p.delivery == Delivery::Sending)
                    children=pending_view
                />
            </ol>
            <div node_ref=section.list_end></div>
            <Show when=move || held() != 0>
                <button type="button" class="new-comments" on:click=move |_| dispatch(Event::RevealHeld)>
                    {move || counted(held() as u64, lang.get(), &strings().new_comments)}
                </button>
            </Show>
            <Show
                when=move || !closed.get()
                fallback=move || view! { <p class="comments-closed" role="status">{move || strings().comments_closed}</p> }
            >
                <Composer
                    slug=section.slug.get_value()
                    thread
                    reply_to
                    restore=section.restore
                    field
                    on_send=Callback::new(move |post| dispatch(Event::Send(post)))
                    moderation=Signal::derive(move || moderation.get())
                    on_writing=Callback::new(move |_| section.prepare_proof())
                />
            </Show>
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || section.announcement.get()}
            </p>
        </section>
    }
    .into_any()
}
