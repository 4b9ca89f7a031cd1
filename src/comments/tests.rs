//! Browser tests: wasm-bindgen-test in headless Chromium (they need a DOM
//! and the browser's Intl), so built for wasm32 only.
#![cfg(target_arch = "wasm32")]

use super::comment_item::PendingItem;
use super::composer::{Composer, Problem, check};
use super::draft::{Draft, load_draft, save_draft};
use super::outbox::{Delivery, Pending};
use super::section::ShownThread;
use super::state::{CommentsState, Event};
use super::stream::{LiveEvent, decode_data};
use super::thread::Thread;
use super::*;
use crate::api::ApiError;
use crate::testing::{all, mount, settle, text_of};
use leptos::html::Textarea;
use leptos::prelude::*;
use vestnik_api::{Comment, CommentPage, CommentRemoved, NewComment};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

fn comment(id: i64, parent_id: Option<i64>, text: &str) -> Comment {
    Comment {
        id,
        parent_id,
        author: format!("Читатель {id}"),
        text: text.into(),
        created_at: "2026-11-25T08:00:00Z".into(),
        client_id: None,
        ..Comment::published(0, None, "", "", "")
    }
}

#[wasm_bindgen_test]
fn a_thread_holds_each_comment_once_with_replies_under_their_parent() {
    let mut thread = Thread::default();
    assert!(thread.insert(comment(1, None, "первый")));
    assert!(thread.insert(comment(3, Some(1), "ответ")));
    assert!(thread.insert(comment(2, None, "второй")));
    // A replayed event or the echo of one's own post changes nothing.
    assert!(!thread.insert(comment(2, None, "второй")));
    assert_eq!(thread.len(), 3);
    assert_eq!(thread.top_level(false), vec![1, 2]);
    assert_eq!(thread.top_level(true), vec![2, 1]);
    assert_eq!(thread.replies_of(1), vec![3]);
    // Removing a comment takes its replies with it.
    assert!(thread.remove(1));
    assert_eq!(thread.len(), 1);
    assert!(!thread.remove(1));
}

#[wasm_bindgen_test]
fn replies_stay_in_posting_order_when_an_earlier_page_arrives_later() {
    let mut thread = Thread::default();
    thread.insert(comment(1, None, "первый"));
    thread.insert(comment(9, Some(1), "поздний ответ"));
    // "Показать предыдущие" brings older replies after newer ones.
    thread.insert(comment(4, Some(1), "ранний ответ"));
    assert_eq!(thread.replies_of(1), vec![4, 9]);
    assert!(thread.remove(9));
    assert_eq!(thread.replies_of(1), vec![4]);
    assert_eq!(thread.replies_of(2), Vec::<i64>::new());
}

#[wasm_bindgen_test]
fn removing_a_parent_the_page_never_loaded_still_removes_its_replies() {
    let mut thread = Thread::default();
    thread.insert(comment(10, Some(4), "ответ"));
    thread.insert(comment(11, None, "другой"));
    assert!(!thread.remove(4));
    assert_eq!(thread.top_level(false), vec![11]);
}

#[wasm_bindgen_test]
fn a_reply_whose_parent_is_not_loaded_still_shows() {
    let mut thread = Thread::default();
    thread.insert(comment(10, Some(4), "ответ на старый комментарий"));
    assert_eq!(thread.top_level(false), vec![10]);
}

#[wasm_bindgen_test]
fn checks_count_characters_not_bytes_and_refuse_blank_input() {
    assert_eq!(check("Анна", "Привет").author, None);
    assert!(check("Анна", "Привет").is_empty());
    assert_eq!(check("   ", "x").author, Some(Problem::NameRequired));
    assert_eq!(check("Анна", " \n\t ").text, Some(Problem::TextRequired));
    // 2,000 Cyrillic letters are 4,000 bytes and still allowed.
    assert!(check("Анна", &"ж".repeat(2000)).is_empty());
    assert_eq!(
        check("Анна", &"ж".repeat(2001)).text,
        Some(Problem::TextTooLong)
    );
    assert_eq!(
        check(&"я".repeat(81), "x").author,
        Some(Problem::NameTooLong)
    );
}

#[wasm_bindgen_test]
fn stream_data_is_decoded_and_anything_odd_is_skipped_not_a_panic() {
    let data = r#"{"id":7,"author":"Оля","text":"<script>alert(1)</script>","created_at":"2026-11-25T08:00:00Z"}"#;
    match decode_data("comment", data, Some(12)) {
        LiveEvent::Comment(c, Some(12)) => {
            assert_eq!(c.id, 7);
            assert_eq!(c.text, "<script>alert(1)</script>");
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(
        decode_data("comment_removed", r#"{"id":7}"#, Some(13)),
        LiveEvent::Removed(CommentRemoved { id: 7 }, Some(13))
    );
    assert_eq!(
        decode_data("comment", "{not json", None),
        LiveEvent::Unreadable
    );
    assert_eq!(
        decode_data("comment", r#"{"id":"x"}"#, None),
        LiveEvent::Unreadable
    );
    assert_eq!(
        decode_data("count", r#"{"total":-1}"#, None),
        LiveEvent::Unreadable
    );
    assert_eq!(decode_data("surprise", "{}", None), LiveEvent::Unreadable);
}

#[wasm_bindgen_test]
async fn hostile_text_is_shown_as_text_with_only_safe_links() {
    let hostile = "<img src=x onerror=alert(1)> \u{202E}evil https://ok.example/ javascript:alert(2) \
                   смотрите http://пример.рф/новости";
    let text = hostile.to_owned();
    let root = mount(move || view! { <comment_text::CommentText text /> });
    settle().await;
    assert!(all(&root, "img").is_empty());
    assert_eq!(text_of(&root, "p.comment-text"), hostile.trim());
    let links = all(&root, "a");
    assert_eq!(links.len(), 2);
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some("https://ok.example/")
    );
    // The address as typed; the browser turns the host into punycode itself.
    assert_eq!(
        links[1].get_attribute("href").as_deref(),
        Some("http://пример.рф/новости")
    );
    assert_eq!(
        links[1].text_content().as_deref(),
        Some("http://пример.рф/новости")
    );
    assert_eq!(
        links[0].get_attribute("rel").as_deref(),
        Some("nofollow ugc noopener")
    );
    let p = root.query_selector("p.comment-text").unwrap().unwrap();
    assert_eq!(p.get_attribute("dir").as_deref(), Some("auto"));
}

fn composer_in(slug: &'static str) -> (web_sys::HtmlElement, RwSignal<Vec<NewComment>>) {
    let sent = RwSignal::new(Vec::<NewComment>::new());
    let root = mount(move || {
        let mut state = CommentsState::default();
        state.apply(Event::FirstPage(CommentPage {
            items: vec![comment(5, None, "исходный")],
            next: None,
            total: 1,
            last_event_id: 0,
            settings: Default::default(),
        }));
        let field = NodeRef::<Textarea>::new();
        view! {
            <Composer
                slug=slug.to_owned()
                thread=ShownThread::new(RwSignal::new(state), Trigger::new())
                reply_to=RwSignal::new(None)
                restore=RwSignal::new(None)
                field
                on_send=Callback::new(move |post| sent.update(|s| s.push(post)))
                moderation=vestnik_api::ModerationMode::Post
                on_writing=Callback::new(|_| ())
            />
        }
    });
    (root, sent)
}

fn type_into(root: &web_sys::HtmlElement, selector: &str, value: &str) {
    let element = root.query_selector(selector).unwrap().unwrap();
    if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    } else if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    }
    let event = web_sys::Event::new("input").unwrap();
    element.dispatch_event(&event).unwrap();
}

fn ctrl_enter(root: &web_sys::HtmlElement) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_ctrl_key(true);
    init.set_bubbles(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    root.query_selector("textarea")
        .unwrap()
        .unwrap()
        .dispatch_event(&event)
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_composer_counts_characters_and_refuses_blank_input_with_a_reason() {
    let (root, sent) = composer_in("composer-blank");
    settle().await;
    assert_eq!(text_of(&root, ".counter"), "0 / 2000");
    type_into(&root, "input", "Анна");
    type_into(&root, "textarea", "   ");
    settle().await;
    ctrl_enter(&root);
    settle().await;
    assert!(sent.get_untracked().is_empty());
    assert_eq!(
        text_of(&root, "#comment-text-problem"),
        "Напишите комментарий"
    );
    let area = root.query_selector("textarea").unwrap().unwrap();
    assert_eq!(area.get_attribute("aria-invalid").as_deref(), Some("true"));
    type_into(&root, "textarea", &"ж".repeat(2001));
    settle().await;
    assert_eq!(text_of(&root, ".counter"), "2001 / 2000");
    assert_eq!(all(&root, ".counter.over").len(), 1);
    assert_eq!(
        text_of(&root, "#comment-text-problem"),
        "Комментарий длиннее 2000 символов"
    );
}

#[wasm_bindgen_test]
async fn ctrl_enter_sends_a_trimmed_comment_with_a_fresh_client_id_and_clears_the_draft() {
    let (root, sent) = composer_in("composer-send");
    type_into(&root, "input", "  Анна ");
    type_into(&root, "textarea", "  Хорошая новость  ");
    settle().await;
    // Every keystroke is kept: a reload here would lose nothing.
    assert_eq!(load_draft("composer-send").text, "  Хорошая новость  ");
    ctrl_enter(&root);
    settle().await;
    let posts = sent.get_untracked();
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].author, "Анна");
    assert_eq!(posts[0].text, "Хорошая новость");
    assert!(posts[0].client_id.len() >= 8);
    assert_eq!(load_draft("composer-send"), Draft::default());
    let area = root.query_selector("textarea").unwrap().unwrap();
    assert_eq!(
        area.unchecked_ref::<web_sys::HtmlTextAreaElement>().value(),
        ""
    );
}

#[wasm_bindgen_test]
async fn a_kept_draft_comes_back_into_the_composer() {
    save_draft(
        "composer-kept",
        &Draft {
            text: "Недописанный".into(),
            parent_id: Some(5),
        },
    );
    let (root, _) = composer_in("composer-kept");
    settle().await;
    let area = root.query_selector("textarea").unwrap().unwrap();
    assert_eq!(
        area.unchecked_ref::<web_sys::HtmlTextAreaElement>().value(),
        "Недописанный"
    );
    assert!(text_of(&root, ".replying-to").contains("Читатель 5"));
    save_draft("composer-kept", &Draft::default());
}

#[wasm_bindgen_test]
async fn a_failed_post_shows_why_with_retry_edit_and_discard() {
    let retried = RwSignal::new(0);
    let pending = Pending {
        post: NewComment {
            author: "Анна".into(),
            text: "Текст".into(),
            parent_id: None,
            client_id: "abcdefgh-1".into(),
            ..NewComment::default()
        },
        delivery: Delivery::Failed(ApiError::RateLimited {
            retry_after: Some(9),
        }),
    };
    let root = mount(move || {
        view! {
            <PendingItem
                pending
                on_retry=Callback::new(move |_| retried.update(|n| *n += 1))
                on_edit=Callback::new(|_| {})
                on_discard=Callback::new(|_| {})
            />
        }
    });
    settle().await;
    let status = text_of(&root, "[role=alert]");
    assert!(status.contains("Не отправлено."), "{status}");
    assert!(status.contains("9"), "the wait time is shown: {status}");
    assert_eq!(text_of(&root, ".comment-text"), "Текст");
    let buttons: Vec<_> = all(&root, "button")
        .iter()
        .map(|b| b.text_content().unwrap_or_default())
        .collect();
    assert_eq!(buttons, vec!["Повторить", "Изменить", "Удалить"]);
    root.query_selector("button.retry")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    assert_eq!(retried.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn the_section_without_a_backend_says_so_and_keeps_the_composer() {
    // The test runner answers 404 to the API: the thread cannot load.
    let root =
        mount(|| view! { <CommentsSection slug="no-backend".into() total=RwSignal::new(0) /> });
    for _ in 0..50 {
        settle().await;
        if !all(&root, ".feed-error").is_empty() {
            break;
        }
    }
    assert!(text_of(&root, ".feed-error").starts_with("Не удалось загрузить комментарии."));
    assert_eq!(all(&root, "form.composer textarea").len(), 1);
    assert_eq!(
        text_of(&root, "#comments-title").split_whitespace().next(),
        Some("Комментарии")
    );
}
