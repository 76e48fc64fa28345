/**
 * Catalog items (主动公开信息): drafting, reading and listing for the console. The workflow
 * (submit, review, approve, withdraw, correct) is in workflow.service.ts; public reads in
 * public.service.ts. Services take explicit inputs and never see HTTP.
 */
import { randomUUID } from 'node:crypto';
import { inTransaction, type Db, type DbOrTx } from '../../db/database.ts';
import type { CatalogItemTable } from '../../db/tables/catalog.ts';
import type { Calendar } from '../../domain/calendar/calendar.ts';
import { parseDate } from '../../domain/calendar/calendar.ts';
import {
  catalogDue,
  hasValidity,
  INTERPRETATION_CATEGORY,
  INTERPRETATION_STATUTORY_ITEM,
  interpretationTargetProblem,
  qaProblem,
  videoUrlProblem,
  type QaPair,
  isDocType,
  isEditable,
  statutoryItem,
  timeliness,
  type CatalogState,
  type DocType,
  type Timeliness,
} from '../../domain/catalog/index.ts';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize, can } from '../../policies/can.ts';
import * as agencies from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import * as repo from './catalog.repository.ts';
import { cleanText, plainText, sanitizeBody } from './sanitize.ts';
import * as settings from './settings.repository.ts';

export type { CatalogItem } from './catalog.repository.ts';

/** What a clerk types into the editor. */
export interface ItemInput {
  title: string;
  docNumber?: string;
  publisher?: string;
  statutoryItem: string;
  categoryId?: string | null;
  docType: string;
  summary?: string;
  bodyHtml?: string;
  /** 成文日期, or the day the information was formed or changed. */
  formedOn: string;
  special?: { workingDays: number; basis: string } | null;
  effectiveOn?: string | null;
  replacesId?: string | null;
  /** 政策解读 only: the policy it explains (required), a video link and 问答. */
  interpretsId?: string | null;
  videoUrl?: string | null;
  qa?: QaPair[] | null;
}

function isDate(value: string): boolean {
  try {
    parseDate(value);
    return true;
  } catch {
    return false;
  }
}

/** Validates and normalizes the editor's fields; every problem is reported at once, field by field. */
export async function normalizeInput(
  db: DbOrTx,
  agencyId: string,
  input: ItemInput,
): Promise<
  Omit<
    CatalogItemTable,
    | 'id'
    | 'agency_id'
    | 'index_no'
    | 'index_year'
    | 'index_serial'
    | 'due_on'
    | 'due_explanation'
    | 'due_provisional'
    | 'status'
    | 'published_at'
    | 'published_on'
    | 'search_key'
    | 'withdrawn_on'
    | 'withdraw_reason'
    | 'ended_as'
    | 'ended_on'
    | 'author_id'
    | 'author_name'
    | 'version'
    | 'created_at'
    | 'updated_at'
  >
> {
  const errors: Record<string, string> = {};
  const title = cleanText(input.title);
  if (!title) errors.title = '请填写标题';
  else if (title.length > 200) errors.title = '标题不超过200个字';
  if (!statutoryItem(input.statutoryItem)) errors.statutoryItem = '请选择第二十条或第二十一条中的公开事项';
  if (!isDocType(input.docType)) errors.docType = '请选择文件类型';
  if (!isDate(input.formedOn)) errors.formedOn = '成文日期格式应为 YYYY-MM-DD';
  if (input.effectiveOn && !isDate(input.effectiveOn)) errors.effectiveOn = '施行日期格式应为 YYYY-MM-DD';
  if (
    input.special &&
    (!Number.isInteger(input.special.workingDays) ||
      input.special.workingDays < 1 ||
      input.special.workingDays > 60 ||
      !input.special.basis.trim())
  ) {
    errors.special = '特别规定的公开期限须为1至60个工作日，并写明依据';
  }
  if (input.categoryId) {
    const cats = await settings.listCategories(db, [agencyId]);
    const cat = cats.find((c) => c.id === input.categoryId);
    if (!cat) errors.categoryId = '类别不属于本机关';
  }
  if (input.replacesId) {
    const old = await repo.findItem(db, input.replacesId);
    if (!old || old.agencyId !== agencyId || !hasValidity(old.docType))
      errors.replacesId = '被修订的文件须为本机关的规章或规范性文件';
  }
  const interpretation = input.docType === 'policy_interpretation';
  const qa = interpretation
    ? (input.qa ?? []).map((p) => ({ question: cleanText(p.question), answer: cleanText(p.answer) }))
    : [];
  const videoUrl = interpretation ? (input.videoUrl ?? '').trim() : '';
  if (interpretation) {
    if (!input.interpretsId) errors.interpretsId = '政策解读须选择所解读的政策';
    else {
      const policy = await repo.findItem(db, input.interpretsId);
      const problem = interpretationTargetProblem(agencyId, policy);
      if (problem) errors.interpretsId = problem;
    }
    const videoProblem = videoUrlProblem(videoUrl);
    if (videoProblem) errors.videoUrl = videoProblem;
    const qaProblemText = qaProblem(qa);
    if (qaProblemText) errors.qa = qaProblemText;
  }
  const bodyHtml = sanitizeBody(input.bodyHtml ?? '');
  if (bodyHtml.length > 2_000_000) errors.bodyHtml = '正文过长';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const docType = input.docType as DocType;
  return {
    title,
    doc_number: cleanText(input.docNumber ?? '').slice(0, 60),
    publisher: cleanText(input.publisher ?? '').slice(0, 100),
    statutory_item: input.statutoryItem,
    category_id: input.categoryId ?? null,
    doc_type: docType,
    summary: cleanText(input.summary ?? '').slice(0, 500),
    body_html: bodyHtml,
    body_text: plainText(bodyHtml),
    formed_on: input.formedOn,
    special_days: input.special?.workingDays ?? null,
    special_basis: input.special?.basis.trim() ?? null,
    effective_on: hasValidity(docType) ? (input.effectiveOn ?? null) : null,
    replaces_id: hasValidity(docType) ? (input.replacesId ?? null) : null,
    interprets_id: interpretation ? (input.interpretsId ?? null) : null,
    video_url: videoUrl || null,
    qa_json: qa.length ? JSON.stringify(qa) : null,
  };
}

/**
 * A 解读 filed without a category goes to the agency's 政策解读 category under 第二十条第（一）项,
 * created (audited) the first time, so that 解读 are listed together on the portal.
 */
async function fileInterpretation(
  tx: DbOrTx,
  actor: Actor,
  agencyId: string,
  fields: { doc_type: string; category_id: string | null; statutory_item: string },
  clock: Clock,
): Promise<void> {
  if (fields.doc_type !== 'policy_interpretation' || fields.category_id) return;
  const existing = (await settings.listCategories(tx, [agencyId])).find((c) => c.name === INTERPRETATION_CATEGORY);
  let id = existing?.id;
  if (!existing) {
    id = randomUUID();
    const category = {
      id,
      agencyId,
      name: INTERPRETATION_CATEGORY,
      statutoryItem: INTERPRETATION_STATUTORY_ITEM,
      sortOrder: 99,
    };
    await settings.insertCategory(tx, category, clock.now().toISOString());
    await recordAudit(
      tx,
      actor,
      {
        agencyId,
        action: 'catalog.category_create',
        subjectType: 'catalog_category',
        subjectId: id,
        summary: `新增主动公开类别“${INTERPRETATION_CATEGORY}”（首次起草政策解读时自动建立）`,
        after: category,
      },
      clock,
    );
  }
  fields.category_id = id!;
  fields.statutory_item = existing?.statutoryItem ?? INTERPRETATION_STATUTORY_ITEM;
}

function dueFields(calendar: Calendar, formedOn: string, special: ItemInput['special']) {
  const due = catalogDue(calendar, { formedOn, special: special ?? null });
  return { due_on: due.due, due_explanation: due.explanation, due_provisional: due.provisional ? 1 : 0 };
}

/** Creates a draft in the actor's agency (or `agencyId`, which must be visible), audited; in the caller's transaction if given one. */
export async function createDraft(
  db: DbOrTx,
  actor: Actor,
  agencyId: string,
  input: ItemInput,
  clock: Clock,
  calendar?: Calendar,
): Promise<repo.CatalogItem> {
  authorize(actor, 'catalog.edit', { agencyId });
  const agency = await agencies.findById(db, agencyId);
  if (!agency) throw new DomainError('NOT_FOUND', '机构不存在');
  const fields = await normalizeInput(db, agencyId, input);
  const cal = calendar ?? (await loadCalendar(db));
  const now = clock.now().toISOString();
  const row: CatalogItemTable = {
    id: randomUUID(),
    agency_id: agencyId,
    index_no: null,
    index_year: null,
    index_serial: null,
    ...fields,
    publisher: fields.publisher || agency.name,
    ...dueFields(cal, fields.formed_on, input.special),
    status: 'draft',
    published_at: null,
    search_key: null,
    published_on: null,
    withdrawn_on: null,
    withdraw_reason: null,
    ended_as: null,
    ended_on: null,
    author_id: actor.id,
    author_name: actor.name,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  return inTransaction(db, async (tx) => {
    await fileInterpretation(tx, actor, agencyId, row, clock);
    await repo.insertItem(tx, row);
    await recordAudit(
      tx,
      actor,
      {
        agencyId,
        action: 'catalog.create',
        subjectType: 'catalog_item',
        subjectId: row.id,
        summary: `起草主动公开信息“${row.title}”`,
        after: { ...fields, body_html: undefined },
      },
      clock,
    );
    return repo.toItem(row);
  });
}

/** The item, if the actor may read its agency. */
export async function getItem(db: DbOrTx, actor: Actor, id: string): Promise<repo.CatalogItem> {
  const item = await repo.findItem(db, id);
  if (!item || !can(actor, 'catalog.read', { agencyId: item.agencyId }))
    throw new DomainError('NOT_FOUND', '主动公开信息不存在');
  return item;
}

/** Edits a draft (only drafts are edited; a published item is corrected instead). */
export async function updateDraft(
  db: Db,
  actor: Actor,
  id: string,
  input: ItemInput,
  clock: Clock,
): Promise<repo.CatalogItem> {
  const item = await getItem(db, actor, id);
  authorize(actor, 'catalog.edit', { agencyId: item.agencyId });
  if (!isEditable(item.state)) throw new DomainError('CATALOG_STATE', '只有草稿可以修改；已发布的信息请使用“更正”');
  const fields = await normalizeInput(db, item.agencyId, input);
  const cal = await loadCalendar(db);
  return db.transaction().execute(async (tx) => {
    await fileInterpretation(tx, actor, item.agencyId, fields, clock);
    await repo.updateItem(tx, id, {
      ...fields,
      publisher: fields.publisher || item.publisher,
      ...dueFields(cal, fields.formed_on, input.special),
      updated_at: clock.now().toISOString(),
    });
    await recordAudit(
      tx,
      actor,
      {
        agencyId: item.agencyId,
        action: 'catalog.update',
        subjectType: 'catalog_item',
        subjectId: id,
        summary: `修改草稿“${fields.title}”`,
        before: { title: item.title },
        after: { title: fields.title },
      },
      clock,
    );
    return (await repo.findItem(tx, id))!;
  });
}

/** Discards a draft that was never published, audited. */
export async function discardDraft(db: Db, actor: Actor, id: string, clock: Clock): Promise<void> {
  const item = await getItem(db, actor, id);
  authorize(actor, 'catalog.edit', { agencyId: item.agencyId });
  if (item.state !== 'draft' || item.publishedAt !== null)
    throw new DomainError('CATALOG_STATE', '只有未发布过的草稿可以删除');
  await db.transaction().execute(async (tx) => {
    await repo.deleteItem(tx, id);
    await recordAudit(
      tx,
      actor,
      {
        agencyId: item.agencyId,
        action: 'catalog.discard',
        subjectType: 'catalog_item',
        subjectId: id,
        summary: `删除草稿“${item.title}”`,
        before: { title: item.title },
      },
      clock,
    );
  });
}

export interface ListedItem {
  item: repo.CatalogItem;
  timeliness: Timeliness;
}

export interface ListFilter {
  agencyId: string;
  /** Include subordinate agencies (a supervisor's view). */
  subtree?: boolean;
  states?: CatalogState[];
  text?: string;
  /** Only unpublished items that are late or soon due. */
  attention?: boolean;
  page?: number;
  pageSize?: number;
}

/** The console list, each item with its 第二十六条 standing (late / soon due colouring). */
export async function listItems(
  db: Db,
  actor: Actor,
  f: ListFilter,
  clock: Clock,
): Promise<{ total: number; items: ListedItem[] }> {
  authorize(actor, 'catalog.read', { agencyId: f.agencyId });
  const ids = f.subtree
    ? (await agencies.subtreeIds(db, [f.agencyId])).filter((id) => can(actor, 'catalog.read', { agencyId: id }))
    : [f.agencyId];
  const cal = await loadCalendar(db);
  const today = shanghaiDate(clock.now());
  const pageSize = Math.min(Math.max(f.pageSize ?? 20, 1), 100);
  const dueBy = f.attention ? cal.addWorkingDays(today, 5, { provisional: true }).value : undefined;
  const { total, items } = await repo.listForConsole(db, {
    agencyIds: ids,
    states: f.states,
    text: f.text?.trim() || undefined,
    dueBy,
    limit: pageSize,
    offset: ((f.page ?? 1) - 1) * pageSize,
  });
  return {
    total,
    items: items.map((item) => ({ item, timeliness: timeliness(cal, item.dueOn, item.publishedOn, today) })),
  };
}

/** Late counts per agency of a subtree (the supervisor's view of 第二十六条). */
export async function lateCounts(
  db: Db,
  actor: Actor,
  rootAgencyId: string,
  clock: Clock,
): Promise<Array<{ agencyId: string; agencyName: string; overdue: number; publishedLateThisYear: number }>> {
  authorize(actor, 'catalog.read', { agencyId: rootAgencyId });
  const ids = (await agencies.subtreeIds(db, [rootAgencyId])).filter((id) =>
    can(actor, 'catalog.read', { agencyId: id }),
  );
  const counts = await repo.countLateByAgency(db, ids, shanghaiDate(clock.now()));
  const names = new Map((await agencies.findByIds(db, ids)).map((a) => [a.id, a.name]));
  return counts
    .map((c) => ({
      agencyId: c.agencyId,
      agencyName: names.get(c.agencyId) ?? c.agencyId,
      overdue: c.late,
      publishedLateThisYear: c.lateLastYear,
    }))
    .sort((a, b) => b.overdue - a.overdue || a.agencyName.localeCompare(b.agencyName, 'zh'));
}
