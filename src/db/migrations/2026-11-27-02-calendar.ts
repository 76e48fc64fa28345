/**
 * Imported calendar years (国务院办公厅关于××××年部分节假日安排的通知): a year imported here
 * replaces the bundled data of that year (src/domain/calendar/data) or adds a year not bundled.
 * Portable DDL for SQLite and PostgreSQL. Frozen once landed (STYLE.md rule 10).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_year')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('notice_title', 'text', (c) => c.notNull())
    .addColumn('notice_document_no', 'text')
    .addColumn('notice_date', 'text')
    // Later notices that changed the year (JSON list of {title, documentNo, date}), if any.
    .addColumn('notice_supplements', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .execute();

  await db.schema
    .createTable('calendar_day')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().references('calendar_year.year').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('off', 'work')`))
    .addColumn('name', 'text')
    .execute();
  await db.schema.createIndex('calendar_day_year_idx').on('calendar_day').column('year').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_day').execute();
  await db.schema.dropTable('calendar_year').execute();
}
