/**
 * Drill-down from a statistic or a scorecard indicator to the records it counted: the same
 * conditions as the statistics, listed with a link to each record in the console.
 */
import type { Db } from '../../db/database.ts';
import { isOutcomeKey } from '../../domain/clock/outcomes.ts';
import { ValidationError } from '../../domain/errors.ts';
import { parsePeriod, type Period, type PeriodInput } from '../../domain/supervision/period.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { canSeeAgency } from '../../policies/can.ts';
import * as agencies from '../agencies/agencies.repository.ts';
import {
  APPLICATION_METRICS,
  CASE_METRICS,
  CATALOG_METRICS,
  applicationRecords,
  caseRecords,
  catalogRecords,
  type RecordRow,
} from './records.repository.ts';
import { resolveSubtree } from './subtree.ts';

export const RECORD_METRICS = [...APPLICATION_METRICS, ...CATALOG_METRICS, ...CASE_METRICS] as const;

export interface DrillDown {
  agency: { id: string; name: string };
  metric: string;
  period: Period;
  total: number;
  items: Array<RecordRow & { agencyName: string; link: string }>;
}

/** Where the console shows a record. */
export function recordLink(r: Pick<RecordRow, 'kind' | 'id' | 'agencyId'>): string {
  const q = `?agency=${encodeURIComponent(r.agencyId)}`;
  if (r.kind === 'application') return `/admin/applications/${encodeURIComponent(r.id)}${q}`;
  if (r.kind === 'catalog') return `/admin/catalog/${encodeURIComponent(r.id)}${q}`;
  return `/admin/cases${q}`;
}

/** Which family a metric belongs to, or null when it is not one. */
export function metricFamily(metric: string): 'application' | 'catalog' | 'case' | null {
  if ((APPLICATION_METRICS as readonly string[]).includes(metric)) return 'application';
  if (metric.startsWith('outcome:') && isOutcomeKey(metric.slice(8))) return 'application';
  if ((CATALOG_METRICS as readonly string[]).includes(metric)) return 'catalog';
  if ((CASE_METRICS as readonly string[]).includes(metric)) return 'case';
  return null;
}

/** Lists (up to `limit`) the records behind `metric` for one agency, or its whole subtree. */
export async function drillDown(
  db: Db,
  actor: Actor,
  input: { agencyId?: string; metric: string; scope?: 'own' | 'subtree'; period: PeriodInput; limit?: number },
  clock: Clock,
): Promise<DrillDown> {
  const family = metricFamily(input.metric);
  if (!family) throw new ValidationError({ metric: `统计项（metric）无效：${input.metric}` });
  const period = parsePeriod(input.period);
  const subtree = await resolveSubtree(db, actor, input.agencyId, 'supervision.read');
  const ids =
    input.scope === 'own'
      ? [subtree.root.id]
      : subtree.agencies.map((a) => a.id).filter((id) => canSeeAgency(actor, id));
  const w = {
    from: period.from,
    to: period.to,
    today: shanghaiDate(clock.now()),
    limit: Math.min(input.limit ?? 200, 1000),
  };
  const found =
    family === 'application'
      ? await applicationRecords(db, ids, input.metric, w)
      : family === 'catalog'
        ? await catalogRecords(db, ids, input.metric, w)
        : await caseRecords(db, ids, input.metric, w);
  const names = new Map(
    (await agencies.findByIds(db, [...new Set(found.rows.map((r) => r.agencyId))])).map((a) => [a.id, a.name]),
  );
  return {
    agency: { id: subtree.root.id, name: subtree.root.name },
    metric: input.metric,
    period,
    total: found.total,
    items: found.rows.map((r) => ({ ...r, agencyName: names.get(r.agencyId) ?? '', link: recordLink(r) })),
  };
}
