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

/** The agency's 救济途径 setting (blank fields: derived). */
export interface RemedySetting {
  reviewOrgan: string;
  court: string;
  updatedAt: string;
  updatedBy: string;
}

export async function findRemedySetting(db: DbOrTx, agencyId: string): Promise<RemedySetting | null> {
  const r = await db.selectFrom('agency_remedy').selectAll().where('agency_id', '=', agencyId).executeTakeFirst();
  return r ? { reviewOrgan: r.review_organ, court: r.court, updatedAt: r.updated_at, updatedBy: r.updated_by } : null;
}

export async function saveRemedySetting(db: DbOrTx, agencyId: string, s: RemedySetting): Promise<void> {
  const values = { review_organ: s.reviewOrgan, court: s.court, updated_at: s.updatedAt, updated_by: s.updatedBy };
  await db
    .insertInto('agency_remedy')
    .values({ agency_id: agencyId, ...values })
    .onConflict((oc) => oc.column('agency_id').doUpdateSet(values))
    .execute();
}
