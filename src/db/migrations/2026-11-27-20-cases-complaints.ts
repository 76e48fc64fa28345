/**
 * The 行政复议 / 行政诉讼 register and the 投诉、举报 register (第四十七条, 第五十一条).
 * Portable DDL for SQLite and PostgreSQL. Frozen once landed (STYLE.md rule 10).
 */
import type { Kysely } from 'kysely';
import { dialectOf } from '../connect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const serial = dialectOf(db) === 'postgres' ? 'serial' : 'integer';
  await db.schema
    .createTable('disclosure_case')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    // No foreign key on purpose: a case may stand alone or outlive a re-imported application.
    .addColumn('application_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('case_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('organ', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('filed_date', 'text', (c) => c.notNull())
    .addColumn('concluded_date', 'text')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('result_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disclosure_case_agency_filed_idx')
    .on('disclosure_case')
    .columns(['agency_id', 'filed_date'])
    .execute();
  await db.schema
    .createIndex('disclosure_case_application_idx')
    .on('disclosure_case')
    .column('application_id')
    .execute();

  await db.schema
    .createTable('complaint')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('receiving_agency_id', 'text', (c) => c.notNull().references('agency.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('complainant', 'text', (c) => c.notNull())
    .addColumn('contact_sealed', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('received_date', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('result_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('concluded_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaint_agency_idx').on('complaint').columns(['agency_id', 'received_date']).execute();
  await db.schema.createIndex('complaint_receiving_idx').on('complaint').column('receiving_agency_id').execute();

  await db.schema
    .createTable('complaint_step')
    .addColumn('id', serial, (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaint.id').onDelete('cascade'))
    .addColumn('step_date', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaint_step_complaint_idx').on('complaint_step').column('complaint_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('complaint_step').execute();
  await db.schema.dropTable('complaint').execute();
  await db.schema.dropTable('disclosure_case').execute();
}
