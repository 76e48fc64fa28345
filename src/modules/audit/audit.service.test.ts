import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { systemActor } from '../../policies/actor.ts';
import { AnchorWriter } from './audit.anchors.ts';
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

describeEachDialect('anchors written before COMMIT', (dialect) => {
  let t: TestDb;
  let anchorDir: string;
  const clock = new TestClock();
  const actor = systemActor('测试');
  const entry = (n: number) => ({
    agencyId: 'agency-a',
    action: 'x',
    subjectType: 'x',
    subjectId: String(n),
    summary: `第${n}项`,
  });

  beforeEach(async () => {
    t = await createTestDb(dialect);
    anchorDir = mkdtempSync(join(tmpdir(), 'gk-anchor-'));
  });
  afterEach(async () => t.destroy());

  async function headOf() {
    return t.db.selectFrom('audit_event').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
  }

  it('a withdrawn anchor (its COMMIT failed) no longer counts', async () => {
    for (let i = 1; i <= 3; i++) await recordAudit(t.db, actor, entry(i), clock);
    const head = await headOf();
    const writer = new AnchorWriter(anchorDir, 'node-a');
    await writer.write([{ chain: 'agency-a', seq: 3, hash: head.hash, at: head.at }]);
    const lost = { chain: 'agency-a', seq: 4, hash: 'f'.repeat(64), at: head.at };
    await writer.write([lost]);
    expect((await verifyAudit(t.db, anchorDir)).chains[0]).toMatchObject({ ok: false, missing: { from: 4, to: 4 } });
    writer.withdraw([lost]);
    await writer.close();
    expect((await verifyAudit(t.db, anchorDir)).ok).toBe(true);
  });

  it('an anchor whose node died before its COMMIT is reported until the chain goes on past it', async () => {
    for (let i = 1; i <= 2; i++) await recordAudit(t.db, actor, entry(i), clock);
    const head = await headOf();
    const writer = new AnchorWriter(anchorDir, 'node-a');
    // Anchored, then kill -9 before the COMMIT: the database never got seq 3.
    await writer.write([{ chain: 'agency-a', seq: 3, hash: 'e'.repeat(64), at: head.at }]);
    const report = (await verifyAudit(t.db, anchorDir)).chains[0]!;
    expect(report).toMatchObject({ ok: false, missing: { from: 3, to: 3 } });
    // The next node writes a different seq 3 (anchored too); both hashes were anchored at 3.
    await recordAudit(t.db, actor, entry(3), clock);
    const next = await headOf();
    await writer.write([{ chain: 'agency-a', seq: 3, hash: next.hash, at: next.at }]);
    await writer.close();
    expect((await verifyAudit(t.db, anchorDir)).ok).toBe(true);
    // Deleting it afterwards is still caught.
    await t.db.deleteFrom('audit_event').where('seq', '=', 3).execute();
    expect((await verifyAudit(t.db, anchorDir)).chains[0]).toMatchObject({ ok: false, missing: { from: 3, to: 3 } });
  });
});
