import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { migrations } from '../../db/migrations/index.ts';
import { inboxKey } from './applications.repository.ts';

const INBOX_ORDER = '2026-11-28-06-inbox-order';

describeEachDialect('migration 2026-11-28-06: the inbox key of existing applications', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect, { migrate: false });
    // The schema as it was before the migration, with applications in it.
    const schema =
      dialect === 'postgres'
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]!.s
        : undefined;
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < INBOX_ORDER));
    const migrator = new Migrator({
      db: t.db,
      ...(schema ? { migrationTableSchema: schema } : {}),
      provider: { getMigrations: async () => before },
      migrationTableName: 'schema_migration',
      migrationLockTableName: 'schema_migration_lock',
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await sql`insert into agency (id, parent_id, name, short_name, code, level, makes_rules, contact_address, contact_postcode, contact_hours, contact_phone, contact_fax, contact_email, created_at, updated_at)
      values ('a', null, '某局', '某局', 'a', 'department', 0, '', '', '', '', '', '', '2025-01-01', '2025-01-01')`.execute(
      t.db,
    );
    const rows: Array<[string, string, string | null]> = [
      ['r1', 'running', '2025-03-31'],
      ['r2', 'awaitingConfirmation', null],
      ['r3', 'closed', '2025-02-28'],
      ['r4', 'correction', '2025-04-30'],
    ];
    for (const [id, state, due] of rows) {
      await sql`insert into application (id, agency_id, kind, tracking_number, year, seq, query_code_hash, channel, arrival_date, state, reply_due, applicant_kind, id_doc_type, id_number_enc, id_number_hash, id_number_masked, phone_enc, phone_masked, address_enc, address_masked, created_at, updated_at)
        values (${id}, 'a', 'disclosure', ${id}, 2025, 1, 'h', 'in-person', '2025-02-01', ${state}, ${due}, 'natural_person', 'resident_id', '', '', '', '', '', '', '', '2025-02-01T00:00:00Z', '2025-02-01T00:00:00Z')`.execute(
        t.db,
      );
    }
    await migrateToLatest(t.db);
  });
  afterAll(async () => t.destroy());

  it('fills inbox_key from state and reply_due exactly as inboxKey does', async () => {
    const rows = await t.db
      .selectFrom('application')
      .select(['id', 'state', 'reply_due', 'inbox_key'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.inbox_key)).toEqual(['02025-03-31', '09999-12-31', '12025-02-28', '02025-04-30']);
    for (const r of rows) expect(r.inbox_key).toBe(inboxKey(r.state, r.reply_due));
  });

  it('starts the agency tree version, which the triggers raise from then on', async () => {
    const version = async () =>
      Number((await t.db.selectFrom('agency_tree_version').select('version').executeTakeFirstOrThrow()).version);
    expect(await version()).toBe(0);
    await sql`insert into agency (id, parent_id, name, short_name, code, level, makes_rules, contact_address, contact_postcode, contact_hours, contact_phone, contact_fax, contact_email, created_at, updated_at)
      values ('b', 'a', '某科', '某科', 'b', 'department', 0, '', '', '', '', '', '', '2025-01-01', '2025-01-01')`.execute(
      t.db,
    );
    expect(await version()).toBe(1);
  });
});
