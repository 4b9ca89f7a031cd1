// The static-hosting recipe end to end: `dist/` served by nginx with
// deploy/nginx/vestnik.conf, the API on another origin (CORS for that origin
// only), pointed at by `cargo xtask configure` without a rebuild, and the
// whole page working under the strict CSP in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { launch, openPage, scrollToNews } from './browser.js';
import { NGINX, startNginx } from './nginx.js';
import { freePort, freshDatabase, startServer } from './server.js';

const SLUG = 'belgium-invest-kharkiv';

let browser, api, nginx, site, apiUrl, root;

/** Serves `root` with the static recipe on `port`. */
function startStaticNginx(port) {
  return startNginx({
    recipe: 'vestnik.conf',
    port,
    probe: '/config.json',
    replace: [['listen 8080;', `listen 127.0.0.1:${port};`], ['root /srv/vestnik/dist;', `root ${root};`]],
  });
}

/** A raw GET (fetch would decompress and hide Content-Encoding). */
function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(`${site}${path}`, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

before(async () => {
  assert.ok(existsSync(NGINX), 'nginx is missing: `cargo xtask setup` installs it');
  const [sitePort, apiPort] = [await freePort(), await freePort()];
  site = `http://127.0.0.1:${sitePort}`;
  apiUrl = `http://127.0.0.1:${apiPort}`;
  // A copy of the build, pointed at the other origin the way a publisher would.
  root = mkdtempSync(join(tmpdir(), 'vestnik-dist-'));
  chmodSync(root, 0o755);
  cpSync(process.env.VESTNIK_DIST, root, { recursive: true });
  execFileSync(process.env.VESTNIK_XTASK_BIN, ['configure', '--dist', root, '--api-base', `${apiUrl}/api`], { stdio: 'inherit' });
  api = await startServer({
    port: apiPort, database: freshDatabase(), staticDir: null,
    args: ['--demo-news', '60', '--cors-origin', site, '--comment-burst', '1000'],
  });
  nginx = await startStaticNginx(sitePort);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await nginx?.stop();
  await api?.stop();
});

test('nginx: SPA fallback, no-cache HTML, immutable hashed assets, pre-compressed bodies', async () => {
  const route = await get(`/news/${SLUG}`);
  assert.equal(route.status, 200);
  assert.match(route.headers['content-type'], /text\/html/);
  assert.equal(route.headers['cache-control'], 'no-cache');
  assert.equal(route.headers['x-content-type-options'], 'nosniff');
  const html = route.body.toString();
  const wasm = /["'\/]([^"'\/]+_bg\.wasm)["']/.exec(html)[1];

  const br = await get(`/${wasm}`, { 'Accept-Encoding': 'br, gzip' });
  assert.equal(br.status, 200);
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers['content-type'], 'application/wasm');
  assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(br.body.length, readFileSync(join(root, `${wasm}.br`)).length);
  const gz = await get(`/${wasm}`, { 'Accept-Encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.match(gz.headers.vary ?? '', /Accept-Encoding/i);

  const config = await get('/config.json');
  assert.equal(config.headers['cache-control'], 'no-cache');
  assert.equal(JSON.parse(config.body).api_base, `${apiUrl}/api`);
  // A missing asset is a 404, never index.html under a .wasm name.
  assert.equal((await get('/vestnik-0000000000000000_bg.wasm')).status, 404);
});

test('the API answers CORS for the configured site only', async () => {
  const allowed = await fetch(`${apiUrl}/api/site`, { headers: { Origin: site } });
  assert.equal(allowed.headers.get('access-control-allow-origin'), site);
  const other = await fetch(`${apiUrl}/api/site`, { headers: { Origin: 'https://evil.example' } });
  assert.equal(other.headers.get('access-control-allow-origin'), null);
});

test('the page from nginx reads, comments live and scrolls against the other origin under the CSP', async () => {
  const page = await openPage(browser);
  const apiRequests = [];
  page.on('request', (r) => { if (r.url().startsWith(apiUrl)) apiRequests.push(r.url()); });
  // As on a phone's network, the Wasm takes a while: on loopback it can
  // arrive before config.json's round trip, and the early fetch would prove nothing.
  await page.route('**/*.wasm', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  await page.goto(`${site}/news/${SLUG}`);
  // The app's article (the bootstrap paints a bare headline before it).
  await page.locator('.article-header .meta-line').waitFor();
  assert.match(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
    new RegExp(`connect-src 'self' ${apiUrl};`));
  assert.ok(apiRequests.some((u) => u.endsWith(`/api/articles/${SLUG}`)), 'the article came from the API origin');

  // The article request started before the Wasm had arrived (the early fetch).
  const timing = await page.evaluate((slug) => {
    const entries = performance.getEntriesByType('resource');
    const article = entries.find((e) => e.name.endsWith(`/api/articles/${slug}`));
    const wasm = entries.find((e) => e.name.endsWith('.wasm'));
    return { articleStart: article.startTime, wasmEnd: wasm.responseEnd };
  }, SLUG);
  assert.ok(timing.articleStart < timing.wasmEnd, `article requested at ${timing.articleStart} ms, Wasm done at ${timing.wasmEnd} ms`);
  assert.equal(apiRequests.filter((u) => u.endsWith(`/api/articles/${SLUG}`)).length, 1, 'the article was fetched once');

  // A second reader sees a comment live over the cross-origin stream.
  const other = await openPage(browser);
  await other.goto(`${site}/news/${SLUG}`);
  await other.locator('.comments .composer').waitFor();
  await page.locator('.comments .composer').waitFor();
  await page.locator('#comment-author').fill('Через nginx');
  await page.locator('#comment-text').fill('Комментарий с другого источника');
  await page.locator('#comment-text').press('Control+Enter');
  await other.locator('.comment[id^="comment-"]', { hasText: 'Комментарий с другого источника' }).waitFor();

  await scrollToNews(page);
  await page.locator('.news-card').nth(19).scrollIntoViewIfNeeded();
  await page.locator('.news-card').nth(20).waitFor();
  for (const p of [page, other]) {
    assert.deepEqual(p.cspViolations, []);
    assert.deepEqual(p.problems, []);
    await p.context().close();
  }
});
