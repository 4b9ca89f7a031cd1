// Live comments under load: how long from a POST until the comment is in
// another reader's DOM, and how many open event streams one server holds.
// Usage (from `cargo xtask bench`): node bench/comments.mjs
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { launch, openPage } from '../e2e/browser.js';
import { freePort, freshDatabase, startServer } from '../e2e/server.js';
import { appendSection } from './report.mjs';

const POSTS = Number(process.env.BENCH_POSTS ?? 300);
const STREAMS = Number(process.env.BENCH_STREAMS ?? 5000);
const SLUG = 'belgium-invest-kharkiv';

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

const port = await freePort();
const server = await startServer({ port, database: freshDatabase(), args: ['--comment-burst', '1000000', '--demo-news', '10'] });
const browser = await launch();
try {
  // Latency: reader B has the article open; every POST is timed until B's DOM has it.
  const page = await openPage(browser);
  await page.goto(`${server.url}/news/${SLUG}`);
  await page.locator('.comments .composer').waitFor();
  await page.locator('.no-comments').waitFor();
  await page.evaluate(() => {
    window.__seen = new Map();
    new MutationObserver(() => {
      for (const c of document.querySelectorAll('.comment[id^="comment-"]')) {
        if (!window.__seen.has(c.id)) window.__seen.set(c.id, performance.timeOrigin + performance.now());
      }
    }).observe(document.querySelector('.comments'), { childList: true, subtree: true });
  });
  const latencies = [];
  for (let i = 0; i < POSTS; i++) {
    const sent = performance.timeOrigin + performance.now();
    const answer = await fetch(`${server.url}/api/articles/${SLUG}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ author: 'Бенчмарк', text: `Комментарий ${i}`, client_id: randomUUID() }),
    });
    const { id } = await answer.json();
    const shown = await page.waitForFunction((key) => window.__seen.get(key), `comment-${id}`, { polling: 'raf' });
    latencies.push((await shown.jsonValue()) - sent);
  }
  latencies.sort((a, b) => a - b);
  const fmt = (ms) => `${ms.toFixed(1)} ms`;
  const latencyFigure = `p50 ${fmt(percentile(latencies, 50))}, p99 ${fmt(percentile(latencies, 99))}, max ${fmt(latencies.at(-1))}`;
  console.log(`comments: POST to another page's DOM over ${POSTS} posts: ${latencyFigure}`);
  await page.context().close();

  // Open streams: plain HTTP clients holding the article's stream open.
  const pid = server.pid;
  const idle = rssMiB(pid);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const requests = [];
  let open = 0;
  await new Promise((resolve) => {
    for (let i = 0; i < STREAMS; i++) {
      const request = http.get(`${server.url}/api/articles/${SLUG}/comments/stream`, { agent }, (response) => {
        if (response.statusCode === 200) open++;
        response.once('data', () => {});
        if (open === STREAMS) resolve();
      });
      request.on('error', () => {});
      requests.push(request);
    }
    setTimeout(resolve, 60_000);
  });
  // Every open stream must still get a new comment: post one and count deliveries.
  let delivered = 0;
  for (const request of requests) {
    request.res?.on('data', (chunk) => { if (String(chunk).includes('event: comment\n')) delivered++; });
  }
  await fetch(`${server.url}/api/articles/${SLUG}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ author: 'Бенчмарк', text: 'всем', client_id: randomUUID() }),
  });
  await new Promise((r) => setTimeout(r, 5000));
  const loaded = rssMiB(pid);
  console.log(`comments: one server held ${open} open streams (a new comment reached ${delivered}); RSS ${idle.toFixed(1)} MiB idle, ${loaded.toFixed(1)} MiB with them (${(((loaded - idle) * 1024) / Math.max(open, 1)).toFixed(1)} KiB a stream)`);
  for (const request of requests) request.destroy();
  appendSection('Live comments (`bench/comments.mjs`)',
    'Latency is measured from just before the POST (Node) to the moment a MutationObserver in another ' +
    'reader\'s page sees the comment (same clock), posts one after another. The open streams are plain ' +
    'HTTP clients holding the seed article\'s event stream; the server is the build named above.',
    [
      [`POST → comment in another reader's DOM, ${POSTS} posts`, latencyFigure],
      [`open event streams held by one server (target ${STREAMS})`, `${open} open; one new comment reached ${delivered}`],
      ['server memory (RSS)', `${idle.toFixed(1)} MiB idle → ${loaded.toFixed(1)} MiB with the streams (≈ ${(((loaded - idle) * 1024) / Math.max(open, 1)).toFixed(1)} KiB a stream)`],
    ]);
} finally {
  await browser.close();
  await server.stop();
}
