/**
 * The `gongkai` command as a user runs it: real processes, real databases.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../support/db.ts';

const run = promisify(execFile);
// Each step starts a real process; on a loaded 2-core CI machine that can take several seconds.
vi.setConfig({ testTimeout: 120_000 });
const BIN = new URL('../../bin/gongkai.mjs', import.meta.url).pathname;

async function gongkai(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

it('prints help for the program and every command, exit 0', async () => {
  const top = await gongkai(['--help'], {});
  expect(top.code).toBe(0);
  for (const cmd of ['serve', 'migrate', 'demo', 'audit']) expect(top.stdout).toContain(cmd);
  for (const cmd of [['serve'], ['migrate'], ['demo'], ['audit', 'verify']]) {
    const r = await gongkai([...cmd, '--help'], {});
    expect(r.code, cmd.join(' ')).toBe(0);
    expect(r.stdout).toContain('Usage');
  }
  const bad = await gongkai(['no-such-command'], {});
  expect(bad.code).toBe(2);
});

it('a bad setting stops a command with the variable named', async () => {
  const r = await gongkai(['migrate'], { GONGKAI_DATABASE_URL: 'mysql://nope' });
  expect(r.code).not.toBe(0);
  expect(r.stderr).toContain('GONGKAI_DATABASE_URL');
});

describeEachDialect('gongkai migrate, demo and audit verify', (dialect) => {
  let t: TestDb;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createTestDb(dialect, { migrate: false });
    env = {
      GONGKAI_DATABASE_URL: t.url,
      GONGKAI_DATA_DIR: mkdtempSync(join(tmpdir(), 'gk-cli-')),
      GONGKAI_LOG_LEVEL: 'silent',
    };
  });
  afterAll(async () => t.destroy());

  it('migrate creates the schema and no demo rows', async () => {
    const r = await gongkai(['migrate'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2026-11-27-01-foundation');
    expect((await t.db.selectFrom('agency').selectAll().execute()).length).toBe(0);
    expect((await gongkai(['migrate'], env)).stdout).toContain('已是最新');
  });

  it('demo loads the platform once, prints generated passwords, and refuses a second time', async () => {
    const first = await gongkai(['demo'], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/gxj\.clerk\s+\S{16}/);
    const names = (await t.db.selectFrom('agency').select('name').execute()).map((a) => a.name);
    expect(names).toContain('泉州市洛江区工业和信息化局');
    const second = await gongkai(['demo'], env);
    expect(second.code).toBe(3);
    expect(second.stderr).toContain('已有机构');
  });

  it('audit verify passes, then fails naming the event edited directly in the database', async () => {
    const ok = await gongkai(['audit', 'verify'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('校验通过');
    const victim = await t.db
      .selectFrom('audit_event')
      .select(['id', 'chain', 'seq'])
      .where('action', '=', 'user.create')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await t.db.updateTable('audit_event').set({ summary: '被人改过' }).where('id', '=', victim.id).execute();
    const broken = await gongkai(['audit', 'verify'], env);
    expect(broken.code).toBe(3);
    expect(broken.stderr).toContain(`链 ${victim.chain} 第 ${victim.seq} 条事件`);
  });
});
