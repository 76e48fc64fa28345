import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database.ts';
import type { AgencyTable } from '../../db/tables/foundation.ts';
import type { AgencyFields, AgencyLevel } from '../../domain/agency.ts';

export interface Agency extends AgencyFields {
  id: string;
  createdAt: string;
  updatedAt: string;
}

function toAgency(r: AgencyTable): Agency {
  return {
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    shortName: r.short_name,
    code: r.code,
    level: r.level as AgencyLevel,
    makesRules: r.makes_rules === 1,
    contact: {
      address: r.contact_address,
      postcode: r.contact_postcode,
      hours: r.contact_hours,
      phone: r.contact_phone,
      fax: r.contact_fax,
      email: r.contact_email,
    },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRow(a: AgencyFields) {
  return {
    parent_id: a.parentId,
    name: a.name,
    short_name: a.shortName,
    code: a.code,
    level: a.level,
    makes_rules: a.makesRules ? 1 : 0,
    contact_address: a.contact.address,
    contact_postcode: a.contact.postcode,
    contact_hours: a.contact.hours,
    contact_phone: a.contact.phone,
    contact_fax: a.contact.fax,
    contact_email: a.contact.email,
  };
}

export async function findAll(db: DbOrTx): Promise<Agency[]> {
  const rows = await db.selectFrom('agency').selectAll().orderBy('name').execute();
  return rows.map(toAgency);
}

export async function findByIds(db: DbOrTx, ids: readonly string[]): Promise<Agency[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('agency')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('name')
    .execute();
  return rows.map(toAgency);
}

export async function findById(db: DbOrTx, id: string): Promise<Agency | null> {
  const row = await db.selectFrom('agency').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAgency(row) : null;
}

/** By code, or by full name (the CLI's `--agency NAME_OR_CODE`). */
export async function findByCodeOrName(db: DbOrTx, key: string): Promise<Agency | null> {
  // Two look-ups rather than `code = ? or name = ?`, which scans every agency on each portal page.
  const row =
    (await db.selectFrom('agency').selectAll().where('code', '=', key).executeTakeFirst()) ??
    (await db.selectFrom('agency').selectAll().where('name', '=', key).executeTakeFirst());
  return row ? toAgency(row) : null;
}

export async function findChildren(db: DbOrTx, parentId: string): Promise<Agency[]> {
  const rows = await db.selectFrom('agency').selectAll().where('parent_id', '=', parentId).orderBy('name').execute();
  return rows.map(toAgency);
}

export async function findRoots(db: DbOrTx): Promise<Agency[]> {
  const rows = await db.selectFrom('agency').selectAll().where('parent_id', 'is', null).orderBy('name').execute();
  return rows.map(toAgency);
}

/** A subtree as a list (the roots first, then level by level) and as a set. */
interface Subtree {
  list: readonly string[];
  set: ReadonlySet<string>;
  /** It holds every agency on the platform. */
  everyAgency: boolean;
}

/** The agency tree as parent → children, with the version it was read at and the subtrees asked for since. */
interface Tree {
  version: number;
  ids: Set<string>;
  children: Map<string | null, string[]>;
  subtrees: Map<string, Subtree>;
}

/** Subtrees kept per tree (a supervisor asks for the same few on every request); beyond, the memo starts afresh. */
const SUBTREES_KEPT = 256;

/**
 * The tree per database handle. A supervisor's every request asks for a subtree (its reach, its
 * inbox), and the recursive query costs about 14 ms over 5,000 agencies; the tree in memory
 * answers in well under a millisecond, and the same subtree again without allocating. It is one
 * entry per handle (a few MB for 50,000 agencies), checked against agency_tree_version on each
 * use: triggers raise the version on every insert, delete and move of an agency, on any node, so
 * a change is seen by the next request.
 */
const trees = new WeakMap<object, Tree>();

async function treeVersion(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('agency_tree_version')
    .select('version')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.version);
}

async function cachedTree(db: DbOrTx): Promise<Tree> {
  // The version is read before the tree: a change committed in between makes the cached tree newer
  // than its version, which only costs one more rebuild, never a stale answer.
  const version = await treeVersion(db);
  const hit = trees.get(db);
  if (hit && hit.version === version) return hit;
  const rows = await db.selectFrom('agency').select(['id', 'parent_id']).execute();
  const children = new Map<string | null, string[]>();
  for (const r of rows) {
    const list = children.get(r.parent_id);
    if (list) list.push(r.id);
    else children.set(r.parent_id, [r.id]);
  }
  const tree = { version, ids: new Set(rows.map((r) => r.id)), children, subtrees: new Map<string, Subtree>() };
  trees.set(db, tree);
  return tree;
}

function subtreeIn(tree: Tree, rootIds: readonly string[]): Subtree {
  const key = rootIds.join('\n');
  const hit = tree.subtrees.get(key);
  if (hit) return hit;
  const seen = new Set<string>();
  const list: string[] = [];
  const queue = rootIds.filter((id) => tree.ids.has(id));
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    if (seen.has(id)) continue;
    seen.add(id);
    list.push(id);
    for (const child of tree.children.get(id) ?? []) queue.push(child);
  }
  const subtree = { list, set: seen, everyAgency: list.length === tree.ids.size };
  if (tree.subtrees.size >= SUBTREES_KEPT) tree.subtrees.clear();
  tree.subtrees.set(key, subtree);
  return subtree;
}

/**
 * Ids of the given agencies (those that exist) and all their descendants. Outside a transaction
 * from the tree in memory (cachedTree), shared between callers: never change the list; inside
 * one, where the transaction may have changed the tree itself, by a recursive CTE (the same SQL
 * on both dialects).
 */
export async function subtreeIds(db: DbOrTx, rootIds: readonly string[]): Promise<readonly string[]> {
  if (rootIds.length === 0) return [];
  if (db.isTransaction) return subtreeIdsBySql(db, rootIds);
  return subtreeIn(await cachedTree(db), rootIds).list;
}

/**
 * The same agencies as subtreeIds, and whether they are every agency on the platform (a list for
 * the whole platform needs no agency condition at all). Inside a transaction `everyAgency` is false.
 */
export async function subtreeOf(
  db: DbOrTx,
  rootIds: readonly string[],
): Promise<{ ids: readonly string[]; everyAgency: boolean }> {
  if (rootIds.length === 0) return { ids: [], everyAgency: false };
  if (db.isTransaction) return { ids: await subtreeIdsBySql(db, rootIds), everyAgency: false };
  const { list, everyAgency } = subtreeIn(await cachedTree(db), rootIds);
  return { ids: list, everyAgency };
}

/** The same agencies as subtreeIds, as a set (shared between callers outside a transaction). */
export async function subtreeSet(db: DbOrTx, rootIds: readonly string[]): Promise<ReadonlySet<string>> {
  if (rootIds.length === 0) return new Set();
  if (db.isTransaction) return new Set(await subtreeIdsBySql(db, rootIds));
  return subtreeIn(await cachedTree(db), rootIds).set;
}

async function subtreeIdsBySql(db: DbOrTx, rootIds: readonly string[]): Promise<string[]> {
  const roots = sql.join(rootIds.map((id) => sql`${id}`));
  const result = await sql<{ id: string }>`
    with recursive sub(id) as (
      select id from agency where id in (${roots})
      union
      select a.id from agency a join sub on a.parent_id = sub.id
    )
    select id from sub`.execute(db);
  return result.rows.map((r) => r.id);
}

export async function countAgencies(db: DbOrTx): Promise<number> {
  const row = await db
    .selectFrom('agency')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function codeTaken(db: DbOrTx, code: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('agency').select('id').where('code', '=', code);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertAgency(db: DbOrTx, id: string, a: AgencyFields, now: string): Promise<Agency> {
  await db
    .insertInto('agency')
    .values({ id, ...toRow(a), created_at: now, updated_at: now })
    .execute();
  return (await findById(db, id))!;
}

/** Bulk insert of complete rows (synthetic data), in chunks the drivers accept. */
export async function insertAgencyRows(db: DbOrTx, rows: readonly AgencyTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('agency')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function updateAgency(db: DbOrTx, id: string, a: AgencyFields, now: string): Promise<Agency> {
  await db
    .updateTable('agency')
    .set({ ...toRow(a), updated_at: now })
    .where('id', '=', id)
    .execute();
  return (await findById(db, id))!;
}
