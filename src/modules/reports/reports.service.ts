/**
 * Annual reports (第四十九条、第五十条): one record per (agency, year), edited as a draft,
 * submitted for review, published by the approver (发布审核). Publishing freezes the figures
 * and narrative as a numbered version; later changes to that year's records show as "changed
 * since publication", and a new version needs a reason. Old versions stay readable.
 */
import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/database.ts';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import {
  chooseFormat,
  type CellChange,
  type FormatOverride,
  type NarrativeSections,
} from '../../domain/report/index.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import * as agencies from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { changesSinceLatest, computeLive, type LiveReport } from './reports.compute.ts';
import type { FigureSources } from './reports.figures.ts';
import * as repo from './reports.repository.ts';

export interface ReportView extends LiveReport {
  agency: agencies.Agency;
  record: repo.ReportRecord | null;
  changes: CellChange[];
  versions: repo.ReportVersion[];
}

async function agencyOrThrow(db: DbOrTx, agencyId: string): Promise<agencies.Agency> {
  const a = await agencies.findById(db, agencyId);
  if (!a) throw new DomainError('NOT_FOUND', '机构不存在');
  return a;
}

/** Resolves the CLI's --agency (full name or code). */
export async function agencyByKey(db: DbOrTx, key: string): Promise<agencies.Agency> {
  const a = await agencies.findByCodeOrName(db, key.trim());
  if (!a) throw new DomainError('NOT_FOUND', `找不到机构“${key}”（请使用机构全称或代码）`);
  return a;
}

function checkYear(year: number, today: string): void {
  chooseFormat(year); // REPORT_YEAR_UNSUPPORTED before 2019
  if (year >= Number(today.slice(0, 4)))
    throw new DomainError('REPORT_YEAR_NOT_ENDED', `${year}年尚未结束，不能编制该年度报告`, { year });
}

/** Everything the editor shows for an (agency, year): live tables, narrative, findings, changes, versions. */
export async function reportView(
  db: Db,
  actor: Actor,
  agencyId: string,
  year: number,
  clock: Clock,
  sources: FigureSources,
): Promise<ReportView> {
  authorize(actor, 'reports.read', { agencyId });
  const agency = await agencyOrThrow(db, agencyId);
  checkYear(year, shanghaiDate(clock.now()));
  const record = await repo.findReport(db, agencyId, year);
  const [live, versions] = await Promise.all([
    computeLive(db, sources, agency, year, record, { clock }),
    record ? repo.listVersions(db, record.id) : [],
  ]);
  const changes = await changesSinceLatest(db, record, live.report);
  return { ...live, agency, record, changes, versions };
}

export interface SaveInput {
  sections?: Partial<NarrativeSections>;
  /** 成文日期 under the signature, YYYY-MM-DD. */
  signatureDate?: string | null;
  /** A format other than the year's, with its reason; null returns to the year's format. */
  format?: FormatOverride | null;
}

function editable(record: repo.ReportRecord | null): void {
  if (record && record.status !== 'draft') {
    throw new DomainError(
      'REPORT_NOT_EDITABLE',
      record.status === 'review'
        ? '报告正在审核中，请先退回修改'
        : '报告已发布；如需修改，请先说明理由并开始编制新版本',
    );
  }
}

/**
 * Creates the record on first save (with the generated draft for anything not given) or
 * updates the draft. Nothing typed is lost: the sections are stored as given, and R8 flags
 * come back in the view rather than as a refusal.
 */
export async function saveReport(
  db: Db,
  actor: Actor,
  agencyId: string,
  year: number,
  input: SaveInput,
  clock: Clock,
  sources: FigureSources,
): Promise<ReportView> {
  authorize(actor, 'reports.edit', { agencyId });
  const agency = await agencyOrThrow(db, agencyId);
  checkYear(year, shanghaiDate(clock.now()));
  if (input.signatureDate && !/^\d{4}-\d{2}-\d{2}$/.test(input.signatureDate))
    throw new ValidationError({ signatureDate: '日期格式应为 YYYY-MM-DD' });
  const now = clock.now().toISOString();
  await db.transaction().execute(async (tx) => {
    const before = await repo.findReport(tx, agencyId, year);
    editable(before);
    const choice = input.format === undefined && before ? null : chooseFormat(year, input.format ?? null);
    let record = before;
    if (!record) {
      const fresh = await computeLive(tx, sources, agency, year, null, { format: choice?.format, clock });
      record = {
        id: randomUUID(),
        agencyId,
        year,
        format: fresh.report.format,
        formatReason: choice?.reason ?? null,
        status: 'draft',
        sections: fresh.draft,
        signatureDate: null,
        currentVersion: 0,
        revisionReason: null,
        createdAt: now,
        updatedAt: now,
        updatedBy: actor.id,
      };
      await repo.insertReportIfAbsent(tx, record);
      record = (await repo.findReport(tx, agencyId, year)) ?? record;
      editable(record);
    }
    const after: repo.ReportRecord = {
      ...record,
      sections: { ...record.sections, ...input.sections },
      signatureDate: input.signatureDate === undefined ? record.signatureDate : input.signatureDate,
      format: choice ? choice.format.id : record.format,
      formatReason: choice ? choice.reason : record.formatReason,
      updatedAt: now,
      updatedBy: actor.id,
    };
    await repo.updateReport(tx, after);
    await recordAudit(
      tx,
      actor,
      {
        agencyId,
        action: before ? 'report.save' : 'report.create',
        subjectType: 'annual_report',
        subjectId: after.id,
        summary: `${before ? '修改' : '新建'}${year}年政府信息公开工作年度报告`,
        before: before ?? undefined,
        after,
      },
      clock,
    );
  });
  return reportView(db, actor, agencyId, year, clock, sources);
}

async function transition(
  db: Db,
  actor: Actor,
  agencyId: string,
  year: number,
  clock: Clock,
  step: {
    from: repo.ReportStatus;
    to: repo.ReportStatus;
    action: string;
    summary: string;
    wrong: string;
    patch?: Partial<repo.ReportRecord>;
  },
): Promise<repo.ReportRecord> {
  return db.transaction().execute(async (tx) => {
    const before = await repo.findReport(tx, agencyId, year);
    if (!before) throw new DomainError('NOT_FOUND', `${year}年度报告尚未编制`);
    if (before.status !== step.from) throw new DomainError('REPORT_STATE', step.wrong, { status: before.status });
    const after = {
      ...before,
      ...step.patch,
      status: step.to,
      updatedAt: clock.now().toISOString(),
      updatedBy: actor.id,
    };
    await repo.updateReport(tx, after);
    await recordAudit(
      tx,
      actor,
      {
        agencyId,
        action: step.action,
        subjectType: 'annual_report',
        subjectId: before.id,
        summary: step.summary,
        before: { status: before.status },
        after: { status: after.status, ...step.patch },
      },
      clock,
    );
    return after;
  });
}

/** draft → review (the office head hands the draft to the approver). */
export async function submitReport(
  db: Db,
  actor: Actor,
  agencyId: string,
  year: number,
  clock: Clock,
): Promise<repo.ReportRecord> {
  authorize(actor, 'reports.edit', { agencyId });
  return transition(db, actor, agencyId, year, clock, {
    from: 'draft',
    to: 'review',
    action: 'report.submit',
    summary: `提交${year}年度报告审核`,
    wrong: '只有草稿可以提交审核',
  });
}

/** review → draft, with the reviewer's reason. */
export async function returnReport(
  db: Db,
  actor: Actor,
  agencyId: string,
  year: number,
  comment: string,
  clock: Clock,
): Promise<repo.ReportRecord> {
  authorize(actor, 'reports.publish', { agencyId });
  if (!comment.trim()) throw new ValidationError({ comment: '请写明退回理由' });
  return transition(db, actor, agencyId, year, clock, {
    from: 'review',
    to: 'draft',
    action: 'report.return',
    summary: `退回${year}年度报告：${comment.trim()}`,
    wrong: '只有审核中的报告可以退回',
  });
}

/** published → draft for a new version; the reason is required and printed with that version. */
export async function startRevision(
  db: Db,
  actor: Actor,
  agencyId: string,
  year: number,
  reason: string,
  clock: Clock,
): Promise<repo.ReportRecord> {
  authorize(actor, 'reports.edit', { agencyId });
  if (!reason.trim()) throw new ValidationError({ reason: '请写明修订理由' });
  return transition(db, actor, agencyId, year, clock, {
    from: 'published',
    to: 'draft',
    action: 'report.revise',
    summary: `开始修订${year}年度报告：${reason.trim()}`,
    wrong: '只有已发布的报告可以修订',
    patch: { revisionReason: reason.trim() },
  });
}

/** Every year's record of an agency, newest first (the console's report list). */
export async function listAgencyReports(db: Db, actor: Actor, agencyId: string): Promise<repo.ReportRecord[]> {
  authorize(actor, 'reports.read', { agencyId });
  return repo.listReports(db, [agencyId]);
}

export { publishReport } from './reports.publish.ts';
