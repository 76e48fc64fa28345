/**
 * Property: a random consistent report, printed in any of the text styles or as HTML (DOCX
 * on fewer runs), reads back to the same tables with no findings at all; with some zero
 * cells printed blank it reads back with those cells null and one R9 finding each.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ANNUAL_REPORT_SCHEMA,
  emptyReport,
  getFormat,
  type AnnualReport,
  type Cell,
  type ReportFormatId,
} from '../../domain/report/index.ts';
import { ruleCells, tablesOf } from '../../../test/fixtures/reports/tables.ts';
import { renderDocx } from '../../../tools/report-fixtures/render-docx.ts';
import { renderHtml } from '../../../tools/report-fixtures/render-html.ts';
import { renderText, type TextStyle } from '../../../tools/report-fixtures/render-text.ts';
import { readReportBytes } from './read-file.ts';

const NAMES = ['某某市某某区人民政府', '某某县人民政府', '某某市人民政府', '某某自治州人民政府'];

/** A report that satisfies R1–R4 (and R10, R11) by construction. */
const arbReport = (formatId: ReportFormatId) =>
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

async function readBack(r: AnnualReport, style: TextStyle | 'html' | 'docx') {
  const data =
    style === 'html'
      ? Buffer.from(renderHtml({ report: r }))
      : style === 'docx'
        ? await renderDocx({ report: r })
        : Buffer.from(renderText({ report: r }, style));
  return readReportBytes(data, `random.${style}`);
}

describe('random consistent reports read back unchanged, with no false alarms', () => {
  for (const formatId of ['V2019', 'V2021'] as const) {
    for (const style of ['tab', 'markdown', 'pipe', 'space', 'html'] as const) {
      it(`${formatId} as ${style}`, async () => {
        await fc.assert(
          fc.asyncProperty(arbReport(formatId), async (r) => {
            const res = await readBack(r, style);
            expect(res.error).toBeNull();
            expect(tablesOf(res.report)).toEqual(tablesOf(r));
            expect(res.findings).toEqual([]);
          }),
          { numRuns: 30 },
        );
      });
    }
    it(`${formatId} as docx`, async () => {
      await fc.assert(
        fc.asyncProperty(arbReport(formatId), async (r) => {
          const res = await readBack(r, 'docx');
          expect(tablesOf(res.report)).toEqual(tablesOf(r));
          expect(res.findings).toEqual([]);
        }),
        { numRuns: 8 },
      );
    });
  }

  it.each(['V2019', 'V2021'] as const)(
    '%s as crawler text: every cell is the true number, or null on a row reported ambiguous',
    async (formatId) => {
      await fc.assert(
        fc.asyncProperty(arbReport(formatId), async (r) => {
          const res = await readBack(r, 'crawler');
          expect(res.error).toBeNull();
          const read = res.report!;
          const ambiguousRows = new Set(res.findings.filter((f) => f.rule === 'ambiguous').map((f) => f.where));
          const check = (
            table: 'table2' | 'table3' | 'table4',
            truth: Record<string, Cell[] | undefined>,
            got: Record<string, Cell[] | undefined>,
          ) => {
            for (const [key, cells] of Object.entries(truth)) {
              cells!.forEach((v, i) => {
                const g = got[key]![i];
                if (g === null) expect(ambiguousRows.has(table === 'table4' ? 'table4' : `${table}.${key}`)).toBe(true);
                else expect(g).toBe(v);
              });
            }
          };
          check('table2', r.table2, read.table2);
          check('table3', r.table3, read.table3);
          check('table4', r.table4, read.table4);
          expect(res.findings.filter((f) => f.severity === 'error')).toEqual([]);
          expect(res.findings.filter((f) => f.severity === 'warning' && f.rule !== 'ambiguous')).toEqual([]);
        }),
        { numRuns: 40 },
      );
    },
  );

  it('zero cells printed blank come back null, each with one R9 finding', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbReport('V2021'),
        fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('tab', 'html'),
        async (r, picks, style) => {
          const zeros: Array<[string, number]> = [];
          for (const [key, cells] of Object.entries(r.table3)) cells.forEach((c, i) => c === 0 && zeros.push([key, i]));
          fc.pre(zeros.length > 0);
          const blanked = new Set<string>();
          for (const p of picks) {
            const [key, i] = zeros[p % zeros.length]!;
            (r.table3[key as keyof typeof r.table3] as Cell[])[i] = null;
            blanked.add(`R9 table3.${key}[${i}]`);
          }
          const res = await readBack(r, style);
          expect(tablesOf(res.report)).toEqual(tablesOf(r));
          expect(ruleCells(res.findings)).toEqual([...blanked].sort());
        },
      ),
      { numRuns: 30 },
    );
  });
});
