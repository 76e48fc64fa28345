/**
 * Hostile input over every JSON route of the OpenAPI document and the public forms (issue 15):
 * fast-check generates bodies, query strings and path parameters; no answer may be a 5xx, and a
 * refused request (4xx) must leave the database as it was (every change writes an audit event,
 * so the audit count and the counts of the main tables stand for "unchanged").
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeEachDialect } from '../support/db.ts';

interface Operation {
  method: string;
  path: string;
  hasBody: boolean;
}

const USERS = ['gxj.head', 'sys.admin', 'zfb.supervisor'];
const TABLES = ['audit_event', 'application', 'app_user', 'agency', 'catalog_item', 'account_change'] as const;

describeEachDialect('fuzz: no 5xx, nothing stored from refused input', (dialect) => {
  let t: TestApp;
  let operations: Operation[] = [];
  const sessions: Array<{ cookie: string; csrf: string }> = [];
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await t.app.ready();
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        // Signing out would end the fuzzing sessions; it takes no input anyway.
        .filter(([m]) => !(m === 'post' && path === '/api/v1/auth/logout'))
        .map(([m, op]) => ({ method: m.toUpperCase(), path, hasBody: op.requestBody !== undefined })),
    );
    for (const u of USERS) sessions.push(await t.login(u));
  }, 120_000);
  afterAll(async () => t.close());

  async function counts() {
    const out: number[] = [];
    for (const table of TABLES)
      out.push(
        Number(
          (
            await t.ctx.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      );
    return out;
  }

  const text = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('\u0000', '<script>alert(1)</script>', "' or 1=1 --", '../../etc/passwd', '%00', '𠮷'.repeat(300)),
  );
  const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      text,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(
        fc.oneof(text, fc.constantFrom('id', 'agencyId', 'roles', 'status', 'fields', 'files')),
        tie('value'),
        {
          maxKeys: 4,
        },
      ),
    ),
  })).value;

  it('every JSON operation of the OpenAPI document', { timeout: 600_000 }, async () => {
    expect(operations.length).toBeGreaterThan(50);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(fc.nat(sessions.length - 1), text, json, async (who, param, body) => {
          const url = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(param || 'x'));
          const before = await counts();
          const s = sessions[who]!;
          const res = await t.app.inject({
            method: op.method as 'GET',
            url,
            headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
            ...(op.hasBody || op.method !== 'GET' ? { payload: JSON.stringify(body) } : {}),
          });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          // A fuzzed change may end a session (a password, a status): sign in again.
          if (res.statusCode === 401) sessions[who] = await t.login(USERS[who]!).catch(() => s);
          if (res.statusCode >= 500) failures.push(`${op.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (res.statusCode >= 400 && res.statusCode < 500) {
            const after = await counts();
            if (after.join() !== before.join())
              failures.push(`${op.method} ${url} refused (${res.statusCode}) but changed ${after} vs ${before}`);
          }
          return true;
        }),
        { numRuns: 4, seed: 15 },
      );
    }
    expect(failures).toEqual([]);
    if (process.env.GONGKAI_FUZZ_REPORT) process.stderr.write(`fuzz statuses ${JSON.stringify([...statuses])}\n`);
    // The fuzz reached handlers: some requests succeeded, most were refused with a 4xx.
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(operations.length * 4);
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect(
      [...statuses.keys()].filter((s) => s >= 400 && s < 500).length,
      JSON.stringify([...statuses]),
    ).toBeGreaterThan(1);
  });

  it('the public forms', { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/gk/luojiang-gxj/apply',
          '/gk/luojiang-gxj/track',
          '/gk/luojiang-gxj/track/correct',
          '/gk/luojiang-gxj/track/file',
        ),
        fc.constantFrom(
          'application/x-www-form-urlencoded',
          'application/json',
          'text/plain',
          'multipart/form-data; boundary=x',
        ),
        fc.dictionary(text, text, { maxKeys: 6 }),
        async (path, type, fields) => {
          const before = await counts();
          const payload = type.startsWith('application/json')
            ? JSON.stringify(fields)
            : new URLSearchParams(fields).toString();
          const res = await t.app.inject({ method: 'POST', url: path, headers: { 'content-type': type }, payload });
          if (res.statusCode >= 500) failures.push(`${path} ${type} → ${res.statusCode}`);
          if (res.statusCode >= 400 && (await counts()).join() !== before.join())
            failures.push(`${path} refused but changed`);
          return true;
        },
      ),
      { numRuns: 60, seed: 15 },
    );
    expect(failures).toEqual([]);
  });
});
