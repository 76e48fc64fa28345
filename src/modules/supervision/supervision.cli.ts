/**
 * What `gongkai report --aggregate` and `gongkai scorecard` do, as plain functions: resolve the
 * subtree root by name or code and run the supervision services as the system actor.
 */
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../domain/time.ts';
import { systemActor } from '../../policies/actor.ts';
import type { ExportedFile } from '../reports/export/index.ts';
import { agencyByKey } from '../reports/reports.service.ts';
import { aggregateOfSubtree, exportAggregate, type AggregateFormat } from './aggregate.service.ts';
import { subtreeScorecard } from './scorecard.service.ts';
import { scorecardXlsx } from './scorecard.xlsx.ts';

/** The aggregate report of the agency's subtree, in one format. */
export async function cliAggregate(
  db: Db,
  clock: Clock,
  options: { agency: string; year: number; format: AggregateFormat },
): Promise<ExportedFile> {
  const agency = await agencyByKey(db, options.agency);
  const a = await aggregateOfSubtree(db, systemActor('命令行'), { rootId: agency.id, year: options.year }, clock);
  return exportAggregate(a, options.format);
}

/**
 * The scorecard of the agency's subtree: JSON (the indicator set used; per agency the total, the
 * rank and each indicator's points, maximum and evidence count) or the workbook.
 */
export async function cliScorecard(
  db: Db,
  clock: Clock,
  options: { agency: string; year: number; format: 'json' | 'xlsx' },
): Promise<Buffer> {
  const agency = await agencyByKey(db, options.agency);
  const card = await subtreeScorecard(db, systemActor('命令行'), { rootId: agency.id, year: options.year }, clock);
  if (options.format === 'xlsx') return scorecardXlsx(card);
  const json = {
    schema: 'gongkai.scorecard/1',
    root: card.root,
    year: card.year,
    indicatorSet: card.set,
    agencies: card.agencies.map((a) => ({
      agency: { name: a.agency.name, level: a.agency.level },
      total: a.total,
      rank: a.rank,
      indicators: a.indicators.map((i) => ({
        key: i.key,
        points: i.points,
        max: i.max,
        value: i.value,
        evidenceCount: i.evidenceCount,
      })),
    })),
  };
  return Buffer.from(`${JSON.stringify(json, null, 2)}\n`, 'utf8');
}
