/**
 * Imported annual reports (年报体检): published reports read by `gongkai import-report --save`
 * or uploaded in the console, kept with their findings for the checking pages and for the
 * cross-year rules. The same file is stored once (unique sha256). Portable DDL for SQLite and
 * PostgreSQL. Frozen once landed (STYLE.md rule 10).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imported_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_name', 'text', (c) => c.notNull())
    // Linked when an agency of this platform has the same full name; most imports are of others.
    .addColumn('agency_id', 'text', (c) => c.references('agency.id').onDelete('set null'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('V2019', 'V2021')`))
    .addColumn('source_file', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    // gongkai.annual-report/1 and the findings, as JSON text.
    .addColumn('report_json', 'text', (c) => c.notNull())
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .execute();
  await db.schema
    .createIndex('imported_report_agency_year_idx')
    .on('imported_report')
    .columns(['agency_name', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('imported_report').execute();
}
