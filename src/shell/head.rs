//! Writes a page's head tags into the document: the app's half of
//! `vestnik_api::head`, whose other half is the server writing the same
//! list into the HTML it renders.

use leptos::prelude::*;
use vestnik_api::head::{HeadTag, plain_head};

/// Marks the tags written for the page being shown (by the server or here),
/// so the next page replaces exactly those.
const PAINTED: &str = "data-painted";

/// Replaces the current page's head tags with `tags`.
pub fn write_head(tags: &[HeadTag]) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(head) = document.head() else {
        return;
    };
    if let Ok(old) = head.query_selector_all(&format!("[{PAINTED}]")) {
        for i in 0..old.length() {
            if let Some(node) = old.item(i) {
                let _ = head.remove_child(&node);
            }
        }
    }
    for tag in tags {
        let (name, attributes, text) = match tag {
            HeadTag::Title(title) => {
                // The first <title> is the tab's (index.html has one).
                document.set_title(title);
                continue;
            }
            HeadTag::Meta(key, content) => {
                let (attribute, name) = key.attribute();
                (
                    "meta",
                    [(attribute, name), ("content", content.as_str())],
                    None,
                )
            }
            HeadTag::Link(rel, href) => ("link", [("rel", *rel), ("href", href.as_str())], None),
            HeadTag::JsonLd(json) => (
                "script",
                [("type", "application/ld+json"), (PAINTED, "")],
                Some(json.as_str()),
            ),
        };
        let Ok(element) = document.create_element(name) else {
            continue;
        };
        for (attribute, value) in attributes {
            let _ = element.set_attribute(attribute, value);
        }
        element.set_text_content(text);
        let _ = element.set_attribute(PAINTED, "");
        let _ = head.append_child(&element);
    }
}

/// The origin the page is served from, for canonical and shared addresses.
pub fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Keeps the head of a page that is not an article (a tag page, the
/// not-found page) current with the site's settings and `title`.
pub fn use_plain_head(
    title: impl Fn() -> String + Send + Sync + 'static,
    canonical_path: Option<String>,
    noindex: bool,
) {
    let site = super::site::use_site();
    Effect::new(move || {
        let title = title();
        write_head(&plain_head(
            &site.read(),
            &page_origin(),
            Some(&title),
            canonical_path.as_deref(),
            noindex,
        ));
    });
}
