//! What an article puts in `<head>`: the tags search engines, link previews
//! (Telegram, Viber, Facebook, X) and readers' browsers read.

use crate::shell::site::use_site;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};
use vestnik_api::Article;

/// Title, description, canonical URL, Open Graph, Twitter card and JSON-LD for `article`.
#[component]
pub fn ArticleHead(article: Article) -> impl IntoView {
    let site = use_site();
    let url = canonical_url(&article.slug);
    let description = article.description();
    let image = lead_image_src(&article);
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    // Follows the site's settings: the article often arrives before them now
    // that index.html requests it early.
    let json_ld = {
        let (article, url, description) = (article.clone(), url.clone(), description.clone());
        move || news_article_json_ld(&article, &url, &description, &site.read().name)
    };
    let tags = article
        .tags
        .iter()
        .map(|t| t.name.clone())
        .collect::<Vec<_>>();
    let section = tags.first().cloned();
    view! {
        <Title text=article.title.clone() />
        <Meta name="description" content=description.clone() />
        <Link rel="canonical" href=url.clone() />
        <Meta property="og:type" content="article" />
        <Meta property="og:title" content=article.title.clone() />
        <Meta property="og:description" content=description.clone() />
        <Meta property="og:url" content=url />
        <Meta property="og:site_name" content=move || site.read().name.clone() />
        <Meta property="og:locale" content=move || site.read().locale.clone() />
        {image.clone().map(|src| view! { <Meta property="og:image" content=src /> })}
        <Meta name="twitter:card" content=card />
        <Meta name="twitter:title" content=article.title.clone() />
        <Meta name="twitter:description" content=description />
        {image.map(|src| view! { <Meta name="twitter:image" content=src /> })}
        <Meta property="article:published_time" content=article.published_at.clone() />
        {article
            .updated_at
            .clone()
            .map(|at| view! { <Meta property="article:modified_time" content=at /> })}
        {section.map(|s| view! { <Meta property="article:section" content=s /> })}
        {tags
            .into_iter()
            .map(|tag| view! { <Meta property="article:tag" content=tag /> })
            .collect_view()}
        <Script type_="application/ld+json">{json_ld}</Script>
    }
}

/// The article's address on this site, without query or fragment.
pub fn canonical_url(slug: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}", vestnik_api::paths::article_path(slug))
}

/// The lead image's address, when the URL policy lets the page load it.
fn lead_image_src(article: &Article) -> Option<String> {
    let image = article.image.as_ref()?;
    vestnik_api::links::safe_src(&image.src).map(str::to_owned)
}

/// schema.org NewsArticle, as search engines read it.
fn news_article_json_ld(
    article: &Article,
    url: &str,
    description: &str,
    site_name: &str,
) -> String {
    let mut data = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": description,
        "mainEntityOfPage": url,
        "url": url,
        "datePublished": article.published_at,
        "dateModified": article.updated_at.as_deref().unwrap_or(&article.published_at),
        "publisher": { "@type": "Organization", "name": site_name },
        "keywords": article.tags.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
    });
    let image = lead_image_src(article).map(|src| serde_json::json!([src]));
    let source = article
        .source
        .as_ref()
        .map(|source| serde_json::json!({ "@type": "Organization", "name": source.name }));
    if let Some(object) = data.as_object_mut() {
        for (key, value) in [("image", image), ("sourceOrganization", source)] {
            if let Some(value) = value {
                object.entry(key).or_insert(value);
            }
        }
    }
    // "<" escaped so that no text in the data can close the script element.
    data.to_string().replace('<', "\\u003c")
}
