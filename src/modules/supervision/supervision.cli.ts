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
