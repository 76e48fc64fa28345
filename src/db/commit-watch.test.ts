import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../../test/support/db.ts';
import { TestClock } from '../../test/support/clock.ts';
import { systemActor } from '../policies/actor.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { openDatabase } from './connect.ts';
import type { Db } from './database.ts';

describeEachDialect('audit events are announced before their COMMIT, rolled-back ones never', (dialect) => {
  let t: TestDb;
  let db: Db;
  const seen: Array<Record<string, unknown>> = [];
  /** How many audit rows another connection could see when each batch was announced. */
  const visibleAtAnnounce: number[] = [];
  const withdrawn: Array<Record<string, unknown>> = [];
  const listener = {
    prepared: async (rows: Array<Record<string, unknown>>) => {
      const n = await t.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      visibleAtAnnounce.push(Number(n.n));
      seen.push(...rows);
    },
    withdrawn: (rows: Array<Record<string, unknown>>) => void withdrawn.push(...rows),
  };
  beforeAll(async () => {
    t = await createTestDb(dialect);
    db =
      dialect === 'sqlite'
        ? openDatabase({ kind: 'sqlite', file: t.url.slice('sqlite:'.length) }, { onAuditCommit: listener })
        : openDatabase(
            { kind: 'postgres', url: process.env.GONGKAI_TEST_PG_URL! },
            { schema: t.schema!, poolSize: 2, onAuditCommit: listener },
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

  it('announces at COMMIT, before the row is visible, with chain, seq and hash; nothing for a rollback', async () => {
    await db.transaction().execute(async (tx) => {
      await recordAudit(tx, actor, entry(1), clock);
      expect(seen).toHaveLength(0); // not at the INSERT: the transaction may still roll back
    });
    expect(seen).toHaveLength(1);
    // Announced while the COMMIT had not yet happened: kill -9 cannot leave a committed event unanchored.
    expect(visibleAtAnnounce).toEqual([0]);
    expect(seen[0]).toMatchObject({ chain: 'system', seq: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await expect(
      db.transaction().execute(async (tx) => {
        await recordAudit(tx, actor, entry(2), clock);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(seen).toHaveLength(1);
    await recordAudit(db, actor, entry(3), clock); // outside a transaction: before the INSERT runs
    expect(seen.map((r) => r.seq)).toEqual([1, 2]);
    expect(visibleAtAnnounce).toEqual([0, 1]);
    expect(withdrawn).toEqual([]);
  });

  it('an INSERT that fails outside a transaction is withdrawn', async () => {
    const before = seen.length;
    // The same (chain, seq) again: the unique constraint refuses it.
    const head = await db.selectFrom('audit_event').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    const { id: _id, ...row } = head;
    await expect(db.insertInto('audit_event').values(row).execute()).rejects.toThrow();
    expect(seen).toHaveLength(before + 1);
    expect(withdrawn).toEqual([expect.objectContaining({ chain: 'system', seq: head.seq })]);
  });
});
