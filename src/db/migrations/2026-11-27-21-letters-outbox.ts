/**
 * Agencies' letter templates and the outbox (messages and their attachments, kept in the
 * database like every other file). Portable DDL. Frozen once landed (STYLE.md rule 10).
 */
import type { Kysely } from 'kysely';
import { dialectOf } from '../connect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('letter_template')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_template_pk', ['agency_id', 'key'])
    .execute();

  await db.schema
    .createTable('outbox_message')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('recipient_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('related_type', 'text')
    .addColumn('related_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('delivery_note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('outbox_message_status_idx')
    .on('outbox_message')
    .columns(['status', 'channel'])
    .execute();
  await db.schema
    .createIndex('outbox_message_agency_idx')
    .on('outbox_message')
    .columns(['agency_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('outbox_message_related_idx')
    .on('outbox_message')
    .columns(['related_type', 'related_id'])
    .execute();

  await db.schema
    .createTable('outbox_attachment')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('outbox_message.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('data', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_attachment_message_idx').on('outbox_attachment').column('message_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outbox_attachment').execute();
  await db.schema.dropTable('outbox_message').execute();
  await db.schema.dropTable('letter_template').execute();
}
