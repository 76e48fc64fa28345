/**
 * Staff accounts get an e-mail address and a preference for reminder e-mails (issue 5 item 6:
 * the sweep tells the handler and the office head), and each reminder records, per recipient,
 * what became of its e-mail: queued in the outbox, or skipped because the account has no
 * address or opted out. Portable DDL. Frozen once landed (STYLE.md rule 10).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Plain text: a work address the mailer must read; lists show it masked (docs/security.md).
  await db.schema.alterTable('app_user').addColumn('email', 'text').execute();
  await db.schema
    .alterTable('app_user')
    .addColumn('reminder_email', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('application_reminder_recipient')
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    // queued | no_email | opted_out
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    // One row per reminder and recipient: the second sweep, or a second node, cannot add a second mail.
    .addPrimaryKeyConstraint('application_reminder_recipient_pk', ['application_id', 'key', 'user_id'])
    .addForeignKeyConstraint(
      'application_reminder_recipient_reminder_fk',
      ['application_id', 'key'],
      'application_reminder',
      ['application_id', 'key'],
    )
    .execute();
  await db.schema
    .createIndex('application_reminder_recipient_user_idx')
    .on('application_reminder_recipient')
    .columns(['user_id', 'recorded_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('application_reminder_recipient').execute();
  await db.schema.alterTable('app_user').dropColumn('reminder_email').execute();
  await db.schema.alterTable('app_user').dropColumn('email').execute();
}
