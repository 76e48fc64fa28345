/** The 年报体检 endpoints of the JSON API (src/modules/report-import/report-checks.routes.ts). */
import type { Static } from 'typebox';
import type {
  ComparisonSchema,
  DetailSchema,
  LabelledFindingSchema,
  SummarySchema,
  UploadBody,
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

export const reportChecksApi = {
  list: (signal?: AbortSignal) => request<ItemList<CheckSummary>>('GET', '/report-checks', { signal }),
  get: (id: string, signal?: AbortSignal) =>
    request<CheckDetail>('GET', `/report-checks/${encodeURIComponent(id)}`, { signal }),
  compare: (id: string, signal?: AbortSignal) =>
    request<Comparison>('GET', `/report-checks/${encodeURIComponent(id)}/comparison`, { signal }),
  upload: (files: Static<typeof UploadBody>['files']) =>
    request<{ results: UploadResult[] }>('POST', '/report-checks/uploads', { body: { files } }),
  /** A download link for the findings workbook (the browser sends the session cookie). */
  exportUrl: (filter: { id?: string; year?: number } = {}) => {
    const q = new URLSearchParams();
    if (filter.id) q.set('id', filter.id);
    if (filter.year) q.set('year', String(filter.year));
    const s = q.toString();
    return `/api/v1/report-checks/findings.xlsx${s ? `?${s}` : ''}`;
  },
};
