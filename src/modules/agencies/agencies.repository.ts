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
  const rows = await db.selectFrom('agency').selectAll().where('id', 'in', [...ids]).orderBy('name').execute();
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

/** Ids of the given agencies and all their descendants (a recursive CTE, same SQL on both dialects). */
export async function subtreeIds(db: DbOrTx, rootIds: readonly string[]): Promise<string[]> {
  if (rootIds.length === 0) return [];
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
  const row = await db.selectFrom('agency').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function codeTaken(db: DbOrTx, code: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('agency').select('id').where('code', '=', code);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertAgency(db: DbOrTx, id: string, a: AgencyFields, now: string): Promise<Agency> {
  await db.insertInto('agency').values({ id, ...toRow(a), created_at: now, updated_at: now }).execute();
  return (await findById(db, id))!;
}

export async function updateAgency(db: DbOrTx, id: string, a: AgencyFields, now: string): Promise<Agency> {
  await db.updateTable('agency').set({ ...toRow(a), updated_at: now }).where('id', '=', id).execute();
  return (await findById(db, id))!;
}
