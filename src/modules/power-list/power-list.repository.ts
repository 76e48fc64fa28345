/** 权责清单 figures and yearly amounts (第二十条（五）（六）（八）（九）). */
import type { DbOrTx } from '../../db/database.ts';
import type { PowerListKind } from '../../domain/catalog/index.ts';

export interface PowerListFigure {
  id: string;
  agencyId: string;
  year: number;
  kind: PowerListKind;
  itemCount: number | null;
  added: number | null;
  removed: number | null;
  decisions: number | null;
  source: string;
  updatedBy: string;
  updatedAt: string;
}

export interface YearAmount {
  agencyId: string;
  year: number;
  procurementProjects: number | null;
  procurementAmountYuan: string | null;
  feesCollectedWan: string | null;
  source: string;
  updatedBy: string;
  updatedAt: string;
}

export async function findFigures(
  db: DbOrTx,
  agencyIds: readonly string[],
  years: readonly number[],
): Promise<PowerListFigure[]> {
  if (agencyIds.length === 0 || years.length === 0) return [];
  const rows = await db
    .selectFrom('power_list_figure')
    .selectAll()
    .where('agency_id', 'in', agencyIds)
    .where('year', 'in', years)
    .orderBy('year')
    .orderBy('kind')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    agencyId: r.agency_id,
    year: r.year,
    kind: r.kind as PowerListKind,
    itemCount: r.item_count,
    added: r.added,
    removed: r.removed,
    decisions: r.decisions,
    source: r.source,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  }));
}

export async function upsertFigure(db: DbOrTx, f: PowerListFigure): Promise<void> {
  const row = {
    id: f.id,
    agency_id: f.agencyId,
    year: f.year,
    kind: f.kind,
    item_count: f.itemCount,
    added: f.added,
    removed: f.removed,
    decisions: f.decisions,
    source: f.source,
    updated_by: f.updatedBy,
    updated_at: f.updatedAt,
  };
  const exists = await db
    .selectFrom('power_list_figure')
    .select('id')
    .where('agency_id', '=', f.agencyId)
    .where('year', '=', f.year)
    .where('kind', '=', f.kind)
    .executeTakeFirst();
  if (exists)
    await db
      .updateTable('power_list_figure')
      .set({ ...row, id: exists.id })
      .where('id', '=', exists.id)
      .execute();
  else await db.insertInto('power_list_figure').values(row).execute();
}

export async function findAmounts(db: DbOrTx, agencyIds: readonly string[], year: number): Promise<YearAmount[]> {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('year_amount')
    .selectAll()
    .where('agency_id', 'in', agencyIds)
    .where('year', '=', year)
    .execute();
  return rows.map((r) => ({
    agencyId: r.agency_id,
    year: r.year,
    procurementProjects: r.procurement_projects,
    procurementAmountYuan: r.procurement_amount_yuan,
    feesCollectedWan: r.fees_collected_wan,
    source: r.source,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  }));
}

export async function upsertAmount(db: DbOrTx, a: YearAmount): Promise<void> {
  const row = {
    agency_id: a.agencyId,
    year: a.year,
    procurement_projects: a.procurementProjects,
    procurement_amount_yuan: a.procurementAmountYuan,
    fees_collected_wan: a.feesCollectedWan,
    source: a.source,
    updated_by: a.updatedBy,
    updated_at: a.updatedAt,
  };
  const exists = await db
    .selectFrom('year_amount')
    .select('year')
    .where('agency_id', '=', a.agencyId)
    .where('year', '=', a.year)
    .executeTakeFirst();
  if (exists)
    await db
      .updateTable('year_amount')
      .set(row)
      .where('agency_id', '=', a.agencyId)
      .where('year', '=', a.year)
      .execute();
  else await db.insertInto('year_amount').values(row).execute();
}
