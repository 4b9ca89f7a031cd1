//! One comment with its replies, and a post of this reader still on its way.

use super::api::report_comment;
use super::comment_text::CommentText;
use super::outbox::{Delivery, Pending};
use super::reader;
use super::section::ShownThread;
use crate::api::ApiError;
use crate::i18n::time::{format_full, parse_instant};
use crate::i18n::{Strings, use_lang};
use crate::shell::RelativeTime;
use crate::shell::site::use_site;
use leptos::prelude::*;
use vestnik_api::{Comment, CommentStatus, Reason, Rejection};

/// What a reader can do to a comment, handed down to every one of them.
#[derive(Clone, Copy)]
pub struct CommentActions {
    /// Reply to the comment with this id.
    pub reply: Callback<i64>,
    /// Dismiss the reader's own rejected comment with this id.
    pub dismiss: Callback<i64>,
    /// Put the reader's own rejected comment with this id back into the composer.
    pub edit: Callback<i64>,
}

/// A top-level comment and, under it, its replies.
#[component]
pub fn CommentItem(
    /// The comment's id in `thread`.
    id: i64,
    /// Everything the page holds.
    thread: ShownThread,
    /// What the reader can do.
    actions: CommentActions,
) -> impl IntoView {
    let comment = thread.with_untracked(|t| t.get(id).cloned()).flatten();
    let replies = Memo::new(move |_| {
        thread
            .with(|t| {
                t.replies_of(id)
                    .into_iter()
                    .map(|r| t.key(r))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    comment.map(|comment| {
        view! {
            <li class="comment-entry">
                <CommentCard comment actions reply_to=id />
                <Show when=move || !replies.with(Vec::is_empty)>
                    <ol class="replies">
                        <For each=move || replies.get() key=|key| *key let:key>
                            {thread
                                .with_untracked(|t| t.get(key.0).cloned())
                                .flatten()
                                .map(|reply| {
                                    view! {
                                        <li class="comment-entry">
                                            // A reply to a reply joins the same thread: one level only.
                                            <CommentCard comment=reply actions reply_to=id />
                                        </li>
                                    }
                                })}
                        </For>
                    </ol>
                </Show>
            </li>
        }
    })
}

/// The comment itself: who, when, what, and what the reader can do with
/// it; the reader's own comment that waits or was rejected says so.
#[component]
fn CommentCard(
    comment: Comment,
    actions: CommentActions,
    /// The top-level comment a reply to this one joins.
    reply_to: i64,
) -> impl IntoView {
    let lang = use_lang();
    let strings = move || lang.get().strings();
    let Comment {
        id,
        author,
        text,
        created_at,
        status,
        rejection,
        featured,
        ..
    } = comment;
    let class = match status {
        CommentStatus::Pending => "comment awaiting-review",
        CommentStatus::Rejected => "comment rejected",
        _ if featured => "comment featured",
        _ => "comment",
    };
    let state_line = match (status, rejection) {
        (CommentStatus::Pending, _) => Some(
            view! {
                <p class="comment-state">
                    <strong class="comment-badge">{move || strings().awaiting_review}</strong>
                    " " {move || strings().awaiting_review_note}
                </p>
            }
            .into_any(),
        ),
        (CommentStatus::Rejected, rejection) => Some(
            view! {
                <div class="comment-state" role="note">
                    <p>
                        <strong>{move || strings().rejected}</strong> " "
                        {move || rejection_words(rejection.as_ref(), strings())}
                    </p>
                    <button type="button" class="link-button" on:click=move |_| actions.edit.run(id)>
                        {move || strings().edit}
                    </button>
                    <button type="button" class="link-button" on:click=move |_| actions.dismiss.run(id)>
                        {move || strings().dismiss}
                    </button>
                </div>
            }
            .into_any(),
        ),
        _ => None,
    };
    let published = status == CommentStatus::Published;
    view! {
        <article class=class id=format!("comment-{id}")>
            <header class="comment-header">
                <bdi class="comment-author">{author}</bdi>
                <RelativeTime iso=created_at />
                {featured.then(|| view! { <span class="comment-badge featured-badge">{move || strings().featured}</span> })}
            </header>
            {state_line}
            <CommentText text />
            {published.then(|| view! {
                <div class="comment-actions">
                    <button type="button" class="comment-reply link-button" on:click=move |_| actions.reply.run(reply_to)>
                        {move || strings().reply}
                    </button>
                    <ReportControl id />
                </div>
            })}
        </article>
    }
}

/// A rejection's reason (and the moderator's note) in the reader's language.
fn rejection_words(rejection: Option<&Rejection>, strings: &Strings) -> String {
    let Some(rejection) = rejection else {
        return String::new();
    };
    let reason = reason_name(rejection.reason, strings);
    match &rejection.note {
        Some(note) => format!("{reason}. {note}"),
        None => format!("{reason}."),
    }
}

/// A reason's name.
pub fn reason_name(reason: Reason, strings: &Strings) -> &'static str {
    match reason {
        Reason::Spam => strings.reason_spam,
        Reason::Insult => strings.reason_insult,
        Reason::OffTopic => strings.reason_off_topic,
        Reason::Illegal => strings.reason_illegal,
        Reason::Other | Reason::Unknown => strings.reason_other,
    }
}

/// "Пожаловаться": a disclosure with the reasons, sent once, then a
/// thank-you (or why it did not go) in a live region.
#[component]
fn ReportControl(id: i64) -> impl IntoView {
    let lang = use_lang();
    let strings = move || lang.get().strings();
    let disclosure = NodeRef::<leptos::html::Details>::new();
    let choice = NodeRef::<leptos::html::Select>::new();
    // The words the live region says; empty until a report was tried.
    let outcome = RwSignal::new(None::<Result<(), ApiError>>);
    let send = move || {
        let Some(reason) = choice
            .get_untracked()
            .and_then(|s| Reason::parse(&s.value()))
        else {
            return;
        };
        if let Some(details) = disclosure.get_untracked() {
            details.set_open(false);
        }
        leptos::task::spawn_local(async move {
            let sent = match reader::current().await {
                Some(me) => report_comment(id, &me.key, reason).await,
                None => Err(ApiError::Network),
            };
            let _ = outcome.try_set(Some(sent));
        });
    };
    let select_id = format!("report-reason-{id}");
    view! {
        <details class="report" node_ref=disclosure>
            <summary class="comment-report link-button">{move || strings().report}</summary>
            <form
                class="report-form"
                on:submit=move |event| {
                    event.prevent_default();
                    send();
                }
            >
                <label for=select_id.clone()>{move || strings().report_question}</label>
                <select id=select_id node_ref=choice>
                    {[Reason::Spam, Reason::Insult, Reason::OffTopic, Reason::Illegal]
                        .into_iter()
                        .map(|reason| view! {
                            <option value=reason.as_str()>{move || reason_name(reason, strings())}</option>
                        })
                        .collect_view()}
                </select>
                <button type="submit" class="send">{move || strings().report_send}</button>
            </form>
        </details>
        <p class="report-status" role="status">
            {move || outcome.with(|o| match o {
                Some(Ok(())) => strings().report_thanks.to_owned(),
                Some(Err(error)) => format!("{} {}", strings().report_failed, error.message(strings())),
                None => String::new(),
            })}
        </p>
    }
}

/// A post of this reader the server has not confirmed: "sending", or why it
/// failed with a way to retry, to edit it again, or to drop it.
#[component]
pub fn PendingItem(
    /// The post and how its sending goes.
    pending: Pending,
    /// Send it again.
    on_retry: Callback<()>,
    /// Put its text back into the composer.
    on_edit: Callback<()>,
    /// Forget it.
    on_discard: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let site = use_site();
    let strings = move || lang.get().strings();
    let Pending { post, delivery } = pending;
    // The end of a ban in the reader's words, not as the server wrote it.
    let delivery = match delivery {
        Delivery::Failed(ApiError::Refused {
            reason: vestnik_api::Refusal::Banned,
            detail: Some(until),
            field,
            message,
        }) => Delivery::Failed(ApiError::Refused {
            reason: vestnik_api::Refusal::Banned,
            detail: Some(
                parse_instant(&until)
                    .map(|at| {
                        format_full(&at, lang.get_untracked(), &site.read_untracked().time_zone)
                    })
                    .unwrap_or(until),
            ),
            field,
            message,
        }),
        other => other,
    };
    let status = match delivery {
        Delivery::Sending => view! {
            <p class="pending-status" role="status">{move || strings().sending}</p>
        }
        .into_any(),
        Delivery::Failed(error) => {
            let retryable = error.is_retryable();
            let reason = {
                let error = error.clone();
                move || error.message(strings())
            };
            view! {
                <div class="pending-status failed" role="alert">
                    <p>{move || strings().not_sent} " " {reason}</p>
                    <Show when=move || retryable>
                        <button type="button" class="retry" on:click=move |_| on_retry.run(())>
                            {move || strings().retry}
                        </button>
                    </Show>
                    <button type="button" class="link-button" on:click=move |_| on_edit.run(())>
                        {move || strings().edit}
                    </button>
                    <button type="button" class="link-button" on:click=move |_| on_discard.run(())>
                        {move || strings().discard}
                    </button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <li class="comment-entry pending">
            <article class="comment" aria-busy="true">
                <header class="comment-header">
                    <bdi class="comment-author">{post.author}</bdi>
                </header>
                <CommentText text=post.text />
                {status}
            </article>
        </li>
    }
}
