/**
 * Figure sources for tests of the report service: per-agency figures held in memory and
 * summed for a set of agencies exactly as the modules' sources sum their records. The
 * service cannot tell them from the real ones (figure-sources.ts), which is the point.
 */
import {
  emptyApplicationFigures,
  emptyCaseFigures,
  emptyCatalogFigures,
  sumFigures,
  type ReportFigures,
} from '../../domain/report/index.ts';
import type { FigureSources } from './reports.figures.ts';

export class MemoryFigureSources implements FigureSources {
  private readonly byKey = new Map<string, ReportFigures>();

  set(agencyId: string, year: number, figures: ReportFigures): void {
    this.byKey.set(`${agencyId}/${year}`, structuredClone(figures));
  }

  private sum(agencyIds: readonly string[], year: number): ReportFigures {
    const list = agencyIds
      .map((id) => this.byKey.get(`${id}/${year}`))
      .filter((f): f is ReportFigures => f !== undefined);
    return sumFigures(list);
  }

  catalog = async (_db: unknown, ids: readonly string[], year: number) =>
    ids.length ? this.sum(ids, year).catalog : emptyCatalogFigures();
  applications = async (_db: unknown, ids: readonly string[], year: number) =>
    ids.length ? this.sum(ids, year).applications : emptyApplicationFigures();
  cases = async (_db: unknown, ids: readonly string[], year: number) =>
    ids.length ? this.sum(ids, year).cases : emptyCaseFigures();
}
