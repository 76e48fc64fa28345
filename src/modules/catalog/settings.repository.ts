/** Agency categories (第二十二条) and the column's settings (索引号 scheme, 指南, 制度). */
import type { DbOrTx } from '../../db/database.ts';
import type { CatalogSettingsTable } from '../../db/tables/catalog.ts';
import type { AgencyCategory } from '../../domain/catalog/index.ts';

export async function listCategories(db: DbOrTx, agencyIds: readonly string[]): Promise<AgencyCategory[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('catalog_category')
    .selectAll()
    .where('agency_id', 'in', agencyIds)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agency_id,
    name: r.name,
    statutoryItem: r.statutory_item,
    sortOrder: r.sort_order,
  }));
}

export async function insertCategory(db: DbOrTx, c: AgencyCategory, now: string): Promise<void> {
  await db
    .insertInto('catalog_category')
    .values({
      id: c.id,
      agency_id: c.agencyId,
      name: c.name,
      statutory_item: c.statutoryItem,
      sort_order: c.sortOrder,
      created_at: now,
    })
    .execute();
}

export async function updateCategory(db: DbOrTx, c: AgencyCategory): Promise<void> {
  await db
    .updateTable('catalog_category')
    .set({ name: c.name, statutory_item: c.statutoryItem, sort_order: c.sortOrder })
    .where('id', '=', c.id)
    .execute();
}

export interface SettingsRecord {
  agencyId: string;
  indexScheme: string;
  orgCode: string;
  guide: Record<string, string>;
  rulesHtml: string;
  updatedAt: string;
}

export async function findSettings(db: DbOrTx, agencyId: string): Promise<SettingsRecord | null> {
  const r = await db.selectFrom('catalog_settings').selectAll().where('agency_id', '=', agencyId).executeTakeFirst();
  return r
    ? {
        agencyId: r.agency_id,
        indexScheme: r.index_scheme,
        orgCode: r.org_code,
        guide: JSON.parse(r.guide_json) as Record<string, string>,
        rulesHtml: r.rules_html,
        updatedAt: r.updated_at,
      }
    : null;
}

export async function saveSettings(db: DbOrTx, row: CatalogSettingsTable): Promise<void> {
  const exists = await db
    .selectFrom('catalog_settings')
    .select('agency_id')
    .where('agency_id', '=', row.agency_id)
    .executeTakeFirst();
  if (exists) await db.updateTable('catalog_settings').set(row).where('agency_id', '=', row.agency_id).execute();
  else await db.insertInto('catalog_settings').values(row).execute();
}
