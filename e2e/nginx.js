// Starting Debian's nginx with one of the recipes in deploy/nginx/, in a
// folder of its own, on a loopback port: the same files a publisher uses.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/**
 * Serves `recipe` (a file in deploy/nginx/) with each `[from, to]` of
 * `replace` applied to its text; resolves once nginx answers `probe` on `port`.
 */
export async function startNginx({ recipe, replace, port, probe = '/' }) {
  const conf = mkdtempSync(join(tmpdir(), 'vestnik-nginx-'));
  let text = readFileSync(join('deploy/nginx', recipe), 'utf8');
  for (const [from, to] of replace) {
    if (!text.includes(from)) throw new Error(`${recipe} no longer has ${from}`);
    text = text.replace(from, to);
  }
  cpSync('deploy/nginx/vestnik-headers.conf', join(conf, 'vestnik-headers.conf'));
  writeFileSync(join(conf, 'vestnik.conf'), text);
  writeFileSync(join(conf, 'nginx.conf'), `
load_module ${BROTLI_MODULE};
worker_processes 1;
pid ${conf}/nginx.pid;
error_log ${conf}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${conf}/body;
  proxy_temp_path ${conf}/proxy;
  fastcgi_temp_path ${conf}/fastcgi;
  uwsgi_temp_path ${conf}/uwsgi;
  scgi_temp_path ${conf}/scgi;
  include ${conf}/vestnik.conf;
}`);
  const child = spawn(NGINX, ['-p', conf, '-c', join(conf, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}${probe}`).then(() => true, () => false);
    if (up) return { url: `http://127.0.0.1:${port}`, stop: async () => { child.kill('SIGTERM'); await exited; } };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`nginx did not start; see ${conf}/error.log`);
}

/**
 * Serves deploy/nginx/vestnik-server.conf on `port` in front of the servers
 * listening on `upstreams` (one port, or two for replicas); resolves once it
 * answers `/api/site`.
 */
export function startServerRecipe({ port, upstreams }) {
  const [first, second] = upstreams;
  const line = (n) => `    server 127.0.0.1:${n} max_fails=1 fail_timeout=5s;\n`;
  return startNginx({
    recipe: 'vestnik-server.conf',
    port,
    probe: '/api/site',
    replace: [
      [line(8080), line(first)],
      [line(8082), second === undefined ? '' : line(second)],
      ['listen 8081;', `listen 127.0.0.1:${port};`],
    ],
  });
}
