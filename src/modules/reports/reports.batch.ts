/**
 * `gongkai report batch`: the annual reports of every agency in a subtree (a province, a city,
 * a county) for one year, in the chosen formats, written into a folder — the live report as
 * computed from the records (the same computation as one report, computeLive), or each agency's
 * latest published version (--published).
 *
 * The agencies are worked through by a small pool (`concurrency`): on PostgreSQL the pool's
 * connections count side by side; the rendering of DOCX and PDF is CPU work on this process, so
 * more cores are used by running several shards (`shard`: agencies i, i+n, i+2n … of the tree
 * order), one process each (the CLI's --jobs starts them). A failing agency is listed with its
 * error and the batch goes on; the summary (summary.json in the folder) names every agency with
 * its files, and what was skipped or failed and why.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/database.ts';
import { DomainError } from '../../domain/errors.ts';
import { chooseFormat } from '../../domain/report/index.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import * as agencies from '../agencies/agencies.repository.ts';
import { exportReport, type ExportFormat } from './export/index.ts';
import { moduleFigureSources } from './figure-sources.ts';
import { computeLive } from './reports.compute.ts';
import type { FigureSources } from './reports.figures.ts';
import * as repo from './reports.repository.ts';
import { agencyByKey } from './reports.service.ts';

export interface BatchOptions {
  /** The subtree's root: an agency's full name or code. */
  under: string;
  year: number;
  formats: readonly ExportFormat[];
  /** The latest published version of each report instead of the live one; unpublished ones are skipped. */
  published: boolean;
  outDir: string;
  /** Agencies worked on side by side in this process (1–32). */
  concurrency: number;
  /** This process's share: index (0-based) of count. */
  shard?: { index: number; count: number };
  onProgress?: (p: BatchProgress) => void;
}

export interface BatchProgress {
  done: number;
  total: number;
  agency: { code: string; name: string };
  outcome: 'written' | 'skipped' | 'failed';
  message?: string;
}

export interface BatchAgencyResult {
  code: string;
  name: string;
  outcome: 'written' | 'skipped' | 'failed';
  files: string[];
  /** Why it was skipped or what failed. */
  message?: string;
}

export interface BatchSummary {
  year: number;
  under: { code: string; name: string };
  published: boolean;
  formats: ExportFormat[];
  shard: { index: number; count: number };
  agencies: number;
  written: number;
  skipped: number;
  failed: number;
  files: number;
  seconds: number;
  results: BatchAgencyResult[];
}

/** A file name from an agency code: letters, digits, dash, dot and underscore (codes are ASCII). */
function safeName(code: string): string {
  return code.replace(/[^\w.-]+/g, '_');
}

export async function batchReports(
  db: Db,
  clock: Clock,
  options: BatchOptions,
  sources: FigureSources = moduleFigureSources,
): Promise<BatchSummary> {
  const started = performance.now();
  const root = await agencyByKey(db, options.under);
  chooseFormat(options.year); // REPORT_YEAR_UNSUPPORTED before 2019
  if (options.year >= Number(shanghaiDate(clock.now()).slice(0, 4)) && !options.published)
    throw new DomainError('REPORT_YEAR_NOT_ENDED', `${options.year}年尚未结束，不能编制该年度报告`, {
      year: options.year,
    });
  const shard = options.shard ?? { index: 0, count: 1 };
  const ids = (await agencies.subtreeIds(db, [root.id])).filter((_, i) => i % shard.count === shard.index);
  const byId = new Map((await agencies.findByIds(db, ids)).map((a) => [a.id, a]));
  const list = ids.map((id) => byId.get(id)).filter((a): a is agencies.Agency => a !== undefined);
  mkdirSync(options.outDir, { recursive: true });

  const results: BatchAgencyResult[] = new Array(list.length);
  let done = 0;
  async function one(agency: agencies.Agency): Promise<BatchAgencyResult> {
    const base = { code: agency.code, name: agency.name };
    try {
      const record = await repo.findReport(db, agency.id, options.year);
      let input;
      if (options.published) {
        const latest =
          record && record.currentVersion > 0 ? (await repo.listVersions(db, record.id)).at(-1) : undefined;
        if (!latest) return { ...base, outcome: 'skipped', files: [], message: `${options.year}年度报告尚未发布` };
        input = {
          report: latest.report,
          preamble: latest.preamble,
          version: { number: latest.version, reason: latest.reason },
        };
      } else {
        const live = await computeLive(db, sources, agency, options.year, record, { clock });
        input = { report: live.report, preamble: live.sections.preamble };
      }
      const files: string[] = [];
      for (const format of options.formats) {
        const file = await exportReport(input, format);
        const name = `${safeName(agency.code)}-${options.year}.${format}`;
        writeFileSync(join(options.outDir, name), file.data);
        files.push(name);
      }
      return { ...base, outcome: 'written', files };
    } catch (e) {
      // One agency's failure is reported, never the end of the batch.
      const message = e instanceof Error ? e.message : String(e);
      return { ...base, outcome: 'failed', files: [], message };
    }
  }

  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const i = next++;
      const agency = list[i]!;
      const r = await one(agency);
      results[i] = r;
      done++;
      options.onProgress?.({
        done,
        total: list.length,
        agency: { code: r.code, name: r.name },
        outcome: r.outcome,
        message: r.message,
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, list.length)) }, worker));

  const count = (o: BatchAgencyResult['outcome']) => results.filter((r) => r.outcome === o).length;
  const summary: BatchSummary = {
    year: options.year,
    under: { code: root.code, name: root.name },
    published: options.published,
    formats: [...options.formats],
    shard,
    agencies: list.length,
    written: count('written'),
    skipped: count('skipped'),
    failed: count('failed'),
    files: results.reduce((s, r) => s + r.files.length, 0),
    seconds: Math.round((performance.now() - started) / 10) / 100,
    results,
  };
  const summaryName = shard.count > 1 ? `summary-${shard.index + 1}-of-${shard.count}.json` : 'summary.json';
  writeFileSync(join(options.outDir, summaryName), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}
