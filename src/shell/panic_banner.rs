//! What the reader sees if the app ever panics.
//!
//! A panic in Wasm leaves the page frozen for good, so besides logging it the
//! hook puts a banner with a reload link on the page. It is built with plain
//! DOM calls: the reactive system may be what broke.

use crate::i18n::Lang;

/// Installs the panic hook.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("panic-banner").is_some() {
        return;
    }
    let lang = document
        .document_element()
        .map(|html| Lang::from_tag(&html.get_attribute("lang").unwrap_or_default()))
        .unwrap_or_default();
    let strings = lang.strings();
    let (Ok(banner), Ok(link)) = (document.create_element("div"), document.create_element("a"))
    else {
        return;
    };
    banner.set_id("panic-banner");
    banner.set_class_name("panic-banner");
    let _ = banner.set_attribute("role", "alert");
    banner.set_text_content(Some(&format!("{} ", strings.crashed)));
    // A link to the page itself reloads it without any script, which a broken
    // app could no longer run.
    let here = document
        .location()
        .and_then(|l| l.href().ok())
        .unwrap_or_else(|| "/".to_owned());
    let _ = link.set_attribute("href", &here);
    link.set_text_content(Some(strings.reload));
    let _ = banner.append_child(&link);
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&banner);
    }
}
