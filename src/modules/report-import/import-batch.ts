/**
 * Importing many files at once: directories are walked, every file is read on its own (a
 * file that cannot be read is reported and the batch goes on), and when several years of
 * one agency are in the batch, each year is checked against the previous one (R5–R7).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { validateYearChain, type AnnualReport } from '../../domain/report/index.ts';
import { readReportFile, type ReadOptions } from './read-file.ts';
import type { ReadResult } from './read-report.ts';

/** One file's outcome, as `import-report --json` prints it. */
export interface ImportEntry extends ReadResult {
  file: string;
}

/** Files named on the command line, directories expanded (recursively, sorted, hidden files skipped). */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (info?.isDirectory()) await walk(p);
    else out.push(p);
  }
  return out;
}

/** Agency identity across years: the name without spaces. */
const agencyKey = (r: AnnualReport) => r.agency.name.replace(/\s+/g, '');

/** Adds R5–R7 findings to each report whose previous year's report of the same agency is in the batch. */
export function checkYearChains(entries: ImportEntry[]): void {
  const byAgency = new Map<string, ImportEntry[]>();
  for (const e of entries) {
    if (!e.report || !e.report.agency.name) continue;
    const key = agencyKey(e.report);
    byAgency.set(key, [...(byAgency.get(key) ?? []), e]);
  }
  for (const group of byAgency.values()) {
    for (const e of group) {
      const previous = group.find((p) => p.report!.year === e.report!.year - 1);
      if (previous) e.findings.push(...validateYearChain(e.report!, previous.report!));
    }
  }
}

export interface BatchOptions extends ReadOptions {
  /** Called after each file, e.g. to draw a progress indicator. */
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Reads every file, in order, then checks year chains. */
export async function importFiles(paths: string[], options: BatchOptions = {}): Promise<ImportEntry[]> {
  const files = await expandPaths(paths);
  const entries: ImportEntry[] = [];
  for (const [i, file] of files.entries()) {
    entries.push({ file, ...(await readReportFile(file, options)) });
    options.onProgress?.(i + 1, files.length, file);
  }
  checkYearChains(entries);
  return entries;
}
