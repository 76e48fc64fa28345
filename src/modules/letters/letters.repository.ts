/** SQL of agencies' letter templates (overrides of the defaults). */
import type { DbOrTx } from '../../db/database.ts';

export interface TemplateOverride {
  key: string;
  title: string;
  recipient: string;
  body: string;
  updatedAt: string;
  updatedBy: string;
}

export async function findOverrides(db: DbOrTx, agencyId: string): Promise<TemplateOverride[]> {
  const rows = await db.selectFrom('letter_template').selectAll().where('agency_id', '=', agencyId).execute();
  return rows.map((r) => ({
    key: r.key,
    title: r.title,
    recipient: r.recipient,
    body: r.body,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

/** Inserts or replaces the agency's wording of one template (one upsert on both databases). */
export async function saveOverride(db: DbOrTx, agencyId: string, o: TemplateOverride): Promise<void> {
  const values = {
    title: o.title,
    recipient: o.recipient,
    body: o.body,
    updated_at: o.updatedAt,
    updated_by: o.updatedBy,
  };
  await db
    .insertInto('letter_template')
    .values({ agency_id: agencyId, key: o.key, ...values })
    .onConflict((oc) => oc.columns(['agency_id', 'key']).doUpdateSet(values))
    .execute();
}

export async function deleteOverride(db: DbOrTx, agencyId: string, key: string): Promise<number> {
  const r = await db
    .deleteFrom('letter_template')
    .where('agency_id', '=', agencyId)
    .where('key', '=', key)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
