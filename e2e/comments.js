// Comments as other readers make them (through the API) and as a page shows
// them: shared by the tests that count every comment.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

/** Posts a comment through the API, as another reader would. */
export async function post(base, slug, fields) {
  const body = { author: 'Соседка', client_id: randomUUID(), ...fields };
  const answer = await fetch(`${base}/api/articles/${slug}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.ok(answer.status === 201 || answer.status === 200, `post answered ${answer.status}`);
  return answer.json();
}

/** Every comment id the server holds for `slug`, walking all pages. */
export async function serverIds(base, slug) {
  const ids = [];
  let before = '';
  for (;;) {
    const page = await (await fetch(`${base}/api/articles/${slug}/comments?limit=100&before=${before}`)).json();
    ids.push(...page.items.map((c) => c.id));
    if (!page.next) break;
    before = page.next;
  }
  return ids.sort((a, b) => a - b);
}

/** The comment ids a page shows, in DOM order. */
export function pageIds(page) {
  return page.locator('.comment[id^="comment-"]').evaluateAll((cs) => cs.map((c) => Number(c.id.slice(8))));
}

/**
 * Solves the server's proof-of-work challenge the way the app does (every
 * number from 0 until SHA-256(salt + n) is the challenge), for a scripted
 * poster that does its work: answers the post's `proof`.
 */
export async function solveChallenge(base, reader) {
  const { createHash } = await import('node:crypto');
  const query = reader ? `?reader=${reader}` : '';
  const challenge = await (await fetch(`${base}/api/comments/challenge${query}`)).json();
  for (let n = 0; n <= challenge.maxnumber; n++) {
    if (createHash('sha256').update(`${challenge.salt}${n}`).digest('hex') === challenge.challenge) {
      return { challenge: challenge.challenge, salt: challenge.salt, number: n, signature: challenge.signature };
    }
  }
  throw new Error('no solution within maxnumber');
}

/** A moderator's request to the API with `token`. */
export async function moderate(base, token, method, path, body) {
  const answer = await fetch(`${base}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  assert.ok(answer.status < 300, `${method} ${path} answered ${answer.status}: ${await answer.clone().text()}`);
  return answer.status === 204 ? null : answer.json();
}
