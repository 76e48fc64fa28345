/**
 * The full-text index and the public item queries. This is where the dialects differ
 * (STYLE.md rule 8): SQLite uses the contentless FTS5 table `catalog_search` (unicode61 over
 * jieba-segmented words; rowid = the item's search key), PostgreSQL the table `catalog_search`
 * with two stored tsvectors — the title's words, and every word and facet token stripped of
 * positions — under GIN indexes (migration 2026-12-07-i19-01). The queries are in
 * public-search.repository.ts.
 */
import { sql } from 'kysely';
import { dialectOf } from '../../db/connect.ts';
import type { DbOrTx } from '../../db/database.ts';
import { toItem, type CatalogItem } from '../catalog/catalog.repository.ts';
import { assignKeys, facetText, keyBase, sameSecond, SLOT_BITS } from './index-keys.ts';

/** What the index holds of one item. */
export interface IndexEntry {
  itemId: string;
  agencyId: string;
  publishedAt: string;
  statutoryItem: string;
  categoryId: string | null;
  docType: string;
  /** Segmented words (segment.ts: segmentForIndex). */
  titleWords: string;
  bodyWords: string;
}

/** An index row ready to insert, with its key. */
export interface IndexRow {
  key: number;
  itemId: string;
  titleWords: string;
  bodyWords: string;
  facets: string;
}

/** Each agency's path: itself and its ancestors up to the root. */
async function agencyPaths(db: DbOrTx, agencyIds: readonly string[]): Promise<Map<string, string[]>> {
  const paths = new Map<string, string[]>();
  const wanted = [...new Set(agencyIds)];
  for (let i = 0; i < wanted.length; i += 500) {
    const chunk = wanted.slice(i, i + 500);
    const rows = await sql<{
      agency_id: string;
      anc: string;
      depth: number;
    }>`with recursive up(agency_id, anc, depth) as (
        select id, id, 0 from agency where id in (${sql.join(chunk.map((a) => sql`${a}`))})
        union all
        select up.agency_id, a.parent_id, up.depth + 1 from up join agency a on a.id = up.anc where a.parent_id is not null
      ) select agency_id, anc, depth from up order by agency_id, depth`.execute(db);
    for (const r of rows.rows) {
      const path = paths.get(r.agency_id) ?? [];
      path.push(r.anc);
      paths.set(r.agency_id, path);
    }
  }
  return paths;
}

/**
 * The highest key already used in each of these seconds (key bases), read from
 * catalog_item.search_key's unique index (which holds every key in the index; a range probe of
 * the FTS5 table itself would scan it).
 */
async function usedMaxima(db: DbOrTx, bases: readonly number[]): Promise<Map<number, number>> {
  const used = new Map<number, number>();
  const unique = [...new Set(bases)];
  const span = 2 ** SLOT_BITS - 1;
  for (let i = 0; i < unique.length; i += 1000) {
    const chunk = unique.slice(i, i + 1000);
    const rows =
      dialectOf(db) === 'postgres'
        ? await sql<{
            base: number;
            m: number | null;
          }>`select b as base, (select max(search_key) from catalog_item where search_key between b and b + ${span}) as m from unnest(${chunk}::bigint[]) as b`.execute(
            db,
          )
        : await sql<{
            base: number;
            m: number | null;
          }>`select j.value as base, (select max(search_key) from catalog_item where search_key between j.value and j.value + ${span}) as m from json_each(${JSON.stringify(chunk)}) j`.execute(
            db,
          );
    for (const r of rows.rows) if (r.m !== null) used.set(Number(r.base), Number(r.m));
  }
  return used;
}

/**
 * Index rows for items not yet in the index, with fresh keys. On PostgreSQL the caller's
 * transaction holds an advisory lock until it ends, so two nodes never hand out the same key.
 */
export async function prepareIndexRows(db: DbOrTx, entries: readonly IndexEntry[]): Promise<IndexRow[]> {
  if (entries.length === 0) return [];
  if (dialectOf(db) === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('catalog_search_key'))`.execute(db);
  const paths = await agencyPaths(
    db,
    entries.map((e) => e.agencyId),
  );
  const keys = assignKeys(
    entries.map((e) => e.publishedAt),
    await usedMaxima(
      db,
      entries.map((e) => keyBase(e.publishedAt)),
    ),
  );
  return entries.map((e, i) => ({
    key: keys[i]!,
    itemId: e.itemId,
    titleWords: e.titleWords,
    bodyWords: e.bodyWords,
    facets: facetText({
      agencyPath: paths.get(e.agencyId) ?? [e.agencyId],
      statutoryItem: e.statutoryItem,
      categoryId: e.categoryId,
      docType: e.docType,
    }),
  }));
}

/** Inserts prepared rows (the items must carry the same keys in catalog_item.search_key). */
export async function insertIndexRows(db: DbOrTx, rows: readonly IndexRow[]): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values = chunk.map((r) =>
      pg
        ? sql`(${r.key}, ${r.itemId}, setweight(to_tsvector('simple', ${r.titleWords}), 'A'), strip(to_tsvector('simple', ${`${r.titleWords} ${r.bodyWords} ${r.facets}`})))`
        : sql`(${r.key}, ${r.titleWords}, ${r.bodyWords}, ${r.facets})`,
    );
    if (pg)
      await sql`insert into catalog_search (search_key, item_id, title_tsv, all_tsv) values ${sql.join(values)}`.execute(
        db,
      );
    else
      await sql`insert into catalog_search (rowid, title_words, body_words, facets) values ${sql.join(values)}`.execute(
        db,
      );
  }
}

async function currentKey(db: DbOrTx, itemId: string): Promise<number | null> {
  const r = await db.selectFrom('catalog_item').select('search_key').where('id', '=', itemId).executeTakeFirst();
  return r?.search_key ?? null;
}

async function deleteRow(db: DbOrTx, key: number): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`delete from catalog_search where search_key = ${key}`.execute(db);
  else await sql`delete from catalog_search where rowid = ${key}`.execute(db);
}

/** Puts an item into the index, replacing what it held before: call in the publishing transaction. */
export async function indexItem(db: DbOrTx, entry: IndexEntry): Promise<void> {
  const before = await currentKey(db, entry.itemId);
  if (before !== null) await deleteRow(db, before);
  const [row] = await prepareIndexRows(db, [entry]);
  // A correction keeps the item's place in the order; a new publication instant gets a new key.
  const key = before !== null && sameSecond(before, keyBase(entry.publishedAt)) ? before : row!.key;
  await insertIndexRows(db, [{ ...row!, key }]);
  await db.updateTable('catalog_item').set({ search_key: key }).where('id', '=', entry.itemId).execute();
}

/** Removes an item from the index (withdrawal). */
export async function unindexItem(db: DbOrTx, itemId: string): Promise<void> {
  const key = await currentKey(db, itemId);
  if (key === null) return;
  await deleteRow(db, key);
  await db.updateTable('catalog_item').set({ search_key: null }).where('id', '=', itemId).execute();
}

/** Public items (published, with a publication instant) after `afterId`, by id; optionally of some agencies only. */
export async function publishedItemsAfter(
  db: DbOrTx,
  afterId: string,
  limit: number,
  agencyIds?: readonly string[],
): Promise<CatalogItem[]> {
  let q = db
    .selectFrom('catalog_item')
    .selectAll()
    .where('status', '=', 'published')
    .where('published_at', 'is not', null)
    .where('id', '>', afterId);
  if (agencyIds) q = q.where('agency_id', 'in', agencyIds.length ? agencyIds : ['']);
  return (await q.orderBy('id').limit(limit).execute()).map(toItem);
}

export { COUNT_CAP, RANK_LIMIT, findPublic, type PublicPage, type PublicQuery } from './public-search.repository.ts';
