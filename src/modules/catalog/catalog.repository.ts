/**
 * Catalog items, their workflow records and attachments: one small named function per query,
 * rows mapped to `CatalogItem` before they leave (STYLE.md rule 7).
 */
import { sql, type Selectable } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { CatalogAttachmentTable, CatalogEventTable, CatalogItemTable } from '../../db/tables/catalog.ts';
import type { CatalogState, DocType, QaPair, ValidityEnd } from '../../domain/catalog/index.ts';

export interface CatalogItem {
  id: string;
  agencyId: string;
  indexNo: string | null;
  title: string;
  docNumber: string;
  publisher: string;
  statutoryItem: string;
  categoryId: string | null;
  docType: DocType;
  summary: string;
  bodyHtml: string;
  bodyText: string;
  formedOn: string;
  special: { workingDays: number; basis: string } | null;
  dueOn: string;
  dueExplanation: string;
  dueProvisional: boolean;
  state: CatalogState;
  publishedAt: string | null;
  publishedOn: string | null;
  withdrawnOn: string | null;
  withdrawReason: string | null;
  effectiveOn: string | null;
  endedAs: ValidityEnd | null;
  endedOn: string | null;
  replacesId: string | null;
  authorId: string | null;
  authorName: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** 政策解读: the policy it explains, its video link and 问答. */
  interpretsId: string | null;
  videoUrl: string | null;
  qa: QaPair[];
}

export type ItemRow = Selectable<CatalogItemTable>;

/** An item as lists and search results carry it: everything but the HTML body, which only the item's own page shows. */
export type ListedItem = Omit<CatalogItem, 'bodyHtml'>;

/** Maps a row selected without body_html (see ListedItem). */
export function toListedItem(r: Omit<ItemRow, 'body_html'>): ListedItem {
  const { bodyHtml: _omitted, ...item } = toItem({ ...r, body_html: '' });
  return item;
}

export function toItem(r: ItemRow): CatalogItem {
  return {
    id: r.id,
    agencyId: r.agency_id,
    indexNo: r.index_no,
    title: r.title,
    docNumber: r.doc_number,
    publisher: r.publisher,
    statutoryItem: r.statutory_item,
    categoryId: r.category_id,
    docType: r.doc_type as DocType,
    summary: r.summary,
    bodyHtml: r.body_html,
    bodyText: r.body_text,
    formedOn: r.formed_on,
    special:
      r.special_days !== null && r.special_basis ? { workingDays: r.special_days, basis: r.special_basis } : null,
    dueOn: r.due_on,
    dueExplanation: r.due_explanation,
    dueProvisional: r.due_provisional === 1,
    state: r.status as CatalogState,
    publishedAt: r.published_at,
    publishedOn: r.published_on,
    withdrawnOn: r.withdrawn_on,
    withdrawReason: r.withdraw_reason,
    effectiveOn: r.effective_on,
    endedAs: r.ended_as as ValidityEnd | null,
    endedOn: r.ended_on,
    replacesId: r.replaces_id,
    authorId: r.author_id,
    authorName: r.author_name,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    interpretsId: r.interprets_id ?? null,
    videoUrl: r.video_url ?? null,
    qa: r.qa_json ? (JSON.parse(r.qa_json) as QaPair[]) : [],
  };
}

/** An agency's policies (规章, 规范性文件, other 第二十条第（一）项 documents) not withdrawn, newest first. */
export async function findPolicies(db: DbOrTx, agencyId: string, limit = 200): Promise<CatalogItem[]> {
  const rows = await db
    .selectFrom('catalog_item')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('status', '!=', 'withdrawn')
    .where('doc_type', '!=', 'policy_interpretation')
    .where((eb) => eb.or([eb('doc_type', 'in', ['rule', 'normative']), eb('statutory_item', '=', 'a20.1')]))
    .orderBy('formed_on', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toItem);
}

/** The 解读 of a policy (any state), oldest first. */
export async function findInterpretations(db: DbOrTx, policyId: string): Promise<CatalogItem[]> {
  const rows = await db
    .selectFrom('catalog_item')
    .selectAll()
    .where('interprets_id', '=', policyId)
    .orderBy('created_at')
    .execute();
  return rows.map(toItem);
}

/**
 * Published 解读 per policy of the agencies, for statistics: every policy (规章, 规范性文件 and
 * other 第二十条第（一）项 documents) published in `year` with the count of its published 解读.
 */
export async function interpretationCounts(
  db: DbOrTx,
  agencyIds: readonly string[],
  year: number,
): Promise<
  Array<{ id: string; agencyId: string; title: string; docType: string; publishedOn: string; interpretations: number }>
> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('catalog_item as p')
    .leftJoin('catalog_item as i', (j) => j.onRef('i.interprets_id', '=', 'p.id').on('i.status', '=', 'published'))
    .select(['p.id', 'p.agency_id', 'p.title', 'p.doc_type', 'p.published_on'])
    .select((eb) => eb.fn.count<number>('i.id').as('n'))
    .where('p.agency_id', 'in', agencyIds)
    .where('p.status', '=', 'published')
    .where('p.doc_type', '!=', 'policy_interpretation')
    .where((eb) => eb.or([eb('p.doc_type', 'in', ['rule', 'normative']), eb('p.statutory_item', '=', 'a20.1')]))
    .where('p.published_on', '>=', `${year}-01-01`)
    .where('p.published_on', '<=', `${year}-12-31`)
    .groupBy(['p.id', 'p.agency_id', 'p.title', 'p.doc_type', 'p.published_on'])
    .orderBy('p.published_on')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agency_id,
    title: r.title,
    docType: r.doc_type,
    publishedOn: r.published_on ?? '',
    interpretations: Number(r.n),
  }));
}

export async function insertItem(db: DbOrTx, row: CatalogItemTable): Promise<void> {
  await db.insertInto('catalog_item').values(row).execute();
}

export async function updateItem(db: DbOrTx, id: string, patch: Partial<CatalogItemTable>): Promise<void> {
  await db.updateTable('catalog_item').set(patch).where('id', '=', id).execute();
}

export async function deleteItem(db: DbOrTx, id: string): Promise<void> {
  await db.deleteFrom('catalog_item').where('id', '=', id).execute();
}

export async function findItem(db: DbOrTx, id: string): Promise<CatalogItem | null> {
  const r = await db.selectFrom('catalog_item').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toItem(r) : null;
}

export async function findItemsByIds(db: DbOrTx, ids: readonly string[]): Promise<CatalogItem[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('catalog_item').selectAll().where('id', 'in', ids).execute();
  return rows.map(toItem);
}

/** The next 索引号 serial of an agency in a year (the unique index guards concurrent callers). */
export async function nextSerial(db: DbOrTx, agencyId: string, year: number): Promise<number> {
  const r = await db
    .selectFrom('catalog_item')
    .select((eb) => eb.fn.max('index_serial').as('max'))
    .where('agency_id', '=', agencyId)
    .where('index_year', '=', year)
    .executeTakeFirst();
  return Number(r?.max ?? 0) + 1;
}

/** Whether the agency already gave this 索引号. */
export async function indexNumberTaken(db: DbOrTx, agencyId: string, indexNo: string): Promise<boolean> {
  const r = await db
    .selectFrom('catalog_item')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('index_no', '=', indexNo)
    .executeTakeFirst();
  return r !== undefined;
}

export interface ConsoleFilter {
  agencyIds: readonly string[];
  states?: readonly CatalogState[];
  text?: string;
  /** Only unpublished items due on or before this date (late and soon-due lists). */
  dueBy?: string;
  limit: number;
  offset: number;
}

/** Items for the console list, newest first. */
export async function listForConsole(db: DbOrTx, f: ConsoleFilter): Promise<{ total: number; items: CatalogItem[] }> {
  if (f.agencyIds.length === 0) return { total: 0, items: [] };
  let q = db.selectFrom('catalog_item').where('agency_id', 'in', f.agencyIds);
  if (f.states?.length) q = q.where('status', 'in', f.states);
  if (f.text)
    q = q.where((eb) =>
      eb.or([
        eb('title', 'like', `%${f.text}%`),
        eb('index_no', 'like', `%${f.text}%`),
        eb('doc_number', 'like', `%${f.text}%`),
      ]),
    );
  if (f.dueBy) q = q.where('published_at', 'is', null).where('due_on', '<=', f.dueBy);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total.n), items: rows.map(toItem) };
}

/** Unpublished items past their due date, per agency (the supervisor's late counts). */
export async function countLateByAgency(
  db: DbOrTx,
  agencyIds: readonly string[],
  today: string,
): Promise<Array<{ agencyId: string; late: number; lateLastYear: number }>> {
  if (agencyIds.length === 0) return [];
  const year = today.slice(0, 4);
  const rows = await db
    .selectFrom('catalog_item')
    .select([
      'agency_id',
      sql<number>`sum(case when published_at is null and due_on < ${today} then 1 else 0 end)`.as('late'),
      sql<number>`sum(case when published_on > due_on and published_on >= ${`${year}-01-01`} then 1 else 0 end)`.as(
        'published_late',
      ),
    ])
    .where('agency_id', 'in', agencyIds)
    .groupBy('agency_id')
    .execute();
  return rows.map((r) => ({ agencyId: r.agency_id, late: Number(r.late), lateLastYear: Number(r.published_late) }));
}

export interface CatalogEvent {
  id: number;
  itemId: string;
  step: string;
  result: string;
  opinion: string;
  actorId: string | null;
  actorName: string;
  at: string;
  before: { title: string; bodyHtml: string } | null;
  version: number;
}

function toEvent(r: Selectable<CatalogEventTable>): CatalogEvent {
  return {
    id: r.id,
    itemId: r.item_id,
    step: r.step,
    result: r.result,
    opinion: r.opinion,
    actorId: r.actor_id,
    actorName: r.actor_name,
    at: r.at,
    before: r.before_json ? (JSON.parse(r.before_json) as { title: string; bodyHtml: string }) : null,
    version: r.version,
  };
}

export async function insertEvent(db: DbOrTx, e: Omit<CatalogEventTable, 'id'>): Promise<void> {
  await db.insertInto('catalog_event').values(e).execute();
}

export async function listEvents(db: DbOrTx, itemId: string): Promise<CatalogEvent[]> {
  const rows = await db.selectFrom('catalog_event').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
  return rows.map(toEvent);
}

/** Items (any state) that revise the given one, oldest first: drafts in progress and the published revision. */
export async function findRevisions(db: DbOrTx, replacedId: string): Promise<CatalogItem[]> {
  const rows = await db
    .selectFrom('catalog_item')
    .selectAll()
    .where('replaces_id', '=', replacedId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toItem);
}

export interface Attachment {
  id: string;
  itemId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export async function insertAttachment(db: DbOrTx, row: CatalogAttachmentTable): Promise<void> {
  await db.insertInto('catalog_attachment').values(row).execute();
}

export async function deleteAttachment(db: DbOrTx, itemId: string, id: string): Promise<void> {
  await db.deleteFrom('catalog_attachment').where('item_id', '=', itemId).where('id', '=', id).execute();
}

export async function listAttachments(db: DbOrTx, itemIds: readonly string[]): Promise<Attachment[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .selectFrom('catalog_attachment')
    .select(['id', 'item_id', 'file_name', 'media_type', 'size', 'sha256'])
    .where('item_id', 'in', itemIds)
    .orderBy('sort_order')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    itemId: r.item_id,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: Number(r.size),
    sha256: r.sha256,
  }));
}

export async function findAttachmentContent(
  db: DbOrTx,
  itemId: string,
  id: string,
): Promise<(Attachment & { content: Buffer }) | null> {
  const r = await db
    .selectFrom('catalog_attachment')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    itemId: r.item_id,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: Number(r.size),
    sha256: r.sha256,
    content: Buffer.from(r.content),
  };
}
