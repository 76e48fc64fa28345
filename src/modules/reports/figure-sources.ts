/**
 * The real figure sources: the catalog and power list (catalogFigures), the applications
 * (applicationFigures, feesCollected) and the case register (caseFigures), each counting its
 * own records per lifecycle.md. Adapted to the assembly's input by src/domain/report/from-sources.ts.
 */
import type { Db } from '../../db/database.ts';
import { applicationFiguresFromCounts, catalogFiguresFromCounts } from '../../domain/report/index.ts';
import { applicationFigures, feesCollected } from '../applications/applications.service.ts';
import { caseFigures } from '../cases/cases.service.ts';
import { catalogFigures } from '../catalog/figures.service.ts';
import { listCategories } from '../catalog/settings.repository.ts';
import { systemActor } from '../../policies/actor.ts';
import { assessmentParagraph, subtreeScorecard } from '../supervision/scorecard.service.ts';
import type { FigureSources } from './reports.figures.ts';

/** 信息处理费 are reported under 六 from the 2021 format on (国办函〔2020〕109号 took effect 2021). */
const FEES_FROM_YEAR = 2021;

export const moduleFigureSources: FigureSources = {
  async catalog(db, agencyIds, year) {
    const c = await catalogFigures(db, [...agencyIds], year);
    const figures = catalogFiguresFromCounts(c.table2, c.overview);
    // The overview lists categories in the agency's own column order (as a report reads), not by count.
    const order = (await listCategories(db, agencyIds)).map((x) => x.name);
    const rank = (name: string) =>
      (order.includes(name) ? order.indexOf(name) : order.length) + (/^其他/.test(name) ? 1e6 : 0);
    figures.published.categories.sort((a, b) => rank(a.name) - rank(b.name));
    return figures;
  },
  async applications(db, agencyIds, year) {
    // A transaction is a Kysely instance too: the services accept it where they say Db.
    const counts = await applicationFigures(db as Db, [...agencyIds], year);
    const fees = year >= FEES_FROM_YEAR ? await feesCollected(db as Db, [...agencyIds], year) : null;
    return applicationFiguresFromCounts(counts, fees);
  },
  cases: (db, agencyIds, year) => caseFigures(db, agencyIds, year),
  async assessment(db, agencyId, year, clock) {
    // The government's own draft reports on its whole subtree, whoever opens it.
    const card = await subtreeScorecard(db as Db, systemActor('年度报告'), { rootId: agencyId, year }, clock);
    return assessmentParagraph(card);
  },
};
