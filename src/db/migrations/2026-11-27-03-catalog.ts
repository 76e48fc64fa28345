/**
 * 主动公开: catalog items, workflow records, attachments (stored in the database, so app nodes
 * stay stateless), agency categories and settings, full-text search, and the 第二十条 figures.
 * Full-text search differs by dialect: SQLite gets an FTS5 table (unicode61 over words already
 * segmented by jieba), PostgreSQL a GIN index over to_tsvector('simple', …) of the same words.
 * Frozen once landed (STYLE.md rule 10).
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../connect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('catalog_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('index_no', 'text')
    .addColumn('index_year', 'integer')
    .addColumn('index_serial', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text', (c) => c.notNull())
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('statutory_item', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text')
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('formed_on', 'text', (c) => c.notNull())
    .addColumn('special_days', 'integer')
    .addColumn('special_basis', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('due_explanation', 'text', (c) => c.notNull())
    .addColumn('due_provisional', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_on', 'text')
    .addColumn('withdrawn_on', 'text')
    .addColumn('withdraw_reason', 'text')
    .addColumn('effective_on', 'text')
    .addColumn('ended_as', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('replaces_id', 'text')
    .addColumn('author_id', 'text')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalog_item_index_no_uq')
    .on('catalog_item')
    .columns(['agency_id', 'index_no'])
    .unique()
    .execute();
  await db.schema
    .createIndex('catalog_item_public_idx')
    .on('catalog_item')
    .columns(['agency_id', 'status', 'published_at'])
    .execute();
  await db.schema.createIndex('catalog_item_status_idx').on('catalog_item').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('catalog_item_published_idx').on('catalog_item').columns(['published_at']).execute();

  await db.schema
    .createTable('catalog_event')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('item_id', 'text', (c) => c.notNull().references('catalog_item.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('opinion', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catalog_event_item_idx').on('catalog_event').column('item_id').execute();

  await db.schema
    .createTable('catalog_attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('catalog_item.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catalog_attachment_item_idx').on('catalog_attachment').column('item_id').execute();

  await db.schema
    .createTable('catalog_category')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('statutory_item', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalog_category_agency_idx')
    .on('catalog_category')
    .columns(['agency_id', 'name'])
    .unique()
    .execute();

  await db.schema
    .createTable('catalog_settings')
    .addColumn('agency_id', 'text', (c) => c.primaryKey().references('agency.id'))
    .addColumn('index_scheme', 'text', (c) => c.notNull())
    .addColumn('org_code', 'text', (c) => c.notNull())
    .addColumn('guide_json', 'text', (c) => c.notNull())
    .addColumn('rules_html', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  if (pg) {
    await db.schema
      .createTable('catalog_search')
      .addColumn('item_id', 'text', (c) => c.primaryKey().references('catalog_item.id').onDelete('cascade'))
      .addColumn('title_words', 'text', (c) => c.notNull())
      .addColumn('body_words', 'text', (c) => c.notNull())
      .execute();
    // Title words weigh more than body words in ts_rank (setweight A / D).
    await sql`create index catalog_search_tsv_idx on catalog_search using gin ((setweight(to_tsvector('simple', title_words), 'A') || setweight(to_tsvector('simple', body_words), 'D')))`.execute(
      db,
    );
  } else {
    await sql`create virtual table catalog_search using fts5(item_id unindexed, title_words, body_words, tokenize = 'unicode61')`.execute(
      db,
    );
  }

  await db.schema
    .createTable('power_list_figure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer')
    .addColumn('added', 'integer')
    .addColumn('removed', 'integer')
    .addColumn('decisions', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('power_list_figure_uq')
    .on('power_list_figure')
    .columns(['agency_id', 'year', 'kind'])
    .unique()
    .execute();

  await db.schema
    .createTable('year_amount')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('procurement_projects', 'integer')
    .addColumn('procurement_amount_yuan', 'text')
    .addColumn('fees_collected_wan', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('year_amount_pk', ['agency_id', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'year_amount',
    'power_list_figure',
    'catalog_search',
    'catalog_settings',
    'catalog_category',
    'catalog_attachment',
    'catalog_event',
    'catalog_item',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
