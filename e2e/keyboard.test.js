// A reader with a keyboard and nothing else: skip links, reading, posting a
// comment and a reply, opening a story from the list and coming back. After
// each step the test checks where focus landed, and at every Tab stop that
// the focus can be seen (an outline of at least 2 px, inside the window).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage } from './browser.js';

const SLUG = 'news-0030';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** What has focus: a short description, and whether its focus shows. */
function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return { what: 'body', visible: false };
    const style = getComputedStyle(e);
    const box = e.getBoundingClientRect();
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
      && box.right > 0 && box.left < innerWidth;
    return {
      what: `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ').join('.')}` : ''}`,
      id: e.id,
      text: (e.textContent ?? '').trim().slice(0, 60),
      visible: ring && onScreen,
      inComment: e.closest('.comment')?.id ?? null,
      inNews: Boolean(e.closest('.news-card')),
    };
  });
}

/** Presses `key` until `wanted(focus)` holds (at most `limit` times); every stop must show its focus. */
async function tabUntil(page, wanted, { key = 'Tab', limit = 150 } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const focus = await focused(page);
    assert.ok(focus.visible, `focus shows at every stop: ${JSON.stringify(focus)}`);
    if (wanted(focus)) return focus;
  }
  throw new Error(`${key} never reached the wanted element`);
}

/** Tells this run's comments from an earlier run's on the same server. */
const RUN = Date.now().toString(36);

test('a keyboard alone reads, comments, replies, opens a story and comes back', async () => {
  const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(`${BASE}/news/${SLUG}`);
  await page.locator('h1').waitFor();

  // The first Tab stop is the skip link to the content, shown when focused.
  let focus = await tabUntil(page, () => true);
  assert.equal(focus.text, 'Перейти к содержанию');
  focus = await tabUntil(page, () => true);
  assert.equal(focus.text, 'Перейти к комментариям');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'comments');
  assert.equal(new URL(page.url()).hash, '#comments');

  // From the comments, on to the composer: name, text, send with Ctrl+Enter.
  await page.locator('.comments .composer').waitFor();
  focus = await tabUntil(page, (f) => f.id === 'comment-author');
  await page.keyboard.type('Клавиатура');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'comment-text');
  await page.keyboard.type(`Написано без мыши ${RUN}`);
  await page.keyboard.press('Control+Enter');
  const mine = page.locator('.comment[id^="comment-"]', { hasText: `Написано без мыши ${RUN}` });
  await mine.waitFor();
  // Sent: focus stays in the emptied field, ready for the next one.
  focus = await focused(page);
  assert.equal(focus.id, 'comment-text');
  assert.equal(await page.locator('#comment-text').inputValue(), '');

  // Back up to the new comment's "Ответить", and reply.
  const mineId = await mine.getAttribute('id');
  focus = await tabUntil(page, (f) => f.inComment === mineId && /Ответить/.test(f.text), { key: 'Shift+Tab' });
  await page.keyboard.press('Enter');
  focus = await focused(page);
  assert.equal(focus.id, 'comment-text', 'reply puts focus in the composer');
  await page.locator('.replying-to').waitFor();
  await page.keyboard.type(`Ответ с клавиатуры ${RUN}`);
  await page.keyboard.press('Control+Enter');
  const reply = page.locator(`#${mineId} + .replies .comment`, { hasText: `Ответ с клавиатуры ${RUN}` });
  await reply.waitFor();

  // On to the news list, and into a story.
  focus = await tabUntil(page, (f) => f.inNews && /^a([.#]|$)/.test(f.what), { limit: 300 });
  const story = focus.text;
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname !== `/news/${SLUG}`);
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal((await page.locator('h1').textContent()).trim().slice(0, 60), story.slice(0, 60));
  focus = await focused(page);
  assert.ok(focus.visible, `the new headline shows its focus: ${JSON.stringify(focus)}`);

  // Back (the browser's own Alt+←, which a headless page's keyboard does not
  // reach): the article again, its headline focused, the comments still there.
  await page.goBack();
  await page.waitForURL((url) => url.pathname === `/news/${SLUG}`);
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  await page.locator('.comment', { hasText: `Ответ с клавиатуры ${RUN}` }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
