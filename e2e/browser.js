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

/** Launches headless Chromium. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: FLAGS,
    headless: true,
  });
}

/**
 * Opens a page that records console errors and uncaught exceptions, so a test
 * can assert the app ran cleanly.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ locale: 'ru-RU', ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  return page;
}
