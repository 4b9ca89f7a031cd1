//! What a page puts in `<head>` for search engines and link previews
//! (Telegram, Viber, Facebook, X): the tags the app's `ArticleHead` writes,
//! here in the HTML itself, because crawlers run no Wasm.
//!
//! Every tag carries `data-painted`: the app removes them when it renders a
//! head of its own after a client-side navigation.

use super::html::{Html, script_json};
use super::{Context, iso_millis, parse_instant};
use vestnik_api::Article;
use vestnik_api::links::safe_src;
use vestnik_api::paths::article_path;

const PAINTED: (&str, Option<&str>) = ("data-painted", Some(""));

fn meta(html: &mut Html, key: &str, name: &str, content: &str) {
    html.open(
        "meta",
        &[(key, Some(name)), ("content", Some(content)), PAINTED],
    );
}

/// "Headline — Site", or the site's name alone, as the app's title formatter writes it.
pub fn page_title(ctx: &Context, title: Option<&str>) -> String {
    match title.filter(|t| !t.is_empty()) {
        Some(title) => format!("{title} — {}", ctx.site.name),
        None => ctx.site.name.clone(),
    }
}

/// The Open Graph locale (`ru_RU`) for the site's BCP 47 tag (`ru`, `en-GB`).
pub fn og_locale(tag: &str) -> String {
    let mut parts = tag.split(['-', '_']);
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    let region = parts
        .find(|p| p.len() == 2)
        .map(str::to_ascii_uppercase)
        .unwrap_or_else(|| match language.as_str() {
            "ru" => "RU".to_owned(),
            "uk" => "UA".to_owned(),
            "en" => "US".to_owned(),
            other => other.to_ascii_uppercase(),
        });
    format!("{language}_{region}")
}

/// Title, description, canonical, Open Graph, Twitter card and JSON-LD `NewsArticle`.
pub fn article_head(ctx: &Context, article: &Article) -> Html {
    let url = ctx.url(&article_path(&article.slug));
    let description = article.description();
    let image = article
        .image
        .as_ref()
        .and_then(|image| safe_src(&image.src).map(|src| (image, ctx.absolute(src))));
    let mut html = Html::new();
    html.open("title", &[PAINTED])
        .text(&page_title(ctx, Some(&article.title)))
        .close("title");
    meta(&mut html, "name", "description", &description);
    html.open(
        "link",
        &[("rel", Some("canonical")), ("href", Some(&url)), PAINTED],
    );
    meta(&mut html, "property", "og:type", "article");
    meta(&mut html, "property", "og:title", &article.title);
    meta(&mut html, "property", "og:description", &description);
    meta(&mut html, "property", "og:url", &url);
    meta(&mut html, "property", "og:site_name", &ctx.site.name);
    meta(
        &mut html,
        "property",
        "og:locale",
        &og_locale(&ctx.site.locale),
    );
    if let Some((image, src)) = &image {
        meta(&mut html, "property", "og:image", src);
        meta(
            &mut html,
            "property",
            "og:image:width",
            &image.width.to_string(),
        );
        meta(
            &mut html,
            "property",
            "og:image:height",
            &image.height.to_string(),
        );
        if !image.alt.is_empty() {
            meta(&mut html, "property", "og:image:alt", &image.alt);
        }
    }
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    meta(&mut html, "name", "twitter:card", card);
    meta(&mut html, "name", "twitter:title", &article.title);
    meta(&mut html, "name", "twitter:description", &description);
    if let Some((_, src)) = &image {
        meta(&mut html, "name", "twitter:image", src);
    }
    let published = parse_instant(&article.published_at).map(iso_millis);
    let modified = article
        .updated_at
        .as_deref()
        .and_then(parse_instant)
        .map(iso_millis);
    if let Some(published) = &published {
        meta(&mut html, "property", "article:published_time", published);
    }
    if let Some(modified) = &modified {
        meta(&mut html, "property", "article:modified_time", modified);
    }
    if let Some(rubric) = article.tags.first() {
        meta(&mut html, "property", "article:section", &rubric.name);
    }
    for tag in &article.tags {
        meta(&mut html, "property", "article:tag", &tag.name);
    }
    let organization = |name: &str| serde_json::json!({ "@type": "Organization", "name": name });
    let mut json_ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": description,
        "mainEntityOfPage": url,
        "url": url,
        "datePublished": published,
        "dateModified": modified.as_ref().or(published.as_ref()),
        "author": organization(article.source.as_ref().map_or(&ctx.site.name, |s| &s.name)),
        "publisher": organization(&ctx.site.name),
        "keywords": article.tags.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        "inLanguage": ctx.site.locale,
    });
    if let Some(object) = json_ld.as_object_mut() {
        if let Some((_, src)) = &image {
            object.insert("image".to_owned(), serde_json::json!([src]));
        }
        if let Some(source) = &article.source {
            object.insert("sourceOrganization".to_owned(), organization(&source.name));
        }
    }
    html.open("script", &[("type", Some("application/ld+json")), PAINTED])
        .trusted(&script_json(&json_ld))
        .close("script");
    html
}

/// The head of a page that is not an article: its title, a description, the
/// canonical address, and `noindex` for a page that names nothing.
pub fn plain_head(
    ctx: &Context,
    title: Option<&str>,
    canonical_path: Option<&str>,
    noindex: bool,
) -> Html {
    let mut html = Html::new();
    html.open("title", &[PAINTED])
        .text(&page_title(ctx, title))
        .close("title");
    if let Some(path) = canonical_path {
        html.open(
            "link",
            &[
                ("rel", Some("canonical")),
                ("href", Some(&ctx.url(path))),
                PAINTED,
            ],
        );
        meta(&mut html, "property", "og:type", "website");
        meta(&mut html, "property", "og:title", &page_title(ctx, title));
        meta(&mut html, "property", "og:url", &ctx.url(path));
        meta(&mut html, "property", "og:site_name", &ctx.site.name);
    }
    if noindex {
        meta(&mut html, "name", "robots", "noindex");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_graph_locales_carry_a_region() {
        assert_eq!(og_locale("ru"), "ru_RU");
        assert_eq!(og_locale("uk"), "uk_UA");
        assert_eq!(og_locale("en-GB"), "en_GB");
        assert_eq!(og_locale("de"), "de_DE");
    }
}
