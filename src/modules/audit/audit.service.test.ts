import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { systemActor } from '../../policies/actor.ts';
import { anchorAuditHeads, recordAudit, verifyAudit } from './audit.service.ts';

describeEachDialect('audit trail', (dialect) => {
  let t: TestDb;
  let anchorDir: string;
  const clock = new TestClock();
  const actor = { ...systemActor('测试'), clientIp: '10.0.0.1' };
  const entry = (n: number, agencyId: string | null = 'agency-a') => ({
    agencyId,
    action: 'thing.update',
    subjectType: 'thing',
    subjectId: String(n),
    summary: `修改第${n}项`,
    before: { v: n - 1 },
    after: { v: n },
  });

  beforeEach(async () => {
    t = await createTestDb(dialect);
    anchorDir = mkdtempSync(join(tmpdir(), 'gk-anchor-'));
  });
  afterEach(async () => t.destroy());

  it('chains events per agency and verifies them', async () => {
    for (let i = 1; i <= 3; i++) await recordAudit(t.db, actor, entry(i), clock);
    await recordAudit(t.db, actor, entry(1, null), clock);
    const result = await verifyAudit(t.db, anchorDir);
    expect(result.ok).toBe(true);
    expect(result.chains.map((c) => [c.chain, c.events])).toEqual([
      ['agency-a', 3],
      ['system', 1],
    ]);
  });

  it('an edited row fails verification and is named', async () => {
    for (let i = 1; i <= 4; i++) await recordAudit(t.db, actor, entry(i), clock);
    await t.db.updateTable('audit_event').set({ summary: '篡改' }).where('seq', '=', 2).execute();
    const result = await verifyAudit(t.db, anchorDir);
    expect(result.ok).toBe(false);
    expect(result.chains[0]).toMatchObject({ chain: 'agency-a', ok: false, firstBrokenSeq: 2 });
  });

  it('a deleted tail is caught by the anchor written outside the table', async () => {
    for (let i = 1; i <= 4; i++) await recordAudit(t.db, actor, entry(i), clock);
    expect(await anchorAuditHeads(t.db, anchorDir, clock)).toHaveLength(1);
    expect(await anchorAuditHeads(t.db, anchorDir, clock)).toHaveLength(0); // heads unchanged: nothing new
    await t.db.deleteFrom('audit_event').where('seq', '>=', 3).execute();
    const result = await verifyAudit(t.db, anchorDir);
    expect(result.chains[0]).toMatchObject({ ok: false, firstBrokenSeq: 3, missing: { from: 3, to: 4 } });
    expect(result.chains[0]!.reason).toContain('截断');
  });

  it('a whole deleted chain is caught by the anchor', async () => {
    await recordAudit(t.db, actor, entry(1), clock);
    await anchorAuditHeads(t.db, anchorDir, clock);
    await t.db.deleteFrom('audit_event').execute();
    const result = await verifyAudit(t.db, anchorDir);
    expect(result.ok).toBe(false);
    expect(result.chains[0]!.reason).toContain('整条链');
  });

  it('concurrent writers to one chain get consecutive sequence numbers', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.db.transaction().execute((tx) => recordAudit(tx, actor, entry(i + 1), clock)),
      ),
    );
    const seqs = (await t.db.selectFrom('audit_event').select('seq').orderBy('seq').execute()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect((await verifyAudit(t.db, anchorDir)).ok).toBe(true);
  });
});
