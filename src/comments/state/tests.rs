//! The widget's rules, natively: each event in, the state and the effects out.

use super::*;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use vestnik_api::{CommentSettings, CommentStatus};

fn comment(id: i64, parent_id: Option<i64>) -> Comment {
    Comment {
        id,
        parent_id,
        author: format!("Читатель {id}"),
        text: format!("комментарий {id}"),
        created_at: "2026-11-25T08:00:00Z".into(),
        client_id: None,
        ..Comment::published(0, None, "", "", "")
    }
}

fn post(client_id: &str) -> NewComment {
    NewComment {
        author: "Анна".into(),
        text: format!("пост {client_id}"),
        parent_id: None,
        client_id: client_id.into(),
        ..NewComment::default()
    }
}

/// What the server makes of `post`: the stored comment `id`.
fn stored(id: i64, post: &NewComment) -> Comment {
    Comment {
        id,
        parent_id: post.parent_id,
        author: post.author.clone(),
        text: post.text.clone(),
        created_at: "2026-11-25T08:00:00Z".into(),
        client_id: Some(post.client_id.clone()),
        ..Comment::published(0, None, "", "", "")
    }
}

fn page(ids: &[i64], next: Option<&str>, last_event_id: i64) -> CommentPage {
    CommentPage {
        items: ids.iter().map(|&id| comment(id, None)).collect(),
        next: next.map(str::to_owned),
        total: ids.len() as u64,
        last_event_id,
        settings: CommentSettings::default(),
    }
}

/// A section whose first page (comments 1 and 2, up to event 100) is in.
fn ready() -> CommentsState {
    let mut state = CommentsState::default();
    state.apply(Event::LoadFirst);
    state.apply(Event::FirstPage(page(&[1, 2], Some("c1"), 100)));
    state
}

fn live(comment: Comment, event_id: i64, away: bool) -> Event {
    Event::Comment {
        comment,
        event_id: Some(event_id),
        away,
    }
}

fn shown(state: &CommentsState) -> Vec<i64> {
    state.thread().top_level(false)
}

fn held_ids(state: &CommentsState) -> Vec<i64> {
    state.held().iter().map(|c| c.id).collect()
}

fn count(effects: &[Effect], wanted: &Effect) -> usize {
    effects.iter().filter(|e| *e == wanted).count()
}

#[test]
fn the_first_page_is_asked_for_shown_and_followed_by_the_stream() {
    let mut state = CommentsState::default();
    assert_eq!(state.load(), &Load::Loading);
    assert_eq!(state.apply(Event::LoadFirst), [Effect::FetchFirst]);
    let effects = state.apply(Event::FirstPage(page(&[1, 2], Some("c1"), 100)));
    assert_eq!(
        effects,
        [Effect::SetTotal(2), Effect::OpenStream { after: 100 }]
    );
    assert_eq!(state.load(), &Load::Ready);
    assert_eq!(shown(&state), [1, 2]);
    assert!(state.has_earlier());
    assert_eq!(state.last_event(), 100);
    // A thread that is in is not fetched again.
    assert_eq!(state.apply(Event::LoadFirst), []);
}

#[test]
fn a_failed_first_page_says_why_and_retry_asks_again() {
    let mut state = CommentsState::default();
    state.apply(Event::LoadFirst);
    assert_eq!(state.apply(Event::FirstPageFailed(ApiError::Network)), []);
    assert_eq!(state.load(), &Load::Failed(ApiError::Network));
    assert!(!state.shows_none());
    assert_eq!(state.apply(Event::LoadFirst), [Effect::FetchFirst]);
    assert_eq!(state.load(), &Load::Loading);
}

#[test]
fn earlier_pages_are_asked_for_once_at_a_time_and_join_the_thread() {
    let mut state = ready();
    assert_eq!(
        state.apply(Event::LoadEarlier),
        [Effect::FetchEarlier("c1".into())]
    );
    assert!(state.loading_earlier());
    // The button is disabled meanwhile; a second press asks nothing.
    assert_eq!(state.apply(Event::LoadEarlier), []);
    assert_eq!(state.apply(Event::EarlierFailed), []);
    assert!(!state.loading_earlier());
    assert!(
        state.has_earlier(),
        "a failure keeps the cursor for a retry"
    );
    state.apply(Event::LoadEarlier);
    assert_eq!(
        state.apply(Event::EarlierPage(page(&[-2, -1], None, 0))),
        []
    );
    assert_eq!(shown(&state), [-2, -1, 1, 2]);
    assert!(!state.has_earlier());
    assert!(!state.loading_earlier());
    assert_eq!(state.apply(Event::LoadEarlier), []);
}

#[test]
fn an_empty_thread_says_so_unless_a_post_is_on_its_way() {
    let mut state = CommentsState::default();
    assert!(!state.shows_none(), "not while loading");
    state.apply(Event::FirstPage(page(&[], None, 0)));
    assert!(state.shows_none());
    state.apply(Event::Send(post("a")));
    assert!(!state.shows_none());
}

#[test]
fn replayed_comments_are_shown_once() {
    let mut state = ready();
    // The stream replays what the first page already has.
    assert_eq!(state.apply(live(comment(2, None), 101, false)), []);
    assert!(state.arrived().is_empty());
    // The same event twice in one task, and a held comment replayed.
    state.apply(live(comment(3, None), 102, false));
    assert_eq!(state.apply(live(comment(3, None), 102, false)), []);
    state.apply(live(comment(4, None), 103, true));
    assert_eq!(state.apply(live(comment(4, None), 103, false)), []);
    assert_eq!(state.arrived().len(), 1);
    assert_eq!(held_ids(&state), [4]);
    assert_eq!(state.unannounced(), 2);
}

#[test]
fn a_burst_at_the_live_edge_goes_into_the_thread_in_one_change_at_the_end_of_the_task() {
    let mut state = ready();
    let revision = state.thread_revision();
    let mut effects = Vec::new();
    for id in 3..1003 {
        effects.extend(state.apply(live(comment(id, None), id, false)));
    }
    assert_eq!(count(&effects, &Effect::ScheduleFlush), 1);
    assert_eq!(effects.len(), 2, "one flush, one announcement: {effects:?}");
    assert_eq!(state.thread_revision(), revision, "nothing redrawn yet");
    assert_eq!(state.thread().len(), 2);
    assert_eq!(state.apply(Event::Flush), [Effect::SettleAfterInsert]);
    assert_eq!(state.thread().len(), 1002);
    assert_ne!(state.thread_revision(), revision);
    assert!(state.arrived().is_empty());
    assert_eq!(
        state.apply(Event::Flush),
        [],
        "a second flush has nothing to do"
    );
    // The next task's first comment schedules its own flush.
    assert_eq!(
        state.apply(live(comment(2000, None), 2000, false)),
        [Effect::ScheduleFlush]
    );
}

#[test]
fn comments_from_others_wait_while_the_reader_is_away_and_come_in_on_reveal() {
    let mut state = ready();
    let revision = state.thread_revision();
    let effects = state.apply(live(comment(3, None), 101, true));
    assert_eq!(effects, [Effect::ScheduleAnnouncement(ANNOUNCE_AFTER)]);
    state.apply(live(comment(4, Some(1)), 102, true));
    assert_eq!(held_ids(&state), [3, 4]);
    assert_eq!(state.thread_revision(), revision, "the list did not move");
    assert_eq!(
        state.apply(Event::RevealHeld),
        [Effect::ForgetEdgeDecision, Effect::ScrollTo(3)]
    );
    assert!(state.held().is_empty());
    assert_eq!(shown(&state), [1, 2, 3]);
    assert_eq!(state.thread().replies_of(1), [4]);
    assert_eq!(
        state.apply(Event::RevealHeld),
        [Effect::ForgetEdgeDecision],
        "nothing to scroll to"
    );
}

#[test]
fn only_news_asks_where_the_reader_is() {
    let mut state = ready();
    state.apply(Event::Send(post("mine")));
    assert!(state.is_news(&comment(3, None)));
    assert!(!state.is_news(&comment(1, None)), "shown already");
    assert!(
        !state.is_news(&stored(3, &post("mine"))),
        "the reader's own"
    );
    state.apply(live(comment(4, None), 101, true));
    assert!(!state.is_news(&comment(4, None)), "held already");
    state.apply(live(comment(5, None), 102, false));
    assert!(!state.is_news(&comment(5, None)), "arrived in this task");
}

#[test]
fn a_post_is_confirmed_by_its_answer_and_its_event_then_changes_nothing() {
    let mut state = ready();
    let mine = post("cid-1");
    assert_eq!(
        state.apply(Event::Send(mine.clone())),
        [Effect::SaveOutbox, Effect::Post(mine.clone())]
    );
    assert_eq!(state.outbox().len(), 1);
    assert_eq!(
        state.outbox().first().map(|p| &p.delivery),
        Some(&Delivery::Sending)
    );
    assert_eq!(
        state.apply(Event::Sent(stored(7, &mine))),
        [Effect::SaveOutbox]
    );
    assert!(state.outbox().is_empty());
    assert_eq!(shown(&state), [1, 2, 7]);
    // Its own event comes later, even to a reader who is away: nothing changes.
    assert_eq!(state.apply(live(stored(7, &mine), 101, true)), []);
    assert!(state.held().is_empty());
    assert_eq!(state.unannounced(), 0);
    assert_eq!(state.thread().len(), 3);
}

#[test]
fn a_post_whose_event_comes_before_its_answer_is_confirmed_by_the_event() {
    let mut state = ready();
    let mine = post("cid-2");
    state.apply(Event::Send(mine.clone()));
    // Away from the live edge: one's own comment still goes straight in.
    assert_eq!(
        state.apply(live(stored(8, &mine), 101, true)),
        [Effect::SaveOutbox]
    );
    assert!(state.outbox().is_empty());
    assert!(state.held().is_empty());
    assert_eq!(state.unannounced(), 0, "one's own post is not announced");
    assert!(state.thread().contains(8));
    state.apply(Event::Sent(stored(8, &mine)));
    assert_eq!(state.thread().len(), 3);
    assert!(state.outbox().is_empty());
    // An answer's failure after the confirmation changes nothing.
    state.apply(Event::SendFailed {
        client_id: "cid-2".into(),
        error: ApiError::Network,
    });
    assert!(state.outbox().is_empty());
}

#[test]
fn a_failed_post_stays_with_its_reason_and_retry_sends_the_same_client_id() {
    let mut state = ready();
    let mine = post("cid-3");
    state.apply(Event::Send(mine.clone()));
    let limited = ApiError::RateLimited {
        retry_after: Some(9),
    };
    assert_eq!(
        state.apply(Event::SendFailed {
            client_id: "cid-3".into(),
            error: limited.clone(),
        }),
        []
    );
    assert_eq!(
        state.outbox(),
        [Pending {
            post: mine.clone(),
            delivery: Delivery::Failed(limited),
        }]
    );
    assert_eq!(
        state.apply(Event::Retry("cid-3".into())),
        [Effect::SaveOutbox, Effect::Post(mine.clone())]
    );
    assert_eq!(
        state.outbox(),
        [Pending {
            post: mine.clone(),
            delivery: Delivery::Sending,
        }]
    );
    assert_eq!(state.apply(Event::Retry("unknown".into())), []);
}

#[test]
fn sending_a_post_again_never_makes_a_second_entry() {
    let mut state = ready();
    // A reload sends what the outbox kept: same client id, one entry.
    state.apply(Event::Send(post("cid-4")));
    state.apply(Event::Send(post("cid-4")));
    state.apply(Event::Send(post("cid-5")));
    let ids: Vec<&str> = state
        .outbox()
        .iter()
        .map(|p| p.post.client_id.as_str())
        .collect();
    assert_eq!(ids, ["cid-4", "cid-5"]);
}

#[test]
fn edit_puts_a_failed_post_back_in_the_composer_and_discard_forgets_it() {
    let mut state = ready();
    state.apply(Event::Send(post("e")));
    state.apply(Event::Send(post("d")));
    for client_id in ["e", "d"] {
        state.apply(Event::SendFailed {
            client_id: client_id.into(),
            error: ApiError::Network,
        });
    }
    assert_eq!(
        state.apply(Event::Edit("e".into())),
        [Effect::SaveOutbox, Effect::Restore(post("e"))]
    );
    assert_eq!(
        state.apply(Event::Discard("d".into())),
        [Effect::SaveOutbox]
    );
    assert!(state.outbox().is_empty());
    assert_eq!(state.apply(Event::Edit("e".into())), []);
    assert_eq!(state.apply(Event::Discard("d".into())), []);
}

#[test]
fn a_removal_takes_the_comment_and_its_replies_wherever_they_are() {
    let mut state = ready();
    // 1 is shown; a reply to it arrived in this task, another is held.
    state.apply(live(comment(3, Some(1)), 101, false));
    state.apply(live(comment(4, Some(1)), 102, true));
    state.apply(live(comment(5, None), 103, true));
    state.apply(live(comment(6, Some(5)), 104, true));
    // What arrived goes in first so that the removal finds it.
    assert_eq!(
        state.apply(Event::Removed {
            id: 1,
            event_id: Some(105),
        }),
        [Effect::SettleAfterInsert]
    );
    assert!(state.arrived().is_empty());
    assert_eq!(shown(&state), [2]);
    assert!(!state.thread().contains(3));
    assert_eq!(held_ids(&state), [5, 6]);
    // A held comment and its held reply.
    state.apply(Event::Removed {
        id: 5,
        event_id: Some(106),
    });
    assert!(state.held().is_empty());
    // A comment that only arrived.
    state.apply(live(comment(7, None), 107, false));
    state.apply(Event::Removed {
        id: 7,
        event_id: Some(108),
    });
    assert!(!state.thread().contains(7));
    assert!(state.arrived().is_empty());
    assert_eq!(state.apply(Event::Flush), []);
    assert_eq!(state.last_event(), 108);
}

#[test]
fn a_page_that_brings_a_held_comment_shows_it_once() {
    let mut state = ready();
    // A new reply to a comment on an earlier page, held; then that page comes.
    state.apply(live(comment(9, Some(-1)), 101, true));
    state.apply(live(comment(10, Some(-1)), 102, false));
    state.apply(Event::LoadEarlier);
    let mut earlier = page(&[-1], None, 0);
    earlier.items.push(comment(9, Some(-1)));
    earlier.items.push(comment(10, Some(-1)));
    state.apply(Event::EarlierPage(earlier));
    assert!(state.held().is_empty());
    assert!(state.arrived().is_empty());
    assert_eq!(state.thread().replies_of(-1), [9, 10]);
}

#[test]
fn the_resume_point_only_moves_forward() {
    let mut state = ready();
    state.apply(live(comment(3, None), 120, false));
    state.apply(live(comment(4, None), 110, false));
    state.apply(Event::Comment {
        comment: comment(5, None),
        event_id: None,
        away: false,
    });
    assert_eq!(state.last_event(), 120);
    state.apply(Event::Removed {
        id: 3,
        event_id: Some(130),
    });
    state.apply(Event::Closed { jitter: 0.0 });
    assert_eq!(
        state.apply(Event::ReopenDue),
        [Effect::OpenStream { after: 130 }]
    );
}

#[test]
fn reopens_wait_two_seconds_growing_by_half_to_five_and_reset_when_connected() {
    let mut state = ready();
    let mut waits = Vec::new();
    for _ in 0..5 {
        match state.apply(Event::Closed { jitter: 0.0 }).as_slice() {
            [Effect::ScheduleReopen(wait)] => waits.push(wait.as_millis()),
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(state.connection(), Connection::Reconnecting);
        assert_eq!(
            state.apply(Event::ReopenDue),
            [Effect::OpenStream { after: 100 }]
        );
    }
    assert_eq!(waits, [2_000, 3_000, 4_500, 5_000, 5_000]);
    assert_eq!(state.failed_opens(), 5);
    assert_eq!(state.apply(Event::Connected), []);
    assert_eq!(state.connection(), Connection::Live);
    assert_eq!(state.failed_opens(), 0);
    assert_eq!(
        state.apply(Event::Closed { jitter: 0.5 }),
        [Effect::ScheduleReopen(Duration::from_millis(2_500))]
    );
}

#[test]
fn the_browser_retrying_by_itself_shows_reconnecting_and_schedules_nothing() {
    let mut state = ready();
    state.apply(Event::Connected);
    assert_eq!(state.apply(Event::Reconnecting), []);
    assert_eq!(state.connection(), Connection::Reconnecting);
    assert!(!state.reopen_waiting());
    state.apply(Event::Connected);
    assert_eq!(state.connection(), Connection::Live);
}

#[test]
fn back_online_or_in_the_tab_reopens_at_once_only_if_a_reopen_is_waiting() {
    let mut state = ready();
    assert_eq!(state.apply(Event::Resumed), [], "the stream is fine");
    state.apply(Event::Closed { jitter: 0.3 });
    assert!(state.reopen_waiting());
    assert_eq!(
        state.apply(Event::Resumed),
        [Effect::CancelReopen, Effect::OpenStream { after: 100 }]
    );
    assert!(!state.reopen_waiting());
    assert_eq!(state.apply(Event::Resumed), []);
    assert_eq!(state.apply(Event::ReopenDue), [], "its timer was cancelled");
}

#[test]
fn a_burst_is_announced_once_with_its_count() {
    let mut state = ready();
    let mine = post("own");
    state.apply(Event::Send(mine.clone()));
    let mut effects = Vec::new();
    effects.extend(state.apply(live(comment(3, None), 101, false)));
    effects.extend(state.apply(live(comment(4, None), 102, true)));
    effects.extend(state.apply(live(comment(5, None), 103, false)));
    // Neither one's own post nor a replay counts.
    effects.extend(state.apply(live(stored(6, &mine), 104, false)));
    effects.extend(state.apply(live(comment(3, None), 101, false)));
    assert_eq!(
        count(&effects, &Effect::ScheduleAnnouncement(ANNOUNCE_AFTER)),
        1
    );
    assert_eq!(state.apply(Event::AnnounceDue), [Effect::Announce(3)]);
    assert_eq!(state.unannounced(), 0);
    assert_eq!(state.apply(Event::AnnounceDue), []);
    // The next burst gets its own.
    assert_eq!(
        state.apply(live(comment(7, None), 105, true)),
        [Effect::ScheduleAnnouncement(ANNOUNCE_AFTER)]
    );
}

#[test]
fn choosing_an_order_asks_again_where_the_reader_is() {
    let mut state = ready();
    assert_eq!(state.order(), Order::OldestFirst);
    assert_eq!(
        state.apply(Event::Order(Order::NewestFirst)),
        [Effect::ForgetEdgeDecision]
    );
    assert_eq!(state.order(), Order::NewestFirst);
}

#[test]
fn the_count_goes_to_the_meta_line() {
    let mut state = ready();
    assert_eq!(state.apply(Event::Count(42)), [Effect::SetTotal(42)]);
}

#[test]
fn odd_jitter_and_endless_failures_do_not_panic() {
    let mut state = ready();
    for jitter in [f64::NAN, f64::INFINITY, -1.0, 2.0] {
        state.apply(Event::Closed { jitter });
    }
    state.failed_opens = u32::MAX;
    state.apply(Event::Closed { jitter: 0.999 });
    assert_eq!(state.failed_opens(), u32::MAX);
}

// Property tests: any sequence of events, in any order, from a stream, a
// server and a reader that may all misbehave.

fn with_status(id: i64, status: CommentStatus) -> Comment {
    Comment {
        status,
        ..comment(id, None)
    }
}

#[test]
fn the_readers_own_waiting_comment_is_shown_and_then_published_in_place() {
    let mut state = ready();
    let mine = post("own-0001");
    state.apply(Event::Send(mine.clone()));
    let waiting = Comment {
        status: CommentStatus::Pending,
        ..stored(5, &mine)
    };
    state.apply(Event::Sent(waiting.clone()));
    assert_eq!(state.thread().get(5), Some(&waiting));
    let key_before = state.thread().key(5);
    // Approved: the same comment comes again, published, and is drawn again.
    let published = stored(5, &mine);
    let effects = state.apply(live(published.clone(), 101, true));
    assert!(
        effects.is_empty(),
        "no news for its own author: {effects:?}"
    );
    assert_eq!(state.thread().get(5), Some(&published));
    assert_ne!(state.thread().key(5), key_before);
    assert!(state.held().is_empty());
}

#[test]
fn a_featured_comment_is_updated_where_it_is_held_or_shown() {
    let mut state = ready();
    state.apply(live(comment(7, None), 101, true));
    assert_eq!(held_ids(&state), [7]);
    let featured = Comment {
        featured: true,
        ..comment(7, None)
    };
    state.apply(live(featured.clone(), 102, true));
    assert_eq!(state.held(), [featured]);
    let shown_featured = Comment {
        featured: true,
        ..comment(1, None)
    };
    state.apply(live(shown_featured.clone(), 103, false));
    assert_eq!(state.thread().get(1), Some(&shown_featured));
    // A comment never moves to another parent.
    state.apply(live(comment(1, Some(2)), 104, false));
    assert_eq!(state.thread().get(1), Some(&shown_featured));
}

#[test]
fn a_comment_held_again_reaches_its_author_without_an_announcement() {
    let mut state = ready();
    state.apply(Event::Removed {
        id: 2,
        event_id: Some(101),
    });
    let effects = state.apply(live(with_status(2, CommentStatus::Pending), 102, true));
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::ScheduleAnnouncement(_))),
        "{effects:?}"
    );
    assert_eq!(
        state.thread().get(2).map(|c| c.status),
        Some(CommentStatus::Pending)
    );
}

#[test]
fn a_rejected_comment_can_be_edited_into_a_new_one_or_dismissed_for_good() {
    let mut state = ready();
    let rejected = Comment {
        rejection: Some(vestnik_api::Rejection {
            reason: vestnik_api::Reason::Insult,
            note: None,
        }),
        ..with_status(9, CommentStatus::Rejected)
    };
    state.apply(live(rejected.clone(), 101, false));
    assert!(state.thread().contains(9));
    // Only rejected comments go this way.
    assert_eq!(state.apply(Event::Dismiss(1)), []);
    let effects = state.apply(Event::EditRejected(9));
    let [Effect::SaveDismissed, Effect::Restore(restored)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(
        (&restored.author, &restored.text, restored.parent_id),
        (&rejected.author, &rejected.text, None)
    );
    assert!(
        restored.client_id.is_empty(),
        "the composer draws a fresh one"
    );
    assert!(!state.thread().contains(9));
    assert_eq!(state.dismissed(), [9]);
    // A page (or replay) that brings it again leaves it out.
    state.apply(Event::EarlierPage(CommentPage {
        items: vec![rejected.clone()],
        ..page(&[], None, 0)
    }));
    state.apply(live(rejected, 102, false));
    state.apply(Event::Flush);
    assert!(!state.thread().contains(9));
    let mut later = CommentsState::with_dismissed([9]);
    later.apply(Event::FirstPage(CommentPage {
        items: vec![with_status(9, CommentStatus::Rejected), comment(1, None)],
        ..page(&[], None, 100)
    }));
    assert_eq!(shown(&later), [1]);
}

#[test]
fn the_articles_settings_come_with_the_page_and_change_live() {
    let mut state = CommentsState::default();
    let settings = CommentSettings {
        closed: false,
        moderation: vestnik_api::ModerationMode::Pre,
        proof_of_work: true,
    };
    state.apply(Event::FirstPage(CommentPage {
        settings,
        ..page(&[1], None, 5)
    }));
    assert_eq!(state.settings(), settings);
    let closed = CommentSettings {
        closed: true,
        ..settings
    };
    assert_eq!(state.apply(Event::Settings(closed)), []);
    assert!(state.settings().closed);
}

#[test]
fn a_post_brings_a_proof_until_the_first_page_says_none_is_wanted() {
    let mut state = CommentsState::default();
    assert!(state.wants_proof(), "before the thread is in");
    state.apply(Event::FirstPageFailed(ApiError::Network));
    assert!(state.wants_proof(), "after the first page failed");
    state.apply(Event::FirstPage(page(&[1], None, 5)));
    assert!(!state.wants_proof(), "the page's settings ask for none");
    state.apply(Event::Settings(CommentSettings {
        proof_of_work: true,
        ..state.settings()
    }));
    assert!(state.wants_proof());
}

fn client_id() -> impl Strategy<Value = String> {
    prop::sample::select(&["a", "b", "c"][..]).prop_map(str::to_owned)
}

fn any_comment() -> impl Strategy<Value = Comment> {
    (
        0_i64..12,
        prop::option::of(0_i64..12),
        prop::option::of(client_id()),
        prop::sample::select(
            &[
                CommentStatus::Published,
                CommentStatus::Published,
                CommentStatus::Pending,
                CommentStatus::Rejected,
            ][..],
        ),
        any::<bool>(),
    )
        .prop_map(|(id, parent_id, client_id, status, featured)| Comment {
            client_id,
            status,
            featured,
            ..comment(id, parent_id)
        })
}

fn any_page() -> impl Strategy<Value = CommentPage> {
    (
        prop::collection::vec(any_comment(), 0..5),
        prop::option::of(Just("cursor".to_owned())),
        0_u64..20,
        -5_i64..200,
    )
        .prop_map(|(items, next, total, last_event_id)| CommentPage {
            items,
            next,
            total,
            last_event_id,
            settings: CommentSettings::default(),
        })
}

fn any_error() -> impl Strategy<Value = ApiError> {
    prop_oneof![
        Just(ApiError::Network),
        Just(ApiError::Malformed),
        any::<Option<u32>>().prop_map(|retry_after| ApiError::RateLimited { retry_after }),
    ]
}

fn any_post() -> impl Strategy<Value = NewComment> {
    (client_id(), prop::option::of(0_i64..12)).prop_map(|(client_id, parent_id)| NewComment {
        parent_id,
        ..post(&client_id)
    })
}

fn any_event() -> impl Strategy<Value = Event> {
    prop_oneof![
        Just(Event::LoadFirst),
        any_page().prop_map(Event::FirstPage),
        any_error().prop_map(Event::FirstPageFailed),
        Just(Event::LoadEarlier),
        any_page().prop_map(Event::EarlierPage),
        Just(Event::EarlierFailed),
        Just(Event::Connected),
        Just(Event::Reconnecting),
        any::<f64>().prop_map(|jitter| Event::Closed { jitter }),
        (any_comment(), prop::option::of(-5_i64..200), any::<bool>()).prop_map(
            |(comment, event_id, away)| Event::Comment {
                comment,
                event_id,
                away,
            }
        ),
        (0_i64..12, prop::option::of(-5_i64..200))
            .prop_map(|(id, event_id)| Event::Removed { id, event_id }),
        any::<u64>().prop_map(Event::Count),
        any_post().prop_map(Event::Send),
        (0_i64..12, any_post()).prop_map(|(id, post)| Event::Sent(stored(id, &post))),
        (client_id(), any_error())
            .prop_map(|(client_id, error)| Event::SendFailed { client_id, error }),
        client_id().prop_map(Event::Retry),
        client_id().prop_map(Event::Edit),
        client_id().prop_map(Event::Discard),
        Just(Event::RevealHeld),
        prop::sample::select(&[Order::OldestFirst, Order::NewestFirst][..]).prop_map(Event::Order),
        Just(Event::Flush),
        Just(Event::ReopenDue),
        Just(Event::Resumed),
        Just(Event::AnnounceDue),
        (any::<bool>(), any::<bool>()).prop_map(|(closed, proof_of_work)| Event::Settings(
            CommentSettings {
                closed,
                proof_of_work,
                ..CommentSettings::default()
            }
        )),
        (0_i64..12).prop_map(Event::Dismiss),
        (0_i64..12).prop_map(Event::EditRejected),
    ]
}

fn ids(comments: &[Comment]) -> Vec<i64> {
    comments.iter().map(|c| c.id).collect()
}

/// What must hold after every event.
fn check_invariants(state: &CommentsState) -> Result<(), TestCaseError> {
    let held = ids(state.held());
    let arrived = ids(state.arrived());
    let held_set: BTreeSet<i64> = held.iter().copied().collect();
    let arrived_set: BTreeSet<i64> = arrived.iter().copied().collect();
    prop_assert_eq!(held_set.len(), held.len(), "a comment held twice");
    prop_assert_eq!(arrived_set.len(), arrived.len(), "a comment arrived twice");
    prop_assert!(held_set.is_disjoint(&arrived_set));
    for id in held_set.iter().chain(&arrived_set) {
        prop_assert!(
            !state.thread().contains(*id),
            "comment {} both shown and waiting",
            id
        );
    }
    let client_ids: BTreeSet<&str> = state
        .outbox()
        .iter()
        .map(|p| p.post.client_id.as_str())
        .collect();
    prop_assert_eq!(
        client_ids.len(),
        state.outbox().len(),
        "one client id twice"
    );
    prop_assert_eq!(
        state.shows_none(),
        state.load() == &Load::Ready && state.thread().is_empty() && state.outbox().is_empty()
    );
    Ok(())
}

/// What must hold between one state, the event's effects and the next.
fn check_step(
    before: &CommentsState,
    after: &CommentsState,
    effects: &[Effect],
) -> Result<(), TestCaseError> {
    prop_assert!(
        after.last_event() >= before.last_event(),
        "resumed backwards"
    );
    if seen(before.thread()) != seen(after.thread()) {
        prop_assert_ne!(
            before.thread_revision(),
            after.thread_revision(),
            "the thread changed and the view was not told"
        );
    }
    prop_assert!(count(effects, &Effect::ScheduleFlush) <= 1);
    if before.arrived().is_empty() && !after.arrived().is_empty() {
        prop_assert!(
            effects.contains(&Effect::ScheduleFlush),
            "arrived, never flushed"
        );
    }
    if before.unannounced() == 0 && after.unannounced() > 0 {
        prop_assert!(
            effects.contains(&Effect::ScheduleAnnouncement(ANNOUNCE_AFTER)),
            "counted, never announced"
        );
    }
    if !before.reopen_waiting() && after.reopen_waiting() {
        prop_assert!(
            effects
                .iter()
                .any(|e| matches!(e, Effect::ScheduleReopen(_))),
            "waiting for a reopen nobody scheduled"
        );
    }
    for effect in effects {
        match effect {
            Effect::OpenStream { after: from } => {
                prop_assert_eq!(*from, after.last_event(), "a stream that misses events")
            }
            Effect::ScheduleReopen(wait) => prop_assert!(wait.as_millis() < 6_000),
            Effect::Announce(n) => prop_assert!(*n > 0),
            _ => {}
        }
    }
    Ok(())
}

/// Comments from others on a stream: an id with a parent posted before it,
/// where the reader is, or a removal, or the end of a task.
#[derive(Clone, Debug)]
enum Traffic {
    Comment {
        id: i64,
        parent: Option<i64>,
        away: bool,
    },
    Removed(i64),
    TaskEnds,
    Reveal,
    Announce,
}

fn traffic() -> impl Strategy<Value = Traffic> {
    prop_oneof![
        4 => (1_i64..30, any::<bool>(), any::<bool>(), any::<prop::sample::Index>()).prop_map(
            |(id, reply, away, parent)| Traffic::Comment {
                id,
                parent: (reply && id > 1).then(|| parent.index(id as usize - 1) as i64 + 1),
                away,
            }
        ),
        1 => (1_i64..30).prop_map(Traffic::Removed),
        1 => Just(Traffic::TaskEnds),
        1 => Just(Traffic::Reveal),
        1 => Just(Traffic::Announce),
    ]
}

proptest! {
    /// Any sequence of events is taken in without a panic, and the state
    /// stays whole after each.
    #[test]
    fn any_sequence_of_events_keeps_the_state_whole(events in prop::collection::vec(any_event(), 0..60)) {
        let mut state = CommentsState::default();
        for event in events {
            let before = state.clone();
            let effects = state.apply(event);
            check_invariants(&state)?;
            check_step(&before, &state, &effects)?;
        }
    }

    /// Whatever the stream brings and wherever the reader is, once the held
    /// comments are revealed and the task is over the page shows exactly the
    /// comments not removed, each once, and announced them all.
    #[test]
    fn the_page_ends_with_what_was_posted_less_what_was_removed(
        traffic in prop::collection::vec(traffic(), 0..80),
    ) {
        let mut state = ready();
        // The comments the server holds, with their parents.
        let mut model: BTreeMap<i64, Option<i64>> = [(1, None), (2, None)].into();
        let mut news = 0_u64;
        let mut announced = 0_u64;
        let mut event_id = 100;
        let mut tally = |effects: Vec<Effect>| {
            for effect in effects {
                if let Effect::Announce(n) = effect {
                    announced += n;
                }
            }
        };
        for step in traffic {
            event_id += 1;
            let event = match step {
                Traffic::Comment { id, parent, away } => {
                    if let std::collections::btree_map::Entry::Vacant(new) = model.entry(id) {
                        news += 1;
                        new.insert(parent);
                    }
                    live(comment(id, parent), event_id, away)
                }
                Traffic::Removed(id) => {
                    model.retain(|&c, &mut p| c != id && p != Some(id));
                    Event::Removed { id, event_id: Some(event_id) }
                }
                Traffic::TaskEnds => Event::Flush,
                Traffic::Reveal => Event::RevealHeld,
                Traffic::Announce => Event::AnnounceDue,
            };
            tally(state.apply(event));
            let waiting = ids(state.held()).into_iter().chain(ids(state.arrived()));
            let mut on_page: Vec<i64> = waiting.collect();
            on_page.extend(all_ids(state.thread()));
            on_page.sort_unstable();
            prop_assert_eq!(on_page, model.keys().copied().collect::<Vec<_>>());
        }
        tally(state.apply(Event::RevealHeld));
        tally(state.apply(Event::Flush));
        tally(state.apply(Event::AnnounceDue));
        prop_assert!(state.held().is_empty() && state.arrived().is_empty());
        prop_assert_eq!(all_ids(state.thread()), model.keys().copied().collect::<Vec<_>>());
        prop_assert_eq!(announced, news);
    }
}

/// Every comment id in `thread`, replies included, in order.
fn all_ids(thread: &Thread) -> Vec<i64> {
    (-10..40).filter(|&id| thread.contains(id)).collect()
}

/// Each comment shown, with its replies' ids.
type Shown<'a> = Vec<(Option<&'a Comment>, Vec<i64>)>;

/// What the view can show of `thread`: the top level, and each comment with its replies.
fn seen(thread: &Thread) -> (Vec<i64>, Shown<'_>) {
    let each = all_ids(thread)
        .into_iter()
        .map(|id| (thread.get(id), thread.replies_of(id)))
        .collect();
    (thread.top_level(false), each)
}
