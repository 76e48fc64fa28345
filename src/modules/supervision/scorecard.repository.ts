/** Saved versions of the scorecard's indicator sets, per subtree root and year. */
import type { DbOrTx } from '../../db/database.ts';
import type { ScorecardSetTable } from '../../db/tables/scorecard.ts';
import type { Indicator } from '../../domain/supervision/scorecard.ts';

export interface SavedSet {
  id: string;
  rootAgencyId: string;
  year: number;
  version: number;
  name: string;
  indicators: Indicator[];
  note: string;
  createdByName: string;
  createdAt: string;
}

function toSet(r: ScorecardSetTable): SavedSet {
  return {
    id: r.id,
    rootAgencyId: r.root_agency_id,
    year: Number(r.year),
    version: Number(r.version),
    name: r.name,
    indicators: JSON.parse(r.indicators_json) as Indicator[],
    note: r.note,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  };
}

/** Every version for (root, year), oldest first. */
export async function listVersions(db: DbOrTx, rootAgencyId: string, year: number): Promise<SavedSet[]> {
  const rows = await db
    .selectFrom('scorecard_set')
    .selectAll()
    .where('root_agency_id', '=', rootAgencyId)
    .where('year', '=', year)
    .orderBy('version')
    .execute();
  return rows.map(toSet);
}

/** The newest version for (root, year), if any. */
export async function latestVersion(db: DbOrTx, rootAgencyId: string, year: number): Promise<SavedSet | null> {
  const row = await db
    .selectFrom('scorecard_set')
    .selectAll()
    .where('root_agency_id', '=', rootAgencyId)
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toSet(row) : null;
}

export async function insertVersion(db: DbOrTx, s: SavedSet & { createdBy: string | null }): Promise<void> {
  await db
    .insertInto('scorecard_set')
    .values({
      id: s.id,
      root_agency_id: s.rootAgencyId,
      year: s.year,
      version: s.version,
      name: s.name,
      indicators_json: JSON.stringify(s.indicators),
      note: s.note,
      created_by: s.createdBy,
      created_by_name: s.createdByName,
      created_at: s.createdAt,
    })
    .execute();
}
