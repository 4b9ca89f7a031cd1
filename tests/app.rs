//! The whole app mounted in headless Chromium, against the test runner's own
//! web server: a "backend" that answers every API call with a non-JSON 404.
//! The app must still come up with its defaults and show a real page state.

// The browser's test runner; a test fails by panicking.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

async fn wait_for(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    for _ in 0..200 {
        if let Some(found) = root.query_selector(selector).ok().flatten() {
            return found;
        }
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 25);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
    }
    panic!("{selector} never appeared in {}", root.inner_html());
}

/// A new element at the end of the body to mount an app into.
fn fresh_container(document: &web_sys::Document) -> web_sys::HtmlElement {
    let container = document
        .create_element("div")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    document.body().unwrap().append_child(&container).unwrap();
    container
}

#[wasm_bindgen_test]
async fn with_no_usable_backend_the_app_shows_a_page_state_and_never_panics() {
    let document = document();
    let container = fresh_container(&document);
    leptos::mount::mount_to(
        container.clone(),
        || view! { <vestnik::app::App preset_site=None /> },
    )
    .forget();

    // The header and the main landmark are there at once, with default settings.
    assert!(
        container
            .query_selector("header.site-header")
            .unwrap()
            .is_some()
    );
    assert!(container.query_selector("main#main").unwrap().is_some());
    assert_eq!(
        document
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("ru")
    );

    // "/" asks for the newest news, gets a 404 page instead of JSON, and says
    // there is no such page rather than hanging on "Загрузка...".
    let heading = wait_for(&container, ".not-found h1").await;
    assert_eq!(heading.text_content().unwrap(), "Страница не найдена");
    assert!(document.get_element_by_id("panic-banner").is_none());
}

#[wasm_bindgen_test]
async fn without_a_config_file_the_api_is_on_the_same_origin() {
    // The test runner's server has no config.json: that is "no file", not an error.
    let config = vestnik::api::load_client_config().await.unwrap();
    assert_eq!(config, vestnik_api::ClientConfig::default());
    assert_eq!(vestnik::api::api_base(), "/api");
}

#[wasm_bindgen_test]
async fn site_settings_from_the_config_file_are_used_without_asking_the_api() {
    let document = document();
    let container = fresh_container(&document);
    let site = vestnik_api::Site {
        name: "Вестник Полтавы".to_owned(),
        locale: "ru".to_owned(),
        time_zone: "Europe/Kyiv".to_owned(),
        telegram_url: None,
        links: Vec::new(),
    };
    let app = leptos::mount::mount_to(container.clone(), move || {
        view! { <vestnik::app::App preset_site=Some(site.clone()) /> }
    });
    let name = wait_for(&container, ".site-name").await;
    // At once, not after GET /api/site (which the test server answers with a 404).
    assert_eq!(name.text_content().unwrap(), "Вестник Полтавы");
    drop(app);
    container.remove();
}
