// The static-hosting recipe end to end: `dist/` served by nginx with
// deploy/nginx/vestnik.conf, the API on another origin (CORS for that origin
// only), pointed at by `cargo xtask configure` without a rebuild, and the
// whole page working under the strict CSP in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { launch, openPage } from './browser.js';
import { freePort, freshDatabase, startServer } from './server.js';

const SLUG = 'belgium-invest-kharkiv';
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

let browser, api, nginx, site, apiUrl, root;

/** Serves `root` with the recipe on `port`; resolves once nginx answers. */
async function startNginx(port) {
  const conf = mkdtempSync(join(tmpdir(), 'vestnik-nginx-'));
  const recipe = readFileSync('deploy/nginx/vestnik.conf', 'utf8')
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
    .replace('root /srv/vestnik/dist;', `root ${root};`);
  cpSync('deploy/nginx/vestnik-headers.conf', join(conf, 'vestnik-headers.conf'));
  writeFileSync(join(conf, 'vestnik.conf'), recipe);
  writeFileSync(join(conf, 'nginx.conf'), `
load_module ${BROTLI_MODULE};
worker_processes 1;
pid ${conf}/nginx.pid;
error_log ${conf}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${conf}/body;
  proxy_temp_path ${conf}/proxy;
  fastcgi_temp_path ${conf}/fastcgi;
  uwsgi_temp_path ${conf}/uwsgi;
  scgi_temp_path ${conf}/scgi;
  include ${conf}/vestnik.conf;
}`);
  const child = spawn(NGINX, ['-p', conf, '-c', join(conf, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/config.json`).then(() => true, () => false);
    if (up) return { child, stop: async () => { child.kill('SIGTERM'); await exited; } };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not start; see ${conf}/error.log`);
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
  nginx = await startNginx(sitePort);
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
  const wasm = /href="\/([^"]+_bg\.wasm)"/.exec(html)[1];

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
  await page.locator('h1').waitFor();
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

  await page.locator('#other-news-title').scrollIntoViewIfNeeded();
  await page.locator('.news-card').nth(19).scrollIntoViewIfNeeded();
  await page.locator('.news-card').nth(20).waitFor();
  for (const p of [page, other]) {
    assert.deepEqual(p.cspViolations, []);
    assert.deepEqual(p.problems, []);
    await p.context().close();
  }
});
