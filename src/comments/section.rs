//! The comments under the article: loads the thread, keeps it live, and
//! delivers the reader's posts through the outbox.

use super::api::{fetch_comments, post_comment};
use super::comment_item::{CommentItem, PendingItem};
use super::composer::Composer;
use super::live_edge::{ListOnScreen, Order, away_from_live_edge};
use super::outbox::{Delivery, Pending, load_outbox, save_outbox};
use super::reconnect::reopen_delay;
use super::stream::{LiveEvent, LiveStream, open_stream};
use super::thread::Thread;
use crate::api::ApiError;
use crate::i18n::{counted, use_lang};
use leptos::html::{Div, Textarea};
use leptos::prelude::*;
use std::time::Duration;
use vestnik_api::{Comment, NewComment};

/// New comments arriving within this time are announced together.
const ANNOUNCE_AFTER: Duration = Duration::from_millis(1500);

/// Where the first load of the thread is.
#[derive(Clone, Debug, PartialEq)]
enum Load {
    Loading,
    Ready,
    Failed(ApiError),
}

/// How the live connection is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Connection {
    Connecting,
    Live,
    Reconnecting,
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
    let slug = StoredValue::new(slug);

    let thread = RwSignal::new(Thread::default());
    // Comments from others that arrived while the reader was reading further up.
    let held = RwSignal::new(Vec::<Comment>::new());
    let outbox = RwSignal::new(Vec::<Pending>::new());
    let load = RwSignal::new(Load::Loading);
    let earlier = RwSignal::new(None::<String>);
    let loading_earlier = RwSignal::new(false);
    let connection = RwSignal::new(Connection::Connecting);
    let newest_first = RwSignal::new(false);
    let reply_to = RwSignal::new(None::<i64>);
    let restore = RwSignal::new(None::<NewComment>);
    let announcement = RwSignal::new(String::new());
    let field = NodeRef::<Textarea>::new();
    let list_start = NodeRef::<Div>::new();
    let list_end = NodeRef::<Div>::new();

    let last_event = StoredValue::new(0_i64);
    let stream_generation = RwSignal::new(0_u32);
    let failed_opens = StoredValue::new(0_u32);
    let unannounced = StoredValue::new(0_u64);
    let stream: StoredValue<Option<LiveStream>, LocalStorage> = StoredValue::new_local(None);

    let persist_outbox = move || {
        if let (Some(slug), Some(pending)) = (slug.try_get_value(), outbox.try_get_untracked()) {
            save_outbox(&slug, &pending);
        }
    };

    // The server has the post: it leaves the outbox and joins the thread.
    let confirm = move |comment: Comment| {
        let client_id = comment.client_id.clone();
        let _ = outbox.try_update(|o| o.retain(|p| Some(&p.post.client_id) != client_id.as_ref()));
        let _ = thread.try_update(|t| t.insert(comment));
        persist_outbox();
    };

    let deliver = move |post: NewComment| {
        let client_id = post.client_id.clone();
        outbox.update(
            |o| match o.iter_mut().find(|p| p.post.client_id == client_id) {
                Some(pending) => pending.delivery = Delivery::Sending,
                None => o.push(Pending {
                    post: post.clone(),
                    delivery: Delivery::Sending,
                }),
            },
        );
        persist_outbox();
        leptos::task::spawn_local(async move {
            let Some(slug) = slug.try_get_value() else {
                return;
            };
            match post_comment(&slug, &post).await {
                Ok(comment) => confirm(comment),
                Err(error) => {
                    let _ = outbox.try_update(|o| {
                        if let Some(p) = o.iter_mut().find(|p| p.post.client_id == client_id) {
                            p.delivery = Delivery::Failed(error);
                        }
                    });
                }
            }
        });
    };

    // Where the list is now: a layout, so it is asked at most once between
    // two of the reader's scrolls (below).
    let measure_away_from_live_edge = move || -> bool {
        let (Some(start), Some(end), Some(window)) = (
            list_start.get_untracked(),
            list_end.get_untracked(),
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
        let order = if newest_first.get_untracked() {
            Order::NewestFirst
        } else {
            Order::OldestFirst
        };
        away_from_live_edge(list, order)
    };

    // Decided at the reader's last scroll, not at every event: a reader at
    // the live edge keeps receiving comments even after the first few have
    // pushed the edge below the window (they did not move away: the list
    // grew), and a burst of events costs one layout, not one each.
    let edge_decision: StoredValue<Option<bool>> = StoredValue::new(None);
    let forget_edge_decision = move || edge_decision.set_value(None);
    // A reply put in above the window makes the browser's scroll anchoring
    // scroll the page, and that scroll is not the reader's: without this,
    // after the first reply every later comment was held.
    let settling = StoredValue::new(false);
    let settle_after_insert = move || {
        settling.set_value(true);
        // Anchoring scrolls at the next layout; its event comes a frame later.
        request_animation_frame(move || {
            request_animation_frame(move || {
                let _ = settling.try_set_value(false);
            })
        });
    };
    let scrolled = window_event_listener(leptos::ev::scroll, move |_| {
        if !settling.get_value() {
            forget_edge_decision();
        }
    });
    on_cleanup(move || scrolled.remove());
    let away_from_live_edge = move || -> bool {
        if let Some(away) = edge_decision.get_value() {
            return away;
        }
        let away = measure_away_from_live_edge();
        edge_decision.set_value(Some(away));
        away
    };

    // One polite announcement per burst, never one per comment.
    let announce_new = move |count: u64| {
        let before = unannounced.get_value();
        unannounced.set_value(before + count);
        if before == 0 {
            set_timeout(
                move || {
                    let Some(count) = unannounced.try_get_value() else {
                        return;
                    };
                    unannounced.set_value(0);
                    let lang = lang.get_untracked();
                    let _ =
                        announcement.try_set(counted(count, lang, &lang.strings().new_comments));
                },
                ANNOUNCE_AFTER,
            );
        }
    };

    // Comments from others that arrived in this task go into the thread
    // together: the browser delivers every event of one network read in a
    // single task, hundreds in a busy thread, and one thread update each
    // re-rendered the list hundreds of times before the page could paint.
    let arrived = StoredValue::new(Vec::<Comment>::new());
    let put_in_arrived = move || {
        let comments = arrived.try_update_value(std::mem::take).unwrap_or_default();
        if comments.is_empty() {
            return;
        }
        settle_after_insert();
        let _ = thread.try_update(|t| {
            for comment in comments {
                t.insert(comment);
            }
        });
    };
    let arrive = move |comment: Comment| {
        let first = arrived
            .try_update_value(|a| {
                a.push(comment);
                a.len() == 1
            })
            .unwrap_or(false);
        if first {
            set_timeout(put_in_arrived, Duration::ZERO);
        }
    };

    // A new stream after the browser gave up on the last one: when its wait
    // is over, or at once when the reader's device is back online or the
    // reader returns to the tab (a hidden tab's timers are slowed to a
    // minute or more).
    let reopen_timer = StoredValue::new(None::<TimeoutHandle>);
    let reopen = move || {
        if let Some(timer) = reopen_timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        let _ = stream_generation.try_update(|g| *g += 1);
    };
    let reopen_if_waiting = move || {
        if reopen_timer.try_with_value(Option::is_some) == Some(true) {
            reopen();
        }
    };
    let online = window_event_listener(leptos::ev::online, move |_| reopen_if_waiting());
    let shown = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if !document().hidden() {
            reopen_if_waiting();
        }
    });
    on_cleanup(move || {
        online.remove();
        shown.remove();
        if let Some(timer) = reopen_timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
    });

    let on_event = move |event: LiveEvent| {
        if thread.is_disposed() {
            return;
        }
        let advance = |id: Option<i64>| {
            if let Some(id) = id {
                last_event.update_value(|last| *last = (*last).max(id));
            }
        };
        match event {
            LiveEvent::Connected => {
                failed_opens.set_value(0);
                connection.set(Connection::Live);
            }
            LiveEvent::Reconnecting => connection.set(Connection::Reconnecting),
            LiveEvent::Closed => {
                connection.set(Connection::Reconnecting);
                let attempt = failed_opens.get_value();
                failed_opens.set_value(attempt + 1);
                let delay = reopen_delay(attempt, js_sys::Math::random());
                if let Ok(timer) = set_timeout_with_handle(reopen, delay) {
                    reopen_timer.set_value(Some(timer));
                }
            }
            LiveEvent::Comment(comment, id) => {
                advance(id);
                let own = comment.client_id.as_ref().is_some_and(|cid| {
                    outbox.with_untracked(|o| o.iter().any(|p| &p.post.client_id == cid))
                });
                let known = thread.with_untracked(|t| t.contains(comment.id))
                    || held.with_untracked(|h| h.iter().any(|c| c.id == comment.id))
                    || arrived.with_value(|a| a.iter().any(|c| c.id == comment.id));
                if own {
                    confirm(comment);
                } else if !known {
                    announce_new(1);
                    if away_from_live_edge() {
                        held.update(|h| h.push(comment));
                    } else {
                        arrive(comment);
                    }
                }
            }
            LiveEvent::Removed(removed, id) => {
                advance(id);
                // What arrived before the removal goes in first, so the
                // removal finds it (and its replies).
                put_in_arrived();
                thread.update(|t| {
                    t.remove(removed.id);
                });
                held.update(|h| {
                    h.retain(|c| c.id != removed.id && c.parent_id != Some(removed.id))
                });
            }
            LiveEvent::Count(count) => total.set(count.total),
            LiveEvent::Unreadable => {}
        }
    };

    // The stream opens after the first page, and again whenever the browser
    // gave up on it; the old one closes when it is replaced or the article left.
    Effect::new(move || {
        if stream_generation.get() == 0 {
            return;
        }
        let after = last_event.get_value();
        let Some(slug) = slug.try_get_value() else {
            return;
        };
        stream.set_value(None);
        stream.set_value(open_stream(&slug, after, on_event));
    });
    on_cleanup(move || {
        let _ = stream.try_update_value(|s| *s = None);
    });

    let load_first = move || {
        load.set(Load::Loading);
        leptos::task::spawn_local(async move {
            let Some(slug) = slug.try_get_value() else {
                return;
            };
            match fetch_comments(&slug, None).await {
                Ok(page) => {
                    if thread.is_disposed() {
                        return;
                    }
                    thread.update(|t| {
                        for comment in page.items {
                            t.insert(comment);
                        }
                    });
                    earlier.set(page.next);
                    total.set(page.total);
                    last_event.update_value(|last| *last = (*last).max(page.last_event_id));
                    load.set(Load::Ready);
                    stream_generation.update(|g| *g += 1);
                }
                Err(error) => {
                    let _ = load.try_set(Load::Failed(error));
                }
            }
        });
    };
    load_first();

    // Posts an earlier page left unconfirmed go out again: same client ids, no duplicates.
    let left_over = load_outbox(&slug.get_value());
    for post in left_over {
        deliver(post);
    }

    let load_earlier = move |_| {
        let Some(cursor) = earlier.get_untracked() else {
            return;
        };
        loading_earlier.set(true);
        leptos::task::spawn_local(async move {
            let Some(slug) = slug.try_get_value() else {
                return;
            };
            let result = fetch_comments(&slug, Some(&cursor)).await;
            if thread.is_disposed() {
                return;
            }
            loading_earlier.set(false);
            if let Ok(page) = result {
                thread.update(|t| {
                    for comment in page.items {
                        t.insert(comment);
                    }
                });
                earlier.set(page.next);
            }
        });
    };

    let reveal_held = move |_| {
        forget_edge_decision();
        let revealed = held.try_update(std::mem::take).unwrap_or_default();
        let first = revealed.first().map(|c| c.id);
        thread.update(|t| {
            for comment in revealed {
                t.insert(comment);
            }
        });
        if let Some(id) = first {
            request_animation_frame(move || {
                if let Some(element) = document().get_element_by_id(&format!("comment-{id}")) {
                    element.scroll_into_view();
                }
            });
        }
    };

    let on_reply = Callback::new(move |id: i64| {
        reply_to.set(Some(id));
        if let Some(field) = field.get_untracked() {
            let _ = field.focus();
        }
    });

    let pending_view = move |pending: Pending| {
        let client_id = pending.post.client_id.clone();
        let post = pending.post.clone();
        let retry_id = client_id.clone();
        let edit_id = client_id.clone();
        let retry_post = post.clone();
        view! {
            <PendingItem
                pending
                on_retry=Callback::new(move |_| deliver(retry_post.clone()))
                on_edit=Callback::new(move |_| {
                    outbox.update(|o| o.retain(|p| p.post.client_id != edit_id));
                    persist_outbox();
                    restore.set(Some(post.clone()));
                })
                on_discard=Callback::new(move |_| {
                    outbox.update(|o| o.retain(|p| p.post.client_id != retry_id));
                    persist_outbox();
                })
            />
        }
    };

    let earlier_button = move || {
        earlier.get().is_some().then(|| {
            view! {
                <button
                    type="button"
                    class="show-earlier"
                    disabled=move || loading_earlier.get()
                    on:click=load_earlier
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
                        on:click=move |_| {
                            forget_edge_decision();
                            newest_first.set(false)
                        }
                    >
                        {move || strings().oldest_first}
                    </button>
                    <button
                        type="button"
                        aria-pressed=move || newest_first.get().to_string()
                        on:click=move |_| {
                            forget_edge_decision();
                            newest_first.set(true)
                        }
                    >
                        {move || strings().newest_first}
                    </button>
                </div>
                <Show when=move || connection.get() == Connection::Reconnecting>
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
                            <button type="button" class="retry" on:click=move |_| load_first()>
                                {strings().retry}
                            </button>
                        </div>
                    }
                        .into_any()
                }
                Load::Ready => ().into_any(),
            }}
            <Show when=move || {
                load.get() == Load::Ready && thread.with(Thread::is_empty) && outbox.with(Vec::is_empty)
            }>
                <p class="no-comments">{move || strings().no_comments}</p>
            </Show>
            <div node_ref=list_start></div>
            <Show when=move || !newest_first.get()>{earlier_button}</Show>
            <ol class="comment-list">
                <For
                    each=move || thread.with(|t| t.top_level(newest_first.get()))
                    key=|id| *id
                    let:id
                >
                    <CommentItem id thread on_reply />
                </For>
            </ol>
            <Show when=move || newest_first.get()>{earlier_button}</Show>
            <ol class="comment-list pending-list">
                <For
                    each=move || outbox.get()
                    key=|p| (p.post.client_id.clone(), p.delivery == Delivery::Sending)
                    children=pending_view
                />
            </ol>
            <div node_ref=list_end></div>
            <Show when=move || !held.with(Vec::is_empty)>
                <button type="button" class="new-comments" on:click=reveal_held>
                    {move || {
                        counted(held.with(Vec::len) as u64, lang.get(), &strings().new_comments)
                    }}
                </button>
            </Show>
            <Composer
                slug=slug.get_value()
                thread
                reply_to
                restore
                field
                on_send=Callback::new(deliver)
            />
            <p class="visually-hidden" role="status" aria-live="polite">
                {move || announcement.get()}
            </p>
        </section>
    }
    .into_any()
}
