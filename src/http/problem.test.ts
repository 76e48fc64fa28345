import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError, ERROR_CODES, type ErrorCode } from '../domain/errors.ts';
import { statusOf, toProblem } from './problem.ts';

/** The error table of docs/api.md as code → status. */
function documented(): Map<string, number> {
  const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
  const rows = [...doc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)];
  return new Map(rows.map((m) => [m[1]!, Number(m[2])]));
}

describe('error codes', () => {
  const codes = Object.keys(ERROR_CODES) as ErrorCode[];

  it('docs/api.md lists every code with the status the server answers, and nothing else', () => {
    const doc = documented();
    expect([...doc.keys()].sort()).toEqual([...codes].sort());
    for (const code of codes) expect(doc.get(code), code).toBe(statusOf(code));
  });

  it('a domain error becomes a problem with its own status, code and Chinese detail', () => {
    for (const code of codes) {
      const p = toProblem(new DomainError(code, '说明'));
      expect(p.status).toBe(statusOf(code));
      expect(p.code).toBe(code);
      expect(p.detail).toBe('说明');
      expect(p.title).toMatch(/\p{Script=Han}/u);
    }
  });

  it('every code is raised somewhere, so the list does not collect dead codes', () => {
    const src = execFileSync('git', ['grep', '-h', '-o', '-E', "'[A-Z_]{4,}'", '--', 'src'], { encoding: 'utf8' });
    const used = new Set(src.split('\n').map((l) => l.replace(/'/g, '')));
    for (const code of codes) expect(used.has(code), `${code} is not used in src/`).toBe(true);
  });
});
