/**
 * A version of everything the public portal shows (issue 20: public pages cached correctly).
 *
 * Each app process keeps rendered portal pages in memory (src/web/portal/page-cache.ts) and
 * checks, on every request, this one-row table: triggers raise its version on every change of
 * what a public page can show, whoever writes it (any worker, any node, an import, a script):
 * - agency (names, codes, contacts, the tree): every insert, update and delete;
 * - catalog_item: a row that is or was public (status published or withdrawn) — publication,
 *   correction, withdrawal, validity changes; drafts under review do not touch it;
 * - catalog_attachment of such an item; catalog_category; catalog_settings (指南, 制度);
 * - annual_report rows with a published version, and every new annual_report_version.
 * A scheduled publication becomes public by the clock, not by a write: the cache keeps the
 * earliest future publication instant and starts afresh when it passes.
 *
 * SQLite: row triggers with WHEN conditions. PostgreSQL: statement triggers (one update of the
 * version row per statement, so a bulk import of 100,000 items does not leave 100,000 row
 * versions behind), the conditions read from the statement's transition tables.
 *
 * Frozen once landed (STYLE.md rule 10).
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../connect.ts';

const PUBLIC = `('published', 'withdrawn')`;
const BUMP = 'update public_content_version set version = version + 1 where id = 1;';

/** SQLite: [name, event, table, condition or null]. */
const SQLITE_TRIGGERS: Array<[string, string, string, string | null]> = [
  ['pcv_agency_insert', 'insert', 'agency', null],
  ['pcv_agency_update', 'update', 'agency', null],
  ['pcv_agency_delete', 'delete', 'agency', null],
  ['pcv_item_insert', 'insert', 'catalog_item', `new.status in ${PUBLIC}`],
  ['pcv_item_update', 'update', 'catalog_item', `old.status in ${PUBLIC} or new.status in ${PUBLIC}`],
  ['pcv_item_delete', 'delete', 'catalog_item', `old.status in ${PUBLIC}`],
  [
    'pcv_attachment_insert',
    'insert',
    'catalog_attachment',
    `exists (select 1 from catalog_item i where i.id = new.item_id and i.status in ${PUBLIC})`,
  ],
  [
    'pcv_attachment_update',
    'update',
    'catalog_attachment',
    `exists (select 1 from catalog_item i where i.id in (old.item_id, new.item_id) and i.status in ${PUBLIC})`,
  ],
  [
    'pcv_attachment_delete',
    'delete',
    'catalog_attachment',
    `exists (select 1 from catalog_item i where i.id = old.item_id and i.status in ${PUBLIC})`,
  ],
  ['pcv_category_insert', 'insert', 'catalog_category', null],
  ['pcv_category_update', 'update', 'catalog_category', null],
  ['pcv_category_delete', 'delete', 'catalog_category', null],
  ['pcv_settings_insert', 'insert', 'catalog_settings', null],
  ['pcv_settings_update', 'update', 'catalog_settings', null],
  ['pcv_settings_delete', 'delete', 'catalog_settings', null],
  ['pcv_report_insert', 'insert', 'annual_report', 'new.current_version > 0'],
  ['pcv_report_update', 'update', 'annual_report', 'old.current_version > 0 or new.current_version > 0'],
  ['pcv_report_delete', 'delete', 'annual_report', 'old.current_version > 0'],
  ['pcv_report_version_insert', 'insert', 'annual_report_version', null],
  ['pcv_report_version_update', 'update', 'annual_report_version', null],
  ['pcv_report_version_delete', 'delete', 'annual_report_version', null],
];

/** PostgreSQL: [name, event, table, function]. */
const PG_TRIGGERS: Array<[string, string, string, string]> = [
  ['pcv_agency', 'insert or update or delete', 'agency', 'public_content_changed'],
  ['pcv_item_insert', 'insert', 'catalog_item', 'public_items_changed'],
  ['pcv_item_update', 'update', 'catalog_item', 'public_items_changed'],
  ['pcv_item_delete', 'delete', 'catalog_item', 'public_items_changed'],
  ['pcv_attachment_insert', 'insert', 'catalog_attachment', 'public_attachments_changed'],
  ['pcv_attachment_update', 'update', 'catalog_attachment', 'public_attachments_changed'],
  ['pcv_attachment_delete', 'delete', 'catalog_attachment', 'public_attachments_changed'],
  ['pcv_category', 'insert or update or delete', 'catalog_category', 'public_content_changed'],
  ['pcv_settings', 'insert or update or delete', 'catalog_settings', 'public_content_changed'],
  ['pcv_report_insert', 'insert', 'annual_report', 'public_reports_changed'],
  ['pcv_report_update', 'update', 'annual_report', 'public_reports_changed'],
  ['pcv_report_delete', 'delete', 'annual_report', 'public_reports_changed'],
  ['pcv_report_version', 'insert or update or delete', 'annual_report_version', 'public_content_changed'],
];

/** The transition tables a statement trigger of this event may read. */
function referencing(event: string): string {
  if (event === 'insert') return 'referencing new table as new_rows';
  if (event === 'update') return 'referencing old table as old_rows new table as new_rows';
  if (event === 'delete') return 'referencing old table as old_rows';
  return '';
}

/**
 * A plpgsql trigger function that raises the version when `test` (an SQL condition over the
 * rows `r` of a transition table) holds for any row of the statement.
 */
function pgConditional(name: string, test: (rows: string) => string): string {
  // One IF per transition table: plpgsql plans a statement when it first runs, and an INSERT
  // statement has no old_rows (a DELETE no new_rows) to plan against.
  return `create function ${name}() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        if exists (${test('old_rows')}) then
          ${BUMP}
          return null;
        end if;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        if exists (${test('new_rows')}) then
          ${BUMP}
        end if;
      end if;
      return null;
    end $$`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('public_content_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('version', pg ? 'bigint' : 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into public_content_version (id, version) values (1, 0)`.execute(db);
  if (pg) {
    await sql
      .raw(
        `create function public_content_changed() returns trigger language plpgsql as $$ begin ${BUMP} return null; end $$`,
      )
      .execute(db);
    await sql
      .raw(pgConditional('public_items_changed', (rows) => `select 1 from ${rows} r where r.status in ${PUBLIC}`))
      .execute(db);
    await sql
      .raw(
        pgConditional(
          'public_attachments_changed',
          (rows) => `select 1 from ${rows} r join catalog_item i on i.id = r.item_id where i.status in ${PUBLIC}`,
        ),
      )
      .execute(db);
    await sql
      .raw(pgConditional('public_reports_changed', (rows) => `select 1 from ${rows} r where r.current_version > 0`))
      .execute(db);
    for (const [name, event, table, fn] of PG_TRIGGERS)
      await sql
        .raw(
          `create trigger ${name} after ${event} on ${table} ${referencing(event)} for each statement execute function ${fn}()`,
        )
        .execute(db);
  } else {
    for (const [name, event, table, when] of SQLITE_TRIGGERS)
      await sql
        .raw(`create trigger ${name} after ${event} on ${table} ${when ? `when ${when}` : ''} begin ${BUMP} end`)
        .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    for (const [name, , table] of PG_TRIGGERS) await sql.raw(`drop trigger ${name} on ${table}`).execute(db);
    for (const fn of [
      'public_content_changed',
      'public_items_changed',
      'public_attachments_changed',
      'public_reports_changed',
    ])
      await sql.raw(`drop function ${fn}()`).execute(db);
  } else {
    for (const [name] of SQLITE_TRIGGERS) await sql.raw(`drop trigger ${name}`).execute(db);
  }
  await db.schema.dropTable('public_content_version').execute();
}
