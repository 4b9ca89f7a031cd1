// Moderation as readers meet it, in Chromium on a server of its own with the
// proof of work on (every post from a page solves one) and one report enough
// to send a comment back to the queue. Moderators act through the API here;
// e2e/desk.test.js drives the desk itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { launch, openPage } from './browser.js';
import { freePort, freshDatabase, startServer } from './server.js';
import { moderate, solveChallenge } from './comments.js';

const TOKEN = 'e2e-moderation-token-0123456789';

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await startServer({
    port: await freePort(),
    database: freshDatabase(),
    proofOfWork: true,
    args: [
      '--moderator-token', TOKEN,
      '--report-threshold', '1',
      '--comment-burst', '100000',
      '--demo-news', '60',
      // Every test posts from 127.0.0.1, whose price would double with each
      // post; the readers' cost at the default is measured in bench/.
      '--proof-of-work-base', '2000',
    ],
  });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const desk = (method, path, body) => moderate(server.url, TOKEN, method, path, body);

async function openArticle(slug) {
  const page = await openPage(browser);
  await page.goto(`${server.url}/news/${slug}`);
  await page.locator('.comments .loading').waitFor({ state: 'detached' });
  return page;
}

async function write(page, author, text) {
  await page.locator('#comment-author').fill(author);
  await page.locator('#comment-text').fill(text);
  await page.locator('#comment-text').press('Control+Enter');
}

/** The id of the newest comment in a queue, or `undefined`. */
async function newestIn(queue, slug) {
  const page = await desk('GET', `/moderation/queue?queue=${queue}&article=${slug}`);
  return page.items[0]?.comment;
}

test('a new commenter waits for a moderator: only they see it, and approved it appears live for everyone', async () => {
  const slug = 'news-0010';
  await desk('PUT', `/moderation/articles/${slug}`, { mode: 'new' });
  const alice = await openArticle(slug);
  const bob = await openArticle(slug);
  assert.match(await alice.locator('.moderation-hint').textContent(), /новых участников/);
  await write(alice, 'Алиса', 'Мой первый комментарий здесь');
  const own = alice.locator('.comment.awaiting-review', { hasText: 'Мой первый комментарий здесь' });
  await own.waitFor();
  assert.match(await own.textContent(), /На проверке/);
  // After a reload too: the page asks for this reader's own comments.
  await alice.reload();
  await own.waitFor();
  await bob.waitForTimeout(500);
  assert.equal(await bob.locator('.comment', { hasText: 'Мой первый комментарий' }).count(), 0);
  const waiting = await newestIn('pending', slug);
  assert.equal(waiting.text, 'Мой первый комментарий здесь');
  await desk('POST', `/moderation/comments/${waiting.id}/approve`);
  await bob.locator(`#comment-${waiting.id}`, { hasText: 'Мой первый комментарий здесь' }).waitFor();
  await alice.locator(`#comment-${waiting.id}:not(.awaiting-review)`).waitFor();
  assert.equal(await bob.locator('.comments-total').textContent(), '1');
  assert.deepEqual([...alice.problems, ...bob.problems], []);
  await alice.context().close();
  await bob.context().close();
});

test('a rejected comment tells its author why, keeps their text for an edit, and never reaches others', async () => {
  const slug = 'news-0011';
  await desk('PUT', `/moderation/articles/${slug}`, { mode: 'pre' });
  const alice = await openArticle(slug);
  const bob = await openArticle(slug);
  await write(alice, 'Алиса', 'Резкое слово в споре');
  await alice.locator('.comment.awaiting-review').waitFor();
  const waiting = await newestIn('pending', slug);
  await desk('POST', `/moderation/comments/${waiting.id}/reject`, { reason: 'insult', note: 'Перепишите без грубости' });
  const rejected = alice.locator('.comment.rejected');
  await rejected.waitFor();
  assert.match(await rejected.textContent(), /Отклонён модератором: Оскорбление\. Перепишите без грубости/);
  await rejected.getByRole('button', { name: 'Изменить' }).click();
  assert.equal(await alice.locator('#comment-text').inputValue(), 'Резкое слово в споре');
  await rejected.waitFor({ state: 'detached' });
  assert.equal(await bob.locator('.comment').count(), 0);
  await alice.context().close();
  await bob.context().close();
});

test('a banned word is refused with a clear message and the text kept; a suspect word waits for a moderator', async () => {
  const slug = 'news-0012';
  await desk('POST', '/moderation/words', { word: 'дурак', kind: 'banned' });
  await desk('POST', '/moderation/words', { word: 'казино*', kind: 'suspect' });
  const page = await openArticle(slug);
  await write(page, 'Гость', 'Сам ты ДУРАК');
  const failed = page.locator('.pending-status.failed');
  await failed.waitFor();
  assert.match(await failed.textContent(), /В комментарии есть недопустимое слово: «ДУРАК»/);
  assert.equal(await failed.getByRole('button', { name: 'Повторить' }).count(), 0, 'sending it again would not help');
  await failed.getByRole('button', { name: 'Изменить' }).click();
  assert.equal(await page.locator('#comment-text').inputValue(), 'Сам ты ДУРАК');
  await page.locator('#comment-text').fill('Лучшее онлайн-казино в городе');
  await page.locator('#comment-text').press('Control+Enter');
  await page.locator('.comment.awaiting-review', { hasText: 'онлайн-казино' }).waitFor();
  const held = await desk('GET', `/moderation/queue?queue=pending&article=${slug}`);
  assert.equal(held.items[0].held_for, 'suspect_word');
  assert.equal(held.items[0].held_detail, 'казино');
  // The browser logs the refused POST itself; nothing else went wrong.
  assert.deepEqual(page.problems.filter((p) => !p.includes('status of 422')), []);
  await page.context().close();
});

test('a report from the comment sends it back to the queue, and it leaves other readers live', async () => {
  const slug = 'news-0013';
  const author = await openArticle(slug);
  const reporter = await openArticle(slug);
  const bystander = await openArticle(slug);
  await write(author, 'Спорщик', 'Мнение, на которое пожалуются');
  const inReporter = reporter.locator('.comment', { hasText: 'Мнение, на которое пожалуются' });
  await inReporter.waitFor();
  await inReporter.locator('summary', { hasText: 'Пожаловаться' }).click();
  await inReporter.getByLabel('Что не так с комментарием?').selectOption('off_topic');
  await inReporter.getByRole('button', { name: 'Отправить жалобу' }).click();
  // One report is this server's threshold: the comment waits again, and
  // leaves the thread of every reader but its author.
  await inReporter.waitFor({ state: 'detached' });
  await bystander.locator('.comment', { hasText: 'Мнение, на которое' }).waitFor({ state: 'detached' });
  const item = (await desk('GET', `/moderation/queue?queue=reported&article=${slug}`)).items[0];
  assert.equal(item.comment.text, 'Мнение, на которое пожалуются');
  assert.deepEqual(item.reports, [{ reason: 'off_topic', count: 1 }]);
  assert.equal(item.held_for, 'reports');
  // Its author still sees it, as waiting.
  await author.locator('.comment.awaiting-review', { hasText: 'Мнение, на которое' }).waitFor();
  for (const page of [author, reporter, bystander]) await page.context().close();
});

test('a shadow-banned reader still sees their own comments; nobody else does', async () => {
  const slug = 'news-0014';
  const troll = await openArticle(slug);
  const other = await openArticle(slug);
  await write(troll, 'Тролль', 'Первый, ещё до бана');
  await other.locator('.comment', { hasText: 'Первый, ещё до бана' }).waitFor();
  const first = (await desk('GET', `/moderation/queue?queue=recent&article=${slug}`)).items[0].comment;
  await desk('POST', '/moderation/bans', { comment_id: first.id, scope: 'reader', shadow: true });
  await write(troll, 'Тролль', 'Второй, уже под баном');
  const own = troll.locator('.comment[id^="comment-"]', { hasText: 'Второй, уже под баном' });
  await own.waitFor();
  assert.equal(await own.evaluate((c) => c.classList.contains('awaiting-review')), false, 'it looks published to them');
  await troll.reload();
  await own.waitFor();
  await other.waitForTimeout(500);
  assert.equal(await other.locator('.comment', { hasText: 'Второй, уже под баном' }).count(), 0);
  await other.reload();
  await other.locator('.comment', { hasText: 'Первый, ещё до бана' }).waitFor();
  assert.equal(await other.locator('.comment', { hasText: 'Второй' }).count(), 0);
  assert.equal(await other.locator('.comments-total').textContent(), '1');
  await troll.context().close();
  await other.context().close();
});

test('a closed article shows its comments and no composer, also when a moderator closes it while the page is open', async () => {
  const slug = 'news-0015';
  const page = await openArticle(slug);
  await write(page, 'Читатель', 'Успел до закрытия');
  await page.locator('.comment[id^="comment-"]', { hasText: 'Успел до закрытия' }).waitFor();
  await desk('PUT', `/moderation/articles/${slug}`, { closed: true });
  await page.locator('.comments-closed', { hasText: 'Обсуждение закрыто' }).waitFor();
  assert.equal(await page.locator('.comments .composer').count(), 0);
  const later = await openArticle(slug);
  await later.locator('.comments-closed').waitFor();
  assert.equal(await later.locator('.comments .composer').count(), 0);
  await later.locator('.comment', { hasText: 'Успел до закрытия' }).waitFor();
  await page.context().close();
  await later.context().close();
});

test('the honeypot and the proof of work stop a scripted poster while a reader in Chromium posts normally', async () => {
  const slug = 'news-0016';
  const postAs = (body) => fetch(`${server.url}/api/articles/${slug}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ author: 'Бот', client_id: randomUUID(), ...body }),
  });
  // A script that does not run the page: no proof.
  let answer = await postAs({ text: 'Дешёвые кредиты без проверки' });
  assert.equal(answer.status, 422);
  assert.equal((await answer.json()).error.reason, 'proof_of_work');
  // One that fills every field it finds, even with a solved proof.
  answer = await postAs({ text: 'Дешёвые кредиты без проверки', website: 'https://spam.example', proof: await solveChallenge(server.url) });
  assert.equal((await answer.json()).error.reason, 'spam_check');
  // One that solves once and replays the proof.
  const proof = await solveChallenge(server.url);
  assert.equal((await postAs({ text: 'Кредиты раз', proof })).status, 201);
  answer = await postAs({ text: 'Кредиты два', proof });
  assert.equal((await answer.json()).error.detail, 'used');
  // The reader types and sends as ever; the page did the work.
  const page = await openArticle(slug);
  const challenges = [];
  page.on('request', (r) => r.url().includes('/comments/challenge') && challenges.push(r.url()));
  await write(page, 'Читатель', 'Обычный комментарий человека');
  await page.locator('.comment[id^="comment-"]', { hasText: 'Обычный комментарий человека' }).waitFor();
  assert.equal(await page.locator('.pending-status.failed').count(), 0);
  assert.ok(challenges.length >= 1, 'the page asked for a challenge');
  const trap = await page.locator('#comment-website').boundingBox();
  assert.ok(trap.x + trap.width <= 0, `the honeypot is off screen: ${JSON.stringify(trap)}`);
  assert.equal(await page.locator('.honeypot').getAttribute('aria-hidden'), 'true');
  const spam = (await desk('GET', `/moderation/queue?queue=recent&article=${slug}`)).items.map((i) => i.comment.text);
  assert.ok(!spam.includes('Дешёвые кредиты без проверки'), JSON.stringify(spam));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
