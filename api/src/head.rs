//! What a page puts in `<head>` for search engines, link previews (Telegram,
//! Viber, Facebook, X) and the browser's tab: one list of tags, which the
//! server writes into the HTML it renders and the app writes into the DOM
//! after a client-side navigation. One list, so the two cannot disagree.

use crate::links::safe_src;
use crate::paths::article_path;
use crate::{Article, Site};
use serde::Serialize;

/// Which attribute names a `<meta>` tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetaKey {
    /// `<meta name="…">` (description, Twitter card, robots).
    Name(&'static str),
    /// `<meta property="…">` (Open Graph).
    Property(&'static str),
}

impl MetaKey {
    /// The attribute and its value: `("name", "description")`.
    pub fn attribute(self) -> (&'static str, &'static str) {
        match self {
            Self::Name(key) => ("name", key),
            Self::Property(key) => ("property", key),
        }
    }
}

/// One tag in `<head>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeadTag {
    /// `<title>`.
    Title(String),
    /// `<meta … content="…">`.
    Meta(MetaKey, String),
    /// `<link rel="…" href="…">`.
    Link(&'static str, String),
    /// `<script type="application/ld+json">`: JSON in which no `<` is left,
    /// so no text inside can end the element.
    JsonLd(String),
}

/// "Headline — Site", or the site's name alone.
pub fn page_title(site: &Site, title: Option<&str>) -> String {
    match title.filter(|t| !t.trim().is_empty()) {
        Some(title) => format!("{title} — {}", site.name),
        None => site.name.clone(),
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

/// An address on the site at `origin` (`https://news.example`), for a path
/// or an address that is absolute already.
fn absolute(origin: &str, src: &str) -> String {
    if src.starts_with('/') {
        format!("{}{src}", origin.trim_end_matches('/'))
    } else {
        src.to_owned()
    }
}

/// Title, description, canonical address, Open Graph, Twitter card and a
/// JSON-LD `NewsArticle` for `article` on the site served at `origin`.
pub fn article_head(article: &Article, site: &Site, origin: &str) -> Vec<HeadTag> {
    use HeadTag::{Link, Meta};
    use MetaKey::{Name, Property};
    let url = absolute(origin, &article_path(&article.slug));
    let description = article.description();
    let image = article
        .image
        .as_ref()
        .and_then(|image| safe_src(&image.src).map(|src| (image, absolute(origin, src))));
    let mut tags = vec![
        HeadTag::Title(page_title(site, Some(&article.title))),
        Meta(Name("description"), description.clone()),
        Link("canonical", url.clone()),
        Meta(Property("og:type"), "article".to_owned()),
        Meta(Property("og:title"), article.title.clone()),
        Meta(Property("og:description"), description.clone()),
        Meta(Property("og:url"), url.clone()),
        Meta(Property("og:site_name"), site.name.clone()),
        Meta(Property("og:locale"), og_locale(&site.locale)),
    ];
    if let Some((image, src)) = &image {
        tags.push(Meta(Property("og:image"), src.clone()));
        tags.push(Meta(Property("og:image:width"), image.width.to_string()));
        tags.push(Meta(Property("og:image:height"), image.height.to_string()));
        if !image.alt.trim().is_empty() {
            tags.push(Meta(Property("og:image:alt"), image.alt.clone()));
        }
    }
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    tags.push(Meta(Name("twitter:card"), card.to_owned()));
    tags.push(Meta(Name("twitter:title"), article.title.clone()));
    tags.push(Meta(Name("twitter:description"), description.clone()));
    if let Some((_, src)) = &image {
        tags.push(Meta(Name("twitter:image"), src.clone()));
    }
    let published = article.published_at.trim();
    let modified = article.updated_at.as_deref().map(str::trim);
    tags.push(Meta(
        Property("article:published_time"),
        published.to_owned(),
    ));
    if let Some(modified) = modified {
        tags.push(Meta(Property("article:modified_time"), modified.to_owned()));
    }
    if let Some(rubric) = article.tags.first() {
        tags.push(Meta(Property("article:section"), rubric.name.clone()));
    }
    for tag in &article.tags {
        tags.push(Meta(Property("article:tag"), tag.name.clone()));
    }
    let source = article.source.as_ref().map(|s| Organization::new(&s.name));
    let json_ld = NewsArticleLd {
        context: "https://schema.org",
        kind: "NewsArticle",
        headline: &article.title,
        description: &description,
        main_entity_of_page: &url,
        url: &url,
        date_published: published,
        date_modified: modified.unwrap_or(published),
        author: source.unwrap_or(Organization::new(&site.name)),
        publisher: Organization::new(&site.name),
        source_organization: source,
        keywords: article.tags.iter().map(|t| t.name.as_str()).collect(),
        in_language: &site.locale,
        image: image.as_ref().map(|(_, src)| [src.as_str()]),
    };
    tags.push(HeadTag::JsonLd(script_json(&json_ld)));
    tags
}

/// The head of a page that is not an article (a tag page, the not-found
/// page): its title, the canonical address when it has one, and `noindex`
/// for a page that names nothing.
pub fn plain_head(
    site: &Site,
    origin: &str,
    title: Option<&str>,
    canonical_path: Option<&str>,
    noindex: bool,
) -> Vec<HeadTag> {
    let full_title = page_title(site, title);
    let mut tags = vec![HeadTag::Title(full_title.clone())];
    if let Some(path) = canonical_path {
        let url = absolute(origin, path);
        tags.push(HeadTag::Link("canonical", url.clone()));
        tags.push(HeadTag::Meta(
            MetaKey::Property("og:type"),
            "website".to_owned(),
        ));
        tags.push(HeadTag::Meta(MetaKey::Property("og:title"), full_title));
        tags.push(HeadTag::Meta(MetaKey::Property("og:url"), url));
        tags.push(HeadTag::Meta(
            MetaKey::Property("og:site_name"),
            site.name.clone(),
        ));
    }
    if noindex {
        tags.push(HeadTag::Meta(MetaKey::Name("robots"), "noindex".to_owned()));
    }
    tags
}

/// `value` as JSON that can stand inside a `<script>` element: no `<` (so
/// no `</script>` or `<!--`), and no line separators, which old JavaScript
/// parsers read as line ends.
pub fn script_json(value: &impl Serialize) -> String {
    serde_json::to_string(value)
        .unwrap_or_else(|_| "null".to_owned())
        .replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

/// schema.org `Organization` with a name.
#[derive(Clone, Copy, Serialize)]
struct Organization<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

impl<'a> Organization<'a> {
    fn new(name: &'a str) -> Self {
        Self {
            kind: "Organization",
            name,
        }
    }
}

/// schema.org `NewsArticle`, as search engines read it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NewsArticleLd<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: &'a str,
    description: &'a str,
    main_entity_of_page: &'a str,
    url: &'a str,
    date_published: &'a str,
    date_modified: &'a str,
    author: Organization<'a>,
    publisher: Organization<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_organization: Option<Organization<'a>>,
    keywords: Vec<&'a str>,
    in_language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<[&'a str; 1]>,
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

    #[test]
    fn script_json_cannot_close_its_element() {
        let json = script_json(&"</script><!-- \u{2028}");
        assert!(!json.contains('<'));
        assert!(!json.contains('\u{2028}'));
        assert_eq!(
            serde_json::from_str::<String>(&json).unwrap(),
            "</script><!-- \u{2028}"
        );
    }

    #[test]
    fn titles_name_the_site() {
        let site = Site {
            name: "Харьковчанин".into(),
            locale: "ru".into(),
            time_zone: "Europe/Kyiv".into(),
            telegram_url: None,
            links: Vec::new(),
        };
        assert_eq!(page_title(&site, Some("Новость")), "Новость — Харьковчанин");
        assert_eq!(page_title(&site, Some("  ")), "Харьковчанин");
        assert_eq!(page_title(&site, None), "Харьковчанин");
    }
}
