/**
 * 年报体检 for the console and API: published reports uploaded as files are read by the same
 * reader as `gongkai import-report` and stored as with `--save`; the stored reports are listed
 * with their finding counts, shown one by one with their findings, and exported to XLSX.
 * Imported reports are published documents, so every holder of report_checks.read sees all of
 * them; comparing one with an agency's own records is guarded by reports.read
 * (report-checks.compare.ts).
 */
import type { Db } from '../../db/database.ts';
import { DomainError } from '../../domain/errors.ts';
import {
  getFormat,
  ruleName,
  type AnnualReport,
  type Finding,
  type ReportFormatId,
} from '../../domain/report/index.ts';
import { describeWhere } from '../../domain/report/where.ts';
import type { Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import { checkYearChains, type ImportEntry } from './import-batch.ts';
import { readReportBytesOffThread } from './read-off-thread.ts';
import * as repo from './report-import.repository.ts';
import { saveImportedReports, type SaveOutcome } from './report-import.service.ts';
import { pastStatusOf } from './past-reports.service.ts';

/** Findings counted by severity. */
export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

/** A finding with the official label of the place it points at. */
export interface LabelledFinding extends Finding {
  /** 表三「（七）总计」行「自然人」列 */
  label: string;
  /** 「行合计（R1）」 */
  ruleName: string;
}

/** «年度：2019，依据：标题；格式：V2021，依据：表格栏目», or null for reports stored before the basis was kept. */
export function describeDetection(report: AnnualReport | null | undefined): string | null {
  const basis = report?.source?.yearBasis;
  if (!report || !basis) return null;
  return `年度：${report.year}，依据：${basis}；格式：${report.format}，依据：${report.source?.formatBasis ?? '表格栏目'}`;
}

/** One uploaded file: what was read and what was stored. */
export interface UploadResult extends SaveOutcome {
  error: string | null;
  agencyName: string | null;
  year: number | null;
  format: ReportFormatId | null;
  detection: string | null;
  counts: FindingCounts;
}

/** A stored import as the list shows it. */
export interface CheckSummary extends Omit<repo.ImportedSummary, 'findings' | 'sha256'> {
  counts: FindingCounts;
}

/** A stored import with its report and labelled findings. */
export interface CheckDetail extends CheckSummary {
  report: repo.ImportedReport['report'];
  detection: string | null;
  findings: LabelledFinding[];
  original: Omit<repo.OriginalFile, 'content'> | null;
  publication: { publishedOn: string; publishedAt: string; publishedBy: string | null } | null;
}

/** Counts findings by severity. */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Adds the official label to each finding (表三「…」行「…」列). */
export function labelFindings(format: ReportFormatId, findings: readonly Finding[]): LabelledFinding[] {
  const f = getFormat(format);
  return findings.map((x) => ({ ...x, label: describeWhere(f, x.where), ruleName: ruleName(x.rule) }));
}

function summarize(s: repo.ImportedSummary): CheckSummary {
  return {
    id: s.id,
    agencyName: s.agencyName,
    agencyId: s.agencyId,
    year: s.year,
    format: s.format,
    sourceFile: s.sourceFile,
    importedAt: s.importedAt,
    importedBy: s.importedBy,
    counts: countFindings(s.findings),
  };
}

/**
 * Reads uploaded files as reports (the same reader and year-chain checks as the CLI) and stores
 * every one that is a report, as `import-report --save` does. A file that is not a report is
 * answered with its error and stored nowhere; the others go on.
 */
export async function uploadReports(
  db: Db,
  actor: Actor,
  files: ReadonlyArray<{ name: string; data: Buffer; year?: number; agency?: string }>,
  clock: Clock,
): Promise<UploadResult[]> {
  authorize(actor, 'report_checks.manage');
  const entries: ImportEntry[] = [];
  for (const f of files) {
    const stated = { ...(f.year ? { year: f.year } : {}), ...(f.agency?.trim() ? { agency: f.agency.trim() } : {}) };
    const options = Object.keys(stated).length > 0 ? { stated } : {};
    // Parsed in a worker thread: the server keeps answering while a large file is read.
    entries.push({ file: f.name, ...(await readReportBytesOffThread(f.data, f.name, options)) });
  }
  checkYearChains(entries);
  const outcomes = await saveImportedReports(db, actor, entries, clock, async (_e, i) => files[i]!.data);
  return outcomes.map((o, i) => {
    const e = entries[i]!;
    return {
      ...o,
      error: e.error,
      agencyName: e.report?.agency.name ?? null,
      year: e.report?.year ?? null,
      format: e.report?.format ?? null,
      detection: describeDetection(e.report),
      counts: countFindings(e.findings),
    };
  });
}

/** Every stored import with its counts, by agency and year. */
export async function listReportChecks(db: Db, actor: Actor): Promise<CheckSummary[]> {
  authorize(actor, 'report_checks.read');
  return (await repo.listImportedSummaries(db)).map(summarize);
}

/** One stored import with its report and findings. */
export async function getReportCheck(db: Db, actor: Actor, id: string): Promise<CheckDetail> {
  authorize(actor, 'report_checks.read');
  const r = await repo.findImportedReport(db, id);
  if (!r) throw new DomainError('NOT_FOUND', '该导入的年度报告不存在');
  const { original, publication } = await pastStatusOf(db, r.id);
  return {
    ...summarize(r),
    report: r.report,
    detection: describeDetection(r.report),
    findings: labelFindings(r.format, r.findings),
    original,
    publication: publication
      ? {
          publishedOn: publication.publishedOn,
          publishedAt: publication.publishedAt,
          publishedBy: publication.publishedBy,
        }
      : null,
  };
}

/** The imports whose findings an export covers: one report, one year, or all. */
export async function importsForExport(
  db: Db,
  actor: Actor,
  filter: { id?: string; year?: number },
): Promise<repo.ImportedSummary[]> {
  authorize(actor, 'report_checks.read');
  const all = await repo.listImportedSummaries(db);
  if (filter.id && !all.some((s) => s.id === filter.id)) throw new DomainError('NOT_FOUND', '该导入的年度报告不存在');
  return all.filter(
    (s) => (filter.id === undefined || s.id === filter.id) && (filter.year === undefined || s.year === filter.year),
  );
}
