/**
 * Random reports that satisfy R1–R4 (and R10, R11) by construction, for property tests of the
 * importer: any printing of one must read back to the same tables with no finding at all.
 */
import fc from 'fast-check';
import {
  ANNUAL_REPORT_SCHEMA,
  emptyReport,
  getFormat,
  type AnnualReport,
  type ReportFormatId,
} from '../../src/domain/report/index.ts';

const NAMES = ['某某市某某区人民政府', '某某县人民政府', '某某市人民政府', '某某自治州人民政府'];

/** A report that satisfies R1–R4 (and R10, R11) by construction. */
export const arbReport = (formatId: ReportFormatId): fc.Arbitrary<AnnualReport> =>
  fc
    .record({
      name: fc.constantFrom(...NAMES),
      year: formatId === 'V2019' ? fc.integer({ min: 2019, max: 2020 }) : fc.integer({ min: 2021, max: 2030 }),
      day: fc.integer({ min: 5, max: 28 }),
      seed: fc.array(fc.nat({ max: 40 }), { minLength: 400, maxLength: 400 }),
      zeroRate: fc.integer({ min: 0, max: 9 }),
    })
    .map(({ name, year, day, seed, zeroRate }) => {
      let i = 0;
      const next = (max: number) => {
        const v = seed[i++ % seed.length]!;
        return v % 10 < zeroRate ? 0 : v % (max + 1);
      };
      const format = getFormat(formatId);
      const r: AnnualReport = {
        ...emptyReport(format, { name }, year),
        schema: ANNUAL_REPORT_SCHEMA,
        date: `${year + 1}-01-${String(day).padStart(2, '0')}`,
      };
      for (const g of format.table2.groups) {
        for (const row of g.rows) {
          r.table2[row.key] = g.columns.map((col) => {
            if (col.kind === 'change') return next(30) - 15;
            if (col.kind === 'amount')
              return col.unit === '万元'
                ? (next(40) * 1_000_003 + next(40)) / 1e6
                : (next(40) * 10_007 + next(40)) / 100;
            return next(40);
          });
        }
      }
      const leaves = format.table3.rows.filter((row) => row.outcome).map((row) => row.key);
      for (const k of leaves) r.table3[k] = [...Array.from({ length: 6 }, () => next(12)), 0];
      r.table3.carried_out = [...Array.from({ length: 6 }, () => next(3)), 0];
      r.table3.total = Array.from({ length: 7 }, (_, c) => leaves.reduce((s, k) => s + (r.table3[k]![c] as number), 0));
      r.table3.carried_in = Array.from({ length: 7 }, (_, c) =>
        Math.min(next(4), (r.table3.total![c] as number) + (r.table3.carried_out![c] as number)),
      );
      r.table3.received = Array.from(
        { length: 7 },
        (_, c) =>
          (r.table3.total![c] as number) + (r.table3.carried_out![c] as number) - (r.table3.carried_in![c] as number),
      );
      for (const row of format.table3.rows) {
        const cells = r.table3[row.key]!;
        cells[6] = cells.slice(0, 6).reduce<number>((s, c) => s + (c as number), 0);
      }
      for (const g of format.table4.groups) {
        const parts = Array.from({ length: 4 }, () => next(3));
        r.table4[g.key] = [...parts, parts.reduce((s, c) => s + c, 0)];
      }
      const t = r.table3;
      r.sections = {
        overview: `（二）依申请公开情况。本年度共收到政府信息公开申请${t.received![6]}件，办结${t.total![6]}件，${t.carried_out![6]}件结转下年度继续办理。`,
        problems: '工作还需加强。',
        other: '无。',
      };
      return r;
    });
