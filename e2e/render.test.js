// Pages the server renders: what a reader without scripts reads, what a link
// preview sees, and how the app takes a rendered page over.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, scrollToNews, servePlainApp } from './browser.js';

const SLUG = 'belgium-invest-kharkiv';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('without JavaScript the whole article and the first page of other news can be read', async () => {
  const page = await openPage(browser, { javaScriptEnabled: false });
  const answer = await page.goto(`${BASE}/news/${SLUG}`);
  assert.equal(answer.status(), 200);
  const api = await (await fetch(`${BASE}/api/articles/${SLUG}`)).json();
  assert.equal(await page.locator('h1').textContent(), api.title);
  assert.equal(await page.title(), `${api.title} — Харьковчанин`);
  const paragraphs = await page.locator('.article-body > p').allTextContents();
  const expected = api.body.filter((b) => b.type === 'paragraph').map((b) => b.inlines.map((i) => i.text).join(''));
  assert.deepEqual(paragraphs, expected);
  assert.equal(await page.locator('.article-body blockquote').count(), api.body.filter((b) => b.type === 'quote').length);
  assert.equal(await page.locator('.source-line').textContent(), 'Источник: Харьковский горсовет');
  assert.equal(await page.locator('.other-news .news-card a').count(), 20);
  assert.ok(await page.locator('.other-news .news-card a').first().isVisible());
  assert.match(await page.locator('.comments-need-script').textContent(), /JavaScript/);
  // Nothing of the boot skeleton is left.
  assert.equal(await page.locator('.loading').count(), 0);
  await page.context().close();
});

test('an unknown article is a real 404 with the not-found page, with or without scripts', async () => {
  for (const javaScriptEnabled of [false, true]) {
    const page = await openPage(browser, { javaScriptEnabled });
    const answer = await page.goto(`${BASE}/news/no-such-story`);
    assert.equal(answer.status(), 404);
    await page.locator('h1', { hasText: 'Страница не найдена' }).waitFor();
    assert.equal(await page.locator('meta[name=robots][content=noindex]').count() >= 1, true);
    await page.context().close();
  }
});

test('the app takes a rendered article over without asking for it again, moving nothing, keeping scroll and focus', async () => {
  const page = await openPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(`${BASE}/news/${SLUG}`, { waitUntil: 'domcontentloaded' });
  // Before the Wasm: the reader scrolls a little and tabs to a link of the article.
  await page.evaluate(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) {
          window.__shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${entry.sources.map((s) => `${s.node?.nodeName}.${s.node?.className} ${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)}`).join('; ')}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
    window.scrollTo(0, 200);
  });
  await page.locator('.article-body a, .tag-list a').first().focus();
  const focused = await page.evaluate(() => document.activeElement.outerHTML);
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 0);
  await page.locator('h1').evaluate((h1) => { h1.dataset.painted = 'server'; });
  release();
  // The meta line comes to life (its view count is the server's answer to this visit).
  await page.waitForFunction(() => window.performance.getEntriesByType('resource').some((e) => e.name.includes('/views')));
  await page.locator('.share-bar .share-copy').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'the scroll position is kept');
  assert.equal(await page.evaluate(() => document.activeElement.outerHTML), focused, 'focus is kept');
  assert.equal(await page.locator('h1').getAttribute('data-painted'), 'server', 'the article is not rendered again');

  assert.deepEqual(await page.evaluate(() => window.__shifts), [], 'no layout shift across the takeover');

  // The comments and the news list come to life when the reader nears them.
  await page.locator('#comments').scrollIntoViewIfNeeded();
  await page.locator('.comments .composer').waitFor();
  await scrollToNews(page);
  await page.locator('.other-news .news-card').nth(19).scrollIntoViewIfNeeded();
  await page.locator('.other-news .news-card').nth(20).waitFor();
  assert.deepEqual(requests.filter((p) => p === `/api/articles/${SLUG}`), [], 'no second article request');
  assert.ok(requests.some((p) => p.endsWith(`/comments/stream`)), 'the live stream opened after the comments mounted');
  assert.equal(await page.locator('h1').count(), 1);
  for (const id of ['vestnik-article', 'vestnik-news', 'vestnik-site']) {
    assert.equal(await page.locator(`#${id}`).count(), 0, `the data block ${id} was taken`);
  }
  assert.equal(await page.locator('link[rel=canonical]').count(), 1);
  assert.equal(await page.locator('meta[property="og:title"]').count(), 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a link on a rendered page hands it to the app, and back restores the rendered article', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE}/news/${SLUG}`);
  await page.locator('.comments .composer').waitFor();
  await scrollToNews(page);
  await page.locator('.other-news .news-card').nth(19).scrollIntoViewIfNeeded();
  await page.locator('.other-news .news-card').nth(25).scrollIntoViewIfNeeded();
  await page.locator('.other-news .news-card').nth(30).waitFor();
  const first = page.locator('.other-news .news-card a').nth(28);
  const title = await first.textContent();
  const scrolled = await page.evaluate(() => window.scrollY);
  await first.click();
  await page.locator('h1', { hasText: title.trim() }).waitFor();
  assert.notEqual(new URL(page.url()).pathname, `/news/${SLUG}`);
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await page.locator('.site-header').count(), 1);
  assert.equal(await page.locator('link[rel=canonical]').count(), 1);
  await page.goBack();
  await page.locator('h1', { hasText: 'Бельгия' }).waitFor();
  await page.locator('.other-news .news-card').nth(30).waitFor();
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 50, scrolled);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('link previews and crawlers get the head tags in the HTML', async () => {
  const answer = await fetch(`${BASE}/news/${SLUG}`, { headers: { 'User-Agent': 'TelegramBot (like TwitterBot)' } });
  assert.equal(answer.status, 200);
  const html = await answer.text();
  for (const needle of ['<meta property="og:type" content="article"', 'property="og:title"', 'property="og:description"', '"@type":"NewsArticle"', '<h1 id="article-title"']) {
    assert.ok(html.includes(needle), needle);
  }
  const robots = await (await fetch(`${BASE}/robots.txt`)).text();
  assert.match(robots, /Sitemap: http:\/\/.*\/sitemap\.xml/);
  const feed = await fetch(`${BASE}/feed.xml`);
  assert.match(feed.headers.get('content-type'), /application\/rss\+xml/);
  assert.match(await feed.text(), /<rss version="2.0"/);
});

/**
 * An element tree as lines: tag, classes, the attributes readers and
 * crawlers use, and each element's own text. The islands' wrappers (layout
 * boxes of `display: contents`) are left out; the view count is masked
 * because the app's is the server's plus this visit.
 */
function shape(root) {
  const ATTRS = ['id', 'href', 'src', 'srcset', 'sizes', 'alt', 'datetime', 'role', 'width', 'height', 'rel', 'target',
    'title', 'loading', 'fetchpriority', 'decoding', 'tabindex', 'type', 'lang', 'dir', 'cite', 'viewBox', 'd'];
  const lines = [];
  const walk = (el, depth) => {
    if (el.classList.contains('island')) {
      for (const child of el.children) walk(child, depth);
      return;
    }
    const views = el.classList.contains('views') || el.classList.contains('views-count');
    const attrs = [...el.attributes]
      .filter((a) => ATTRS.includes(a.name) || a.name.startsWith('aria-'))
      .map((a) => `${a.name}=${views ? a.value.replace(/\d/g, '#') : a.value}`)
      .sort();
    let text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').replace(/\s+/g, ' ').trim();
    if (views) text = text.replace(/\d/g, '#');
    lines.push(`${'  '.repeat(depth)}${el.localName}${[...el.classList].sort().map((c) => `.${c}`).join('')} ${attrs.join(' ')} ${text ? JSON.stringify(text) : ''}`.trimEnd());
    for (const child of el.children) walk(child, depth + 1);
  };
  walk(root, 0);
  return lines;
}

test('what the server renders is what the app renders, element by element', async () => {
  const cases = [
    { path: `/news/${SLUG}`, parts: ['.site-header', 'article.article', '.site-footer'], ready: (p) => p.locator('.article-header .meta-line').waitFor() },
    {
      path: `/news/${SLUG}`, parts: ['section.other-news .news-feed'],
      ready: async (p) => { await scrollToNews(p); await p.locator('.other-news .news-card').nth(19).waitFor(); },
    },
    { path: '/tags/economy', parts: ['section.tag-page > h1', 'section.tag-page .news-feed'], ready: (p) => p.locator('.tag-page .news-card').first().waitFor() },
    { path: '/news/no-such-story', parts: ['main'], ready: (p) => p.locator('.not-found ~ * .news-card, .not-found ~ * li').first().waitFor() },
  ];
  let compared = 0;
  for (const { path, parts, ready } of cases) {
    const server = await openPage(browser, { javaScriptEnabled: false });
    await server.goto(`${BASE}${path}`);
    const app = await openPage(browser);
    // The app renders the page itself from the plain index.html.
    await servePlainApp(app, BASE, path);
    await app.goto(`${BASE}${path}`);
    await ready(app);
    for (const part of parts) {
      const rendered = await server.locator(part).first().evaluate(shape);
      const live = await app.locator(part).first().evaluate(shape);
      assert.ok(rendered.length > 0, `${path} ${part} is rendered`);
      assert.deepEqual(rendered, live, `${path} ${part}: the server's markup (first) against the app's`);
      compared += rendered.length;
    }
    await server.context().close();
    await app.context().close();
  }
  console.log(`# ${compared} elements compared`);
});
