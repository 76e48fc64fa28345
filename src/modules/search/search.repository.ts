/**
 * The full-text index and the public item queries. This is where the dialects differ
 * (STYLE.md rule 8): SQLite uses the FTS5 table `catalog_search` (unicode61 over jieba-segmented
 * words, bm25 with titles weighted 10:1), PostgreSQL a GIN index over
 * setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'D')
 * ranked by ts_rank. Both run the same filters, on the same segmented words.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { dialectOf } from '../../db/connect.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { ValidityEnd } from '../../domain/catalog/index.ts';
import { toItem, type CatalogItem } from '../catalog/catalog.repository.ts';

/** Puts an item's words into the index (replacing earlier ones): call in the publishing transaction. */
export async function indexItem(db: DbOrTx, itemId: string, titleWords: string, bodyWords: string): Promise<void> {
  await db.deleteFrom('catalog_search').where('item_id', '=', itemId).execute();
  await db.insertInto('catalog_search').values({ item_id: itemId, title_words: titleWords, body_words: bodyWords }).execute();
}

/** Removes an item from the index (withdrawal). */
export async function unindexItem(db: DbOrTx, itemId: string): Promise<void> {
  await db.deleteFrom('catalog_search').where('item_id', '=', itemId).execute();
}

export interface PublicQuery {
  /** Segmented query words (all must match); empty = list without text search. */
  words: readonly string[];
  /** Restrict to these agencies (an agency subtree); undefined = every agency. */
  agencyIds?: readonly string[];
  statutoryItem?: string;
  categoryId?: string;
  year?: number;
  docType?: string;
  /** 'valid' = 有效 today; otherwise ended that way on or before today. */
  validity?: 'valid' | ValidityEnd;
  order: 'relevance' | 'date';
  nowIso: string;
  today: string;
  limit: number;
  offset: number;
}

function filters(q: PublicQuery): RawBuilder<SqlBool> {
  const parts: Array<RawBuilder<unknown>> = [sql`i.status = 'published'`, sql`i.published_at <= ${q.nowIso}`];
  if (q.agencyIds) parts.push(q.agencyIds.length ? sql`i.agency_id in (${sql.join(q.agencyIds.map((a) => sql`${a}`))})` : sql`1 = 0`);
  if (q.statutoryItem) parts.push(sql`i.statutory_item = ${q.statutoryItem}`);
  if (q.categoryId) parts.push(sql`i.category_id = ${q.categoryId}`);
  if (q.year) parts.push(sql`i.published_on >= ${`${q.year}-01-01`} and i.published_on <= ${`${q.year}-12-31`}`);
  if (q.docType) parts.push(sql`i.doc_type = ${q.docType}`);
  if (q.validity === 'valid') parts.push(sql`i.doc_type in ('rule', 'normative') and (i.ended_on is null or i.ended_on > ${q.today})`);
  else if (q.validity) parts.push(sql`i.ended_as = ${q.validity} and i.ended_on <= ${q.today}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/** Public items matching the query, with the total, best or newest first. */
export async function findPublic(db: DbOrTx, q: PublicQuery): Promise<{ total: number; items: CatalogItem[] }> {
  const where = filters(q);
  const dateOrder = sql`i.published_at desc, i.id`;
  if (q.words.length === 0) {
    const total = await sql<{ n: number }>`select count(*) as n from catalog_item i where ${where}`.execute(db);
    const rows = await sql<Parameters<typeof toItem>[0]>`select i.* from catalog_item i where ${where} order by ${dateOrder} limit ${q.limit} offset ${q.offset}`.execute(db);
    return { total: Number(total.rows[0]?.n ?? 0), items: rows.rows.map(toItem) };
  }
  if (dialectOf(db) === 'postgres') {
    // Words contain only letters and digits (segment.ts), so joining them with & is a safe tsquery.
    const tsquery = q.words.join(' & ');
    const vector = sql`(setweight(to_tsvector('simple', s.title_words), 'A') || setweight(to_tsvector('simple', s.body_words), 'D'))`;
    const from = sql`from catalog_search s join catalog_item i on i.id = s.item_id where ${vector} @@ to_tsquery('simple', ${tsquery}) and ${where}`;
    const order = q.order === 'date' ? dateOrder : sql`ts_rank(${vector}, to_tsquery('simple', ${tsquery})) desc, i.published_at desc`;
    const total = await sql<{ n: string }>`select count(*) as n ${from}`.execute(db);
    const rows = await sql<Parameters<typeof toItem>[0]>`select i.* ${from} order by ${order} limit ${q.limit} offset ${q.offset}`.execute(db);
    return { total: Number(total.rows[0]?.n ?? 0), items: rows.rows.map(toItem) };
  }
  // FTS5: each word a quoted string (letters and digits only), implicitly ANDed.
  const match = q.words.map((w) => `"${w}"`).join(' ');
  const from = sql`from catalog_search join catalog_item i on i.id = catalog_search.item_id where catalog_search match ${match} and ${where}`;
  const order = q.order === 'date' ? dateOrder : sql`bm25(catalog_search, 0.0, 10.0, 1.0), i.published_at desc`;
  const total = await sql<{ n: number }>`select count(*) as n ${from}`.execute(db);
  const rows = await sql<Parameters<typeof toItem>[0]>`select i.* ${from} order by ${order} limit ${q.limit} offset ${q.offset}`.execute(db);
  return { total: Number(total.rows[0]?.n ?? 0), items: rows.rows.map(toItem) };
}
