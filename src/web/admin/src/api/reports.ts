/** The annual report endpoints of the JSON API (src/modules/reports/reports.routes.ts). */
import type { AnnualReport } from '../../../../domain/report/annual-report.ts';
import { request } from './client.ts';

export type { AnnualReport };

export interface Sections {
  preamble: string;
  overview: string;
  problems: string;
  other: string;
}

export interface ReportRecord {
  id: string;
  agencyId: string;
  year: number;
  format: string;
  formatReason: string | null;
  status: 'draft' | 'review' | 'published';
  sections: Sections;
  signatureDate: string | null;
  currentVersion: number;
  revisionReason: string | null;
  updatedAt: string;
}

export interface Finding {
  rule: string;
  severity: string;
  where: string;
  message: string;
}

export interface CellChange {
  where: string;
  label: string;
  published: number | null;
  current: number | null;
}

export interface VersionSummary {
  version: number;
  reason: string | null;
  publishedOn: string;
  publishedAt: string;
  publishedByName: string;
}

export interface ReportView {
  agency: { id: string; name: string; code: string; level: string };
  record: ReportRecord | null;
  report: AnnualReport;
  sections: Sections;
  draft: Sections;
  findings: Finding[];
  changes: CellChange[];
  versions: VersionSummary[];
  previousSource: string | null;
  deadline: string;
}

export interface OverviewRow {
  agency: { id: string; name: string; code: string; level: string };
  deadline: string;
  state: 'published' | 'not_due' | 'due_soon' | 'overdue';
  status: string | null;
  publishedOn: string | null;
  late: boolean;
  version: number;
}

export interface SaveInput {
  sections?: Partial<Sections>;
  signatureDate?: string | null;
  format?: { format: 'V2019' | 'V2021'; reason: string } | null;
}

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
    request<{ items: ReportRecord[] }>('GET', '/reports', { query: { agencyId }, signal }),
  view: (agencyId: string, year: number, signal?: AbortSignal) =>
    request<ReportView>('GET', path(agencyId, year), { signal }),
  save: (agencyId: string, year: number, body: SaveInput) => request<ReportView>('PUT', path(agencyId, year), { body }),
  submit: (agencyId: string, year: number) => request<ReportRecord>('POST', `${path(agencyId, year)}/submit`),
  returnToDraft: (agencyId: string, year: number, comment: string) =>
    request<ReportRecord>('POST', `${path(agencyId, year)}/return`, { body: { comment } }),
  publish: (agencyId: string, year: number) => request<VersionSummary>('POST', `${path(agencyId, year)}/publish`),
  revise: (agencyId: string, year: number, reason: string) =>
    request<ReportRecord>('POST', `${path(agencyId, year)}/revise`, { body: { reason } }),
  supervision: (rootId: string, year: number, signal?: AbortSignal) =>
    request<{ year: number; rows: OverviewRow[] }>('GET', '/reports/supervision', { query: { rootId, year }, signal }),
  aggregate: (rootId: string, year: number, signal?: AbortSignal) =>
    request<{ report: AnnualReport; findings: Finding[] }>('GET', '/reports/aggregate', {
      query: { rootId, year },
      signal,
    }),
  /** A download link (the browser sends the session cookie). */
  exportUrl: (agencyId: string, year: number, format: string, version?: number) =>
    `/api/v1${path(agencyId, year)}/export?format=${format}${version ? `&version=${version}` : ''}`,
};
