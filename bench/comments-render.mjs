// Rendering 1,000 comments under one article: a cold load and "Показать
// предыдущие" until all are shown, the DOM and memory that costs, frame times
// while scrolling through them, and a live burst of 1,000 more over the event
// stream. Prints figures; nothing here passes or fails on timing.
// Usage (from `cargo xtask bench`): node bench/comments-render.mjs
// Env: VESTNIK_SERVER_BIN, VESTNIK_DIST (as for every bench), CHROMIUM,
// BENCH_COMMENTS (default 1000), BENCH_LOADS (cold loads, default 3),
// BENCH_CONCURRENCY (parallel POSTs, default 20), VESTNIK_BENCH_REPORT (a
// markdown file to append the figures to).
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { launch, MEMORY_FLAGS, openPage } from '../e2e/browser.js';
import { freePort, freshDatabase, startServer } from '../e2e/server.js';

const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 1000);
const LOADS = Math.max(1, Number(process.env.BENCH_LOADS ?? 3));
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const REPLY_SHARE = 0.2;
const SLUG = 'belgium-invest-kharkiv';
const VIEWPORT = { width: 1280, height: 900 };
/** A comment element the server confirmed (pending posts have no id). */
const COMMENT = '.comments .comment[id^="comment-"]';

// ---------------------------------------------------------------------------
// Made-up but plausible comments: a seeded generator, so every run posts the
// same texts and figures compare between runs.

function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(Number(process.env.BENCH_SEED ?? 20261125));
const pick = (list) => list[Math.floor(random() * list.length)];

const AUTHORS = [
  'Ольга', 'Андрей К.', 'Марина Петренко', 'Сергей', 'Харьковчанин', 'Ирина', 'Дмитрий из Салтовки',
  'Наталья В.', 'Олег', 'Татьяна', 'Виктор Иванович', 'Алёна', 'Максим', 'Людмила', 'Игорь Н.',
  'Юлия', 'Павел', 'Светлана', 'Роман', 'Екатерина', 'Александр', 'Вера', 'Никита', 'Галина Сергеевна',
  'Денис', 'Анна', 'Евгений', 'Оксана', 'Богдан', 'Лариса',
];
const SENTENCES = [
  'Хорошая новость, наконец-то хоть кто-то вкладывает деньги в город.',
  'Интересно, сколько из этих денег дойдёт до реальных проектов.',
  'Бельгийцы молодцы, но без нормальной логистики заводы работать не будут.',
  'Живу на Алексеевке, у нас до сих пор не восстановили остановку.',
  'Главное, чтобы это были рабочие места для местных, а не только для подрядчиков.',
  'Читаю и не верю: ещё год назад о таком никто даже не думал.',
  'А где можно посмотреть список предприятий, которые получат финансирование?',
  'Спасибо редакции за подробный материал.',
  'Мой брат работает на одном из таких заводов, говорит, что заказов стало больше.',
  'Инвестиции — это хорошо, но сначала нужно решить вопрос с электричеством.',
  'Харьков выстоит, и такие новости это подтверждают.',
  'Было бы неплохо, если бы часть средств пошла на школы и больницы.',
  'Почему в статье ничего не сказано о сроках?',
  'Согласен с предыдущим комментатором.',
  'Не понимаю скептиков: любая помощь сейчас на вес золота.',
  'Вчера проезжал мимо промзоны, там действительно идёт стройка.',
  'Посмотрим, что будет через полгода, пока это только обещания.',
  'Отличная работа мэрии, если всё так, как написано.',
  'В прошлом году тоже обещали, а потом всё заглохло.',
  'Надеюсь, про малый бизнес тоже не забудут, ему сейчас тяжелее всех.',
  'Кто-нибудь знает, будут ли набирать людей без опыта?',
  'Очень жду, когда откроют метро на полную мощность.',
  'Город живёт, люди работают, и это самое главное.',
  'Цифры впечатляют, но хотелось бы увидеть подробности договора.',
  'Мы с семьёй вернулись в Харьков весной и не жалеем.',
  'Бельгия вообще много помогает, это уже не первый проект.',
  'Как всегда, в комментариях одни эксперты по экономике.',
  'Хотелось бы больше таких новостей и меньше тревог.',
  'Подскажите, где найти оригинал заявления посольства?',
  'Спасибо всем, кто продолжает работать в городе, несмотря ни на что.',
  'Это касается только Харькова или области тоже?',
  'Энергетика должна быть на первом месте, без неё никакие заводы не запустятся.',
  'Жаль, что о таких вещах узнаём из новостей, а не из открытых отчётов.',
  'Надо бы ещё дороги на Северной Салтовке отремонтировать.',
  'Не всё так плохо, как пишут в соцсетях.',
  'Пусть приезжают и смотрят своими глазами, город стоит.',
  'Ждём продолжения темы, особенно про рабочие места.',
  'Ремонт теплосетей тоже входит в программу или нет?',
  'Это лучшая новость за неделю.',
  'Держимся, Харьков!',
];
const LINKS = [
  'https://www.kharkovforum.com/threads/investicii.123456/',
  'https://city.kharkiv.ua/ru/news/belgiya-investiruet-20261125.html',
  'https://www.belgium.be/ru/news/ukraine-support',
  'https://prozorro.gov.ua/tender/UA-2026-11-20-004512-a',
  'https://t.me/kharkiv_news/48213',
  'http://example.org/otchet?id=42&lang=ru',
  'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
];

/** One comment's text: mostly a line or two, sometimes paragraphs, now and then a link. */
function commentText() {
  const r = random();
  const sentences = r < 0.45 ? 1 : r < 0.8 ? 2 + Math.floor(random() * 3) : r < 0.95 ? 5 + Math.floor(random() * 6) : 14 + Math.floor(random() * 12);
  const parts = [];
  for (let i = 0; i < sentences; i++) {
    parts.push(pick(SENTENCES));
    if (sentences > 4 && random() < 0.2) parts.push('\n\n');
  }
  if (random() < 0.12) {
    const link = pick(LINKS);
    const where = Math.floor(random() * (parts.length + 1));
    parts.splice(where, 0, random() < 0.5 ? `Вот ссылка: ${link}.` : `(подробнее: ${link})`);
  }
  return parts.join(' ').replace(/ ?\n\n ?/g, '\n\n').slice(0, 2000).trim();
}

/** The posting order: `count` comments, a `REPLY_SHARE` of them replies; the first few are never replies. */
function plan(count) {
  const places = Array.from({ length: Math.max(0, count - 10) }, (_, i) => i + 10);
  for (let i = places.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [places[i], places[j]] = [places[j], places[i]];
  }
  const replies = new Set(places.slice(0, Math.round(count * REPLY_SHARE)));
  return Array.from({ length: count }, (_, i) => ({ reply: replies.has(i), author: pick(AUTHORS), text: commentText() }));
}

// ---------------------------------------------------------------------------
// The API.

async function api(base, path, init) {
  const answer = await fetch(`${base}/api${path}`, init);
  if (!answer.ok) throw new Error(`${init?.method ?? 'GET'} ${path} answered ${answer.status}: ${await answer.text()}`);
  return answer.json();
}

/** Posts the comments of `entries`, `CONCURRENCY` at a time; replies go to top-level comments posted so far. */
async function postAll(base, entries, tops) {
  let next = 0;
  const posted = [];
  const worker = async () => {
    while (next < entries.length) {
      const entry = entries[next++];
      // Replies go mostly to the latest comments, some to older ones.
      const parent = entry.reply && tops.length > 0
        ? tops[random() < 0.6 ? tops.length - 1 - Math.floor(random() * Math.min(tops.length, 25)) : Math.floor(random() * tops.length)]
        : undefined;
      const comment = await api(base, `/articles/${SLUG}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ author: entry.author, text: entry.text, client_id: randomUUID(), ...(parent ? { parent_id: parent } : {}) }),
      });
      if (comment.parent_id == null) tops.push(comment.id);
      posted.push(comment);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return posted;
}

// ---------------------------------------------------------------------------
// Figures.

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const ms = (v) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const frameMs = (v) => `${v.toFixed(1)} ms`;
const mib = (b) => `${(b / 1024 / 1024).toFixed(1)} MiB`;
const int = (n) => n.toLocaleString('en-US');
function longTaskSummary(tasks) {
  if (tasks.length === 0) return 'none';
  const total = tasks.reduce((s, t) => s + t.duration, 0);
  return `${tasks.length}, longest ${ms(Math.max(...tasks.map((t) => t.duration)))}, ${ms(total)} in all`;
}
function frameSummary(frames) {
  return `p50 ${frameMs(percentile(frames, 50))}, p95 ${frameMs(percentile(frames, 95))}, p99 ${frameMs(percentile(frames, 99))}, max ${frameMs(Math.max(...frames))}; ${frames.filter((f) => f > 50).length} over 50 ms (${int(frames.length)} frames)`;
}

// ---------------------------------------------------------------------------
// In the page: installed before the app loads.

function instrument(firstPage) {
  window.__bench = { firstPageAt: null, appStartedAt: null, longTasks: [] };
  addEventListener('TrunkApplicationStarted', (event) => {
    window.__bench.appStartedAt = performance.now();
    window.__wasm = event.detail?.wasm;
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Checked once a frame: the first frame whose DOM holds the whole first
  // page; the time is taken after that frame's style, layout and paint.
  const poll = () => {
    if (document.querySelectorAll('.comments .comment[id^="comment-"]').length >= firstPage) {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.__bench.firstPageAt = performance.now(); };
      channel.port2.postMessage(null);
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

const port = await freePort();
const server = await startServer({ port, database: freshDatabase(), args: ['--comment-burst', '1000000'] });
const browser = await launch(MEMORY_FLAGS);
const rows = [];
const row = (figure, value) => {
  rows.push([figure, value]);
  console.log(`comments-render: ${figure}: ${value}`);
};
const problems = [];
const loadAtStart = loadavg()[0];
try {
  // --- Setup: 1,000 comments through the API, as readers would post them.
  const seeded = (await api(server.url, `/articles/${SLUG}/comments?limit=1`)).total;
  const tops = [];
  const postStarted = performance.now();
  const before = await postAll(server.url, plan(COMMENTS), tops);
  const postSeconds = (performance.now() - postStarted) / 1000;
  const replies = before.filter((c) => c.parent_id != null).length;
  const lengths = before.map((c) => [...c.text].length);
  const withLinks = before.filter((c) => /https?:\/\//.test(c.text)).length;
  const first = await api(server.url, `/articles/${SLUG}/comments?limit=50`);
  const total = first.total;
  console.log(`comments-render: posted ${COMMENTS} comments (${COMMENTS - replies} top-level, ${replies} replies, ${withLinks} with links; text ${Math.min(...lengths)}–${Math.max(...lengths)} characters, median ${percentile(lengths, 50)}) in ${postSeconds.toFixed(1)} s; the article had ${seeded} before, now ${total}; the first page holds ${first.items.length}`);

  // --- (a) Cold loads: navigation start → the first page of comments in the DOM.
  const loads = [];
  let page;
  for (let i = 0; i < LOADS; i++) {
    page = await openPage(browser, { viewport: VIEWPORT });
    await page.addInitScript(instrument, first.items.length);
    await page.goto(`${server.url}/news/${SLUG}`);
    const at = await page.waitForFunction(() => window.__bench.firstPageAt && window.__bench, null, { timeout: 120_000 });
    const figures = await at.jsonValue();
    loads.push(figures);
    problems.push(...page.problems);
    if (i < LOADS - 1) await page.context().close();
  }
  const firstPageTimes = loads.map((l) => l.firstPageAt);
  row(`cold load: navigation start → first page (${first.items.length} comments) in the DOM, ${LOADS} loads in fresh contexts`,
    `${firstPageTimes.map(ms).join(', ')} (median ${ms(percentile(firstPageTimes, 50))}); app started at ${loads.map((l) => ms(l.appStartedAt)).join(', ')}`);
  const loadTasks = loads.at(-1).longTasks.filter((t) => t.start < loads.at(-1).firstPageAt);
  row('long tasks during the last cold load', longTaskSummary(loadTasks));
  page.problems.length = 0;

  // Memory with only the first page, for comparison.
  const memory = () => page.evaluate(() => {
    window.gc?.();
    return {
      comments: document.querySelectorAll('.comments .comment[id^="comment-"]').length,
      elements: document.getElementsByTagName('*').length,
      inComments: document.querySelectorAll('.comments *').length,
      heap: performance.memory.usedJSHeapSize,
      wasm: window.__wasm?.memory?.buffer?.byteLength ?? null,
    };
  });
  const onePage = await memory();

  // --- (a) "Показать предыдущие" until every comment is in the DOM.
  if (first.next) await page.locator('.comments .show-earlier').scrollIntoViewIfNeeded();
  const clicks = await page.evaluate(async () => {
    const count = () => document.querySelectorAll('.comments .comment[id^="comment-"]').length;
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    // Resolves after the current frame has been laid out and painted.
    const painted = () => new Promise((r) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = r;
      channel.port2.postMessage(null);
    });
    const started = performance.now();
    const times = [];
    for (;;) {
      const button = document.querySelector('.comments .show-earlier');
      if (!button) break;
      const had = count();
      const t0 = performance.now();
      button.click();
      // Done: more comments in the DOM and the button usable again (or gone).
      for (;;) {
        await frame();
        const again = document.querySelector('.comments .show-earlier');
        if (count() > had && (!again || !again.disabled)) break;
        // (checked in a frame callback: the new DOM is laid out and painted right after it)
        if (performance.now() - t0 > 120_000) throw new Error(`a click on "Показать предыдущие" took over 2 minutes (${count()} shown)`);
      }
      await painted();
      times.push({ ms: performance.now() - t0, added: count() - had, shown: count() });
      await frame();
    }
    return { started, total: performance.now() - started, times, shown: count() };
  });
  const clickTimes = clicks.times.map((c) => c.ms);
  if (clickTimes.length === 0) clickTimes.push(0);
  const clickTasks = (await page.evaluate(() => window.__bench.longTasks)).filter((t) => t.start >= clicks.started);
  row(`"Показать предыдущие" until all ${int(total)} are shown`,
    `${ms(clicks.total)} for ${clicks.times.length} clicks; a click p50 ${ms(percentile(clickTimes, 50))}, max ${ms(Math.max(...clickTimes))} (first ${ms(clickTimes[0])}, last ${ms(clickTimes.at(-1))}); ${int(clicks.shown)} in the DOM`);
  row('long tasks while loading the earlier pages', longTaskSummary(clickTasks));
  console.log(`comments-render:   each click (ms, comments added): ${clicks.times.map((c) => `${Math.round(c.ms)}/${c.added}`).join(' ')}`);
  if (clicks.shown !== total) console.log(`comments-render: WARNING: ${clicks.shown} comments in the DOM, the server has ${total}`);

  // --- (b) DOM and memory with every comment shown.
  const all = await memory();
  row(`DOM elements with ${int(all.comments)} comments shown`,
    `${int(all.elements)} in the page, ${int(all.inComments)} inside the comments (${(all.inComments / all.comments).toFixed(1)} a comment); with the first page only: ${int(onePage.elements)} / ${int(onePage.inComments)}`);
  row('JS heap (`performance.memory`, after `gc()`)', `${mib(all.heap)} with all shown, ${mib(onePage.heap)} with the first page`);
  if (all.wasm != null) row('Wasm linear memory (never shrinks)', `${mib(all.wasm)} with all shown, ${mib(onePage.wasm)} with the first page`);

  // --- (d) Frame times scrolling from the top of the comments to their end.
  await page.evaluate(() => document.querySelector('#comments').scrollIntoView({ block: 'start' }));
  await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
  await page.waitForTimeout(500);
  const scrollStart = await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    window.__recording = true;
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return { t: performance.now(), y: scrollY };
  });
  const scrolledStarted = Date.now();
  const endVisible = () => page.evaluate(() => {
    const end = document.querySelector('.comments .pending-list + div');
    return end.getBoundingClientRect().top < innerHeight;
  });
  while (!(await endVisible()) && Date.now() - scrolledStarted < 10 * 60_000) {
    for (let i = 0; i < 10; i++) {
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(16);
    }
  }
  const scroll = await page.evaluate((startedAt) => {
    window.__recording = false;
    return { frames: window.__frames.slice(1), ms: performance.now() - startedAt, y: scrollY };
  }, scrollStart.t);
  const scrollTasks = (await page.evaluate(() => window.__bench.longTasks)).filter((t) => t.start >= scrollStart.t);
  row(`frame times scrolling through all comments (${int(Math.round(scroll.y - scrollStart.y))} px by mouse wheel in ${ms(scroll.ms)})`, frameSummary(scroll.frames));
  row('long tasks while scrolling', longTaskSummary(scrollTasks));

  // --- (c) A live burst: the reader sits at the end of the comments while
  // 1,000 more arrive over the stream. New comments either go into the DOM or,
  // once the end of the list is out of view, wait behind "N новых комментариев".
  await page.evaluate(() => document.querySelector('.comments .pending-list + div').scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(1000);
  const burstStart = await page.evaluate((expected) => {
    const count = () => document.querySelectorAll('.comments .comment[id^="comment-"]').length;
    const held = () => {
      const button = document.querySelector('.comments .new-comments');
      const digits = button ? /^[\d\s\u00a0\u202f]+/.exec(button.textContent)?.[0].replace(/\D/g, '') : '';
      return digits ? Number(digits) : 0;
    };
    const base = count();
    const burst = { base, expected, samples: [], doneAt: null, frames: [], firstInDom: null, firstHeld: null };
    window.__burst = burst;
    let last = performance.now();
    const tick = (now) => {
      burst.frames.push(now - last);
      last = now;
      if (!burst.doneAt) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const sample = () => {
      const t = performance.now();
      const inDom = count() - base;
      const waiting = held();
      burst.samples.push([t, inDom, waiting]);
      if (inDom > 0 && burst.firstInDom == null) burst.firstInDom = t;
      if (waiting > 0 && burst.firstHeld == null) burst.firstHeld = t;
      if (inDom + waiting >= expected) {
        burst.doneAt = t;
        clearInterval(burst.timer);
      }
    };
    burst.timer = setInterval(sample, 20);
    return { t: performance.now(), origin: performance.timeOrigin, base };
  }, COMMENTS);
  const burstPosted = performance.now();
  const burstComments = await postAll(server.url, plan(COMMENTS), tops);
  const postsDone = performance.timeOrigin + performance.now() - burstStart.origin;
  const burstPostStart = performance.timeOrigin + burstPosted - burstStart.origin;
  const burstReplies = burstComments.filter((c) => c.parent_id != null).length;
  // Until every comment is accounted for, or nothing has changed for 30 s.
  let state;
  for (let stale = 0, lastSeen = -1; ;) {
    await page.waitForTimeout(250);
    state = await page.evaluate(() => {
      const b = window.__burst;
      const [, inDom, held] = b.samples.at(-1) ?? [0, 0, 0];
      return { doneAt: b.doneAt, inDom, held, firstInDom: b.firstInDom, firstHeld: b.firstHeld };
    });
    if (state.doneAt) break;
    if (state.inDom + state.held === lastSeen) stale += 250; else stale = 0;
    lastSeen = state.inDom + state.held;
    if (stale >= 30_000) break;
  }
  const burst = await page.evaluate(() => {
    const b = window.__burst;
    clearInterval(b.timer);
    const last = b.samples.at(-1);
    return { frames: b.frames.slice(1), last, doneAt: b.doneAt, samples: b.samples.length };
  });
  const burstTasks = (await page.evaluate(() => window.__bench.longTasks)).filter((t) => t.start >= burstPostStart);
  const [, inDom, held] = burst.last;
  const split = `${int(inDom)} went into the DOM, ${int(held)} counted in "N новых комментариев"`;
  if (burst.doneAt) {
    row(`live burst: ${int(COMMENTS)} comments (${burstReplies} replies) POSTed ${CONCURRENCY} at a time`,
      `all accepted in ${ms(postsDone - burstPostStart)} (${Math.round(COMMENTS / ((postsDone - burstPostStart) / 1000))}/s); all accounted for in the page ${ms(burst.doneAt - burstPostStart)} after the first POST, ${burst.doneAt >= postsDone ? `${ms(burst.doneAt - postsDone)} after` : `${ms(postsDone - burst.doneAt)} before`} the last answer reached the poster; ${split}`);
  } else {
    row(`live burst: ${int(COMMENTS)} comments (${burstReplies} replies) POSTed ${CONCURRENCY} at a time`,
      `all accepted in ${ms(postsDone - burstPostStart)}; NOT all reached the page: after 30 s without change ${split} (${COMMENTS - inDom - held} missing)`);
  }
  const after = (t) => (t == null ? 'never' : `${ms(t - burstPostStart)}`);
  row('live burst: after the first POST, the first comment in the DOM / the first held back', `${after(state.firstInDom)} / ${after(state.firstHeld)}`);
  row('long tasks during the live burst', longTaskSummary(burstTasks));
  console.log(`comments-render:   long tasks in the burst (start after the first POST, duration): ${burstTasks.map((t) => `${ms(t.start - burstPostStart)}+${ms(t.duration)}`).join(' ')}`);
  row('frame times during the live burst', frameSummary(burst.frames));

  // Then the reader clicks the button: the held comments join the DOM.
  if (held > 0) {
    const reveal = await page.evaluate(async (expected) => {
      const count = () => document.querySelectorAll('.comments .comment[id^="comment-"]').length;
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const t0 = performance.now();
      document.querySelector('.comments .new-comments').click();
      while (count() < expected && performance.now() - t0 < 120_000) await frame();
      await new Promise((r) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = r;
        channel.port2.postMessage(null);
      });
      return { t0, ms: performance.now() - t0, shown: count() };
    }, burstStart.base + inDom + held);
    const revealTasks = (await page.evaluate(() => window.__bench.longTasks)).filter((t) => t.start >= reveal.t0);
    row(`clicking "${int(held)} новых комментариев": click → all in the DOM`, `${ms(reveal.ms)} (${int(reveal.shown)} comments shown); long tasks: ${longTaskSummary(revealTasks)}`);
  }
  const end = await memory();
  row(`with ${int(end.comments)} comments shown`, `${int(end.elements)} DOM elements, JS heap ${mib(end.heap)}${end.wasm != null ? `, Wasm memory ${mib(end.wasm)}` : ''}`);
  problems.push(...page.problems);
  const load = `${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`;
  console.log(`comments-render: 1-minute load average of this machine: ${load}`);

  const unique = [...new Set(problems)];
  row('console errors and uncaught exceptions', unique.length === 0 ? 'none' : `${problems.length} (${unique.length} distinct)`);
  for (const p of unique.slice(0, 10)) console.log(`comments-render:   ${p.slice(0, 300)}`);

  if (process.env.VESTNIK_BENCH_REPORT) {
    const text = [
      '',
      '## Rendering 1,000 comments (`bench/comments-render.mjs`)',
      '',
      `The seed article \`${SLUG}\` on a fresh database, server started with \`--comment-burst 1000000\`; ` +
        `${int(COMMENTS)} comments posted through the API first (${int(COMMENTS - replies)} top-level, ${replies} replies, ` +
        `${withLinks} with links, texts of ${Math.min(...lengths)} to ${Math.max(...lengths)} characters, median ${percentile(lengths, 50)}). ` +
        `Chromium headless at ${VIEWPORT.width}×${VIEWPORT.height}. Cold loads are fresh browser contexts; the widget shows ` +
        `${first.items.length} comments first (50 top-level with their replies) and one more such page a click. ` +
        `The live burst posts ${int(COMMENTS)} more, ${CONCURRENCY} requests at a time, while the page is scrolled to the end of the comments; ` +
        'times in the page are taken once a frame (after that frame is painted) or every 20 ms during the burst. ' +
        `Machine load average (1 min) during the run: ${load}.`,
      '',
      '| figure | value |',
      '| --- | --- |',
      ...rows.map(([f, v]) => `| ${f.replace(/\|/g, '\\|')} | ${v.replace(/\|/g, '\\|')} |`),
      '',
    ].join('\n');
    appendFileSync(process.env.VESTNIK_BENCH_REPORT, text);
  }
} finally {
  await browser.close();
  await server.stop();
}
