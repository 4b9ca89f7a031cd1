//! Pages rendered on the server (`--static-dir` with vestnik's index.html):
//! what a crawler, a link preview or a reader without the Wasm gets, and the
//! sitemaps, the feed and robots.txt.

use crate::common::{Setup, TestServer, content_type};
use scraper::{Html, Selector};
use serde_json::Value;
use tempfile::TempDir;

/// A dist folder holding the repository's own index.html (the markers the
/// build keeps), so these tests break when that page loses them.
fn dist() -> TempDir {
    let dist = tempfile::tempdir().unwrap();
    let index =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../index.html")).unwrap();
    std::fs::write(dist.path().join("index.html"), index).unwrap();
    dist
}

async fn rendering_server() -> (TestServer, TempDir) {
    let dist = dist();
    let server = TestServer::start(Setup {
        seed: true,
        static_dir: Some(dist.path().to_owned()),
        ..Setup::default()
    })
    .await;
    (server, dist)
}

async fn page(server: &TestServer, path: &str, status: u16) -> Html {
    let response = server
        .client
        .get(format!("{}{path}", server.base))
        .header("User-Agent", "TelegramBot (like TwitterBot)")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), status, "GET {path}");
    assert!(content_type(&response).starts_with("text/html"), "{path}");
    Html::parse_document(&response.text().await.unwrap())
}

fn all(html: &Html, selector: &str) -> Vec<String> {
    let selector = Selector::parse(selector).unwrap();
    html.select(&selector)
        .map(|e| e.text().collect::<String>())
        .collect()
}

fn attr(html: &Html, selector: &str, name: &str) -> Option<String> {
    let selector = Selector::parse(selector).unwrap();
    html.select(&selector)
        .next()
        .and_then(|e| e.value().attr(name).map(str::to_owned))
}

fn meta(html: &Html, key: &str) -> Option<String> {
    attr(
        html,
        &format!("meta[property=\"{key}\"], meta[name=\"{key}\"]"),
        "content",
    )
}

#[tokio::test]
async fn an_article_arrives_as_html_with_its_head_body_and_data() {
    let (server, _dist) = rendering_server().await;
    let api: Value = server
        .json("/api/articles/belgium-invest-kharkiv", 200)
        .await;
    let html = page(&server, "/news/belgium-invest-kharkiv", 200).await;
    let title = api["title"].as_str().unwrap();

    assert_eq!(all(&html, "title"), [format!("{title} — Харьковчанин")]);
    assert_eq!(attr(&html, "html", "lang").as_deref(), Some("ru"));
    assert_eq!(all(&html, "h1"), [title]);
    assert_eq!(meta(&html, "og:title").as_deref(), Some(title));
    assert_eq!(meta(&html, "og:type").as_deref(), Some("article"));
    assert!(meta(&html, "og:description").is_some_and(|d| d.starts_with("Секретарь")));
    assert_eq!(meta(&html, "description"), meta(&html, "og:description"));
    let canonical = format!("{}/news/belgium-invest-kharkiv", server.base);
    assert_eq!(
        attr(&html, "link[rel=canonical]", "href"),
        Some(canonical.clone())
    );
    assert_eq!(meta(&html, "og:url"), Some(canonical));
    assert_eq!(meta(&html, "twitter:card").as_deref(), Some("summary"));
    // The API's own instant, which the app's head writes too (vestnik_api::head).
    assert!(
        meta(&html, "article:published_time").is_some_and(|t| t.parse::<jiff::Timestamp>().is_ok())
    );

    let json_ld: Value =
        serde_json::from_str(&all(&html, "script[type=\"application/ld+json\"]")[0]).unwrap();
    assert_eq!(json_ld["@type"], "NewsArticle");
    assert_eq!(json_ld["headline"], title);
    assert!(json_ld["datePublished"].is_string() && json_ld["dateModified"].is_string());
    assert_eq!(json_ld["publisher"]["name"], "Харьковчанин");
    assert_eq!(json_ld["author"]["name"], "Харьковский горсовет");

    // The body: paragraphs, the quote with who said it, the source, a time.
    let paragraphs = all(&html, ".article-body > p");
    assert!(paragraphs.len() >= 3, "{paragraphs:?}");
    assert!(paragraphs.iter().any(|p| p.contains("Терехов")));
    // The seed's two quotes, each with who said it.
    assert_eq!(all(&html, ".article-body figure.quote blockquote").len(), 2);
    assert_eq!(all(&html, ".article-body figure.quote cite").len(), 2);
    assert_eq!(
        all(&html, ".source-line"),
        ["Источник: Харьковский горсовет"]
    );
    assert!(attr(&html, "time.published", "datetime").is_some_and(|t| t.ends_with("Z")));
    assert_eq!(all(&html, ".breadcrumb a")[0], "Главная");
    assert_eq!(all(&html, "a.comment-count"), ["0 комментариев"]);
    assert_eq!(all(&html, ".share-bar a").len(), 4);

    // The first page of other news, as plain links, not including this article.
    let others = Selector::parse(".other-news .news-card h3 a").unwrap();
    let links: Vec<&str> = html
        .select(&others)
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(links.len(), 20);
    assert!(links.iter().all(|href| href.starts_with("/news/")));
    assert!(!links.contains(&"/news/belgium-invest-kharkiv"));

    // The data the app takes over with: exactly what the API answers.
    let data: Value = serde_json::from_str(&all(&html, "script#vestnik-article")[0]).unwrap();
    assert_eq!(data, api);
    let news: Value = serde_json::from_str(&all(&html, "script#vestnik-news")[0]).unwrap();
    assert_eq!(news["items"].as_array().unwrap().len(), 20);
    // The build's own title and skeleton are gone.
    assert!(all(&html, "p.loading").is_empty());
}

#[tokio::test]
async fn unknown_addresses_are_404_pages_and_the_front_page_is_the_newest_article() {
    let (server, _dist) = rendering_server().await;
    let missing = page(&server, "/news/no-such-story", 404).await;
    assert_eq!(all(&missing, "h1"), ["Страница не найдена"]);
    assert_eq!(meta(&missing, "robots").as_deref(), Some("noindex"));
    assert_eq!(all(&missing, ".fresh-news .news-card").len(), 5);
    assert!(all(&missing, "script#vestnik-article").is_empty());
    let no_tag = page(&server, "/tags/no-such-tag", 404).await;
    assert_eq!(all(&no_tag, "h1"), ["Страница не найдена"]);

    let newest: Value = server.json("/api/news?limit=1", 200).await;
    let newest_title = newest["items"][0]["title"].as_str().unwrap();
    let front = page(&server, "/", 200).await;
    assert_eq!(all(&front, "h1"), [newest_title]);

    let api: Value = server
        .json("/api/articles/belgium-invest-kharkiv", 200)
        .await;
    let tag = api["tags"][0]["slug"].as_str().unwrap();
    let tag_page = page(&server, &format!("/tags/{tag}"), 200).await;
    assert_eq!(
        all(&tag_page, "h1"),
        [api["tags"][0]["name"].as_str().unwrap()]
    );
    assert!(!all(&tag_page, ".news-card").is_empty());
    // Files and other routes are still the SPA's.
    let other = server.get("/some/client/route").await;
    assert_eq!(other.status().as_u16(), 200);
}

#[tokio::test]
async fn hostile_article_content_stays_text_in_every_part_of_the_page() {
    let (server, _dist) = rendering_server().await;
    let hostile = "</script><script>alert(1)</script><img src=x onerror=alert(2)>\u{2028}";
    sqlx::query("UPDATE articles SET title = $1, lead = $1 WHERE slug = 'belgium-invest-kharkiv'")
        .bind(hostile)
        .execute(&server.pool)
        .await
        .unwrap();
    let response = server.get("/news/belgium-invest-kharkiv").await;
    let text = response.text().await.unwrap();
    assert!(!text.contains("<script>alert(1)"), "raw script in the page");
    assert!(!text.contains("<img src=x"), "raw img in the page");
    let html = Html::parse_document(&text);
    assert_eq!(all(&html, "h1"), [hostile]);
    let data: Value = serde_json::from_str(&all(&html, "script#vestnik-article")[0]).unwrap();
    assert_eq!(data["title"], hostile);
    assert_eq!(all(&html, "img[onerror]").len(), 0);
}

fn xml_doc(text: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("not XML ({e}): {text:.300}"))
}

#[tokio::test]
async fn sitemaps_the_feed_and_robots_txt_describe_the_site() {
    let server = TestServer::seeded().await;
    let robots = server.get("/robots.txt").await.text().await.unwrap();
    assert!(
        robots.contains(&format!("Sitemap: {}/sitemap.xml", server.base)),
        "{robots}"
    );

    let index = server.get("/sitemap.xml").await;
    assert!(content_type(&index).starts_with("application/xml"));
    let index = index.text().await.unwrap();
    let index = xml_doc(&index);
    let locs: Vec<&str> = index
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        locs,
        [
            format!("{}/sitemap-articles-1.xml", server.base),
            format!("{}/sitemap-news.xml", server.base)
        ]
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
    );

    let articles = server
        .get("/sitemap-articles-1.xml")
        .await
        .text()
        .await
        .unwrap();
    let articles = xml_doc(&articles);
    let urls: Vec<&str> = articles
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM articles")
        .fetch_one(&server.pool)
        .await
        .unwrap();
    let article_urls = urls.iter().filter(|u| u.contains("/news/")).count();
    assert_eq!(article_urls as i64, count);
    assert!(urls.contains(&format!("{}/news/belgium-invest-kharkiv", server.base).as_str()));
    assert!(urls.iter().any(|u| u.contains("/tags/")));
    assert_eq!(urls[0], format!("{}/", server.base));
    assert!(
        articles
            .descendants()
            .filter(|n| n.has_tag_name("lastmod"))
            .count()
            >= article_urls
    );
    assert_eq!(
        server
            .get("/sitemap-articles-2.xml")
            .await
            .status()
            .as_u16(),
        404
    );
    assert_eq!(
        server
            .get("/sitemap-articles-x.xml")
            .await
            .status()
            .as_u16(),
        404
    );

    // Google News: the last two days only, each with its publication and title.
    let news = server.get("/sitemap-news.xml").await.text().await.unwrap();
    let news = xml_doc(&news);
    let entries: Vec<roxmltree::Node> = news
        .descendants()
        .filter(|n| n.has_tag_name("url"))
        .collect();
    assert!(!entries.is_empty());
    let two_days_ago = server.now - jiff::SignedDuration::from_hours(48);
    for entry in &entries {
        let date = entry
            .descendants()
            .find(|n| n.has_tag_name("publication_date"))
            .and_then(|n| n.text())
            .unwrap();
        let date: jiff::Timestamp = date.parse().unwrap();
        assert!(date >= two_days_ago && date <= server.now, "{date}");
        assert!(
            entry
                .descendants()
                .any(|n| n.has_tag_name("title") && n.text().is_some())
        );
        let name = entry
            .descendants()
            .find(|n| n.has_tag_name("name"))
            .and_then(|n| n.text());
        assert_eq!(name, Some("Харьковчанин"));
    }

    // RSS 2.0: a channel with its title, link and description, then the 50
    // newest items, each with title, link, guid, date and summary.
    let feed = server.get("/feed.xml").await;
    assert!(content_type(&feed).starts_with("application/rss+xml"));
    let feed = feed.text().await.unwrap();
    let feed = xml_doc(&feed);
    let rss = feed.root_element();
    assert_eq!(
        (rss.tag_name().name(), rss.attribute("version")),
        ("rss", Some("2.0"))
    );
    let channel = rss.children().find(|n| n.has_tag_name("channel")).unwrap();
    for required in ["title", "link", "description"] {
        assert!(
            channel.children().any(|n| n.has_tag_name(required)),
            "channel {required}"
        );
    }
    let items: Vec<roxmltree::Node> = channel
        .children()
        .filter(|n| n.has_tag_name("item"))
        .collect();
    assert_eq!(items.len(), 50);
    let newest: Value = server.json("/api/news?limit=1", 200).await;
    let first_title = items[0]
        .children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text());
    assert_eq!(first_title, newest["items"][0]["title"].as_str());
    for item in &items {
        for required in ["title", "link", "guid", "pubDate", "description"] {
            assert!(
                item.children().any(|n| n.has_tag_name(required)),
                "item {required}"
            );
        }
        let date = item
            .children()
            .find(|n| n.has_tag_name("pubDate"))
            .and_then(|n| n.text())
            .unwrap();
        jiff::fmt::rfc2822::parse(date).unwrap_or_else(|e| panic!("{date}: {e}"));
    }
}

#[tokio::test]
async fn the_site_url_setting_names_the_public_address_everywhere() {
    let dist = dist();
    let server = TestServer::start(Setup {
        seed: true,
        static_dir: Some(dist.path().to_owned()),
        site_url: Some("https://news.example.org"),
        ..Setup::default()
    })
    .await;
    let html = page(&server, "/news/belgium-invest-kharkiv", 200).await;
    assert_eq!(
        attr(&html, "link[rel=canonical]", "href").as_deref(),
        Some("https://news.example.org/news/belgium-invest-kharkiv")
    );
    let robots = server.get("/robots.txt").await.text().await.unwrap();
    assert!(robots.contains("Sitemap: https://news.example.org/sitemap.xml"));
    let feed = server.get("/feed.xml").await.text().await.unwrap();
    assert!(feed.contains("<link>https://news.example.org/news/"));
}

/// `vestnik-server render`: the same pages as files, written again only when
/// their data changed, and removed when their article is gone.
#[tokio::test]
async fn render_writes_the_site_as_files_and_then_only_what_changed() {
    use vestnik_server::static_render::render_site;
    let server = TestServer::seeded().await;
    let out = dist();
    let site = vestnik_server::Config::defaults().site();
    let origin = "https://news.example.org";

    let first = render_site(&server.store, &site, origin, out.path())
        .await
        .unwrap();
    let page_path = out.path().join("news/belgium-invest-kharkiv/index.html");
    let html = Html::parse_document(&std::fs::read_to_string(&page_path).unwrap());
    assert_eq!(
        attr(&html, "link[rel=canonical]", "href").as_deref(),
        Some("https://news.example.org/news/belgium-invest-kharkiv")
    );
    assert_eq!(all(&html, "h1").len(), 1);
    assert!(out.path().join("tags/economy/index.html").is_file());
    for file in [
        "front.html",
        "404.html",
        "sitemap.xml",
        "sitemap-news.xml",
        "feed.xml",
        "robots.txt",
    ] {
        assert!(out.path().join(file).is_file(), "{file}");
    }
    let robots = std::fs::read_to_string(out.path().join("robots.txt")).unwrap();
    assert!(
        robots.contains("Sitemap: https://news.example.org/sitemap.xml"),
        "{robots}"
    );
    assert!(first.written > 10, "{first:?}");

    let second = render_site(&server.store, &site, origin, out.path())
        .await
        .unwrap();
    assert_eq!((second.written, second.removed), (0, 0), "{second:?}");

    // One story is unpublished and another edited: the next run rewrites the
    // pages whose data changed and removes the page that names nothing now.
    let gone: String =
        sqlx::query_scalar("SELECT slug FROM articles ORDER BY published_at ASC LIMIT 1")
            .fetch_one(&server.pool)
            .await
            .unwrap();
    sqlx::query("DELETE FROM articles WHERE slug = $1")
        .bind(&gone)
        .execute(&server.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE articles SET title = 'Бельгия инвестирует в Харьков' WHERE slug = 'belgium-invest-kharkiv'")
        .execute(&server.pool)
        .await
        .unwrap();
    let third = render_site(&server.store, &site, origin, out.path())
        .await
        .unwrap();
    assert_eq!(third.removed, 1, "{third:?}");
    assert!(!out.path().join(format!("news/{gone}")).exists());
    assert!(
        third.written > 0 && third.written < first.written,
        "{third:?}"
    );
    let html = Html::parse_document(&std::fs::read_to_string(&page_path).unwrap());
    assert_eq!(all(&html, "h1"), ["Бельгия инвестирует в Харьков"]);
}
