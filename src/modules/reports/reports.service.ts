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
  DEFAULT_REPORT_DEADLINE_SETTINGS,
  previewMark,
  REPORT_DEADLINE_KIND_LABELS,
  reportDeadline,
  reportDueState,
  reportYearEnded,
  type CellChange,
  type FormatOverride,
  type NarrativeSections,
  type ReportDeadlineKind,
  type ReportDeadlineSettings,
  type ReportDueState,
} from '../../domain/report/index.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import * as agencies from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { changesSinceLatest, computeLive, type LiveReport } from './reports.compute.ts';
import type { FigureSources } from './reports.figures.ts';
import type { ExportInput } from './export/index.ts';
import { deadlineKinds } from './reports.deadlines.ts';
import * as repo from './reports.repository.ts';

/** Where an agency stands with one year's report under 第四十九条. */
export interface ReportDue {
  /** The last day to publish (ISO). */
  deadline: string;
  kind: ReportDeadlineKind;
  /** 「县级以上人民政府部门（第四十九条第一款）」 */
  basis: string;
  state: ReportDueState;
}

export interface ReportView extends LiveReport {
  agency: agencies.Agency;
  record: repo.ReportRecord | null;
  changes: CellChange[];
  versions: repo.ReportVersion[];
  /** Today (Beijing date). */
  today: string;
  /** 「截至12月7日，未到发布时间」 while the report year has not ended: a preview that cannot be published. */
  preview: string | null;
  due: ReportDue;
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

/**
 * A report can be drafted for any year from 2019 to the current one: the current year's is a
 * preview from the records so far (offices draft in December), which cannot be published
 * before the year ends (reports.publish.ts).
 */
function checkYear(year: number, today: string): void {
  chooseFormat(year); // REPORT_YEAR_UNSUPPORTED before 2019
  if (year > Number(today.slice(0, 4)))
    throw new DomainError('REPORT_YEAR_NOT_ENDED', `${year}年尚未开始，不能编制该年度报告`, { year });
}

/** The 第四十九条 deadline and state of each given year's report of an agency. */
export async function reportDues(
  db: DbOrTx,
  agency: agencies.Agency,
  years: ReadonlyArray<{ year: number; publishedOn: string | null }>,
  today: string,
  settings: ReportDeadlineSettings = DEFAULT_REPORT_DEADLINE_SETTINGS,
): Promise<ReportDue[]> {
  const kind = (await deadlineKinds(db, [agency])).get(agency.id) ?? 'department';
  return years.map(({ year, publishedOn }) => ({
    deadline: reportDeadline(kind, year, settings),
    kind,
    basis: REPORT_DEADLINE_KIND_LABELS[kind],
    state: reportDueState(kind, year, today, publishedOn, settings),
  }));
}

/** Everything the editor shows for an (agency, year): live tables, narrative, findings, changes, versions. */
export async function reportView(
  db: Db,
  actor: Actor,
  agencyId: string,
  year: number,
  clock: Clock,
  sources: FigureSources,
  settings: ReportDeadlineSettings = DEFAULT_REPORT_DEADLINE_SETTINGS,
): Promise<ReportView> {
  authorize(actor, 'reports.read', { agencyId });
  const agency = await agencyOrThrow(db, agencyId);
  const today = shanghaiDate(clock.now());
  checkYear(year, today);
  const record = await repo.findReport(db, agencyId, year);
  const [live, versions] = await Promise.all([
    computeLive(db, sources, agency, year, record, { clock }),
    record ? repo.listVersions(db, record.id) : [],
  ]);
  const changes = await changesSinceLatest(db, record, live.report);
  const [due] = await reportDues(
    db,
    agency,
    [{ year, publishedOn: versions[0]?.publishedOn ?? null }],
    today,
    settings,
  );
  const preview = reportYearEnded(year, today) ? null : previewMark(today);
  return { ...live, agency, record, changes, versions, today, preview, due: due! };
}

/**
 * The live report as a file's input: unless it is the published text, it is marked 草稿 (with
 * the preview mark before the year ends) and signed with the 成文日期 or today — the 落款 a
 * draft needs to be read and signed off as the report will be.
 */
export function liveExportInput(view: ReportView): ExportInput {
  const published = view.record?.status === 'published';
  const mark = published
    ? view.changes.length > 0
      ? '按当前记录计算，与已发布版本不同'
      : null
    : view.preview
      ? `草稿\u3000${view.preview}`
      : '草稿';
  return {
    report: view.report,
    preamble: view.sections.preamble,
    draft: mark ? { date: view.today, mark } : null,
  };
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
  // (a report of the current year may be saved and submitted; publishing waits for the year's end)
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

export interface ReportYearRow {
  year: number;
  record: repo.ReportRecord | null;
  due: ReportDue;
}

/**
 * Every report year of an agency, newest first, from the current year (a preview until it ends)
 * back to 2019 (the first unified format): its record if any, and its 第四十九条 deadline and state.
 */
export async function listAgencyReports(
  db: Db,
  actor: Actor,
  agencyId: string,
  clock: Clock,
  settings: ReportDeadlineSettings = DEFAULT_REPORT_DEADLINE_SETTINGS,
): Promise<{ today: string; years: ReportYearRow[] }> {
  authorize(actor, 'reports.read', { agencyId });
  const agency = await agencyOrThrow(db, agencyId);
  const today = shanghaiDate(clock.now());
  const records = new Map((await repo.listReports(db, [agencyId])).map((r) => [r.year, r]));
  const published = await repo.firstPublicationsByYear(db, agencyId);
  const years = Array.from({ length: Number(today.slice(0, 4)) - 2018 }, (_, i) => Number(today.slice(0, 4)) - i);
  const dues = await reportDues(
    db,
    agency,
    years.map((year) => ({ year, publishedOn: published.get(year) ?? null })),
    today,
    settings,
  );
  return { today, years: years.map((year, i) => ({ year, record: records.get(year) ?? null, due: dues[i]! })) };
}

export { publishReport } from './reports.publish.ts';
