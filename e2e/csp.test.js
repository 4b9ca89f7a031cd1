// The strict Content-Security-Policy `cargo xtask build` writes into
// index.html: every page state runs under it without a single violation, and
// the policy really blocks what it should (so these checks can fail).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, servePlainApp, scrollToNews } from './browser.js';

const SLUG = 'belgium-invest-kharkiv';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

function policyOf(page) {
  return page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
}

test('the policy is strict: no unsafe-inline, hashes for inline scripts, connect-src to the API only', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE}/news/${SLUG}`);
  const policy = await policyOf(page);
  assert.match(policy, /default-src 'self'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  assert.match(policy, /connect-src 'self';/);
  assert.match(policy, /object-src 'none'/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
  await page.context().close();
});

test('the article, its comments (post, reply, copy link) and the endless list run without a violation', async () => {
  const page = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(`${BASE}/news/${SLUG}`);
  await page.locator('h1').waitFor();
  await page.locator('.comments .composer').waitFor();
  await page.locator('#comment-author').fill('Политика');
  const mark = `${Date.now()}`;
  await page.locator('#comment-text').fill(`Комментарий ${mark} под строгой политикой https://example.org/`);
  await page.locator('#comment-text').press('Control+Enter');
  const posted = page.locator('.comment[id^="comment-"]', { hasText: `${mark} под строгой политикой` });
  await posted.waitFor();
  await posted.getByRole('button', { name: 'Ответить' }).click();
  await page.locator('#comment-text').fill(`Ответ ${mark} под политикой`);
  await page.getByRole('button', { name: 'Отправить' }).click();
  await page.locator('.replies .comment', { hasText: `Ответ ${mark} под политикой` }).waitFor();
  await page.getByRole('button', { name: /Скопировать ссылку/ }).click();
  await scrollToNews(page);
  await page.locator('.news-card').nth(19).scrollIntoViewIfNeeded();
  await page.locator('.news-card').nth(25).waitFor();
  // Client-side navigation to another article, then to a tag page.
  await page.locator('.news-card a').first().click();
  await page.locator('h1').waitFor();
  await page.locator('.tag-list a[rel=tag]').first().click();
  await page.locator('.news-card').first().waitFor();
  assert.deepEqual(page.cspViolations, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the front page, not-found, error and config-error states run without a violation', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE}/`);
  await page.locator('h1').waitFor();
  await page.goto(`${BASE}/news/no-such-article`);
  await page.locator('.not-found').waitFor();
  await page.goto(`${BASE}/tags/no-such-tag`);
  await page.locator('.not-found, .error-panel').first().waitFor();
  assert.deepEqual(page.cspViolations, []);

  // The API failing: the error panel with its retry.
  await page.route('**/api/articles/**', (route) => route.fulfill({ status: 503, body: 'down' }));
  await servePlainApp(page, BASE, `/news/${SLUG}`);
  await page.goto(`${BASE}/news/${SLUG}`);
  await page.locator('.error-panel').waitFor();
  await page.unroute('**/api/articles/**');
  await page.locator('.error-panel .retry').click();
  await page.locator('h1').waitFor();

  // A broken config.json: the publisher's message, not a blank page.
  await page.route('**/config.json', (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: '{"apiBase": "/api"}',
  }));
  await page.goto(`${BASE}/news/${SLUG}`);
  const alert = page.locator('.error-panel[role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Сайт настроен с ошибкой.*apiBase/s);
  assert.deepEqual(page.cspViolations, []);
  await page.context().close();
});

test('the policy blocks injected inline code and foreign connections, and the test sees it', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE}/news/${SLUG}`);
  await page.locator('h1').waitFor();
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<img src="/nothing.png" onerror="window.__ran = 1">');
    const s = document.createElement('script');
    s.textContent = 'window.__ran = 2';
    document.body.append(s);
    fetch('http://127.0.0.1:9/steal').catch(() => {});
  });
  await page.waitForFunction(() => true);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  const directives = page.cspViolations.map((v) => v.split(' ')[0]).sort();
  assert.deepEqual([...new Set(directives)], ['connect-src', 'script-src-attr', 'script-src-elem']);
  await page.context().close();
});
