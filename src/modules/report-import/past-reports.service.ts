/**
 * Past reports on the portal (issue 16, 原文导入): an agency's 政府信息公开工作年度报告 from
 * before it used Gongkai, imported as a file (年报体检), may be published as that year's report
 * (第四十九条、第五十条: 向社会公布). The original file is kept and offered for download, its
 * tables are shown in the official layout, its findings stay with staff. One per agency and year;
 * a year whose report the platform itself has published is not replaced by an import.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { DomainError } from '../../domain/errors.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as reports from '../reports/reports.repository.ts';
import { agencyOf } from './report-checks.compare.ts';
import * as repo from './report-import.repository.ts';

/** A real calendar date written YYYY-MM-DD. */
function isIsoDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A published past report as the console shows it. */
export interface PastPublicationView {
  agencyId: string;
  agencyName: string;
  year: number;
  publishedOn: string;
  publishedAt: string;
  publishedBy: string | null;
}

/** The portal's view of a published past report. */
export interface PublishedPastReport {
  publication: repo.PastPublication;
  imported: repo.ImportedReport;
  original: Omit<repo.OriginalFile, 'content'> | null;
}

/** The import and its platform agency, or the reason it cannot be published. */
async function importWithAgency(db: Db, id: string) {
  const imported = await repo.findImportedReport(db, id);
  if (!imported) throw new DomainError('NOT_FOUND', '该导入的年度报告不存在');
  const agency = await agencyOf(db, imported.agencyId, imported.agencyName);
  if (!agency)
    throw new DomainError(
      'REPORT_CHECK_NO_AGENCY',
      `“${imported.agencyName || '未识别的机关'}”不是本平台上的机构，不能作为其往年年度报告在门户发布`,
    );
  return { imported, agency };
}

/**
 * Publishes an import as its agency's report of that year. The date is the one the agency
 * published it on: stated, else the date under the report's signature.
 */
export async function publishPastReport(
  db: Db,
  actor: Actor,
  id: string,
  input: { publishedOn?: string | undefined },
  clock: Clock,
): Promise<PastPublicationView> {
  const { imported, agency } = await importWithAgency(db, id);
  authorize(actor, 'reports.publish_past', { agencyId: agency.id });
  const publishedOn = input.publishedOn ?? imported.report.date ?? null;
  const today = shanghaiDate(clock.now());
  if (!publishedOn)
    throw new DomainError('VALIDATION_FAILED', '报告中没有落款日期，请填写该报告原来的发布日期', {
      errors: [{ field: 'publishedOn', message: '请填写该报告原来的发布日期' }],
    });
  if (!isIsoDate(publishedOn) || publishedOn > today || Number(publishedOn.slice(0, 4)) < imported.year)
    throw new DomainError(
      'INVALID_DATE',
      `发布日期应在${imported.year}年度之内或之后、且不晚于今天（${today}），收到的是“${publishedOn}”`,
    );
  const generated = await reports.findReport(db, agency.id, imported.year);
  if (generated && generated.currentVersion > 0)
    throw new DomainError(
      'REPORT_PAST_CONFLICT',
      `${agency.name}${imported.year}年度报告已在本平台编制并发布，不能再以导入的原文作为该年度报告发布`,
    );
  if (!(await repo.findOriginal(db, imported.id)))
    throw new DomainError(
      'REPORT_PAST_NO_ORIGINAL',
      '这份报告导入时没有保存原文件（早于原文保存功能），请重新上传原文件后再发布',
    );
  const publishedAt = clock.now().toISOString();
  await db.transaction().execute(async (tx) => {
    const before = await repo.findPublication(tx, agency.id, imported.year);
    await repo.savePublication(tx, {
      id: randomUUID(),
      agencyId: agency.id,
      year: imported.year,
      importedReportId: imported.id,
      publishedOn,
      publishedAt,
      publishedBy: actor.name,
    });
    await recordAudit(
      tx,
      actor,
      {
        agencyId: agency.id,
        action: 'report_past.publish',
        subjectType: 'imported_report',
        subjectId: imported.id,
        summary: `在门户发布${agency.name}${imported.year}年度政府信息公开工作年度报告（原文导入，${imported.sourceFile}，发布日期${publishedOn}）${before && before.importedReportId !== imported.id ? '，替换此前导入的一份' : ''}`,
        ...(before ? { before: { importedReportId: before.importedReportId, publishedOn: before.publishedOn } } : {}),
        after: { importedReportId: imported.id, year: imported.year, publishedOn },
      },
      clock,
    );
  });
  return {
    agencyId: agency.id,
    agencyName: agency.name,
    year: imported.year,
    publishedOn,
    publishedAt,
    publishedBy: actor.name,
  };
}

/** Takes a published past report off the portal. */
export async function withdrawPastReport(db: Db, actor: Actor, id: string, clock: Clock): Promise<void> {
  const { imported, agency } = await importWithAgency(db, id);
  authorize(actor, 'reports.publish_past', { agencyId: agency.id });
  const publication = await repo.findPublicationOf(db, imported.id);
  if (!publication) throw new DomainError('NOT_FOUND', '这份导入的报告没有在门户发布');
  await db.transaction().execute(async (tx) => {
    await repo.deletePublication(tx, publication.id);
    await recordAudit(
      tx,
      actor,
      {
        agencyId: agency.id,
        action: 'report_past.withdraw',
        subjectType: 'imported_report',
        subjectId: imported.id,
        summary: `从门户撤下${agency.name}${imported.year}年度政府信息公开工作年度报告（原文导入）`,
        before: { importedReportId: imported.id, publishedOn: publication.publishedOn },
      },
      clock,
    );
  });
}

/** The original file of an import, for staff (report_checks.read). */
export async function originalFileOf(db: Db, actor: Actor, id: string): Promise<repo.OriginalFile> {
  authorize(actor, 'report_checks.read');
  const file = await repo.findOriginal(db, id);
  if (!file) throw new DomainError('NOT_FOUND', '这份导入的报告没有保存原文件');
  return file;
}

/** The original and publication of an import (the console's report page). */
export async function pastStatusOf(
  db: Db,
  id: string,
): Promise<{ original: Omit<repo.OriginalFile, 'content'> | null; publication: repo.PastPublication | null }> {
  const [file, publication] = await Promise.all([repo.findOriginal(db, id), repo.findPublicationOf(db, id)]);
  return {
    original: file ? { fileName: file.fileName, mediaType: file.mediaType, size: file.size } : null,
    publication,
  };
}

/**
 * The portal: an agency's published past reports, newest first, each with its import. A year
 * whose report the platform has published since shows that one (annual-reports.ts), not this.
 */
export async function publishedPastReports(db: Db, agencyId: string): Promise<PublishedPastReport[]> {
  const out: PublishedPastReport[] = [];
  for (const publication of await repo.listPublications(db, agencyId)) {
    const imported = await repo.findImportedReport(db, publication.importedReportId);
    if (!imported) continue;
    const { original } = await pastStatusOf(db, imported.id);
    out.push({ publication, imported, original });
  }
  return out;
}

/** One published past report of an agency's year, for the portal page; null when there is none. */
export async function publishedPastReport(db: Db, agencyId: string, year: number): Promise<PublishedPastReport | null> {
  const publication = await repo.findPublication(db, agencyId, year);
  if (!publication) return null;
  const imported = await repo.findImportedReport(db, publication.importedReportId);
  if (!imported) return null;
  const { original } = await pastStatusOf(db, imported.id);
  return { publication, imported, original };
}

/** The original file of a published past report, for anyone (it is a public document). */
export async function publishedOriginal(db: Db, agencyId: string, year: number): Promise<repo.OriginalFile | null> {
  const publication = await repo.findPublication(db, agencyId, year);
  return publication ? repo.findOriginal(db, publication.importedReportId) : null;
}
