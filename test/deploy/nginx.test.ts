/**
 * docs/deploy/nginx.conf, as shipped, in front of the real app: Debian's nginx (installed by
 * .ci/run) with nginx's default Host handling (the upstream address), TLS terminated by nginx.
 * The administrator made by `gongkai init` logs in through it and changes the password (the
 * Origin/CSRF check passes on X-Forwarded-Host), the session cookie is Secure (X-Forwarded-Proto),
 * the client address is the one nginx saw, and a spoofed X-Forwarded-For does not reset the
 * login rate limit.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { initialise } from '../../src/modules/setup/setup.service.ts';
import { buildApp } from '../../src/server/app.ts';
import { TestClock } from '../support/clock.ts';
import { createTestDb, type TestDb } from '../support/db.ts';

const NGINX = ['/usr/bin/nginx', '/usr/sbin/nginx'].find((p) => existsSync(p));
if (!NGINX && process.env.GONGKAI_TEST_REQUIRE_BROWSER === '1') {
  throw new Error('GONGKAI_TEST_REQUIRE_BROWSER=1 but nginx is not installed (apt-get install nginx)');
}
const SITE = new URL('../../docs/deploy/nginx.conf', import.meta.url);
const PASSWORD = 'Root-Admin-2026!';
const NEW_PASSWORD = 'Changed-Pass-2026#';
const LOGIN_LIMIT = 8;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const c = connect(port, '127.0.0.1', () => {
        c.end();
        resolve(true);
      });
      c.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not listen on ${port}: ${log()}`);
}

describe.skipIf(!NGINX)(`through nginx (${NGINX ?? 'skipped: nginx is not installed'})`, () => {
  let t: TestDb;
  let app: FastifyInstance;
  let nginx: ChildProcess;
  let dir: string;
  let httpsPort: number;
  let httpPort: number;
  let nginxLog = '';

  function send(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: string; tls?: boolean } = {},
  ): Promise<Answer> {
    const tls = options.tls !== false;
    const port = tls ? httpsPort : httpPort;
    return new Promise((resolve, reject) => {
      const req = (tls ? httpsRequest : httpRequest)(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          servername: 'localhost',
          rejectUnauthorized: false,
          headers: { host: `localhost:${port}`, ...options.headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
          );
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });
  }

  const origin = () => `https://localhost:${httpsPort}`;
  const json = (extra: Record<string, string> = {}) => ({
    'content-type': 'application/json',
    origin: origin(),
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestDb('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'gk-nginx-'));
    const clock = new TestClock();
    const config = loadConfig({
      GONGKAI_ENV: 'test',
      GONGKAI_DATABASE_URL: t.url,
      GONGKAI_DATA_DIR: dir,
      // One hop: nginx. (An address list would also believe a client on 127.0.0.1 — this test's own.)
      GONGKAI_TRUST_PROXY: '1',
      GONGKAI_LOGIN_RATE_LIMIT: String(LOGIN_LIMIT),
    });
    await initialise(
      t.db,
      {
        agency: { name: '福建省人民政府办公厅', code: 'root', level: 'province' },
        accounts: {
          admin: { username: 'root.admin', password: PASSWORD },
          securityAdmin: { username: 'root.sec', password: 'Root-Sec-2026!x' },
          auditAdmin: { username: 'root.audit', password: 'Root-Audit-2026!' },
        },
      },
      { passwordMinLength: 10 },
      clock,
    );
    app = await buildApp({ db: t.db, config, secret: 's'.repeat(64), encryptionKey: 'ab'.repeat(32), clock });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const appPort = (app.server.address() as { port: number }).port;

    httpsPort = await freePort();
    httpPort = await freePort();
    const cert = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-keyout',
      join(dir, 'privkey.pem'),
      '-out',
      join(dir, 'fullchain.pem'),
    ]);
    if (cert.status !== 0) throw new Error(`openssl failed: ${cert.stderr.toString()}`);
    // The shipped site file with only the deployment's particulars changed: ports and certificate.
    const site = readFileSync(SITE, 'utf8')
      .replace('server 127.0.0.1:3000;', `server 127.0.0.1:${appPort};`)
      .replace('listen 80;', `listen 127.0.0.1:${httpPort};`)
      .replace('listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`)
      .replace('/etc/ssl/gongkai/fullchain.pem', join(dir, 'fullchain.pem'))
      .replace('/etc/ssl/gongkai/privkey.pem', join(dir, 'privkey.pem'));
    expect(site).toContain(`127.0.0.1:${appPort}`);
    writeFileSync(join(dir, 'site.conf'), site);
    for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, d));
    writeFileSync(
      join(dir, 'nginx.conf'),
      `worker_processes 1;
pid ${join(dir, 'nginx.pid')};
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${join(dir, 'body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  include ${join(dir, 'site.conf')};
}
`,
    );
    nginx = spawn(NGINX!, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr', '-g', 'daemon off;'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    nginx.stderr!.on('data', (d: Buffer) => (nginxLog += d.toString()));
    await waitForPort(httpsPort, nginx, () => nginxLog);
  }, 60_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGQUIT');
      await exited;
    }
    await app?.close();
    await t?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the plain-HTTP site sends people to HTTPS', async () => {
    const r = await send('GET', '/admin/', { tls: false });
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe(`https://localhost/admin/`);
  });

  it('the administrator from gongkai init logs in through nginx and changes the password', async () => {
    const login = await send('POST', '/api/v1/auth/login', {
      headers: json({ 'x-forwarded-for': '203.0.113.9' }),
      body: JSON.stringify({ username: 'root.admin', password: PASSWORD }),
    });
    expect(login.status, login.body).toBe(200);
    const { csrfToken, user } = JSON.parse(login.body) as { csrfToken: string; user: { mustChangePassword: boolean } };
    expect(user.mustChangePassword).toBe(true);
    const setCookie = String(login.headers['set-cookie']);
    // GONGKAI_SECURE_COOKIES is off here: Secure comes from X-Forwarded-Proto: https.
    expect(setCookie).toMatch(/;\s*Secure/i);
    const cookie = setCookie.split(';')[0]!;
    // The address nginx saw, not the one the client wrote into X-Forwarded-For.
    const session = await t.db.selectFrom('session').select('client_ip').executeTakeFirstOrThrow();
    expect(session.client_ip).toBe('127.0.0.1');

    const change = await send('POST', '/api/v1/auth/password', {
      headers: json({ cookie, 'x-csrf-token': csrfToken }),
      body: JSON.stringify({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
    });
    expect(change.status, change.body).toBe(204);
    const me = await send('GET', '/api/v1/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({ user: { username: 'root.admin', mustChangePassword: false } });
  });

  it('a request from another site is still refused', async () => {
    const r = await send('POST', '/api/v1/auth/login', {
      headers: json({ origin: 'https://evil.example' }),
      body: JSON.stringify({ username: 'root.admin', password: NEW_PASSWORD }),
    });
    expect(r.status).toBe(403);
    expect(r.body).toContain('CSRF_FAILED');
  });

  it('compresses pages and refuses bodies above the largest upload in nginx itself', async () => {
    const page = await send('GET', '/api/docs/json', { headers: { 'accept-encoding': 'gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('gzip');
    const big = await send('POST', '/api/v1/report-checks', {
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(33 * 1024 * 1024) },
    });
    expect(big.status).toBe(413);
  });

  it('a spoofed X-Forwarded-For does not escape the login rate limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMIT + 2; i++) {
      const r = await send('POST', '/api/v1/auth/login', {
        headers: json({ 'x-forwarded-for': `198.51.100.${i + 1}` }),
        body: JSON.stringify({ username: 'no.such.user', password: 'Wrong-Pass-2026!' }),
      });
      statuses.push(r.status);
    }
    expect(statuses).toContain(429);
    expect(statuses.at(-1)).toBe(429);
  });
});
