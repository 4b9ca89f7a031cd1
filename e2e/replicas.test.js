// Two replicas on one Postgres behind nginx (deploy/nginx/vestnik-server.conf,
// issue 15): readers on one replica get, live, what is posted through the
// other; then that replica is killed (SIGKILL) in the middle of a burst of
// posts, and its readers move to the survivor without a reload and end with
// exactly the database's comments, each once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { launch, openPage } from './browser.js';
import { NGINX, startServerRecipe } from './nginx.js';
import { freePort, startServer } from './server.js';
import { pageIds, post, serverIds } from './comments.js';

const SLUG = 'belgium-invest-kharkiv';
const BURST = 20;
/** The burst's post after which the readers' replica is killed. */
const KILL_AFTER = 8;
/** From the last post to every reader showing every comment. */
const CATCH_UP_MS = 15_000;

let browser;
before(async () => {
  assert.ok(existsSync(NGINX), 'nginx is missing: `cargo xtask setup` installs it');
  assert.ok(process.env.VESTNIK_E2E_POSTGRES, 'VESTNIK_E2E_POSTGRES is missing: run the suite through `cargo xtask test`, which starts a throwaway Postgres');
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A database of its own on the throwaway cluster (the server creates it). */
function freshPostgres() {
  const admin = new URL(process.env.VESTNIK_E2E_POSTGRES);
  admin.pathname = `/replicas_${randomUUID().replaceAll('-', '')}`;
  return admin.toString();
}

/**
 * Posts `text` through `base` as the app's outbox does: a failure (the
 * replica died with the request) is sent again with the same client_id,
 * which the server takes once.
 */
async function postSurely(base, text) {
  const clientId = randomUUID();
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      return await post(base, SLUG, { text, client_id: clientId });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${text} was never accepted`);
}

test('two replicas behind nginx: live across replicas, and a SIGKILL during a burst loses and doubles nothing', async () => {
  const [first, second, site] = [await freePort(), await freePort(), await freePort()];
  const database = freshPostgres();
  // nginx passes X-Forwarded-For, as the recipe says; the replicas believe it from loopback.
  const args = ['--comment-burst', '100000', '--demo-news', '40', '--trusted-proxy', '127.0.0.1'];
  // The first replica seeds the database; the second starts later, so every
  // reader opened before that is on the first, the one to be killed.
  const doomed = await startServer({ port: first, database, args });
  const nginx = await startServerRecipe({ port: site, upstreams: [first, second] });
  const readers = [await openPage(browser), await openPage(browser)];
  let survivor;
  try {
    for (const reader of readers) {
      await reader.goto(`${nginx.url}/news/${SLUG}`);
      await reader.locator('.no-comments').waitFor();
      // Gone after a reload: proves at the end that none happened.
      await reader.evaluate(() => { window.sameDocument = true; });
    }
    survivor = await startServer({ port: second, database, args });
    // A reader straight on the survivor, too.
    const direct = await openPage(browser);
    readers.push(direct);
    await direct.goto(`${survivor.url}/news/${SLUG}`);
    await direct.locator('.no-comments').waitFor();

    // Posted through the survivor, heard live on the first replica's streams.
    const across = await postSurely(survivor.url, 'через другую реплику');
    for (const reader of readers) {
      await reader.locator(`#comment-${across.id}`).waitFor({ timeout: 10_000 });
    }

    // nginx has passed over the second replica since it refused the first
    // page's requests; once its 5 s are up, the burst goes to both.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    const failed = [];
    for (let i = 0; i < BURST; i++) {
      if (i === KILL_AFTER) {
        process.kill(doomed.pid, 'SIGKILL');
        // Posts in flight to the killed replica fail; they are sent again.
        failed.push(...(await Promise.all([0, 1, 2].map(async (n) => {
          try { await post(nginx.url, SLUG, { text: `в момент падения ${n}` }); return null; } catch { return n; }
        }))).filter((n) => n !== null));
      }
      await postSurely(nginx.url, `очередь ${i}`);
    }
    const lastPost = Date.now();
    const expected = await serverIds(survivor.url, SLUG);
    assert.ok(expected.length >= 1 + BURST, `${expected.length} comments in the database`);

    const caughtUp = await Promise.all(readers.map(async (reader, n) => {
      await reader.waitForFunction(
        (count) => document.querySelectorAll('.comment[id^="comment-"]').length >= count,
        expected.length,
        { timeout: CATCH_UP_MS, polling: 50 },
      ).catch(async () => {
        const shown = await pageIds(reader);
        assert.fail(`reader ${n}: after ${CATCH_UP_MS} ms ${shown.length} of ${expected.length} shown; missing ${JSON.stringify(expected.filter((id) => !shown.includes(id)))}`);
      });
      return Date.now() - lastPost;
    }));
    console.log(`# after the SIGKILL: ${caughtUp.map((ms) => `${ms} ms`).join(', ')} from the last post to the last comment shown; ${failed.length} of 3 posts in flight failed and were not retried`);
    await readers[0].waitForTimeout(500);
    for (const [n, reader] of readers.entries()) {
      assert.deepEqual(await pageIds(reader), expected, `reader ${n}: exactly the database's comments, once each, in order`);
      assert.equal(await reader.locator('.comments-total').textContent(), String(expected.length));
      assert.equal(await reader.locator('.connection-status').count(), 0, `reader ${n} is live again`);
      assert.deepEqual(reader.problems.filter((p) => !/50[23]|ERR_/.test(p)), [], `reader ${n}`);
    }
    for (const reader of readers.slice(0, 2)) {
      assert.equal(await reader.evaluate(() => window.sameDocument), true, 'no reload');
    }
  } finally {
    for (const reader of readers) await reader.context().close();
    await nginx.stop();
    await survivor?.stop();
    try { process.kill(doomed.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
});
