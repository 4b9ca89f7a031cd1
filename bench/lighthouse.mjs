// Lighthouse 12.2.3 on the seed article, mobile and desktop presets, with Debian's Chromium.
// Usage: node bench/lighthouse.mjs [URL]
// Without a URL it starts VESTNIK_SERVER_BIN serving VESTNIK_DIST (the
// release build) on a fresh database twice: as the reference server renders
// pages ("rendered"), and as a plain static host that answers every route
// with index.html ("plain": the same build without the markers the server
// renders into). Each preset runs RUNS times (default 3) and the run with
// the median performance score is reported, because one run on a shared
// 2-core machine can be off by several points.
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, freshDatabase, startServer } from '../e2e/server.js';
import { appendSection } from './report.mjs';

const SLUG = 'belgium-invest-kharkiv';
const RUNS = Number(process.env.RUNS ?? 3);
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

/** The build as a plain static host serves it: no page is rendered. */
function plainDist() {
  const dir = mkdtempSync(join(tmpdir(), 'vestnik-plain-'));
  cpSync(process.env.VESTNIK_DIST, dir, { recursive: true });
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace(/<!--\/?vestnik:[a-z]+-->/g, ''));
  rmSync(`${index}.br`, { force: true });
  rmSync(`${index}.gz`, { force: true });
  return dir;
}

const servers = [];
const targets = [];
if (process.argv[2]) {
  targets.push(['given', process.argv[2]]);
} else {
  for (const [name, staticDir] of [['rendered', process.env.VESTNIK_DIST], ['plain', plainDist()]]) {
    if (!(process.env.TARGETS ?? 'rendered,plain').split(',').includes(name)) continue;
    const server = await startServer({ port: await freePort(), database: freshDatabase(), staticDir, args: ['--demo-news', '300'] });
    servers.push(server);
    targets.push([name, `${server.url}/news/${SLUG}`]);
  }
}

async function audit(url, preset) {
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
  for (const [target, url] of targets) for (const preset of (process.env.PRESETS ?? 'mobile,desktop').split(',')) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await audit(url, preset));
    runs.sort((a, b) => score(a, 'performance') - score(b, 'performance'));
    const lhr = runs[Math.floor(runs.length / 2)];
    const all = runs.map((r) => score(r, 'performance')).join(', ');
    const scores = Object.keys(lhr.categories).map((id) => `${id} ${score(lhr, id)}`).join(', ');
    const metrics = METRICS.map((id) => `${id.replace(/-/g, ' ')} ${lhr.audits[id].displayValue}`).join(', ');
    console.log(`lighthouse ${target} ${preset}: ${scores} (performance over ${RUNS} runs: ${all})`);
    console.log(`lighthouse ${target} ${preset}: ${metrics}`);
    for (const [id, a] of Object.entries(lhr.audits)) {
      if (a.score !== null && a.score < 1 && !['informative', 'manual', 'notApplicable'].includes(a.scoreDisplayMode)) {
        console.log(`lighthouse ${target} ${preset} below full marks: ${id} (${a.score}) ${a.displayValue ?? ''}`);
        for (const item of (a.details?.items ?? []).slice(0, 3)) {
          if (item.node) console.log(`  ${item.node.snippet} ${item.node.explanation ?? ''}`.replace(/\s+/g, ' '));
        }
      }
    }
    if (process.env.VERBOSE) {
      for (const id of ['largest-contentful-paint-element', 'long-tasks', 'bootup-time', 'mainthread-work-breakdown']) {
        for (const item of lhr.audits[id]?.details?.items ?? []) console.log(`  ${id}: ${JSON.stringify(item)}`);
      }
    }
    rows.push([`${target}, ${preset}: scores (median run)`, `${scores}; performance in each run: ${all}`]);
    rows.push([`${target}, ${preset}: metrics`, metrics]);
  }
  appendSection('Lighthouse (`bench/lighthouse.mjs`)',
    `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version} with its ` +
    'default mobile preset (Moto G Power, 4× CPU slowdown, slow 4G) and its desktop preset, on ' +
    `\`/news/${SLUG}\` served from the release build (pre-compressed brotli) by \`vestnik-server --static-dir dist\`, ` +
    'which renders the page ("rendered"), and by the same server from a copy of the build it cannot render into, ' +
    'as a plain static host with an index.html fallback serves it ("plain"). ' +
    `Each preset ran ${RUNS} times; the run with the median performance score is shown.`,
    rows);
} finally {
  for (const server of servers) await server.stop();
}
