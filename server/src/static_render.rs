//! `vestnik-server render --out dist`: the site as files, for static hosting.
//!
//! Writes into a built `dist/` what the server would answer: every article as
//! `news/{slug}/index.html`, every tag page as `tags/{slug}/index.html`, the
//! front page as `front.html`, the not-found page as `404.html`, the sitemaps,
//! the RSS feed and `robots.txt`. `dist/index.html` stays the app's template
//! (the host's fallback for anything not written).
//!
//! A second run writes only what changed. Each page's inputs (the template,
//! the site's settings, the page's data) are fingerprinted into
//! `.vestnik-render.json`; a page whose fingerprint is unchanged is left alone,
//! so its relative times ("16 часов назад") are as of the run that wrote it
//! (the app brings the news list up to date when it mounts). Pages of
//! articles that no longer exist are removed.

use crate::config::Config;
use crate::error::ServerError;
use crate::pages::{self, Rendered};
use crate::render::template::Template;
use crate::render::{Context, feeds};
use crate::store;
use crate::store::Store;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Where the fingerprints of the last run are kept, inside the output folder.
const MANIFEST: &str = ".vestnik-render.json";

/// `vestnik-server render`'s own flags.
#[derive(Clone, Debug, clap::Args)]
pub struct RenderArgs {
    /// The built app (`cargo xtask build`'s `dist/`): its index.html is the
    /// template, and the pages are written beside it.
    #[arg(long)]
    pub out: PathBuf,
}

/// What a run did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RenderReport {
    /// Files written because they were new or had changed.
    pub written: usize,
    /// Files left as they were.
    pub unchanged: usize,
    /// Pages removed because their article or tag is gone.
    pub removed: usize,
}

/// The fingerprints of the files a run wrote, by path inside the output folder.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    files: BTreeMap<String, String>,
}

/// Renders the site in the database `config` names into `args.out`.
pub async fn run(config: &Config, args: &RenderArgs) -> Result<RenderReport, ServerError> {
    let Some(site_url) = &config.site_url else {
        return Err(ServerError::Config(
            "render needs the public address of the site for canonical links, sitemaps \
             and the feed: add --site-url https://news.example.org"
                .to_owned(),
        ));
    };
    config.validate()?;
    let store = crate::Store::open(&config.database).await?;
    let outcome = render_site(&store, &config.site(), site_url, &args.out).await;
    store.close().await;
    outcome
}

/// Renders every page of the site served at `site_url` from `store` into `out`.
pub async fn render_site(
    store: &Store,
    site: &vestnik_api::Site,
    site_url: &str,
    out: &Path,
) -> Result<RenderReport, ServerError> {
    let template = Template::load(out)?;
    let ctx = Context::new(site, site_url);
    let old = read_manifest(out);
    let mut writer = Writer {
        out,
        template: &template,
        site_fingerprint: fingerprint(&[template.unrendered().as_bytes(), &json(site)]),
        lang: site.locale.clone(),
        old: &old,
        new: Manifest::default(),
        report: RenderReport::default(),
    };

    let entries = store::article_entries(store, None).await?;
    let mut tags = BTreeSet::new();
    for entry in &entries {
        let rendered = pages::article(store, &ctx, &entry.slug).await?;
        writer.page(&article_file(&entry.slug), rendered)?;
        tags.extend(entry.tags.iter().map(|t| t.slug.clone()));
    }
    for slug in &tags {
        let rendered = pages::tag(store, &ctx, slug).await?;
        writer.page(&tag_file(slug), rendered)?;
    }
    let front = pages::front(store, &ctx).await?;
    writer.page("front.html", front)?;
    let (_, not_found) = pages::not_found(store, &ctx).await?;
    writer.page("404.html", (StatusCode::OK, not_found))?;

    writer.file("sitemap.xml", &feeds::sitemap_index(&ctx, entries.len()))?;
    for n in 1.. {
        let Some(sitemap) = feeds::articles_sitemap(&ctx, &entries, n) else {
            break;
        };
        writer.file(&format!("sitemap-articles-{n}.xml"), &sitemap)?;
    }
    let recent: Vec<_> = entries.iter().take(feeds::NEWS_MAX_URLS).cloned().collect();
    writer.file("sitemap-news.xml", &feeds::news_sitemap(&ctx, &recent))?;
    let latest: Vec<_> = entries
        .iter()
        .take(feeds::FEED_ITEMS as usize)
        .cloned()
        .collect();
    writer.file("feed.xml", &feeds::rss(&ctx, &latest))?;
    writer.file("robots.txt", &feeds::robots(&ctx))?;

    writer.remove_gone()?;
    let Writer {
        new, mut report, ..
    } = writer;
    write_if_changed(out, MANIFEST, json(&new).as_slice(), &mut report)?;
    // The manifest itself is bookkeeping, not a page.
    report.written = report.written.saturating_sub(1);
    Ok(report)
}

/// `news/{slug}/index.html`: what `/news/{slug}` finds on a static host.
fn article_file(slug: &str) -> String {
    format!("news/{slug}/index.html")
}

/// `tags/{slug}/index.html`: what `/tags/{slug}` finds on a static host.
fn tag_file(slug: &str) -> String {
    format!("tags/{slug}/index.html")
}

/// Writes the pages of one run and keeps count.
struct Writer<'a> {
    out: &'a Path,
    template: &'a Template,
    /// What every page depends on besides its own data.
    site_fingerprint: String,
    /// The pages' `lang`.
    lang: String,
    old: &'a Manifest,
    new: Manifest,
    report: RenderReport,
}

impl Writer<'_> {
    /// Writes a rendered page, unless its inputs are those of the last run.
    fn page(&mut self, path: &str, (status, page): Rendered) -> Result<(), ServerError> {
        if status != StatusCode::OK {
            // The article or tag vanished while rendering; the next run drops it.
            return Ok(());
        }
        let inputs = fingerprint(&[self.site_fingerprint.as_bytes(), page.data.as_bytes()]);
        let on_disk = self.out.join(path).is_file();
        if on_disk && self.old.files.get(path) == Some(&inputs) {
            self.report.unchanged += 1;
        } else {
            let html = self.template.render(&self.lang, &page.head, &page.body);
            write_if_changed(self.out, path, html.as_bytes(), &mut self.report)?;
        }
        self.new.files.insert(path.to_owned(), inputs);
        Ok(())
    }

    /// Writes a file whose text depends on nothing but itself (a feed).
    fn file(&mut self, path: &str, text: &str) -> Result<(), ServerError> {
        write_if_changed(self.out, path, text.as_bytes(), &mut self.report)?;
        self.new
            .files
            .insert(path.to_owned(), fingerprint(&[text.as_bytes()]));
        Ok(())
    }

    /// Removes the pages and sitemaps of the last run that this run did not write.
    fn remove_gone(&mut self) -> Result<(), ServerError> {
        for path in self.old.files.keys() {
            if self.new.files.contains_key(path) {
                continue;
            }
            let file = self.out.join(path);
            match std::fs::remove_file(&file) {
                Ok(()) => self.report.removed += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(ServerError::io(
                        format!("cannot remove {}", file.display()),
                        e,
                    ));
                }
            }
            // An article's folder goes with its page when nothing else is in it.
            if let Some(folder) = file.parent().filter(|f| *f != self.out) {
                let _ = std::fs::remove_dir(folder);
            }
        }
        Ok(())
    }
}

/// Writes `bytes` to `out/path` unless the file holds them already.
fn write_if_changed(
    out: &Path,
    path: &str,
    bytes: &[u8],
    report: &mut RenderReport,
) -> Result<(), ServerError> {
    let file = out.join(path);
    if std::fs::read(&file).is_ok_and(|old| old == bytes) {
        report.unchanged += 1;
        return Ok(());
    }
    if let Some(folder) = file.parent() {
        std::fs::create_dir_all(folder)
            .map_err(|e| ServerError::io(format!("cannot create {}", folder.display()), e))?;
    }
    // Written aside and renamed, so a host never serves half a page.
    let partial = file.with_extension("partial");
    std::fs::write(&partial, bytes)
        .and_then(|()| std::fs::rename(&partial, &file))
        .map_err(|e| ServerError::io(format!("cannot write {}", file.display()), e))?;
    // A compressed copy the build made (robots.txt.br) would now be served
    // in its place by hosts that prefer them (nginx's brotli_static).
    for stale in ["br", "gz"] {
        let _ = std::fs::remove_file(out.join(format!("{path}.{stale}")));
    }
    report.written += 1;
    Ok(())
}

fn read_manifest(out: &Path) -> Manifest {
    std::fs::read(out.join(MANIFEST))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Our own settings and manifest as JSON (their types always encode).
fn json(value: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_default()
}

/// SHA-256 of the parts, each length-prefixed so that no two lists collide.
fn fingerprint(parts: &[&[u8]]) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update((part.len() as u64).to_le_bytes());
        hash.update(part);
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}
