import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { TestClock } from '../../../test/support/clock.ts';
import { Calendar } from '../../domain/calendar/calendar.ts';
import { loadBundledYears } from '../../domain/calendar/bundled.ts';
import { searchPublic } from '../search/search.service.ts';
import { runSynth, rng } from './synth.service.ts';
import { SYNTH_STEPS } from './synth.steps.ts';
import { COMMON_WORDS, SELECTIVE_WORDS, title } from './text.ts';

it('titles read like government documents and are reproducible from the seed', () => {
  const a = Array.from(
    { length: 5 },
    (() => {
      const r = rng(7);
      return () => title(r, '洛江区工信局', 2024);
    })(),
  );
  const b = Array.from(
    { length: 5 },
    (() => {
      const r = rng(7);
      return () => title(r, '洛江区工信局', 2024);
    })(),
  );
  expect(a).toEqual(b);
  expect(a.join('')).toMatch(/通知|公告|方案|要点|报告|总结|解读|指南|动态|公示|意见|办法|答复|名单|结果|情况/);
});

describeEachDialect('gongkai synth (small)', (dialect) => {
  let t: TestDb;
  const clock = new TestClock();
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await runSynth(
      {
        db: t.db,
        clock,
        calendar: Calendar.fromYears(loadBundledYears()),
        random: rng(1),
        counts: { agencies: 40, items: 300 },
        progress: () => {},
      },
      SYNTH_STEPS,
    );
  }, 60_000);
  afterAll(async () => t?.destroy());

  it('creates the agency tree and the items, every item searchable', async () => {
    const agencies = await t.db
      .selectFrom('agency')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(agencies.n)).toBe(40);
    const roots = await t.db.selectFrom('agency').select('id').where('parent_id', 'is', null).execute();
    expect(roots).toHaveLength(1);
    expect((await searchPublic(t.db, { pageSize: 1 }, clock)).total).toBe(300); // all published, newest first
    const all = await t.db
      .selectFrom('catalog_search')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(all.n)).toBe(300);
    const common = await searchPublic(t.db, { q: '工作' }, clock);
    expect(COMMON_WORDS).toContain('工作');
    expect(common.total).toBeGreaterThan(30);
    const selective = await Promise.all(SELECTIVE_WORDS.map((w) => searchPublic(t.db, { q: w }, clock)));
    expect(selective.every((r) => r.total < common.total)).toBe(true);
  });

  it('a later step run on its own (--only catalog) adds to the agencies and 索引号 already there', async () => {
    await runSynth(
      {
        db: t.db,
        clock,
        calendar: Calendar.fromYears(loadBundledYears()),
        random: rng(2),
        counts: { agencies: 40, items: 50 },
        progress: () => {},
      },
      SYNTH_STEPS,
      ['catalog'],
    );
    expect((await searchPublic(t.db, { pageSize: 1 }, clock)).total).toBe(350);
    const agencies = await t.db
      .selectFrom('agency')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(agencies.n)).toBe(40);
  });
});

describeEachDialect('gongkai synth --only catalog on an empty database', (dialect) => {
  it('says that the agencies step must run first', async () => {
    const t = await createTestDb(dialect);
    try {
      await expect(
        runSynth(
          {
            db: t.db,
            clock: new TestClock(),
            calendar: Calendar.fromYears(loadBundledYears()),
            random: rng(1),
            counts: { items: 5 },
            progress: () => {},
          },
          SYNTH_STEPS,
          ['catalog'],
        ),
      ).rejects.toThrow('先运行 synth 的 agencies 步骤');
    } finally {
      await t.destroy();
    }
  });
});
