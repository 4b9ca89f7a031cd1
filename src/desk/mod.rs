//! The moderation desk: the page at `/moderation/` where moderators, each
//! with their own token, work the live queues (pending, reported, recent,
//! rejected), the log, the word lists, the bans and the articles' settings.
//!
//! It is a second binary of this crate (`src/bin/desk.rs`) with its own
//! trunk page (`moderation.html`), so readers never download it: the
//! reader's binary does not call [`start`], and the linker drops all of it.
//! Its logic is [`state`] (a pure reducer, tested natively) and [`keys`];
//! [`view`] is its thin view, [`api`] and [`stream`] its edges.

pub mod api;
pub mod error;
pub mod keys;
pub mod state;
pub mod stream;
pub mod strings;
mod token;
mod view;

use crate::shell::site::SiteSettings;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Reads `config.json` at the site's root, finds the site's language, and
/// mounts the desk over the page's boot message.
pub fn start() {
    crate::shell::panic_banner::install();
    wasm_bindgen_futures::spawn_local(async {
        let config = crate::api::load_client_config().await;
        let page: Box<dyn FnOnce() -> AnyView> = match config {
            Ok(config) => {
                let site = match config.site {
                    Some(site) => site,
                    // If it cannot be had, the desk speaks Russian in Kyiv's time.
                    None => crate::shell::site::fetch_site()
                        .await
                        .unwrap_or_else(|_| SiteSettings::fallback()),
                };
                Box::new(move || view! { <view::DeskApp site /> }.into_any())
            }
            Err(problem) => {
                Box::new(move || view! { <crate::shell::ConfigErrorPage problem /> }.into_any())
            }
        };
        mount(page);
    });
}

fn mount(page: Box<dyn FnOnce() -> AnyView>) {
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(boot) = document.as_ref().and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
    let Some(body) = document
        .and_then(|d| d.body())
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    leptos::mount::mount_to(body, page).forget();
}
