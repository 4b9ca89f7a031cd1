//! The requests `index.html` starts before the Wasm arrives (`window.vestnikBoot`).
//!
//! The first view needs `config.json` and the article; fetching them only
//! after the Wasm has downloaded and compiled would put two round trips after
//! the longest download. The bootstrap script starts them at once and leaves
//! the promises here; each is taken at most once, and anything missing or odd
//! falls back to an ordinary request.

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn boot_object() -> Option<JsValue> {
    let window = web_sys::window()?;
    let boot = Reflect::get(&window, &JsValue::from_str("vestnikBoot")).ok()?;
    boot.is_object().then_some(boot)
}

/// Removes `key` from the boot object and returns it, so nothing is used twice.
fn take(object: &JsValue, key: &str) -> Option<JsValue> {
    let key = JsValue::from_str(key);
    let value = Reflect::get(object, &key).ok()?;
    let _ = Reflect::delete_property(object.unchecked_ref::<js_sys::Object>(), &key);
    (!value.is_undefined() && !value.is_null()).then_some(value)
}

/// The text of `config.json` the bootstrap fetched; `None` when it did not
/// run (tests, an old index.html) or found no config.
pub async fn take_config_text() -> Option<Option<String>> {
    let promise: Promise = take(&boot_object()?, "config")?.dyn_into().ok()?;
    let text = JsFuture::from(promise).await.ok()?;
    Some(text.as_string())
}

/// The early response for the article whose URL segment is `encoded_slug`,
/// if the bootstrap requested exactly that one.
pub async fn take_article_response(encoded_slug: &str) -> Option<web_sys::Response> {
    let article = take(&boot_object()?, "article")?;
    let slug = Reflect::get(&article, &JsValue::from_str("slug")).ok()?;
    if slug.as_string().as_deref() != Some(encoded_slug) {
        return None;
    }
    let promise: Promise = Reflect::get(&article, &JsValue::from_str("response"))
        .ok()?
        .dyn_into()
        .ok()?;
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

/// The data of kind `T` a server-rendered page carries in the element `id`
/// (`vestnik_api::rendered`), taken at most once. `None` on a page the
/// server did not render, or when the data is unreadable.
pub fn take_rendered<T: serde::de::DeserializeOwned>(id: &str) -> Option<T> {
    let element = web_sys::window()?.document()?.get_element_by_id(id)?;
    let text = element.text_content();
    element.remove();
    super::json::decode(&text?).ok()
}
