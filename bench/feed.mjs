// The endless list under load: scroll until 10,000 items have been loaded and
// report DOM nodes, JS heap and frame times along the way.
// Usage (from `cargo xtask bench`): node bench/feed.mjs
import { launch, MEMORY_FLAGS, scrollToNews } from '../e2e/browser.js';
import { freePort, freshDatabase, startServer } from '../e2e/server.js';
import { appendSection } from './report.mjs';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const SLUG = 'belgium-invest-kharkiv';

const port = await freePort();
const server = await startServer({ port, database: freshDatabase(), args: ['--demo-news', String(ITEMS + 100)] });
const browser = await launch(MEMORY_FLAGS);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/news/${SLUG}`);
  await scrollToNews(page);
  await page.locator('.news-card').first().waitFor();
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => { window.__frames.push(now - last); last = now; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const sample = () => page.evaluate(() => {
    window.gc?.();
    const cards = document.querySelectorAll('.news-card');
    return {
      loaded: Math.max(0, ...[...cards].map((c) => Number(c.getAttribute('aria-posinset')))),
      cards: cards.length,
      nodes: document.getElementsByTagName('*').length,
      heap: performance.memory.usedJSHeapSize,
    };
  });
  const samples = [];
  let last = await sample();
  const started = Date.now();
  while (last.loaded < ITEMS && Date.now() - started < 15 * 60_000) {
    for (let i = 0; i < 10; i++) {
      await page.mouse.wheel(0, 1000);
      await page.waitForTimeout(16);
    }
    last = await sample();
    samples.push(last);
  }
  const frames = (await page.evaluate(() => window.__frames)).slice(1).sort((a, b) => a - b);
  const at = (p) => frames[Math.min(frames.length - 1, Math.floor((p / 100) * frames.length))].toFixed(1);
  const mib = (b) => (b / 1024 / 1024).toFixed(1);
  const early = samples.find((s) => s.loaded >= 1000) ?? samples[0];
  const maxCards = Math.max(...samples.map((s) => s.cards));
  const maxNodes = Math.max(...samples.map((s) => s.nodes));
  console.log(`feed: scrolled ${last.loaded} items in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`feed: DOM at 1,000 items: ${early.nodes} elements (${early.cards} cards); at ${last.loaded}: ${last.nodes} elements (${last.cards} cards); max ${maxNodes} elements, ${maxCards} cards`);
  console.log(`feed: JS heap at 1,000 items ${mib(early.heap)} MiB, at ${last.loaded} ${mib(last.heap)} MiB`);
  console.log(`feed: frame times over ${frames.length} frames: p50 ${at(50)} ms, p95 ${at(95)} ms, p99 ${at(99)} ms; frames over 50 ms: ${frames.filter((f) => f > 50).length}`);
  appendSection('Endless news list (`bench/feed.mjs`)',
    `Scrolling the list under the seed article with the mouse wheel until ${last.loaded} items have been loaded, 1280×900 window. ` +
    'The JS heap (`performance.memory` after `gc()`) does not include the Wasm linear memory, where the loaded items live.',
    [
      [`time to scroll ${last.loaded} items`, `${((Date.now() - started) / 1000).toFixed(0)} s`],
      ['news cards in the DOM', `${early.cards} at 1,000 items, ${last.cards} at ${last.loaded}, at most ${maxCards}`],
      ['DOM elements', `${early.nodes} at 1,000 items, ${last.nodes} at ${last.loaded}, at most ${maxNodes}`],
      ['JS heap', `${mib(early.heap)} MiB at 1,000 items, ${mib(last.heap)} MiB at ${last.loaded}`],
      [`frame times while scrolling (${frames.length} frames)`, `p50 ${at(50)} ms, p95 ${at(95)} ms, p99 ${at(99)} ms; ${frames.filter((f) => f > 50).length} frames over 50 ms`],
    ]);
} finally {
  await browser.close();
  await server.stop();
}
