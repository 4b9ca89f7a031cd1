// The moderation desk under a stream of new comments: how long from a
// comment's POST (through the API) until it is in the open desk's pending
// queue, in Chromium. Every post is held (--moderation-mode pre), so each
// one travels POST → desk event → the desk's reducer → its DOM.
// Usage (from `cargo xtask bench`): node bench/desk-latency.mjs
import { randomUUID } from 'node:crypto';
import { launch, openPage } from '../e2e/browser.js';
import { freePort, freshDatabase, startServer } from '../e2e/server.js';
import { appendSection } from './report.mjs';

const POSTS = Number(process.env.BENCH_POSTS ?? 100);
const SLUG = 'belgium-invest-kharkiv';
const TOKEN = 'bench-desk-token-0123456789abcdef';

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const port = await freePort();
const server = await startServer({
  port,
  database: freshDatabase(),
  args: [
    '--comment-burst', '1000000',
    '--demo-news', '10',
    '--moderation-mode', 'pre',
    '--moderator-token', TOKEN,
  ],
});
const browser = await launch();
try {
  const page = await openPage(browser);
  await page.goto(`${server.url}/moderation/`);
  await page.locator('#desk-token').fill(TOKEN);
  await page.locator('.desk-login-form button[type="submit"]').click();
  await page.locator('.desk-connection.desk-live').waitFor();
  await page.locator('#desk-panel .desk-empty').waitFor();
  await page.evaluate(() => {
    window.__seen = new Map();
    new MutationObserver(() => {
      for (const item of document.querySelectorAll('.desk-item[id^="desk-item-"]')) {
        if (!window.__seen.has(item.id)) window.__seen.set(item.id, performance.timeOrigin + performance.now());
      }
    }).observe(document.getElementById('desk-panel'), { childList: true, subtree: true });
  });
  const latencies = [];
  for (let i = 0; i < POSTS; i++) {
    const sent = performance.timeOrigin + performance.now();
    const answer = await fetch(`${server.url}/api/articles/${SLUG}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ author: 'Бенчмарк', text: `Комментарий на проверку ${i}`, client_id: randomUUID() }),
    });
    if (answer.status !== 201) throw new Error(`post ${i} answered ${answer.status}`);
    const { id } = await answer.json();
    const shown = await page.waitForFunction((key) => window.__seen.get(key), `desk-item-${id}`, { polling: 'raf' });
    latencies.push((await shown.jsonValue()) - sent);
  }
  const items = await page.locator('#desk-panel .desk-item').count();
  if (items !== POSTS) throw new Error(`the desk shows ${items} items of ${POSTS}`);
  if (page.problems.length) throw new Error(`the desk logged: ${page.problems.join('; ')}`);
  latencies.sort((a, b) => a - b);
  const fmt = (ms) => `${ms.toFixed(1)} ms`;
  const figure = `p50 ${fmt(percentile(latencies, 50))}, p95 ${fmt(percentile(latencies, 95))}, max ${fmt(latencies.at(-1))}`;
  console.log(`desk: POST to the desk's pending queue over ${POSTS} posts: ${figure}`);
  appendSection(
    'Moderation desk: a new comment reaches the desk',
    `\`bench/desk-latency.mjs\`: the desk (\`/moderation/\`) open in Chromium on its pending queue, ` +
      `logged in; ${POSTS} comments POSTed one after another through the API to a server in ` +
      `pre-moderation, each timed from the POST until its item is in the desk's DOM ` +
      `(a MutationObserver), so the queue grows to ${POSTS} items while it is measured.`,
    [
      ['POST to the desk\'s DOM, p50', fmt(percentile(latencies, 50))],
      ['p95', fmt(percentile(latencies, 95))],
      ['max', fmt(latencies.at(-1))],
      ['posts', POSTS],
    ],
  );
  await page.context().close();
} finally {
  await browser.close();
  await server.stop();
}
