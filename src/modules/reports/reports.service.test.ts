/** Report records, workflow and versions on SQLite and PostgreSQL. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { luojiang2020 } from '../../domain/report/figures.fixtures.ts';
import { emptyFigures } from '../../domain/report/index.ts';
import type { Actor } from '../../policies/actor.ts';
import { findByCodeOrName, subtreeIds } from '../agencies/agencies.repository.ts';
import { loadDemo } from '../demo/demo.service.ts';
import { publishReport, reportView, returnReport, saveReport, startRevision, submitReport } from './reports.service.ts';
import { aggregateReport, reportWarnings, supervisorOverview } from './reports.supervision.ts';
import { listVersions } from './reports.repository.ts';
import { MemoryFigureSources } from './test-sources.ts';
import { TEST_KEYS } from '../../../test/support/keys.ts';

describeEachDialect('annual reports', (dialect) => {
  let t: TestDb;
  const clock = new TestClock('2021-01-05T02:00:00Z');
  const sources = new MemoryFigureSources();
  let gxj = '';
  let lj = '';
  let head: Actor;
  let approver: Actor;
  let supervisor: Actor;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await loadDemo(t.db, clock, { keys: TEST_KEYS, passwordMinLength: 12, password: () => 'Demo-Password-2026' });
    gxj = (await findByCodeOrName(t.db, 'luojiang-gxj'))!.id;
    lj = (await findByCodeOrName(t.db, 'luojiang'))!.id;
    const own = new Set([gxj]);
    const user = (name: string, roles: Actor['roles'], agencyId: string, visible: ReadonlySet<string>): Actor => ({
      kind: 'user',
      id: `u-${name}`,
      name,
      agencyId,
      roles,
      visibleAgencies: visible,
      scopes: null,
      clientIp: null,
    });
    head = user('黄主任', ['office_head'], gxj, own);
    approver = user('王审核', ['approver'], gxj, own);
    supervisor = user('许监督', ['supervisor'], lj, new Set(await subtreeIds(t.db, [lj])));
    sources.set(gxj, 2020, luojiang2020());
  });
  afterAll(async () => {
    await t.destroy();
  });

  it('shows the live report and its draft before anything is saved', async () => {
    const v = await reportView(t.db, head, gxj, 2020, clock, sources);
    expect(v.record).toBeNull();
    expect(v.report.format).toBe('V2019');
    expect(v.report.table2.other_services).toEqual([7, 0, 21]);
    expect(v.sections.overview).toContain('主动公开政府信息数16条');
    expect(v.findings).toEqual([]);
    // The current year is a preview; a year not yet begun has no report.
    expect((await reportView(t.db, head, gxj, 2021, clock, sources)).preview).toBe('截至1月5日，未到发布时间');
    expect(v.preview).toBeNull();
    expect(v.due).toMatchObject({ deadline: '2021-01-31', kind: 'department', state: 'not_due' });
    await expect(reportView(t.db, head, gxj, 2022, clock, sources)).rejects.toMatchObject({
      code: 'REPORT_YEAR_NOT_ENDED',
      message: '2022年尚未开始，不能编制该年度报告',
    });
  });

  it('saves the narrative as typed, flags R8, and refuses publication until it agrees', async () => {
    await expect(saveReport(t.db, approver, gxj, 2020, {}, clock, sources)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const draft = (await reportView(t.db, head, gxj, 2020, clock, sources)).draft;
    const wrong = draft.overview.replace('主动公开政府信息数16条', '主动公开政府信息数17条');
    const saved = await saveReport(
      t.db,
      head,
      gxj,
      2020,
      { sections: { overview: wrong }, signatureDate: '2021-01-06' },
      clock,
      sources,
    );
    expect(saved.record?.status).toBe('draft');
    expect(saved.record?.sections.overview).toBe(wrong);
    expect(saved.findings.map((f) => f.rule)).toEqual(['R8']);
    await submitReport(t.db, head, gxj, 2020, clock);
    await expect(saveReport(t.db, head, gxj, 2020, {}, clock, sources)).rejects.toMatchObject({
      code: 'REPORT_NOT_EDITABLE',
    });
    await expect(publishReport(t.db, head, gxj, 2020, clock, sources)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(publishReport(t.db, approver, gxj, 2020, clock, sources)).rejects.toMatchObject({
      code: 'REPORT_NOT_PUBLISHABLE',
    });
    await returnReport(t.db, approver, gxj, 2020, '主动公开条数与目录不一致', clock);
    const fixed = await saveReport(t.db, head, gxj, 2020, { sections: { overview: draft.overview } }, clock, sources);
    expect(fixed.findings).toEqual([]);
  });

  it('publishes version 1 with frozen figures; later record changes show and need a reasoned version 2', async () => {
    await submitReport(t.db, head, gxj, 2020, clock);
    const v1 = await publishReport(t.db, approver, gxj, 2020, clock, sources);
    expect(v1).toMatchObject({ version: 1, reason: null, publishedOn: '2021-01-05' });
    expect(v1.report.date).toBe('2021-01-06');
    expect(v1.report.sections?.overview).toContain('16条');

    const f = luojiang2020();
    f.applications.received = [1, 0, 0, 0, 0, 0];
    f.applications.closed.granted = [1, 0, 0, 0, 0, 0];
    sources.set(gxj, 2020, f);
    const after = await reportView(t.db, head, gxj, 2020, clock, sources);
    expect(after.changes.map((c) => c.where)).toEqual([
      'table3.received[0]',
      'table3.received[6]',
      'table3.granted[0]',
      'table3.granted[6]',
      'table3.total[0]',
      'table3.total[6]',
    ]);

    await expect(startRevision(t.db, head, gxj, 2020, ' ', clock)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await startRevision(t.db, head, gxj, 2020, '补录一件2020年12月收到的申请', clock);
    const redraft = (await reportView(t.db, head, gxj, 2020, clock, sources)).draft;
    await saveReport(t.db, head, gxj, 2020, { sections: { overview: redraft.overview } }, clock, sources);
    await submitReport(t.db, head, gxj, 2020, clock);
    const v2 = await publishReport(t.db, approver, gxj, 2020, clock, sources);
    expect(v2).toMatchObject({ version: 2, reason: '补录一件2020年12月收到的申请' });
    const versions = await listVersions(t.db, v2.reportId);
    expect(versions.map((v) => [v.version, v.report.table3.received?.[6]])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect((await reportView(t.db, head, gxj, 2020, clock, sources)).changes).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('subject_type', '=', 'annual_report')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'report.create',
      'report.submit',
      'report.return',
      'report.save',
      'report.submit',
      'report.publish',
      'report.revise',
      'report.save',
      'report.submit',
      'report.publish',
    ]);
  });

  it("checks R5 against the previous year's published version", async () => {
    const f = emptyFigures();
    f.applications.carriedIn = [2, 0, 0, 0, 0, 0];
    f.applications.closed.granted = [2, 0, 0, 0, 0, 0];
    sources.set(gxj, 2021, f);
    clock.set('2022-01-10T02:00:00Z');
    const v = await reportView(t.db, head, gxj, 2021, clock, sources);
    expect(v.previousSource).toBe('published');
    expect(v.findings.filter((x) => x.rule === 'R5').map((x) => x.where)).toEqual([
      'table3.carried_in[0]',
      'table3.carried_in[6]',
    ]);
  });

  it('shows the supervisor who is late (第四十九条) and reminds from mid-January', async () => {
    clock.set('2021-02-02T02:00:00Z');
    const rows = await supervisorOverview(t.db, supervisor, lj, 2020, clock);
    const byName = new Map(rows.map((r) => [r.agency.name, r]));
    expect(byName.get('泉州市洛江区工业和信息化局')).toMatchObject({
      state: 'published',
      publishedOn: '2021-01-05',
      late: false,
      version: 2,
      deadline: '2021-01-31',
    });
    expect(byName.get('泉州市洛江区财政局')).toMatchObject({ state: 'overdue', status: null });
    expect(byName.get('泉州市洛江区人民政府')).toMatchObject({ state: 'due_soon', deadline: '2021-03-31' });
    await expect(supervisorOverview(t.db, head, lj, 2020, clock)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const warnings = await reportWarnings()(t.db, supervisor, clock);
    expect(warnings.filter((w) => w.code === 'REPORT_OVERDUE').map((w) => w.message)).toContain(
      '泉州市洛江区财政局2020年政府信息公开工作年度报告已超过法定期限2021年1月31日仍未发布（第四十九条）。',
    );
    expect(warnings.some((w) => w.message.startsWith('泉州市洛江区工业和信息化局'))).toBe(false);
    clock.set('2021-01-14T02:00:00Z');
    expect(await reportWarnings()(t.db, supervisor, clock)).toEqual([]);
  });

  it('warns about 第二十条 figures nobody entered, without blocking', async () => {
    const czj = (await findByCodeOrName(t.db, 'luojiang-czj'))!.id;
    const f = emptyFigures();
    f.catalog.unentered = ['2020年行政许可处理决定数量'];
    sources.set(czj, 2020, f);
    clock.set('2021-01-10T02:00:00Z');
    const v = await reportView(t.db, supervisor, czj, 2020, clock, sources);
    expect(v.findings.filter((x) => x.rule === 'unentered')).toEqual([
      {
        rule: 'unentered',
        severity: 'warning',
        where: 'table2',
        message: '2020年行政许可处理决定数量未录入，按0计入表二（请在“第二十条数据”中录入或导入，并注明来源）。',
      },
    ]);
  });

  it('aggregates the subtree, listing the agencies included', async () => {
    clock.set('2021-02-02T02:00:00Z');
    const agg = await aggregateReport(t.db, supervisor, lj, 2020, sources);
    expect(agg.report.includedAgencies?.map((a) => a.name)).toContain('泉州市洛江区工业和信息化局');
    expect(agg.report.includedAgencies).toHaveLength(6);
    expect(agg.report.table3.received?.[6]).toBe(1);
    expect(agg.findings.filter((f) => f.severity === 'error' && f.rule !== 'missing')).toEqual([]);
  });
  it('refuses to publish a report whose figures break the arithmetic rules, naming them; the report still opens', async () => {
    const hsz = (await findByCodeOrName(t.db, 'luojiang-heshi'))!.id;
    const townHead = { ...head, agencyId: hsz, visibleAgencies: new Set([hsz]) };
    const townApprover = { ...approver, agencyId: hsz, visibleAgencies: new Set([hsz]) };
    const f = emptyFigures();
    // A source that lost one closed application: 一 + 二 = 3 but （七） + 四 = 2 (R3).
    f.applications.received = [3, 0, 0, 0, 0, 0];
    f.applications.closed.granted = [2, 0, 0, 0, 0, 0];
    sources.set(hsz, 2020, f);
    clock.set('2021-01-20T02:00:00Z');
    const v = await reportView(t.db, townHead, hsz, 2020, clock, sources);
    expect(v.findings.filter((x) => x.rule === 'R3').map((x) => x.where)).toEqual([
      'table3.carried_out[0]',
      'table3.carried_out[6]',
    ]);
    expect(v.due).toMatchObject({ kind: 'township', deadline: '2021-01-31', state: 'due_soon' });
    await saveReport(t.db, townHead, hsz, 2020, {}, clock, sources);
    await submitReport(t.db, townHead, hsz, 2020, clock);
    const refusal = await publishReport(t.db, townApprover, hsz, 2020, clock, sources).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'REPORT_NOT_PUBLISHABLE' });
    expect((refusal as Error).message).toMatch(/^报告有\d+处问题须先修改：【勾稽关系（R3）】/);
    const after = await reportView(t.db, townHead, hsz, 2020, clock, sources);
    expect(after.record?.status).toBe('review');
    expect(after.versions).toEqual([]);
  });

  it('previews the current year before it ends and refuses to publish it until then', async () => {
    const f = emptyFigures();
    f.applications.received = [1, 0, 0, 0, 0, 0];
    f.applications.carriedOut = [1, 0, 0, 0, 0, 0];
    sources.set(gxj, 2026, f);
    clock.set('2026-12-31T15:30:00Z'); // 23:30 on 31 December in Beijing
    const v = await reportView(t.db, head, gxj, 2026, clock, sources);
    expect(v.preview).toBe('截至12月31日，未到发布时间');
    expect(v.due).toMatchObject({ deadline: '2027-01-31', state: 'year_not_ended' });
    await saveReport(t.db, head, gxj, 2026, {}, clock, sources);
    await submitReport(t.db, head, gxj, 2026, clock);
    await expect(publishReport(t.db, approver, gxj, 2026, clock, sources)).rejects.toMatchObject({
      code: 'REPORT_YEAR_NOT_ENDED',
      message: '2026年尚未结束，本报告为预览（截至12月31日，未到发布时间），须在2027年1月1日以后发布',
    });
    clock.set('2026-12-31T16:00:00Z'); // midnight: 1 January 2027 in Beijing
    expect((await reportView(t.db, head, gxj, 2026, clock, sources)).preview).toBeNull();
    expect(await publishReport(t.db, approver, gxj, 2026, clock, sources)).toMatchObject({
      version: 1,
      publishedOn: '2027-01-01',
    });
  });
});
