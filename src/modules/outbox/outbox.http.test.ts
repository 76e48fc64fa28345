import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { describeEachDialect } from '../../../test/support/db.ts';
import { systemActor } from '../../policies/actor.ts';
import { enqueueMessage } from './outbox.service.ts';

describeEachDialect('outbox list filtered by creation day over HTTP', (dialect) => {
  let t: TestApp;
  let gxj: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    gxj = (
      await t.ctx.db.selectFrom('agency').select('id').where('code', '=', 'luojiang-gxj').executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(async () => t.close());

  it('from and to are whole days in Beijing time, both inclusive; a bad date is refused by field', async () => {
    const send = async (at: string, subject: string) => {
      t.clock.set(at);
      await enqueueMessage(
        t.ctx.db,
        systemActor(),
        { agencyId: gxj, channel: 'in_person', recipientName: '王五', recipientAddress: '', subject, bodyText: '' },
        t.clock,
      );
    };
    await send('2026-03-01T15:30:00Z', '三月一日深夜'); // 2026-03-01 23:30 in Beijing
    await send('2026-03-01T16:30:00Z', '三月二日凌晨'); // 2026-03-02 00:30 in Beijing
    t.clock.set('2026-03-02T02:00:00Z');
    const clerk = await t.login('gxj.clerk');
    const subjects = async (query: string) =>
      (
        await t.app.inject({
          url: `/api/v1/outbox?agencyId=${gxj}&channel=in_person&${query}`,
          headers: { cookie: clerk.cookie },
        })
      )
        .json()
        .items.map((m: { subject: string }) => m.subject);
    expect(await subjects('from=2026-03-02')).toEqual(['三月二日凌晨']);
    expect(await subjects('to=2026-03-01')).toEqual(['三月一日深夜']);
    expect(await subjects('from=2026-03-01&to=2026-03-02')).toEqual(['三月二日凌晨', '三月一日深夜']);
    const bad = await t.app.inject({
      url: `/api/v1/outbox?agencyId=${gxj}&from=2026-3-1`,
      headers: { cookie: clerk.cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual({ from: '日期格式应为 YYYY-MM-DD' });
  });
});
