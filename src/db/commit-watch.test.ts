import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../../test/support/db.ts';
import { TestClock } from '../../test/support/clock.ts';
import { systemActor } from '../policies/actor.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { openDatabase } from './connect.ts';
import type { Db } from './database.ts';

describeEachDialect('committed audit events are reported, rolled-back ones never', (dialect) => {
  let t: TestDb;
  let db: Db;
  const seen: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    t = await createTestDb(dialect);
    db =
      dialect === 'sqlite'
        ? openDatabase(
            { kind: 'sqlite', file: t.url.slice('sqlite:'.length) },
            { onAuditCommitted: async (r) => void seen.push(...r) },
          )
        : openDatabase(
            { kind: 'postgres', url: process.env.GONGKAI_TEST_PG_URL! },
            { schema: t.schema!, poolSize: 2, onAuditCommitted: async (r) => void seen.push(...r) },
          );
  });
  afterAll(async () => {
    await db.destroy();
    await t.destroy();
  });

  const entry = (n: number) => ({
    agencyId: null,
    action: 'test',
    subjectType: 'x',
    subjectId: String(n),
    summary: `事件 ${n}`,
  });
  const clock = new TestClock();
  const actor = systemActor('测试');

  it('reports after COMMIT, with chain, seq and hash; nothing for a rollback', async () => {
    await db.transaction().execute(async (tx) => {
      await recordAudit(tx, actor, entry(1), clock);
      expect(seen).toHaveLength(0); // not before the commit
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ chain: 'system', seq: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await expect(
      db.transaction().execute(async (tx) => {
        await recordAudit(tx, actor, entry(2), clock);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(seen).toHaveLength(1);
    await recordAudit(db, actor, entry(3), clock); // outside a transaction: at once
    expect(seen.map((r) => r.seq)).toEqual([1, 2]);
  });
});
