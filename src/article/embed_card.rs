//! Outside content (a video, a post) as a link card.

use crate::i18n::use_lang;
use leptos::prelude::*;
use vestnik_api::links::http_url;

/// A card linking to outside content. No third-party frame or script is loaded:
/// it would track readers, slow the page and need a looser CSP.
#[component]
pub fn EmbedCard(url: String, title: Option<String>, provider: Option<String>) -> impl IntoView {
    let lang = use_lang();
    http_url(&url).ok()?;
    let title = title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| url.clone());
    Some(view! {
        <aside class="embed-card">
            <a href=url rel="noopener nofollow" target="_blank">
                <span class="embed-provider">
                    {move || {
                        provider
                            .clone()
                            .unwrap_or_else(|| lang.get().strings().external_content.to_owned())
                    }}
                </span>
                <span class="embed-title">{title}</span>
            </a>
        </aside>
    })
}
