// axe-core's WCAG 2.2 AA rules on every state a reader (or a moderator) can
// meet: each state is brought about for real (a held or failed request, a
// reader's own post, a burst while they read further up), then axe runs on
// the page as it stands, in light and in dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, servePlainApp, scrollToNews } from './browser.js';
import { post } from './comments.js';
import { checked, expectNoViolations } from './axe.js';

const SLUG = 'belgium-invest-kharkiv';
const TOKEN = process.env.VESTNIK_MODERATOR_TOKEN;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  // The closing note lists these.
  console.log(`# axe checked ${checked.length} states: ${checked.map((c) => c.state).join('; ')}`);
});

/** A request that never gets an answer while the test looks. */
const hold = (page, pattern) => page.route(pattern, () => new Promise(() => {}));

/** A request the server answers with `status`. */
const fail = (page, pattern, status = 500) => page.route(pattern, (route) => route.fulfill({
  status, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'test' } }),
}));

async function comments(page) {
  await page.locator('.comments .composer').waitFor();
  await page.locator('.comments .loading').waitFor({ state: 'detached' });
}

for (const colorScheme of ['light', 'dark']) {
  test(`the article page, loaded, in ${colorScheme}: rendered by the server and by the app`, async () => {
    const page = await openPage(browser, { colorScheme });
    await page.goto(`${BASE}/news/${SLUG}`);
    await comments(page);
    await expectNoViolations(page, `article rendered (${colorScheme})`);
    await scrollToNews(page);
    await page.locator('.other-news .news-card').first().waitFor();
    await expectNoViolations(page, `article with comments and news (${colorScheme})`);
    await page.context().close();

    const app = await openPage(browser, { colorScheme });
    await servePlainApp(app, BASE, `/news/${SLUG}`);
    await app.goto(`${BASE}/news/${SLUG}`);
    await comments(app);
    await expectNoViolations(app, `article drawn by the app (${colorScheme})`);
    await app.context().close();
  });
}

test('loading, error, not found and config error pages', async () => {
  // Before the Wasm: the bootstrap's "Загрузка..." while the article is on its way.
  const booting = await openPage(browser);
  await servePlainApp(booting, BASE, `/news/${SLUG}`);
  await hold(booting, `**/api/articles/${SLUG}`);
  await booting.goto(`${BASE}/news/${SLUG}`);
  await booting.locator('#boot .loading').waitFor();
  await expectNoViolations(booting, 'page loading (before the app)');
  await booting.context().close();

  // In the app: the skeleton while the next story is on its way.
  const loading = await openPage(browser);
  await loading.goto(`${BASE}/news/${SLUG}`);
  await scrollToNews(loading);
  const link = loading.locator('.other-news .news-title a').first();
  const next = new URL(await link.getAttribute('href'), BASE).pathname.split('/').pop();
  await hold(loading, `**/api/articles/${next}`);
  await link.click();
  await loading.locator('.article-skeleton').waitFor();
  await expectNoViolations(loading, 'article loading (in the app)');
  const failed = await openPage(browser);
  await servePlainApp(failed, BASE, `/news/${SLUG}`);
  await fail(failed, `**/api/articles/${SLUG}`);
  await failed.goto(`${BASE}/news/${SLUG}`);
  await failed.locator('.error-panel').waitFor();
  await expectNoViolations(failed, 'article error');
  await failed.context().close();

  const missing = await openPage(browser);
  await missing.goto(`${BASE}/news/no-such-story`);
  await missing.locator('h1').waitFor();
  await expectNoViolations(missing, 'not found (rendered)');
  await servePlainApp(missing, BASE, '/news/no-such-story-either');
  await missing.goto(`${BASE}/news/no-such-story-either`);
  await missing.locator('.not-found, h1').first().waitFor();
  await expectNoViolations(missing, 'not found (app)');
  await missing.context().close();

  const config = await openPage(browser);
  await config.route('**/config.json', (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: '{"apiBase": "/api"}',
  }));
  await config.goto(`${BASE}/news/${SLUG}`);
  await config.locator('.error-panel[role=alert]').waitFor();
  await expectNoViolations(config, 'config error');
  await config.context().close();
  // Only the config error page was meant to fail a request of its own.
});

test('comments: empty, full, pending, failed, held back, and the composer with a validation error', async () => {
  const empty = await openPage(browser);
  await empty.goto(`${BASE}/news/news-0040`);
  await comments(empty);
  await empty.locator('.comments .no-comments, .comments-empty').first().waitFor();
  await expectNoViolations(empty, 'comments empty');
  await empty.locator('#comment-author').fill('Петя');
  await empty.getByRole('button', { name: 'Отправить' }).click();
  await empty.locator('#comment-text-problem').waitFor();
  await expectNoViolations(empty, 'composer with a validation error');

  await hold(empty, '**/api/articles/news-0040/comments');
  await empty.locator('#comment-text').fill('Жду ответа сервера');
  await empty.getByRole('button', { name: 'Отправить' }).click();
  await empty.locator('.pending').first().waitFor();
  await expectNoViolations(empty, 'comment pending');
  await empty.context().close();

  const failed = await openPage(browser);
  await failed.goto(`${BASE}/news/news-0041`);
  await comments(failed);
  await failed.route('**/api/articles/news-0041/comments', (route) => (
    route.request().method() === 'POST' ? route.abort('connectionrefused') : route.continue()
  ));
  await failed.locator('#comment-author').fill('Петя');
  await failed.locator('#comment-text').fill('Не дошло');
  await failed.getByRole('button', { name: 'Отправить' }).click();
  await failed.locator('.pending-status.failed').waitFor();
  await expectNoViolations(failed, 'comment failed');
  await failed.context().close();

  const slug = 'news-0042';
  for (let i = 0; i < 20; i++) await post(BASE, slug, { text: `Комментарий ${i}\nвторая строка` });
  const full = await openPage(browser, { viewport: { width: 800, height: 500 } });
  await full.goto(`${BASE}/news/${slug}`);
  await comments(full);
  await full.locator('.comment', { hasText: 'Комментарий 0' }).scrollIntoViewIfNeeded();
  await expectNoViolations(full, 'comments full');
  for (let i = 0; i < 2; i++) await post(BASE, slug, { text: `Новый ${i}` });
  await full.locator('button.new-comments').waitFor();
  await expectNoViolations(full, 'comments held back behind "N new"');
  await full.context().close();
});

test('the news list loading, failed and at its end, and a tag page', async () => {
  const article = await (await fetch(`${BASE}/api/articles/${SLUG}`)).json();
  const tag = article.tags[0].slug;

  const loading = await openPage(browser);
  await servePlainApp(loading, BASE, `/tags/${tag}`);
  await hold(loading, '**/api/news?*');
  await loading.goto(`${BASE}/tags/${tag}`);
  await loading.locator('.loading, .feed-loading').first().waitFor();
  await expectNoViolations(loading, 'news list loading');
  await loading.context().close();

  const failed = await openPage(browser);
  await servePlainApp(failed, BASE, `/tags/${tag}`);
  await fail(failed, '**/api/news?*');
  await failed.goto(`${BASE}/tags/${tag}`);
  await failed.locator('.error-panel, .feed-error').first().waitFor();
  await expectNoViolations(failed, 'news list error');
  await failed.context().close();

  const tagPage = await openPage(browser);
  await tagPage.goto(`${BASE}/tags/${tag}`);
  await tagPage.locator('.news-card').first().waitFor();
  await expectNoViolations(tagPage, 'tag page');
  // A tag's few stories end the list: scroll until it says so.
  await tagPage.locator('.news-card').last().scrollIntoViewIfNeeded();
  for (let i = 0; i < 20 && !(await tagPage.locator('.feed-end').count()); i++) {
    await tagPage.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await tagPage.waitForTimeout(200);
  }
  await tagPage.locator('.feed-end').waitFor();
  await expectNoViolations(tagPage, 'news list at its end');
  await tagPage.context().close();
});

test('the moderation desk: login, and the queue with its cards', async () => {
  assert.ok(TOKEN, 'cargo xtask test passes the moderator token');
  await post(BASE, 'news-0043', { text: 'Для очереди модератора' });
  const desk = await openPage(browser, { viewport: { width: 1024, height: 900 } });
  await desk.goto(`${BASE}/moderation/`);
  await desk.locator('#desk-token').waitFor();
  await expectNoViolations(desk, 'desk login');
  await desk.locator('#desk-token').fill(TOKEN);
  await desk.locator('.desk-login-form button[type="submit"]').click();
  await desk.locator('.desk-header').waitFor();
  await desk.locator('#desk-panel .desk-loading').waitFor({ state: 'detached' });
  await expectNoViolations(desk, 'desk queue');
  await desk.context().close();
});
