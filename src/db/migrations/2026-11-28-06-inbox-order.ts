/**
 * The inbox's order as a stored, indexed key, and a version of the agency tree (both for the
 * staff inbox; docs/benchmarks.md, 依申请公开).
 *
 * The inbox lists open applications first by reply due date, then the closed ones, newest first
 * on a tie. Sorting by the expression `case when state = 'closed' …, coalesce(reply_due, …)` made
 * every inbox query sort all its matches — 200,000 rows for a province-wide supervisor.
 * - application.inbox_key: '0' (open) or '1' (closed) followed by the reply due date, or
 *   '9999-12-31' when there is none (applications.repository.ts inboxKey; written with the
 *   other derived clock columns by derivedColumns in applications.clock.ts).
 * - application_inbox_agency_idx (agency_id, inbox_key, created_at desc, id desc, state,
 *   reply_due): one agency's inbox is a walk of this index.
 * - application_inbox_order_idx (inbox_key, created_at desc, id desc, agency_id, state,
 *   reply_due): the order of every application; an inbox over many agencies walks it and skips
 *   other agencies' rows inside the index, stopping after a page.
 * Both carry state and reply_due, so the state and due-date filters are answered from the index.
 *
 * A supervisor's every request needs the agencies under it (the actor's reach, the inbox's
 * agencies): a recursive query over the whole tree, 14 ms for 5,000 agencies on SQLite, twice a
 * request. agency_tree_version has one row whose version triggers raise on every insert,
 * delete and move of an agency, whoever writes it; agencies.repository.ts keeps the tree in
 * memory and rebuilds it when the version moved.
 *
 * Frozen once landed (STYLE.md rule 10).
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../connect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema
    .alterTable('application')
    .addColumn('inbox_key', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update application set inbox_key = case when state = 'closed' then '1' else '0' end || coalesce(reply_due, '9999-12-31')`.execute(
    db,
  );
  await sql`create index application_inbox_agency_idx on application (agency_id, inbox_key, created_at desc, id desc, state, reply_due)`.execute(
    db,
  );
  await sql`create index application_inbox_order_idx on application (inbox_key, created_at desc, id desc, agency_id, state, reply_due)`.execute(
    db,
  );

  await db.schema
    .createTable('agency_tree_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('version', pg ? 'bigint' : 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into agency_tree_version (id, version) values (1, 0)`.execute(db);
  if (pg) {
    await sql`create function agency_tree_changed() returns trigger language plpgsql as $$
      begin
        update agency_tree_version set version = version + 1 where id = 1;
        return null;
      end $$`.execute(db);
    await sql`create trigger agency_tree_insert_delete after insert or delete on agency for each statement execute function agency_tree_changed()`.execute(
      db,
    );
    await sql`create trigger agency_tree_move after update of parent_id on agency for each row when (old.parent_id is distinct from new.parent_id) execute function agency_tree_changed()`.execute(
      db,
    );
    await sql`analyze application`.execute(db);
  } else {
    await sql`create trigger agency_tree_insert after insert on agency begin update agency_tree_version set version = version + 1 where id = 1; end`.execute(
      db,
    );
    await sql`create trigger agency_tree_delete after delete on agency begin update agency_tree_version set version = version + 1 where id = 1; end`.execute(
      db,
    );
    await sql`create trigger agency_tree_move after update of parent_id on agency when old.parent_id is not new.parent_id begin update agency_tree_version set version = version + 1 where id = 1; end`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger agency_tree_move on agency`.execute(db);
    await sql`drop trigger agency_tree_insert_delete on agency`.execute(db);
    await sql`drop function agency_tree_changed()`.execute(db);
  } else {
    for (const t of ['agency_tree_insert', 'agency_tree_delete', 'agency_tree_move'])
      await sql`drop trigger ${sql.raw(t)}`.execute(db);
  }
  await db.schema.dropTable('agency_tree_version').execute();
  await db.schema.dropIndex('application_inbox_order_idx').execute();
  await db.schema.dropIndex('application_inbox_agency_idx').execute();
  await db.schema.alterTable('application').dropColumn('inbox_key').execute();
}
