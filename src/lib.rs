//! vestnik: the reader-facing single-page app of a news site.
//!
//! One folder per part of the page: [`article`] (the article being read),
//! [`comments`] (the live comments under it),
//! [`related`] (the endless list of other news), [`shell`] (header, footer
//! and the page-level states around every page),
//! plus the typed API client in [`api`] and the UI language in [`i18n`].
//! [`desk`] is the moderators' page, a binary of its own (`src/bin/desk.rs`).

pub mod api;
pub mod app;
pub mod article;
pub mod comments;
pub mod desk;
pub mod i18n;
pub mod islands;
pub mod related;
pub mod shell;

// Two kinds of tests sit beside each part. Logic that is not view code
// (parsers, decoders, policies) has plain `#[test]`s and property tests that
// run natively with `cargo test`; the components' tests (each part's
// `tests.rs`) need a DOM and the browser's Intl, so they are built for wasm32
// only and run in headless Chromium.
#[cfg(test)]
pub(crate) mod testing;

#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Reads `config.json`, then mounts the app over the static boot shell of `index.html`.
pub fn start() {
    shell::panic_banner::install();
    wasm_bindgen_futures::spawn_local(async {
        let config = api::load_client_config().await;
        mount(config);
    });
}

fn mount(config: Result<vestnik_api::ClientConfig, vestnik_api::ConfigProblem>) {
    match config {
        // A page the server rendered stays; only its live parts mount, and
        // the first link to another page hands everything to the app.
        Ok(config) if islands::is_rendered_page() => {
            let preset_site = config.site;
            let for_app = preset_site.clone();
            islands::take_over(preset_site, move || mount_app(for_app));
        }
        Ok(config) => mount_app(config.site),
        Err(problem) => {
            mount_whole_page(move || view! { <shell::ConfigErrorPage problem /> }.into_any());
        }
    }
}

/// The whole app in place of what `index.html` (or the server) painted.
fn mount_app(preset_site: Option<vestnik_api::Site>) {
    mount_whole_page(move || view! { <app::App preset_site /> }.into_any());
}

/// Replaces what `index.html` (or the server) painted with `page`.
fn mount_whole_page(page: impl FnOnce() -> AnyView + 'static) {
    // The boot shell ("Загрузка...") painted before the Wasm arrived, or a
    // page the server rendered; the app draws its own from here on.
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(boot) = document.as_ref().and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
    // A rendered page's head tags (decision 25): the app writes its own. The
    // title stays until then: a page loading under no title has no name.
    if let Some(painted) = document
        .as_ref()
        .and_then(|d| d.query_selector_all("[data-painted]").ok())
    {
        for i in 0..painted.length() {
            if let Some(node) = painted.item(i)
                && !node.node_name().eq_ignore_ascii_case("title")
                && let Some(parent) = node.parent_node()
            {
                let _ = parent.remove_child(&node);
            }
        }
    }
    let Some(body) = document
        .and_then(|d| d.body())
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    leptos::mount::mount_to(body, page).forget();
}
