// A browser that cannot run WebAssembly (an old one without the global, or
// one whose policy refuses to compile the module): the reader is told why
// the live parts are missing, and still reads the article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, servePlainApp } from './browser.js';
import { expectNoViolations } from './axe.js';

const SLUG = 'belgium-invest-kharkiv';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A page in a browser without the `WebAssembly` global, as before 2017. */
async function openPageWithoutWasm() {
  const page = await openPage(browser);
  await page.addInitScript(() => { delete globalThis.WebAssembly; });
  return page;
}

test('without WebAssembly a rendered page keeps its article and says why the live parts are missing', async () => {
  const page = await openPageWithoutWasm();
  await page.goto(`${BASE}/news/${SLUG}`);
  assert.equal(await page.evaluate(() => typeof WebAssembly), 'undefined');
  const message = page.locator('main .no-wasm[role=alert]');
  await message.waitFor();
  assert.match(await message.textContent(), /не запускает WebAssembly/);
  assert.match(await page.locator('h1').textContent(), /Бельгия заинтересована/);
  assert.ok((await page.locator('.article-body > p').count()) > 3, 'the whole article is there to read');
  assert.equal(await page.locator('.language-switch').count(), 0, 'no switch that cannot work');
  await expectNoViolations(page, 'no WebAssembly (rendered page)');
  await page.context().close();
});

test('without WebAssembly a static host\'s page paints the headline and the opening, with the message', async () => {
  const page = await openPageWithoutWasm();
  await servePlainApp(page, BASE, `/news/${SLUG}`);
  await page.goto(`${BASE}/news/${SLUG}`);
  await page.locator('main .no-wasm[role=alert]').waitFor();
  await page.locator('#boot h1').waitFor();
  assert.equal(await page.locator('#boot .loading').count(), 0, 'no endless "Загрузка..."');
  assert.ok((await page.locator('#boot .article-body > p').count()) >= 1);
  await page.context().close();
});

test('a browser that refuses to compile the module gets the message too', async () => {
  const page = await openPage(browser);
  // As a locked-down browser or an extension would: compiling is refused.
  await page.addInitScript(() => {
    const refuse = () => Promise.reject(new WebAssembly.CompileError('refused by policy'));
    WebAssembly.instantiateStreaming = refuse;
    WebAssembly.instantiate = refuse;
    WebAssembly.compileStreaming = refuse;
    WebAssembly.compile = refuse;
  });
  await page.goto(`${BASE}/news/${SLUG}`);
  const message = page.locator('main .no-wasm[role=alert]');
  await message.waitFor();
  assert.match(await message.textContent(), /не запускает WebAssembly/);
  assert.equal(await message.count(), 1);
  assert.match(await page.locator('h1').textContent(), /Бельгия заинтересована/);
  await page.context().close();
});
