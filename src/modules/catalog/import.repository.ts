/** Bulk writes of the catalog import: a batch of items, their records, attachments and index rows, and the resume checkpoint. */
import { sql } from 'kysely';
import { dialectOf } from '../../db/connect.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { CatalogAttachmentTable, CatalogEventTable, CatalogItemTable } from '../../db/tables/catalog.ts';
import { insertIndexRows, prepareIndexRows } from '../search/search.repository.ts';

/** An item's segmented words for the search index (segment.ts: segmentForIndex). */
export interface ItemWords {
  titleWords: string;
  bodyWords: string;
}

/**
 * Inserts one batch (in the caller's transaction), in chunks the drivers accept. Published
 * items go into the search index in the same transaction, with their keys stored on the item.
 */
export async function insertBatch(
  db: DbOrTx,
  rows: {
    items: CatalogItemTable[];
    events: Array<Omit<CatalogEventTable, 'id'>>;
    attachments: CatalogAttachmentTable[];
    words: Map<string, ItemWords>;
  },
): Promise<void> {
  const published = rows.items.filter(
    (i) => i.status === 'published' && i.published_at !== null && rows.words.has(i.id),
  );
  const index = await prepareIndexRows(
    db,
    published.map((i) => ({
      itemId: i.id,
      agencyId: i.agency_id,
      publishedAt: i.published_at!,
      statutoryItem: i.statutory_item,
      categoryId: i.category_id,
      docType: i.doc_type,
      ...rows.words.get(i.id)!,
    })),
  );
  const keys = new Map(index.map((r) => [r.itemId, r.key]));
  const items = rows.items.map((i) => ({ ...i, search_key: keys.get(i.id) ?? null }));
  // SQLite allows 32766 bound parameters per statement; items have 37 columns.
  for (let i = 0; i < items.length; i += 200)
    await db
      .insertInto('catalog_item')
      .values(items.slice(i, i + 200))
      .execute();
  for (let i = 0; i < rows.events.length; i += 500)
    await db
      .insertInto('catalog_event')
      .values(rows.events.slice(i, i + 500))
      .execute();
  for (const a of rows.attachments) await db.insertInto('catalog_attachment').values(a).execute();
  await insertIndexRows(db, index);
}

/** The last row of a file already imported (resume point), or 0. */
export async function readCheckpoint(db: DbOrTx, key: string): Promise<number> {
  const r = await db.selectFrom('system_state').select('value').where('key', '=', key).executeTakeFirst();
  return r ? Number(r.value) : 0;
}

/** Records the last imported row in the same transaction as the batch, so a resume never repeats or skips one. */
export async function writeCheckpoint(db: DbOrTx, key: string, row: number, now: string): Promise<void> {
  const exists = await db.selectFrom('system_state').select('key').where('key', '=', key).executeTakeFirst();
  if (exists)
    await db
      .updateTable('system_state')
      .set({ value: String(row), updated_at: now })
      .where('key', '=', key)
      .execute();
  else
    await db
      .insertInto('system_state')
      .values({ key, value: String(row), updated_at: now })
      .execute();
}

/** Highest 索引号 serial per year of an agency (to continue numbering). */
export async function maxSerials(db: DbOrTx, agencyId: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('catalog_item')
    .select(['index_year', (eb) => eb.fn.max('index_serial').as('max')])
    .where('agency_id', '=', agencyId)
    .groupBy('index_year')
    .execute();
  return new Map(rows.filter((r) => r.index_year !== null).map((r) => [Number(r.index_year), Number(r.max ?? 0)]));
}

/** Highest 索引号 serial per agency and year across the catalog, keyed `agencyId:year` (synth continuing a catalog). */
export async function maxSerialsByAgency(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('catalog_item')
    .select(['agency_id', 'index_year', (eb) => eb.fn.max('index_serial').as('max')])
    .groupBy(['agency_id', 'index_year'])
    .execute();
  return new Map(rows.map((r) => [`${r.agency_id}:${r.index_year}`, Number(r.max ?? 0)]));
}

/** Whether a 索引号 is already used in the agency. */
export async function indexNumbersTaken(db: DbOrTx, agencyId: string, indexNos: string[]): Promise<Set<string>> {
  if (indexNos.length === 0) return new Set();
  const rows = await db
    .selectFrom('catalog_item')
    .select('index_no')
    .where('agency_id', '=', agencyId)
    .where('index_no', 'in', indexNos)
    .execute();
  return new Set(rows.map((r) => r.index_no!));
}

/**
 * Refreshes the planner's statistics after a bulk load. Without them PostgreSQL may plan a
 * full-text query as a nested loop that recomputes to_tsvector for every row instead of using
 * the GIN index (observed after `gongkai synth`: minutes instead of milliseconds).
 */
export async function analyzeAfterBulkLoad(db: DbOrTx): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`analyze catalog_item, catalog_search`.execute(db);
  else await sql`pragma optimize`.execute(db);
}
