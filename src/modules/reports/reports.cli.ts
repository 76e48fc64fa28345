/**
 * What `gongkai report` does, as a plain function: resolve the agency by name or code, take
 * the live report (or the latest published version) and export it. Runs as the system actor.
 */
import type { Db } from '../../db/database.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Clock } from '../../domain/time.ts';
import { systemActor } from '../../policies/actor.ts';
import { exportReport, type ExportFormat, type ExportedFile } from './export/index.ts';
import { moduleFigureSources } from './figure-sources.ts';
import type { FigureSources } from './reports.figures.ts';
import { agencyByKey, liveExportInput, reportView } from './reports.service.ts';

export interface CliReportOptions {
  agency: string;
  year: number;
  format: ExportFormat;
  published: boolean;
}

export async function cliReport(
  db: Db,
  clock: Clock,
  options: CliReportOptions,
  sources: FigureSources = moduleFigureSources,
): Promise<ExportedFile> {
  const actor = systemActor('命令行');
  const agency = await agencyByKey(db, options.agency);
  const view = await reportView(db, actor, agency.id, options.year, clock, sources);
  if (options.published) {
    const latest = view.versions.at(-1);
    if (!latest) throw new DomainError('NOT_FOUND', `${agency.name}${options.year}年度报告尚未发布`);
    return exportReport(
      { report: latest.report, preamble: latest.preamble, version: { number: latest.version, reason: latest.reason } },
      options.format,
    );
  }
  return exportReport(liveExportInput(view), options.format);
}
