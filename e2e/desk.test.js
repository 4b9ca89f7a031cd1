// The moderation desk (/moderation/) with real browsers on a server of its
// own: new commenters held for review, the desk's live queues, its keyboard
// shortcuts, rejections with reasons, the log, reports, bans, word lists,
// an article closed from the desk, revoked tokens, and the CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { launch, openPage } from './browser.js';
import { freePort, freshDatabase, startServer } from './server.js';

/** The server's shared --moderator-token (a test value, not a secret). */
const SHARED = 'desk-e2e-shared-token-0123456789';
const MODERATOR = 'Ольга';

let browser;
let server;
let database;
let token;

/** Runs `vestnik-server moderator …` on the test database; answers what it printed. */
function moderatorCommand(...args) {
  return execFileSync(process.env.VESTNIK_SERVER_BIN, ['--database', database, 'moderator', ...args], {
    encoding: 'utf8',
  });
}

/** Adds a moderator and answers their token (the last line printed). */
function addModerator(name) {
  const printed = moderatorCommand('add', name).trim().split('\n');
  return printed[printed.length - 1].trim();
}

before(async () => {
  browser = await launch();
  database = freshDatabase();
  const port = await freePort();
  server = await startServer({
    port,
    database,
    args: [
      '--moderation-mode', 'new',
      '--moderator-token', SHARED,
      '--comment-burst', '100000',
    ],
    // The proof of work stays off (startServer's default): the readers here
    // post through the API too, as other readers would.
  });
  token = addModerator(MODERATOR);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const readerKey = () => randomBytes(16).toString('hex');

async function api(path, { method = 'GET', body, auth = token } = {}) {
  const answer = await fetch(`${server.url}/api${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(auth ? { Authorization: `Bearer ${auth}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await answer.text();
  return { status: answer.status, json: text ? JSON.parse(text) : null };
}

/** Posts as another reader, through the API. */
async function postAsReader(slug, text, fields = {}) {
  const { status, json } = await api(`/articles/${slug}/comments`, {
    method: 'POST',
    auth: null,
    body: { author: 'Соседка', text, client_id: randomUUID(), ...fields },
  });
  assert.ok(status === 201 || status === 200, `post answered ${status}`);
  return json;
}

async function openArticle(slug) {
  const page = await openPage(browser);
  await page.goto(`${server.url}/news/${slug}`);
  await page.locator('.comments .composer').waitFor();
  await page.locator('.comments .loading').waitFor({ state: 'detached' });
  return page;
}

async function write(page, author, text) {
  await page.locator('#comment-author').fill(author);
  await page.locator('#comment-text').fill(text);
  await page.locator('#comment-text').press('Control+Enter');
}

/** Opens the desk and logs in with `withToken`; waits until it is live. */
async function openDesk(withToken = token, { remember = false } = {}) {
  const page = await openPage(browser, { viewport: { width: 1024, height: 900 } });
  await page.goto(`${server.url}/moderation/`);
  await login(page, withToken, remember);
  await page.locator('.desk-header').waitFor();
  await page.locator('.desk-connection.desk-live').waitFor();
  await page.locator('#desk-panel .desk-loading').waitFor({ state: 'detached' });
  return page;
}

async function login(page, withToken, remember = false) {
  await page.locator('#desk-token').fill(withToken);
  if (remember) await page.locator('.desk-check input').check();
  await page.locator('.desk-login-form button[type="submit"]').click();
}

/** The desk's card of the comment `id`. */
const card = (desk, id) => desk.locator(`#desk-item-${id}`);

/** The id of the reader's own comment with `text`, once the server has it. */
async function ownCommentId(page, text) {
  const own = page.locator('.comment[id^="comment-"]', { hasText: text });
  await own.waitFor();
  return Number((await own.getAttribute('id')).slice('comment-'.length));
}

test('a new commenter waits for review; the desk hears of it live and approves it with a key', async () => {
  const slug = 'news-0002';
  const desk = await openDesk();
  assert.equal(await desk.locator('.desk-moderator').textContent(), MODERATOR);
  assert.equal(await desk.locator('#desk-tab-pending').getAttribute('aria-selected'), 'true');
  const author = await openArticle(slug);
  const other = await openArticle(slug);
  const text = `Первый комментарий ${randomUUID().slice(0, 8)}`;
  await write(author, 'Новенький', text);
  const id = await ownCommentId(author, text);
  const own = author.locator(`#comment-${id}`);
  assert.match(await own.locator('.comment-badge').textContent(), /На проверке/);
  await other.waitForTimeout(500);
  assert.equal(await other.locator('.comment', { hasText: text }).count(), 0, 'another reader sees a held comment');

  // On the desk without a reload: its article, reader, network and why.
  const item = card(desk, id);
  await item.waitFor();
  assert.match(await item.textContent(), new RegExp(text));
  assert.match(await item.locator('.desk-held').textContent(), /новый комментатор/);
  assert.match(await item.locator('.desk-ip').textContent(), /^127\.0\.0\.0\/24$/);
  assert.match(await item.locator('.desk-reader').textContent(), /^[0-9a-f]{8,}$/);
  const link = item.locator('.desk-article a');
  assert.equal(await link.getAttribute('href'), `/news/${slug}#comment-${id}`);
  assert.ok((await link.textContent()).length > 0);
  assert.equal(await desk.locator('.desk-count[data-queue="pending"]').textContent(), '1');

  // j selects the newest, a approves it.
  await desk.keyboard.press('j');
  assert.equal(await item.getAttribute('aria-current'), 'true');
  await desk.keyboard.press('a');
  await item.waitFor({ state: 'detached' });
  assert.equal(await desk.locator('.desk-count[data-queue="pending"]').textContent(), '0');

  // Everyone sees it now, live; its author no longer as waiting.
  await other.locator(`#comment-${id}`, { hasText: text }).waitFor();
  await own.locator('.comment-badge').waitFor({ state: 'detached' });
  assert.deepEqual([...desk.problems, ...author.problems, ...other.problems], []);
  for (const page of [desk, author, other]) await page.context().close();
});

test('a rejection with a reason and a note reaches its author; the log names the moderator', async () => {
  const slug = 'news-0003';
  const desk = await openDesk();
  const author = await openArticle(slug);
  const text = `Реклама ${randomUUID().slice(0, 8)}`;
  await write(author, 'Продавец', text);
  const id = await ownCommentId(author, text);
  const item = card(desk, id);
  await item.waitFor();

  await item.locator('.desk-r').click();
  const reason = desk.locator(`#reject-reason-${id}`);
  await reason.waitFor();
  // The reasons have the focus, for the keyboard.
  await desk.waitForFunction((field) => document.activeElement?.id === field, `reject-reason-${id}`);
  // Without a reason nothing is sent.
  await item.locator('form button[type="submit"]').click();
  await item.locator('.desk-failure', { hasText: 'Выберите причину' }).waitFor();
  await reason.selectOption('off_topic');
  await desk.locator(`#reject-note-${id}`).fill('Обсуждаем статью, а не магазин');
  // Typing a shortcut's letter into the note is text, not an action.
  await desk.locator(`#reject-note-${id}`).press('a');
  assert.equal(await desk.locator(`#reject-note-${id}`).inputValue(), 'Обсуждаем статью, а не магазинa');
  await desk.locator(`#reject-note-${id}`).fill('Обсуждаем статью, а не магазин');
  await item.locator('form button[type="submit"]').click();
  await item.waitFor({ state: 'detached' });

  const rejected = author.locator(`#comment-${id}.rejected`);
  await rejected.waitFor();
  assert.match(await rejected.textContent(), /Не по теме/);
  assert.match(await rejected.textContent(), /Обсуждаем статью, а не магазин/);

  // It is in the rejected queue, with the reason.
  await desk.keyboard.press('4');
  await card(desk, id).waitFor();
  assert.match(await card(desk, id).textContent(), /не по теме: Обсуждаем статью/);

  // The log: who, what, when, with the comment.
  await desk.keyboard.press('l');
  const row = desk.locator('.desk-log-entry[data-action="reject"]', { hasText: `№ ${id}` });
  await row.waitFor();
  assert.equal(await row.locator('.desk-log-who').textContent(), MODERATOR);
  assert.equal(await row.locator('.desk-log-what').textContent(), 'отклонил(а)');
  assert.match(await row.locator('.desk-log-detail').textContent(), /не по теме: Обсуждаем статью/);
  assert.ok(await row.locator('.desk-log-when time').getAttribute('datetime'));
  const approvals = desk.locator('.desk-log-entry[data-action="approve"] .desk-log-who');
  assert.ok(await approvals.count() >= 1);
  assert.deepEqual(await approvals.allTextContents(), Array(await approvals.count()).fill(MODERATOR));

  // An action by another moderator's hand (the shared token) arrives live.
  const other = await postAsReader(slug, `Ещё один ${randomUUID().slice(0, 8)}`);
  assert.equal((await api(`/moderation/comments/${other.id}/remove`, { method: 'POST', auth: SHARED })).status, 204);
  const live = desk.locator('.desk-log-entry[data-action="remove"]', { hasText: `№ ${other.id}` });
  await live.waitFor();
  assert.equal(await live.locator('.desk-log-who').textContent(), 'shared token');
  assert.deepEqual([...desk.problems, ...author.problems], []);
  for (const page of [desk, author]) await page.context().close();
});

test('reports by readers put a comment into the reported queue live', async () => {
  const slug = 'news-0004';
  const comment = await postAsReader(slug, `Спорное мнение ${randomUUID().slice(0, 8)}`);
  assert.equal((await api(`/moderation/comments/${comment.id}/approve`, { method: 'POST' })).status, 204);
  const desk = await openDesk();
  await desk.keyboard.press('2');
  assert.equal(await desk.locator('#desk-tab-reported').getAttribute('aria-selected'), 'true');
  for (const reason of ['spam', 'spam']) {
    const { status } = await api(`/comments/${comment.id}/reports`, {
      method: 'POST',
      auth: null,
      body: { reader_key: readerKey(), reason },
    });
    assert.equal(status, 201);
  }
  const item = card(desk, comment.id);
  await item.waitFor();
  await item.locator('.desk-reports', { hasText: 'спам × 2' }).waitFor();
  assert.equal(await desk.locator('.desk-count[data-queue="reported"]').textContent(), '1');
  // Approving clears the reports: it leaves the queue.
  await item.locator('.desk-a').click();
  await item.waitFor({ state: 'detached' });
  assert.deepEqual(desk.problems, []);
  await desk.context().close();
});

test('a ban from an item, lifted from the bans; a word added and taken off', async () => {
  const slug = 'news-0005';
  const key = readerKey();
  const comment = await postAsReader(slug, `Тролль ${randomUUID().slice(0, 8)}`, { reader_key: key, author: 'Тролль' });
  const desk = await openDesk();
  const item = card(desk, comment.id);
  await item.waitFor();
  await item.locator('.desk-author').click();
  await desk.keyboard.press('b');
  await desk.locator(`#ban-scope-${comment.id}`).waitFor();
  await desk.locator(`#ban-scope-${comment.id}`).selectOption('reader');
  await desk.locator(`#ban-length-${comment.id}`).selectOption('7d');
  await desk.locator(`#ban-note-${comment.id}`).fill('оскорбления в трёх статьях');
  await item.locator('form button[type="submit"]').click();
  await item.locator('form').waitFor({ state: 'detached' });
  // The banned reader's next post is refused.
  const refused = await api(`/articles/${slug}/comments`, {
    method: 'POST',
    auth: null,
    body: { author: 'Тролль', text: 'снова я', client_id: randomUUID(), reader_key: key },
  });
  assert.equal(refused.status, 403);

  await desk.locator('#desk-tab-bans').click();
  const ban = desk.locator('.desk-ban', { hasText: 'оскорбления в трёх статьях' });
  await ban.waitFor();
  assert.match(await ban.textContent(), /читатель/);
  assert.match(await ban.textContent(), new RegExp(MODERATOR));
  await ban.locator('button').click();
  await ban.waitFor({ state: 'detached' });
  await postAsReader(slug, `Исправился ${randomUUID().slice(0, 8)}`, { reader_key: key, author: 'Тролль' });

  await desk.locator('#desk-tab-words').click();
  await desk.locator('#word-new').fill('казино*');
  await desk.locator('#word-kind').selectOption('suspect');
  await desk.locator('.desk-inline-form button[type="submit"]').click();
  const word = desk.locator('.desk-word-list[data-kind="suspect"] .desk-word', { hasText: 'казино*' });
  await word.waitFor();
  // A comment with the word waits, and the desk says why.
  const held = await postAsReader(slug, `Заходите в казиношку ${randomUUID().slice(0, 8)}`);
  await desk.keyboard.press('1');
  await card(desk, held.id).locator('.desk-held', { hasText: 'подозрительное слово' }).waitFor();
  await desk.locator('#desk-tab-words').click();
  await word.locator('button').click();
  await word.waitFor({ state: 'detached' });
  assert.deepEqual(desk.problems, []);
  await desk.context().close();
});

test('closing an article from the desk replaces its readers\' composer live', async () => {
  const slug = 'news-0006';
  const reader = await openArticle(slug);
  const desk = await openDesk();
  await desk.locator('#desk-tab-article').click();
  await desk.locator('#article-slug').fill(slug);
  await desk.locator('#article-slug').press('Enter');
  await desk.locator('#article-closing').waitFor();
  assert.match(await desk.locator('.desk-effective').textContent(), /открыто/);
  await desk.locator('#article-closing').selectOption('closed');
  await desk.locator('#article-mode').selectOption('pre');
  await desk.locator('#article-settings button[type="submit"]').click();
  await desk.locator('.desk-saved').waitFor();
  assert.match(await desk.locator('.desk-effective').textContent(), /премодерация, закрыто/);
  await reader.locator('.comments-closed', { hasText: 'Обсуждение закрыто' }).waitFor();
  assert.equal(await reader.locator('.comments .composer').count(), 0);
  // And open again, as the site.
  await desk.locator('#article-closing').selectOption('site');
  await desk.locator('#article-settings button[type="submit"]').click();
  await reader.locator('.comments .composer').waitFor();
  await desk.keyboard.press('l');
  const row = desk.locator('.desk-log-entry[data-action="article_settings"]').first();
  await row.waitFor();
  assert.equal(await row.locator('.desk-log-who').textContent(), MODERATOR);
  assert.deepEqual([...desk.problems, ...reader.problems], []);
  for (const page of [desk, reader]) await page.context().close();
});

test('a wrong token is refused and a revoked one returns the desk to the login, saying why', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.url}/moderation/`);
  await login(page, 'not-a-token');
  await page.locator('#login-problem', { hasText: 'Сервер не принял этот токен' }).waitFor();

  const guestToken = addModerator('Гость');
  await login(page, guestToken, true);
  await page.locator('.desk-connection.desk-live').waitFor();
  assert.equal(await page.locator('.desk-moderator').textContent(), 'Гость');
  // Remembered on this device: a reload logs in by itself.
  await page.reload();
  await page.locator('.desk-connection.desk-live').waitFor();

  moderatorCommand('revoke', 'Гость');
  await page.locator('#desk-tab-words').click();
  await page.locator('#login-problem', { hasText: 'Сеанс завершён' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('vestnik.moderator_token')), null);
  // The refused requests are the only complaints the browser logs.
  const others = page.problems.filter((p) => !/status of 401/.test(p));
  assert.deepEqual(others, []);
  await page.context().close();
});

test('the desk runs under its CSP at 320 px, in dark mode, with no console errors', async () => {
  const page = await openPage(browser, { viewport: { width: 320, height: 640 }, colorScheme: 'dark' });
  await page.goto(`${server.url}/moderation/`);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(policy, /unsafe-inline/);
  await login(page, token);
  await page.locator('.desk-connection.desk-live').waitFor();
  await postAsReader('news-0007', `Узкий экран ${randomUUID().slice(0, 8)}`);
  await page.locator('#desk-panel .desk-item').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the desk is ${overflow}px wider than a 320px screen`);
  // Touch targets: every button of an item is at least 44px tall.
  const heights = await page.locator('#desk-panel .desk-item .desk-button').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().height));
  assert.ok(heights.length > 0 && heights.every((h) => h >= 44), `${heights}`);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background, 'rgb(22, 22, 21)');
  await page.keyboard.press('?');
  await page.locator('.desk-help').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.desk-help').waitFor({ state: 'detached' });
  assert.deepEqual(page.cspViolations, []);
  assert.deepEqual(page.problems, []);
  // /moderation without the slash finds the desk too.
  const bare = await fetch(`${server.url}/moderation`, { redirect: 'manual' });
  assert.ok([301, 307, 308].includes(bare.status), `/moderation answered ${bare.status}`);
  assert.equal(new URL(bare.headers.get('location'), server.url).pathname, '/moderation/');
  await page.context().close();
});
