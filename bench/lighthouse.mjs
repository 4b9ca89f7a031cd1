// Lighthouse on a page of a running vestnik server, with Debian's Chromium.
// Usage: node bench/lighthouse.mjs URL [mobile|desktop]
// Prints the category scores and the Web Vitals it measured, one per line.
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';

const [url, preset = 'mobile'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node bench/lighthouse.mjs URL [mobile|desktop]');
  process.exit(2);
}
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
  const { categories, audits } = result.lhr;
  for (const [id, category] of Object.entries(categories)) {
    console.log(`${preset} ${id}: ${Math.round(category.score * 100)}`);
  }
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
    console.log(`${preset} ${id}: ${audits[id].displayValue} (${audits[id].numericValue})`);
  }
  for (const [id, audit] of Object.entries(audits)) {
    if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'manual' && audit.scoreDisplayMode !== 'notApplicable') {
      console.log(`${preset} below full marks: ${id} (${audit.score}) ${audit.displayValue ?? ''}`);
    }
  }
} finally {
  await chrome.kill();
}
