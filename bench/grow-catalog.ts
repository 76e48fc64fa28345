/**
 * Grows a catalog filled by `gongkai synth` to a target size with set operations, not row by
 * row: the synthetic items (the "originals") are copied, each copy with a new id, 索引号 and a
 * search key in the same second (slot + 64 × copy), and their index rows copied with them — on
 * PostgreSQL the stored vectors, on SQLite the FTS5 words (segmented once per original). The
 * words' frequencies stay those of the originals; posting lists grow with the copies.
 *
 *   GONGKAI_DATABASE_URL=… npx tsx bench/grow-catalog.ts --items 1000000
 */
import { sql } from 'kysely';
import { loadConfig } from '../src/config/config.ts';
import { dialectOf, openDatabase } from '../src/db/connect.ts';
import type { Db } from '../src/db/database.ts';
import { facetText } from '../src/modules/search/index-keys.ts';
import { itemWords } from '../src/modules/search/segment.ts';

const COLUMNS = `agency_id, index_year, index_serial, title, doc_number, publisher, statutory_item, category_id, doc_type, summary, body_html, body_text, formed_on, special_days, special_basis, due_on, due_explanation, due_provisional, status, published_at, published_on, withdrawn_on, withdraw_reason, effective_on, ended_as, ended_on, replaces_id, author_id, author_name, version, created_at, updated_at`;
/** Copies sit at slot + 64 × copy of their original's second; originals use slots below 64. */
const STRIDE = 64;

async function counts(db: Db): Promise<{ originals: number; total: number }> {
  const r = await sql<{
    o: number | string;
    t: number | string;
  }>`select sum(case when index_no not like '%#%' then 1 else 0 end) as o, count(*) as t from catalog_item where search_key is not null`.execute(
    db,
  );
  return { originals: Number(r.rows[0]?.o ?? 0), total: Number(r.rows[0]?.t ?? 0) };
}

/** Adds copies `first`..`last` of every original (PostgreSQL). */
async function copyPg(db: Db, first: number, last: number): Promise<void> {
  await sql`set maintenance_work_mem = '1GB'`.execute(db);
  await sql`drop index if exists catalog_search_all_idx`.execute(db);
  await sql`drop index if exists catalog_search_title_idx`.execute(db);
  await sql`create temp table grow_base as select * from catalog_item where index_no not like '%#%' and search_key is not null`.execute(
    db,
  );
  await sql`insert into catalog_item (id, index_no, search_key, ${sql.raw(COLUMNS)})
      select md5(b.id || '#' || c)::uuid::text, b.index_no || '#' || c, b.search_key + ${STRIDE} * c, ${sql.raw(
        COLUMNS.split(', ')
          .map((x) => `b.${x}`)
          .join(', '),
      )}
      from grow_base b cross join generate_series(${first}::int, ${last}::int) c`.execute(db);
  await sql`insert into catalog_search (search_key, item_id, title_tsv, all_tsv)
      select s.search_key + ${STRIDE} * c, md5(b.id || '#' || c)::uuid::text, s.title_tsv, s.all_tsv
      from grow_base b join catalog_search s on s.search_key = b.search_key cross join generate_series(${first}::int, ${last}::int) c`.execute(
    db,
  );
  await sql`drop table grow_base`.execute(db);
  await sql`create index catalog_search_all_idx on catalog_search using gin (all_tsv) with (fastupdate = off)`.execute(
    db,
  );
  await sql`create index catalog_search_title_idx on catalog_search using gin (title_tsv) with (fastupdate = off)`.execute(
    db,
  );
  await sql`vacuum (analyze) catalog_item`.execute(db);
  await sql`vacuum (analyze) catalog_search`.execute(db);
}

/** The same on SQLite: items by INSERT … SELECT, FTS5 rows from the originals' words segmented once. */
async function copySqlite(db: Db, first: number, last: number): Promise<void> {
  await sql`create temp table grow_base as select * from catalog_item where index_no not like '%#%' and search_key is not null`.execute(
    db,
  );
  await sql`insert into catalog_item (id, index_no, search_key, ${sql.raw(COLUMNS)})
      with recursive c(n) as (select ${first} union all select n + 1 from c where n < ${last})
      select lower(hex(randomblob(16))), b.index_no || '#' || c.n, b.search_key + ${STRIDE} * c.n, ${sql.raw(
        COLUMNS.split(', ')
          .map((x) => `b.${x}`)
          .join(', '),
      )}
      from grow_base b cross join c`.execute(db);
  const paths = new Map<string, string[]>();
  const tree = await sql<{ id: string; parent_id: string | null }>`select id, parent_id from agency`.execute(db);
  const parent = new Map(tree.rows.map((r) => [r.id, r.parent_id]));
  const pathOf = (id: string) => {
    let p = paths.get(id);
    if (!p) {
      p = [];
      for (let a: string | null | undefined = id; a; a = parent.get(a)) p.push(a);
      paths.set(id, p);
    }
    return p;
  };
  for (let after = -Infinity; ;) {
    const base = await sql<{
      search_key: number;
      agency_id: string;
      title: string;
      doc_number: string;
      summary: string;
      body_text: string;
      statutory_item: string;
      category_id: string | null;
      doc_type: string;
    }>`select search_key, agency_id, title, doc_number, summary, body_text, statutory_item, category_id, doc_type from grow_base where search_key > ${after} order by search_key limit 2000`.execute(
      db,
    );
    if (base.rows.length === 0) break;
    await db.transaction().execute(async (tx) => {
      for (const b of base.rows) {
        const w = itemWords({ title: b.title, docNumber: b.doc_number, summary: b.summary, bodyText: b.body_text });
        const facets = facetText({
          agencyPath: pathOf(b.agency_id),
          statutoryItem: b.statutory_item,
          categoryId: b.category_id,
          docType: b.doc_type,
        });
        await sql`insert into catalog_search (rowid, title_words, body_words, facets)
            with recursive c(n) as (select ${first} union all select n + 1 from c where n < ${last})
            select ${b.search_key} + ${STRIDE} * c.n, ${w.titleWords}, ${w.bodyWords}, ${facets} from c`.execute(tx);
      }
    });
    after = base.rows.at(-1)!.search_key;
    process.stderr.write('.');
  }
  await sql`drop table grow_base`.execute(db);
  await sql`insert into catalog_search (catalog_search) values ('optimize')`.execute(db);
  await sql`analyze`.execute(db);
}

const target = Number(process.argv[process.argv.indexOf('--items') + 1]);
const db = openDatabase(loadConfig().database, { poolSize: 1 });
const { originals, total } = await counts(db);
if (!originals) throw new Error('先用 gongkai synth 生成原始数据');
const have = Math.round(total / originals) - 1;
const want = Math.ceil(target / originals) - 1;
if (want > have) {
  const t0 = Date.now();
  if (dialectOf(db) === 'postgres') await copyPg(db, have + 1, want);
  else await copySqlite(db, have + 1, want);
  console.error(
    `\n${originals} × ${want + 1} = ${(await counts(db)).total} 条，用时 ${((Date.now() - t0) / 1000).toFixed(0)} 秒`,
  );
} else console.error(`已有 ${total} 条`);
await db.destroy();
