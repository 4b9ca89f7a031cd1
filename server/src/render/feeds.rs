//! What crawlers and feed readers ask for besides pages: the sitemaps (all
//! articles and tags, and a Google News sitemap of the last two days), the RSS
//! feed of the latest stories, and `robots.txt` naming the sitemap.

use super::Context;
use crate::store::ArticleEntry;
use jiff::{SignedDuration, Timestamp};
use std::collections::BTreeMap;
use vestnik_api::paths::{article_path, tag_path};

/// The most URLs one sitemap file may list (the sitemaps protocol's limit).
pub const SITEMAP_MAX_URLS: usize = 50_000;
/// The most stories the RSS feed carries.
pub const FEED_ITEMS: u32 = 50;
/// How far back the news sitemap reaches (Google News reads two days).
pub const NEWS_WINDOW: SignedDuration = SignedDuration::from_hours(48);
/// The most entries a news sitemap may list.
pub const NEWS_MAX_URLS: usize = 1000;

/// Text for XML: the five special characters escaped, and the characters XML
/// 1.0 cannot carry at all (most control characters) left out.
pub fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

fn w3c_time(ms: i64) -> Option<String> {
    let at = Timestamp::from_millisecond(ms).ok()?;
    Some(at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
}

fn rfc822(ms: i64) -> Option<String> {
    let at = Timestamp::from_millisecond(ms).ok()?;
    Some(at.strftime("%a, %d %b %Y %H:%M:%S +0000").to_string())
}

/// The sitemap files: the index (`/sitemap.xml`) names the article sitemaps
/// (`/sitemap-articles-1.xml`…, 50,000 URLs each) and the news sitemap
/// (`/sitemap-news.xml`).
pub fn sitemap_index(ctx: &Context, article_count: usize) -> String {
    let files = article_count.div_ceil(SITEMAP_MAX_URLS).max(1);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for n in 1..=files {
        xml.push_str(&format!(
            "  <sitemap><loc>{}</loc></sitemap>\n",
            xml_text(&ctx.url(&format!("/sitemap-articles-{n}.xml")))
        ));
    }
    xml.push_str(&format!(
        "  <sitemap><loc>{}</loc></sitemap>\n</sitemapindex>\n",
        xml_text(&ctx.url("/sitemap-news.xml"))
    ));
    xml
}

/// Article sitemap number `n` (from 1): its share of the articles, newest
/// first; the first also lists the front page and every tag's page. `None`
/// past the last.
pub fn articles_sitemap(ctx: &Context, entries: &[ArticleEntry], n: usize) -> Option<String> {
    let start = n.checked_sub(1)?.checked_mul(SITEMAP_MAX_URLS)?;
    if start > 0 && start >= entries.len() {
        return None;
    }
    let chunk = entries.iter().skip(start).take(SITEMAP_MAX_URLS);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let url = |loc: &str, lastmod: Option<String>| {
        let lastmod = lastmod
            .map(|at| format!("<lastmod>{at}</lastmod>"))
            .unwrap_or_default();
        format!("  <url><loc>{}</loc>{lastmod}</url>\n", xml_text(loc))
    };
    if n == 1 {
        let newest = entries.first().and_then(|e| w3c_time(e.published_at_ms));
        xml.push_str(&url(&ctx.url("/"), newest));
        // Each tag once, dated by its newest story.
        let mut tags: BTreeMap<&str, i64> = BTreeMap::new();
        for entry in entries {
            for tag in &entry.tags {
                let newest = tags.entry(&tag.slug).or_insert(entry.published_at_ms);
                *newest = (*newest).max(entry.published_at_ms);
            }
        }
        for (slug, newest) in tags {
            xml.push_str(&url(&ctx.url(&tag_path(slug)), w3c_time(newest)));
        }
    }
    for entry in chunk {
        let changed = entry.updated_at_ms.unwrap_or(entry.published_at_ms);
        xml.push_str(&url(
            &ctx.url(&article_path(&entry.slug)),
            w3c_time(changed),
        ));
    }
    xml.push_str("</urlset>\n");
    Some(xml)
}

/// The Google News sitemap: stories of the last two days, at most 1,000.
pub fn news_sitemap(ctx: &Context, entries: &[ArticleEntry]) -> String {
    let since = ctx.now.as_millisecond() - NEWS_WINDOW.as_millis() as i64;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n",
    );
    let fresh = entries
        .iter()
        .filter(|e| e.published_at_ms >= since && e.published_at_ms <= ctx.now.as_millisecond())
        .take(NEWS_MAX_URLS);
    for entry in fresh {
        let Some(published) = w3c_time(entry.published_at_ms) else {
            continue;
        };
        xml.push_str(&format!(
            "  <url><loc>{loc}</loc><news:news><news:publication><news:name>{name}</news:name>\
             <news:language>{language}</news:language></news:publication>\
             <news:publication_date>{published}</news:publication_date>\
             <news:title>{title}</news:title></news:news></url>\n",
            loc = xml_text(&ctx.url(&article_path(&entry.slug))),
            name = xml_text(&ctx.site.name),
            language = xml_text(ctx.lang.tag()),
            title = xml_text(&entry.title),
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// RSS 2.0 of the latest stories (at most [`FEED_ITEMS`]) with their summaries.
pub fn rss(ctx: &Context, entries: &[ArticleEntry]) -> String {
    let strings = ctx.strings();
    let built = entries
        .first()
        .and_then(|e| {
            rfc822(
                e.updated_at_ms
                    .unwrap_or(e.published_at_ms)
                    .max(e.published_at_ms),
            )
        })
        .or_else(|| rfc822(ctx.now.as_millisecond()))
        .unwrap_or_default();
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n\
         <title>{title}</title>\n<link>{link}</link>\n<description>{description}</description>\n\
         <language>{language}</language>\n<lastBuildDate>{built}</lastBuildDate>\n\
         <atom:link href=\"{feed}\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        title = xml_text(&ctx.site.name),
        link = xml_text(&ctx.url("/")),
        description = xml_text(&format!("{}: {}", ctx.site.name, strings.fresh_news)),
        language = xml_text(&ctx.site.locale),
        feed = xml_text(&ctx.url("/feed.xml")),
    );
    for entry in entries.iter().take(FEED_ITEMS as usize) {
        let link = xml_text(&ctx.url(&article_path(&entry.slug)));
        xml.push_str(&format!(
            "<item>\n<title>{title}</title>\n<link>{link}</link>\n\
             <guid isPermaLink=\"true\">{link}</guid>\n<description>{description}</description>\n",
            title = xml_text(&entry.title),
            description = xml_text(&entry.lead),
        ));
        if let Some(date) = rfc822(entry.published_at_ms) {
            xml.push_str(&format!("<pubDate>{date}</pubDate>\n"));
        }
        for tag in &entry.tags {
            xml.push_str(&format!("<category>{}</category>\n", xml_text(&tag.name)));
        }
        xml.push_str("</item>\n");
    }
    xml.push_str("</channel>\n</rss>\n");
    xml
}

/// `robots.txt`: everything may be read, and the sitemap is named.
pub fn robots(ctx: &Context) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        ctx.url("/sitemap.xml")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_text_escapes_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            xml_text("a<b>&\"'\u{0}\u{1b}c\n"),
            "a&lt;b&gt;&amp;&quot;&apos;c\n"
        );
    }

    #[test]
    fn dates_are_what_each_format_asks_for() {
        assert_eq!(
            rfc822(1_617_756_420_000).unwrap(),
            "Wed, 07 Apr 2021 00:47:00 +0000"
        );
        assert_eq!(w3c_time(1_617_756_420_000).unwrap(), "2021-04-07T00:47:00Z");
    }
}
