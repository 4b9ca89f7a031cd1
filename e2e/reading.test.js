// The rest of what a reader of the seed page meets: the breadcrumb and tags,
// the comment count, moving between articles, the not-found page's way on,
// and a page that reads at 320 px and at 200% zoom without shifting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, scrollToNews } from './browser.js';

const SLUG = 'belgium-invest-kharkiv';
const TITLE = 'IT и производство велосипедов – Бельгия заинтересована инвестировать в Харьков';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function openSeed(options) {
  const page = await openPage(browser, options);
  await page.goto(`${BASE}/news/${SLUG}`);
  await page.locator('h1').waitFor();
  return page;
}

test('the breadcrumb leads to the rubric, whose page lists the article', async () => {
  const page = await openSeed();
  const crumbs = await page.locator('nav.breadcrumb a').evaluateAll((links) =>
    links.map((a) => [a.textContent, a.getAttribute('href')]));
  assert.deepEqual(crumbs, [['Главная', '/'], ['Экономика', '/tags/economy']]);
  const tags = await page.locator('.tag-list a[rel=tag]').allTextContents();
  assert.deepEqual(tags, ['Экономика', 'Харьков']);
  await page.locator('nav.breadcrumb a', { hasText: 'Экономика' }).click();
  await page.locator('h1', { hasText: 'Экономика' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/tags/economy');
  await page.locator(`.news-card a[href="/news/${SLUG}"]`).waitFor();
  assert.equal(await page.title(), 'Экономика — Харьковчанин');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the comment count is worded in Russian and jumps to the comments', async () => {
  const page = await openSeed();
  const link = page.locator('a.comment-count');
  const total = Number(await page.locator('.comments-total').textContent());
  const words = { one: 'комментарий', few: 'комментария', many: 'комментариев' };
  const form = new Intl.PluralRules('ru').select(total);
  assert.equal((await link.textContent()).trim(), `${total} ${words[form]}`);
  assert.equal(await link.getAttribute('href'), '#comments');
  await link.click();
  await page.waitForFunction(() => {
    const r = document.getElementById('comments').getBoundingClientRect();
    return r.top >= -1 && r.top < window.innerHeight;
  });
  await page.context().close();
});

test('opening another story moves to the top, focuses its headline and refreshes the list', async () => {
  const page = await openSeed();
  await scrollToNews(page);
  const first = page.locator('.news-card').first();
  await first.waitFor();
  const href = await first.locator('a').getAttribute('href');
  const title = await first.locator('.news-title').textContent();
  await first.locator('a').click();
  await page.locator('h1', { hasText: title }).waitFor();
  assert.equal(new URL(page.url()).pathname, href);
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  // The list under the new story leaves it out and lists the seed story instead.
  await page.locator(`.news-card a[href="/news/${SLUG}"]`).waitFor();
  assert.equal(await page.locator(`.news-card a[href="${href}"]`).count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the not-found page offers the freshest news', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE}/news/no-such-story`);
  await page.locator('h1', { hasText: 'Страница не найдена' }).waitFor();
  await page.locator('.fresh-news h2', { hasText: 'Свежие новости' }).waitFor();
  const links = await page.locator('.fresh-news .news-card a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.equal(links.length, 5);
  assert.equal(links[0], `/news/${SLUG}`);
  await page.context().close();
});

for (const [label, viewport] of [
  ['320 px wide', { width: 320, height: 640 }],
  // 200% zoom of a 1280 px window lays the page out in 640 CSS pixels.
  ['200% zoom', { width: 640, height: 400 }],
]) {
  test(`the article reads at ${label}: no sideways scrolling, readable text`, async () => {
    const page = await openSeed({ viewport });
    await scrollToNews(page);
    await page.locator('.news-card').first().waitFor();
    const { scrollWidth, clientWidth, bodySize, measure } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      bodySize: parseFloat(getComputedStyle(document.querySelector('.article-body p')).fontSize),
      measure: document.querySelector('.article-body').getBoundingClientRect().width,
    }));
    assert.ok(scrollWidth <= clientWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px window`);
    assert.ok(bodySize >= 16, `body text is ${bodySize}px`);
    assert.ok(measure <= viewport.width, `the text column fits: ${measure}px`);
    await page.context().close();
  });
}

test('the text column keeps a measure of about 60 to 75 characters on a wide screen', async () => {
  const page = await openSeed({ viewport: { width: 1400, height: 900 } });
  const chars = await page.evaluate(() => {
    const p = document.querySelector('.article-body p');
    const probe = document.createElement('span');
    probe.textContent = 'оооооооооо';
    p.appendChild(probe);
    const perChar = probe.getBoundingClientRect().width / 10;
    probe.remove();
    return p.getBoundingClientRect().width / perChar;
  });
  assert.ok(chars >= 55 && chars <= 80, `a line holds about ${Math.round(chars)} characters`);
  await page.context().close();
});

test('nothing on the article page shifts while it loads (layout shift 0)', async () => {
  const page = await openPage(browser);
  await page.addInitScript(() => {
    window.__cls = 0;
    window.__shifts = [];
    const describe = (node) => node && node.nodeType === 1
      ? `${node.tagName.toLowerCase()}${node.className ? '.' + String(node.className).split(' ').join('.') : ''}`
      : String(node && node.nodeName);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        window.__cls += entry.value;
        window.__shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${
          entry.sources.map((s) => `${describe(s.node)} ${JSON.stringify(s.previousRect)}→${JSON.stringify(s.currentRect)}`).join(', ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${BASE}/news/${SLUG}`);
  await page.locator('h1').waitFor();
  await page.locator('.comments .composer').waitFor();
  await page.locator('.comments .loading').waitFor({ state: 'detached' });
  // The news list loads its first page when the reader comes near it.
  await scrollToNews(page);
  await page.locator('.news-card').first().waitFor();
  await page.waitForTimeout(500);
  const { cls, shifts } = await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
  assert.equal(cls, 0, `layout shifts:\n${shifts.join('\n')}`);
  await page.context().close();
});

test('dark and light themes follow the system', async () => {
  const colors = {};
  for (const scheme of ['light', 'dark']) {
    const page = await openSeed({ colorScheme: scheme });
    colors[scheme] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.context().close();
  }
  assert.equal(colors.light, 'rgb(255, 255, 255)');
  assert.notEqual(colors.dark, colors.light);
});
