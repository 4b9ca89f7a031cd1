// Deploy day (issue 17): readers keep an article open while the server behind
// nginx (deploy/nginx/vestnik-server.conf) restarts three times, with posts
// on both sides of each restart. While the server is down nginx answers 502,
// so the browser gives up on the stream and the widget must open a new one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { launch, openPage, scrollToNews } from './browser.js';
import { NGINX, startServerRecipe } from './nginx.js';
import { freePort, freshDatabase, startServer } from './server.js';
import { pageIds, post, serverIds } from './comments.js';

const SLUG = 'belgium-invest-kharkiv';
/** How long the server stays down at each restart. The last is long enough
 * that a widget doubling its wait after each 502 (as it once did, up to 30 s)
 * comes back more than 10 s after the server. */
const DOWNTIMES_MS = [0, 3_000, 20_000];
/** From the last post to every reader showing every comment. */
const CATCH_UP_MS = 10_000;

let browser;
before(async () => {
  assert.ok(existsSync(NGINX), 'nginx is missing: `cargo xtask setup` installs it');
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('readers who keep the page open through three restarts behind nginx get every comment, once, within 10 s, none held back', async () => {
  const [serverPort, sitePort] = [await freePort(), await freePort()];
  const database = freshDatabase();
  // nginx passes X-Forwarded-For, as the recipe says; the server believes it from loopback.
  const args = ['--comment-burst', '100000', '--demo-news', '40', '--trusted-proxy', '127.0.0.1'];
  let server = await startServer({ port: serverPort, database, args });
  const nginx = await startServerRecipe({ port: sitePort, upstreams: [serverPort] });
  // One reader stays at the top of the article; the other has read past the
  // comments into the news list. Neither is reading among the comments, so
  // neither should find any comment held behind "N новых комментариев".
  const atTop = await openPage(browser);
  const pastComments = await openPage(browser);
  const readers = [atTop, pastComments];
  try {
    for (const reader of readers) {
      await reader.goto(`${nginx.url}/news/${SLUG}`);
      await reader.locator('.no-comments').waitFor();
    }
    // The list draws only the cards near the screen: come near it first.
    await scrollToNews(pastComments);
    await pastComments.locator('.news-card').nth(5).scrollIntoViewIfNeeded();
    const texts = [];
    const postFive = async (round, from) => {
      for (let i = from; i < from + 5; i++) {
        const text = `${round}-${i}`;
        await post(nginx.url, SLUG, { text });
        texts.push(text);
      }
    };
    for (const [round, downtime] of DOWNTIMES_MS.entries()) {
      await postFive(round, 0);
      await server.stop();
      // Readers lose the stream and meet nginx's 502 while they retry.
      await atTop.locator('.connection-status').waitFor();
      await new Promise((resolve) => setTimeout(resolve, downtime));
      server = await startServer({ port: serverPort, database, args });
      await postFive(round, 5);
    }
    const lastPost = Date.now();
    const expected = await serverIds(nginx.url, SLUG);
    assert.equal(expected.length, 30);
    const caughtUp = await Promise.all(readers.map(async (reader, n) => {
      await reader.waitForFunction(
        (count) => document.querySelectorAll('.comment[id^="comment-"]').length >= count,
        expected.length,
        { timeout: CATCH_UP_MS, polling: 50 },
      ).catch(async () => {
        const shown = await reader.locator('.comment-text').allTextContents();
        const held = await reader.locator('.new-comments').allTextContents();
        assert.fail(`reader ${n}: after ${CATCH_UP_MS} ms ${shown.length} of 30 shown (${JSON.stringify(texts.filter((t) => !shown.includes(t)))} missing; held: ${JSON.stringify(held)})`);
      });
      return Date.now() - lastPost;
    }));
    console.log(`# catch-up after the third restart (${DOWNTIMES_MS.at(-1)} ms down): ${caughtUp.map((ms) => `${ms} ms`).join(', ')} from the last post to the last comment shown`);
    await atTop.waitForTimeout(500);
    for (const reader of readers) {
      assert.deepEqual(await pageIds(reader), expected, 'every comment once, in order');
      assert.equal(await reader.locator('.new-comments').count(), 0, 'nothing held for a reader who is not among the comments');
      assert.equal(await reader.locator('.comments-total').textContent(), '30');
      assert.equal(await reader.locator('.connection-status').count(), 0);
      assert.deepEqual(reader.problems.filter((p) => !p.includes('502')), []);
    }
  } finally {
    for (const reader of readers) await reader.context().close();
    await nginx.stop();
    await server.stop();
  }
});
