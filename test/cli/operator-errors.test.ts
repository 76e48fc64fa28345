/**
 * Operator errors stop a command with one Chinese line naming the setting, no stack trace, and
 * nothing half-done: a busy port before anything is loaded or printed, an unreachable or missing
 * database, a key other than the one the data was sealed with.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const run = promisify(execFile);
vi.setConfig({ testTimeout: 120_000 });
const BIN = new URL('../../bin/gongkai.mjs', import.meta.url).pathname;
const KEY_A = 'a1'.repeat(32);
const KEY_B = 'b2'.repeat(32);

async function gongkai(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, GONGKAI_LOG_LEVEL: 'silent', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

function oneLine(stderr: string, ...words: string[]) {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
  for (const w of words) expect(stderr).toContain(w);
}

describe('operator errors', () => {
  let busy: Server;
  let port: number;
  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    port = (busy.address() as { port: number }).port;
  });
  afterAll(async () => new Promise<void>((r) => busy.close(() => r())));

  it('a busy port is reported before the database is touched or demo passwords are printed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-port-'));
    const r = await gongkai(['serve'], {
      GONGKAI_HOST: '127.0.0.1',
      GONGKAI_PORT: String(port),
      GONGKAI_DATABASE_URL: `sqlite:${join(dir, 'gk.db')}`,
      GONGKAI_DATA_DIR: dir,
    });
    expect(r.code).toBe(1);
    oneLine(r.stderr, `端口 ${port} 已被占用`, 'GONGKAI_PORT');
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'gk.db'))).toBe(false);
  });

  it('a bad setting or an unreachable database: one line naming the variable', async () => {
    oneLine((await gongkai(['migrate'], { GONGKAI_PORT: 'abc' })).stderr, 'GONGKAI_PORT');
    // A closed port: nothing listens there.
    const closed = await gongkai(['migrate'], { GONGKAI_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/gk' });
    expect(closed.code).toBe(1);
    oneLine(closed.stderr, '无法连接数据库', 'GONGKAI_DATABASE_URL');
  });

  it.skipIf(!process.env.GONGKAI_TEST_PG_URL)('a PostgreSQL database that does not exist', async () => {
    const url = new URL(process.env.GONGKAI_TEST_PG_URL!);
    url.pathname = '/gongkai_no_such_database';
    const r = await gongkai(['migrate'], { GONGKAI_DATABASE_URL: url.toString() });
    expect(r.code).toBe(1);
    oneLine(r.stderr, '数据库不存在', 'GONGKAI_DATABASE_URL');
  });

  it('a node started with another encryption key refuses to start, naming the variable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-key-'));
    const env = { GONGKAI_DATABASE_URL: `sqlite:${join(dir, 'gk.db')}`, GONGKAI_DATA_DIR: dir };
    const first = await gongkai(['audit', 'verify'], { ...env, GONGKAI_ENCRYPTION_KEY: KEY_A });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const other = await gongkai(['audit', 'verify'], { ...env, GONGKAI_ENCRYPTION_KEY: KEY_B });
    expect(other.code).toBe(1);
    oneLine(other.stderr, 'GONGKAI_ENCRYPTION_KEY', '密钥指纹不符');
    const serve = await gongkai(['serve'], {
      ...env,
      GONGKAI_ENCRYPTION_KEY: KEY_B,
      GONGKAI_HOST: '127.0.0.1',
      GONGKAI_PORT: '0',
    });
    expect(serve.code).toBe(1);
    oneLine(serve.stderr, 'GONGKAI_ENCRYPTION_KEY');
    expect(serve.stdout).toBe('');
    expect((await gongkai(['audit', 'verify'], { ...env, GONGKAI_ENCRYPTION_KEY: KEY_A })).code).toBe(0);
  });
});
