import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { TestClock } from '../../../test/support/clock.ts';
import type { ApplicationTable } from '../../db/tables/applications.ts';
import { ValidationError } from '../../domain/errors.ts';
import { systemActor, type Actor } from '../../policies/actor.ts';
import { subtreeIds } from '../agencies/agencies.repository.ts';
import type { AppDeps } from './applications.deps.ts';
import { createApplication } from './intake/intake.service.ts';
import { COUNT_CAP, inboxKey, listInbox, type InboxCursor, type InboxQuery } from './applications.repository.ts';
import { listApplications } from './applications.service.ts';
import { performStep } from './steps/steps.service.ts';
import { sweepApplications } from './sweep/sweep.service.ts';
import { citizen, demoSetup } from '../../../test/support/factories/applications.ts';

type Row = Pick<ApplicationTable, 'id' | 'agency_id' | 'state' | 'reply_due' | 'created_at' | 'inbox_key'>;

/** The inbox order as the console defines it, computed here without the stored key: open first, by due date (none last), then newest. */
function inboxOrder(rows: readonly Row[]): string[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows]
    .sort(
      (a, b) =>
        (a.state === 'closed' ? 1 : 0) - (b.state === 'closed' ? 1 : 0) ||
        cmp(a.reply_due ?? '9999-12-31', b.reply_due ?? '9999-12-31') ||
        cmp(b.created_at, a.created_at) ||
        cmp(b.id, a.id),
    )
    .map((r) => r.id);
}

describeEachDialect('applications inbox: order, pages and counts', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let agencyId: string;
  let otherId: string;
  let districtId: string;
  let clerk: Actor, handler: Actor, head: Actor, supervisor: Actor;
  const clock = new TestClock('2025-03-03T02:00:00Z');
  const system = systemActor('测试');

  const rowsOf = async (agencyIds: readonly string[]) =>
    t.db
      .selectFrom('application')
      .select(['id', 'agency_id', 'state', 'reply_due', 'created_at', 'inbox_key'])
      .where('agency_id', 'in', [...agencyIds])
      .execute();

  /** Every id of a listing, page after page by cursor. */
  async function byCursor(q: Omit<InboxQuery, 'offset' | 'after'>): Promise<string[]> {
    const ids: string[] = [];
    let after: InboxCursor | undefined;
    for (let guard = 0; guard < 100; guard++) {
      const page = await listInbox(t.db, { ...q, offset: 0, after });
      ids.push(...page.items.map((a) => a.id));
      if (!page.nextCursor) return ids;
      expect(page.items).toHaveLength(q.limit);
      after = page.nextCursor;
    }
    throw new Error('cursor did not end');
  }

  /** Every id of a listing, page after page by number. */
  async function byOffset(q: Omit<InboxQuery, 'offset' | 'after'>): Promise<string[]> {
    const ids: string[] = [];
    for (let offset = 0; ; offset += q.limit) {
      const page = await listInbox(t.db, { ...q, offset });
      ids.push(...page.items.map((a) => a.id));
      if (page.items.length < q.limit) return ids;
    }
  }

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const s = await demoSetup(t.db, clock);
    deps = s.deps;
    agencyId = s.agencyId;
    [clerk, handler, head, supervisor] = (await Promise.all(
      ['gxj.clerk', 'gxj.handler', 'gxj.head', 'zfb.supervisor'].map(s.actor),
    )) as [Actor, Actor, Actor, Actor];
    const reach = await t.db
      .selectFrom('user_reach')
      .select('agency_id')
      .where('user_id', '=', supervisor.id!)
      .executeTakeFirstOrThrow();
    districtId = reach.agency_id;
    otherId = (await subtreeIds(t.db, [districtId])).find((id) => id !== districtId && id !== agencyId)!;
    // Both agencies receive applications on a few days, so due dates repeat; some in the same
    // instant (the id decides), some online and not yet confirmed (no due date).
    for (const [i, arrival] of [
      '2025-02-10',
      '2025-02-17',
      '2025-02-17',
      '2025-02-24',
      '2025-03-03',
      '2025-02-17',
    ].entries()) {
      if (i !== 2) clock.advanceMinutes(3);
      for (const agency of [agencyId, otherId]) {
        await createApplication(
          deps,
          system,
          citizen(agency, { arrivalDate: arrival, infoDescription: `排序测试${i}` }),
        );
      }
    }
    for (const agency of [agencyId, otherId])
      await createApplication(
        deps,
        null,
        citizen(agency, { channel: 'online', idempotencyKey: `inbox-${dialect}-${agency}` }),
      );
  });
  afterAll(async () => t.destroy());

  it('the stored key equals the order open-first by due date, then newest, by number and by cursor, for one agency and several', async () => {
    for (const agencyIds of [[agencyId], [agencyId, otherId]]) {
      const rows = await rowsOf(agencyIds);
      for (const r of rows) expect(r.inbox_key).toBe(inboxKey(r.state, r.reply_due));
      const expected = inboxOrder(rows);
      expect(new Set(rows.map((r) => r.state)).size).toBeGreaterThan(1);
      // A small cap makes the inbox over two agencies walk the order index; the default one reads by agency and sorts.
      for (const countCap of [COUNT_CAP, 3]) {
        expect(await byOffset({ agencyIds, limit: 7, countCap })).toEqual(expected);
        expect(await byCursor({ agencyIds, limit: 7, countCap })).toEqual(expected);
      }
    }
  });

  it('filters keep the order; the overdue ones are the open ones due before today', async () => {
    const rows = await rowsOf([agencyId, otherId]);
    const today = '2025-03-20';
    const overdue = rows.filter((r) => r.state !== 'closed' && r.reply_due !== null && r.reply_due < today);
    expect(overdue.length).toBeGreaterThan(0);
    for (const countCap of [COUNT_CAP, 2]) {
      expect(await byCursor({ agencyIds: [agencyId, otherId], overdueOn: today, limit: 4, countCap })).toEqual(
        inboxOrder(overdue),
      );
      expect(await byCursor({ agencyIds: [agencyId, otherId], states: ['closed'], limit: 5, countCap })).toEqual(
        inboxOrder(rows.filter((r) => r.state === 'closed')),
      );
      expect(await byOffset({ agencyIds: [agencyId, otherId], open: true, limit: 5, countCap })).toEqual(
        inboxOrder(rows.filter((r) => r.state !== 'closed')),
      );
    }
  });

  it('a step that moves the due date, or closes the application, moves it in the inbox', async () => {
    const rows = await rowsOf([agencyId]);
    const open = rows.filter((r) => r.state === 'running').sort((a, b) => (a.reply_due! < b.reply_due! ? -1 : 1));
    const first = open[0]!;
    const firstPlace = (await byCursor({ agencyIds: [agencyId], limit: 5 })).indexOf(first.id);
    await performStep(deps, handler, first.id, 'requestExtension', { days: 20, reason: '材料较多' });
    const extended = await performStep(deps, head, first.id, 'approveExtension', {});
    expect(extended.replyDue! > first.reply_due!).toBe(true);
    const afterExtension = await rowsOf([agencyId]);
    expect(afterExtension.find((r) => r.id === first.id)!.inbox_key).toBe(inboxKey('running', extended.replyDue));
    const listed = await byCursor({ agencyIds: [agencyId], limit: 5 });
    expect(listed).toEqual(inboxOrder(afterExtension));
    expect(listed.indexOf(first.id)).toBeGreaterThan(firstPlace);

    await performStep(deps, clerk, first.id, 'withdraw', { note: '申请人撤回' });
    const afterWithdrawal = await rowsOf([agencyId]);
    expect(afterWithdrawal.find((r) => r.id === first.id)!.inbox_key.startsWith('1')).toBe(true);
    expect(await byCursor({ agencyIds: [agencyId], limit: 5 })).toEqual(inboxOrder(afterWithdrawal));
  });

  it('the sweep keeps the key with the columns it stores', async () => {
    clock.set('2025-09-01T02:00:00Z');
    await sweepApplications(t.db, clock);
    const rows = await rowsOf([agencyId, otherId]);
    for (const r of rows) expect(r.inbox_key).toBe(inboxKey(r.state, r.reply_due));
    expect(await byCursor({ agencyIds: [agencyId, otherId], limit: 6, countCap: 2 })).toEqual(inboxOrder(rows));
    clock.set('2025-03-03T02:00:00Z');
  });

  it('counts stop at the cap; the service pages by cursor and refuses a malformed one in Chinese', async () => {
    const all = await rowsOf([agencyId]);
    expect(await listInbox(t.db, { agencyIds: [agencyId], limit: 5, offset: 0, countCap: 4 })).toMatchObject({
      total: 4,
      totalCapped: true,
    });
    expect(await listInbox(t.db, { agencyIds: [agencyId], limit: 5, offset: 0, countCap: all.length })).toMatchObject({
      total: all.length,
      totalCapped: false,
    });

    const first = await listApplications(deps, clerk, { pageSize: 3 });
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await listApplications(deps, clerk, { pageSize: 3, cursor: first.nextCursor!, page: 7 });
    const byPage = await listApplications(deps, clerk, { pageSize: 3, page: 2 });
    expect(second.items.map((a) => a.id)).toEqual(byPage.items.map((a) => a.id));
    for (const cursor of ['x', Buffer.from('["a",1,"b"]').toString('base64url')]) {
      const err = await listApplications(deps, clerk, { cursor }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).fields).toEqual({ cursor: '翻页位置无效，请从第一页重新查看' });
    }
  });

  it('the supervisor of the whole platform lists every agency in the same order as the agencies one by one', async () => {
    const everything = await t.db
      .selectFrom('application')
      .select(['id', 'agency_id', 'state', 'reply_due', 'created_at', 'inbox_key'])
      .execute();
    const roots = await t.db.selectFrom('agency').select('id').where('parent_id', 'is', null).execute();
    expect(roots).toHaveLength(1); // so the service lists 'all', without an agency condition
    expect(await byCursor({ agencyIds: 'all', limit: 9, countCap: 2 })).toEqual(inboxOrder(everything));
    const viaService = await listApplications(deps, system, { agencyId: roots[0]!.id, pageSize: 100 });
    const inTree = new Set(await subtreeIds(t.db, [roots[0]!.id]));
    expect(viaService.items.map((a) => a.id)).toEqual(
      inboxOrder(everything.filter((r) => inTree.has(r.agency_id))).slice(0, 100),
    );
  });
});
