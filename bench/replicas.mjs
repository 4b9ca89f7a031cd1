// More than one server (issue 15): POST → stream latency with 1,000 open
// streams, and the most streams one replica holds within 256 MB, for two
// replicas on Postgres beside one server on SQLite, in the same run.
// Usage (from `cargo xtask bench`, which starts a throwaway Postgres and sets
// VESTNIK_BENCH_POSTGRES): node bench/replicas.mjs
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { freePort, freshDatabase, startServer } from '../e2e/server.js';
import { appendSection } from './report.mjs';

const STREAMS = Number(process.env.BENCH_STREAMS ?? 1000);
const POSTS = Number(process.env.BENCH_POSTS ?? 200);
/** The memory a replica may use, and how far the capacity probe goes. */
const MEMORY_MIB = 256;
const CAPACITY_STEP = 1000;
const CAPACITY_CAP = Number(process.env.BENCH_CAPACITY_CAP ?? 15000);
const SLUG = 'belgium-invest-kharkiv';
const ARGS = ['--comment-burst', '1000000', '--demo-news', '10', '--stream-keep-alive', '3600'];

if (!process.env.VESTNIK_BENCH_POSTGRES) {
  throw new Error('VESTNIK_BENCH_POSTGRES is missing: run through `cargo xtask bench`, which starts a throwaway Postgres');
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

function freshPostgres() {
  const url = new URL(process.env.VESTNIK_BENCH_POSTGRES);
  url.pathname = `/bench_${randomUUID().replaceAll('-', '')}`;
  return url.toString();
}

const now = () => performance.timeOrigin + performance.now();

/**
 * Opens `count` streams spread over `servers`; calls `onComment(text, at)` for
 * every comment event any of them receives. Resolves once all are open.
 */
async function openStreams(servers, count, onComment) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const requests = [];
  let open = 0;
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${open} of ${count} streams opened in 120 s`)), 120_000);
    for (let i = 0; i < count; i++) {
      const base = servers[i % servers.length].url;
      const request = http.get(`${base}/api/articles/${SLUG}/comments/stream`, { agent }, (response) => {
        if (response.statusCode !== 200) return;
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          if (!onComment) return;
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!block.includes('event: comment\n')) continue;
            const data = block.split('\n').find((line) => line.startsWith('data: '));
            onComment(JSON.parse(data.slice(6)).text, now());
          }
        });
        if (++open === count) {
          clearTimeout(timer);
          resolve();
        }
      });
      request.on('error', () => {});
      requests.push(request);
    }
  });
  return { close: () => requests.forEach((r) => r.destroy()) };
}

/** POST → every stream, posts one after another through `servers` in turn. */
async function latency(servers) {
  const sent = new Map();
  const deliveries = [];
  const perPost = new Map();
  const streams = await openStreams(servers, STREAMS, (text, at) => {
    const start = sent.get(text);
    if (start === undefined) return;
    deliveries.push(at - start);
    perPost.set(text, (perPost.get(text) ?? 0) + 1);
  });
  for (let i = 0; i < POSTS; i++) {
    const text = `bench-${i}`;
    const base = servers[i % servers.length].url;
    const done = new Promise((resolve) => {
      const poll = setInterval(() => {
        if ((perPost.get(text) ?? 0) >= STREAMS) { clearInterval(poll); resolve(); }
      }, 1);
      setTimeout(() => { clearInterval(poll); resolve(); }, 10_000);
    });
    sent.set(text, now());
    const answer = await fetch(`${base}/api/articles/${SLUG}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ author: 'Бенчмарк', text, client_id: randomUUID() }),
    });
    if (answer.status !== 201) throw new Error(`a post answered ${answer.status}`);
    await done;
  }
  streams.close();
  deliveries.sort((a, b) => a - b);
  const complete = [...perPost.values()].filter((n) => n === STREAMS).length;
  return { deliveries, complete };
}

/** Opens streams on one server in steps until its RSS passes MEMORY_MIB (or the cap). */
async function capacity(server) {
  const idle = rssMiB(server.pid);
  const batches = [];
  let held = 0;
  let atLimit = null;
  while (held < CAPACITY_CAP) {
    batches.push(await openStreams([server], CAPACITY_STEP));
    const rss = rssMiB(server.pid);
    if (rss > MEMORY_MIB) break;
    held += CAPACITY_STEP;
    atLimit = { held, rss };
  }
  const perStream = atLimit ? ((atLimit.rss - idle) * 1024) / atLimit.held : NaN;
  batches.forEach((b) => b.close());
  return { idle, atLimit, perStream, capped: held >= CAPACITY_CAP };
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;
const rows = [];
const setups = [
  { name: 'one server on SQLite', database: freshDatabase(), replicas: 1 },
  { name: 'two replicas on Postgres', database: freshPostgres(), replicas: 2 },
];
for (const setup of setups) {
  const servers = [];
  try {
    for (let n = 0; n < setup.replicas; n++) {
      // One after another: the first seeds the database.
      servers.push(await startServer({ port: await freePort(), database: setup.database, args: ARGS, staticDir: null }));
    }
    const { deliveries, complete } = await latency(servers);
    const figure = `p50 ${fmt(percentile(deliveries, 50))}, p99 ${fmt(percentile(deliveries, 99))}, max ${fmt(deliveries.at(-1))}`;
    console.log(`replicas: ${setup.name}: POST → ${STREAMS} streams over ${POSTS} posts: ${figure}; ${complete} of ${POSTS} posts reached every stream`);
    rows.push([`${setup.name}: POST → each of ${STREAMS} open streams${setup.replicas > 1 ? ' (half on each replica, posts alternating)' : ''}, ${POSTS} posts`,
      `${figure} (${deliveries.length} deliveries; ${complete} of ${POSTS} posts reached all ${STREAMS})`]);
    const { idle, atLimit, perStream, capped } = await capacity(servers[0]);
    const held = atLimit ? `${capped ? 'at least ' : ''}${atLimit.held} streams${capped ? '' : ` (${CAPACITY_STEP} more passed ${MEMORY_MIB} MiB)`}: RSS ${atLimit.rss.toFixed(1)} MiB, ${idle.toFixed(1)} MiB before the probe, ≈ ${perStream.toFixed(1)} KiB a stream` : `not even ${CAPACITY_STEP}`;
    console.log(`replicas: ${setup.name}: within ${MEMORY_MIB} MiB one ${setup.replicas > 1 ? 'replica' : 'server'} held ${held}`);
    rows.push([`${setup.name}: streams one ${setup.replicas > 1 ? 'replica' : 'server'} holds within ${MEMORY_MIB} MiB RSS (steps of ${CAPACITY_STEP})`, held]);
  } finally {
    for (const server of servers) await server.stop();
  }
}
appendSection('More than one server (`bench/replicas.mjs`)',
  `Latency is from just before each POST to the moment each plain HTTP client holding the seed article's stream ` +
  `parses the comment event (same clock, the benchmark's one Node process), posts one after another; p50/p99 are over ` +
  `every (post, stream) delivery. The Postgres is a throwaway PostgreSQL 15 cluster on the same machine (fsync off), ` +
  `so the replicas, the database and the clients share its 2 cores. Capacity opens streams in steps on one replica ` +
  `until its RSS passes ${MEMORY_MIB} MiB.`,
  rows);
