/**
 * Applications (依申请公开): applications, their events, files, reminders, the tracking-number
 * counter and per-agency settings. Portable DDL for SQLite and PostgreSQL. Frozen once landed.
 */
import type { Kysely } from 'kysely';
import { dialectOf } from '../connect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const text = [
    'applicant_name',
    'contact_person',
    'email',
    'postcode',
    'info_title',
    'info_doc_number',
    'info_description',
    'delivery_form',
    'delivery_method',
  ];
  let table = db.schema
    .createTable('application')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('tracking_number', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('query_code_hash', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('oral', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('arrival_date', 'text', (c) => c.notNull())
    .addColumn('received_date', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reply_due', 'text')
    .addColumn('due_rule', 'text')
    .addColumn('due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_date', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('outcome', 'text')
    .addColumn('records_outcome', 'text')
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('id_doc_type', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_hash', 'text', (c) => c.notNull())
    .addColumn('id_number_masked', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    .addColumn('address_enc', 'text', (c) => c.notNull())
    .addColumn('address_masked', 'text', (c) => c.notNull());
  for (const name of text) table = table.addColumn(name, 'text', (c) => c.notNull().defaultTo(''));
  await table
    .addColumn('handler_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('extension_requested_days', 'integer')
    .addColumn('extension_reason', 'text')
    .addColumn('reasons_asked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fee_basis', 'text')
    .addColumn('fee_amount', 'integer')
    .addColumn('decision_outcome', 'text')
    .addColumn('decision_basis', 'text')
    .addColumn('decision_reasons', 'text')
    .addColumn('responsible_agency', 'text')
    .addColumn('decision_status', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('signed_by', 'text')
    .addColumn('signed_at', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('application_tracking_uq', ['agency_id', 'tracking_number'])
    .execute();
  // The inbox filters by agency and state and sorts by due date; the report counts by agency and dates.
  await db.schema
    .createIndex('application_inbox_idx')
    .on('application')
    .columns(['agency_id', 'state', 'reply_due'])
    .execute();
  await db.schema
    .createIndex('application_received_idx')
    .on('application')
    .columns(['agency_id', 'received_date'])
    .execute();
  await db.schema
    .createIndex('application_closed_idx')
    .on('application')
    .columns(['agency_id', 'closed_date'])
    .execute();
  await db.schema
    .createIndex('application_applicant_idx')
    .on('application')
    .columns(['agency_id', 'id_number_hash'])
    .execute();
  await db.schema.createIndex('application_tracking_idx').on('application').column('tracking_number').execute();

  await db.schema
    .createTable('application_event')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('application.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('application_event_seq_uq', ['application_id', 'seq'])
    .execute();

  await db.schema
    .createTable('application_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('application.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', pg ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('reviewed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_file_app_idx')
    .on('application_file')
    .columns(['application_id', 'role'])
    .execute();

  await db.schema
    .createTable('application_reminder')
    .addColumn('application_id', 'text', (c) => c.notNull().references('application.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_reminder_pk', ['application_id', 'key'])
    .execute();

  await db.schema
    .createTable('application_counter')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('next_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_counter_pk', ['agency_id', 'year'])
    .execute();

  await db.schema
    .createTable('application_settings')
    .addColumn('agency_id', 'text', (c) => c.primaryKey().references('agency.id'))
    .addColumn('tracking_pattern', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'application_settings',
    'application_counter',
    'application_reminder',
    'application_file',
    'application_event',
    'application',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
