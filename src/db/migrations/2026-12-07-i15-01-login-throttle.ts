/**
 * Login throttling (issue 15): failed sign-ins counted per (username, address), per username and
 * per address, in the database so every app node sees the same counts. The username is stored
 * only as a sha256 (whatever was typed, known or not: a password typed into the username field
 * must not be kept). Portable DDL. Frozen once landed (STYLE.md rule 10).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull()) // 'user_address' | 'user' | 'address'
    .addColumn('username_hash', 'text')
    .addColumn('address', 'text')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lockouts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('blocked_until', 'text')
    .addColumn('trusted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_throttle_username').on('login_throttle').column('username_hash').execute();
  await db.schema.createIndex('login_throttle_updated').on('login_throttle').column('updated_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_throttle').execute();
}
