/**
 * 三员分立 (issue 15): granting roles and resetting passwords through the console wait for the
 * 安全保密管理员's approval. One row per requested change, kept after it is decided (who asked,
 * who decided, when). Portable DDL; roles and reach as JSON text. Frozen once landed.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('account_change')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // 'grant' | 'password_reset'
    .addColumn('roles', 'text') // JSON: the roles the account will hold (grant)
    .addColumn('reach', 'text') // JSON: supervisor reach (grant)
    .addColumn('new_account', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull()) // 'pending' | 'approved' | 'rejected' | 'superseded'
    .addColumn('requested_by', 'text')
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('account_change_status')
    .on('account_change')
    .columns(['status', 'requested_at'])
    .execute();
  await db.schema.createIndex('account_change_user').on('account_change').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('account_change').execute();
}
