/**
 * The notices an application's steps issue (补正告知书, 征求意见书, 延期答复告知书, 收费通知书):
 * the document as issued (its filled wording, JSON) with its addressee and date. The DOCX and
 * PDF renditions are made on first download or sending and kept as application files (role
 * `notice`), linked here. Portable DDL. Frozen once landed (STYLE.md rule 10).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('application_letter')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('application.id'))
    .addColumn('event_seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('template_key', 'text', (c) => c.notNull())
    .addColumn('addressee', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('consultation_id', 'text')
    .addColumn('letter_date', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('placeholder_values', 'text', (c) => c.notNull())
    .addColumn('pdf_file_id', 'text', (c) => c.references('application_file.id'))
    .addColumn('docx_file_id', 'text', (c) => c.references('application_file.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_letter_app_idx')
    .on('application_letter')
    .columns(['application_id', 'event_seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('application_letter').execute();
}
