/**
 * The search index keyed by publication order, with facet tokens (src/modules/search/index-keys.ts
 * explains both). Replaces the first index, whose every query joined all its matches to
 * catalog_item before it could filter, count or sort them (docs/benchmarks.md, 主动公开).
 *
 * - catalog_item.search_key: the item's key in the index (null when not indexed).
 * - SQLite: catalog_search becomes a contentless FTS5 table (the words are kept in catalog_item
 *   already) with rowid = search_key and a third column of facet tokens. (Not detail=column:
 *   a contentless table with it has no term frequencies, and bm25 would score every match 0.)
 * - PostgreSQL: catalog_search(search_key primary key, item_id, tsv) with the tsvector stored
 *   (title words weight A, body words D, facet tokens C) and a GIN index on it, so neither the
 *   recheck nor the planner's statistics recompute to_tsvector.
 *
 * The existing index rows are carried over in SQL: keys by publication second and item id,
 * facets with hex() exactly as facetToken() makes them. Frozen once landed (STYLE.md rule 10).
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../connect.ts';

/** agency id → its facet tokens for itself and every ancestor. */
const AGENCY_FACETS = sql`with recursive up(agency_id, anc) as (
    select id, id from agency
    union all
    select up.agency_id, a.parent_id from up join agency a on a.id = up.anc where a.parent_id is not null
  )`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema
    .alterTable('catalog_item')
    .addColumn('search_key', pg ? 'bigint' : 'integer')
    .execute();
  await db.schema.createIndex('catalog_item_search_key_idx').on('catalog_item').column('search_key').unique().execute();
  if (pg) {
    await sql`update catalog_item set search_key = k.key from (
        select i.id, (floor(extract(epoch from i.published_at::timestamptz))::bigint << 20)
          + row_number() over (partition by floor(extract(epoch from i.published_at::timestamptz)) order by i.id) - 1 as key
        from catalog_search s join catalog_item i on i.id = s.item_id where i.published_at is not null
      ) k where k.id = catalog_item.id`.execute(db);
    await sql`create table catalog_search_keyed (
        search_key bigint constraint catalog_search_key_pk primary key,
        item_id text not null constraint catalog_search_item_uq unique references catalog_item(id) on delete cascade,
        tsv tsvector not null
      )`.execute(db);
    await sql`${AGENCY_FACETS}, facets as (select agency_id, string_agg('zag' || encode(convert_to(anc, 'UTF8'), 'hex'), ' ') as tokens from up group by agency_id)
      insert into catalog_search_keyed (search_key, item_id, tsv)
      select i.search_key, i.id,
        setweight(to_tsvector('simple', s.title_words), 'A') || setweight(to_tsvector('simple', s.body_words), 'D')
        || setweight(to_tsvector('simple', f.tokens || ' zao' || encode(convert_to(i.agency_id, 'UTF8'), 'hex') || ' zsi' || encode(convert_to(i.statutory_item, 'UTF8'), 'hex') || ' zdt' || encode(convert_to(i.doc_type, 'UTF8'), 'hex')
          || coalesce(' zct' || encode(convert_to(i.category_id, 'UTF8'), 'hex'), '')), 'C')
      from catalog_search s join catalog_item i on i.id = s.item_id join facets f on f.agency_id = i.agency_id
      where i.search_key is not null`.execute(db);
    await sql`drop table catalog_search`.execute(db);
    await sql`alter table catalog_search_keyed rename to catalog_search`.execute(db);
    await sql`create index catalog_search_tsv_idx on catalog_search using gin (tsv)`.execute(db);
    await sql`analyze catalog_item, catalog_search`.execute(db);
    return;
  }
  await sql`update catalog_item set search_key = k.key from (
      select i.id, cast(strftime('%s', i.published_at) as integer) * 1048576
        + row_number() over (partition by cast(strftime('%s', i.published_at) as integer) order by i.id) - 1 as key
      from catalog_search s join catalog_item i on i.id = s.item_id where i.published_at is not null
    ) k where k.id = catalog_item.id`.execute(db);
  await sql`create virtual table catalog_search_keyed using fts5(title_words, body_words, facets, content = '', contentless_delete = 1, tokenize = 'unicode61')`.execute(
    db,
  );
  await sql`${AGENCY_FACETS}, facets as (select agency_id, group_concat('zag' || lower(hex(anc)), ' ') as tokens from up group by agency_id)
    insert into catalog_search_keyed (rowid, title_words, body_words, facets)
    select i.search_key, s.title_words, s.body_words,
      f.tokens || ' zao' || lower(hex(i.agency_id)) || ' zsi' || lower(hex(i.statutory_item)) || ' zdt' || lower(hex(i.doc_type)) || coalesce(' zct' || lower(hex(i.category_id)), '')
    from catalog_search s join catalog_item i on i.id = s.item_id join facets f on f.agency_id = i.agency_id
    where i.search_key is not null`.execute(db);
  await sql`drop table catalog_search`.execute(db);
  await sql`alter table catalog_search_keyed rename to catalog_search`.execute(db);
}

/** Back to the first index's shape, empty: its rows cannot be restored from a contentless index (the older version rebuilds them with its own import or publishing). */
export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await sql`drop table catalog_search`.execute(db);
  if (pg) {
    await sql`create table catalog_search (item_id text primary key references catalog_item(id) on delete cascade, title_words text not null, body_words text not null)`.execute(
      db,
    );
    await sql`create index catalog_search_tsv_idx on catalog_search using gin ((setweight(to_tsvector('simple', title_words), 'A') || setweight(to_tsvector('simple', body_words), 'D')))`.execute(
      db,
    );
  } else {
    await sql`create virtual table catalog_search using fts5(item_id unindexed, title_words, body_words, tokenize = 'unicode61')`.execute(
      db,
    );
  }
  await db.schema.dropIndex('catalog_item_search_key_idx').execute();
  await db.schema.alterTable('catalog_item').dropColumn('search_key').execute();
}
