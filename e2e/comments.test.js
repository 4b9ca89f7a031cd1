// The live comments widget with real browsers on a real server: two readers
// on one article, replies, removals, hostile input, lost connections.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BASE, launch, openPage } from './browser.js';
import { freePort, freshDatabase, startServer } from './server.js';
import { pageIds, post, serverIds } from './comments.js';

const TOKEN = process.env.VESTNIK_MODERATOR_TOKEN;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function openArticle(slug, options) {
  const page = await openPage(browser, options);
  await page.goto(`${BASE}/news/${slug}`);
  await page.locator('.comments .composer').waitFor();
  await page.locator('.comments .loading').waitFor({ state: 'detached' });
  return page;
}

async function write(page, author, text) {
  await page.locator('#comment-author').fill(author);
  await page.locator('#comment-text').fill(text);
  await page.locator('#comment-text').press('Control+Enter');
}

test('an article without comments says so, as the seed page does', async () => {
  const page = await openArticle('news-0300');
  assert.equal(await page.locator('.no-comments').textContent(), 'Нет комментариев. Ваш будет первым!');
  assert.equal(await page.locator('a.comment-count').textContent(), '0 комментариев');
  await page.context().close();
});

test('a comment posted in one page appears in the other; a reply under its parent; a removal in both', async () => {
  const slug = 'news-0002';
  const alice = await openArticle(slug);
  const bob = await openArticle(slug);
  await write(alice, 'Алиса', 'Привет из первой вкладки');
  const inBob = bob.locator('.comment', { hasText: 'Привет из первой вкладки' });
  await inBob.waitFor();
  assert.equal(await inBob.locator('.comment-author').textContent(), 'Алиса');
  // The poster's own copy is final, not left pending.
  await alice.locator('.comment[id^="comment-"]', { hasText: 'Привет из первой вкладки' }).waitFor();
  await alice.locator('.pending').waitFor({ state: 'detached' });
  const parentId = await inBob.getAttribute('id');

  await inBob.getByRole('button', { name: 'Ответить' }).click();
  assert.match(await bob.locator('.replying-to').textContent(), /Ответ для Алиса/);
  await bob.locator('#comment-author').fill('Борис');
  await bob.locator('#comment-text').fill('Ответ из второй');
  await bob.getByRole('button', { name: 'Отправить' }).click();
  const reply = alice.locator(`#${parentId} + .replies .comment`, { hasText: 'Ответ из второй' });
  await reply.waitFor();
  const counts = await Promise.all([alice, bob].map((p) => p.locator('.comments-total').textContent()));
  assert.equal(counts[0], counts[1]);
  assert.equal(await alice.locator('a.comment-count').textContent(), `${counts[0]} ${new Intl.PluralRules('ru').select(Number(counts[0])) === 'few' ? 'комментария' : new Intl.PluralRules('ru').select(Number(counts[0])) === 'one' ? 'комментарий' : 'комментариев'}`);

  const id = parentId.slice('comment-'.length);
  const removed = await fetch(`${BASE}/api/comments/${id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(removed.status, 204);
  for (const page of [alice, bob]) {
    await page.locator(`#${parentId}`).waitFor({ state: 'detached' });
    assert.equal(await page.locator('.comment', { hasText: 'Ответ из второй' }).count(), 0);
  }
  assert.deepEqual([...alice.problems, ...bob.problems], []);
  await alice.context().close();
  await bob.context().close();
});

test('hostile names and texts are shown as text, execute nothing and keep the layout', async () => {
  const slug = 'news-0003';
  const page = await openArticle(slug, { viewport: { width: 375, height: 800 } });
  const hostile = [
    ['<script>window.__pwned = 1</script>', '<img src=x onerror="window.__pwned = 1">'],
    ['<b onmouseover="window.__pwned=1">Имя</b>', 'javascript:window.__pwned=1 и https://example.org/'],
    ['\u202Eникто', '\u202Eтекст справа налево \u2066 и дальше'],
    ['Длинный', 'ж'.repeat(2000)],
  ];
  for (const [author, text] of hostile) await post(BASE, slug, { author, text });
  // A 10,000-character line is refused by the server, with a reason.
  const tooLong = await fetch(`${BASE}/api/articles/${slug}/comments`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ author: 'x', text: 'w'.repeat(10_000), client_id: randomUUID() }),
  });
  assert.equal(tooLong.status, 422);
  assert.ok((await tooLong.json()).error.fields.text);
  await page.locator('.comment', { hasText: 'ж'.repeat(50) }).waitFor();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('.comments img, .comments script, .comments b').count(), 0);
  assert.equal(await page.locator('.comments a[href^="javascript"]').count(), 0);
  const link = page.locator('.comment-text a', { hasText: 'https://example.org/' });
  assert.equal(await link.getAttribute('rel'), 'nofollow ugc noopener');
  assert.equal(await page.locator('.comment-author', { hasText: '<script>' }).count(), 1);
  await page.locator('.comment-author', { hasText: 'Имя' }).hover();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const { scrollWidth, clientWidth, widest } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    widest: Math.max(...[...document.querySelectorAll('.comment')].map((c) => c.getBoundingClientRect().right)),
  }));
  assert.ok(scrollWidth <= clientWidth, `no sideways scroll: ${scrollWidth} > ${clientWidth}`);
  assert.ok(widest <= clientWidth, `comments stay inside the window: ${widest}`);
  // The right-to-left override stays inside its own comment.
  assert.equal(await page.locator('.comment-text[dir=auto]').first().getAttribute('dir'), 'auto');
  await page.context().close();
});

test('links to Cyrillic domains and odd Unicode never break the page, for readers already there and readers who come later', async () => {
  const slug = 'news-0012';
  const idn = 'смотрите http://пример.рф/новости';
  // Issue 12: the first of these once crashed the page for every reader of the article.
  const corpus = [
    ['Читатель', idn],
    ['Олена 👩\u200D💻', 'https://харків.укр/новини, і HTTPS://Example.ORG/Шлях. Дякую!'],
    ['\u202Eимя справа', 'שלום \u202Eevil\u202C http://a.ua/\u2067x\u2069 مرحبا \u200F!'],
    ['Семья', '👨\u200D👩\u200D👧\u200D👦 и 🏳️\u200D🌈 рядом http://a.ua/x👍🏽 и 🇺🇦'],
    ['Z\u0351\u0352\u0353algo', 'е\u0301\u0301\u0301 z\u0351\u0352\u0353\u0354 сло\u0301во http://a.ua/сло\u0301во'],
    ['𝐀𝐁𝐂', '𝐀𝐁𝐂 𐐷 𠜎𠜱 http://a.ua/𝐀 𝄞'],
    ['Много', '👍'.repeat(1000) + 'ё'.repeat(1000)],
    ['Схема', 'в конце http://'],
    ['Схема 2', 'https:// и HTTP:// и http://@ и h\u0301ttp://x.ua'],
  ];
  const alreadyThere = await openArticle(slug, { viewport: { width: 375, height: 800 } });
  const posted = [];
  for (const [author, text] of corpus) posted.push(await post(BASE, slug, { author, text }));
  const comeLater = await openArticle(slug, { viewport: { width: 375, height: 800 } });

  for (const page of [alreadyThere, comeLater]) {
    for (const comment of posted) {
      const shown = page.locator(`#comment-${comment.id}`);
      await shown.waitFor();
      // Every character shown as text, exactly as the server holds it.
      assert.equal(await shown.locator('.comment-text').textContent(), comment.text);
      assert.equal(await shown.locator('.comment-author').textContent(), comment.author);
    }
    const link = page.locator(`#comment-${posted[0].id} .comment-text a`);
    assert.equal(await link.getAttribute('href'), 'http://пример.рф/новости');
    assert.equal(await link.textContent(), 'http://пример.рф/новости');
    // The browser's own reading of it: a real link to the punycode host.
    assert.equal(
      await link.evaluate((a) => a.href),
      'http://xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8',
    );
    const hrefs = await page.locator('.comments .comment-text a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const expected of [
      'https://харків.укр/новини', 'HTTPS://Example.ORG/Шлях', 'http://a.ua/', 'http://a.ua/x',
      'http://a.ua/сло\u0301во', 'http://a.ua/𝐀',
    ]) {
      assert.ok(hrefs.includes(expected), `${expected} is a link: ${JSON.stringify(hrefs)}`);
    }
    // A scheme alone, a bare user name, an override: never a link.
    assert.ok(!hrefs.some((h) => /^https?:\/\/(@|$)|[\u202A-\u202E\u2066-\u2069]/i.test(h)), JSON.stringify(hrefs));
    assert.equal(await page.locator('#panic-banner').count(), 0);
    assert.deepEqual(page.problems, []);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    assert.ok(scrollWidth <= clientWidth, `no sideways scroll: ${scrollWidth} > ${clientWidth}`);
  }

  // The link opens where it says (a stand-in answers for the host, which is not reachable here).
  const context = alreadyThere.context();
  await context.route(/xn--e1afmkfd\.xn--p1ai/, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>пример</title>' }));
  const [opened] = await Promise.all([
    context.waitForEvent('page'),
    alreadyThere.locator(`#comment-${posted[0].id} .comment-text a`).click(),
  ]);
  await opened.waitForLoadState();
  assert.equal(opened.url(), 'http://xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8');
  await opened.close();

  // Both pages still work live: a reader posts through the composer, another through the API.
  // Each reader first scrolls to the newest comment, so nothing is held back for them (decision 17).
  const toNewest = (page) => page.locator('.comments .comment').last().scrollIntoViewIfNeeded();
  await toNewest(alreadyThere);
  await write(comeLater, 'Тот же читатель', 'И ещё https://харків.укр 🙂');
  for (const page of [alreadyThere, comeLater]) {
    await page.locator('.comment[id^="comment-"]', { hasText: 'И ещё https://харків.укр 🙂' }).waitFor();
  }
  await toNewest(alreadyThere);
  await toNewest(comeLater);
  const late = await post(BASE, slug, { text: 'Последний: http://пример.рф' });
  for (const page of [alreadyThere, comeLater]) {
    await page.locator(`#comment-${late.id} .comment-text a[href="http://пример.рф"]`).waitFor();
    assert.equal(await page.locator('.new-comments').count(), 0);
    assert.equal(await page.locator('#panic-banner').count(), 0);
    assert.deepEqual(page.problems, []);
  }
  await alreadyThere.context().close();
  await comeLater.context().close();
});

test('a draft survives a reload, and a post that failed is sent again without a duplicate', async () => {
  const slug = 'news-0004';
  const page = await openArticle(slug);
  await page.locator('#comment-author').fill('Вера');
  await page.locator('#comment-text').fill('Черновик, который нельзя потерять');
  await page.reload();
  await page.locator('.comments .composer').waitFor();
  assert.equal(await page.locator('#comment-text').inputValue(), 'Черновик, который нельзя потерять');
  assert.equal(await page.locator('#comment-author').inputValue(), 'Вера');

  // The network fails on sending: the comment stays, with the reason and a retry.
  await page.route(`**/api/articles/${slug}/comments`, (route) =>
    route.request().method() === 'POST' ? route.abort('connectionrefused') : route.continue());
  await page.locator('#comment-text').press('Control+Enter');
  const failed = page.locator('.pending [role=alert]');
  await failed.waitFor();
  assert.match(await failed.textContent(), /Не отправлено\. Нет связи с сервером/);
  // Closed and reopened: the post is still there and goes out by itself, once.
  await page.unroute(`**/api/articles/${slug}/comments`);
  await page.reload();
  await page.locator('.comment[id^="comment-"]', { hasText: 'Черновик, который нельзя потерять' }).waitFor();
  await page.locator('.pending').waitFor({ state: 'detached' });
  const all = await (await fetch(`${BASE}/api/articles/${slug}/comments`)).json();
  assert.equal(all.items.filter((c) => c.text === 'Черновик, который нельзя потерять').length, 1);
  await page.context().close();
});

test('validation runs before sending and the counter counts characters', async () => {
  const page = await openArticle('news-0005');
  await page.locator('#comment-author').fill('Петя');
  await page.locator('#comment-text').fill('   ');
  await page.getByRole('button', { name: 'Отправить' }).click();
  assert.equal(await page.locator('#comment-text-problem').textContent(), 'Напишите комментарий');
  await page.locator('#comment-text').fill('ё'.repeat(2001));
  assert.equal(await page.locator('.counter').textContent(), '2001 / 2000');
  await page.getByRole('button', { name: 'Отправить' }).click();
  assert.equal(await page.locator('#comment-text-problem').textContent(), 'Комментарий длиннее 2000 символов');
  assert.equal(await page.locator('.pending').count(), 0);
  await page.context().close();
});

test('comments arriving while the reader reads further up wait behind a button', async () => {
  const slug = 'news-0006';
  for (let i = 0; i < 25; i++) await post(BASE, slug, { text: `Старый комментарий ${i}\nвторая строка` });
  const page = await openArticle(slug, { viewport: { width: 800, height: 500 } });
  await page.locator('.comment', { hasText: 'Старый комментарий 0' }).scrollIntoViewIfNeeded();
  const before = await pageIds(page);
  for (let i = 0; i < 3; i++) await post(BASE, slug, { text: `Свежий ${i}` });
  const button = page.locator('button.new-comments');
  await page.waitForFunction(() => document.querySelector('button.new-comments')?.textContent === '3 новых комментария');
  assert.deepEqual(await pageIds(page), before, 'the list did not move');
  // One polite announcement for the burst.
  await page.waitForFunction(() => [...document.querySelectorAll('.comments [aria-live=polite]')].some((r) => r.textContent === '3 новых комментария'));
  await button.click();
  await page.locator('.comment', { hasText: 'Свежий 2' }).waitFor();
  assert.equal((await pageIds(page)).length, before.length + 3);
  await page.context().close();
});

test('a reader who posts too often is told how long to wait', async () => {
  const port = await freePort();
  const server = await startServer({ port, database: freshDatabase(), args: ['--comment-burst', '1', '--comment-per-seconds', '60'] });
  try {
    const page = await openPage(browser);
    await page.goto(`${server.url}/news/news-0001`);
    await page.locator('.comments .composer').waitFor();
    await write(page, 'Спешащий', 'Первый');
    await page.locator('.comment[id^="comment-"]', { hasText: 'Первый' }).waitFor();
    await write(page, 'Спешащий', 'Второй');
    const failed = page.locator('.pending [role=alert]');
    await failed.waitFor();
    assert.match(await failed.textContent(), /Слишком много запросов, подождите немного \(\d+ s\)/);
    assert.equal(await page.locator('.pending .comment-text').textContent(), 'Второй');
    await page.context().close();
  } finally {
    await server.stop();
  }
});

test('a server restart while comments are posted: the page ends with exactly what the database holds, each once', async () => {
  const port = await freePort();
  const database = freshDatabase();
  const args = ['--comment-burst', '100000', '--demo-news', '10'];
  let server = await startServer({ port, database, args });
  const slug = 'belgium-invest-kharkiv';
  const page = await openPage(browser);
  try {
    await page.goto(`${server.url}/news/${slug}`);
    await page.locator('.comments .composer').waitFor();
    await page.locator('.no-comments').waitFor();
    const posted = [];
    const postSome = async (n, tag) => {
      for (let i = 0; i < n; i++) {
        try {
          posted.push((await post(server.url, slug, { text: `${tag} ${i}` })).id);
        } catch { /* the server is down: that post is simply not made */ }
      }
    };
    await postSome(10, 'до');
    const stopping = server.stop();
    await postSome(5, 'во время');
    await stopping;
    await page.locator('.connection-status', { hasText: 'переподключаемся' }).waitFor();
    server = await startServer({ port, database, args });
    await postSome(10, 'после');
    const expected = await serverIds(server.url, slug);
    assert.ok(expected.length >= 20, `the database holds ${expected.length}`);
    await page.waitForFunction((n) => document.querySelectorAll('.comment[id^="comment-"]').length >= n, expected.length, { timeout: 30_000 });
    await page.waitForTimeout(500);
    assert.deepEqual(await pageIds(page), expected);
    assert.equal(await page.locator('.comments-total').textContent(), String(expected.length));
    assert.equal(await page.locator('.connection-status').count(), 0);
  } finally {
    await page.context().close();
    await server.stop();
  }
});

