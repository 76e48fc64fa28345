/**
 * Regenerates the committed hazard corpus in test/fixtures/reports/hazard-corpus/ (issue 16):
 *   npx tsx tools/report-fixtures/generate-hazard-corpus.ts
 * Variants of the samples and of random consistent reports printed with every hazard of
 * hazard-variants.ts, plus partial copies cut at random inside table 三, each with the cells
 * it must read back to in expected.json. The choice of reports, seeds and cuts is random but
 * seeded, so the corpus is the same on every run.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { AnnualReport, Cell } from '../../src/domain/report/index.ts';
import { HAZARDS, partialCopy, renderHazard, seeded, type Hazard } from './hazard-variants.ts';
import type { Printable } from './printable.ts';
import { arbReport } from './random-report.ts';
import { renderText } from './render-text.ts';
import { LUOJIANG, PINGTAN, plantedBase, SHUYANG } from './samples.ts';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/reports/hazard-corpus');

/**
 * How a file must read: `exact` cell for cell with the listed finding rules only; `flagged`
 * every cell true or null on a row named by an ambiguous finding (plain pdftotext); `partial`
 * the listed cells exactly (null where the copy ends) and one `missing` finding.
 */
export interface CorpusEntry {
  file: string;
  hazard: Hazard | 'partial';
  mode: 'exact' | 'flagged' | 'partial';
  tables: Pick<AnnualReport, 'format' | 'year' | 'agency' | 'table2' | 'table3' | 'table4'>;
  rules: string[];
}

const tablesOf = (r: AnnualReport): CorpusEntry['tables'] => ({
  format: r.format,
  year: r.year,
  agency: { name: r.agency.name },
  table2: r.table2,
  table3: r.table3,
  table4: r.table4,
});

/** Sources: the samples (平潭 with its numbers printed apart), a planted-base report and random ones. */
function sources(): Array<{ name: string; p: Printable; blanks: boolean; rules: string[] }> {
  const randoms = [
    ...fc.sample(arbReport('V2019'), { numRuns: 3, seed: 16 }),
    ...fc.sample(arbReport('V2021'), { numRuns: 3, seed: 61 }),
  ];
  return [
    { name: 'luojiang', p: LUOJIANG, blanks: false, rules: [] },
    // As published, 平潭's 行政规范性文件 row ran 「693665」 together; printed apart it is 69 | 3 | 665
    // (665 in force: its 2022 report continues from 665, report-formats.md §5 R6).
    { name: 'pingtan', p: pingtanApart(), blanks: false, rules: [] },
    { name: 'shuyang', p: SHUYANG, blanks: true, rules: ['R9'] },
    { name: 'planted-base', p: { report: plantedBase() }, blanks: false, rules: [] },
    ...randoms.map((report, i) => ({ name: `random-${i + 1}`, p: { report }, blanks: false, rules: [] })),
  ];
}

function pingtanApart(): Printable {
  const report = structuredClone(PINGTAN.report);
  report.table2.normative_docs = [69, 3, 665];
  return { ...PINGTAN, report, overrides: {} };
}

/** Hazards that keep blank cells apart (the others drop them, as real PDF text does). */
const KEEPS_BLANKS: Hazard[] = ['flat-html', 'flat-html-annotated', 'markdown-mismatch'];

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const entries: CorpusEntry[] = [];
  const rand = seeded(1616);
  for (const { name, p, blanks, rules } of sources()) {
    for (const hazard of HAZARDS) {
      if (blanks && !KEEPS_BLANKS.includes(hazard)) continue;
      const file = `${name}.${hazard}.txt`;
      writeFileSync(join(OUT, file), await renderHazard(p, hazard, Math.floor(rand() * 1e9)));
      entries.push({
        file,
        hazard,
        mode: hazard === 'pdftotext' ? 'flagged' : 'exact',
        tables: tablesOf(p.report),
        rules: hazard === 'pdftotext' ? [] : rules,
      });
    }
    if (blanks) continue;
    const rows = Object.keys(p.report.table3).length;
    const cut = { rows: 1 + Math.floor(rand() * (rows - 1)), cells: Math.floor(rand() * 7) };
    const file = `${name}.partial.txt`;
    writeFileSync(join(OUT, file), partialCopy(renderText(p, 'tab'), cut));
    const r = structuredClone(p.report);
    Object.keys(r.table3).forEach((k, i) => {
      if (i >= cut.rows) r.table3[k as keyof AnnualReport['table3']] = new Array<Cell>(7).fill(null);
    });
    for (const k of Object.keys(r.table4)) r.table4[k as keyof AnnualReport['table4']] = new Array<Cell>(5).fill(null);
    entries.push({ file, hazard: 'partial', mode: 'partial', tables: tablesOf(r), rules: ['missing'] });
  }
  writeFileSync(join(OUT, 'expected.json'), `${JSON.stringify(entries, null, 1)}\n`);
  console.log(`${entries.length} files in ${OUT}`);
}

await main();
