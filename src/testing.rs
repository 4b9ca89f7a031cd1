//! Helpers for the browser tests that live beside each part of the page.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts `view` into a fresh container in the test page and returns the container.
pub fn mount<F, V>(view: F) -> web_sys::HtmlElement
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let document = document();
    let container = document
        .create_element("div")
        .expect("the test page can create elements")
        .unchecked_into::<web_sys::HtmlElement>();
    document
        .body()
        .expect("the test page has a body")
        .append_child(&container)
        .expect("the test page accepts children");
    leptos::mount::mount_to(container.clone(), view).forget();
    container
}

/// Lets pending reactive effects and futures run.
pub async fn settle() {
    for _ in 0..3 {
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window()
                .expect("the test page has a window")
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
    }
}

/// The text of the first element matching `selector`, trimmed; panics with the selector when absent.
pub fn text_of(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no element matches {selector:?} in {}", root.inner_html()))
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// All elements matching `selector`.
pub fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}
