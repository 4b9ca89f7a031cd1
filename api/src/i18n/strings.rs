//! Every key of the UI's text. Each language fills all of them in its own
//! file (`ru.rs`, `uk.rs`, `en.rs`): a missing key does not compile, and
//! `every_key_is_written_in_every_language_and_read_somewhere` (in the
//! module's tests) fails on an empty or unused one.

use super::{Lang, PluralForms};

/// Declares [`Strings`] with one public field per key, and the list of keys
/// the tests walk.
macro_rules! ui_strings {
    ($($(#[doc = $doc:literal])* $key:ident: $kind:ty,)*) => {
        /// The UI text of one language.
        #[derive(Debug)]
        pub struct Strings {
            $($(#[doc = $doc])* pub $key: $kind,)*
        }

        // Only the tests walk the keys: nothing of this goes into the Wasm.
        #[cfg(test)]
        impl Strings {
            /// Every key, as written in the code that reads it.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key)),*];

            /// Each key with its text (the forms of a counted noun are several).
            pub fn texts(&self) -> Vec<(&'static str, Vec<&'static str>)> {
                vec![$((stringify!($key), Text::texts(&self.$key))),*]
            }
        }
    };
}

/// What one key holds: a text, or the forms of a counted noun.
#[cfg(test)]
trait Text {
    fn texts(&self) -> Vec<&'static str>;
}

#[cfg(test)]
impl Text for &'static str {
    fn texts(&self) -> Vec<&'static str> {
        vec![self]
    }
}

#[cfg(test)]
impl Text for PluralForms {
    fn texts(&self) -> Vec<&'static str> {
        vec![self.one, self.few, self.many, self.other]
    }
}

ui_strings! {
    /// Shown while something loads (the seed page's "Загрузка...").
    loading: &'static str,
    /// Label of the retry button.
    retry: &'static str,
    /// Heading of the error panel.
    error_title: &'static str,
    /// Heading shown when the site's config.json cannot be used.
    config_error_title: &'static str,
    /// The request got no answer.
    error_network: &'static str,
    /// Prefix of a server error with its status.
    error_server: &'static str,
    /// The answer was not readable data.
    error_malformed: &'static str,
    /// Too many requests.
    error_rate_limited: &'static str,
    /// The server refused the input without saying why.
    error_invalid: &'static str,
    /// Heading of the not-found page.
    not_found_title: &'static str,
    /// Body of the not-found page.
    not_found_text: &'static str,
    /// Link back to the newest news.
    to_front_page: &'static str,
    /// "Источник" before the source name.
    source: &'static str,
    /// Accessible label of the view count.
    views: &'static str,
    /// Before the time of the last update.
    updated: &'static str,
    /// Shown by the panic banner.
    crashed: &'static str,
    /// Link that reloads the page after a crash.
    reload: &'static str,
    /// Link that skips to the main content.
    skip_to_content: &'static str,
    /// Link that skips to the comments.
    skip_to_comments: &'static str,
    /// Accessible name of the language switch.
    language: &'static str,
    /// The Telegram call to action, before the link.
    telegram_before: &'static str,
    /// The linked words of the Telegram call to action.
    telegram_link: &'static str,
    /// The Telegram call to action, after the link.
    telegram_after: &'static str,
    /// Before a photo credit.
    photo_credit: &'static str,
    /// Names an embed whose provider is unknown.
    external_content: &'static str,
    /// Label of the share bar.
    share: &'static str,
    /// The button that copies the article's address.
    copy_link: &'static str,
    /// Confirmation after copying.
    link_copied: &'static str,
    /// When the browser would not copy: the reader copies by hand.
    copy_failed: &'static str,
    /// The button that opens the device's own share sheet.
    share_native: &'static str,
    /// The front page, first step of the breadcrumb.
    home: &'static str,
    /// Accessible name of the breadcrumb.
    breadcrumb: &'static str,
    /// Accessible name of the article's tag list.
    tags: &'static str,
    /// "N комментариев".
    comments: PluralForms,
    /// Heading of the list of other news under an article ("Другие новости").
    other_news: &'static str,
    /// Heading of the fresh news offered on the not-found page.
    fresh_news: &'static str,
    /// "N новостей".
    news: PluralForms,
    /// Announced after a page of news arrived, before the count.
    loaded: &'static str,
    /// The button that loads the next page of news.
    show_more: &'static str,
    /// The line under the last news.
    news_end: &'static str,
    /// Before the reason a page of news failed.
    news_error: &'static str,
    /// Heading of the comments.
    comments_title: &'static str,
    /// The seed page's empty state.
    no_comments: &'static str,
    /// Where the comments will be, on a page read without scripts.
    comments_need_script: &'static str,
    /// Before the reason the comments failed to load.
    comments_error: &'static str,
    /// Loads earlier comments.
    show_earlier: &'static str,
    /// Accessible name of the order switch.
    comment_order: &'static str,
    /// Order: oldest first.
    oldest_first: &'static str,
    /// Order: newest first.
    newest_first: &'static str,
    /// Shown while the live connection is being restored.
    reconnecting: &'static str,
    /// The reply button.
    reply: &'static str,
    /// Before the name of the comment replied to.
    replying_to: &'static str,
    /// Stops replying.
    cancel_reply: &'static str,
    /// Label of the name field.
    your_name: &'static str,
    /// Label of the text field.
    your_comment: &'static str,
    /// The send button.
    send: &'static str,
    /// How to send from the keyboard.
    send_hint: &'static str,
    /// A post on its way.
    sending: &'static str,
    /// Before the reason a post failed.
    not_sent: &'static str,
    /// Puts a failed post back into the form.
    edit: &'static str,
    /// Drops a failed post.
    discard: &'static str,
    /// The name is missing.
    name_required: &'static str,
    /// The name is too long.
    name_too_long: &'static str,
    /// The text is missing.
    text_required: &'static str,
    /// The text is too long.
    text_too_long: &'static str,
    /// "3 новых комментария": the button that shows comments held back, and the announcement.
    new_comments: PluralForms,
    /// Shown on the reader's own comment while it waits for a moderator.
    awaiting_review: &'static str,
    /// Under it: what happens next.
    awaiting_review_note: &'static str,
    /// On the reader's own comment a moderator refused, before the reason.
    rejected: &'static str,
    /// Hides a rejected comment from its author's page.
    dismiss: &'static str,
    /// The reason: spam.
    reason_spam: &'static str,
    /// The reason: insults.
    reason_insult: &'static str,
    /// The reason: off topic.
    reason_off_topic: &'static str,
    /// The reason: illegal content.
    reason_illegal: &'static str,
    /// The reason: another one.
    reason_other: &'static str,
    /// The button that reports a comment.
    report: &'static str,
    /// Legend of the report's reasons.
    report_question: &'static str,
    /// Sends the report.
    report_send: &'static str,
    /// Closes a form without sending.
    cancel: &'static str,
    /// After a report was sent.
    report_thanks: &'static str,
    /// Before the reason a report failed.
    report_failed: &'static str,
    /// The badge of a comment the newsroom picked.
    featured: &'static str,
    /// Instead of the composer on a closed article.
    comments_closed: &'static str,
    /// Under the composer when every comment is checked first.
    moderation_pre: &'static str,
    /// Under the composer when new commenters are checked first.
    moderation_new: &'static str,
    /// Under the composer when comments with links are checked first.
    moderation_links: &'static str,
    /// The post holds a word the site does not allow, before the word.
    refused_word: &'static str,
    /// The name holds a word the site does not allow, before the word.
    refused_name_word: &'static str,
    /// Too many links, before the most allowed.
    refused_links: &'static str,
    /// The same text was sent just now.
    refused_duplicate: &'static str,
    /// The spam check failed.
    refused_spam: &'static str,
    /// The browser's check failed.
    refused_proof: &'static str,
    /// The reader may not comment.
    refused_banned: &'static str,
    /// Before the end of a timed ban.
    refused_banned_until: &'static str,
    /// A post on a closed article.
    refused_closed: &'static str,
    /// Label of the field people never see (bots fill it).
    honeypot: &'static str,
}

impl Strings {
    /// The strings of `lang`.
    pub fn of(lang: Lang) -> &'static Strings {
        match lang {
            Lang::Ru => &super::ru::STRINGS,
            Lang::Uk => &super::uk::STRINGS,
            Lang::En => &super::en::STRINGS,
        }
    }
}
