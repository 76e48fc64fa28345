/**
 * Property: a random consistent report, printed in any of the text styles or as HTML (DOCX
 * on fewer runs), reads back to the same tables with no findings at all; with some zero
 * cells printed blank it reads back with those cells null and one R9 finding naming them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnualReport, Cell } from '../../domain/report/index.ts';
import { tablesOf } from '../../../test/fixtures/reports/tables.ts';
import { arbReport } from '../../../tools/report-fixtures/random-report.ts';
import { renderDocx } from '../../../tools/report-fixtures/render-docx.ts';
import { renderHtml } from '../../../tools/report-fixtures/render-html.ts';
import { renderText, type TextStyle } from '../../../tools/report-fixtures/render-text.ts';
import { readReportBytes } from './read-file.ts';

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

  it('zero cells printed blank come back null, with one R9 finding that names them all', async () => {
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
            blanked.add(`table3.${key}[${i}]`);
          }
          const res = await readBack(r, style);
          expect(tablesOf(res.report)).toEqual(tablesOf(r));
          expect(res.findings).toHaveLength(1);
          const [r9] = res.findings;
          expect(r9!.rule).toBe('R9');
          const named = blanked.size === 1 ? [r9!.where] : (r9!.cells ?? []);
          expect([...named].sort()).toEqual([...blanked].sort());
        },
      ),
      { numRuns: 30 },
    );
  });
});
