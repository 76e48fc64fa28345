/**
 * An imported report beside the agency's own: the tables the platform computes from the
 * agency's records for that year (the reports module's computeLive, in the imported report's
 * format so that every cell has a counterpart), compared cell by cell with the tables as
 * published. Equal tables give no difference; each difference names the official row and column.
 */
import type { Db } from '../../db/database.ts';
import { DomainError } from '../../domain/errors.ts';
import { changesSincePublication, getFormat, type AnnualReport, type Cell } from '../../domain/report/index.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import * as agencies from '../agencies/agencies.repository.ts';
import { computeLive } from '../reports/reports.compute.ts';
import type { FigureSources } from '../reports/reports.figures.ts';
import { findImportedReport } from './report-import.repository.ts';

/** One cell that differs. */
export interface CellDifference {
  /** `table3.granted[6]` */
  where: string;
  /** 表三「（一）予以公开」行「总计」列 */
  label: string;
  imported: Cell;
  generated: Cell;
}

export interface Comparison {
  agency: { id: string; name: string };
  year: number;
  format: AnnualReport['format'];
  /** The report computed from the agency's records. */
  generated: AnnualReport;
  differences: CellDifference[];
}

/** The platform's agency of an import: its link, else an agency of exactly that name. */
export async function agencyOf(db: Db, agencyId: string | null, agencyName: string): Promise<agencies.Agency | null> {
  if (agencyId) return agencies.findById(db, agencyId);
  if (!agencyName) return null;
  const a = await agencies.findByCodeOrName(db, agencyName);
  return a?.name === agencyName ? a : null;
}

/**
 * Compares a stored import with the report generated from the agency's records for the same
 * year. Needs report_checks.read and reports.read for that agency (its records are not public).
 */
export async function compareWithGenerated(
  db: Db,
  actor: Actor,
  id: string,
  clock: Clock,
  sources: FigureSources,
): Promise<Comparison> {
  authorize(actor, 'report_checks.read');
  const imported = await findImportedReport(db, id);
  if (!imported) throw new DomainError('NOT_FOUND', '该导入的年度报告不存在');
  const agency = await agencyOf(db, imported.agencyId, imported.agencyName);
  if (!agency)
    throw new DomainError(
      'REPORT_CHECK_NO_AGENCY',
      `“${imported.agencyName || '未识别的机关'}”不是本平台上的机构，无法与平台生成的年度报告比对`,
    );
  authorize(actor, 'reports.read', { agencyId: agency.id });
  if (imported.year >= Number(shanghaiDate(clock.now()).slice(0, 4)))
    throw new DomainError('REPORT_YEAR_NOT_ENDED', `${imported.year}年尚未结束，平台尚不能生成该年度报告`, {
      year: imported.year,
    });
  const live = await computeLive(db, sources, agency, imported.year, null, { format: getFormat(imported.format) });
  const differences = changesSincePublication(imported.report, live.report).map((c) => ({
    where: c.where,
    label: c.label,
    imported: c.published,
    generated: c.current,
  }));
  return {
    agency: { id: agency.id, name: agency.name },
    year: imported.year,
    format: imported.format,
    generated: live.report,
    differences,
  };
}
