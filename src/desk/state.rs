//! The desk's logic as plain data: one state and a pure reducer that
//! answers each event with the effects the view runs (the network, storage,
//! the stream, timers, the focus), as `comments::state` does for readers.
//!
//! What a moderator sees is filed here: the four queues, each newest first
//! with its cursor and total, a live item moved into the queues that hold it
//! ([`Queue::holds`]) and out of the others; the selected item; the actions
//! in flight and their failures; the drafts of rejections and bans (nothing
//! typed is lost while an action runs or after it failed); the log, the word
//! lists, the bans, an article's settings; the session and the stream.

use super::error::DeskError;
use super::keys::Shortcut;
use crate::comments::reconnect::reopen_delay;
use std::collections::BTreeMap;
use std::time::Duration;
use vestnik_api::moderation::{
    ArticleModeration, Ban, BanScope, FeatureRequest, ModerationSettings, NOTE_MAX_CHARS, NewBan,
    Queue, QueueItem, QueuePage, RejectRequest, StreamTicket, WORD_MAX_CHARS, WordEntry, WordKind,
};
use vestnik_api::{CommentStatus, ModerationLogEntry, ModerationMode, Reason, Rejection};

/// Entries of the log one page asks for (the server's default).
pub const LOG_PAGE: usize = 50;

/// What the desk shows below its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// One of the queues.
    Queue(Queue),
    /// The moderation log.
    Log,
    /// The banned and suspect words.
    Words,
    /// The bans in force.
    Bans,
    /// One article's moderation mode and closing.
    Article,
}

impl Default for Tab {
    fn default() -> Self {
        Tab::Queue(Queue::Pending)
    }
}

impl Tab {
    /// The queue this tab shows, if it shows one.
    pub fn queue(self) -> Option<Queue> {
        match self {
            Tab::Queue(queue) => Some(queue),
            _ => None,
        }
    }
}

/// Whether the desk has a moderator.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Session {
    /// The login form.
    #[default]
    LoggedOut,
    /// A token is being checked.
    Checking,
    /// Logged in: the site's settings and the moderator's name.
    In(ModerationSettings),
}

/// Why the login form is shown again, or could not log in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoginProblem {
    /// Nothing was typed.
    Empty,
    /// The server does not take this token (its words).
    WrongToken(Option<String>),
    /// The session ended: the token was revoked (or the server stopped taking it).
    Ended(Option<String>),
    /// The server could not be asked.
    Unreachable(DeskError),
}

/// How far a load is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Load {
    /// Not asked for yet.
    #[default]
    Idle,
    /// Asked for, no answer yet.
    Loading,
    /// In.
    Ready,
    /// Could not be had.
    Failed(DeskError),
}

impl Load {
    /// Whether it was ever loaded.
    pub fn is_ready(&self) -> bool {
        *self == Load::Ready
    }
}

/// The live connection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Connection {
    /// Not open yet.
    #[default]
    Connecting,
    /// Open: the queues are current.
    Live,
    /// Dropped; the browser or the desk is opening it again.
    Reconnecting,
}

/// One queue as the desk holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueueView {
    /// Newest first (by comment id, as the server sorts), each comment once.
    items: Vec<QueueItem>,
    /// The cursor of the older items; `None` at the end.
    next: Option<String>,
    /// How many items the queue holds, as far as the desk knows.
    total: u64,
    load: Load,
    loading_more: bool,
    /// Which request's answer is awaited for the newest page, and for an
    /// older one; answers to other requests are not believed.
    generation: u64,
    more_generation: u64,
    /// A newest page is on its way (a first load or a reload).
    awaiting_first: bool,
    /// Items the stream brought while the newest page was on its way: they
    /// are newer than what it may say about them.
    arrived_while_loading: Vec<QueueItem>,
}

impl QueueView {
    /// Its items, newest first.
    pub fn items(&self) -> &[QueueItem] {
        &self.items
    }

    /// How many items it holds.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// Where its first page is.
    pub fn load(&self) -> &Load {
        &self.load
    }

    /// Whether older items can be asked for.
    pub fn has_more(&self) -> bool {
        self.next.is_some()
    }

    /// Whether older items are on their way.
    pub fn loading_more(&self) -> bool {
        self.loading_more
    }

    fn position(&self, id: i64) -> Option<usize> {
        self.items.iter().position(|i| i.comment.id == id)
    }

    /// Whether an item with this id would be among those loaded: newer than
    /// the oldest, or the queue is loaded to its end.
    fn covers(&self, id: i64) -> bool {
        self.next.is_none() || self.items.last().is_some_and(|last| id > last.comment.id)
    }

    /// Puts `item` where it belongs in `queue`: in place, in order, or out.
    /// Answers whether it entered (was not there before).
    fn file(&mut self, queue: Queue, item: &QueueItem) -> bool {
        let id = item.comment.id;
        let held = queue.holds(item);
        match self.position(id) {
            Some(at) if held => {
                if let Some(slot) = self.items.get_mut(at) {
                    *slot = item.clone();
                }
                false
            }
            Some(at) => {
                self.items.remove(at);
                self.total = self.total.saturating_sub(1);
                false
            }
            None if held && self.load.is_ready() && self.covers(id) => {
                let at = self.items.iter().position(|i| i.comment.id < id);
                self.items
                    .insert(at.unwrap_or(self.items.len()), item.clone());
                self.total = self.total.saturating_add(1);
                true
            }
            None => false,
        }
    }
}

/// The four queues.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Queues {
    pending: QueueView,
    reported: QueueView,
    recent: QueueView,
    rejected: QueueView,
}

impl Queues {
    /// The queue `queue`; `None` for one this desk does not know.
    pub fn get(&self, queue: Queue) -> Option<&QueueView> {
        match queue {
            Queue::Pending => Some(&self.pending),
            Queue::Reported => Some(&self.reported),
            Queue::Recent => Some(&self.recent),
            Queue::Rejected => Some(&self.rejected),
            Queue::Unknown => None,
        }
    }

    fn get_mut(&mut self, queue: Queue) -> Option<&mut QueueView> {
        match queue {
            Queue::Pending => Some(&mut self.pending),
            Queue::Reported => Some(&mut self.reported),
            Queue::Recent => Some(&mut self.recent),
            Queue::Rejected => Some(&mut self.rejected),
            Queue::Unknown => None,
        }
    }

    /// The latest copy the desk holds of the comment `id`.
    pub fn find(&self, id: i64) -> Option<&QueueItem> {
        Queue::ALL
            .iter()
            .filter_map(|q| self.get(*q))
            .find_map(|view| view.items.iter().find(|i| i.comment.id == id))
    }
}

/// What a moderator does to a comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Publish it (and clear its reports).
    Approve,
    /// Refuse it with a reason its author sees.
    Reject(RejectRequest),
    /// Take it and its replies down.
    Remove,
    /// Pick it for the newsroom's choice (`true`) or unpick it.
    Feature(bool),
    /// Ban its author.
    Ban(NewBan),
}

/// Which action, without its data: what a button shows as running or failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionKind {
    /// [`Action::Approve`].
    Approve,
    /// [`Action::Reject`].
    Reject,
    /// [`Action::Remove`].
    Remove,
    /// [`Action::Feature`] with `true`.
    Feature,
    /// [`Action::Feature`] with `false`.
    Unfeature,
    /// [`Action::Ban`].
    Ban,
}

impl Action {
    /// Its kind.
    pub fn kind(&self) -> ActionKind {
        match self {
            Action::Approve => ActionKind::Approve,
            Action::Reject(_) => ActionKind::Reject,
            Action::Remove => ActionKind::Remove,
            Action::Feature(true) => ActionKind::Feature,
            Action::Feature(false) => ActionKind::Unfeature,
            Action::Ban(_) => ActionKind::Ban,
        }
    }

    /// The body of `POST …/feature`, for a feature action.
    pub fn feature_request(&self) -> Option<FeatureRequest> {
        match self {
            Action::Feature(featured) => Some(FeatureRequest {
                featured: *featured,
            }),
            _ => None,
        }
    }
}

/// An action on one comment: the one running, or the last that failed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ItemActivity {
    /// The action on its way (its buttons are disabled).
    pub running: Option<ActionKind>,
    /// The last action that failed, and the server's reason.
    pub failure: Option<(ActionKind, DeskError)>,
}

/// How long a ban lasts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BanLength {
    /// One hour.
    Hour,
    /// 24 hours.
    #[default]
    Day,
    /// Seven days.
    Week,
    /// Thirty days.
    Month,
    /// For good.
    Forever,
}

impl BanLength {
    /// Every length, in the order shown.
    pub const ALL: [BanLength; 5] = [
        Self::Hour,
        Self::Day,
        Self::Week,
        Self::Month,
        Self::Forever,
    ];

    /// In hours; `None`: for good.
    pub fn hours(self) -> Option<u32> {
        match self {
            Self::Hour => Some(1),
            Self::Day => Some(24),
            Self::Week => Some(24 * 7),
            Self::Month => Some(24 * 30),
            Self::Forever => None,
        }
    }

    /// The word in a `<select>`'s value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Hour => "1h",
            Self::Day => "24h",
            Self::Week => "7d",
            Self::Month => "30d",
            Self::Forever => "forever",
        }
    }

    /// The length a `<select>`'s value names.
    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == word)
    }
}

/// A rejection being written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RejectDraft {
    /// The reason chosen; none yet at first.
    pub reason: Option<Reason>,
    /// The note its author will read.
    pub note: String,
}

/// A ban being written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BanDraft {
    /// By reader key or by network.
    pub scope: BanScope,
    /// Their comments stay visible to them only.
    pub shadow: bool,
    /// How long.
    pub length: BanLength,
    /// Why, for the other moderators.
    pub note: String,
}

impl Default for BanDraft {
    fn default() -> Self {
        Self {
            scope: BanScope::Reader,
            shadow: false,
            length: BanLength::default(),
            note: String::new(),
        }
    }
}

/// A form open under an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Form {
    /// Rejecting it.
    Reject(RejectDraft),
    /// Banning its author.
    Ban(BanDraft),
}

/// Which form, without its draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    /// [`Form::Reject`].
    Reject,
    /// [`Form::Ban`].
    Ban,
}

impl Form {
    /// Its kind.
    pub fn kind(&self) -> FormKind {
        match self {
            Form::Reject(_) => FormKind::Reject,
            Form::Ban(_) => FormKind::Ban,
        }
    }

    fn empty(kind: FormKind) -> Self {
        match kind {
            FormKind::Reject => Form::Reject(RejectDraft::default()),
            FormKind::Ban => Form::Ban(BanDraft::default()),
        }
    }

    /// The same draft with its note cut to what the server takes.
    fn clamped(self) -> Self {
        match self {
            Form::Reject(mut d) => {
                d.note = clamp_chars(d.note, NOTE_MAX_CHARS);
                Form::Reject(d)
            }
            Form::Ban(mut d) => {
                d.note = clamp_chars(d.note, NOTE_MAX_CHARS);
                Form::Ban(d)
            }
        }
    }
}

/// `text` cut to its first `most` characters (never inside one).
fn clamp_chars(text: String, most: usize) -> String {
    if text.chars().count() <= most {
        text
    } else {
        text.chars().take(most).collect()
    }
}

/// A note as the API takes it: trimmed, absent when empty.
fn note_of(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// The word-list tab.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    /// Both lists.
    pub items: Vec<WordEntry>,
    /// Where the lists are.
    pub load: Load,
    /// The word being added.
    pub draft: String,
    /// Its list.
    pub draft_kind: Option<WordKind>,
    /// An add is on its way.
    pub adding: bool,
    /// Entries being taken off.
    pub removing: Vec<WordEntry>,
    /// The last add or removal that failed.
    pub failure: Option<DeskError>,
}

/// The bans tab.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bans {
    /// The bans in force, newest first.
    pub items: Vec<Ban>,
    /// Where the list is.
    pub load: Load,
    /// Bans being lifted.
    pub lifting: Vec<i64>,
    /// The last lift that failed: the ban and why.
    pub failure: Option<(i64, DeskError)>,
}

/// The article-settings tab.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleDesk {
    /// The slug typed into the form.
    pub slug_draft: String,
    /// The article shown.
    pub slug: Option<String>,
    /// Its settings as the server has them.
    pub loaded: Option<ArticleModeration>,
    /// Where they are.
    pub load: Load,
    /// The mode chosen (`None`: as the site).
    pub mode: Option<ModerationMode>,
    /// The closing chosen (`None`: as the site).
    pub closed: Option<bool>,
    /// A save is on its way.
    pub saving: bool,
    /// The last save: done, or why not.
    pub saved: Option<Result<(), DeskError>>,
}

/// The moderation log tab.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Log {
    /// Newest first, each entry once.
    pub items: Vec<ModerationLogEntry>,
    /// Where the first page is.
    pub load: Load,
    /// Whether older entries can be asked for.
    pub more: bool,
    /// Older entries are on their way.
    pub loading_more: bool,
    generation: u64,
}

/// What the live region says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Announcement {
    /// A comment entered the pending or the reported queue.
    Arrived {
        /// Which.
        queue: Queue,
        /// Its author's name.
        author: String,
    },
}

/// Something that happened to the desk: the moderator's doing, an answer,
/// the stream, or a timer the view set for an [`Effect`].
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The login form was sent.
    Login {
        /// The token typed.
        token: String,
        /// Keep it on this device (localStorage) rather than for the tab.
        remember: bool,
    },
    /// The desk opened with a token kept from before.
    Resume(String),
    /// The token was checked: the site's settings, or why not.
    Checked(Result<ModerationSettings, DeskError>),
    /// "Log out".
    Logout,
    /// A tab was chosen.
    Tab(Tab),
    /// An item was clicked or focused.
    Select(i64),
    /// A shortcut was pressed.
    Key(Shortcut),
    /// A queue's page arrived, or could not be had.
    QueuePage {
        /// The queue.
        queue: Queue,
        /// The request it answers.
        generation: u64,
        /// Whether it was an older page (`before=`).
        older: bool,
        /// The page or why not.
        result: Result<QueuePage, DeskError>,
    },
    /// "Show older" in a queue.
    LoadMore(Queue),
    /// The stream said how a comment stands now.
    Item(QueueItem),
    /// The stream said a moderator did something.
    LogEntry(ModerationLogEntry),
    /// A page of the log arrived.
    LogPage {
        /// The request it answers.
        generation: u64,
        /// Whether it was an older page.
        older: bool,
        /// The entries or why not.
        result: Result<Vec<ModerationLogEntry>, DeskError>,
    },
    /// "Show older" in the log.
    LoadOlderLog,
    /// A direct action on a comment (approve, remove, feature).
    Act {
        /// The comment.
        id: i64,
        /// What.
        action: Action,
    },
    /// An action was done; a ban answers with itself.
    Acted {
        /// The comment.
        id: i64,
        /// What was done.
        action: Action,
        /// The ban made, for [`Action::Ban`].
        ban: Option<Ban>,
    },
    /// An action failed.
    ActFailed {
        /// The comment.
        id: i64,
        /// What was tried.
        kind: ActionKind,
        /// Why.
        error: DeskError,
    },
    /// A form opens under an item (its draft, if any, is kept).
    OpenForm {
        /// The comment.
        id: i64,
        /// Which.
        kind: FormKind,
    },
    /// A form's fields changed.
    Draft {
        /// The comment.
        id: i64,
        /// The draft as it is now.
        form: Form,
    },
    /// "Cancel" in a form: its draft goes.
    CloseForm(i64),
    /// A form was sent.
    Submit(i64),
    /// A ticket for the stream came, or could not be had.
    Ticket(Result<StreamTicket, DeskError>),
    /// The stream is open (again).
    StreamOpened,
    /// The stream dropped; the browser is trying again.
    StreamDropped,
    /// The browser gave up on the stream (an expired ticket's 401, a proxy's
    /// error). `jitter` in `0.0..1.0` spreads the desks' reopens.
    StreamClosed {
        /// Up to a second more to wait, as a fraction of it.
        jitter: f64,
    },
    /// The wait before reopening is over.
    ReopenDue,
    /// The device is online again, or the moderator came back to the tab.
    Resumed,
    /// The word lists arrived.
    Words(Result<Vec<WordEntry>, DeskError>),
    /// The word being added was typed.
    WordDraft {
        /// The word.
        word: String,
        /// Its list, once chosen.
        kind: Option<WordKind>,
    },
    /// "Add" on the word form.
    AddWord,
    /// The word was added (as the server wrote it), or not.
    WordAdded(Result<WordEntry, DeskError>),
    /// "Remove" on a word.
    RemoveWord(WordEntry),
    /// A word was taken off, or not.
    WordRemoved {
        /// The entry.
        entry: WordEntry,
        /// Done, or why not.
        result: Result<(), DeskError>,
    },
    /// The bans arrived.
    Bans(Result<Vec<Ban>, DeskError>),
    /// "Lift" on a ban.
    LiftBan(i64),
    /// A ban was lifted, or not.
    BanLifted {
        /// The ban.
        id: i64,
        /// Done, or why not.
        result: Result<(), DeskError>,
    },
    /// The article slug was typed into the settings form.
    ArticleSlug(String),
    /// An article's settings are to be shown (from the form or an item).
    OpenArticle(String),
    /// An article's settings arrived.
    ArticleLoaded {
        /// Its slug.
        slug: String,
        /// The settings or why not.
        result: Result<ArticleModeration, DeskError>,
    },
    /// The mode was chosen (`None`: as the site).
    ArticleMode(Option<ModerationMode>),
    /// The closing was chosen (`None`: as the site).
    ArticleClosed(Option<bool>),
    /// "Save" on the article form.
    SaveArticle,
    /// The article's settings were saved (as they are now), or not.
    ArticleSaved {
        /// Its slug.
        slug: String,
        /// The settings now, or why not.
        result: Result<ArticleModeration, DeskError>,
    },
}

/// Something the view must do for the state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Ask `GET /api/moderation/settings` with this token; answer [`Event::Checked`].
    CheckToken(String),
    /// Keep the token: in localStorage when `remember`, else for this tab.
    SaveToken {
        /// The token.
        token: String,
        /// On this device.
        remember: bool,
    },
    /// Forget the kept token, wherever it is.
    ForgetToken,
    /// Ask for a queue's page; answer [`Event::QueuePage`].
    FetchQueue {
        /// The queue.
        queue: Queue,
        /// Older than this cursor; `None`: the newest.
        before: Option<String>,
        /// Passed back in the answer.
        generation: u64,
    },
    /// Ask for a page of the log; answer [`Event::LogPage`].
    FetchLog {
        /// Older than this entry.
        before: Option<i64>,
        /// Passed back in the answer.
        generation: u64,
    },
    /// Buy a ticket for the stream; answer [`Event::Ticket`].
    FetchTicket,
    /// Open the stream with this ticket, closing any open one.
    OpenStream(String),
    /// Close the stream.
    CloseStream,
    /// Send [`Event::ReopenDue`] after this wait.
    ScheduleReopen(Duration),
    /// Forget the scheduled reopen.
    CancelReopen,
    /// Do this to the comment; answer [`Event::Acted`] or [`Event::ActFailed`].
    Act {
        /// The comment.
        id: i64,
        /// What.
        action: Action,
    },
    /// Move the focus to the item (and scroll it into view), unless the
    /// moderator is typing somewhere.
    Reveal(i64),
    /// Move the focus into the item's open form.
    FocusForm {
        /// The comment.
        id: i64,
        /// Which form.
        kind: FormKind,
    },
    /// Ask for the word lists; answer [`Event::Words`].
    FetchWords,
    /// Add this word; answer [`Event::WordAdded`].
    AddWord(WordEntry),
    /// Take this word off; answer [`Event::WordRemoved`].
    RemoveWord(WordEntry),
    /// Ask for the bans; answer [`Event::Bans`].
    FetchBans,
    /// Lift this ban; answer [`Event::BanLifted`].
    LiftBan(i64),
    /// Ask for an article's settings; answer [`Event::ArticleLoaded`].
    FetchArticle(String),
    /// Save an article's settings; answer [`Event::ArticleSaved`].
    SaveArticle(ArticleModeration),
    /// Tell screen readers, politely.
    Announce(Announcement),
}

/// Everything the desk knows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DeskState {
    session: Session,
    login_problem: Option<LoginProblem>,
    /// The token being checked or in use, and whether to keep it after the
    /// check (`Some(remember)` for a login, `None` when it was kept already).
    token: Option<String>,
    save_token: Option<bool>,
    tab: Tab,
    queues: Queues,
    selected: Option<i64>,
    activity: BTreeMap<i64, ItemActivity>,
    forms: BTreeMap<i64, Form>,
    log: Log,
    words: Words,
    bans: Bans,
    article: ArticleDesk,
    connection: Connection,
    failed_opens: u32,
    reopen_waiting: bool,
    help: bool,
    /// Grows with every request, so each answer can be matched to its own.
    generation: u64,
}

impl DeskState {
    /// The session.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The moderator's settings, when logged in.
    pub fn settings(&self) -> Option<&ModerationSettings> {
        match &self.session {
            Session::In(settings) => Some(settings),
            _ => None,
        }
    }

    /// Why the login form is shown, if it says why.
    pub fn login_problem(&self) -> Option<&LoginProblem> {
        self.login_problem.as_ref()
    }

    /// The token requests carry.
    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// The tab shown.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The comment `id` as the queue `queue` holds it.
    pub fn item(&self, queue: Queue, id: i64) -> Option<&QueueItem> {
        self.queues
            .get(queue)
            .and_then(|q| q.items().iter().find(|i| i.comment.id == id))
    }

    /// The four queues.
    pub fn queues(&self) -> &Queues {
        &self.queues
    }

    /// The item selected in the queue shown.
    pub fn selected(&self) -> Option<i64> {
        self.selected
    }

    /// What is running on the comment `id`, or failed last.
    pub fn activity(&self, id: i64) -> Option<&ItemActivity> {
        self.activity.get(&id)
    }

    /// The form open under the comment `id`.
    pub fn form(&self, id: i64) -> Option<&Form> {
        self.forms.get(&id)
    }

    /// The log.
    pub fn log(&self) -> &Log {
        &self.log
    }

    /// The word lists.
    pub fn words(&self) -> &Words {
        &self.words
    }

    /// The bans.
    pub fn bans(&self) -> &Bans {
        &self.bans
    }

    /// The article form.
    pub fn article(&self) -> &ArticleDesk {
        &self.article
    }

    /// The live connection.
    pub fn connection(&self) -> Connection {
        self.connection
    }

    /// Whether a reopen of the stream is scheduled.
    pub fn reopen_waiting(&self) -> bool {
        self.reopen_waiting
    }

    /// Whether the shortcuts' help is open.
    pub fn help(&self) -> bool {
        self.help
    }

    /// The items of the queue shown; empty on another tab.
    fn shown_items(&self) -> &[QueueItem] {
        self.tab
            .queue()
            .and_then(|q| self.queues.get(q))
            .map(QueueView::items)
            .unwrap_or_default()
    }

    /// Takes in `event`; answers what the view must do for it, in order.
    pub fn apply(&mut self, event: Event) -> Vec<Effect> {
        let mut effects = Vec::new();
        // Where the selection stood, so that an item leaving under it hands
        // the selection to the one that takes its place.
        let before = self
            .selected
            .and_then(|id| self.shown_items().iter().position(|i| i.comment.id == id));
        let reveal_after = matches!(event, Event::Acted { id, .. } if Some(id) == self.selected);
        self.take(event, &mut effects);
        self.keep_selection(before, reveal_after, &mut effects);
        effects
    }

    fn take(&mut self, event: Event, effects: &mut Vec<Effect>) {
        match event {
            Event::Login { token, remember } => {
                let token = token.trim().to_owned();
                if token.is_empty() {
                    self.login_problem = Some(LoginProblem::Empty);
                    return;
                }
                self.check(token, Some(remember), effects);
            }
            Event::Resume(token) => self.check(token, None, effects),
            Event::Checked(result) => self.checked(result, effects),
            Event::Logout => {
                effects.push(Effect::ForgetToken);
                effects.push(Effect::CloseStream);
                effects.push(Effect::CancelReopen);
                *self = Self::default();
            }
            Event::Tab(tab) => self.show_tab(tab, effects),
            Event::Select(id) => {
                if self.shown_items().iter().any(|i| i.comment.id == id) {
                    self.selected = Some(id);
                }
            }
            Event::Key(shortcut) => self.key(shortcut, effects),
            Event::QueuePage {
                queue,
                generation,
                older,
                result,
            } => self.queue_page(queue, generation, older, result, effects),
            Event::LoadMore(queue) => {
                let generation = self.next_generation();
                if let Some(view) = self.queues.get_mut(queue)
                    && !view.loading_more
                    && view.load.is_ready()
                    && let Some(cursor) = view.next.clone()
                {
                    view.loading_more = true;
                    view.more_generation = generation;
                    effects.push(Effect::FetchQueue {
                        queue,
                        before: Some(cursor),
                        generation,
                    });
                }
            }
            Event::Item(item) => {
                if self.signed_in() {
                    self.learn(&item, true, effects);
                }
            }
            Event::LogEntry(entry) => {
                if self.signed_in() {
                    self.log_entry(entry, effects);
                }
            }
            Event::LogPage {
                generation,
                older,
                result,
            } => self.log_page(generation, older, result, effects),
            Event::LoadOlderLog => {
                if self.log.more
                    && !self.log.loading_more
                    && let Some(last) = self.log.items.last().map(|e| e.id)
                {
                    let generation = self.next_generation();
                    self.log.loading_more = true;
                    self.log.generation = generation;
                    effects.push(Effect::FetchLog {
                        before: Some(last),
                        generation,
                    });
                }
            }
            Event::Act { id, action } => self.act(id, action, effects),
            Event::Acted { id, action, ban } => self.acted(id, action, ban),
            Event::ActFailed { id, kind, error } => {
                if error.is_unauthorized() {
                    return self.end_session(error, effects);
                }
                let activity = self.activity.entry(id).or_default();
                activity.running = None;
                activity.failure = Some((kind, error));
            }
            Event::OpenForm { id, kind } => {
                if self.queues.find(id).is_none() {
                    return;
                }
                let form = self.forms.entry(id).or_insert_with(|| Form::empty(kind));
                if form.kind() != kind {
                    // One form under an item: the other's draft was not sent.
                    *form = Form::empty(kind);
                }
                effects.push(Effect::FocusForm { id, kind });
            }
            Event::Draft { id, form } => {
                if self.forms.contains_key(&id) {
                    self.forms.insert(id, form.clamped());
                }
            }
            Event::CloseForm(id) => {
                self.forms.remove(&id);
            }
            Event::Submit(id) => self.submit(id, effects),
            Event::Ticket(Ok(ticket)) => {
                if self.signed_in() {
                    effects.push(Effect::OpenStream(ticket.ticket));
                }
            }
            Event::Ticket(Err(error)) => {
                if error.is_unauthorized() {
                    return self.end_session(error, effects);
                }
                if self.signed_in() {
                    self.schedule_reopen(0.0, effects);
                }
            }
            Event::StreamOpened => {
                if !self.signed_in() {
                    return;
                }
                self.failed_opens = 0;
                self.connection = Connection::Live;
                // Nothing is replayed: what happened while the stream was
                // shut is read again.
                self.reload(effects);
            }
            Event::StreamDropped => {
                if self.signed_in() {
                    self.connection = Connection::Reconnecting;
                }
            }
            Event::StreamClosed { jitter } => {
                if self.signed_in() {
                    self.schedule_reopen(jitter, effects);
                }
            }
            Event::ReopenDue => {
                if self.reopen_waiting && self.signed_in() {
                    self.reopen_waiting = false;
                    effects.push(Effect::FetchTicket);
                }
            }
            Event::Resumed => {
                if self.reopen_waiting && self.signed_in() {
                    self.reopen_waiting = false;
                    effects.push(Effect::CancelReopen);
                    effects.push(Effect::FetchTicket);
                }
            }
            Event::Words(result) => match result {
                Ok(items) => {
                    self.words.items = items;
                    self.words.load = Load::Ready;
                }
                Err(error) => self.failed_load(error, |s| &mut s.words.load, effects),
            },
            Event::WordDraft { word, kind } => {
                self.words.draft = clamp_chars(word, WORD_MAX_CHARS);
                self.words.draft_kind = kind;
            }
            Event::AddWord => {
                let word = self.words.draft.trim().to_owned();
                if word.is_empty() || self.words.adding {
                    return;
                }
                let Some(kind) = self.words.draft_kind else {
                    return;
                };
                self.words.adding = true;
                self.words.failure = None;
                effects.push(Effect::AddWord(WordEntry { word, kind }));
            }
            Event::WordAdded(result) => {
                self.words.adding = false;
                match result {
                    Ok(entry) => {
                        self.words.draft.clear();
                        // One that folds to an entry already there replaces it:
                        // the server's list says which.
                        self.words.items.retain(|w| *w != entry);
                        self.words.items.push(entry);
                        effects.push(Effect::FetchWords);
                    }
                    Err(error) if error.is_unauthorized() => self.end_session(error, effects),
                    Err(error) => self.words.failure = Some(error),
                }
            }
            Event::RemoveWord(entry) => {
                if !self.words.removing.contains(&entry) {
                    self.words.removing.push(entry.clone());
                    effects.push(Effect::RemoveWord(entry));
                }
            }
            Event::WordRemoved { entry, result } => {
                self.words.removing.retain(|w| *w != entry);
                match result {
                    Ok(()) | Err(DeskError::NotFound) => {
                        self.words.items.retain(|w| *w != entry);
                        self.words.failure = None;
                    }
                    Err(error) if error.is_unauthorized() => self.end_session(error, effects),
                    Err(error) => self.words.failure = Some(error),
                }
            }
            Event::Bans(result) => match result {
                Ok(items) => {
                    self.bans.items = items;
                    self.bans.load = Load::Ready;
                }
                Err(error) => self.failed_load(error, |s| &mut s.bans.load, effects),
            },
            Event::LiftBan(id) => {
                if !self.bans.lifting.contains(&id) {
                    self.bans.lifting.push(id);
                    effects.push(Effect::LiftBan(id));
                }
            }
            Event::BanLifted { id, result } => {
                self.bans.lifting.retain(|b| *b != id);
                match result {
                    Ok(()) | Err(DeskError::NotFound) => {
                        self.bans.items.retain(|b| b.id != id);
                        self.bans.failure = None;
                    }
                    Err(error) if error.is_unauthorized() => self.end_session(error, effects),
                    Err(error) => self.bans.failure = Some((id, error)),
                }
            }
            Event::ArticleSlug(slug) => self.article.slug_draft = slug,
            Event::OpenArticle(slug) => {
                let slug = slug.trim().to_owned();
                if slug.is_empty() || !self.signed_in() {
                    return;
                }
                self.tab = Tab::Article;
                self.article = ArticleDesk {
                    slug_draft: slug.clone(),
                    slug: Some(slug.clone()),
                    load: Load::Loading,
                    ..ArticleDesk::default()
                };
                effects.push(Effect::FetchArticle(slug));
            }
            Event::ArticleLoaded { slug, result } => {
                if self.article.slug.as_deref() != Some(slug.as_str()) {
                    return;
                }
                match result {
                    Ok(settings) => self.article_in(settings),
                    Err(error) => self.failed_load(error, |s| &mut s.article.load, effects),
                }
            }
            Event::ArticleMode(mode) => self.article.mode = mode,
            Event::ArticleClosed(closed) => self.article.closed = closed,
            Event::SaveArticle => {
                let Some(slug) = self.article.slug.clone() else {
                    return;
                };
                if self.article.saving || !self.article.load.is_ready() {
                    return;
                }
                self.article.saving = true;
                self.article.saved = None;
                effects.push(Effect::SaveArticle(ArticleModeration {
                    slug,
                    title: String::new(),
                    mode: self.article.mode,
                    closed: self.article.closed,
                    effective: vestnik_api::CommentSettings::default(),
                }));
            }
            Event::ArticleSaved { slug, result } => {
                if self.article.slug.as_deref() != Some(slug.as_str()) {
                    return;
                }
                self.article.saving = false;
                match result {
                    Ok(settings) => {
                        self.article_in(settings);
                        self.article.saved = Some(Ok(()));
                    }
                    Err(error) if error.is_unauthorized() => self.end_session(error, effects),
                    Err(error) => self.article.saved = Some(Err(error)),
                }
            }
        }
    }

    fn signed_in(&self) -> bool {
        matches!(self.session, Session::In(_))
    }

    fn next_generation(&mut self) -> u64 {
        self.generation = self.generation.wrapping_add(1);
        self.generation
    }

    fn check(&mut self, token: String, save: Option<bool>, effects: &mut Vec<Effect>) {
        self.session = Session::Checking;
        self.login_problem = None;
        self.token = Some(token.clone());
        self.save_token = save;
        effects.push(Effect::CheckToken(token));
    }

    fn checked(
        &mut self,
        result: Result<ModerationSettings, DeskError>,
        effects: &mut Vec<Effect>,
    ) {
        if self.session != Session::Checking {
            return;
        }
        match result {
            Ok(settings) => {
                if let (Some(token), Some(remember)) = (self.token.clone(), self.save_token) {
                    effects.push(Effect::SaveToken { token, remember });
                }
                self.save_token = None;
                self.session = Session::In(settings);
                self.connection = Connection::Connecting;
                effects.push(Effect::FetchTicket);
                self.reload(effects);
            }
            Err(DeskError::Unauthorized(words)) => {
                let resumed = self.save_token.is_none();
                self.session = Session::LoggedOut;
                self.token = None;
                self.login_problem = Some(if resumed {
                    LoginProblem::Ended(words)
                } else {
                    LoginProblem::WrongToken(words)
                });
                if resumed {
                    effects.push(Effect::ForgetToken);
                }
            }
            Err(error) => {
                // The kept token may be fine: only the server is away.
                self.session = Session::LoggedOut;
                self.token = None;
                self.login_problem = Some(LoginProblem::Unreachable(error));
            }
        }
    }

    /// A 401 anywhere: back to the login form, saying why, with nothing kept.
    fn end_session(&mut self, error: DeskError, effects: &mut Vec<Effect>) {
        if !matches!(self.session, Session::In(_)) {
            return;
        }
        let words = match error {
            DeskError::Unauthorized(words) => words,
            _ => None,
        };
        effects.push(Effect::ForgetToken);
        effects.push(Effect::CloseStream);
        effects.push(Effect::CancelReopen);
        *self = Self {
            login_problem: Some(LoginProblem::Ended(words)),
            ..Self::default()
        };
    }

    fn failed_load(
        &mut self,
        error: DeskError,
        load: fn(&mut Self) -> &mut Load,
        effects: &mut Vec<Effect>,
    ) {
        if error.is_unauthorized() {
            return self.end_session(error, effects);
        }
        *load(self) = Load::Failed(error);
    }

    /// Every queue's newest page and the log's, again.
    fn reload(&mut self, effects: &mut Vec<Effect>) {
        for queue in Queue::ALL {
            let generation = self.next_generation();
            if let Some(view) = self.queues.get_mut(queue) {
                view.generation = generation;
                // An older page asked for before the reload follows a list that is gone.
                view.more_generation = generation;
                view.loading_more = false;
                view.awaiting_first = true;
                view.arrived_while_loading.clear();
                if !view.load.is_ready() {
                    view.load = Load::Loading;
                }
                effects.push(Effect::FetchQueue {
                    queue,
                    before: None,
                    generation,
                });
            }
        }
        let generation = self.next_generation();
        self.log.generation = generation;
        self.log.loading_more = false;
        if !self.log.load.is_ready() {
            self.log.load = Load::Loading;
        }
        effects.push(Effect::FetchLog {
            before: None,
            generation,
        });
    }

    fn show_tab(&mut self, tab: Tab, effects: &mut Vec<Effect>) {
        if !self.signed_in() || tab == Tab::Queue(Queue::Unknown) {
            return;
        }
        if self.tab != tab {
            self.selected = None;
        }
        self.tab = tab;
        // The lists others can change are read again when shown.
        match tab {
            Tab::Words => {
                if !self.words.load.is_ready() {
                    self.words.load = Load::Loading;
                }
                effects.push(Effect::FetchWords);
            }
            Tab::Bans => {
                if !self.bans.load.is_ready() {
                    self.bans.load = Load::Loading;
                }
                effects.push(Effect::FetchBans);
            }
            Tab::Log if !self.log.load.is_ready() && self.log.load != Load::Loading => {
                let generation = self.next_generation();
                self.log.generation = generation;
                self.log.load = Load::Loading;
                effects.push(Effect::FetchLog {
                    before: None,
                    generation,
                });
            }
            Tab::Queue(queue) => {
                if let Some(view) = self.queues.get(queue)
                    && matches!(view.load, Load::Failed(_) | Load::Idle)
                {
                    let generation = self.next_generation();
                    if let Some(view) = self.queues.get_mut(queue) {
                        view.generation = generation;
                        view.load = Load::Loading;
                        view.awaiting_first = true;
                        view.arrived_while_loading.clear();
                    }
                    effects.push(Effect::FetchQueue {
                        queue,
                        before: None,
                        generation,
                    });
                }
            }
            Tab::Log | Tab::Article => {}
        }
    }

    fn key(&mut self, shortcut: Shortcut, effects: &mut Vec<Effect>) {
        if !self.signed_in() {
            return;
        }
        match shortcut {
            Shortcut::Help => self.help = !self.help,
            Shortcut::Escape => {
                if self.help {
                    self.help = false;
                } else if let Some(id) = self.selected
                    && self.forms.contains_key(&id)
                {
                    self.forms.remove(&id);
                    effects.push(Effect::Reveal(id));
                }
            }
            Shortcut::Queue(queue) => self.show_tab(Tab::Queue(queue), effects),
            Shortcut::Log => self.show_tab(Tab::Log, effects),
            Shortcut::Next | Shortcut::Previous => {
                let items = self.shown_items();
                let at = self
                    .selected
                    .and_then(|id| items.iter().position(|i| i.comment.id == id));
                let to = match (at, shortcut) {
                    (None, _) => 0,
                    (Some(at), Shortcut::Next) => {
                        at.saturating_add(1).min(items.len().saturating_sub(1))
                    }
                    (Some(at), _) => at.saturating_sub(1),
                };
                if let Some(id) = items.get(to).map(|i| i.comment.id) {
                    self.selected = Some(id);
                    effects.push(Effect::Reveal(id));
                }
            }
            Shortcut::Approve | Shortcut::Remove | Shortcut::Feature => {
                let Some(item) = self.selected.and_then(|id| self.queues.find(id)) else {
                    return;
                };
                let action = match shortcut {
                    Shortcut::Approve => Action::Approve,
                    Shortcut::Remove => Action::Remove,
                    _ => Action::Feature(!item.comment.featured),
                };
                let id = item.comment.id;
                self.act(id, action, effects);
            }
            Shortcut::Reject | Shortcut::Ban => {
                if let Some(id) = self.selected {
                    let kind = if shortcut == Shortcut::Reject {
                        FormKind::Reject
                    } else {
                        FormKind::Ban
                    };
                    self.take(Event::OpenForm { id, kind }, effects);
                }
            }
        }
    }

    fn act(&mut self, id: i64, action: Action, effects: &mut Vec<Effect>) {
        if !self.signed_in() || self.queues.find(id).is_none() {
            return;
        }
        let activity = self.activity.entry(id).or_default();
        // One action at a time on a comment: its buttons wait.
        if activity.running.is_some() {
            return;
        }
        activity.running = Some(action.kind());
        activity.failure = None;
        effects.push(Effect::Act { id, action });
    }

    fn submit(&mut self, id: i64, effects: &mut Vec<Effect>) {
        let Some(form) = self.forms.get(&id) else {
            return;
        };
        let action = match form {
            Form::Reject(draft) => {
                let Some(reason) = draft.reason else {
                    return;
                };
                Action::Reject(RejectRequest {
                    reason,
                    note: note_of(&draft.note),
                })
            }
            Form::Ban(draft) => Action::Ban(NewBan {
                comment_id: id,
                scope: draft.scope,
                shadow: draft.shadow,
                hours: draft.length.hours(),
                note: note_of(&draft.note),
            }),
        };
        self.act(id, action, effects);
    }

    fn acted(&mut self, id: i64, action: Action, ban: Option<Ban>) {
        let activity = self.activity.entry(id).or_default();
        activity.running = None;
        activity.failure = None;
        let form_done = match &action {
            Action::Reject(_) => Some(FormKind::Reject),
            Action::Ban(_) => Some(FormKind::Ban),
            _ => None,
        };
        if let Some(kind) = form_done
            && self.forms.get(&id).is_some_and(|f| f.kind() == kind)
        {
            self.forms.remove(&id);
        }
        if let Some(ban) = ban
            && self.bans.load.is_ready()
        {
            self.bans.items.retain(|b| b.id != ban.id);
            self.bans.items.insert(0, ban);
        }
        // The stream will say so too; the desk need not wait for it.
        if let Some(mut item) = self.queues.find(id).cloned() {
            match action {
                Action::Approve => {
                    item.comment.status = CommentStatus::Published;
                    item.comment.rejection = None;
                    item.open_reports = 0;
                    item.held_for = None;
                    item.held_detail = None;
                    item.shadow = false;
                }
                Action::Reject(request) => {
                    item.comment.status = CommentStatus::Rejected;
                    item.comment.featured = false;
                    item.comment.rejection = Some(Rejection {
                        reason: request.reason,
                        note: request.note,
                    });
                }
                Action::Remove => {
                    item.comment.status = CommentStatus::Removed;
                    item.comment.featured = false;
                }
                Action::Feature(featured) => item.comment.featured = featured,
                Action::Ban(_) => return,
            }
            self.learn(&item, false, &mut Vec::new());
        }
    }

    /// Files `item`, as it stands now, into every queue that holds it and
    /// out of the others. `live`: it came on the stream (so it is newer than
    /// any page on its way, and worth announcing).
    fn learn(&mut self, item: &QueueItem, live: bool, effects: &mut Vec<Effect>) {
        for queue in Queue::ALL {
            let Some(view) = self.queues.get_mut(queue) else {
                continue;
            };
            if live && view.awaiting_first {
                view.arrived_while_loading
                    .retain(|i| i.comment.id != item.comment.id);
                view.arrived_while_loading.push(item.clone());
            }
            let entered = view.file(queue, item);
            if entered && live && matches!(queue, Queue::Pending | Queue::Reported) {
                effects.push(Effect::Announce(Announcement::Arrived {
                    queue,
                    author: item.comment.author.clone(),
                }));
            }
        }
    }

    fn queue_page(
        &mut self,
        queue: Queue,
        generation: u64,
        older: bool,
        result: Result<QueuePage, DeskError>,
        effects: &mut Vec<Effect>,
    ) {
        let Some(view) = self.queues.get_mut(queue) else {
            return;
        };
        let awaited = if older {
            view.loading_more && view.more_generation == generation
        } else {
            view.awaiting_first && view.generation == generation
        };
        if !awaited {
            return;
        }
        let page = match result {
            Ok(page) => page,
            Err(error) => {
                if error.is_unauthorized() {
                    return self.end_session(error, effects);
                }
                if older {
                    view.loading_more = false;
                } else {
                    view.awaiting_first = false;
                    view.arrived_while_loading.clear();
                    // A reload that failed keeps what the desk had.
                    if !view.load.is_ready() {
                        view.load = Load::Failed(error);
                    }
                }
                return;
            }
        };
        let arrived = if older {
            view.loading_more = false;
            Vec::new()
        } else {
            view.items.clear();
            view.load = Load::Ready;
            view.awaiting_first = false;
            std::mem::take(&mut view.arrived_while_loading)
        };
        // The page is read as far as it goes; then every item is filed as
        // a live one is, so the other queues agree with it.
        view.next = None;
        let mut fresh = Vec::new();
        for item in page.items {
            if arrived.iter().any(|a| a.comment.id == item.comment.id)
                || fresh
                    .iter()
                    .any(|f: &QueueItem| f.comment.id == item.comment.id)
            {
                continue;
            }
            fresh.push(item);
        }
        for item in &fresh {
            self.learn(item, false, &mut Vec::new());
        }
        for item in &arrived {
            self.learn(item, false, &mut Vec::new());
        }
        if let Some(view) = self.queues.get_mut(queue) {
            view.next = page.next;
            if !older {
                // The server's count, and the items that came since it counted.
                let extra = arrived.iter().filter(|i| queue.holds(i)).count() as u64;
                view.total = page
                    .total
                    .saturating_add(extra)
                    .max(view.items.len() as u64);
            }
        }
    }

    fn log_entry(&mut self, entry: ModerationLogEntry, effects: &mut Vec<Effect>) {
        // Lists others changed are read again when shown.
        match entry.action.as_str() {
            "word_add" | "word_remove" if self.words.load.is_ready() => {
                effects.push(Effect::FetchWords)
            }
            "ban" | "unban" if self.bans.load.is_ready() => effects.push(Effect::FetchBans),
            "article_settings"
                if self.article.load.is_ready()
                    && entry.article.is_some()
                    && entry.article == self.article.slug =>
            {
                if let Some(slug) = entry.article.clone() {
                    effects.push(Effect::FetchArticle(slug));
                }
            }
            _ => {}
        }
        if self.log.items.iter().any(|e| e.id == entry.id) {
            return;
        }
        let at = self.log.items.iter().position(|e| e.id < entry.id);
        self.log
            .items
            .insert(at.unwrap_or(self.log.items.len()), entry);
    }

    fn log_page(
        &mut self,
        generation: u64,
        older: bool,
        result: Result<Vec<ModerationLogEntry>, DeskError>,
        effects: &mut Vec<Effect>,
    ) {
        if self.log.generation != generation {
            return;
        }
        let entries = match result {
            Ok(entries) => entries,
            Err(error) => {
                if error.is_unauthorized() {
                    return self.end_session(error, effects);
                }
                if older {
                    self.log.loading_more = false;
                } else {
                    self.log.load = Load::Failed(error);
                }
                return;
            }
        };
        let full = entries.len() >= LOG_PAGE;
        if older {
            self.log.loading_more = false;
        } else {
            // Entries newer than the page (the stream's) stay.
            let newest = entries.first().map(|e| e.id).unwrap_or(i64::MIN);
            self.log.items.retain(|e| e.id > newest);
            self.log.load = Load::Ready;
        }
        for entry in entries {
            if !self.log.items.iter().any(|e| e.id == entry.id) {
                let at = self.log.items.iter().position(|e| e.id < entry.id);
                self.log
                    .items
                    .insert(at.unwrap_or(self.log.items.len()), entry);
            }
        }
        self.log.more = full;
    }

    fn schedule_reopen(&mut self, jitter: f64, effects: &mut Vec<Effect>) {
        self.connection = Connection::Reconnecting;
        if self.reopen_waiting {
            return;
        }
        let delay = reopen_delay(self.failed_opens, jitter);
        self.failed_opens = self.failed_opens.saturating_add(1);
        self.reopen_waiting = true;
        effects.push(Effect::CloseStream);
        effects.push(Effect::ScheduleReopen(delay));
    }

    fn article_in(&mut self, settings: ArticleModeration) {
        self.article.mode = settings.mode;
        self.article.closed = settings.closed;
        self.article.load = Load::Ready;
        self.article.loaded = Some(settings);
    }

    /// After any change: the selection points at an item of the queue shown,
    /// or at none; an item that left hands it to the one in its place.
    fn keep_selection(&mut self, before: Option<usize>, reveal: bool, effects: &mut Vec<Effect>) {
        let Some(id) = self.selected else {
            return;
        };
        let items = self.shown_items();
        if items.iter().any(|i| i.comment.id == id) {
            return;
        }
        let successor = before
            .map(|at| at.min(items.len().saturating_sub(1)))
            .and_then(|at| items.get(at))
            .map(|i| i.comment.id);
        self.selected = successor;
        if reveal && let Some(id) = successor {
            effects.push(Effect::Reveal(id));
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
