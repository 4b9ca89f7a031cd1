// The language switch in the header: the reader picks Русский, Українська or
// English and every string, plural form and time on the page changes at
// once, without a reload; the choice is kept for the next visit. The
// expected words are read from the app's own string files
// (api/src/i18n/<tag>.rs), the expected forms from Node's Intl.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE, launch, openPage, scrollToNews } from './browser.js';

const SLUG = 'belgium-invest-kharkiv';
const TAGS = ['ru', 'uk', 'en'];

/** The UI strings of `tag` as its Rust file spells them. */
function uiStrings(tag) {
  const source = readFileSync(new URL(`../api/src/i18n/${tag}.rs`, import.meta.url), 'utf8');
  const strings = {};
  for (const [, key, text] of source.matchAll(/^ {4}(\w+): "((?:[^"\\]|\\.)*)",$/gm)) {
    strings[key] = JSON.parse(`"${text}"`);
  }
  const plural = /^ {4}(\w+): PluralForms \{\s*one: "([^"]*)",\s*few: "([^"]*)",\s*many: "([^"]*)",\s*other: "([^"]*)",/gm;
  for (const [, key, one, few, many, other] of source.matchAll(plural)) {
    strings[key] = { one, few, many, other };
  }
  return strings;
}

const STRINGS = Object.fromEntries(TAGS.map((tag) => [tag, uiStrings(tag)]));

/** `n` and its noun as `tag` writes them ("3 коментарі"). */
function counted(n, tag, forms) {
  return `${new Intl.NumberFormat(tag).format(n)} ${forms[new Intl.PluralRules(tag).select(n)]}`;
}

/** Every way `tag` words "N units ago", for the number in `text`. */
function relativeWordings(text, tag) {
  const n = Number(text.match(/\d+/)?.[0]);
  const format = new Intl.RelativeTimeFormat(tag, { numeric: 'always' });
  return ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'].map((unit) => format.format(-n, unit));
}

/**
 * The page's own words: text and accessible names outside what the
 * newsroom and the readers wrote (the article, the comments, the news
 * titles and tags), which stay in the language they were written in.
 */
function chromeText(page) {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true);
    const content = [
      'h1', '.article-body', '.caption', '.credit', '.source-line a', '.tag-list a',
      '.breadcrumb li:not(:first-child)', '.comment-author', '.comment-text', '.news-title',
      '.news-summary', '.news-source', '.site-name', '.site-footer', 'script', 'style',
    ];
    copy.querySelectorAll(content.join(',')).forEach((node) => node.remove());
    const labels = [...copy.querySelectorAll('[aria-label],[placeholder],[title]')]
      .flatMap((node) => ['aria-label', 'placeholder', 'title'].map((name) => node.getAttribute(name) ?? ''));
    return `${copy.textContent}\n${labels.join('\n')}`;
  });
}

async function expectLanguage(page, tag) {
  const words = STRINGS[tag];
  await page.waitForFunction((want) => document.documentElement.lang === want, tag);
  const switcher = page.locator('.language-switch');
  assert.equal(await switcher.getAttribute('aria-label'), words.language);
  assert.equal(await switcher.locator(`button[lang="${tag}"]`).getAttribute('aria-pressed'), 'true');
  assert.equal(await switcher.locator('button[aria-pressed="true"]').count(), 1);
  assert.equal(await page.locator('a.skip-link[href="#main"]').textContent(), words.skip_to_content);
  assert.equal(await page.locator('a.skip-link[href="#comments"]').textContent(), words.skip_to_comments);
  await page.locator('#comments-title', { hasText: words.comments_title }).waitFor();
  await page.locator('#other-news-title', { hasText: words.other_news }).waitFor();
  await page.locator('.composer', { hasText: words.your_comment }).waitFor();
  assert.equal((await page.locator('.composer button[type="submit"]').textContent()).trim(), words.send);
  assert.equal(await page.locator('.share-bar').getAttribute('aria-label'), words.share);
  assert.equal((await page.locator('.breadcrumb a[href="/"]').textContent()).trim(), words.home);
  assert.match(await page.locator('.source-line').textContent(), new RegExp(`^\\s*${words.source}`));

  // Plurals: the comment count under the title, in this language's form.
  const count = page.locator('.meta-line .comment-count');
  const n = Number((await count.textContent()).replace(/\D/g, ''));
  assert.equal((await count.textContent()).trim(), counted(n, tag, words.comments));

  // Times: every "N … ago" in the news list is worded as Intl words it here
  // (the list draws only the cards near the screen).
  await scrollToNews(page);
  await page.locator('.news-card .relative-time').first().waitFor();
  const times = await page.locator('.news-card .relative-time').allTextContents();
  assert.ok(times.length > 3, `the news list shows times: ${times.length}`);
  for (const text of times) {
    assert.ok(relativeWordings(text, tag).includes(text), `${JSON.stringify(text)} is a ${tag} relative time`);
  }

  // Nothing of the other languages is left (but what reads the same in both).
  const shown = await chromeText(page);
  for (const other of TAGS.filter((t) => t !== tag)) {
    for (const [key, text] of Object.entries(STRINGS[other])) {
      if (typeof text !== 'string' || text.length < 4 || text === words[key]) continue;
      if (Object.values(words).includes(text)) continue;
      assert.ok(!shown.includes(text), `${other} ${key} ${JSON.stringify(text)} is still on the ${tag} page`);
    }
  }
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the language switch changes every string, plural and time at once, without a reload, in each language', async () => {
  const page = await openPage(browser);
  await page.goto(`${BASE}/news/${SLUG}`);
  // The server draws the page in the site's language.
  await expectLanguage(page, 'ru');
  await page.evaluate(() => { window.sameDocument = true; });
  for (const tag of ['uk', 'en', 'ru', 'en']) {
    await page.locator(`.language-switch button[lang="${tag}"]`).click();
    await expectLanguage(page, tag);
    assert.equal(await page.evaluate(() => window.sameDocument), true, `switching to ${tag} did not reload`);
    assert.equal(new URL(page.url()).pathname, `/news/${SLUG}`);
  }
  // The next visit opens in the reader's language; the server's HTML stays the site's.
  const html = await (await fetch(`${BASE}/news/${SLUG}`)).text();
  assert.match(html, /<html lang="ru"/);
  await page.reload();
  await expectLanguage(page, 'en');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a language kept by an old or odd value in storage falls back to the site\'s', async () => {
  const page = await openPage(browser);
  await page.addInitScript(() => localStorage.setItem('vestnik.lang', 'xx-\u{1F600}'));
  await page.goto(`${BASE}/news/${SLUG}`);
  await expectLanguage(page, 'ru');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
