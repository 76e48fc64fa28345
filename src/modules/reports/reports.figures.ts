/**
 * Where a report's figures come from: the catalog and power list (table 二, overview counts),
 * the applications (table 三) and the case register (table 四), each counted by its own module
 * for a set of agencies and a year. The service takes them as an explicit input, so the same
 * service function serves the API, the CLI, jobs and tests; figure-sources.ts binds the modules.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { Clock } from '../../domain/time.ts';
import type { ApplicationFigures, CaseFigures, CatalogFigures, ReportFigures } from '../../domain/report/index.ts';

export interface FigureSources {
  catalog(db: DbOrTx, agencyIds: readonly string[], year: number): Promise<CatalogFigures>;
  applications(db: DbOrTx, agencyIds: readonly string[], year: number): Promise<ApplicationFigures>;
  cases(db: DbOrTx, agencyIds: readonly string[], year: number): Promise<CaseFigures>;
  /**
   * For a people's government's own report draft: the 政务公开考核 results of its subtree
   * (第五十条第四项 「工作考核、社会评议和责任追究结果情况」), or null.
   */
  assessment?(db: DbOrTx, agencyId: string, year: number, clock: Clock): Promise<string | null>;
}

/** The three sources for the agencies and year, read together. */
export async function readFigures(
  db: DbOrTx,
  sources: FigureSources,
  agencyIds: readonly string[],
  year: number,
): Promise<ReportFigures> {
  const [catalog, applications, cases] = await Promise.all([
    sources.catalog(db, agencyIds, year),
    sources.applications(db, agencyIds, year),
    sources.cases(db, agencyIds, year),
  ]);
  return { catalog, applications, cases };
}
