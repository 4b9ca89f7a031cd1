//! Sharing an article: messenger and network links, copying the address, and
//! the device's own share sheet where the browser has one.

use crate::i18n::use_lang;
use js_sys::{Function, Object, Promise, Reflect};
use leptos::prelude::*;
use vestnik_api::paths::ShareTarget;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What happened to the last copy request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CopyState {
    Idle,
    Copied,
    Failed,
}

/// The share bar under an article.
#[component]
pub fn ShareBar(
    /// The article's canonical address.
    url: String,
    /// The article's headline.
    title: String,
) -> AnyView {
    let lang = use_lang();
    let strings = move || lang.get().strings();
    let copy_state = RwSignal::new(CopyState::Idle);
    let links = ShareTarget::ALL
        .into_iter()
        .map(|target| {
            view! {
                <li>
                    <a
                        class=target.class()
                        href=target.href(&url, &title)
                        rel="noopener"
                        target="_blank"
                    >
                        {target.name()}
                    </a>
                </li>
            }
        })
        .collect_view();
    let copy = {
        let url = url.clone();
        move |_| {
            let url = url.clone();
            leptos::task::spawn_local(async move {
                let copied = write_clipboard(&url).await;
                let _ = copy_state.try_set(if copied {
                    CopyState::Copied
                } else {
                    CopyState::Failed
                });
            });
        }
    };
    let native = native_share_available().then(|| {
        let (url, title) = (url.clone(), title.clone());
        view! {
            <li>
                <button type="button" class="share-native" on:click=move |_| native_share(&url, &title)>
                    {move || strings().share_native}
                </button>
            </li>
        }
    });
    view! {
        <nav class="share-bar" aria-label=move || strings().share>
            <ul>
                {links}
                <li>
                    <button type="button" class="share-copy" on:click=copy>
                        {move || strings().copy_link}
                    </button>
                </li>
                {native}
            </ul>
            <p class="share-status" role="status" aria-live="polite">
                {move || match copy_state.get() {
                    CopyState::Idle => String::new(),
                    CopyState::Copied => strings().link_copied.to_owned(),
                    CopyState::Failed => format!("{} {url}", strings().copy_failed),
                }}
            </p>
        </nav>
    }
    .into_any()
}

/// `navigator[name]`, if the browser has it.
fn navigator_member(name: &str) -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    Reflect::get(&navigator, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Copies `text` with the Clipboard API; false when the browser refuses or lacks it.
async fn write_clipboard(text: &str) -> bool {
    let Some(clipboard) = navigator_member("clipboard") else {
        return false;
    };
    let Some(write) = Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    else {
        return false;
    };
    match write.call1(&clipboard, &text.into()) {
        Ok(promise) => match promise.dyn_into::<Promise>() {
            Ok(promise) => JsFuture::from(promise).await.is_ok(),
            Err(_) => false,
        },
        Err(_) => false,
    }
}

fn native_share_available() -> bool {
    navigator_member("share").is_some_and(|f| f.is_function())
}

/// Opens the device's share sheet; a cancelled share is no error worth showing.
fn native_share(url: &str, title: &str) {
    let (Some(navigator), Some(share)) = (
        web_sys::window().map(|w| w.navigator()),
        navigator_member("share").and_then(|f| f.dyn_into::<Function>().ok()),
    ) else {
        return;
    };
    let data = Object::new();
    let _ = Reflect::set(&data, &"url".into(), &url.into());
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    if let Ok(promise) = share.call1(&navigator, &data)
        && let Ok(promise) = promise.dyn_into::<Promise>()
    {
        leptos::task::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}
