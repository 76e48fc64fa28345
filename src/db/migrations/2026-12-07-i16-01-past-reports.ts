/**
 * Past reports on the portal (issue 16): the original file of an imported annual report is
 * kept (imported_report_file, one row per import, apart from the list's table so that listing
 * reads no file contents), and an agency's report from before it used Gongkai may be published
 * as that year's report (past_report_publication, one per agency and year), shown on the
 * portal beside the generated ones and marked 「原文导入」. Portable DDL. Frozen once landed
 * (STYLE.md rule 10).
 */
import type { Kysely } from 'kysely';
import { dialectOf } from '../connect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('imported_report_file')
    .addColumn('imported_report_id', 'text', (c) => c.primaryKey().references('imported_report.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('past_report_publication')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('imported_report_id', 'text', (c) => c.notNull().references('imported_report.id').onDelete('cascade'))
    // The date the agency published it originally (YYYY-MM-DD), shown on the portal.
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addUniqueConstraint('past_report_publication_agency_year_uq', ['agency_id', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('past_report_publication').execute();
  await db.schema.dropTable('imported_report_file').execute();
}
