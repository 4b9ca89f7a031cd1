// Server throughput under a bounded local load: wrk against two read
// endpoints of the real binary (a fresh SQLite database with the demo content
// and 1,000 made-up news items). Prints requests/s and latency percentiles;
// nothing here passes or fails on the figures.
// Usage (from `cargo xtask bench`): node bench/throughput.mjs
// Env: VESTNIK_SERVER_BIN (the server binary, required; xtask passes a release
// build), VESTNIK_SERVER_PROFILE (its cargo profile, for the report),
// VESTNIK_BENCH_REPORT (a markdown file to append the figures to),
// BENCH_DURATION (seconds per measurement, default 10), BENCH_CONNECTIONS
// (default 32), BENCH_ACCEPT_ENCODING (sent as Accept-Encoding; default none,
// so answers are not compressed).
// Needs `wrk` on PATH (Debian: apt-get install -y wrk; cargo xtask installs it).
import { spawn } from 'node:child_process';
import { accessSync, appendFileSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const THREADS = 2;
const CONNECTIONS = positive('BENCH_CONNECTIONS', 32);
const DURATION_S = positive('BENCH_DURATION', 10);
const WARM_UP_S = 2;
const DEMO_NEWS = 1000;
const ACCEPT_ENCODING = process.env.BENCH_ACCEPT_ENCODING ?? '';
const ENDPOINTS = ['/api/articles/belgium-invest-kharkiv', '/api/news?limit=20'];

/** A positive whole number from the environment, or `fallback`. */
function positive(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) fail(`${name}=${JSON.stringify(text)}: expected a whole number above 0`);
  return n;
}

function fail(message) {
  console.error(`throughput: ${message}`);
  process.exit(1);
}

/** Whether `name` is an executable file in one of PATH's folders. */
function onPath(name) {
  return (process.env.PATH ?? '').split(delimiter).filter(Boolean).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Runs `command` to its end; resolves with its exit code and output. */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Starts the server on a port of its choosing (`--addr 127.0.0.1:0`; it prints
 * the real one, so no other process can take the port between probe and bind).
 */
function startServer(bin, database) {
  const child = spawn(bin, [
    '--addr', '127.0.0.1:0',
    '--database', database,
    '--demo-news', String(DEMO_NEWS),
  ], {
    // Only warnings: a log line per request would measure the terminal, not the server.
    env: { ...process.env, RUST_LOG: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the server did not start in 120 s'));
    }, 120_000);
    child.once('error', (e) => { clearTimeout(timer); reject(e); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the server exited with ${code} before listening`)); });
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = seen.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], stop });
      }
    });
  });
}

/** A wrk duration ("812.00us", "1.23ms", "2.00s", "1.00m") in milliseconds. */
function toMs(text) {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text);
  if (!match) throw new Error(`unexpected wrk duration ${JSON.stringify(text)}`);
  const scale = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2]];
  return Number(match[1]) * scale;
}

/** The figures of one `wrk --latency` run. */
function parseWrk(output) {
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(output);
  const total = /^\s*(\d+) requests in ([\d.]+\w+)/m.exec(output);
  if (!rps || !total) throw new Error(`cannot read wrk's output:\n${output}`);
  const latency = {};
  for (const p of [50, 90, 99]) {
    const line = new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(output);
    if (!line) throw new Error(`no ${p}% latency in wrk's output:\n${output}`);
    latency[p] = toMs(line[1]);
  }
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(output);
  const sockets = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    rps: Number(rps[1]),
    requests: Number(total[1]),
    latency,
    non2xx: non2xx ? Number(non2xx[1]) : 0,
    socketErrors: sockets ? sockets.slice(1).map(Number).reduce((a, b) => a + b, 0) : 0,
  };
}

async function wrk(url, seconds, latency) {
  const args = ['-t', String(THREADS), '-c', String(CONNECTIONS), '-d', `${seconds}s`];
  if (latency) args.push('--latency');
  if (ACCEPT_ENCODING) args.push('-H', `Accept-Encoding: ${ACCEPT_ENCODING}`);
  args.push(url);
  const { code, stdout, stderr } = await run('wrk', args);
  if (code !== 0) throw new Error(`wrk ${args.join(' ')} exited with ${code}:\n${stdout}${stderr}`);
  return stdout;
}

const int = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => (n < 1 ? `${(n * 1000).toFixed(0)} µs` : `${n.toFixed(2)} ms`);

// ---------------------------------------------------------------------------

if (!onPath('wrk')) {
  fail('wrk is not on PATH; install it with `apt-get install -y wrk` (as root; `cargo xtask bench` does this) and run again');
}
const bin = process.env.VESTNIK_SERVER_BIN;
if (!bin) fail('set VESTNIK_SERVER_BIN to the server binary, e.g. target/release/vestnik-server (cargo xtask bench does)');
try {
  accessSync(bin, constants.X_OK);
} catch {
  fail(`VESTNIK_SERVER_BIN=${bin}: no executable there (build it with \`cargo build --release -p vestnik-server\`)`);
}
// `wrk --version` prints "wrk debian/4.1.0-3+b2 [epoll] ..." and exits with 1.
const versionOutput = await run('wrk', ['--version']);
const wrkVersion = /^wrk (\S+)/m.exec(versionOutput.stdout + versionOutput.stderr)?.[1] ?? 'unknown';
const profile = process.env.VESTNIK_SERVER_PROFILE;

const dir = mkdtempSync(join(tmpdir(), 'vestnik-throughput-'));
let server;
const results = [];
try {
  server = await startServer(bin, `sqlite://${join(dir, 'bench.db')}`);
  for (const path of ENDPOINTS) {
    const url = `${server.url}${path}`;
    // A benchmark of 404s would look fast and mean nothing.
    const probe = await fetch(url);
    if (probe.status !== 200) throw new Error(`GET ${path} answered ${probe.status}, expected 200`);
    await probe.arrayBuffer();
    process.stdout.write(`throughput: ${path}: warm-up ${WARM_UP_S} s, then ${DURATION_S} s measured\n`);
    await wrk(url, WARM_UP_S, false);
    const figures = parseWrk(await wrk(url, DURATION_S, true));
    results.push({ path, ...figures });
    if (figures.non2xx || figures.socketErrors) {
      console.warn(`throughput: ${path}: ${figures.non2xx} non-2xx answers, ${figures.socketErrors} socket errors`);
    }
  }
} finally {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}

const header = ['endpoint', 'requests/s', 'p50', 'p90', 'p99'];
const rows = results.map((r) => [`GET ${r.path}`, int(r.rps), ms(r.latency[50]), ms(r.latency[90]), ms(r.latency[99])]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log('');
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log('');

if (process.env.VESTNIK_BENCH_REPORT) {
  const cores = cpus();
  const build = !profile
    ? 'build profile not stated: set VESTNIK_SERVER_PROFILE'
    : profile === 'release'
      ? 'a `release` build'
      : `a \`${profile}\` build, not \`release\`: expect lower figures`;
  const failures = results.filter((r) => r.non2xx || r.socketErrors);
  const text = [
    '',
    '## Server throughput (`bench/throughput.mjs`)',
    '',
    `wrk ${wrkVersion}, ${THREADS} threads and ${CONNECTIONS} keep-alive connections, ${WARM_UP_S} s of warm-up and then ` +
      `${DURATION_S} s measured per endpoint, against \`vestnik-server\` (${build}) on loopback, logging at \`warn\`. ` +
      `The database is a fresh SQLite file (WAL) in a temporary folder, seeded with the demo content and ` +
      `\`--demo-news ${DEMO_NEWS}\` (${int(DEMO_NEWS + 10)} news items). ` +
      (ACCEPT_ENCODING
        ? `Requests send \`Accept-Encoding: ${ACCEPT_ENCODING}\`, so answers are compressed per request. `
        : 'Requests send no `Accept-Encoding`, so answers are not compressed. ') +
      `wrk and the server share one machine of ${cores.length} cores (${cores[0]?.model?.trim() ?? 'unknown CPU'}), so the figures ` +
      'are a floor for a server with cores of its own. ' +
      (failures.length === 0
        ? 'Every answer was a 200, with no socket errors.'
        : failures.map((r) => `GET ${r.path}: ${r.non2xx} answers other than 2xx/3xx, ${r.socketErrors} socket errors.`).join(' ')),
    '',
    '| endpoint | requests/s | p50 | p90 | p99 |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...results.map((r) => `| \`GET ${r.path}\` | ${int(r.rps)} | ${ms(r.latency[50])} | ${ms(r.latency[90])} | ${ms(r.latency[99])} |`),
    '',
  ].join('\n');
  appendFileSync(process.env.VESTNIK_BENCH_REPORT, text);
  console.log(`throughput: appended to ${process.env.VESTNIK_BENCH_REPORT}`);
}
