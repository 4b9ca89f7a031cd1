//! The whole app mounted in headless Chromium, against the test runner's own
//! web server: a "backend" that answers every API call with a non-JSON 404.
//! The app must still come up with its defaults and show a real page state.

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

#[wasm_bindgen_test]
async fn with_no_usable_backend_the_app_shows_a_page_state_and_never_panics() {
    let document = document();
    let container = document
        .create_element("div")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    document.body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), vestnik::app::App).forget();

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
