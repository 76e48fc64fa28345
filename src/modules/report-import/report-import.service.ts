/**
 * Storing imported reports (`import-report --save`, the console's upload): each report with
 * its findings, once per file (sha256), linked to the platform's agency of the same name, in
 * one transaction with its audit event. A report whose previous year is already stored is
 * checked against it (R5–R7), so yearly imports chain even when they come in separate runs.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { validateYearChain } from '../../domain/report/index.ts';
import type { Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import { findByCodeOrName } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ImportEntry } from './import-batch.ts';
import * as repo from './report-import.repository.ts';

/** What happened to one file. */
export interface SaveOutcome {
  file: string;
  /** inserted: stored now; duplicate: the same file was stored before; skipped: not a report. */
  status: 'inserted' | 'duplicate' | 'skipped';
  id: string | null;
}

/**
 * Who may store imports: the CLI (system actor), supervising offices, agency office heads and
 * the system administrator — the holders of report_checks.manage.
 */
function authorizeImport(actor: Actor): void {
  authorize(actor, 'report_checks.manage');
}

/** Adds R5–R7 against stored previous years for reports whose previous year is not in the batch. */
async function checkAgainstStored(db: Db, entries: ImportEntry[]): Promise<void> {
  for (const e of entries) {
    const r = e.report;
    if (!r?.agency.name) continue;
    const inBatch = entries.some((p) => p.report?.agency.name === r.agency.name && p.report.year === r.year - 1);
    if (inBatch) continue;
    const previous = await repo.findLatestForYear(db, r.agency.name, r.year - 1);
    if (previous) e.findings.push(...validateYearChain(r, previous.report));
  }
}

/** Stores every entry that was read as a report; the others are skipped. */
export async function saveImportedReports(
  db: Db,
  actor: Actor,
  entries: ImportEntry[],
  clock: Clock,
): Promise<SaveOutcome[]> {
  authorizeImport(actor);
  await checkAgainstStored(db, entries);
  const outcomes: SaveOutcome[] = [];
  for (const e of entries) {
    const report = e.report;
    if (!report || !report.source) {
      outcomes.push({ file: e.file, status: 'skipped', id: null });
      continue;
    }
    const sha256 = report.source.sha256;
    const outcome = await db.transaction().execute(async (tx): Promise<SaveOutcome> => {
      const agency = report.agency.name ? await findByCodeOrName(tx, report.agency.name) : null;
      const id = randomUUID();
      const inserted = await repo.insertImportedReport(tx, {
        id,
        agencyName: report.agency.name,
        agencyId: agency?.name === report.agency.name ? agency.id : null,
        year: report.year,
        format: report.format,
        sourceFile: e.file,
        sha256,
        report,
        findings: e.findings,
        importedAt: clock.now().toISOString(),
        importedBy: actor.name,
      });
      if (!inserted)
        return { file: e.file, status: 'duplicate', id: (await repo.findBySha256(tx, sha256))?.id ?? null };
      const errors = e.findings.filter((f) => f.severity === 'error').length;
      await recordAudit(
        tx,
        actor,
        {
          agencyId: agency?.name === report.agency.name ? agency.id : null,
          action: 'report_import.save',
          subjectType: 'imported_report',
          subjectId: id,
          summary: `导入${report.agency.name || '（未识别机关）'}${report.year}年度政府信息公开工作年度报告（${report.format}，错误${errors}条，共${e.findings.length}条检查结果）`,
          after: { file: e.file, sha256, year: report.year, format: report.format, findings: e.findings.length },
        },
        clock,
      );
      return { file: e.file, status: 'inserted', id };
    });
    outcomes.push(outcome);
  }
  return outcomes;
}
