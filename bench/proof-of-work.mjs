// What the proof of work costs a reader: the app's own solver (Web Crypto
// digests from the Wasm, in batches of 500) timed in Chromium, at the
// server's default price, on a fast machine and with the CPU slowed 4x as
// Lighthouse does for a phone. Each sample is a fresh reader on a network of
// its own (the server trusts the loopback proxy and each page sends its own
// X-Forwarded-For), so every challenge has the base price.
//
// A sample: the reader writes and sends at once, before the proof the page
// starts solving when the composer gets focus is ready, so the post waits
// for it; the time from that challenge's answer to the post leaving the
// page is the solve (the challenge is recognised by its salt, which the
// post carries back).
// Usage (from `cargo xtask bench`): node bench/proof-of-work.mjs
// Env: VESTNIK_SERVER_BIN, VESTNIK_DIST, CHROMIUM, BENCH_POW_SAMPLES (default 25),
// VESTNIK_BENCH_REPORT.
import { launch, openPage } from '../e2e/browser.js';
import { freePort, freshDatabase, startServer } from '../e2e/server.js';
import { appendSection } from './report.mjs';

const SAMPLES = Number(process.env.BENCH_POW_SAMPLES ?? 25);
const SLUG = 'belgium-invest-kharkiv';

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function sample(browser, url, n, throttle) {
  const page = await openPage(browser);
  // A network of its own (a /24 each), so no sample pays for another's posts.
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': `10.${throttle}.${n % 250}.${Math.floor(n / 250) + 1}` });
  if (throttle > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  const prices = new Map();
  page.on('response', async (response) => {
    if (!response.url().includes('/api/comments/challenge')) return;
    const body = await response.json().catch(() => null);
    if (body) prices.set(body.salt, body.maxnumber);
  });
  let salt;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(`/api/articles/${SLUG}/comments`)) {
      salt = JSON.parse(request.postData()).proof?.salt;
    }
  });
  await page.goto(`${url}/news/${SLUG}`);
  // The comments of a rendered page mount when the reader comes near them.
  await page.evaluate(() => document.getElementById('comments')?.scrollIntoView());
  await page.locator('#comment-text').waitFor({ timeout: 60_000 });
  await page.locator('#comment-author').fill('Читатель');
  await page.locator('#comment-text').fill(`Замер номер ${n}`);
  await page.locator('#comment-text').press('Control+Enter');
  await page.locator('.comment[id^="comment-"]', { hasText: `Замер номер ${n}` }).waitFor({ timeout: 120_000 });
  // The page's own clock: from the challenge's last byte to the post's start.
  const timing = await page.evaluate((slug) => {
    const entries = performance.getEntriesByType('resource');
    const challenges = entries.filter((e) => e.name.includes('/api/comments/challenge'));
    const post = entries.find((e) => e.name.endsWith(`/api/articles/${slug}/comments`));
    // The one before the post is the post's; the page asks for the next one after it.
    const before = challenges.filter((c) => post && c.responseEnd < post.startTime);
    return { challenges: before.map((c) => c.responseEnd), post: post?.startTime };
  }, SLUG);
  await page.context().close();
  if (!salt || !prices.has(salt) || timing.challenges.length !== 1 || timing.post === undefined) {
    throw new Error(`sample ${n}: expected one challenge solved for the post: ${JSON.stringify(timing)}`);
  }
  return { ms: Math.round(timing.post - timing.challenges[0]), maxnumber: prices.get(salt) };
}

const server = await startServer({
  port: await freePort(),
  database: freshDatabase(),
  proofOfWork: true,
  args: ['--trusted-proxy', '127.0.0.1', '--comment-burst', '100000', '--demo-news', '20'],
});
const browser = await launch();
try {
  const rows = [];
  for (const throttle of [1, 4]) {
    const times = [];
    let maxnumber = 0;
    for (let n = 0; n < SAMPLES; n++) {
      const { ms, maxnumber: price } = await sample(browser, server.url, throttle * 1000 + n, throttle);
      times.push(ms);
      maxnumber = price;
    }
    const label = throttle === 1 ? 'this machine' : 'CPU slowed 4×';
    const line = `median ${quantile(times, 0.5)} ms, p90 ${quantile(times, 0.9)} ms, max ${Math.max(...times)} ms`;
    console.log(`proof of work (${label}, secret number ≤ ${maxnumber}, ${SAMPLES} readers): ${line}`);
    rows.push([`solve time, ${label} (${SAMPLES} readers)`, line]);
    rows.push(['secret number at most (the default `--proof-of-work-base`)', maxnumber]);
  }
  appendSection(
    'The proof of work in the reader\'s browser (`bench/proof-of-work.mjs`)',
    'The app\'s own solver in Chromium: each sample is a fresh reader who sends at once, so the ' +
      'post waits for the proof the page began to solve when the composer got focus (normally ' +
      'it is solved while the reader types, and sending waits for nothing). Time from the challenge\'s answer to the post leaving the ' +
      'page. The expected work is half the secret number\'s ceiling in SHA-256 digests.',
    rows,
  );
} finally {
  await browser.close();
  await server.stop();
}
