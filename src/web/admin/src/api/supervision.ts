/** The supervision endpoints of the JSON API (src/modules/supervision/supervision.routes.ts). */
import type { Indicator } from '../../../../domain/supervision/scorecard.ts';
import type { AdditiveStats, DerivedStats } from '../../../../domain/supervision/statistics.ts';
import { request, type Query } from './client.ts';

export type { Indicator };
export type Figures = AdditiveStats & { derived: DerivedStats };

export interface PeriodQuery {
  year?: string;
  quarter?: string;
  month?: string;
  from?: string;
  to?: string;
}

export interface ReportRollup {
  agencies: number;
  published: number;
  publishedLate: number;
  overdue: number;
  draft: number;
  withErrors: number;
}

export interface AgencyStatistics {
  agency: { id: string; name: string; shortName: string; level: string; parentId: string | null; depth: number };
  own: Figures;
  subtree: Figures;
  report: {
    year: number;
    deadline: string;
    status: string | null;
    state: 'published' | 'year_not_ended' | 'not_due' | 'due_soon' | 'overdue';
    publishedOn: string | null;
    late: boolean;
    version: number;
    errors: number;
    warnings: number;
    rules: string[];
  };
  reports: ReportRollup;
}

export interface SubtreeStatistics {
  root: { id: string; name: string };
  period: { from: string; to: string; label: string; year: number };
  today: string;
  total: Figures;
  reports: ReportRollup;
  months: Array<{ month: string; received: number; closed: number; closedLate: number }>;
  agencies: AgencyStatistics[];
}

export interface DrillDown {
  agency: { id: string; name: string };
  metric: string;
  total: number;
  items: Array<{
    kind: string;
    id: string;
    agencyId: string;
    agencyName: string;
    reference: string;
    title: string;
    date: string | null;
    due: string | null;
    state: string;
    link: string;
  }>;
}

export interface SetInForce {
  name: string;
  indicators: Indicator[];
  version: number;
  savedBy: string | null;
  savedAt: string | null;
  note: string;
}

export interface Scorecard {
  root: { id: string; name: string };
  year: number;
  set: SetInForce;
  agencies: Array<{
    agency: { id: string; name: string; level: string; depth: number };
    total: number;
    rank: number;
    indicators: Array<{
      key: string;
      points: number;
      max: number;
      value: number | null;
      evidenceCount: number;
      evidenceMetric: string | null;
      evidenceLink: string | null;
      advice: string;
    }>;
  }>;
}

export interface IndicatorSets {
  current: SetInForce;
  versions: Array<{ version: number; name: string; note: string; savedBy: string; savedAt: string }>;
  metrics: Record<string, string>;
}

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
  saveIndicators: (agencyId: string, year: string, body: { name: string; indicators: Indicator[]; note: string }) =>
    request<SetInForce>('PUT', '/supervision/scorecard/indicators', { query: { agencyId, year }, body }),
  /** Download links (the browser sends the session cookie). */
  statisticsXlsxUrl: (agencyId: string, period: PeriodQuery) =>
    `/api/v1/supervision/statistics.xlsx?${new URLSearchParams({ agencyId, ...period } as Record<string, string>)}`,
  scorecardXlsxUrl: (agencyId: string, year: string) =>
    `/api/v1/supervision/scorecard.xlsx?${new URLSearchParams({ agencyId, year })}`,
  aggregateUrl: (agencyId: string, year: string, format: string) =>
    `/api/v1/supervision/aggregate/export?${new URLSearchParams({ agencyId, year, format })}`,
};
