/**
 * The committed hazard corpus (test/fixtures/reports/hazard-corpus, made by
 * tools/report-fixtures/generate-hazard-corpus.ts): variants of the samples and of random
 * reports over every hazard, and partial copies, each read cell for cell against expected.json.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../domain/report/index.ts';
import type { CorpusEntry } from '../../../tools/report-fixtures/generate-hazard-corpus.ts';
import { readReportFile } from './read-file.ts';

const DIR = resolve(import.meta.dirname, '../../../test/fixtures/reports/hazard-corpus');
const entries = JSON.parse(readFileSync(`${DIR}/expected.json`, 'utf8')) as CorpusEntry[];

const tablesOf = (r: NonNullable<Awaited<ReturnType<typeof readReportFile>>['report']>) => ({
  format: r.format,
  year: r.year,
  agency: { name: r.agency.name },
  table2: r.table2,
  table3: r.table3,
  table4: r.table4,
});

describe('hazard corpus', () => {
  it('covers every hazard and partial copies', () => {
    expect(new Set(entries.map((e) => e.hazard)).size).toBe(10);
    expect(entries.length).toBeGreaterThan(80);
  });

  it.each(entries.map((e) => [e.file, e] as const))('%s', async (_, e) => {
    const res = await readReportFile(`${DIR}/${e.file}`);
    expect(res.error).toBeNull();
    const got = tablesOf(res.report!);
    if (e.mode === 'flagged') {
      const flagged = new Set(res.findings.filter((f) => f.rule === 'ambiguous').map((f) => f.where));
      for (const table of ['table2', 'table3', 'table4'] as const) {
        for (const [key, cells] of Object.entries(e.tables[table]) as Array<[string, Cell[]]>) {
          cells.forEach((v, i) => {
            const g = (got[table] as Record<string, Cell[]>)[key]![i];
            if (g === null) expect(flagged.has(table === 'table4' ? 'table4' : `${table}.${key}`)).toBe(true);
            else expect(g).toBe(v);
          });
        }
      }
      expect(res.findings.filter((f) => f.rule !== 'ambiguous')).toEqual([]);
      return;
    }
    expect(got).toEqual(e.tables);
    expect([...new Set(res.findings.map((f) => f.rule))].sort()).toEqual(e.rules);
  });
});
