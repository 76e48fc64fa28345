/**
 * Bulk import of an existing 主动公开目录 (CSV or XLSX, columns in CATALOG_COLUMNS, see
 * docs/catalog.md). Every row is checked first; with errors, nothing is imported unless the
 * caller asked to import the valid rows (`skipInvalid`). Rows go in batches of 500, each in one
 * transaction with its search-index rows, one audit event and the resume checkpoint, so an
 * interrupted import continues after the last committed row when run again on the same file.
 * The words for the index are segmented in a worker thread (segment-off-thread.ts): batch n+1
 * is prepared and segmented while batch n is written.
 *
 * Imported items were published by the old system, whose review records stay there: each gets
 * a record 「从原公开目录导入」 naming the file, so nothing is public without a record here either.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { CatalogAttachmentTable, CatalogItemTable } from '../../db/tables/catalog.ts';
import type { Calendar } from '../../domain/calendar/calendar.ts';
import {
  ARTICLE_20_ITEMS,
  ARTICLE_21_ITEMS,
  catalogDue,
  DOC_TYPE_LABELS,
  formatIndexNumber,
  hasValidity,
  isDocType,
  statutoryItem,
  type DocType,
} from '../../domain/catalog/index.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import * as agencies from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { itemWordsOffThread } from '../search/segment-off-thread.ts';
import { checkAttachment } from './attachments.ts';
import * as repo from './import.repository.ts';
import { cleanText, plainText, sanitizeBody } from './sanitize.ts';
import { listCategories } from './settings.repository.ts';
import { settingsFor } from './settings.service.ts';
import { readTable, type TableRow } from './table-file.ts';

/** The columns of an import file (Chinese headers; order free). Required: 标题, 公开事项 or 类别, 文件类型, 成文日期, 发布日期. */
export const CATALOG_COLUMNS = [
  '索引号',
  '标题',
  '文号',
  '发布机构',
  '公开事项',
  '类别',
  '文件类型',
  '成文日期',
  '发布日期',
  '施行日期',
  '有效性',
  '失效日期',
  '内容概述',
  '正文',
  '附件',
] as const;
const REQUIRED = ['标题', '文件类型', '成文日期', '发布日期'];

export interface ImportOptions {
  agencyId: string;
  fileName: string;
  content: Buffer;
  /** Reads an attachment named in the 附件 column (from the attachments folder); null when missing. */
  readAttachment?: (name: string) => Promise<Buffer | null>;
  dryRun: boolean;
  /** Import the valid rows even though other rows have errors. */
  skipInvalid: boolean;
  onProgress?: (done: number, total: number) => void;
  batchSize?: number;
}

export interface ImportReport {
  rows: number;
  valid: number;
  imported: number;
  /** Rows skipped because an earlier run imported them already. */
  resumedAfterRow: number;
  errors: Array<{ row: number; messages: string[] }>;
}

const DOC_TYPE_BY_LABEL = new Map<string, DocType>(Object.entries(DOC_TYPE_LABELS).map(([k, v]) => [v, k as DocType]));
const ITEM_BY_TEXT = new Map<string, string>(
  [...ARTICLE_20_ITEMS, ...ARTICLE_21_ITEMS].flatMap((i) => [
    [i.key, i.key],
    [i.name, i.key],
    [i.article, i.key],
    [i.text, i.key],
  ]),
);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 2020/3/5, 2020.03.05, 2020年3月5日 → 2020-03-05; anything else stays as typed (and fails the check). */
function normalizeDate(v: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(v.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : v.trim();
}

interface Parsed {
  row: number;
  item: Omit<
    CatalogItemTable,
    | 'id'
    | 'agency_id'
    | 'index_year'
    | 'index_serial'
    | 'due_on'
    | 'due_explanation'
    | 'due_provisional'
    | 'created_at'
    | 'updated_at'
  >;
  attachments: string[];
}

function parseRow(
  r: TableRow,
  categories: Map<string, { id: string; statutoryItem: string }>,
  publisher: string,
): { parsed?: Parsed; messages: string[] } {
  const v = r.values;
  const m: string[] = [];
  const title = cleanText(v['标题'] ?? '');
  if (!title) m.push('标题：必填');
  const category = v['类别'] ? categories.get(v['类别']) : undefined;
  if (v['类别'] && !category) m.push(`类别：本机关没有“${v['类别']}”类别`);
  const itemKey = v['公开事项'] ? ITEM_BY_TEXT.get(v['公开事项']) : category?.statutoryItem;
  if (!itemKey || !statutoryItem(itemKey))
    m.push('公开事项：须为第二十条或第二十一条的事项（如 a20.1 或“行政法规、规章和规范性文件”），或填写本机关类别');
  const typeText = v['文件类型'] ?? '';
  const docType = isDocType(typeText) ? typeText : DOC_TYPE_BY_LABEL.get(typeText);
  if (!docType) m.push(`文件类型：须为${Object.values(DOC_TYPE_LABELS).join('、')}之一`);
  const formedOn = normalizeDate(v['成文日期'] ?? '');
  const publishedOn = normalizeDate(v['发布日期'] ?? '');
  const effectiveOn = v['施行日期'] ? normalizeDate(v['施行日期']) : null;
  const endedOn = v['失效日期'] ? normalizeDate(v['失效日期']) : null;
  for (const [label, d, required] of [
    ['成文日期', formedOn, true],
    ['发布日期', publishedOn, true],
    ['施行日期', effectiveOn, false],
    ['失效日期', endedOn, false],
  ] as const) {
    if ((required || d) && !(d && DATE.test(d) && !Number.isNaN(Date.parse(d))))
      m.push(`${label}：格式应为 YYYY-MM-DD`);
  }
  if (DATE.test(formedOn) && DATE.test(publishedOn) && publishedOn < formedOn) m.push('发布日期：早于成文日期');
  const validity = (v['有效性'] ?? '').trim();
  const endedAs =
    validity === '废止' ? 'repealed' : validity === '失效' ? 'lapsed' : validity === '已修订' ? 'revised' : null;
  if (validity && !['有效', '废止', '失效', '已修订'].includes(validity))
    m.push('有效性：须为有效、失效、废止或已修订');
  if (endedAs && !endedOn) m.push('失效日期：有效性为失效、废止或已修订时必填');
  if (endedAs && docType && !hasValidity(docType)) m.push('有效性：只有规章和规范性文件有有效性');
  if (m.length || !docType || !itemKey) return { messages: m };
  const raw = v['正文'] ?? '';
  const bodyHtml = sanitizeBody(
    /<[a-z][\s\S]*>/i.test(raw)
      ? raw
      : raw
          .split(/\n+/)
          .filter(Boolean)
          .map((p) => `<p>${p.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)}</p>`)
          .join(''),
  );
  return {
    messages: [],
    parsed: {
      row: r.row,
      attachments: (v['附件'] ?? '')
        .split(/[;；|]/)
        .map((s) => s.trim())
        .filter(Boolean),
      item: {
        index_no: cleanText(v['索引号'] ?? '') || null,
        title,
        doc_number: cleanText(v['文号'] ?? ''),
        publisher: cleanText(v['发布机构'] ?? '') || publisher,
        statutory_item: itemKey,
        category_id: category?.id ?? null,
        doc_type: docType,
        summary: cleanText(v['内容概述'] ?? '').slice(0, 500),
        body_html: bodyHtml,
        body_text: plainText(bodyHtml),
        formed_on: formedOn,
        special_days: null,
        special_basis: null,
        status: 'published',
        published_at: `${publishedOn}T01:00:00.000Z`,
        search_key: null,
        published_on: publishedOn,
        withdrawn_on: null,
        withdraw_reason: null,
        effective_on: hasValidity(docType) ? effectiveOn : null,
        ended_as: hasValidity(docType) ? endedAs : null,
        ended_on: hasValidity(docType) && endedAs ? endedOn : null,
        replaces_id: null,
        interprets_id: null,
        video_url: null,
        qa_json: null,
        author_id: null,
        author_name: '导入',
        version: 1,
      },
    },
  };
}

/** Checks and (unless a dry run) imports a catalog file. */
export async function importCatalog(
  db: Db,
  actor: Actor,
  o: ImportOptions,
  clock: Clock,
  calendar?: Calendar,
): Promise<ImportReport> {
  authorize(actor, 'catalog.edit', { agencyId: o.agencyId });
  const agency = await agencies.findById(db, o.agencyId);
  if (!agency) throw new DomainError('NOT_FOUND', '机构不存在');
  const table = await readTable(o.fileName, o.content, REQUIRED);
  const categories = new Map(
    (await listCategories(db, [o.agencyId])).map((c) => [c.name, { id: c.id, statutoryItem: c.statutoryItem }]),
  );
  const errors: ImportReport['errors'] = [];
  const parsed: Parsed[] = [];
  const seen = new Set<string>();
  for (const r of table.rows) {
    const { parsed: p, messages } = parseRow(r, categories, agency.name);
    if (p?.item.index_no) {
      if (seen.has(p.item.index_no)) messages.push(`索引号：与本文件中前面的行重复（${p.item.index_no}）`);
      seen.add(p.item.index_no);
    }
    // Attachments are checked even when other fields have errors, so every problem shows at once.
    const names = (r.values['附件'] ?? '')
      .split(/[;；|]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (o.readAttachment)
      for (const name of names)
        if ((await o.readAttachment(name)) === null) messages.push(`附件：附件文件夹中没有“${name}”`);
    if (!o.readAttachment && names.length) messages.push('附件：未指定附件文件夹（--attachments）');
    if (messages.length) errors.push({ row: r.row, messages });
    else if (p) parsed.push(p);
  }
  const key = `catalog-import:${o.agencyId}:${createHash('sha256').update(o.content).digest('hex')}`;
  const resumedAfterRow = await repo.readCheckpoint(db, key);
  const todo = parsed.filter((p) => p.row > resumedAfterRow);
  const taken = await repo.indexNumbersTaken(
    db,
    o.agencyId,
    todo.map((p) => p.item.index_no).filter((x): x is string => x !== null),
  );
  for (const p of todo)
    if (p.item.index_no && taken.has(p.item.index_no))
      errors.push({ row: p.row, messages: [`索引号：本机关已有 ${p.item.index_no}`] });
  errors.sort((a, b) => a.row - b.row);
  const valid = todo.filter((p) => !(p.item.index_no && taken.has(p.item.index_no)));
  const report: ImportReport = {
    rows: table.rows.length,
    valid: parsed.length - (todo.length - valid.length),
    imported: 0,
    resumedAfterRow,
    errors,
  };
  if (o.dryRun || (errors.length > 0 && !o.skipInvalid)) return report;

  const cal = calendar ?? (await loadCalendar(db));
  const settings = await settingsFor(db, o.agencyId);
  const serials = await repo.maxSerials(db, o.agencyId);
  const batchSize = o.batchSize ?? 500;
  let writing: Promise<void> = Promise.resolve();
  for (let start = 0; start < valid.length; start += batchSize) {
    const batch = valid.slice(start, start + batchSize);
    const now = clock.now().toISOString();
    const items: CatalogItemTable[] = [];
    const attachments: CatalogAttachmentTable[] = [];
    for (const p of batch) {
      const year = Number(p.item.published_on!.slice(0, 4));
      let indexNo = p.item.index_no;
      let serial: number | null = null;
      if (!indexNo) {
        serial = (serials.get(year) ?? 0) + 1;
        serials.set(year, serial);
        indexNo = formatIndexNumber(settings.indexScheme, {
          code: settings.indexCode,
          year,
          serial,
          item: p.item.statutory_item.replace(/^a2[01]\./, ''),
        });
      }
      const due = catalogDue(cal, { formedOn: p.item.formed_on, special: null });
      const id = randomUUID();
      items.push({
        ...p.item,
        id,
        agency_id: o.agencyId,
        index_no: indexNo,
        index_year: serial === null ? null : year,
        index_serial: serial,
        due_on: due.due,
        due_explanation: due.explanation,
        due_provisional: due.provisional ? 1 : 0,
        created_at: now,
        updated_at: now,
      });
      for (const [k, name] of p.attachments.entries()) {
        const file = await checkAttachment(name, (await o.readAttachment!(name))!).catch((e: unknown) => {
          throw new DomainError('VALIDATION_FAILED', `第 ${p.row} 行附件“${name}”：${(e as DomainError).message}`);
        });
        attachments.push({
          id: randomUUID(),
          item_id: id,
          file_name: file.fileName,
          media_type: file.mediaType,
          size: file.size,
          sha256: file.sha256,
          content: file.content,
          sort_order: k + 1,
          created_at: now,
        });
      }
    }
    // Segmented in the worker thread while the previous batch is written (below).
    const segmented = itemWordsOffThread(
      items.map((i) => ({ title: i.title, docNumber: i.doc_number, summary: i.summary, bodyText: i.body_text })),
    );
    const events = items.map((i) => ({
      item_id: i.id,
      step: 'import',
      result: 'done',
      opinion: `从原公开目录导入（${o.fileName}）`,
      actor_id: actor.id,
      actor_name: actor.name,
      at: now,
      before_json: null,
      version: 1,
    }));
    const lastRow = batch[batch.length - 1]!.row;
    const done = start + batch.length;
    // One batch written at a time, in order (the checkpoint must only move forward).
    await writing;
    writing = (async () => {
      const list = await segmented;
      const words = new Map(items.map((i, k) => [i.id, list[k]!]));
      await db.transaction().execute(async (tx) => {
        await repo.insertBatch(tx, { items, events, attachments, words });
        await repo.writeCheckpoint(tx, key, lastRow, now);
        await recordAudit(
          tx,
          actor,
          {
            agencyId: o.agencyId,
            action: 'catalog.import',
            subjectType: 'catalog_import',
            subjectId: key.slice(-16),
            summary: `从“${o.fileName}”导入主动公开信息 ${items.length} 条（第 ${batch[0]!.row}–${lastRow} 行）`,
            after: { rows: [batch[0]!.row, lastRow], count: items.length },
          },
          clock,
        );
      });
      report.imported += items.length;
      o.onProgress?.(done, valid.length);
    })();
    // Awaited before the next batch or after the last; until then a failure is not "unhandled".
    writing.catch(() => undefined);
  }
  await writing;
  if (report.imported >= 1000) await repo.analyzeAfterBulkLoad(db);
  return report;
}
