/**
 * `gongkai init` on a terminal, as an operator types it: a real pseudo-terminal (util-linux
 * `script`), prompts answered as they appear. Passwords are never echoed, a weak one and a
 * mistyped confirmation are asked again, and the accounts are created.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { productionEnv } from '../support/cli.ts';

vi.setConfig({ testTimeout: 180_000 });
const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
const BIN = new URL('../../bin/gongkai.mjs', import.meta.url).pathname;
// eslint-disable-next-line no-control-regex -- terminal escape sequences are what this strips
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** Runs `command` on a pseudo-terminal, answering each prompt (matched at the end of the output so far) in turn. */
function onTerminal(command: string, env: Record<string, string>, answers: Array<[RegExp, string]>) {
  return new Promise<{ code: number; screen: string; answered: number }>((resolve, reject) => {
    const child = spawn(SCRIPT!, ['-qec', command, '/dev/null'], { env: { ...process.env, ...env } });
    let screen = '';
    let next = 0;
    child.stdout.on('data', (d: Buffer) => {
      screen += d.toString();
      const [prompt, answer] = answers[next] ?? [];
      if (prompt && prompt.test(screen.replace(ANSI, '').trimEnd())) {
        next++;
        child.stdin.write(`${answer}\r`);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, screen: screen.replace(ANSI, ''), answered: next }));
  });
}

it.skipIf(!SCRIPT)(
  'init asks for everything on a terminal, hides passwords and asks again when one is refused',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-init-tty-'));
    const url = `sqlite:${join(dir, 'gongkai.db')}`;
    const env = productionEnv(url, dir);
    const node = process.execPath;
    const r = await onTerminal(`${node} ${BIN} migrate >/dev/null && ${node} ${BIN} init`, env, [
      [/顶级机构全称（默认[^）]*）?：$|顶级机构全称：$/, '福建省人民政府办公厅'],
      [/系统管理员用户名：$/, 'root.admin'],
      [/安全保密管理员用户名：$/, 'root.sec'],
      [/安全审计员用户名：$/, 'root.audit'],
      [/系统管理员的密码：$/, 'short'],
      [/请重新输入\s*系统管理员的密码：$/, 'Root-Admin-2026!'],
      [/再次输入系统管理员的密码：$/, 'Root-Admin-2026?'],
      [/两次输入不一致，请重新输入\s*系统管理员的密码：$/, 'Root-Admin-2026!'],
      [/再次输入系统管理员的密码：$/, 'Root-Admin-2026!'],
      [/安全保密管理员的密码：$/, 'Root-Sec-2026!x'],
      [/再次输入安全保密管理员的密码：$/, 'Root-Sec-2026!x'],
      [/安全审计员的密码：$/, 'Root-Audit-2026!'],
      [/再次输入安全审计员的密码：$/, 'Root-Audit-2026!'],
    ]);
    expect(r.answered).toBe(13);
    expect(r.code).toBe(0);
    expect(r.screen).toContain('密码至少');
    expect(r.screen).toContain('已初始化：顶级机构“福建省人民政府办公厅”');
    // Usernames echo as typed; no password ever appears on the screen.
    expect(r.screen).toContain('root.audit');
    for (const secret of ['short', 'Root-Admin-2026', 'Root-Sec-2026', 'Root-Audit-2026']) {
      expect(r.screen).not.toContain(secret);
    }
    const db = openDatabase(loadConfig(env).database);
    try {
      const users = await db.selectFrom('app_user').select('username').orderBy('username').execute();
      expect(users.map((u) => u.username)).toEqual(['root.admin', 'root.audit', 'root.sec']);
    } finally {
      await db.destroy();
    }
  },
);
