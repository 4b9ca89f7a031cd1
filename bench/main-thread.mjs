// The main thread while the seed article loads on a slow phone: Chromium
// with a 4x CPU slowdown and a slow 4G network (150 ms, 1.6 Mbit/s down), as
// Lighthouse's mobile preset models it. Prints every long task (over 50 ms),
// the longest, and the total blocking time (the part of each long task over
// 50 ms, from the first paint until the page has had 5 s without one).
// Usage: node bench/main-thread.mjs [URL]. With TRACE=file.json it also
// writes a Chromium performance trace of the last run.
import { writeFileSync } from 'node:fs';
import { launch, openPage } from '../e2e/browser.js';
import { freePort, freshDatabase, startServer } from '../e2e/server.js';
import { appendSection } from './report.mjs';

const SLUG = 'belgium-invest-kharkiv';
const RUNS = Number(process.env.RUNS ?? 3);
const QUIET_MS = 5_000;

let server;
let url = process.argv[2];
if (!url) {
  server = await startServer({ port: await freePort(), database: freshDatabase(), args: ['--demo-news', '300'] });
  url = `${server.url}/news/${SLUG}`;
}

/** One cold load: long tasks and paints as the page saw them. */
async function load(browser, trace) {
  const page = await openPage(browser, { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  await page.addInitScript(() => {
    window.__tasks = [];
    window.__fcp = null;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') window.__fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
    window.__lcp = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const el = e.element;
        const name = el ? `${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}` : '(removed)';
        window.__lcp.push({ time: e.startTime, size: e.size, name });
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  if (trace) await browser.startTracing(page, { path: trace, categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'] });
  await page.goto(url, { waitUntil: 'load' });
  // Until the page has been quiet for 5 s (Lighthouse's time to interactive).
  for (;;) {
    const { tasks, now } = await page.evaluate(() => ({ tasks: window.__tasks, now: performance.now() }));
    const lastEnd = Math.max(0, ...tasks.map((t) => t.start + t.duration));
    if (now - lastEnd > QUIET_MS) break;
    await page.waitForTimeout(500);
  }
  if (trace) await browser.stopTracing();
  const result = await page.evaluate(() => ({
    tasks: window.__tasks,
    fcp: window.__fcp,
    lcp: window.__lcp,
    composer: Boolean(document.querySelector('.comments .composer')),
  }));
  await page.context().close();
  const blocking = result.tasks
    .filter((t) => t.start + t.duration > (result.fcp ?? 0))
    .reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
  const longest = Math.max(0, ...result.tasks.map((t) => t.duration));
  return { ...result, blocking, longest };
}

const browser = await launch();
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const run = await load(browser, i === RUNS - 1 ? process.env.TRACE : undefined);
    runs.push(run);
    const tasks = run.tasks.map((t) => `${Math.round(t.duration)} ms at ${Math.round(t.start)}`).join(', ') || 'none';
    const lcp = run.lcp.map((e) => `${e.name} (${e.size} px²) at ${Math.round(e.time)} ms`).join(' → ');
    console.log(`main thread, run ${i + 1}: first paint ${Math.round(run.fcp)} ms; largest paint: ${lcp}; long tasks: ${tasks}; longest ${Math.round(run.longest)} ms; total blocking ${Math.round(run.blocking)} ms; comments live: ${run.composer}`);
  }
} finally {
  await browser.close();
  await server?.stop();
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const longest = median(runs.map((r) => r.longest));
const blocking = median(runs.map((r) => r.blocking));
console.log(`main thread: median of ${RUNS}: longest task ${Math.round(longest)} ms, total blocking time ${Math.round(blocking)} ms`);
appendSection('The main thread on a slow phone (`bench/main-thread.mjs`)',
  `Cold loads of \`/news/${SLUG}\` rendered by \`vestnik-server --static-dir dist\`, in Chromium at 412×823 with a 4× CPU slowdown and a slow 4G network (150 ms, 1.6 Mbit/s) applied by DevTools, ${RUNS} runs; long tasks as the page's own \`longtask\` observer saw them until it had been quiet for 5 s. Total blocking time counts the part of each long task over 50 ms after the first paint.`,
  [
    ['longest task (median)', `${Math.round(longest)} ms`],
    ['total blocking time (median)', `${Math.round(blocking)} ms`],
    ['long tasks in each run', runs.map((r) => r.tasks.map((t) => Math.round(t.duration)).join(' + ') || 'none').join('; ')],
  ]);
