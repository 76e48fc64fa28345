/** The 年报体检 endpoints of the JSON API (src/modules/report-import/report-checks.routes.ts). */
import type { Static } from 'typebox';
import type {
  ComparisonSchema,
  DetailSchema,
  LabelledFindingSchema,
  LibrarySchema,
  PastPublicationSchema,
  SummarySchema,
  YearComparisonSchema,
  UploadBody,
  UploadAnswerSchema,
  UploadResultSchema,
} from '../../../../modules/report-import/report-checks.schemas.ts';
import { request } from './client.ts';
import type { ItemList } from './types.ts';

export type CheckSummary = Static<typeof SummarySchema>;
export type FindingCounts = CheckSummary['counts'];
export type LabelledFinding = Static<typeof LabelledFindingSchema>;
export type CheckDetail = Static<typeof DetailSchema>;
export type UploadResult = Static<typeof UploadResultSchema>;
export type Comparison = Static<typeof ComparisonSchema>;
export type CellDifference = Comparison['differences'][number];
export type LibraryAgency = Static<typeof LibrarySchema>['items'][number];
export type YearComparison = Static<typeof YearComparisonSchema>;
export type YearCellChange = YearComparison['cells'][number];
export type PastPublication = Static<typeof PastPublicationSchema>;

const compareQuery = (a: string, b: string) => `a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;

export const reportChecksApi = {
  list: (signal?: AbortSignal) => request<ItemList<CheckSummary>>('GET', '/report-checks', { signal }),
  get: (id: string, signal?: AbortSignal) =>
    request<CheckDetail>('GET', `/report-checks/${encodeURIComponent(id)}`, { signal }),
  compare: (id: string, signal?: AbortSignal) =>
    request<Comparison>('GET', `/report-checks/${encodeURIComponent(id)}/comparison`, { signal }),
  /** The report library: stored reports by agency and year, consecutive years paired. */
  library: (signal?: AbortSignal) => request<ItemList<LibraryAgency>>('GET', '/report-checks/library', { signal }),
  /** Two reports of one agency compared year over year. */
  compareYears: (a: string, b: string, signal?: AbortSignal) =>
    request<YearComparison>('GET', `/report-checks/compare?${compareQuery(a, b)}`, { signal }),
  compareYearsUrl: (a: string, b: string, ext: 'xlsx' | 'docx') =>
    `/api/v1/report-checks/compare.${ext}?${compareQuery(a, b)}`,
  /** The file as uploaded. */
  originalUrl: (id: string) => `/api/v1/report-checks/${encodeURIComponent(id)}/original`,
  /** Publishes an import as its agency's report of that year on the portal (原文导入). */
  publish: (id: string, publishedOn?: string) =>
    request<PastPublication>('POST', `/report-checks/${encodeURIComponent(id)}/publication`, {
      body: publishedOn ? { publishedOn } : {},
    }),
  withdraw: (id: string) => request<void>('DELETE', `/report-checks/${encodeURIComponent(id)}/publication`),
  upload: (files: Static<typeof UploadBody>['files']) =>
    request<Static<typeof UploadAnswerSchema>>('POST', '/report-checks/uploads', { body: { files } }),
  /** A download link for the findings workbook (the browser sends the session cookie). */
  exportUrl: (filter: { id?: string; year?: number } = {}) => {
    const q = new URLSearchParams();
    if (filter.id) q.set('id', filter.id);
    if (filter.year) q.set('year', String(filter.year));
    const s = q.toString();
    return `/api/v1/report-checks/findings.xlsx${s ? `?${s}` : ''}`;
  },
};
