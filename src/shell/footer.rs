//! The site footer.

use super::site::use_site;
use leptos::prelude::*;

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
                        .map(|link| {
                            view! {
                                <li>
                                    <a href=link.url.clone()>{link.title.clone()}</a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </footer>
    }
}
