// Static hosting with pages rendered ahead (`vestnik-server render --out`):
// a copy of the build, rendered from the API server's database, served by
// nginx with deploy/nginx/vestnik.conf, the API on another origin. What a
// link preview, a crawler and a reader without scripts get must be what the
// reference server answers; the app takes the page over as it does there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, scrollToNews } from './browser.js';
import { NGINX, startNginx } from './nginx.js';
import { freePort, freshDatabase, startServer } from './server.js';

const SLUG = 'belgium-invest-kharkiv';
const SERVER_BIN = process.env.VESTNIK_SERVER_BIN;

let browser, api, nginx, site, apiUrl, root, database;

function render() {
  const printed = execFileSync(SERVER_BIN, ['--database', database, '--site-url', site, 'render', '--out', root], { encoding: 'utf8' });
  const [, written, unchanged, removed] = /(\d+) written, (\d+) unchanged, (\d+) removed/.exec(printed).map(Number);
  return { written, unchanged, removed };
}

before(async () => {
  assert.ok(existsSync(NGINX), 'nginx is missing: `cargo xtask setup` installs it');
  const [sitePort, apiPort] = [await freePort(), await freePort()];
  site = `http://127.0.0.1:${sitePort}`;
  apiUrl = `http://127.0.0.1:${apiPort}`;
  root = mkdtempSync(join(tmpdir(), 'vestnik-rendered-'));
  chmodSync(root, 0o755);
  cpSync(process.env.VESTNIK_DIST, root, { recursive: true });
  execFileSync(process.env.VESTNIK_XTASK_BIN, ['configure', '--dist', root, '--api-base', `${apiUrl}/api`], { stdio: 'inherit' });
  database = freshDatabase();
  api = await startServer({
    port: apiPort, database, staticDir: null,
    args: ['--demo-news', '60', '--cors-origin', site],
  });
  nginx = await startNginx({
    recipe: 'vestnik.conf',
    port: sitePort,
    probe: '/config.json',
    replace: [['listen 8080;', `listen 127.0.0.1:${sitePort};`], ['root /srv/vestnik/dist;', `root ${root};`]],
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await nginx?.stop();
  await api?.stop();
});

test('render writes every page once, and a second run writes nothing that did not change', async () => {
  const first = render();
  // 70 articles, their tags, the front and not-found pages, sitemaps, feed, robots.txt.
  assert.ok(first.written > 70, `first run wrote ${first.written}`);
  assert.ok(existsSync(join(root, `news/${SLUG}/index.html`)));
  assert.ok(existsSync(join(root, 'tags/economy/index.html')));
  const page = join(root, `news/${SLUG}/index.html`);
  const before = statSync(page).mtimeMs;
  const again = render();
  assert.equal(again.written, 0, 'nothing changed, nothing written');
  assert.equal(again.removed, 0);
  assert.equal(statSync(page).mtimeMs, before);
  // The template is still the app's, for the routes nothing was written for.
  assert.match(readFileSync(join(root, 'index.html'), 'utf8'), /<!--vestnik:boot-->/);
  // The build's compressed robots.txt would hide the rendered one.
  assert.ok(!existsSync(join(root, 'robots.txt.br')));
});

test('nginx serves the rendered pages as the reference server does: head tags, article, 404, feeds', async () => {
  const answer = await fetch(`${site}/news/${SLUG}`, { headers: { 'User-Agent': 'TelegramBot (like TwitterBot)' } });
  assert.equal(answer.status, 200);
  const html = await answer.text();
  const fromServer = await (await fetch(`${apiUrl}/api/articles/${SLUG}`)).json();
  for (const needle of [
    `<title data-painted="">${fromServer.title} — Харьковчанин</title>`,
    '<meta property="og:type" content="article"',
    `<link rel="canonical" href="${site}/news/${SLUG}"`,
    '"@type":"NewsArticle"',
    '<h1 id="article-title"',
    'class="source-line"',
  ]) {
    assert.ok(html.includes(needle), needle);
  }
  const unknown = await fetch(`${site}/news/no-such-story`);
  assert.equal(unknown.status, 404);
  assert.match(await unknown.text(), /Страница не найдена/);
  const tag = await fetch(`${site}/tags/economy`);
  assert.equal(tag.status, 200);
  assert.match(await tag.text(), /<h1 id="tag-title"[^>]*>Экономика<\/h1>/);
  const front = await (await fetch(`${site}/`)).text();
  assert.match(front, /data-rendered/);
  const robots = await (await fetch(`${site}/robots.txt`, { headers: { 'Accept-Encoding': 'br' } })).text();
  assert.match(robots, new RegExp(`Sitemap: ${site}/sitemap.xml`));
  const sitemap = await (await fetch(`${site}/sitemap.xml`)).text();
  assert.match(sitemap, /<sitemapindex/);
  const feed = await fetch(`${site}/feed.xml`);
  assert.equal(feed.status, 200);
  assert.match(await feed.text(), /<rss version="2.0"/);
});

test('a reader gets the rendered article from nginx, and the app brings its live parts to life across origins', async () => {
  const page = await openPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${site}/news/${SLUG}`);
  await page.locator('.comments .composer').waitFor();
  await scrollToNews(page);
  await page.locator('.other-news .news-card').nth(19).scrollIntoViewIfNeeded();
  await page.locator('.other-news .news-card').nth(20).waitFor();
  assert.ok(!requests.some((u) => u.endsWith(`/api/articles/${SLUG}`)), 'the article was not asked for');
  assert.ok(requests.some((u) => u.startsWith(`${apiUrl}/api/articles/${SLUG}/comments`)), 'comments from the API origin');
  assert.deepEqual(page.cspViolations, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
