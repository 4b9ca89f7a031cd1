// Every screen a reader brings: the article, its comments and the list of
// other news at 320, 768 and 1280 px wide, light and dark, compared pixel by
// pixel with the references in e2e/screens/ (how to update them on purpose:
// e2e/screens/README.md). At each width, too: every control a finger can
// hit is at least 44 px, and text at 200% needs no horizontal scroll.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { BASE, launch, openPage } from './browser.js';
import { post } from './comments.js';

/** An article no other test comments on, so its thread is the one posted below. */
const SLUG = 'figure-skaters-bronze-tallinn';
const WIDTHS = [320, 768, 1280];
const HEIGHT = 800;
const SCREENS = new URL('./screens/', import.meta.url);
const ARTIFACTS = process.env.E2E_ARTIFACTS ?? new URL('./artifacts/', import.meta.url).pathname;
const UPDATE = process.env.VESTNIK_UPDATE_SCREENS === '1';
/** Per pixel: how far a colour may drift (pixelmatch's YIQ threshold, 0 to 1). */
const COLOUR_THRESHOLD = 0.1;
/** Of all pixels: the share that may differ (anti-aliasing at glyph edges). */
const PIXEL_SHARE = 0.002;

/**
 * What changes from run to run and is no part of the design: times (the demo
 * news are dated from the server's start), view counts, and the caret.
 */
const MOVING = ['time', '.views-count'];

let browser;
before(async () => {
  browser = await launch();
  const thread = await (await fetch(`${BASE}/api/articles/${SLUG}/comments`)).json();
  if (thread.total === 0) {
    const first = await post(BASE, SLUG, {
      author: 'Ольга',
      text: 'Поздравляю ребят! Следили за прокатом всей семьёй, бронза заслуженная.',
    });
    await post(BASE, SLUG, {
      author: 'Андрій',
      text: 'Молодці! Харків пишається вами!',
      parent_id: first.id,
    });
    await post(BASE, SLUG, {
      author: 'Сергей Коваленко',
      text: 'А где можно посмотреть запись выступления? На сайте ISU пока ничего нет.',
    });
  }
});
after(async () => {
  await browser?.close();
});

/** The page at `width`, in `colorScheme`, settled: comments and the live list in. */
async function openArticle(width, colorScheme) {
  const page = await openPage(browser, { colorScheme, viewport: { width, height: HEIGHT } });
  // The visit's count comes back and is drawn after the page: wait for it, or
  // it could be drawn over the frozen text below.
  const counted = page.waitForResponse((r) => r.url().endsWith(`/api/articles/${SLUG}/views`));
  await page.goto(`${BASE}/news/${SLUG}`);
  await counted;
  await page.locator('.comments .comment').nth(2).waitFor();
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** Scrolls so that `selector` starts at the top of the screen, and lets the page settle. */
async function scrollTo(page, selector) {
  await page.locator(selector).first().evaluate((e) => e.scrollIntoView({ block: 'start' }));
  // The windowed list draws the cards near the screen after the scroll.
  await page.waitForTimeout(300);
  await page.locator(selector).first().evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(100);
}

/** How the screenshot `name` differs from its reference: null when within tolerance. */
function compare(name, shot) {
  const reference = new URL(`${name}.png`, SCREENS);
  if (UPDATE || !existsSync(reference)) {
    if (!UPDATE) return `no reference ${name}.png: run with VESTNIK_UPDATE_SCREENS=1 (e2e/screens/README.md)`;
    writeFileSync(reference, shot);
    return null;
  }
  const want = PNG.sync.read(readFileSync(reference));
  const got = PNG.sync.read(shot);
  mkdirSync(ARTIFACTS, { recursive: true });
  if (want.width !== got.width || want.height !== got.height) {
    writeFileSync(`${ARTIFACTS}/${name}.actual.png`, shot);
    return `${name}: ${got.width}×${got.height}, the reference is ${want.width}×${want.height}`;
  }
  const diff = new PNG({ width: want.width, height: want.height });
  const differing = pixelmatch(want.data, got.data, diff.data, want.width, want.height, {
    threshold: COLOUR_THRESHOLD,
  });
  const share = differing / (want.width * want.height);
  if (share <= PIXEL_SHARE) return null;
  writeFileSync(`${ARTIFACTS}/${name}.actual.png`, shot);
  writeFileSync(`${ARTIFACTS}/${name}.diff.png`, PNG.sync.write(diff));
  return `${name}: ${(share * 100).toFixed(2)}% of pixels differ (at most ${PIXEL_SHARE * 100}%); `
    + `see ${ARTIFACTS}/${name}.diff.png`;
}

/**
 * A screenshot of the screen as the reader sees it, the moving parts written
 * as one fixed text (so that "1 минуту" and "12 минут" take the same room)
 * and masked.
 */
async function shoot(page) {
  await page.evaluate((moving) => {
    const freeze = () => {
      for (const e of document.querySelectorAll(moving.join(','))) {
        if (e.textContent !== '00:00') e.textContent = '00:00';
      }
    };
    freeze();
    // The app may still write a count or a time: each write is undone at once.
    if (!window.frozenForScreens) {
      window.frozenForScreens = new MutationObserver(freeze);
      window.frozenForScreens.observe(document.body, { subtree: true, childList: true, characterData: true });
    }
  }, MOVING);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.screenshot({
    animations: 'disabled',
    caret: 'hide',
    mask: MOVING.map((selector) => page.locator(selector)),
    maskColor: '#888888',
  });
}

if (!existsSync(SCREENS)) mkdirSync(SCREENS, { recursive: true });

for (const width of WIDTHS) {
  test(`at ${width} px, light and dark, the article, its comments and the news look as the references do`, async () => {
    const problems = [];
    for (const colorScheme of ['light', 'dark']) {
      const page = await openArticle(width, colorScheme);
      const parts = [
        ['article', null],
        ['comments', '#comments'],
        ['news', '#other-news-title'],
      ];
      for (const [part, selector] of parts) {
        if (selector) await scrollTo(page, selector);
        else await page.evaluate(() => scrollTo(0, 0));
        const problem = compare(`${part}-${width}-${colorScheme}`, await shoot(page));
        if (problem) problems.push(problem);
      }
      assert.deepEqual(page.problems, []);
      await page.context().close();
    }
    assert.deepEqual(problems, []);
  });
}

/**
 * The controls a finger hits, smaller than 44 × 44 px: everything focusable
 * or clickable but links inside a sentence (WCAG 2.5.5 leaves those out).
 */
function smallTargets(page) {
  return page.evaluate(() => {
    const controls = document.querySelectorAll(
      'a[href], button, input:not([tabindex="-1"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])',
    );
    const inSentence = (e) => e.tagName === 'A' && e.closest('p, li.comment-text, .comment-text, .article-body, .caption, .credit');
    return [...controls].flatMap((e) => {
      const box = e.getBoundingClientRect();
      const style = getComputedStyle(e);
      const shown = box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
        && box.right > 0 && !e.closest('[hidden], [aria-hidden="true"], .visually-hidden')
        && !e.classList.contains('skip-link');
      if (!shown || inSentence(e)) return [];
      if (box.width >= 44 - 0.5 && box.height >= 44 - 0.5) return [];
      const what = `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''}`;
      return [`${what} "${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`];
    });
  });
}

for (const width of WIDTHS) {
  test(`at ${width} px every control is at least 44 px and text at 200% needs no horizontal scroll`, async () => {
    const page = await openArticle(width, 'light');
    await scrollTo(page, '#other-news-title');
    const small = await smallTargets(page);
    assert.deepEqual([...new Set(small)], [], 'touch targets under 44 × 44 px');

    // Text zoom: the root font size doubled, as a reader's browser setting does.
    const headline = () => page.locator('h1').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    const before = await headline();
    await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
    assert.ok(await headline() >= 1.9 * before, 'the text follows the reader\'s font size');
    for (const selector of [null, '#comments', '#other-news-title']) {
      if (selector) await scrollTo(page, selector);
      const sideways = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        screen: document.documentElement.clientWidth,
        wider: [...document.querySelectorAll('main *, header *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .slice(0, 5)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
      }));
      assert.ok(
        sideways.scroll <= sideways.screen,
        `at 200% text the page is ${sideways.scroll} px wide on a ${sideways.screen} px screen: ${sideways.wider.join(', ')}`,
      );
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}
