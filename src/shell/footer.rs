//! The site footer.

use super::site::use_site;
use leptos::prelude::*;
use vestnik_api::links::safe_href;

/// The footer with the site's name and its other links.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let site = use_site();
    view! {
        <footer class="site-footer">
            <p>{move || site.read().name.clone()}</p>
            <ul class="site-links">
                {move || {
                    site.read()
                        .links
                        .iter()
                        .filter_map(|link| {
                            let href = safe_href(&link.url)?.to_owned();
                            Some(view! {
                                <li>
                                    <a href=href>{link.title.clone()}</a>
                                </li>
                            })
                        })
                        .collect_view()
                }}
            </ul>
        </footer>
    }
}
