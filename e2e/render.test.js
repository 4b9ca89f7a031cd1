// Pages the server renders: what a reader without scripts reads, what a link
// preview sees, and how the app takes a rendered page over.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage } from './browser.js';

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

test('the app takes a rendered article over without asking for it again', async () => {
  const page = await openPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${BASE}/news/${SLUG}`);
  await page.locator('.comments .composer').waitFor();
  await page.locator('.other-news h2').scrollIntoViewIfNeeded();
  await page.locator('.other-news .news-card').first().waitFor();
  assert.deepEqual(requests.filter((p) => p === `/api/articles/${SLUG}`), [], 'no second article request');
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await page.locator('#vestnik-article').count(), 0, 'the data block was taken');
  // One set of head tags: the app's, once it renders its own.
  assert.equal(await page.locator('link[rel=canonical]').count(), 1);
  assert.equal(await page.locator('meta[property="og:title"]').count(), 1);
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
