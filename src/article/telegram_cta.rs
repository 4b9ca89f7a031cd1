//! The seed page's invitation to the site's Telegram channel.

use super::body::is_safe_href;
use crate::i18n::use_lang;
use crate::shell::site::use_site;
use leptos::prelude::*;

/// "Сейчас все самое оперативное в нашем Telegram-канале…", shown only when
/// the site has a channel.
#[component]
pub fn TelegramCta() -> impl IntoView {
    let site = use_site();
    let lang = use_lang();
    let channel = move || site.read().telegram_url.clone().filter(|u| is_safe_href(u));
    move || {
        channel().map(|url| {
            let strings = lang.get().strings();
            view! {
                <aside class="telegram-cta">
                    <p>
                        {strings.telegram_before}
                        <a href=url rel="noopener" target="_blank">{strings.telegram_link}</a>
                        {strings.telegram_after}
                    </p>
                </aside>
            }
        })
    }
}
