// Shared set-up for the end-to-end tests: Debian's Chromium driven by
// playwright-core (never a downloaded browser), and the server started by
// `cargo xtask test` at VESTNIK_URL.
import { chromium } from 'playwright-core';

/** Base URL of the server under test, serving the release SPA and the API. */
export const BASE = process.env.VESTNIK_URL ?? 'http://127.0.0.1:8080';

/** The flags this machine's closed network needs (see DEVELOPERS.md). */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches headless Chromium, with `extraFlags` (e.g. for memory figures in benchmarks). */
export function launch(extraFlags = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...FLAGS, ...extraFlags],
    headless: true,
  });
}

/** The flags that let a benchmark read precise heap sizes and call `gc()`. */
export const MEMORY_FLAGS = ['--enable-precise-memory-info', '--js-flags=--expose-gc'];

/**
 * Opens a page that records console errors, uncaught exceptions and
 * Content-Security-Policy violations, so a test can assert the app ran
 * cleanly under the policy `cargo xtask build` writes into index.html.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ locale: 'ru-RU', ...options });
  const page = await context.newPage();
  page.problems = [];
  page.cspViolations = [];
  await context.exposeBinding('__reportCspViolation', ({ page: from }, text) => {
    if (from === page) {
      page.cspViolations.push(text);
      page.problems.push(`csp: ${text}`);
    }
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__reportCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  return page;
}

/**
 * Answers the document at `path` with the plain built index.html, as a static
 * host with only the SPA fallback would: the app then renders the page itself
 * (and asks the API), instead of taking over the server's rendered page.
 */
export async function servePlainApp(page, base, path) {
  await page.route(`${base}${path}`, async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch({ url: `${base}/index.html` });
    return route.fulfill({ response });
  });
}

/**
 * Scrolls to "Другие новости" and waits for the live list: on a page the
 * server rendered, the app's list replaces the rendered one when the reader
 * comes near it (src/islands.rs), and a scroll aimed at the old one would miss.
 */
export async function scrollToNews(page) {
  const scroll = () => page.evaluate(() => document.getElementById('other-news-title').scrollIntoView());
  await page.locator('#other-news-title').waitFor({ state: 'attached' });
  await scroll();
  await page.locator('.other-news .feed-sentinel').waitFor({ state: 'attached' });
  await scroll();
}
