import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.ts';

// No database configured: run in an empty directory (no ./data/gongkai.db) without GONGKAI_DATABASE_URL.
const cwd = process.cwd();
const savedUrl = process.env.GONGKAI_DATABASE_URL;
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gk-workdays-'));
  process.chdir(dir);
  delete process.env.GONGKAI_DATABASE_URL;
});
afterAll(() => {
  process.chdir(cwd);
  if (savedUrl !== undefined) process.env.GONGKAI_DATABASE_URL = savedUrl;
  rmSync(dir, { recursive: true, force: true });
});

describe('gongkai workdays (bundled calendar)', () => {
  it('add prints only the date N working days later (National Day 2024 crossed)', async () => {
    expect(await runCli(['workdays', 'add', '2024-09-27', '20'])).toEqual({
      code: 0,
      stdout: '2024-10-30\n',
      stderr: '',
    });
    expect((await runCli(['workdays', 'add', '2024-09-27', '20', '--start-day-counted'])).stdout).toBe('2024-10-29\n');
    expect((await runCli(['workdays', 'add', '2024-12-27', '20'])).stdout).toBe('2025-01-26\n');
  });

  it('is prints only workday or offday (make-up Saturday, Spring Festival, ordinary weekend)', async () => {
    expect(await runCli(['workdays', 'is', '2026-02-14'])).toEqual({ code: 0, stdout: 'workday\n', stderr: '' });
    expect((await runCli(['workdays', 'is', '2026-02-16'])).stdout).toBe('offday\n');
    expect((await runCli(['workdays', 'is', '2026-03-07'])).stdout).toBe('offday\n');
  });

  it('a year not loaded: message on stderr naming the year, exit 3, nothing on stdout', async () => {
    const r = await runCli(['workdays', 'add', '2026-12-20', '20']);
    expect([r.code, r.stdout]).toEqual([3, '']);
    expect(r.stderr).toContain('未载入2027年的节假日安排');
    const is = await runCli(['workdays', 'is', '2006-05-01']);
    expect([is.code, is.stdout]).toEqual([3, '']);
    expect(is.stderr).toContain('2006年');
  });

  it('--provisional counts the missing year with weekends and statutory holidays off and says so on stderr', async () => {
    expect(await runCli(['workdays', 'add', '2026-12-20', '20', '--provisional'])).toEqual({
      code: 0,
      stdout: '2027-01-18\n',
      stderr: '注意：未载入2027年的节假日安排，该年按周末和法定节假日计算，结果为暂定\n',
    });
  });

  it('bad arguments are usage errors (exit 2) with a Chinese message', async () => {
    expect(await runCli(['workdays', 'add', '2024-02-30', '5'])).toEqual({
      code: 2,
      stdout: '',
      stderr: '日期应为 YYYY-MM-DD 格式，如 2024-09-27，收到：2024-02-30\n',
    });
    expect((await runCli(['workdays', 'add', '2024-09-27', '-1'])).code).toBe(2);
    expect((await runCli(['workdays', 'add', '2024-09-27', '二十'])).stderr).toBe(
      '工作日数应为 0 到 10000 之间的整数，收到：二十\n',
    );
    expect((await runCli(['workdays', 'add', '2024-09-27'])).code).toBe(2);
  });

  it('every command has --help', async () => {
    for (const args of [
      ['workdays'],
      ['workdays', 'add'],
      ['workdays', 'is'],
      ['calendar', 'import'],
      ['calendar', 'list'],
    ]) {
      const r = await runCli([...args, '--help']);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('Usage: gongkai');
    }
  });

  it('calendar list shows the bundled years and their notices', async () => {
    const r = await runCli(['calendar', 'list']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toContain(
      '2025\t内置\t33天\t国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）',
    );
    expect(r.stdout).toContain(
      '2008\t内置\t35天\t国务院办公厅关于2008年部分节假日安排的通知（文号不详，成文日期不详）',
    );
  });

  it('a real process: node bin/gongkai.mjs workdays add 2024-09-27 20', async () => {
    const bin = new URL('../../../bin/gongkai.mjs', import.meta.url).pathname;
    const env = { ...process.env };
    delete env.GONGKAI_DATABASE_URL;
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [bin, 'workdays', 'add', '2024-09-27', '20'],
      { cwd: dir, env, timeout: 60_000 },
    );
    expect([stdout, stderr]).toEqual(['2024-10-30\n', '']);
  });
});
