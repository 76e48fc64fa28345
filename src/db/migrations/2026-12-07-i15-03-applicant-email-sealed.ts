/**
 * Applicants' e-mail addresses encrypted at rest like their identity numbers and phones (issue
 * 15): `email_enc` holds the sealed address (src/modules/privacy/personal-data.ts), `email_masked`
 * what lists and the detail page show (c***@example.com). The plaintext column `email` stays for
 * the rows written before: a migration has no key, so the running key seals them right after the
 * migrations, before anything is served (sealLegacyEmails in src/modules/privacy/email-sealing.ts)
 * and empties the plaintext. Portable DDL. Frozen once landed (STYLE.md rule 10).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('application')
    .addColumn('email_enc', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('application')
    .addColumn('email_masked', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('application').dropColumn('email_masked').execute();
  await db.schema.alterTable('application').dropColumn('email_enc').execute();
}
