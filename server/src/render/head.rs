//! What a page puts in `<head>`: the tags of `vestnik_api::head`, the same
//! list the app writes after a client-side navigation, here in the HTML
//! itself because crawlers and link previews run no Wasm.
//!
//! Every tag carries `data-painted`: the app replaces them when it writes
//! a head of its own.

use super::Context;
use super::html::Html;
use vestnik_api::Article;
use vestnik_api::head::{self, HeadTag};

const PAINTED: (&str, Option<&str>) = ("data-painted", Some(""));

/// The tags as HTML.
fn write(tags: &[HeadTag]) -> Html {
    let mut html = Html::new();
    for tag in tags {
        match tag {
            HeadTag::Title(title) => {
                html.open("title", &[PAINTED]).text(title).close("title");
            }
            HeadTag::Meta(key, content) => {
                let (attribute, name) = key.attribute();
                html.open(
                    "meta",
                    &[(attribute, Some(name)), ("content", Some(content)), PAINTED],
                );
            }
            HeadTag::Link(rel, href) => {
                html.open("link", &[("rel", Some(rel)), ("href", Some(href)), PAINTED]);
            }
            HeadTag::JsonLd(json) => {
                html.open("script", &[("type", Some("application/ld+json")), PAINTED])
                    .trusted(json)
                    .close("script");
            }
        }
    }
    html
}

/// Title, description, canonical, Open Graph, Twitter card and JSON-LD `NewsArticle`.
pub fn article_head(ctx: &Context, article: &Article) -> Html {
    write(&head::article_head(article, &ctx.site, &ctx.origin))
}

/// The head of a page that is not an article: its title, the canonical
/// address, and `noindex` for a page that names nothing.
pub fn plain_head(
    ctx: &Context,
    title: Option<&str>,
    canonical_path: Option<&str>,
    noindex: bool,
) -> Html {
    write(&head::plain_head(
        &ctx.site,
        &ctx.origin,
        title,
        canonical_path,
        noindex,
    ))
}
