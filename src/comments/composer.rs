//! The form a reader writes a comment in.

use super::draft::{Draft, load_author, load_draft, save_author, save_draft};
use super::section::ShownThread;
use crate::api::random_id;
use crate::i18n::{Strings, use_lang};
use leptos::html::Textarea;
use leptos::prelude::*;
use vestnik_api::{AUTHOR_MAX_CHARS, COMMENT_MAX_CHARS, ModerationMode, NewComment};

/// Something that keeps a comment from being sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// No name, or only spaces.
    NameRequired,
    /// A name over [`AUTHOR_MAX_CHARS`] characters.
    NameTooLong,
    /// No text, or only spaces.
    TextRequired,
    /// A text over [`COMMENT_MAX_CHARS`] characters.
    TextTooLong,
}

impl Problem {
    /// What the reader is told.
    pub fn message(self, strings: &Strings) -> &'static str {
        match self {
            Problem::NameRequired => strings.name_required,
            Problem::NameTooLong => strings.name_too_long,
            Problem::TextRequired => strings.text_required,
            Problem::TextTooLong => strings.text_too_long,
        }
    }
}

/// What is wrong with a comment before it is sent, per field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Problems {
    /// The name's problem.
    pub author: Option<Problem>,
    /// The text's problem.
    pub text: Option<Problem>,
}

impl Problems {
    /// Whether the comment may be sent.
    pub fn is_empty(&self) -> bool {
        self.author.is_none() && self.text.is_none()
    }
}

/// Checks a comment the way the server will: a name and a text that are not
/// only spaces, each within its length in characters (not bytes).
pub fn check(author: &str, text: &str) -> Problems {
    let author = author.trim();
    let text = text.trim();
    Problems {
        author: if author.is_empty() {
            Some(Problem::NameRequired)
        } else if author.chars().count() > AUTHOR_MAX_CHARS {
            Some(Problem::NameTooLong)
        } else {
            None
        },
        text: if text.is_empty() {
            Some(Problem::TextRequired)
        } else if text.chars().count() > COMMENT_MAX_CHARS {
            Some(Problem::TextTooLong)
        } else {
            None
        },
    }
}

/// The composer: name (remembered), text with a live character count, the
/// comment being replied to, and "send" (also Ctrl/Cmd+Enter).
#[component]
pub fn Composer(
    /// The article commented on; the draft is kept per article.
    slug: String,
    /// The comments, to name the one replied to.
    thread: ShownThread,
    /// The comment being replied to; set by "reply" buttons.
    reply_to: RwSignal<Option<i64>>,
    /// Text put back by "edit" on a failed post.
    restore: RwSignal<Option<NewComment>>,
    /// The textarea, focused by "reply".
    field: NodeRef<Textarea>,
    /// Receives each valid comment, with a fresh client id.
    on_send: Callback<NewComment>,
    /// How the article's comments are moderated, for the hint under the form.
    #[prop(into)]
    moderation: Signal<ModerationMode>,
    /// Called when the reader starts writing: the page gets its proof of
    /// work ready while they type.
    on_writing: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let strings = move || lang.get().strings();
    let kept = load_draft(&slug);
    let author = RwSignal::new(load_author());
    let text = RwSignal::new(kept.text);
    if kept.parent_id.is_some() {
        reply_to.set(kept.parent_id);
    }
    // Problems are shown after a first attempt to send, not while typing the first word.
    let tried = RwSignal::new(false);
    // The field people never see; a bot that fills every field fills it.
    let website = RwSignal::new(String::new());
    let problems = Memo::new(move |_| check(&author.read(), &text.read()));
    let length = Memo::new(move |_| text.read().trim().chars().count());

    // Every change is kept at once: a reload or a crash loses nothing.
    let draft_slug = slug.clone();
    Effect::new(move || {
        let draft = Draft {
            text: text.get(),
            parent_id: reply_to.get(),
        };
        save_draft(&draft_slug, &draft);
    });
    Effect::new(move || save_author(&author.read()));
    Effect::new(move || {
        if let Some(post) = restore.get() {
            author.set(post.author);
            text.set(post.text);
            reply_to.set(post.parent_id);
            if let Some(field) = field.get_untracked() {
                let _ = field.focus();
            }
        }
    });

    let send = move || {
        tried.set(true);
        if !problems.get_untracked().is_empty() {
            if let Some(field) = field.get_untracked() {
                let _ = field.focus();
            }
            return;
        }
        on_send.run(NewComment {
            author: author.get_untracked().trim().to_owned(),
            text: text.get_untracked().trim().to_owned(),
            parent_id: reply_to.get_untracked(),
            client_id: random_id(),
            website: Some(website.get_untracked()).filter(|w| !w.is_empty()),
            ..NewComment::default()
        });
        // The post is in the outbox now (kept in storage): the draft can go.
        text.set(String::new());
        reply_to.set(None);
        tried.set(false);
    };

    let replying_to = move || {
        let id = reply_to.get()?;
        let name = thread.with(|t| t.get(id).map(|c| c.author.clone()))??;
        Some(view! {
            <p class="replying-to">
                {move || strings().replying_to} " " <bdi>{name}</bdi> " "
                <button type="button" class="link-button" on:click=move |_| reply_to.set(None)>
                    {move || strings().cancel_reply}
                </button>
            </p>
        })
    };
    let author_problem = move || {
        tried
            .get()
            .then(|| problems.get().author.map(|p| p.message(strings())))
            .flatten()
    };
    let text_problem = move || {
        tried
            .get()
            .then(|| problems.get().text.map(|p| p.message(strings())))
            .flatten()
    };

    let hint = move || match moderation.get() {
        ModerationMode::Pre => Some(strings().moderation_pre),
        ModerationMode::New => Some(strings().moderation_new),
        ModerationMode::Links => Some(strings().moderation_links),
        ModerationMode::Post | ModerationMode::Unknown => None,
    };

    view! {
        <form
            class="composer"
            novalidate
            on:focusin=move |_| on_writing.run(())
            on:submit=move |event| {
                event.prevent_default();
                send();
            }
        >
            {replying_to}
            <label class="composer-label" for="comment-author">
                {move || strings().your_name}
            </label>
            <input
                id="comment-author"
                name="author"
                autocomplete="nickname"
                maxlength="200"
                aria-invalid=move || author_problem().is_some().to_string()
                aria-describedby="comment-author-problem"
                prop:value=move || author.get()
                on:input=move |event| author.set(event_target_value(&event))
            />
            <p id="comment-author-problem" class="field-problem" aria-live="polite">
                {author_problem}
            </p>
            <label class="composer-label" for="comment-text">
                {move || strings().your_comment}
            </label>
            <textarea
                id="comment-text"
                name="text"
                rows="4"
                node_ref=field
                aria-invalid=move || text_problem().is_some().to_string()
                aria-describedby="comment-text-problem comment-counter"
                prop:value=move || text.get()
                on:input=move |event| text.set(event_target_value(&event))
                on:keydown=move |event| {
                    if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                        event.prevent_default();
                        send();
                    }
                }
            ></textarea>
            <div class="composer-footer">
                <p
                    id="comment-counter"
                    class=move || {
                        if length.get() > COMMENT_MAX_CHARS { "counter over" } else { "counter" }
                    }
                >
                    {move || format!("{} / {COMMENT_MAX_CHARS}", length.get())}
                </p>
                <p id="comment-text-problem" class="field-problem" aria-live="polite">
                    {text_problem}
                </p>
                <button type="submit" class="send">
                    {move || strings().send}
                </button>
            </div>
            <p class="composer-hint">{move || strings().send_hint}</p>
            {move || hint().map(|hint| view! { <p class="composer-hint moderation-hint">{hint}</p> })}
            // Off screen and out of the tab order and the accessibility tree:
            // people never fill it (decision 31).
            <div class="honeypot" aria-hidden="true">
                <label for="comment-website">{move || strings().honeypot}</label>
                <input
                    id="comment-website"
                    name="website"
                    type="text"
                    tabindex="-1"
                    autocomplete="off"
                    prop:value=move || website.get()
                    on:input=move |event| website.set(event_target_value(&event))
                />
            </div>
        </form>
    }
}
