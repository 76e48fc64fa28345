/**
 * Property (issue 16): a random consistent report, printed with any hazard of published
 * reports — our own PDF extracted again by pdftotext and pdf.js, HTML flattened with 「 | 」
 * and merged cells once (annotated or not), labels broken over lines with their numbers after
 * them, header fragments run together, markdown with mismatched columns — reads back cell for
 * cell with no finding at all. Plain pdftotext, whose reading order can scramble a table, must
 * never produce a wrong number: every cell is the true one, or null on a row reported
 * ambiguous. A partial copy that ends inside table 三 reads what is there and says once,
 * precisely, what is missing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnualReport, Cell, Finding, ReportFormatId } from '../../domain/report/index.ts';
import { tablesOf } from '../../../test/fixtures/reports/tables.ts';
import { HAZARDS, partialCopy, renderHazard, type Hazard } from '../../../tools/report-fixtures/hazard-variants.ts';
import { arbReport } from '../../../tools/report-fixtures/random-report.ts';
import { renderText } from '../../../tools/report-fixtures/render-text.ts';
import { readReportBytes } from './read-file.ts';

/** Hazards that must read back exactly. */
const EXACT = HAZARDS.filter((h) => h !== 'pdftotext');
const PDF_RUNS = 4;
const TEXT_RUNS = 15;

const runsOf = (h: Hazard) => (h.startsWith('pdf') ? PDF_RUNS : TEXT_RUNS);

/** Every cell is the true one, or null on a row (or table 四) that an ambiguous finding names. */
function trueOrFlagged(truth: AnnualReport, got: AnnualReport, findings: Finding[]): void {
  const flagged = new Set(findings.filter((f) => f.rule === 'ambiguous').map((f) => f.where));
  for (const table of ['table2', 'table3', 'table4'] as const) {
    for (const [key, cells] of Object.entries(truth[table]) as Array<[string, Cell[]]>) {
      cells.forEach((v, i) => {
        const g = (got[table] as Record<string, Cell[]>)[key]![i];
        if (g === null) expect(flagged.has(table === 'table4' ? 'table4' : `${table}.${key}`)).toBe(true);
        else expect(g).toBe(v);
      });
    }
  }
}

describe('random reports printed with every hazard read back cell for cell', () => {
  for (const formatId of ['V2019', 'V2021'] as const) {
    it.each(EXACT)(`${formatId} %s`, async (hazard) => {
      await fc.assert(
        fc.asyncProperty(arbReport(formatId), fc.nat(), async (r, seed) => {
          const text = await renderHazard({ report: r }, hazard, seed);
          const res = await readReportBytes(Buffer.from(text), `${hazard}.txt`);
          expect(res.error).toBeNull();
          expect(tablesOf(res.report)).toEqual(tablesOf(r));
          expect(res.findings).toEqual([]);
        }),
        { numRuns: runsOf(hazard) },
      );
    });

    it(`${formatId} plain pdftotext: never a wrong number, no false alarm`, async () => {
      await fc.assert(
        fc.asyncProperty(arbReport(formatId), async (r) => {
          const res = await readReportBytes(Buffer.from(await renderHazard({ report: r }, 'pdftotext', 0)), 'p.txt');
          expect(res.error).toBeNull();
          trueOrFlagged(r, res.report!, res.findings);
          expect(res.findings.filter((f) => f.rule !== 'ambiguous')).toEqual([]);
        }),
        { numRuns: PDF_RUNS },
      );
    });
  }
});

const ROWS: Record<ReportFormatId, number> = { V2019: 23, V2021: 25 };

describe('partial copies that end inside table 三', () => {
  it.each(['V2019', 'V2021'] as const)('%s: what is there is read, what is not is named once', async (formatId) => {
    await fc.assert(
      fc.asyncProperty(
        arbReport(formatId),
        fc.integer({ min: 1, max: ROWS[formatId] - 1 }),
        fc.integer({ min: 0, max: 7 }),
        async (r, rows, cells) => {
          // The row at the cut is kept only when all seven of its cells are there.
          const whole = cells === 7 ? rows + 1 : rows;
          const text = partialCopy(renderText({ report: r }, 'tab'), { rows, cells });
          const res = await readReportBytes(Buffer.from(text), 'partial.txt');
          expect(res.error).toBeNull();
          const keys = Object.keys(r.table3);
          keys.forEach((k, i) => {
            const got = res.report!.table3[k as keyof AnnualReport['table3']];
            expect(got).toEqual(i < whole ? r.table3[k as keyof AnnualReport['table3']] : new Array(7).fill(null));
          });
          expect(Object.values(res.report!.table4).flat()).toEqual(new Array(15).fill(null));
          expect(res.report!.table2).toEqual(r.table2);
          expect(res.findings).toHaveLength(1);
          const [missing] = res.findings;
          const lost = keys.length - whole;
          expect(missing).toMatchObject({ rule: 'missing', severity: 'warning', where: lost ? 'table3' : 'table4' });
          expect(missing!.cells).toHaveLength(lost * 7 + 15);
          if (lost > 1) expect(missing!.message).toContain(`共${lost}行（${lost * 7}格）`);
          expect(missing!.message).toContain('表四全部15格以及其后的第五、六部分都不在文件中');
        },
      ),
      { numRuns: 25 },
    );
  });
});
