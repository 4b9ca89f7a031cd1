//! One comment with its replies, and a post of this reader still on its way.

use super::comment_text::CommentText;
use super::outbox::{Delivery, Pending};
use super::section::ShownThread;
use crate::i18n::use_lang;
use crate::shell::RelativeTime;
use leptos::prelude::*;
use vestnik_api::Comment;

/// A top-level comment and, under it, its replies.
#[component]
pub fn CommentItem(
    /// The comment's id in `thread`.
    id: i64,
    /// Everything the page shows.
    thread: ShownThread,
    /// Called with the id of the comment to reply to.
    on_reply: Callback<i64>,
) -> impl IntoView {
    let comment = thread.with_untracked(|t| t.get(id).cloned()).flatten();
    let replies = Memo::new(move |_| thread.with(|t| t.replies_of(id)).unwrap_or_default());
    comment.map(|comment| {
        view! {
            <li class="comment-entry">
                <CommentCard comment on_reply=move || on_reply.run(id) />
                <Show when=move || !replies.with(Vec::is_empty)>
                    <ol class="replies">
                        <For each=move || replies.get() key=|id| *id let:reply_id>
                            {thread
                                .with_untracked(|t| t.get(reply_id).cloned())
                                .flatten()
                                .map(|reply| {
                                    view! {
                                        <li class="comment-entry">
                                            // A reply to a reply joins the same thread: one level only.
                                            <CommentCard comment=reply on_reply=move || on_reply.run(id) />
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

/// The comment itself: who, when, what, and "reply".
#[component]
fn CommentCard(comment: Comment, #[prop(into)] on_reply: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let Comment {
        id,
        author,
        text,
        created_at,
        ..
    } = comment;
    view! {
        <article class="comment" id=format!("comment-{id}")>
            <header class="comment-header">
                <bdi class="comment-author">{author}</bdi>
                <RelativeTime iso=created_at />
            </header>
            <CommentText text />
            <button type="button" class="comment-reply link-button" on:click=move |_| on_reply.run(())>
                {move || lang.get().strings().reply}
            </button>
        </article>
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
    let strings = move || lang.get().strings();
    let Pending { post, delivery } = pending;
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
