/**
 * The 政务公开考核 scorecard on the demo platform: every point traces to records (change a record,
 * the indicator moves), indicators are data (a saved set adds one without code), weights must add
 * up (nothing saved otherwise), saving is versioned and audited, and the CLI prints the JSON.
 * SQLite and PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/clock.ts';
import { runCli } from '../../../test/support/cli.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { demoSetup } from '../../../test/support/factories/applications.ts';
import { ValidationError } from '../../domain/errors.ts';
import { DEFAULT_INDICATOR_SET, type Indicator } from '../../domain/supervision/scorecard.ts';
import type { Actor } from '../../policies/actor.ts';
import { findByCodeOrName } from '../agencies/agencies.repository.ts';
import { moduleFigureSources } from '../reports/figure-sources.ts';
import { reportView } from '../reports/reports.service.ts';
import { indicatorSets, saveIndicatorSet, subtreeScorecard } from './scorecard.service.ts';

describeEachDialect('assessment scorecard', (dialect) => {
  let t: TestDb;
  let supervisor: Actor;
  let auditor: Actor;
  let gxj = '';
  let dir = '';
  const clock = new TestClock('2026-03-02T02:00:00Z');
  const saved = { url: process.env.GONGKAI_DATABASE_URL, dataDir: process.env.GONGKAI_DATA_DIR };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const s = await demoSetup(t.db, new TestClock('2026-03-02T02:00:00Z'));
    supervisor = await s.actor('zfb.supervisor');
    auditor = await s.actor('audit.admin');
    gxj = (await findByCodeOrName(t.db, 'luojiang-gxj'))!.id;
    dir = mkdtempSync(join(tmpdir(), 'gk-scorecard-'));
    process.env.GONGKAI_DATABASE_URL = t.url;
    process.env.GONGKAI_DATA_DIR = dir;
  });
  afterAll(async () => {
    if (saved.url === undefined) delete process.env.GONGKAI_DATABASE_URL;
    else process.env.GONGKAI_DATABASE_URL = saved.url;
    if (saved.dataDir === undefined) delete process.env.GONGKAI_DATA_DIR;
    else process.env.GONGKAI_DATA_DIR = saved.dataDir;
    rmSync(dir, { recursive: true, force: true });
    await t.destroy();
  });

  const bureau = async (year = 2025) => {
    const card = await subtreeScorecard(t.db, supervisor, { year }, clock);
    return { card, gxj: card.agencies.find((a) => a.agency.id === gxj)! };
  };

  it('scores every agency of the subtree by the default set, ranked, with evidence and advice', async () => {
    const { card, gxj: row } = await bureau();
    expect(card.set.version).toBe(0);
    expect(card.agencies.length).toBe(6);
    expect(row.indicators.reduce((n, i) => n + i.max, 0)).toBe(100);
    expect(card.agencies.map((a) => a.rank)).toEqual([...card.agencies.map((a) => a.rank)].sort((a, b) => a - b));
    const replies = row.indicators.find((i) => i.key === 'replies_on_time')!;
    expect(replies.evidenceCount).toBe(30);
    expect(replies.evidenceLink).toContain(`agencyId=${gxj}`);
    // 2025 reports were due by 31 January 2026 and none is published: no points, advice given.
    const report = row.indicators.find((i) => i.key === 'annual_report_on_time')!;
    expect(report.points).toBe(0);
    expect(report.advice).toMatch(/在法定期限前发布年度报告（可再得10分）/);
    // The auditor reads it too.
    expect((await subtreeScorecard(t.db, auditor, { rootId: card.root.id, year: 2025 }, clock)).agencies).toHaveLength(
      6,
    );
  });

  it('change a record, the indicator moves: a refusal whose reasons are removed costs points', async () => {
    const before = (await bureau()).gxj.indicators.find((i) => i.key === 'replies_with_reasons')!;
    expect(before.points).toBeGreaterThan(0);
    const refusal = await t.db
      .selectFrom('application')
      .select('id')
      .where('agency_id', '=', gxj)
      .where('closed_date', '>=', '2025-01-01')
      .where('closed_date', '<=', '2025-12-31')
      .where('outcome', 'in', ['withheld_state_secret', 'withheld_third_party'])
      .executeTakeFirstOrThrow();
    await t.db.updateTable('application').set({ decision_reasons: '' }).where('id', '=', refusal.id).execute();
    const after = (await bureau()).gxj.indicators.find((i) => i.key === 'replies_with_reasons')!;
    expect(after.points).toBeLessThan(before.points);
    expect(after.value).toBeLessThan(1);
    expect(after.advice).toContain('写明理由');
  });

  it('indicators are data: a saved set adds one without code; weights that do not add up save nothing', async () => {
    const root = (await bureau()).card.root.id;
    const extra: Indicator = {
      key: 'interpretations_published',
      name: '本年公开政策解读',
      dimension: '政策解读与回应',
      weight: 10,
      rule: { kind: 'atLeast', metric: 'catalog.interpretations', zero: 0, full: 2 },
      basis: '国办关于政策解读的要求',
      advice: '本年至少公开2篇政策解读',
    };
    const badSet = { name: '2025年考核指标', indicators: [...DEFAULT_INDICATOR_SET.indicators, extra] };
    const refused = await saveIndicatorSet(t.db, supervisor, { year: 2025, set: badSet }, clock).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fields.weights).toBe('各指标分值（weight）之和应为100，现为110');
    expect((await indicatorSets(t.db, supervisor, { year: 2025 })).versions).toEqual([]);
    await expect(saveIndicatorSet(t.db, auditor, { rootId: root, year: 2025, set: badSet }, clock)).rejects.toThrow(
      /权限/,
    );

    // Re-weighted: the on-time rate loses 10 points to the new indicator.
    const indicators = [
      ...DEFAULT_INDICATOR_SET.indicators.map((i) => (i.key === 'replies_on_time' ? { ...i, weight: 10 } : i)),
      extra,
    ];
    const set = await saveIndicatorSet(
      t.db,
      supervisor,
      { year: 2025, set: { name: '2025年考核指标', indicators }, note: '加入政策解读' },
      clock,
    );
    expect(set.version).toBe(1);
    const { card, gxj: row } = await bureau();
    expect(card.set).toMatchObject({ version: 1, name: '2025年考核指标' });
    const added = row.indicators.find((i) => i.key === 'interpretations_published')!;
    expect(added.max).toBe(10);
    expect(added.evidenceLink).toContain('metric=interpretations');
    expect(row.indicators.find((i) => i.key === 'replies_on_time')!.max).toBe(10);
    // Other years keep the default; the save is audited.
    expect((await bureau(2024)).card.set.version).toBe(0);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'summary'])
      .where('action', '=', 'scorecard.set.save')
      .execute();
    expect(audit.map((a) => a.summary)).toEqual(['保存泉州市洛江区人民政府2025年政务公开考核指标（第1版）']);
  });

  it('`gongkai scorecard` prints the set used and per agency the total and each indicator', async () => {
    const r = await runCli(['scorecard', '--agency', 'luojiang', '--year', '2025']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.schema).toBe('gongkai.scorecard/1');
    expect(json.indicatorSet.indicators.length).toBeGreaterThan(5);
    const row = json.agencies.find((a: { agency: { name: string } }) => a.agency.name === '泉州市洛江区工业和信息化局');
    expect(row.indicators[0]).toEqual(
      expect.objectContaining({
        key: expect.any(String),
        points: expect.any(Number),
        max: expect.any(Number),
        evidenceCount: expect.any(Number),
      }),
    );
    const out = join(dir, 'card.xlsx');
    expect(
      (await runCli(['scorecard', '--agency', 'luojiang', '--year', '2025', '--format', 'xlsx', '--out', out])).code,
    ).toBe(0);
    expect((await runCli(['scorecard', '--agency', 'luojiang', '--year', '2025', '--format', 'pdf'])).code).toBe(2);
  });
  it("feeds the 本级人民政府 report draft's 「工作考核」 (第五十条第四项), not a department's", async () => {
    const lj = (await findByCodeOrName(t.db, 'luojiang'))!.id;
    const gov = await reportView(t.db, supervisor, lj, 2025, clock, moduleFigureSources);
    const card = await subtreeScorecard(t.db, supervisor, { rootId: lj, year: 2025 }, clock);
    expect(gov.draft.overview).toContain('工作考核情况。将政务公开工作纳入绩效考核');
    expect(gov.draft.overview).toContain(`对${card.agencies.length - 1}个下级机关2025年政府信息公开工作进行考核`);
    const top = card.agencies.find((a) => a.agency.id !== lj)!;
    expect(gov.draft.overview).toContain(`${top.agency.name}（${top.total}分）`);
    const dept = await reportView(t.db, supervisor, gxj, 2025, clock, moduleFigureSources);
    expect(dept.draft.overview).not.toContain('工作考核情况');
  });
});
