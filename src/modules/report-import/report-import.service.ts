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
import { detectKind } from './read-file.ts';

const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  text: 'text/plain',
} as const;

/** The media type of a report file, told by its content as the reader tells it. */
async function mediaTypeOf(data: Buffer): Promise<string> {
  const kind = await detectKind(data).catch(() => null);
  return kind ? MEDIA_TYPES[kind] : 'application/octet-stream';
}

/** The file's name without the folders of the upload or the command line. */
const basename = (path: string) => path.split(/[\\/]/).pop() || path;

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
  /** The file as read, kept with the report (issue 16: offered for download when published). */
  original?: (entry: ImportEntry, index: number) => Promise<Buffer | null>,
): Promise<SaveOutcome[]> {
  authorizeImport(actor);
  await checkAgainstStored(db, entries);
  const outcomes: SaveOutcome[] = [];
  for (const [index, e] of entries.entries()) {
    const report = e.report;
    if (!report || !report.source) {
      outcomes.push({ file: e.file, status: 'skipped', id: null });
      continue;
    }
    const sha256 = report.source.sha256;
    const content = original ? await original(e, index) : null;
    const file = content ? { content, mediaType: await mediaTypeOf(content), fileName: basename(e.file) } : null;
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
      if (!inserted) {
        const earlier = await repo.findBySha256(tx, sha256);
        // An import stored before originals were kept gets its file now.
        if (earlier && file) await repo.insertOriginal(tx, earlier.id, { ...file, size: file.content.length });
        return { file: e.file, status: 'duplicate', id: earlier?.id ?? null };
      }
      if (file) await repo.insertOriginal(tx, id, { ...file, size: file.content.length });
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
