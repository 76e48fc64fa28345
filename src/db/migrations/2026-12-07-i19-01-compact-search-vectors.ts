/**
 * PostgreSQL's search index with small, untoasted rows (issue 19; docs/catalog.md, 检索索引).
 *
 * The single stored tsvector of 2026-11-28-04 (title words weight A, body words D, facets C, with
 * positions) was TOASTed for most rows: every candidate cost three or four page reads, and the
 * title tier's weight mark (`:A`) made the GIN index recheck each candidate's whole vector. Now:
 *
 * - `title_tsv`: the title words only (with positions, for ts_rank) — the title tier is a plain
 *   query on its own small GIN index, no weight mark, no recheck;
 * - `all_tsv`: title words, body words and facet tokens, stripped of positions and weights
 *   (one entry per distinct word): what every other query matches, exactly, on its GIN index;
 * - both vectors `STORAGE MAIN` (compressed in the row, out of line only if a row would not fit
 *   a page) and lz4-compressed where the server has lz4; the GIN indexes without the pending
 *   list (`fastupdate = off`), so a search never scans unmerged entries.
 *
 * The rows are carried over from the old vectors in SQL (ts_filter keeps the title's A lexemes,
 * strip drops positions). SQLite's FTS5 index is unchanged. Frozen once landed (STYLE.md rule 10).
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../connect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`create table catalog_search_compact (
      search_key bigint constraint catalog_search_compact_pk primary key,
      item_id text not null constraint catalog_search_compact_item_uq unique references catalog_item(id) on delete cascade,
      title_tsv tsvector not null,
      all_tsv tsvector not null
    )`.execute(db);
  await sql`alter table catalog_search_compact alter column title_tsv set storage main, alter column all_tsv set storage main`.execute(
    db,
  );
  // lz4 decompresses several times faster than pglz; a server built without it keeps pglz.
  await sql`do $$ begin
      execute 'alter table catalog_search_compact alter column all_tsv set compression lz4, alter column title_tsv set compression lz4';
    exception when others then null;
    end $$`.execute(db);
  await sql`insert into catalog_search_compact (search_key, item_id, title_tsv, all_tsv)
      select search_key, item_id, ts_filter(tsv, '{a}'), strip(tsv) from catalog_search`.execute(db);
  await sql`drop table catalog_search`.execute(db);
  await sql`alter table catalog_search_compact rename to catalog_search`.execute(db);
  await sql`create index catalog_search_all_idx on catalog_search using gin (all_tsv) with (fastupdate = off)`.execute(
    db,
  );
  await sql`create index catalog_search_title_idx on catalog_search using gin (title_tsv) with (fastupdate = off)`.execute(
    db,
  );
  await sql`analyze catalog_search`.execute(db);
}

/** Back to one weighted vector (title A, facets C, body D; body positions are not recoverable and come back without them). */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`create table catalog_search_weighted (
      search_key bigint constraint catalog_search_key_pk primary key,
      item_id text not null constraint catalog_search_item_uq unique references catalog_item(id) on delete cascade,
      tsv tsvector not null
    )`.execute(db);
  await sql`insert into catalog_search_weighted (search_key, item_id, tsv)
      select search_key, item_id, setweight(title_tsv, 'A') || setweight(all_tsv, 'D') from catalog_search`.execute(db);
  await sql`drop table catalog_search`.execute(db);
  await sql`alter table catalog_search_weighted rename to catalog_search`.execute(db);
  await sql`create index catalog_search_tsv_idx on catalog_search using gin (tsv)`.execute(db);
}
