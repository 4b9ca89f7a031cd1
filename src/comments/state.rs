//! The comments section's logic as plain data: one state, and a pure
//! reducer that answers each event with the effects the view runs at the
//! edges (the network, storage, timers, the DOM).
//!
//! Nothing here knows Leptos or the browser, so the widget's rules (the
//! outbox of decision 16, the held-back comments and batched updates of
//! decision 17, the reopen schedule of decision 27) are tested natively.
//! What only the DOM can tell (where the reader is, a random jitter) comes
//! in as data inside the events.

use super::live_edge::Order;
use super::outbox::{Delivery, Pending};
use super::reconnect::reopen_delay;
use super::thread::Thread;
use crate::api::ApiError;
use std::time::Duration;
use vestnik_api::{Comment, CommentPage, CommentSettings, CommentStatus, NewComment};

/// New comments arriving within this time are announced together.
pub const ANNOUNCE_AFTER: Duration = Duration::from_millis(1500);

/// Where the first load of the thread is.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Load {
    /// Asked for, no answer yet.
    #[default]
    Loading,
    /// The first page is in.
    Ready,
    /// It could not be had, for this reason.
    Failed(ApiError),
}

/// How the live connection is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Connection {
    /// Not open yet.
    #[default]
    Connecting,
    /// Open.
    Live,
    /// Dropped; the browser or the widget is trying again.
    Reconnecting,
}

/// Something that happened to the section: the reader's doing, an answer
/// from the network, the stream, or a timer the view set for an [`Effect`].
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The section mounted, or the reader asked to try the first page again.
    LoadFirst,
    /// The newest page of comments arrived.
    FirstPage(CommentPage),
    /// The newest page could not be had.
    FirstPageFailed(ApiError),
    /// The reader asked for earlier comments.
    LoadEarlier,
    /// An earlier page arrived.
    EarlierPage(CommentPage),
    /// An earlier page could not be had (the button comes back).
    EarlierFailed,
    /// The stream is open (again).
    Connected,
    /// The stream dropped; the browser is trying again.
    Reconnecting,
    /// The browser gave up on the stream. `jitter` (`0.0..1.0`, from the
    /// view's random source) spreads the readers' reopens.
    Closed {
        /// Up to a second more to wait, as a fraction of it.
        jitter: f64,
    },
    /// A comment came on the stream.
    Comment {
        /// The comment.
        comment: Comment,
        /// The stream event's id, for resuming.
        event_id: Option<i64>,
        /// Whether the reader is away from the live edge; the view measures
        /// it only when [`CommentsState::is_news`] says the answer matters.
        away: bool,
    },
    /// A comment (and its replies) was removed.
    Removed {
        /// The removed comment.
        id: i64,
        /// The stream event's id, for resuming.
        event_id: Option<i64>,
    },
    /// The article's comment count changed.
    Count(u64),
    /// The reader sent a post (or an earlier page left it unconfirmed).
    Send(NewComment),
    /// The server answered a post with the stored comment.
    Sent(Comment),
    /// A post failed.
    SendFailed {
        /// The post's client id.
        client_id: String,
        /// Why.
        error: ApiError,
    },
    /// "Retry" on the failed post with this client id.
    Retry(String),
    /// "Edit" on the failed post with this client id.
    Edit(String),
    /// "Discard" on the failed post with this client id.
    Discard(String),
    /// The reader pressed "N новых комментариев".
    RevealHeld,
    /// The reader chose an order.
    Order(Order),
    /// The task in which comments arrived is over ([`Effect::ScheduleFlush`]).
    Flush,
    /// The wait before reopening the stream is over ([`Effect::ScheduleReopen`]).
    ReopenDue,
    /// The article's comment settings came on the stream (closed, moderated).
    Settings(CommentSettings),
    /// "Dismiss" on the reader's own rejected comment with this id.
    Dismiss(i64),
    /// "Edit" on the reader's own rejected comment with this id: its text
    /// goes back into the composer, to be sent as a new comment.
    EditRejected(i64),
    /// The device is online again, or the reader came back to the tab.
    Resumed,
    /// The announcement's wait is over ([`Effect::ScheduleAnnouncement`]).
    AnnounceDue,
}

/// Something the view must do for the state: everything here is outside it.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Fetch the newest page; answer [`Event::FirstPage`] or [`Event::FirstPageFailed`].
    FetchFirst,
    /// Fetch the page before this cursor; answer [`Event::EarlierPage`] or [`Event::EarlierFailed`].
    FetchEarlier(String),
    /// Post this; answer [`Event::Sent`] or [`Event::SendFailed`].
    Post(NewComment),
    /// Keep the outbox, as it is now, in storage.
    SaveOutbox,
    /// Open a stream after this event id, closing the one open.
    OpenStream {
        /// The last event id the page holds.
        after: i64,
    },
    /// Send [`Event::ReopenDue`] after this wait.
    ScheduleReopen(Duration),
    /// Forget the reopen scheduled: it happens now instead.
    CancelReopen,
    /// Send [`Event::Flush`] when this task is over (a zero timeout).
    ScheduleFlush,
    /// Send [`Event::AnnounceDue`] after this wait.
    ScheduleAnnouncement(Duration),
    /// Tell screen readers, politely, that this many comments came.
    Announce(u64),
    /// Show this as the article's comment count (the meta line's too).
    SetTotal(u64),
    /// Scroll the comment with this id into view, after the next frame.
    ScrollTo(i64),
    /// Put this post back into the composer.
    Restore(NewComment),
    /// Keep the dismissed comments' ids, as they are now, in storage.
    SaveDismissed,
    /// Forget whether the reader is away from the live edge: ask again at
    /// the next comment.
    ForgetEdgeDecision,
    /// Comments go in now, possibly above the window: the scroll the
    /// browser's anchoring makes next is not the reader's.
    SettleAfterInsert,
}

/// Everything the comments section knows, its DOM handles aside.
#[derive(Clone, Debug, Default)]
pub struct CommentsState {
    thread: Thread,
    /// Grows with every change of the thread, so the view can redraw the
    /// comments only then without comparing threads.
    thread_revision: u64,
    /// Comments from others that came while the reader read further up.
    held: Vec<Comment>,
    /// Comments from others that came in this task: they go into the thread
    /// together (decision 17), one update for a burst of hundreds.
    arrived: Vec<Comment>,
    outbox: Vec<Pending>,
    load: Load,
    /// The cursor of the page before the earliest one shown.
    earlier: Option<String>,
    loading_earlier: bool,
    connection: Connection,
    order: Order,
    /// The newest stream event (or first page) the page holds.
    last_event: i64,
    /// Streams the browser gave up on since the last open one.
    failed_opens: u32,
    /// New comments not announced yet; an announcement is due while above zero.
    unannounced: u64,
    /// A reopen of the stream is scheduled.
    reopen_waiting: bool,
    /// Whether the article takes comments and how they are moderated.
    settings: CommentSettings,
    /// The reader's own rejected comments they chose not to see again (a
    /// handful at most: a list, not a set, keeps a sort out of the Wasm).
    dismissed: Vec<i64>,
}

impl CommentsState {
    /// A section that keeps out the rejected comments the reader dismissed
    /// on an earlier visit.
    pub fn with_dismissed(dismissed: impl IntoIterator<Item = i64>) -> Self {
        Self {
            dismissed: dismissed.into_iter().collect(),
            ..Self::default()
        }
    }

    /// The article's comment settings.
    pub fn settings(&self) -> CommentSettings {
        self.settings
    }

    /// Whether a post goes out with a proof of work. Until the first page
    /// says otherwise it does: a reader quick enough to send before the
    /// thread is in would otherwise be refused once (a 422 and a second
    /// round trip) on every site that asks for one.
    pub fn wants_proof(&self) -> bool {
        self.load != Load::Ready || self.settings.proof_of_work
    }

    /// The rejected comments the reader dismissed.
    pub fn dismissed(&self) -> &[i64] {
        &self.dismissed
    }

    /// The comments shown.
    pub fn thread(&self) -> &Thread {
        &self.thread
    }

    /// Grows whenever the thread changes.
    pub fn thread_revision(&self) -> u64 {
        self.thread_revision
    }

    /// Comments waiting behind "N новых комментариев".
    pub fn held(&self) -> &[Comment] {
        &self.held
    }

    /// Comments from others that go into the thread at the end of this task.
    pub fn arrived(&self) -> &[Comment] {
        &self.arrived
    }

    /// The reader's posts the server has not confirmed.
    pub fn outbox(&self) -> &[Pending] {
        &self.outbox
    }

    /// Where the first load is.
    pub fn load(&self) -> &Load {
        &self.load
    }

    /// Whether there are earlier comments to ask for.
    pub fn has_earlier(&self) -> bool {
        self.earlier.is_some()
    }

    /// Whether earlier comments are being fetched.
    pub fn loading_earlier(&self) -> bool {
        self.loading_earlier
    }

    /// How the live connection is.
    pub fn connection(&self) -> Connection {
        self.connection
    }

    /// The order the reader chose.
    pub fn order(&self) -> Order {
        self.order
    }

    /// The newest event the page holds; a new stream resumes after it.
    pub fn last_event(&self) -> i64 {
        self.last_event
    }

    /// Streams the browser gave up on since the last one that opened.
    pub fn failed_opens(&self) -> u32 {
        self.failed_opens
    }

    /// New comments the next announcement will count.
    pub fn unannounced(&self) -> u64 {
        self.unannounced
    }

    /// Whether a reopen of the stream is scheduled.
    pub fn reopen_waiting(&self) -> bool {
        self.reopen_waiting
    }

    /// Loaded, with nothing to show: no comment and no post on its way.
    pub fn shows_none(&self) -> bool {
        self.load == Load::Ready && self.thread.is_empty() && self.outbox.is_empty()
    }

    /// Whether `comment`, come on the stream, is someone else's and new to
    /// the page: only then does it matter where the reader is.
    pub fn is_news(&self, comment: &Comment) -> bool {
        !self.is_own(comment) && !self.knows(comment.id)
    }

    /// Whether `comment` is the reader's own post still in the outbox.
    fn is_own(&self, comment: &Comment) -> bool {
        comment
            .client_id
            .as_ref()
            .is_some_and(|cid| self.outbox.iter().any(|p| &p.post.client_id == cid))
    }

    /// Whether the page has the comment `id`, shown or waiting.
    fn knows(&self, id: i64) -> bool {
        self.thread.contains(id)
            || self.held.iter().any(|c| c.id == id)
            || self.arrived.iter().any(|c| c.id == id)
    }

    /// Takes in `event`; answers what the view must do for it, in order.
    pub fn apply(&mut self, event: Event) -> Vec<Effect> {
        let mut effects = Vec::new();
        match event {
            Event::LoadFirst => {
                // Only a first or failed load asks: a thread that is in stays.
                if self.load != Load::Ready {
                    self.load = Load::Loading;
                    effects.push(Effect::FetchFirst);
                }
            }
            Event::FirstPage(page) => {
                self.settings = page.settings;
                self.show_all(page.items);
                self.earlier = page.next;
                self.last_event = self.last_event.max(page.last_event_id);
                self.load = Load::Ready;
                effects.push(Effect::SetTotal(page.total));
                // The stream opens after the first page, so it misses nothing.
                effects.push(Effect::OpenStream {
                    after: self.last_event,
                });
            }
            Event::FirstPageFailed(error) => self.load = Load::Failed(error),
            Event::LoadEarlier => {
                if !self.loading_earlier
                    && let Some(cursor) = self.earlier.clone()
                {
                    self.loading_earlier = true;
                    effects.push(Effect::FetchEarlier(cursor));
                }
            }
            Event::EarlierPage(page) => {
                self.loading_earlier = false;
                self.show_all(page.items);
                self.earlier = page.next;
            }
            Event::EarlierFailed => self.loading_earlier = false,
            Event::Connected => {
                self.failed_opens = 0;
                self.connection = Connection::Live;
            }
            Event::Reconnecting => self.connection = Connection::Reconnecting,
            Event::Closed { jitter } => {
                self.connection = Connection::Reconnecting;
                let delay = reopen_delay(self.failed_opens, jitter);
                self.failed_opens = self.failed_opens.saturating_add(1);
                self.reopen_waiting = true;
                effects.push(Effect::ScheduleReopen(delay));
            }
            Event::Comment {
                comment,
                event_id,
                away,
            } => {
                self.advance(event_id);
                if self.is_own(&comment) {
                    // Its event came before the POST's answer: confirmed all the same.
                    self.confirm(comment, &mut effects);
                } else if self.knows(comment.id) {
                    // The same comment changed: approved, featured, rejected.
                    self.update(comment);
                } else if comment.status != CommentStatus::Published {
                    // Only its author hears of a comment that is not
                    // published (held again after reports): no news to them.
                    self.show(comment);
                } else if !self.dismissed.contains(&comment.id) {
                    self.announce_one(&mut effects);
                    if away {
                        self.held.push(comment);
                    } else {
                        self.arrived.push(comment);
                        if self.arrived.len() == 1 {
                            effects.push(Effect::ScheduleFlush);
                        }
                    }
                }
            }
            Event::Removed { id, event_id } => {
                self.advance(event_id);
                // What arrived before the removal goes in first, so the
                // removal finds it (and its replies).
                self.flush(&mut effects);
                // Replies go even when their parent was never loaded, and
                // then `remove` answers false: the count tells.
                let before = self.thread.len();
                self.thread.remove(id);
                if self.thread.len() != before {
                    self.thread_changed();
                }
                self.held.retain(|c| c.id != id && c.parent_id != Some(id));
            }
            Event::Count(total) => effects.push(Effect::SetTotal(total)),
            Event::Send(post) => self.deliver(post, &mut effects),
            Event::Sent(comment) => self.confirm(comment, &mut effects),
            Event::SendFailed { client_id, error } => {
                if let Some(pending) = self.pending_mut(&client_id) {
                    pending.delivery = Delivery::Failed(error);
                }
            }
            Event::Retry(client_id) => {
                // The same post, so the same client id: the server cannot make two.
                if let Some(post) = self.pending_mut(&client_id).map(|p| p.post.clone()) {
                    self.deliver(post, &mut effects);
                }
            }
            Event::Edit(client_id) => {
                if let Some(pending) = self.take_pending(&client_id) {
                    effects.push(Effect::SaveOutbox);
                    effects.push(Effect::Restore(pending.post));
                }
            }
            Event::Discard(client_id) => {
                if self.take_pending(&client_id).is_some() {
                    effects.push(Effect::SaveOutbox);
                }
            }
            Event::RevealHeld => {
                effects.push(Effect::ForgetEdgeDecision);
                let revealed = std::mem::take(&mut self.held);
                let first = revealed.first().map(|c| c.id);
                for comment in revealed {
                    self.insert(comment);
                }
                if let Some(id) = first {
                    effects.push(Effect::ScrollTo(id));
                }
            }
            Event::Order(order) => {
                effects.push(Effect::ForgetEdgeDecision);
                self.order = order;
            }
            Event::Flush => self.flush(&mut effects),
            Event::ReopenDue => {
                if self.reopen_waiting {
                    self.reopen_waiting = false;
                    effects.push(Effect::OpenStream {
                        after: self.last_event,
                    });
                }
            }
            Event::Resumed => {
                // A hidden tab's timers wait a minute or more: reopen now,
                // but only a stream the browser gave up on.
                if self.reopen_waiting {
                    self.reopen_waiting = false;
                    effects.push(Effect::CancelReopen);
                    effects.push(Effect::OpenStream {
                        after: self.last_event,
                    });
                }
            }
            Event::Settings(settings) => self.settings = settings,
            Event::Dismiss(id) => {
                if self.dismiss(id) {
                    effects.push(Effect::SaveDismissed);
                }
            }
            Event::EditRejected(id) => {
                let post = self.thread.get(id).map(|c| NewComment {
                    author: c.author.clone(),
                    text: c.text.clone(),
                    parent_id: c.parent_id,
                    ..NewComment::default()
                });
                if let Some(post) = post
                    && self.dismiss(id)
                {
                    effects.push(Effect::SaveDismissed);
                    effects.push(Effect::Restore(post));
                }
            }
            Event::AnnounceDue => {
                let count = std::mem::take(&mut self.unannounced);
                if count > 0 {
                    effects.push(Effect::Announce(count));
                }
            }
        }
        effects
    }

    fn advance(&mut self, event_id: Option<i64>) {
        if let Some(id) = event_id {
            self.last_event = self.last_event.max(id);
        }
    }

    fn thread_changed(&mut self) {
        self.thread_revision = self.thread_revision.wrapping_add(1);
    }

    fn insert(&mut self, comment: Comment) {
        if self.thread.insert(comment) {
            self.thread_changed();
        }
    }

    /// Puts a changed comment in place wherever the page has it. A comment
    /// never moves to another parent: such an event is not believed.
    fn update(&mut self, comment: Comment) {
        if let Some(waiting) = self
            .held
            .iter_mut()
            .chain(self.arrived.iter_mut())
            .find(|c| c.id == comment.id)
        {
            if waiting.parent_id == comment.parent_id {
                *waiting = comment;
            }
        } else {
            self.insert(comment);
        }
    }

    /// Takes the reader's own rejected comment `id` off the page for good;
    /// answers whether it was one.
    fn dismiss(&mut self, id: i64) -> bool {
        let rejected = self
            .thread
            .get(id)
            .is_some_and(|c| c.status == CommentStatus::Rejected);
        if rejected {
            self.thread.remove(id);
            self.thread_changed();
            if !self.dismissed.contains(&id) {
                self.dismissed.push(id);
            }
        }
        rejected
    }

    /// Shows `comment` from a page or a POST's answer. The stream may have
    /// brought it first (a new reply to a comment on an earlier page), so it
    /// leaves the queues: a comment is never both shown and waiting.
    fn show(&mut self, comment: Comment) {
        let id = comment.id;
        if self.dismissed.contains(&id) {
            return;
        }
        if !self.held.is_empty() {
            self.held.retain(|c| c.id != id);
        }
        if !self.arrived.is_empty() {
            self.arrived.retain(|c| c.id != id);
        }
        self.insert(comment);
    }

    fn show_all(&mut self, comments: Vec<Comment>) {
        for comment in comments {
            self.show(comment);
        }
    }

    /// The server has the post: it leaves the outbox and joins the thread.
    fn confirm(&mut self, comment: Comment, effects: &mut Vec<Effect>) {
        if let Some(client_id) = &comment.client_id {
            self.outbox.retain(|p| &p.post.client_id != client_id);
        }
        self.show(comment);
        effects.push(Effect::SaveOutbox);
    }

    /// Puts `post` in the outbox (once per client id) and sends it.
    fn deliver(&mut self, post: NewComment, effects: &mut Vec<Effect>) {
        match self.pending_mut(&post.client_id) {
            Some(pending) => pending.delivery = Delivery::Sending,
            None => self.outbox.push(Pending {
                post: post.clone(),
                delivery: Delivery::Sending,
            }),
        }
        effects.push(Effect::SaveOutbox);
        effects.push(Effect::Post(post));
    }

    fn pending_mut(&mut self, client_id: &str) -> Option<&mut Pending> {
        self.outbox
            .iter_mut()
            .find(|p| p.post.client_id == client_id)
    }

    fn take_pending(&mut self, client_id: &str) -> Option<Pending> {
        let at = self
            .outbox
            .iter()
            .position(|p| p.post.client_id == client_id)?;
        Some(self.outbox.remove(at))
    }

    /// One polite announcement per burst, never one per comment.
    fn announce_one(&mut self, effects: &mut Vec<Effect>) {
        if self.unannounced == 0 {
            effects.push(Effect::ScheduleAnnouncement(ANNOUNCE_AFTER));
        }
        self.unannounced = self.unannounced.saturating_add(1);
    }

    /// Puts what arrived in this task into the thread, in one change.
    fn flush(&mut self, effects: &mut Vec<Effect>) {
        if self.arrived.is_empty() {
            return;
        }
        effects.push(Effect::SettleAfterInsert);
        for comment in std::mem::take(&mut self.arrived) {
            self.insert(comment);
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
