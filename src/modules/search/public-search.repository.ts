/**
 * The public item queries: search pages, an agency's catalog columns, feeds. Each page is one
 * SQL statement that counts (up to a cap) and reads the page's rows together; where the
 * dialects differ (FTS5 / tsvector) this file chooses (STYLE.md rule 8).
 *
 * Every query walks or probes the search index by key (index-keys.ts), so no page reads, counts
 * or sorts all its matches:
 * - SQLite's FTS5 index yields matches in rowid (= key) order: newest first is a walk from the
 *   end that stops after the page; the count stops at the cap.
 * - PostgreSQL chooses per query between walking the key index newest first (testing each row's
 *   stripped vector, cheap when matches are common) and collecting the matches from the GIN
 *   index (cheap when they are few), by the planner's estimate of the matches against a threshold
 *   that grows with the table (`walkPays`). Estimates are kept per database handle for a while:
 *   they choose a plan, never a result.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { dialectOf } from '../../db/connect.ts';
import type { DbOrTx } from '../../db/database.ts';
import type { ValidityEnd } from '../../domain/catalog/index.ts';
import { toListedItem, type ItemRow, type ListedItem } from '../catalog/catalog.repository.ts';
import { facetToken, lastKeyAt, yearKeyRange } from './index-keys.ts';

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
  /**
   * How much of the text the page needs: 'full' (search snippets; the default), 'head' (the
   * first 200 characters, feeds) or 'none' (lists, which never show it).
   */
  text?: 'full' | 'head' | 'none';
  /** Defaults COUNT_CAP and RANK_LIMIT (tests set them low to exercise both sides). */
  countCap?: number;
  rankLimit?: number;
  /** PostgreSQL: force one plan for every part of the query (tests compare both; default: by estimate). */
  plan?: Plan;
}

/** Totals are counted exactly up to this many matches; beyond it the page says 「N 条以上」. */
export const COUNT_CAP = 1_000;

/** Up to this many matches, "best first" is the engine's relevance score (bm25 / ts_rank). */
export const RANK_LIMIT = 1_000;

export interface PublicPage {
  total: number;
  /** False when there are more than the cap's matches and `total` is the cap. */
  totalExact: boolean;
  items: ListedItem[];
}

/** PostgreSQL: walk the key index newest first testing each row, or collect the matches from the GIN index and sort them. */
export type Plan = 'walk' | 'gin';

/** A query's parts in index terms: words, facet tokens and a key range. */
interface Probe {
  words: readonly string[];
  facets: string[];
  from: number;
  to: number;
  /** The validity filter, the one condition the index cannot answer (it changes with the date): needs the item row. */
  validity: RawBuilder<SqlBool> | null;
  /** The same filters as conditions on catalog_item, for an agency's own list without words (its index serves that better). */
  ownList: RawBuilder<SqlBool> | null;
}

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

/** The three groups a query's matches fall into: all of them; those with every word in the title; the others. */
type Tier = 'all' | 'title' | 'bodyOnly';

/** FTS5 match expression; words and tokens contain only letters and digits (segment.ts, index-keys.ts). */
function ftsMatch(p: Probe, tier: Tier): string {
  const quoted = p.words.map((w) => `"${w}"`).join(' AND ');
  const parts: string[] = [];
  if (p.words.length)
    parts.push(tier === 'title' ? `title_words : (${quoted})` : `{title_words body_words} : (${quoted})`);
  if (p.facets.length) parts.push(`facets : (${p.facets.join(' AND ')})`);
  const expr = parts.join(' AND ');
  return tier === 'bodyOnly' ? `(${expr}) NOT title_words : (${quoted})` : expr;
}

/** PostgreSQL tsquery text of words and tokens (letters and digits only), all required. */
const tsAnd = (terms: readonly string[]) => terms.join(' & ');

/**
 * PostgreSQL's condition for a tier: plain queries (no weight marks), so each GIN index answers
 * exactly, without rechecking rows. The title vector holds the title's words only.
 */
function tsCondition(p: Probe, tier: Tier): RawBuilder<SqlBool> {
  const all = tsAnd([...p.words, ...p.facets]);
  const titleWords = sql`s.title_tsv @@ to_tsquery('simple', ${tsAnd(p.words)})`;
  if (tier === 'all') return sql<SqlBool>`s.all_tsv @@ to_tsquery('simple', ${all})`;
  if (tier === 'title')
    return p.facets.length
      ? sql<SqlBool>`${titleWords} and s.all_tsv @@ to_tsquery('simple', ${tsAnd(p.facets)})`
      : sql<SqlBool>`${titleWords}`;
  return sql<SqlBool>`s.all_tsv @@ to_tsquery('simple', ${all}) and not (${titleWords})`;
}

/**
 * The keys of a tier's matches (column k) with a score (column r), newest first or best first,
 * at most `limit`. Only the validity filter joins the items (`cross join` keeps SQLite from
 * starting at catalog_item, whatever its statistics); everything else the index answers alone,
 * since it holds public items only. An agency's own list without words reads catalog_item by
 * its (agency_id, search_key, …) index instead.
 */
function tierKeys(
  db: DbOrTx,
  p: Probe,
  tier: Tier,
  limit: number | RawBuilder<unknown>,
  opts: { ranked?: boolean; plan?: Plan } = {},
): RawBuilder<unknown> {
  if (p.ownList)
    return sql`select i.search_key as k, 0 as r from catalog_item i where ${p.ownList} and i.search_key between ${p.from} and ${p.to} order by i.search_key desc limit ${limit}`;
  const pg = dialectOf(db) === 'postgres';
  const join = p.validity ? sql` cross join catalog_item i` : sql``;
  const where = pg ? pgWhere(p, tier) : sqliteWhere(p, tier);
  if (pg) {
    // ts_rank over the title's words (any of them): title matches weigh; the stripped vector
    // of all words scores every match alike, and ties go to the newer item.
    const rank = opts.ranked ? sql`ts_rank(s.title_tsv, to_tsquery('simple', ${p.words.join(' | ')}))` : sql`0`;
    // "+ 0" keeps the planner from walking the key index for the order: the GIN index finds the few matches, then they are sorted.
    const key = opts.plan === 'gin' || opts.ranked ? sql`s.search_key + 0` : sql`s.search_key`;
    return sql`select s.search_key as k, ${rank} as r from catalog_search s${join} where ${where} order by ${opts.ranked ? sql`r desc, ` : sql``}${key} desc limit ${limit}`;
  }
  // bm25 is lower for better matches; negated so that both dialects sort the score descending.
  const rank = opts.ranked ? sql`-bm25(catalog_search, 10.0, 1.0, 0.0)` : sql`0`;
  return sql`select s.rowid as k, ${rank} as r from catalog_search s${join} where ${where} order by ${opts.ranked ? sql`r desc, ` : sql``}s.rowid desc limit ${limit}`;
}

/** The conditions of a tier on PostgreSQL (`s` the index, `i` the item when the validity filter joins it). */
function pgWhere(p: Probe, tier: Tier): RawBuilder<SqlBool> {
  const validity = p.validity ? sql` and i.search_key = s.search_key and ${p.validity}` : sql``;
  return sql<SqlBool>`${tsCondition(p, tier)} and s.search_key between ${p.from} and ${p.to}${validity}`;
}

/** The same on SQLite (FTS5: the rowid is the key). */
function sqliteWhere(p: Probe, tier: Tier): RawBuilder<SqlBool> {
  const validity = p.validity ? sql` and i.search_key = s.rowid and ${p.validity}` : sql``;
  return sql<SqlBool>`catalog_search match ${ftsMatch(p, tier)} and s.rowid between ${p.from} and ${p.to}${validity}`;
}

/** Up to `cap` + 1 matches counted (any order: the engine picks the cheapest way to find them). */
function countQuery(db: DbOrTx, p: Probe, cap: number): RawBuilder<unknown> {
  if (p.ownList || dialectOf(db) !== 'postgres')
    return sql`select count(*) as n from (${tierKeys(db, p, 'all', cap + 1)}) t`;
  const join = p.validity ? sql` cross join catalog_item i` : sql``;
  // No order: the planner picks a scan of the table (common words) or of the GIN index (rarer ones).
  return sql`select count(*) as n from (select from catalog_search s${join} where ${pgWhere(p, 'all')} limit ${cap + 1}) t`;
}

/** Every item column but body_html (lists never show it); body_text as the page needs it. The Record makes the compiler insist on each new column. */
const LISTED: Record<Exclude<keyof ItemRow, 'body_html' | 'body_text'>, true> = {
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
const TEXT_COLUMN = {
  full: sql.raw('i.body_text'),
  head: sql.raw('substr(i.body_text, 1, 200) as body_text'),
  none: sql.raw("'' as body_text"),
};

/** PostgreSQL's plan per tier (see `walkPays`); SQLite has one plan. */
interface Plans {
  all: Plan;
  title: Plan;
  bodyOnly: Plan;
}

/**
 * Public items matching the query, newest first or best first, with the number of matches
 * counted up to the cap — in one statement. "Best first" is the engine's relevance score
 * (bm25 / ts_rank, title words weighing more) when there are at most RANK_LIMIT matches; beyond
 * that — a common word such as 通知 or 工作 — the items whose title holds every word come before
 * those that match only in their text, each group newest first: both engines read that from
 * their index and stop after one page (docs/catalog.md, 检索排序). The count decides which
 * branch runs: the other is behind a one-time filter and never executes.
 */
export async function findPublic(db: DbOrTx, q: PublicQuery): Promise<PublicPage> {
  const statement = await publicQueryStatement(db, q);
  if (!statement) return { total: 0, totalExact: true, items: [] };
  const cap = q.countCap ?? COUNT_CAP;
  const rows = await statement.execute(db);
  const counted = Number(rows.rows[0]?.gk_total ?? 0);
  return {
    total: Math.min(counted, cap),
    totalExact: counted <= cap,
    items: rows.rows.filter((r) => r.gk_k !== null).map(toListedItem),
  };
}

type PageRow = Omit<ItemRow, 'body_html'> & { gk_total: number | string; gk_k: number | null };

/**
 * The one statement findPublic runs (null: nothing can match), for EXPLAIN in tests and the
 * benchmark's profile. On PostgreSQL choosing its plan may read the planner's estimates first.
 */
export async function publicQueryStatement(db: DbOrTx, q: PublicQuery): Promise<RawBuilder<PageRow> | null> {
  const p = probeOf(q);
  if (!p) return null;
  const cap = q.countCap ?? COUNT_CAP;
  const rankLimit = Math.min(q.rankLimit ?? RANK_LIMIT, cap);
  const ranked = q.order === 'relevance' && q.words.length > 0;
  const pg = dialectOf(db) === 'postgres';
  const need = q.offset + q.limit;
  const plans: Plans =
    pg && !p.ownList ? await choosePlans(db, p, need, q.plan) : { all: 'walk', title: 'walk', bodyOnly: 'walk' };
  // PostgreSQL's GIN plan reads every match anyway: the newest (up to the cap, or the page if
  // deeper) are kept once (with their title vectors, for ranking) and counted from there.
  const shared = pg && !p.ownList && plans.all === 'gin';
  const ctes = [
    shared
      ? sql`g as materialized (select s.search_key as k, s.title_tsv from catalog_search s${p.validity ? sql` cross join catalog_item i` : sql``} where ${pgWhere(p, 'all')} order by s.search_key + 0 desc limit ${Math.max(cap + 1, need)}), c as materialized (select count(*) as n from g)`
      : sql`c as materialized (${countQuery(db, p, cap)})`,
  ];
  const n = sql`(select n from c)`;
  // Each relevance branch runs only when the count says it applies. PostgreSQL turns the
  // conditions into one-time filters (the branch never starts); SQLite would still run a branch
  // behind them, so there the condition is the branch's LIMIT (a LIMIT of 0 stops it at once).
  // PostgreSQL keeps constant limits, which its choice between walk and sort depends on.
  const gate = (cond: RawBuilder<unknown>) =>
    pg
      ? { limit: need, where: sql` where ${cond}` }
      : { limit: sql`(case when ${cond} then ${need} else 0 end)`, where: sql`` };
  const allKeys = (limit: number | RawBuilder<unknown>, opts: { ranked?: boolean }) =>
    shared
      ? opts.ranked
        ? sql`select k, ts_rank(title_tsv, to_tsquery('simple', ${p.words.join(' | ')})) as r from g order by r desc, k desc limit ${limit}`
        : sql`select k, 0 as r from g order by k desc limit ${limit}`
      : opts.ranked && pg
        ? // Runs only when there are at most rankLimit matches: the newest rankLimit are all of them.
          sql`select k, ts_rank(title_tsv, to_tsquery('simple', ${p.words.join(' | ')})) as r from (select s.search_key as k, s.title_tsv from catalog_search s${p.validity ? sql` cross join catalog_item i` : sql``} where ${pgWhere(p, 'all')} order by s.search_key desc limit ${rankLimit}) w order by r desc, k desc limit ${limit}`
        : tierKeys(db, p, 'all', limit, { ...opts, plan: plans.all });
  let pageKeys: RawBuilder<unknown>;
  if (ranked) {
    const best = gate(sql`${n} <= ${rankLimit}`);
    const title = gate(sql`${n} > ${rankLimit}`);
    // The text-only group is needed only when the title group ends within this page.
    const text = gate(sql`${n} > ${rankLimit} and (select count(*) from tt) < ${need}`);
    ctes.push(
      sql`tt as materialized (select k, 0 as r, 1 as t from (${tierKeys(db, p, 'title', title.limit, { plan: plans.title })}) b${title.where})`,
    );
    pageKeys = sql`select k, r, t from (
        select k, r, 0 as t from (${allKeys(best.limit, { ranked: true })}) a${best.where}
        union all select k, r, t from tt
        union all select k, 0 as r, 2 as t from (${tierKeys(db, p, 'bodyOnly', text.limit, { plan: plans.bodyOnly })}) d${text.where}
      ) u order by t, r desc, k desc limit ${q.limit} offset ${q.offset}`;
  } else
    pageKeys = sql`select k, r, 0 as t from (${allKeys(need, {})}) a order by k desc limit ${q.limit} offset ${q.offset}`;
  return sql<PageRow>`with ${sql.join(ctes)}
    select c.n as gk_total, p.* from c left join (
      select ${LISTED_COLUMNS}, ${TEXT_COLUMN[q.text ?? 'full']}, m.k as gk_k, m.r as gk_r, m.t as gk_t
      from (${pageKeys}) m cross join catalog_item i where i.search_key = m.k and i.status = 'published'
    ) p on 1 = 1
    order by p.gk_t, p.gk_r desc, p.gk_k desc`;
}

/**
 * Whether walking the key index newest first is cheaper than collecting every match from the
 * GIN index: the walk reads about need × rows / matches rows, the GIN plan reads every match
 * (each a cheaper visit, no vector test). They cost the same near matches ≈ √(2 × need × rows):
 * about 6,300 for a first page of a million items, 2,000 of a hundred thousand — the threshold
 * grows with the data instead of being one number for every catalog.
 */
export function walkPays(matches: number, need: number, rows: number): boolean {
  return matches * matches > 2 * need * Math.max(rows, 1);
}

/**
 * The plan of each part. The text-only group runs only when the title group is shorter than the
 * page, so nearly all of the matches are then text-only: it takes the plan of all matches.
 */
async function choosePlans(db: DbOrTx, p: Probe, need: number, forced?: Plan): Promise<Plans> {
  if (forced) return { all: forced, title: forced, bodyOnly: forced };
  const e = await estimates(db, p);
  const plan = (m: number): Plan => (walkPays(m, need, e.rows) ? 'walk' : 'gin');
  return { all: plan(e.all), title: plan(e.title), bodyOnly: plan(e.all) };
}

interface Estimate {
  all: number;
  title: number;
  rows: number;
  at: number;
}

/** How long an estimate is reused, and how many are kept per database handle. */
const ESTIMATE_TTL_MS = 5 * 60_000;
const ESTIMATE_ENTRIES = 2_000;
const ESTIMATE_CACHE = new WeakMap<object, Map<string, Estimate>>();

/**
 * The planner's estimates (from the tsvector statistics) of the matches of the query and of its
 * title tier, and of the index's rows, in one EXPLAIN. Left to itself the planner walks the key
 * index newest first for any LIMIT query, since it costs the tsvector test of each row as nearly
 * free; for a rare word that reads the whole table. Kept per handle (the adapter is shared by a
 * database and its transactions) for ESTIMATE_TTL_MS.
 */
async function estimates(db: DbOrTx, p: Probe): Promise<Estimate> {
  const all = tsAnd([...p.words, ...p.facets]);
  const handle = db.getExecutor().adapter;
  let cache = ESTIMATE_CACHE.get(handle);
  if (!cache) ESTIMATE_CACHE.set(handle, (cache = new Map()));
  const key = all;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < ESTIMATE_TTL_MS) return hit;
  const r = await sql<{
    'QUERY PLAN': Array<{ Plan: { Plans?: Array<{ 'Plan Rows': number }> } }>;
  }>`explain (format json)
      select 1 from catalog_search s where s.all_tsv @@ to_tsquery('simple', ${all})
      union all select 1 from catalog_search s where ${tsCondition(p, p.words.length ? 'title' : 'all')}
      union all select 1 from catalog_search s`.execute(db);
  // Three branches, none of which the planner can prune (a constant-false one would be, and the
  // table's rows would then be read as the title's).
  const parts = r.rows[0]?.['QUERY PLAN'][0]?.Plan.Plans ?? [];
  const rows = (i: number) => parts[i]?.['Plan Rows'] ?? Number.POSITIVE_INFINITY;
  const e: Estimate = { all: rows(0), title: Math.min(rows(1), rows(0)), rows: rows(2), at: now };
  if (cache.size >= ESTIMATE_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, e);
  return e;
}
