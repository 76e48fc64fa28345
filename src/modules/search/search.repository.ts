/**
 * The full-text index and the public item queries. This is where the dialects differ
 * (STYLE.md rule 8): SQLite uses the contentless FTS5 table `catalog_search` (unicode61 over
 * jieba-segmented words; rowid = the item's search key), PostgreSQL the table `catalog_search`
 * with a stored tsvector (title words weight A, body words D, facet tokens C) under a GIN
 * index. Both answer the same queries on the same segmented words and facet tokens, walking
 * the index newest first from "now" and stopping after one page (index-keys.ts).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { dialectOf } from '../../db/connect.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { ValidityEnd } from '../../domain/catalog/index.ts';
import {
  toItem,
  toListedItem,
  type CatalogItem,
  type ItemRow,
  type ListedItem,
} from '../catalog/catalog.repository.ts';
import {
  assignKeys,
  facetText,
  facetToken,
  keyBase,
  lastKeyAt,
  sameSecond,
  SLOT_BITS,
  yearKeyRange,
} from './index-keys.ts';

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
        ? sql`(${r.key}, ${r.itemId}, setweight(to_tsvector('simple', ${r.titleWords}), 'A') || setweight(to_tsvector('simple', ${r.bodyWords}), 'D') || setweight(to_tsvector('simple', ${r.facets}), 'C'))`
        : sql`(${r.key}, ${r.titleWords}, ${r.bodyWords}, ${r.facets})`,
    );
    if (pg) await sql`insert into catalog_search (search_key, item_id, tsv) values ${sql.join(values)}`.execute(db);
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

export interface PublicQuery {
  /** Segmented query words (all must match); empty = list without text search. */
  words: readonly string[];
  /** Restrict to one agency's own items, or to an agency and everything under it; null = an unknown agency (nothing matches). */
  agency?: { id: string; subtree: boolean } | null;
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
  /** Defaults COUNT_CAP, RANK_LIMIT and FEW_MATCHES (tests set them low to exercise both sides). */
  countCap?: number;
  rankLimit?: number;
  fewMatches?: number;
}

/** Totals are counted exactly up to this many matches; beyond it the page says 「N 条以上」. */
export const COUNT_CAP = 1_000;

export interface PublicPage {
  total: number;
  /** False when there are more than COUNT_CAP matches and `total` is the cap. */
  totalExact: boolean;
  items: ListedItem[];
}

/** A query's parts in index terms: words (optionally titles only), facet tokens and a key range. */
interface Probe {
  words: readonly string[];
  facets: string[];
  from: number;
  to: number;
  /** The validity filter, the one condition the index cannot answer (it changes with the date): needs the item row. */
  validity: RawBuilder<SqlBool> | null;
  /** The same filters as conditions on catalog_item, for an agency's own list without words (its index serves that better). */
  ownList: RawBuilder<SqlBool> | null;
  /**
   * PostgreSQL only: whether the GIN index should find the matches first (few matches) rather
   * than the key index being walked newest first and each row tested (many matches).
   */
  fewMatches?: boolean;
}

/** Up to this many estimated matches, PostgreSQL collects them from the GIN index and sorts them. */
const FEW_MATCHES = 50_000;

/**
 * The planner's estimate of the matches (from the tsvector statistics). Left to itself the
 * planner walks the key index newest first for any LIMIT query, since it costs the tsvector
 * test of each row as nearly free; for a rare word that reads the whole table (seconds for a
 * word no item contains). The estimate lets us pick the plan (docs/benchmarks.md, 主动公开).
 */
async function estimatedMatches(db: DbOrTx, tsq: string): Promise<number> {
  const r = await sql<{
    'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }>;
  }>`explain (format json) select 1 from catalog_search s where s.tsv @@ to_tsquery('simple', ${tsq})`.execute(db);
  return r.rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? Number.POSITIVE_INFINITY;
}

type Tier = 'all' | 'title' | 'bodyOnly';

/** Up to this many matches, "best first" is the engine's relevance score (bm25 / ts_rank). */
export const RANK_LIMIT = 1_000;

function probeOf(q: PublicQuery): Probe | null {
  if (q.agency === null) return null;
  const facets: string[] = [];
  if (q.agency) facets.push(facetToken(q.agency.subtree ? 'ag' : 'ao', q.agency.id));
  if (q.statutoryItem) facets.push(facetToken('si', q.statutoryItem));
  if (q.categoryId) facets.push(facetToken('ct', q.categoryId));
  if (q.docType) facets.push(facetToken('dt', q.docType));
  let from = Number.MIN_SAFE_INTEGER;
  let to = lastKeyAt(q.nowIso);
  if (q.year) {
    const range = yearKeyRange(q.year);
    from = range.from;
    to = Math.min(to, range.to);
  }
  const validity =
    q.validity === 'valid'
      ? sql<SqlBool>`i.doc_type in ('rule', 'normative') and (i.ended_on is null or i.ended_on > ${q.today})`
      : q.validity
        ? sql<SqlBool>`i.ended_as = ${q.validity} and i.ended_on <= ${q.today}`
        : null;
  let ownList: RawBuilder<SqlBool> | null = null;
  if (q.words.length === 0 && (q.agency?.subtree === false || facets.length === 0)) {
    const parts: Array<RawBuilder<unknown>> = [sql`i.status = 'published'`];
    if (q.agency) parts.push(sql`i.agency_id = ${q.agency.id}`);
    if (q.statutoryItem) parts.push(sql`i.statutory_item = ${q.statutoryItem}`);
    if (q.categoryId) parts.push(sql`i.category_id = ${q.categoryId}`);
    if (q.docType) parts.push(sql`i.doc_type = ${q.docType}`);
    if (validity) parts.push(validity);
    ownList = sql<SqlBool>`${sql.join(parts, sql` and `)}`;
  }
  return { words: q.words, facets, from, to, validity, ownList };
}

/** FTS5 match expression; words and tokens contain only letters and digits (segment.ts, index-keys.ts). */
function ftsMatch(p: Probe, tier: Tier): string | null {
  const quoted = p.words.map((w) => `"${w}"`).join(' AND ');
  const parts: string[] = [];
  if (p.words.length)
    parts.push(tier === 'title' ? `title_words : (${quoted})` : `{title_words body_words} : (${quoted})`);
  if (p.facets.length) parts.push(`facets : (${p.facets.join(' AND ')})`);
  if (parts.length === 0) return null;
  const expr = parts.join(' AND ');
  return tier === 'bodyOnly' ? `(${expr}) NOT title_words : (${quoted})` : expr;
}

/** PostgreSQL tsquery text; the same vocabulary, weights A/D for title/body words and C for facets. */
function tsQuery(p: Probe, tier: Tier): string | null {
  // No weight marks on the plain query: the GIN index then answers it exactly, with no recheck
  // of each row's tsvector (facet tokens never look like words, so the C weight needs no check).
  const parts = p.words.map((w) => (tier === 'title' ? `${w}:A` : w));
  parts.push(...p.facets);
  if (parts.length === 0) return null;
  const expr = parts.join(' & ');
  return tier === 'bodyOnly' ? `${expr} & !(${p.words.map((w) => `${w}:A`).join(' & ')})` : expr;
}

/**
 * The keys of the matching index rows (column k), newest first, or by the engine's score
 * (column r; `ranked`: title words weigh ten times body words). Only the validity filter joins
 * the items; everything else is answered by the index alone, since it holds public items only.
 * A list without words of one agency's own items (or of everything) reads catalog_item by its
 * (agency_id, search_key) index instead: a few hundred rows, no full-text posting lists.
 */
function matchingKeys(db: DbOrTx, p: Probe, tier: Tier, ranked = false): RawBuilder<unknown> {
  if (p.ownList)
    return sql`select i.search_key as k, 0 as r from catalog_item i where ${p.ownList} and i.search_key between ${p.from} and ${p.to} order by i.search_key desc`;
  const join = p.validity
    ? sql`join catalog_item i on i.search_key = s.${sql.raw(dialectOf(db) === 'postgres' ? 'search_key' : 'rowid')} and ${p.validity} `
    : sql``;
  if (dialectOf(db) === 'postgres') {
    const tsq = tsQuery(p, tier);
    const text = tsq ? sql` and s.tsv @@ to_tsquery('simple', ${tsq})` : sql``;
    const words = p.words.join(' & ');
    // ts_rank's weights run D, C, B, A: body words 0.1, facet tokens 0, title words 1.
    const rank = ranked ? sql`ts_rank('{0.1, 0, 0, 1}', s.tsv, to_tsquery('simple', ${words}))` : sql`0`;
    // "+ 0" keeps the planner from walking the key index for the order: the GIN index finds the few matches, then they are sorted.
    const key = p.fewMatches ? sql`s.search_key + 0` : sql`s.search_key`;
    return sql`select s.search_key as k, ${rank} as r from catalog_search s ${join}where s.search_key between ${p.from} and ${p.to}${text} order by ${ranked ? sql`r desc, ` : sql``}${key} desc`;
  }
  const match = ftsMatch(p, tier)!; // null only without words and facets, which ownList answers
  const rank = ranked ? sql`bm25(catalog_search, 10.0, 1.0, 0.0)` : sql`0`;
  return sql`select s.rowid as k, ${rank} as r from catalog_search s ${join}where catalog_search match ${match} and s.rowid between ${p.from} and ${p.to} order by ${ranked ? sql`r, ` : sql``}s.rowid desc`;
}

/** Every item column but body_html (lists never show it; real bodies run to tens of kilobytes). The Record makes the compiler insist on each new column. */
const LISTED: Record<Exclude<keyof ItemRow, 'body_html'>, true> = {
  interprets_id: true,
  video_url: true,
  qa_json: true,
  id: true,
  agency_id: true,
  index_no: true,
  index_year: true,
  index_serial: true,
  title: true,
  doc_number: true,
  publisher: true,
  statutory_item: true,
  category_id: true,
  doc_type: true,
  summary: true,
  body_text: true,
  formed_on: true,
  special_days: true,
  special_basis: true,
  due_on: true,
  due_explanation: true,
  due_provisional: true,
  status: true,
  published_at: true,
  search_key: true,
  published_on: true,
  withdrawn_on: true,
  withdraw_reason: true,
  effective_on: true,
  ended_as: true,
  ended_on: true,
  replaces_id: true,
  author_id: true,
  author_name: true,
  version: true,
  created_at: true,
  updated_at: true,
};
const LISTED_COLUMNS = sql.raw(
  Object.keys(LISTED)
    .map((c) => `i.${c}`)
    .join(', '),
);

async function page(
  db: DbOrTx,
  p: Probe,
  tier: Tier,
  limit: number,
  offset: number,
  ranked = false,
): Promise<ListedItem[]> {
  if (limit <= 0) return [];
  const order = ranked ? (dialectOf(db) === 'postgres' ? sql`m.r desc, m.k desc` : sql`m.r, m.k desc`) : sql`m.k desc`;
  const rows = await sql<
    Omit<ItemRow, 'body_html'>
  >`select ${LISTED_COLUMNS} from (${matchingKeys(db, p, tier, ranked)} limit ${limit} offset ${offset}) m join catalog_item i on i.search_key = m.k where i.status = 'published' order by ${order}`.execute(
    db,
  );
  return rows.rows.map(toListedItem);
}

/** The number of matches, counted up to `cap` (+1 to know whether there are more). */
async function countUpTo(db: DbOrTx, p: Probe, tier: Tier, cap: number): Promise<number> {
  if (p.fewMatches) {
    // Count them all from the GIN index: a LIMIT would make the planner walk the key index instead.
    const all = await sql<{ n: number | string }>`select count(*) as n from (${matchingKeys(db, p, tier)}) t`.execute(
      db,
    );
    return Math.min(Number(all.rows[0]?.n ?? 0), cap + 1);
  }
  const r = await sql<{
    n: number | string;
  }>`select count(*) as n from (${matchingKeys(db, p, tier)} limit ${cap + 1}) t`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * Public items matching the query, newest first or best first. "Best first" is the engine's
 * relevance score (bm25 / ts_rank, title words weighing more) when there are at most
 * RANK_LIMIT matches. Beyond that — a common word such as 通知 or 工作 — scoring every match
 * costs seconds, so the items whose title holds every word come before those that match only
 * in their text, each group newest first: both engines read that from their index alone and
 * stop after one page (docs/catalog.md, 检索排序).
 */
export async function findPublic(db: DbOrTx, q: PublicQuery): Promise<PublicPage> {
  const p = probeOf(q);
  if (!p) return { total: 0, totalExact: true, items: [] };
  const tsq = dialectOf(db) === 'postgres' && !p.ownList ? tsQuery(p, 'all') : null;
  if (tsq) p.fewMatches = (await estimatedMatches(db, tsq)) <= (q.fewMatches ?? FEW_MATCHES);
  const cap = q.countCap ?? COUNT_CAP;
  const counted = await countUpTo(db, p, 'all', cap);
  const total = Math.min(counted, cap);
  const totalExact = counted <= cap;
  if (q.order === 'date' || q.words.length === 0)
    return { total, totalExact, items: await page(db, p, 'all', q.limit, q.offset) };
  if (counted <= Math.min(q.rankLimit ?? RANK_LIMIT, cap))
    return { total, totalExact, items: await page(db, p, 'all', q.limit, q.offset, true) };
  const first = await page(db, p, 'title', q.limit, q.offset);
  if (first.length === q.limit) return { total, totalExact, items: first };
  // The title group ends on this page: the rest of the page comes from the text-only group.
  const titleTotal = q.offset === 0 ? first.length : await countUpTo(db, p, 'title', q.offset + q.limit);
  const rest = await page(db, p, 'bodyOnly', q.limit - first.length, Math.max(0, q.offset - titleTotal));
  return { total, totalExact, items: [...first, ...rest] };
}
