/**
 * Accounts get a "must change password at next login" flag (issue 11: the administrators
 * `gongkai init` creates and passwords reset by `gongkai user reset-password`; issue 15: passwords
 * reset in the console). Existing accounts keep their passwords (default 0). Portable DDL.
 * Frozen once landed (STYLE.md rule 10).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('app_user')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('must_change_password').execute();
}
