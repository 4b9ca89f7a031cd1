//! Browser tests: wasm-bindgen-test in headless Chromium (they need a DOM
//! and the browser's Intl), so built for wasm32 only.
#![cfg(target_arch = "wasm32")]

use super::*;
use crate::api::ApiError;
use crate::testing::{mount, settle, text_of};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn loading_says_what_the_seed_page_says() {
    let root = mount(|| view! { <Loading /> });
    settle().await;
    assert_eq!(text_of(&root, "[role=status]"), "Загрузка...");
}

#[wasm_bindgen_test]
async fn a_network_error_offers_retry_and_the_button_calls_back_once() {
    let calls = RwSignal::new(0);
    let root = mount(move || {
        view! { <ErrorPanel error=ApiError::Network on_retry=move |_| calls.update(|n| *n += 1) /> }
    });
    settle().await;
    assert!(text_of(&root, ".error-message").contains("Нет связи с сервером"));
    let button = root
        .query_selector("button.retry")
        .unwrap()
        .expect("a retry button")
        .unchecked_into::<web_sys::HtmlButtonElement>();
    assert_eq!(button.text_content().unwrap(), "Повторить");
    button.click();
    settle().await;
    assert_eq!(calls.get_untracked(), 1);
    assert!(button.disabled(), "the button waits for the answer");
    button.click();
    settle().await;
    assert_eq!(
        calls.get_untracked(),
        1,
        "a disabled button does not call again"
    );
}

#[wasm_bindgen_test]
async fn a_missing_article_is_not_offered_a_retry() {
    let root = mount(|| view! { <ErrorPanel error=ApiError::NotFound on_retry=|_| {} /> });
    settle().await;
    assert!(root.query_selector("button.retry").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn not_found_is_a_real_page_with_a_way_on() {
    let root = mount(|| view! { <NotFound /> });
    settle().await;
    assert_eq!(text_of(&root, "h1"), "Страница не найдена");
    assert_eq!(
        root.query_selector("a[href='/']")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "К свежим новостям"
    );
}
