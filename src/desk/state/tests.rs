//! The desk reducer's rules, and properties over any sequence of events.

use super::*;
use proptest::prelude::*;
use vestnik_api::Comment;
use vestnik_api::moderation::{ArticleRef, HeldFor};

fn settings() -> ModerationSettings {
    ModerationSettings {
        mode: ModerationMode::New,
        trusted_after: 3,
        report_threshold: 3,
        close_after_days: 0,
        max_links: 2,
        proof_of_work: true,
        moderator: "Оля".to_owned(),
    }
}

fn item(id: i64, status: CommentStatus, open_reports: u32) -> QueueItem {
    QueueItem {
        comment: Comment {
            status,
            ..Comment::published(
                id,
                None,
                "Автор",
                format!("текст {id}"),
                "2026-12-03T10:00:00Z",
            )
        },
        article: ArticleRef {
            slug: "news-0001".to_owned(),
            title: "Заголовок".to_owned(),
        },
        reader: Some("1a2b3c4d".to_owned()),
        ip_prefix: Some("127.0.0.0/24".to_owned()),
        held_for: (status == CommentStatus::Pending).then_some(HeldFor::NewCommenter),
        held_detail: None,
        open_reports,
        reports: Vec::new(),
        shadow: false,
        author_approved: 0,
        parent: None,
    }
}

fn page(queue: Queue, items: Vec<QueueItem>) -> QueuePage {
    QueuePage {
        queue,
        total: items.len() as u64,
        items,
        next: None,
    }
}

/// A desk logged in, with every first page answered by `pages`.
fn logged_in(pages: impl Fn(Queue) -> Vec<QueueItem>) -> DeskState {
    let mut state = DeskState::default();
    state.apply(Event::Login {
        token: " secret ".to_owned(),
        remember: true,
    });
    let effects = state.apply(Event::Checked(Ok(settings())));
    answer(&mut state, effects, &pages);
    state
}

fn answer(state: &mut DeskState, effects: Vec<Effect>, pages: &impl Fn(Queue) -> Vec<QueueItem>) {
    for effect in effects {
        match effect {
            Effect::FetchQueue {
                queue,
                generation,
                before: None,
            } => {
                state.apply(Event::QueuePage {
                    queue,
                    generation,
                    older: false,
                    result: Ok(page(queue, pages(queue))),
                });
            }
            Effect::FetchLog {
                generation,
                before: None,
            } => {
                state.apply(Event::LogPage {
                    generation,
                    older: false,
                    result: Ok(Vec::new()),
                });
            }
            _ => {}
        }
    }
}

fn ids(state: &DeskState, queue: Queue) -> Vec<i64> {
    state
        .queues()
        .get(queue)
        .map(|q| q.items().iter().map(|i| i.comment.id).collect())
        .unwrap_or_default()
}

#[test]
fn a_login_checks_the_trimmed_token_then_keeps_it_and_loads_everything() {
    let mut state = DeskState::default();
    let effects = state.apply(Event::Login {
        token: " secret ".to_owned(),
        remember: false,
    });
    assert_eq!(effects, [Effect::CheckToken("secret".to_owned())]);
    assert_eq!(*state.session(), Session::Checking);
    let effects = state.apply(Event::Checked(Ok(settings())));
    assert_eq!(
        effects.first(),
        Some(&Effect::SaveToken {
            token: "secret".to_owned(),
            remember: false
        })
    );
    assert!(effects.contains(&Effect::FetchTicket));
    let queues = effects
        .iter()
        .filter(|e| matches!(e, Effect::FetchQueue { before: None, .. }))
        .count();
    assert_eq!(queues, 4);
    assert_eq!(state.settings().map(|s| s.moderator.as_str()), Some("Оля"));
}

#[test]
fn an_empty_token_is_not_sent() {
    let mut state = DeskState::default();
    assert!(
        state
            .apply(Event::Login {
                token: "  ".to_owned(),
                remember: true
            })
            .is_empty()
    );
    assert_eq!(state.login_problem(), Some(&LoginProblem::Empty));
}

#[test]
fn a_wrong_token_says_so_and_a_kept_one_that_no_longer_works_is_forgotten() {
    let mut state = DeskState::default();
    state.apply(Event::Login {
        token: "x".to_owned(),
        remember: true,
    });
    let effects = state.apply(Event::Checked(Err(DeskError::Unauthorized(Some(
        "no".to_owned(),
    )))));
    assert!(effects.is_empty());
    assert_eq!(
        state.login_problem(),
        Some(&LoginProblem::WrongToken(Some("no".to_owned())))
    );
    state.apply(Event::Resume("old".to_owned()));
    let effects = state.apply(Event::Checked(Err(DeskError::Unauthorized(None))));
    assert_eq!(effects, [Effect::ForgetToken]);
    assert_eq!(state.login_problem(), Some(&LoginProblem::Ended(None)));
}

#[test]
fn a_401_later_ends_the_session_with_a_reason() {
    let mut state = logged_in(|_| vec![item(1, CommentStatus::Pending, 0)]);
    let effects = state.apply(Event::ActFailed {
        id: 1,
        kind: ActionKind::Approve,
        error: DeskError::Unauthorized(Some("revoked".to_owned())),
    });
    assert!(effects.contains(&Effect::ForgetToken) && effects.contains(&Effect::CloseStream));
    assert_eq!(*state.session(), Session::LoggedOut);
    assert_eq!(
        state.login_problem(),
        Some(&LoginProblem::Ended(Some("revoked".to_owned())))
    );
    assert!(
        state
            .queues()
            .get(Queue::Pending)
            .is_some_and(|q| q.items().is_empty())
    );
}

#[test]
fn a_live_item_moves_between_queues_as_its_status_changes() {
    let mut state = logged_in(|_| Vec::new());
    let effects = state.apply(Event::Item(item(5, CommentStatus::Pending, 0)));
    assert_eq!(ids(&state, Queue::Pending), [5]);
    assert_eq!(ids(&state, Queue::Recent), [5]);
    assert!(matches!(
        effects.as_slice(),
        [Effect::Announce(Announcement::Arrived {
            queue: Queue::Pending,
            ..
        })]
    ));
    assert_eq!(
        state.queues().get(Queue::Pending).map(QueueView::total),
        Some(1)
    );

    state.apply(Event::Item(item(5, CommentStatus::Published, 2)));
    assert!(ids(&state, Queue::Pending).is_empty());
    assert_eq!(ids(&state, Queue::Reported), [5]);
    assert_eq!(
        state.queues().get(Queue::Pending).map(QueueView::total),
        Some(0)
    );

    state.apply(Event::Item(item(5, CommentStatus::Rejected, 2)));
    assert!(ids(&state, Queue::Reported).is_empty());
    assert_eq!(ids(&state, Queue::Rejected), [5]);
    assert_eq!(ids(&state, Queue::Recent), [5]);
}

#[test]
fn items_stay_newest_first() {
    let mut state = logged_in(|_| {
        vec![
            item(10, CommentStatus::Pending, 0),
            item(4, CommentStatus::Pending, 0),
        ]
    });
    state.apply(Event::Item(item(7, CommentStatus::Pending, 0)));
    state.apply(Event::Item(item(12, CommentStatus::Pending, 0)));
    assert_eq!(ids(&state, Queue::Pending), [12, 10, 7, 4]);
}

#[test]
fn an_item_older_than_a_partly_loaded_queue_waits_for_its_page() {
    let mut state = DeskState::default();
    state.apply(Event::Login {
        token: "t".to_owned(),
        remember: false,
    });
    let effects = state.apply(Event::Checked(Ok(settings())));
    for effect in effects {
        if let Effect::FetchQueue {
            queue, generation, ..
        } = effect
        {
            let mut answer = page(queue, vec![item(10, CommentStatus::Pending, 0)]);
            answer.next = Some("10".to_owned());
            answer.total = 30;
            state.apply(Event::QueuePage {
                queue,
                generation,
                older: false,
                result: Ok(answer),
            });
        }
    }
    state.apply(Event::Item(item(3, CommentStatus::Pending, 0)));
    assert_eq!(ids(&state, Queue::Pending), [10]);
    let effects = state.apply(Event::LoadMore(Queue::Pending));
    let [
        Effect::FetchQueue {
            generation,
            before: Some(cursor),
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}");
    };
    assert_eq!(cursor, "10");
    let older = page(Queue::Pending, vec![item(3, CommentStatus::Pending, 0)]);
    state.apply(Event::QueuePage {
        queue: Queue::Pending,
        generation: *generation,
        older: true,
        result: Ok(older),
    });
    assert_eq!(ids(&state, Queue::Pending), [10, 3]);
}

#[test]
fn what_the_stream_brings_while_a_page_loads_wins_over_the_page() {
    let mut state = logged_in(|_| Vec::new());
    // The stream reopens: every queue is read again.
    let effects = state.apply(Event::StreamOpened);
    state.apply(Event::Item(item(8, CommentStatus::Published, 0)));
    // The page was read before the approval: it still has 8 pending.
    answer(&mut state, effects, &|queue| {
        if queue == Queue::Recent || queue == Queue::Pending {
            vec![
                item(8, CommentStatus::Pending, 0),
                item(2, CommentStatus::Pending, 0),
            ]
        } else {
            Vec::new()
        }
    });
    assert_eq!(ids(&state, Queue::Pending), [2]);
    assert_eq!(ids(&state, Queue::Recent), [8, 2]);
    assert_eq!(
        state.queues().find(8).map(|i| i.comment.status),
        Some(CommentStatus::Published)
    );
}

#[test]
fn an_answer_to_an_older_request_is_not_believed() {
    let mut state = logged_in(|_| vec![item(1, CommentStatus::Pending, 0)]);
    state.apply(Event::QueuePage {
        queue: Queue::Pending,
        generation: 0,
        older: false,
        result: Ok(page(Queue::Pending, Vec::new())),
    });
    assert_eq!(ids(&state, Queue::Pending), [1]);
}

#[test]
fn approving_the_selected_item_with_a_key_hands_the_selection_to_the_next() {
    let mut state = logged_in(|queue| {
        if queue == Queue::Pending {
            (1..=3)
                .rev()
                .map(|id| item(id, CommentStatus::Pending, 0))
                .collect()
        } else {
            Vec::new()
        }
    });
    assert_eq!(state.apply(Event::Key(Shortcut::Next)), [Effect::Reveal(3)]);
    assert_eq!(state.apply(Event::Key(Shortcut::Next)), [Effect::Reveal(2)]);
    let effects = state.apply(Event::Key(Shortcut::Approve));
    assert_eq!(
        effects,
        [Effect::Act {
            id: 2,
            action: Action::Approve
        }]
    );
    assert_eq!(
        state.activity(2).and_then(|a| a.running),
        Some(ActionKind::Approve)
    );
    // The button waits: a second press sends nothing.
    assert!(state.apply(Event::Key(Shortcut::Approve)).is_empty());
    let effects = state.apply(Event::Acted {
        id: 2,
        action: Action::Approve,
        ban: None,
    });
    assert_eq!(effects, [Effect::Reveal(1)]);
    assert_eq!(ids(&state, Queue::Pending), [3, 1]);
    assert_eq!(state.selected(), Some(1));
    assert_eq!(state.activity(2).and_then(|a| a.running), None);
}

#[test]
fn a_failed_rejection_keeps_its_note_and_says_why() {
    let mut state = logged_in(|_| vec![item(4, CommentStatus::Pending, 0)]);
    state.apply(Event::Select(4));
    assert_eq!(
        state.apply(Event::Key(Shortcut::Reject)),
        [Effect::FocusForm {
            id: 4,
            kind: FormKind::Reject
        }]
    );
    let draft = RejectDraft {
        reason: None,
        note: "x".repeat(600),
    };
    state.apply(Event::Draft {
        id: 4,
        form: Form::Reject(draft),
    });
    // No reason yet: nothing is sent.
    assert!(state.apply(Event::Submit(4)).is_empty());
    let Some(Form::Reject(kept)) = state.form(4).cloned() else {
        panic!("no draft");
    };
    assert_eq!(kept.note.chars().count(), NOTE_MAX_CHARS);
    let draft = RejectDraft {
        reason: Some(Reason::Spam),
        note: "  реклама  ".to_owned(),
    };
    state.apply(Event::Draft {
        id: 4,
        form: Form::Reject(draft.clone()),
    });
    let effects = state.apply(Event::Submit(4));
    let expected = Action::Reject(RejectRequest {
        reason: Reason::Spam,
        note: Some("реклама".to_owned()),
    });
    assert_eq!(
        effects,
        [Effect::Act {
            id: 4,
            action: expected
        }]
    );
    state.apply(Event::ActFailed {
        id: 4,
        kind: ActionKind::Reject,
        error: DeskError::Invalid(Some("note too long".to_owned())),
    });
    assert_eq!(state.form(4), Some(&Form::Reject(draft)));
    assert_eq!(
        state.activity(4).and_then(|a| a.failure.clone()),
        Some((
            ActionKind::Reject,
            DeskError::Invalid(Some("note too long".to_owned()))
        ))
    );
}

#[test]
fn a_ban_is_made_from_its_form_and_joins_the_list() {
    let mut state = logged_in(|_| vec![item(6, CommentStatus::Published, 0)]);
    state.apply(Event::OpenForm {
        id: 6,
        kind: FormKind::Ban,
    });
    let draft = BanDraft {
        scope: BanScope::Network,
        shadow: true,
        length: BanLength::Week,
        note: String::new(),
    };
    state.apply(Event::Draft {
        id: 6,
        form: Form::Ban(draft),
    });
    let effects = state.apply(Event::Submit(6));
    let ban = NewBan {
        comment_id: 6,
        scope: BanScope::Network,
        shadow: true,
        hours: Some(168),
        note: None,
    };
    assert_eq!(
        effects,
        [Effect::Act {
            id: 6,
            action: Action::Ban(ban.clone())
        }]
    );
    state.apply(Event::Tab(Tab::Bans));
    state.apply(Event::Bans(Ok(Vec::new())));
    let made = Ban {
        id: 1,
        scope: BanScope::Network,
        target: "127.0.0.0/24".to_owned(),
        shadow: true,
        until: None,
        moderator: "Оля".to_owned(),
        created_at: String::new(),
        note: None,
        author: None,
    };
    state.apply(Event::Acted {
        id: 6,
        action: Action::Ban(ban),
        ban: Some(made),
    });
    assert_eq!(state.form(6), None);
    assert_eq!(state.bans().items.len(), 1);
}

#[test]
fn the_stream_reopens_with_a_new_ticket_after_the_browser_gives_up() {
    let mut state = logged_in(|_| Vec::new());
    let effects = state.apply(Event::Ticket(Ok(StreamTicket {
        ticket: "t1".to_owned(),
        expires_at: String::new(),
    })));
    assert_eq!(effects, [Effect::OpenStream("t1".to_owned())]);
    state.apply(Event::StreamOpened);
    assert_eq!(state.connection(), Connection::Live);
    state.apply(Event::StreamDropped);
    assert_eq!(state.connection(), Connection::Reconnecting);
    // Ten minutes on, the browser's retry meets a 401: it gives up.
    let effects = state.apply(Event::StreamClosed { jitter: 0.0 });
    assert_eq!(
        effects,
        [
            Effect::CloseStream,
            Effect::ScheduleReopen(Duration::from_secs(2))
        ]
    );
    assert!(state.reopen_waiting());
    assert!(state.apply(Event::StreamClosed { jitter: 0.0 }).is_empty());
    assert_eq!(state.apply(Event::ReopenDue), [Effect::FetchTicket]);
    assert!(state.apply(Event::ReopenDue).is_empty());
}

#[test]
fn live_log_entries_go_first_once_and_older_pages_after() {
    let mut state = logged_in(|_| Vec::new());
    let entry = |id: i64| ModerationLogEntry {
        id,
        moderator: "Оля".to_owned(),
        action: "approve".to_owned(),
        comment_id: Some(1),
        article: Some("news-0001".to_owned()),
        detail: None,
        at: String::new(),
    };
    state.apply(Event::LogEntry(entry(60)));
    state.apply(Event::LogEntry(entry(60)));
    assert_eq!(state.log().items.len(), 1);
    state.apply(Event::LogEntry(entry(61)));
    assert_eq!(state.log().items.first().map(|e| e.id), Some(61));
    assert!(!state.log().more);
}

#[test]
fn closing_an_article_from_the_desk_sends_its_settings() {
    let mut state = logged_in(|_| Vec::new());
    let effects = state.apply(Event::OpenArticle(" news-0001 ".to_owned()));
    assert_eq!(effects, [Effect::FetchArticle("news-0001".to_owned())]);
    assert_eq!(state.tab(), Tab::Article);
    let loaded = ArticleModeration {
        slug: "news-0001".to_owned(),
        title: "Заголовок".to_owned(),
        mode: None,
        closed: None,
        effective: vestnik_api::CommentSettings::default(),
    };
    state.apply(Event::ArticleLoaded {
        slug: "news-0001".to_owned(),
        result: Ok(loaded),
    });
    state.apply(Event::ArticleClosed(Some(true)));
    let effects = state.apply(Event::SaveArticle);
    let [Effect::SaveArticle(sent)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(
        (sent.slug.as_str(), sent.closed, sent.mode),
        ("news-0001", Some(true), None)
    );
    assert!(state.article().saving);
}

#[test]
fn words_are_added_and_taken_off() {
    let mut state = logged_in(|_| Vec::new());
    state.apply(Event::Tab(Tab::Words));
    state.apply(Event::Words(Ok(Vec::new())));
    state.apply(Event::WordDraft {
        word: " казино* ".to_owned(),
        kind: None,
    });
    assert!(state.apply(Event::AddWord).is_empty(), "no list chosen");
    state.apply(Event::WordDraft {
        word: " казино* ".to_owned(),
        kind: Some(WordKind::Suspect),
    });
    let entry = WordEntry {
        word: "казино*".to_owned(),
        kind: WordKind::Suspect,
    };
    assert_eq!(
        state.apply(Event::AddWord),
        [Effect::AddWord(entry.clone())]
    );
    state.apply(Event::WordAdded(Ok(entry.clone())));
    assert_eq!(state.words().items, [entry.clone()]);
    assert!(state.words().draft.is_empty());
    assert_eq!(
        state.apply(Event::RemoveWord(entry.clone())),
        [Effect::RemoveWord(entry.clone())]
    );
    state.apply(Event::WordRemoved {
        entry,
        result: Ok(()),
    });
    assert!(state.words().items.is_empty());
}

// Properties: any sequence of events keeps the desk whole.

fn status() -> impl Strategy<Value = CommentStatus> {
    prop::sample::select(
        &[
            CommentStatus::Published,
            CommentStatus::Pending,
            CommentStatus::Rejected,
            CommentStatus::Removed,
            CommentStatus::Unknown,
        ][..],
    )
}

fn any_item() -> impl Strategy<Value = QueueItem> {
    (1..24i64, status(), 0..3u32, any::<bool>()).prop_map(|(id, status, reports, featured)| {
        let mut item = item(id, status, reports);
        item.comment.featured = featured;
        item
    })
}

fn queue() -> impl Strategy<Value = Queue> {
    prop::sample::select(&Queue::ALL[..])
}

fn shortcut() -> impl Strategy<Value = Shortcut> {
    prop_oneof![
        Just(Shortcut::Next),
        Just(Shortcut::Previous),
        Just(Shortcut::Approve),
        Just(Shortcut::Reject),
        Just(Shortcut::Remove),
        Just(Shortcut::Feature),
        Just(Shortcut::Ban),
        Just(Shortcut::Log),
        Just(Shortcut::Help),
        Just(Shortcut::Escape),
        queue().prop_map(Shortcut::Queue),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Approve),
        Just(Action::Remove),
        any::<bool>().prop_map(Action::Feature),
        Just(Action::Reject(RejectRequest {
            reason: Reason::Spam,
            note: None
        })),
    ]
}

/// Events with the generations a real desk would pass back: `g` picks one
/// of the recent requests, so stale and current answers both occur.
#[derive(Clone, Debug)]
enum Step {
    Event(Event),
    Page {
        queue: Queue,
        items: Vec<QueueItem>,
        next: bool,
        older: bool,
        back: u64,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => any_item().prop_map(|i| Step::Event(Event::Item(i))),
        2 => (queue(), prop::collection::vec(any_item(), 0..6), any::<bool>(), any::<bool>(), 0..3u64)
            .prop_map(|(queue, items, next, older, back)| Step::Page { queue, items, next, older, back }),
        2 => shortcut().prop_map(|s| Step::Event(Event::Key(s))),
        1 => (1..24i64).prop_map(|id| Step::Event(Event::Select(id))),
        1 => queue().prop_map(|q| Step::Event(Event::Tab(Tab::Queue(q)))),
        1 => queue().prop_map(|q| Step::Event(Event::LoadMore(q))),
        1 => (1..24i64, action()).prop_map(|(id, action)| Step::Event(Event::Act { id, action })),
        1 => (1..24i64, action()).prop_map(|(id, action)| Step::Event(Event::Acted { id, action, ban: None })),
        1 => (1..24i64).prop_map(|id| Step::Event(Event::ActFailed { id, kind: ActionKind::Remove, error: DeskError::Network })),
        1 => Just(Step::Event(Event::StreamOpened)),
        1 => Just(Step::Event(Event::StreamDropped)),
        1 => (0.0..1.0f64).prop_map(|jitter| Step::Event(Event::StreamClosed { jitter })),
        1 => Just(Step::Event(Event::ReopenDue)),
    ]
}

fn check_whole(state: &DeskState) -> Result<(), TestCaseError> {
    let mut copies: BTreeMap<i64, &QueueItem> = BTreeMap::new();
    for queue in Queue::ALL {
        let Some(view) = state.queues().get(queue) else {
            continue;
        };
        let items = view.items();
        for pair in items.windows(2) {
            if let [newer, older] = pair {
                prop_assert!(
                    newer.comment.id > older.comment.id,
                    "{queue:?} not newest first, or twice"
                );
            }
        }
        for item in items {
            prop_assert!(queue.holds(item), "{queue:?} holds {item:?}");
            // Every copy of a comment is the same version.
            if let Some(seen) = copies.insert(item.comment.id, item) {
                prop_assert_eq!(seen, item);
            }
        }
        prop_assert!(view.total() >= items.len() as u64);
    }
    if let Some(id) = state.selected() {
        let queue = state.tab().queue();
        prop_assert!(queue.is_some(), "a selection outside a queue");
        let shown = queue
            .and_then(|q| state.queues().get(q))
            .map(QueueView::items)
            .unwrap_or_default();
        prop_assert!(
            shown.iter().any(|i| i.comment.id == id),
            "selected {id} is not shown"
        );
    }
    for (id, form) in &state.forms {
        prop_assert!(
            matches!(form, Form::Reject(d) if d.note.chars().count() <= NOTE_MAX_CHARS)
                || matches!(form, Form::Ban(d) if d.note.chars().count() <= NOTE_MAX_CHARS),
            "{id}"
        );
    }
    Ok(())
}

proptest! {
    /// Any sequence of pages, live items, keys and actions: every item is in
    /// queues that hold it, once, newest first, the same version everywhere;
    /// the selection is an item shown or none; a live item of a queue loaded
    /// to its end is in exactly the queues that hold it.
    #[test]
    fn any_sequence_of_events_keeps_the_desk_whole(steps in prop::collection::vec(step(), 0..60)) {
        let mut state = logged_in(|_| Vec::new());
        for step in steps {
            match step {
                Step::Event(event) => {
                    let live = match &event {
                        Event::Item(item) => Some(item.clone()),
                        _ => None,
                    };
                    state.apply(event);
                    if let Some(item) = live {
                        for queue in Queue::ALL {
                            let Some(view) = state.queues().get(queue) else { continue };
                            if view.load().is_ready() && !view.has_more() {
                                let there = view.items().iter().any(|i| *i == item);
                                prop_assert_eq!(there, queue.holds(&item), "{:?}", queue);
                            }
                        }
                    }
                }
                Step::Page { queue, items, next, older, back } => {
                    let generation = state.generation.saturating_sub(back);
                    let mut answer = page(queue, items);
                    answer.next = next.then(|| "1".to_owned());
                    state.apply(Event::QueuePage { queue, generation, older, result: Ok(answer) });
                }
            }
            check_whole(&state)?;
        }
    }

    /// Whatever the stream and the timers do, at most one reopen waits and
    /// each wait ends in exactly one new ticket.
    #[test]
    fn one_reopen_at_a_time(events in prop::collection::vec(prop_oneof![
        Just(Event::StreamOpened),
        Just(Event::StreamDropped),
        (0.0..1.0f64).prop_map(|jitter| Event::StreamClosed { jitter }),
        Just(Event::ReopenDue),
        Just(Event::Resumed),
        Just(Event::Ticket(Err(DeskError::Network))),
    ], 0..40)) {
        let mut state = logged_in(|_| Vec::new());
        for event in events {
            let waiting = state.reopen_waiting();
            let effects = state.apply(event);
            let scheduled = effects.iter().filter(|e| matches!(e, Effect::ScheduleReopen(_))).count();
            let tickets = effects.iter().filter(|e| **e == Effect::FetchTicket).count();
            prop_assert!(scheduled <= 1 && tickets <= 1);
            prop_assert!(!(waiting && scheduled > 0), "a second reopen while one waits");
            if tickets == 1 {
                prop_assert!(waiting && !state.reopen_waiting());
            }
            if let Some(Effect::ScheduleReopen(wait)) = effects.iter().find(|e| matches!(e, Effect::ScheduleReopen(_))) {
                prop_assert!(*wait >= Duration::from_secs(2) && *wait < Duration::from_secs(6));
            }
        }
    }
}
