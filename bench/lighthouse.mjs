// Lighthouse 12.2.3 on the seed article, mobile and desktop presets, with Debian's Chromium.
// Usage: node bench/lighthouse.mjs [URL]
// Without a URL it starts VESTNIK_SERVER_BIN serving VESTNIK_DIST (the
// release build) on a fresh database. Each preset runs RUNS times (default 3)
// and the run with the median performance score is reported, because one
// run on a shared 2-core machine can be off by several points.
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { freePort, freshDatabase, startServer } from '../e2e/server.js';
import { appendSection } from './report.mjs';

const SLUG = 'belgium-invest-kharkiv';
const RUNS = Number(process.env.RUNS ?? 3);
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

let server;
let url = process.argv[2];
if (!url) {
  server = await startServer({ port: await freePort(), database: freshDatabase(), args: ['--demo-news', '300'] });
  url = `${server.url}/news/${SLUG}`;
}

async function audit(preset) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic',
    ],
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

const score = (lhr, id) => Math.round(lhr.categories[id].score * 100);
const rows = [];
try {
  for (const preset of (process.env.PRESETS ?? 'mobile,desktop').split(',')) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await audit(preset));
    runs.sort((a, b) => score(a, 'performance') - score(b, 'performance'));
    const lhr = runs[Math.floor(runs.length / 2)];
    const all = runs.map((r) => score(r, 'performance')).join(', ');
    const scores = Object.keys(lhr.categories).map((id) => `${id} ${score(lhr, id)}`).join(', ');
    const metrics = METRICS.map((id) => `${id.replace(/-/g, ' ')} ${lhr.audits[id].displayValue}`).join(', ');
    console.log(`lighthouse ${preset}: ${scores} (performance over ${RUNS} runs: ${all})`);
    console.log(`lighthouse ${preset}: ${metrics}`);
    for (const [id, a] of Object.entries(lhr.audits)) {
      if (a.score !== null && a.score < 1 && !['informative', 'manual', 'notApplicable'].includes(a.scoreDisplayMode)) {
        console.log(`lighthouse ${preset} below full marks: ${id} (${a.score}) ${a.displayValue ?? ''}`);
        for (const item of (a.details?.items ?? []).slice(0, 3)) {
          if (item.node) console.log(`  ${item.node.snippet} ${item.node.explanation ?? ''}`.replace(/\s+/g, ' '));
        }
      }
    }
    if (process.env.VERBOSE) {
      for (const id of ['long-tasks', 'bootup-time', 'mainthread-work-breakdown']) {
        for (const item of lhr.audits[id]?.details?.items ?? []) console.log(`  ${id}: ${JSON.stringify(item)}`);
      }
    }
    rows.push([`${preset}: scores (median run)`, `${scores}; performance in each run: ${all}`]);
    rows.push([`${preset}: metrics`, metrics]);
  }
  appendSection('Lighthouse (`bench/lighthouse.mjs`)',
    `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version} with its ` +
    'default mobile preset (Moto G Power, 4× CPU slowdown, slow 4G) and its desktop preset, on ' +
    `\`/news/${SLUG}\` served by \`vestnik-server --static-dir dist\` from the release build (pre-compressed brotli). ` +
    `Each preset ran ${RUNS} times; the run with the median performance score is shown.`,
    rows);
} finally {
  await server?.stop();
}
