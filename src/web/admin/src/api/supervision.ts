/**
 * The supervision endpoints of the JSON API (src/modules/supervision/supervision.routes.ts). The
 * types are the server's schemas (src/modules/supervision/supervision.schemas.ts), never copies.
 */
import type { Static } from 'typebox';
import type {
  IndicatorSetBody,
  IndicatorSetsSchema,
  RecordsSchema,
  SavedSetSchema,
  ScorecardSchema,
  StatisticsSchema,
} from '../../../../modules/supervision/supervision.schemas.ts';
import { request, type Query } from './client.ts';

export interface PeriodQuery {
  year?: string;
  quarter?: string;
  month?: string;
  from?: string;
  to?: string;
}

export type SubtreeStatistics = Static<typeof StatisticsSchema>;
export type AgencyStatistics = SubtreeStatistics['agencies'][number];
export type ReportRollup = SubtreeStatistics['reports'];
export type Figures = SubtreeStatistics['total'];
export type DrillDown = Static<typeof RecordsSchema>;
export type Scorecard = Static<typeof ScorecardSchema>;
export type IndicatorSets = Static<typeof IndicatorSetsSchema>;
export type SetInForce = Static<typeof SavedSetSchema>;
export type IndicatorSetInput = Static<typeof IndicatorSetBody>;
export type Indicator = SetInForce['indicators'][number];

const q = (agencyId: string, period: PeriodQuery): Query => ({ agencyId, ...period });

export const supervisionApi = {
  statistics: (agencyId: string, period: PeriodQuery, signal?: AbortSignal) =>
    request<SubtreeStatistics>('GET', '/supervision/statistics', { query: q(agencyId, period), signal }),
  records: (agencyId: string, metric: string, scope: 'own' | 'subtree', period: PeriodQuery, signal?: AbortSignal) =>
    request<DrillDown>('GET', '/supervision/records', { query: { ...q(agencyId, period), metric, scope }, signal }),
  scorecard: (agencyId: string, year: string, signal?: AbortSignal) =>
    request<Scorecard>('GET', '/supervision/scorecard', { query: { agencyId, year }, signal }),
  indicators: (agencyId: string, year: string, signal?: AbortSignal) =>
    request<IndicatorSets>('GET', '/supervision/scorecard/indicators', { query: { agencyId, year }, signal }),
  saveIndicators: (agencyId: string, year: string, body: IndicatorSetInput) =>
    request<SetInForce>('PUT', '/supervision/scorecard/indicators', { query: { agencyId, year }, body }),
  /** Download links (the browser sends the session cookie). */
  statisticsXlsxUrl: (agencyId: string, period: PeriodQuery) =>
    `/api/v1/supervision/statistics.xlsx?${new URLSearchParams({ agencyId, ...period } as Record<string, string>)}`,
  scorecardXlsxUrl: (agencyId: string, year: string) =>
    `/api/v1/supervision/scorecard.xlsx?${new URLSearchParams({ agencyId, year })}`,
  aggregateUrl: (agencyId: string, year: string, format: string) =>
    `/api/v1/supervision/aggregate/export?${new URLSearchParams({ agencyId, year, format })}`,
};
