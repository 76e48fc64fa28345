import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { TestClock } from '../../../test/support/clock.ts';
import { Calendar } from '../../domain/calendar/calendar.ts';
import { loadBundledYears } from '../../domain/calendar/bundled.ts';
import { agenciesStep, rng } from '../synth/synth.service.ts';
import { clockOf, derivedColumns } from './applications.clock.ts';
import { listEvents } from './applications.events.repository.ts';
import { applicationFigures } from './applications.service.ts';
import { applicationsSynthStep } from './applications.synth.ts';

describeEachDialect('synth: applications step', (dialect) => {
  let t: TestDb;
  const calendar = Calendar.fromYears(loadBundledYears());
  beforeAll(async () => {
    t = await createTestDb(dialect);
    const ctx = {
      db: t.db,
      clock: new TestClock(),
      calendar,
      random: rng(7),
      counts: { agencies: 20, applications: 300 },
      agencies: [],
      progress: () => undefined,
    };
    await agenciesStep.run(ctx);
    await applicationsSynthStep.run(ctx);
  });
  afterAll(async () => t.destroy());

  it('writes the requested number, with the derived columns computeClock gives for their events', async () => {
    const rows = await t.db.selectFrom('application').selectAll().execute();
    expect(rows).toHaveLength(300);
    for (const row of rows.slice(0, 40)) {
      const stored = await listEvents(t.db, row.id);
      const c = clockOf(stored, '2025-12-31', calendar);
      expect([row.received_date, row.reply_due, row.closed_date, row.outcome]).toEqual([
        c.receivedDate,
        c.replyDue,
        c.closed,
        c.outcome,
      ]);
      expect(row.inbox_key).toBe(derivedColumns(c, stored).inboxKey);
    }
    const ids = [...new Set(rows.map((r) => r.agency_id))];
    const y = await applicationFigures(t.db, ids, 2023);
    for (let c = 0; c < 7; c++) expect(y.received[c]! + y.carried_in[c]!).toBe(y.total[c]! + y.carried_out[c]!);
  });
});
