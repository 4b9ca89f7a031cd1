// axe-core (npm) run inside a page: the WCAG 2.2 A and AA rules, and the
// violations it finds written so that a failing test says what to fix.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rules' tags: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** The states checked so far, for the closing report: state → rules passed. */
export const checked = [];

/**
 * Runs axe on `page` as it stands and fails with each violation (rule, impact,
 * the elements and axe's summary) unless there are none. The script goes in
 * through the DevTools protocol, which the page's CSP does not govern.
 */
export async function expectNoViolations(page, state) {
  await page.evaluate(AXE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    WCAG_22_AA,
  );
  const found = result.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
  }));
  checked.push({ state, passes: result.passes.length });
  assert.deepEqual(found, [], `axe on "${state}": ${JSON.stringify(found, null, 2)}`);
}
