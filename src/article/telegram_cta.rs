//! The seed page's invitation to the site's Telegram channel.

use crate::i18n::use_lang;
use crate::shell::site::use_site;
use leptos::prelude::*;
use vestnik_api::links::http_url;

/// "Сейчас все самое оперативное в нашем Telegram-канале…", shown only when
/// the site has a channel.
#[component]
pub fn TelegramCta() -> impl IntoView {
    let site = use_site();
    let lang = use_lang();
    let channel = move || {
        site.read()
            .telegram_url
            .clone()
            .filter(|url| http_url(url).is_ok())
    };
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
