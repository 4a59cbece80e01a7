import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const nginxBinary = process.env.NGINX ?? '/usr/sbin/nginx';

/** The header each answer carries naming the roster process that gave it (tests count the processes reached). */
export const upstreamHeader = 'x-roster-upstream';

export interface Proxy {
  url: string;
  stop(): Promise<void>;
}

/**
 * The deployment of README "Several service processes", for tests and the bench: Debian's nginx in
 * front of the given roster processes, each request to one of them at random, run as the current user
 * with its configuration, pid, logs and temp files in a directory of its own (no root paths).
 * The body limit sits above the service's own 2 MB, so an oversized batch gets the service's
 * refusal with its reason rather than nginx's HTML page.
 */
export async function startNginx(upstreams: string[]): Promise<Proxy> {
  if (!existsSync(nginxBinary)) {
    throw new Error(`nginx is not installed at ${nginxBinary} (apt-get install -y nginx, or set NGINX to its path)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'roster-nginx-'));
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
  const port = await freePort();
  const servers = upstreams.map((url) => `server ${new URL(url).host};`).join(' ');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${process.getuid?.() === 0 ? `user ${userInfo().username};` : ''}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream roster { random; ${servers} keepalive 32; }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 3m;
    location /v1/ {
      proxy_pass http://roster;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream off;
      add_header ${upstreamHeader} $upstream_addr always;
    }
  }
}
`,
  );
  const child = spawn(nginxBinary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await kill(child, exited);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await untilHealthy(url, child);
  } catch (err) {
    await stop();
    throw new Error(`nginx did not start: ${String(err)}\n${output}`, { cause: err });
  }
  return { url, stop };
}

async function untilHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(50);
  }
  throw new Error('no healthy answer through it within 30 s');
}

async function kill(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
