//! What an article puts in `<head>`: the tags search engines, link previews
//! (Telegram, Viber, Facebook, X) and readers' browsers read.

use crate::shell::head::{page_origin, write_head};
use crate::shell::site::use_site;
use leptos::prelude::*;
use vestnik_api::Article;
use vestnik_api::head::article_head;

/// Keeps the document's head describing `article` (title, description,
/// canonical URL, Open Graph, Twitter card, JSON-LD), following the site's
/// settings: the article often arrives before them.
pub fn use_article_head(article: Article) {
    let site = use_site();
    Effect::new(move || write_head(&article_head(&article, &site.read(), &page_origin())));
}

/// The article's address on this site, without query or fragment.
pub fn canonical_url(slug: &str) -> String {
    format!(
        "{}{}",
        page_origin(),
        vestnik_api::paths::article_path(slug)
    )
}
