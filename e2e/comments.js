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
