// Starting a server of one's own, for the tests that stop, restart or
// re-configure it: the same binary `cargo xtask test` built.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free loopback port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A fresh SQLite database URL in a temporary folder. */
export function freshDatabase() {
  const dir = mkdtempSync(join(process.env.VESTNIK_E2E_DATA ?? tmpdir(), 'own-'));
  return `sqlite://${join(dir, 'test.db')}`;
}

/**
 * Starts the server with `args` on `port` serving the built SPA (or only the
 * API when `staticDir` is null); resolves
 * when it listens. `stop()` ends it with SIGTERM and waits for the exit.
 * The proof of work is off unless `proofOfWork` (the tests post through the
 * API as other readers, as a trusted integration does).
 */
export function startServer({ port, database, args = [], staticDir = process.env.VESTNIK_DIST, proofOfWork = false }) {
  const child = spawn(process.env.VESTNIK_SERVER_BIN, [
    '--addr', `127.0.0.1:${port}`,
    '--database', database,
    ...(staticDir ? ['--static-dir', staticDir] : []),
    '--proof-of-work', proofOfWork ? 'on' : 'off',
    ...args,
  ], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start in 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      if (String(chunk).includes('listening on')) {
        clearTimeout(timer);
        resolve({
          url: `http://127.0.0.1:${port}`,
          pid: child.pid,
          stop: async () => { child.kill('SIGTERM'); await exited; },
        });
      }
    });
  });
}
