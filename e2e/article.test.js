// The seed article, as a reader opens it: served by the real server from the
// release build, with the server's own SQLite database and demo content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, servePlainApp } from './browser.js';

const SLUG = 'belgium-invest-kharkiv';
const TITLE = 'IT и производство велосипедов – Бельгия заинтересована инвестировать в Харьков';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the seed article shows its title, body, quote, source, time and views', async () => {
  const page = await openPage(browser);
  // Hold this visit's view count back so the article's own number can be
  // checked first; once released, the page shows the server's new total.
  let releaseCount;
  const countHeld = new Promise((resolve) => { releaseCount = resolve; });
  await page.route(`**/api/articles/${SLUG}/views`, async (route) => {
    await countHeld;
    await route.continue();
  });
  // The seed's 293, plus the visits of the suites that ran before this one.
  const { views } = await (await fetch(`${BASE}/api/articles/${SLUG}`)).json();
  assert.ok(views >= 293, `the seed's count is kept: ${views}`);
  await page.goto(`${BASE}/news/${SLUG}`);
  const h1 = page.locator('h1');
  await h1.waitFor();
  assert.equal(await h1.textContent(), TITLE);

  const paragraphs = await page.locator('.article-body > p').allTextContents();
  assert.ok(
    paragraphs.includes('Встреча прошла в Харьковском городском совете. Игорь Терехов рассказал послу о городе Харькове, о его промышленном и научном потенциале.'),
    `a fixture paragraph is on the page: ${JSON.stringify(paragraphs.slice(0, 3))}`,
  );

  const quotes = page.locator('figure.quote');
  assert.equal(await quotes.count(), 2);
  assert.match(await quotes.nth(0).locator('blockquote').textContent(), /^Вы говорили о потенциале города Харькова/);
  assert.equal(await quotes.nth(0).locator('cite').textContent(), 'Алекс Ленартс');
  assert.equal(await quotes.nth(1).locator('cite').textContent(), 'Игорь Терехов');

  assert.equal((await page.locator('.source-line').textContent()).trim(), 'Источник: Харьковский горсовет');

  const time = page.locator('time.published');
  const datetime = await time.getAttribute('datetime');
  assert.ok(!Number.isNaN(Date.parse(datetime)), `datetime ${datetime} is an instant`);
  // Seeded at the latest 02:47 Kyiv time: "02:47" today (with the date only
  // if the test runs between midnight and 02:47 in Kyiv).
  assert.match(await time.textContent(), /02:47$/);
  const kyivClock = new Intl.DateTimeFormat('ru', {
    timeZone: 'Europe/Kyiv', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(new Date(datetime));
  assert.equal(kyivClock, '02:47', 'the instant is 02:47 in Kyiv');

  assert.equal(await page.locator('.views-count').textContent(), String(views));
  releaseCount();
  await page.locator('.views-count', { hasText: String(views + 1) }).waitFor();
  assert.equal(await page.title(), `${TITLE} — Харьковчанин`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the front page shows the newest article, the seed article', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE}/`);
  await page.locator('h1').waitFor();
  assert.equal(await page.locator('h1').textContent(), TITLE);
  assert.equal(await page.locator('.site-name').first().textContent(), 'Харьковчанин');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('before the Wasm arrives a rendered page is the article; a plain index.html paints the headline and lead', async () => {
  for (const plain of [false, true]) {
    const page = await openPage(browser);
    if (plain) await servePlainApp(page, BASE, `/news/${SLUG}`);
    // Hold the Wasm back: what the reader sees then is the HTML alone.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(`${BASE}/news/${SLUG}`, { waitUntil: 'domcontentloaded' });
    if (plain) {
      // The page's bootstrap paints the headline and the first paragraph from
      // its early request, while the Wasm is still held back.
      await page.locator('#boot h1', { hasText: TITLE }).waitFor();
      assert.match(await page.locator('#boot .article-body p').first().textContent(), /^Секретарь Харьковского городского совета/);
      assert.equal(await page.locator('#boot .loading').count(), 0);
    } else {
      assert.equal(await page.locator('#boot h1').textContent(), TITLE);
      assert.ok(await page.locator('#boot .article-body p').count() > 2);
    }
    // The rendered headline is the one the reader keeps: the app takes the
    // page over without building it again.
    if (!plain) await page.locator('h1').evaluate((h1) => { h1.dataset.painted = 'server'; });
    release();
    await page.locator('.comments .composer').waitFor();
    if (plain) {
      assert.equal(await page.locator('#boot').count(), 0, 'the boot shell is gone once the app runs');
    } else {
      assert.equal(await page.locator('h1').getAttribute('data-painted'), 'server', 'the rendered article was kept');
    }
    // The boot skeleton's "Загрузка..." is gone (the comments may still say it).
    assert.equal(await page.locator('#boot main > p.loading').count(), 0);
    assert.equal(await page.locator('h1').count(), 1);
    await page.context().close();
  }
});

test('an unknown slug gives a real not-found page', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE}/news/no-such-article`);
  const h1 = page.locator('h1');
  await h1.waitFor();
  assert.equal(await h1.textContent(), 'Страница не найдена');
  assert.equal(await page.locator('a[href="/"]', { hasText: 'К свежим новостям' }).count(), 1);
  assert.equal(await page.locator('meta[name="robots"]').getAttribute('content'), 'noindex');
  await page.context().close();
});

test('a network failure shows an error with a retry that then loads the article', async () => {
  const page = await openPage(browser);
  // Two: index.html's early request, then the app's own, which it makes once
  // when the early one failed.
  let failures = 2;
  await page.route(`**/api/articles/${SLUG}`, (route) => {
    if (failures-- > 0) return route.abort('connectionrefused');
    return route.continue();
  });
  // The app's own request is what fails: the server's page would carry the article.
  await servePlainApp(page, BASE, `/news/${SLUG}`);
  await page.goto(`${BASE}/news/${SLUG}`);
  const panel = page.locator('.error-panel[role=alert]');
  await panel.waitFor();
  assert.match(await panel.textContent(), /Нет связи с сервером/);
  await page.getByRole('button', { name: 'Повторить' }).click();
  await page.locator('h1').waitFor();
  assert.equal(await page.locator('h1').textContent(), TITLE);
  await page.context().close();
});

test('a malformed answer is a message, not a crash', async () => {
  const page = await openPage(browser);
  await page.route(`**/api/articles/${SLUG}`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"slug": 5, "title": ' }),
  );
  await servePlainApp(page, BASE, `/news/${SLUG}`);
  await page.goto(`${BASE}/news/${SLUG}`);
  await page.locator('.error-panel').waitFor();
  assert.match(await page.locator('.error-panel').textContent(), /повреждённые данные/);
  assert.equal(await page.locator('#panic-banner').count(), 0);
  assert.deepEqual(page.problems.filter((p) => p.startsWith('pageerror')), []);
  await page.context().close();
});

test('a first visit adds exactly one view and a reload adds none', async () => {
  const context = await browser.newContext({ locale: 'ru-RU' });
  const viewsOnServer = async () =>
    (await (await fetch(`${BASE}/api/articles/${SLUG}`)).json()).views;
  const before = await viewsOnServer();
  const page = await context.newPage();
  const counted = page.waitForResponse((r) => r.url().endsWith(`/api/articles/${SLUG}/views`));
  await page.goto(`${BASE}/news/${SLUG}`);
  await counted;
  // The number on screen becomes the server's new total.
  await page.waitForFunction(
    (n) => document.querySelector('.views-count')?.textContent === String(n),
    before + 1,
  );
  assert.equal(await viewsOnServer(), before + 1);

  const recounted = page.waitForResponse((r) => r.url().endsWith(`/api/articles/${SLUG}/views`));
  await page.reload();
  const answer = await (await recounted).json();
  assert.deepEqual(answer, { views: before + 1, counted: false });
  assert.equal(await page.locator('.views-count').textContent(), String(before + 1));
  assert.equal(await viewsOnServer(), before + 1);
  await context.close();
});

test('head tags describe the article for search engines and link previews', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE}/news/${SLUG}`);
  await page.locator('h1').waitFor();
  const content = (selector) => page.locator(selector).last().getAttribute('content');
  assert.match(await content('meta[name="description"]'), /^Секретарь Харьковского городского совета/);
  assert.equal(await content('meta[property="og:title"]'), TITLE);
  assert.equal(await content('meta[property="og:url"]'), `${BASE}/news/${SLUG}`);
  assert.equal(await page.locator('link[rel="canonical"]').last().getAttribute('href'), `${BASE}/news/${SLUG}`);
  const published = await content('meta[property="article:published_time"]');
  assert.equal(published, await page.locator('time.published').getAttribute('datetime').then((d) => new Date(d).toISOString().replace('.000Z', 'Z')));
  const ld = JSON.parse(await page.locator('script[type="application/ld+json"]').last().textContent());
  assert.equal(ld['@type'], 'NewsArticle');
  assert.equal(ld.headline, TITLE);
  assert.equal(ld.publisher.name, 'Харьковчанин');
  await page.context().close();
});

test('the Telegram invitation and the share bar are there', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE}/news/${SLUG}`);
  await page.locator('h1').waitFor();
  const cta = page.locator('.telegram-cta');
  assert.match(await cta.textContent(), /^Сейчас все самое оперативное в нашем Telegram-канале/);
  assert.equal(await cta.locator('a').getAttribute('href'), 'https://t.me/vestnik_demo');
  const share = await page.locator('.share-bar a').evaluateAll((links) => links.map((a) => a.textContent));
  assert.deepEqual(share, ['Telegram', 'Viber', 'Facebook', 'X']);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Скопировать ссылку' }).click();
  await page.locator('.share-status', { hasText: 'Ссылка скопирована' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${BASE}/news/${SLUG}`);
  await page.context().close();
});
