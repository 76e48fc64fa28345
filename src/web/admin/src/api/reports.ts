/** The annual report endpoints of the JSON API (src/modules/reports/reports.routes.ts). */
import type { AnnualReport } from '../../../../domain/report/annual-report.ts';
import type { Static } from 'typebox';
import type {
  AggregateSchema,
  ChangeSchema,
  FindingSchema,
  ListSchema,
  OverviewSchema,
  RecordSchema,
  SaveBody,
  VersionSchema,
  VersionSummarySchema,
  ViewSchema,
} from '../../../../modules/reports/reports.schemas.ts';
import { request } from './client.ts';

export type { AnnualReport };

export type ReportRecord = Static<typeof RecordSchema>;
export type Sections = ReportRecord['sections'];
export type Finding = Static<typeof FindingSchema>;
export type CellChange = Static<typeof ChangeSchema>;
export type VersionSummary = Static<typeof VersionSummarySchema>;
export type ReportView = Static<typeof ViewSchema>;
export type OverviewRow = Static<typeof OverviewSchema>['rows'][number];
export type SaveInput = Static<typeof SaveBody>;
export type ReportList = Static<typeof ListSchema>;
export type ReportYear = ReportList['years'][number];

const path = (agencyId: string, year: number) => `/reports/${encodeURIComponent(agencyId)}/${year}`;

export const EXPORT_FORMATS = [
  { key: 'docx', label: 'Word（DOCX）' },
  { key: 'pdf', label: 'PDF' },
  { key: 'xlsx', label: '表格（XLSX）' },
  { key: 'html', label: '网页（HTML）' },
  { key: 'json', label: '数据（JSON）' },
] as const;

export const reportsApi = {
  list: (agencyId: string, signal?: AbortSignal) =>
    request<ReportList>('GET', '/reports', { query: { agencyId }, signal }),
  view: (agencyId: string, year: number, signal?: AbortSignal) =>
    request<ReportView>('GET', path(agencyId, year), { signal }),
  save: (agencyId: string, year: number, body: SaveInput) => request<ReportView>('PUT', path(agencyId, year), { body }),
  submit: (agencyId: string, year: number) => request<ReportRecord>('POST', `${path(agencyId, year)}/submit`),
  returnToDraft: (agencyId: string, year: number, comment: string) =>
    request<ReportRecord>('POST', `${path(agencyId, year)}/return`, { body: { comment } }),
  publish: (agencyId: string, year: number) =>
    request<Static<typeof VersionSchema>>('POST', `${path(agencyId, year)}/publish`),
  revise: (agencyId: string, year: number, reason: string) =>
    request<ReportRecord>('POST', `${path(agencyId, year)}/revise`, { body: { reason } }),
  supervision: (rootId: string, year: number, signal?: AbortSignal) =>
    request<Static<typeof OverviewSchema>>('GET', '/reports/supervision', { query: { rootId, year }, signal }),
  aggregate: (rootId: string, year: number, signal?: AbortSignal) =>
    request<Static<typeof AggregateSchema>>('GET', '/reports/aggregate', {
      query: { rootId, year },
      signal,
    }),
  /** A download link (the browser sends the session cookie). */
  exportUrl: (agencyId: string, year: number, format: string, version?: number) =>
    `/api/v1${path(agencyId, year)}/export?format=${format}${version ? `&version=${version}` : ''}`,
};
