import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, describeEachDialect, type TestDb } from '../../../test/support/db.ts';
import type { AgencyFields } from '../../domain/agency.ts';
import { findById, insertAgency, subtreeIds, subtreeOf, subtreeSet, updateAgency } from './agencies.repository.ts';

const contact = { address: '', postcode: '', hours: '', phone: '', fax: '', email: '' };
const fields = (code: string, parentId: string | null, level: AgencyFields['level']): AgencyFields => ({
  parentId,
  name: `机构${code}`,
  shortName: code,
  code,
  level,
  makesRules: false,
  contact,
});
const NOW = '2025-01-01T00:00:00.000Z';

/** The same subtree read by the recursive query (inside a transaction subtreeIds never uses the cache). */
const bySql = async (t: TestDb, roots: string[]) => [
  ...(await t.db.transaction().execute((tx) => subtreeIds(tx, roots))),
];
/** A subtree as a sorted list (the order of the ids is not part of the answer). */
const subtree = async (t: TestDb, roots: string[]) => [...(await subtreeIds(t.db, roots))].sort();
const version = async (t: TestDb) =>
  Number((await t.db.selectFrom('agency_tree_version').select('version').executeTakeFirstOrThrow()).version);

describeEachDialect('agency subtrees from the cached tree', (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
    await insertAgency(t.db, 'p', fields('p', null, 'province'), NOW);
    await insertAgency(t.db, 'c1', fields('c1', 'p', 'city'), NOW);
    await insertAgency(t.db, 'c2', fields('c2', 'p', 'city'), NOW);
    await insertAgency(t.db, 'x1', fields('x1', 'c1', 'county'), NOW);
    await insertAgency(t.db, 'd1', fields('d1', 'x1', 'department'), NOW);
    await insertAgency(t.db, 'd2', fields('d2', 'c2', 'department'), NOW);
  });
  afterAll(async () => t.destroy());

  it('answers like the recursive query: the roots that exist and their descendants, each once', async () => {
    for (const roots of [['p'], ['c1'], ['d1'], ['c1', 'x1'], ['nope'], ['c2', 'nope', 'c1']]) {
      expect(await subtree(t, roots)).toEqual((await bySql(t, roots)).sort());
      expect([...(await subtreeSet(t.db, roots))].sort()).toEqual((await bySql(t, roots)).sort());
    }
    expect(await subtree(t, ['c1'])).toEqual(['c1', 'd1', 'x1']);
    expect(await subtreeIds(t.db, [])).toEqual([]);
    expect((await subtreeOf(t.db, ['p'])).everyAgency).toBe(true);
    expect((await subtreeOf(t.db, ['c1', 'c2'])).everyAgency).toBe(false);
    expect((await t.db.transaction().execute((tx) => subtreeOf(tx, ['p']))).everyAgency).toBe(false);
  });

  it('sees a move, a new agency and a deletion at once, and only they raise the version', async () => {
    expect(await subtree(t, ['c2'])).toEqual(['c2', 'd2']);
    const before = await version(t);
    // Renaming is not a change of the tree.
    await updateAgency(t.db, 'x1', { ...fields('x1', 'c1', 'county'), name: '改名的县' }, NOW);
    expect(await version(t)).toBe(before);
    // The same instant as before: the version, not a timestamp, tells the cache.
    await updateAgency(t.db, 'x1', fields('x1', 'c2', 'county'), NOW);
    expect(await version(t)).toBe(before + 1);
    expect(await subtree(t, ['c2'])).toEqual(['c2', 'd1', 'd2', 'x1']);
    expect(await subtree(t, ['c1'])).toEqual(['c1']);
    await insertAgency(t.db, 'd3', fields('d3', 'c1', 'department'), NOW);
    expect(await subtree(t, ['c1'])).toEqual(['c1', 'd3']);
    await sql`delete from agency where id = 'd3'`.execute(t.db);
    expect(await subtree(t, ['c1'])).toEqual(['c1']);
    expect(await version(t)).toBe(before + 3);
    expect((await findById(t.db, 'x1'))!.parentId).toBe('c2');
  });

  it('a transaction sees its own uncommitted move; the cache never keeps one rolled back', async () => {
    await t.db
      .transaction()
      .execute(async (tx) => {
        await updateAgency(tx, 'x1', fields('x1', 'c1', 'county'), NOW);
        expect([...(await subtreeIds(tx, ['c1']))].sort()).toEqual(['c1', 'd1', 'x1']);
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await subtree(t, ['c1'])).toEqual(['c1']);
    expect(await subtree(t, ['c2'])).toEqual(['c2', 'd1', 'd2', 'x1']);
    expect([...(await subtreeSet(t.db, ['c2']))].sort()).toEqual(['c2', 'd1', 'd2', 'x1']);
  });
});
