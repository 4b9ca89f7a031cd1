//! Browser tests: wasm-bindgen-test in headless Chromium (they need a DOM
//! and the browser's Intl), so built for wasm32 only.
#![cfg(target_arch = "wasm32")]

use super::*;
use vestnik_api::Article;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn a_good_answer_decodes() {
    let a: Article = decode_answer(200, None, r#"{"slug":"s","title":"T"}"#).unwrap();
    assert_eq!(a.title, "T");
}

#[wasm_bindgen_test]
fn broken_or_wrongly_shaped_json_is_malformed_not_a_panic() {
    for body in [
        "",
        "{",
        "<html>proxy error</html>",
        r#"{"slug":1,"title":"T"}"#,
        r#"{"title":"no slug"}"#,
        r#"{"slug":"s","title":"T","views":"many"}"#,
        r#"{"slug":"s","title":"T","body":[{"type":"paragraph"}]}"#,
        "null",
    ] {
        assert_eq!(
            decode_answer::<Article>(200, None, body),
            Err(ApiError::Malformed),
            "{body}"
        );
    }
}

#[wasm_bindgen_test]
fn error_statuses_map_to_what_the_reader_needs() {
    assert_eq!(
        decode_answer::<Article>(404, None, "not json"),
        Err(ApiError::NotFound)
    );
    assert_eq!(
        decode_answer::<Article>(429, Some(" 30 "), ""),
        Err(ApiError::RateLimited {
            retry_after: Some(30)
        })
    );
    assert_eq!(
        decode_answer::<Article>(429, Some("Wed, 21 Oct 2015 07:28:00 GMT"), ""),
        Err(ApiError::RateLimited { retry_after: None })
    );
    assert_eq!(
        decode_answer::<Article>(
            503,
            None,
            r#"{"error":{"code":"unavailable","message":"database is down"}}"#
        ),
        Err(ApiError::Server {
            status: 503,
            message: Some("database is down".into())
        })
    );
    assert_eq!(
        decode_answer::<Article>(500, None, "<h1>oops</h1>"),
        Err(ApiError::Server {
            status: 500,
            message: None
        })
    );
}

#[wasm_bindgen_test]
fn only_a_missing_thing_is_not_worth_retrying() {
    assert!(!ApiError::NotFound.is_retryable());
    assert!(ApiError::Network.is_retryable());
    assert!(ApiError::Malformed.is_retryable());
}
