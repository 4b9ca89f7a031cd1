// "Другие новости": the endless list under the article, scrolled for real.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, scrollToNews } from './browser.js';

const SLUG = 'belgium-invest-kharkiv';
/** How many items the long scroll must reach. */
const TARGET = 1000;
/** The most news cards the page may hold at once, however far it scrolled. */
const DOM_BOUND = 150;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Every slug of the list under the seed article, by walking the API. */
async function apiSlugs(limit) {
  const slugs = [];
  let before = '';
  while (slugs.length < limit) {
    const page = await (await fetch(`${BASE}/api/news?limit=50&exclude=${SLUG}&before=${before}`)).json();
    slugs.push(...page.items.map((i) => i.slug));
    if (!page.next) break;
    before = page.next;
  }
  return slugs;
}

/** The cards now in the DOM: [position, slug]. */
function cardsInDom(page) {
  return page.locator('.news-card').evaluateAll((cards) => cards.map((c) => [
    Number(c.getAttribute('aria-posinset')),
    c.querySelector('a').getAttribute('href').replace('/news/', ''),
  ]));
}

/** Opens the seed article and scrolls to its list (cards far below the window are not in the DOM). */
async function openSeed(page) {
  await page.goto(`${BASE}/news/${SLUG}`);
  await scrollToNews(page);
  await page.locator('.news-card').first().waitFor();
}

test(`scrolling through ${TARGET} items: no duplicate, no gap, bounded DOM`, async () => {
  const page = await openPage(browser, { viewport: { width: 800, height: 900 } });
  await openSeed(page);
  const feed = page.locator('[role=feed]');
  assert.equal(await feed.getAttribute('aria-labelledby'), 'other-news-title');
  assert.equal(await page.locator('#other-news-title').textContent(), 'Другие новости');

  const seen = new Map();
  let maxInDom = 0;
  for (let round = 0; seen.size < TARGET && round < 2000; round++) {
    for (const [position, slug] of await cardsInDom(page)) {
      const earlier = seen.get(position);
      assert.ok(earlier === undefined || earlier === slug, `position ${position} changed from ${earlier} to ${slug}`);
      seen.set(position, slug);
    }
    maxInDom = Math.max(maxInDom, await page.locator('.news-card').count());
    await page.mouse.wheel(0, 1500);
    await page.waitForTimeout(30);
  }
  assert.ok(seen.size >= TARGET, `reached ${seen.size} items`);
  const positions = [...seen.keys()].sort((a, b) => a - b);
  assert.deepEqual(positions, positions.map((_, i) => i + 1), 'positions run 1..N without a gap');
  const shown = positions.map((p) => seen.get(p));
  assert.equal(new Set(shown).size, shown.length, 'no story shows twice');
  assert.ok(!shown.includes(SLUG), 'the open article is left out');
  assert.deepEqual(shown, (await apiSlugs(shown.length)).slice(0, shown.length), 'the order is the API order');
  assert.ok(maxInDom <= DOM_BOUND, `at most ${maxInDom} cards were in the DOM at once`);
  console.log(`# scrolled ${seen.size} items; at most ${maxInDom} cards in the DOM`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('items show their source and a relative time with the exact instant', async () => {
  const page = await openPage(browser);
  await openSeed(page);
  const card = page.locator('.news-card').first();
  assert.equal(await card.locator('.news-source').textContent(), 'Харьковчанин');
  const time = card.locator('time');
  assert.match(await time.textContent(), /^\d+ (секунд[ауы]?|минут[уы]?|час(а|ов)?|д(ень|ня|ней)|месяц(а|ев)?|(год|года|лет)) назад$/);
  assert.ok(!Number.isNaN(Date.parse(await time.getAttribute('datetime'))));
  assert.ok((await time.getAttribute('title')).length > 0);
  await page.context().close();
});

test('back from an article restores the list and the scroll position', async () => {
  const page = await openPage(browser, { viewport: { width: 800, height: 900 } });
  await openSeed(page);
  const furthest = () => page.evaluate(() => Math.max(0, ...[...document.querySelectorAll('.news-card')].map((c) => Number(c.getAttribute('aria-posinset')))));
  for (let i = 0; i < 400 && await furthest() < 80; i++) {
    await page.mouse.wheel(0, 1200);
    await page.waitForTimeout(40);
  }
  await page.waitForFunction(() => document.querySelector('[role=feed]').getAttribute('aria-busy') === 'false');
  // The card at the middle of the window is the one the reader was looking at.
  const target = await page.evaluate(() => {
    const cards = [...document.querySelectorAll('.news-card')];
    const middle = window.innerHeight / 2;
    const card = cards.find((c) => c.getBoundingClientRect().bottom > middle);
    return { position: card.getAttribute('aria-posinset'), top: card.getBoundingClientRect().top, y: window.scrollY };
  });
  assert.ok(Number(target.position) > 40, `scrolled to item ${target.position}`);
  const link = page.locator(`.news-card[aria-posinset="${target.position}"] a`);
  const opened = await link.getAttribute('href');
  await link.click();
  await page.waitForURL(`**${opened}`);
  await page.locator('.article-header h1').waitFor();
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  await page.goBack();
  await page.waitForURL(`**/news/${SLUG}`);
  const card = page.locator(`.news-card[aria-posinset="${target.position}"]`);
  await card.waitFor();
  await page.waitForTimeout(300);
  const after = await page.evaluate((position) => ({
    top: document.querySelector(`.news-card[aria-posinset="${position}"]`).getBoundingClientRect().top,
    y: window.scrollY,
  }), target.position);
  assert.ok(Math.abs(after.top - target.top) < 60, `the card is back where it was: ${target.top} → ${after.top}`);
  await page.context().close();
});

test('a failed page shows a retry that keeps the items already shown', async () => {
  const page = await openPage(browser);
  let fail = true;
  await page.route('**/api/news?*before=*', (route) => {
    if (fail) return route.abort('connectionrefused');
    return route.continue();
  });
  await openSeed(page);
  await page.mouse.wheel(0, 3000);
  const error = page.locator('.feed-error[role=alert]');
  await error.waitFor();
  const shown = await page.locator('.news-card').count();
  assert.ok(shown > 0);
  assert.match(await error.textContent(), /Не удалось загрузить новости/);
  fail = false;
  await error.getByRole('button', { name: 'Повторить' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.news-card').length > n, shown);
  assert.equal(await page.locator('.feed-error').count(), 0);
  await page.context().close();
});

test('"Показать ещё" loads the next page without scrolling, for keyboards', async () => {
  // Without IntersectionObserver the button is the only way on.
  const page = await openPage(browser);
  await page.addInitScript(() => { delete window.IntersectionObserver; });
  await openSeed(page);
  const before = await page.locator('.news-card').count();
  await page.getByRole('button', { name: 'Показать ещё' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.news-card').length > n, before);
  await page.context().close();
});

test('a short list ends with a clear line and a known size', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE}/tags/economy`);
  await page.locator('.news-card').first().waitFor();
  for (let i = 0; i < 30 && await page.locator('.feed-end').count() === 0; i++) {
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(50);
  }
  assert.equal(await page.locator('.feed-end').textContent(), 'Больше новостей нет');
  const total = await page.locator('.news-card').count();
  const sizes = await page.locator('.news-card').evaluateAll((cs) => [...new Set(cs.map((c) => c.getAttribute('aria-setsize')))]);
  assert.deepEqual(sizes, [String(total)]);
  await page.context().close();
});

test('Page Down and Page Up move focus between stories', async () => {
  const page = await openPage(browser);
  await openSeed(page);
  await page.locator('.news-card').first().focus();
  await page.keyboard.press('PageDown');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-posinset')), '2');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageUp');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-posinset')), '2');
  await page.context().close();
});
