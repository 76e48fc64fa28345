/** The 年报体检 endpoints of the JSON API (src/modules/report-import/report-checks.routes.ts). */
import type { AnnualReport } from '../../../../domain/report/annual-report.ts';
import { request } from './client.ts';

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
}

/** One stored import, as the list shows it. */
export interface CheckSummary {
  id: string;
  agencyName: string;
  agencyId: string | null;
  year: number;
  format: 'V2019' | 'V2021';
  sourceFile: string;
  importedAt: string;
  importedBy: string | null;
  counts: FindingCounts;
}

/** A finding with the official label of its cell (表三「（七）总计」行「总计」列). */
export interface LabelledFinding {
  rule: string;
  /** 「行合计（R1）」: what people see instead of the code. */
  ruleName: string;
  /** The cells a grouped finding covers (blank cells, a partial copy). */
  cells?: string[];
  severity: 'error' | 'warning' | 'info';
  where: string;
  label: string;
  message: string;
}

export interface CheckDetail extends CheckSummary {
  report: AnnualReport;
  detection: string | null;
  findings: LabelledFinding[];
}

/** What became of one uploaded file. */
export interface UploadResult {
  file: string;
  status: 'inserted' | 'duplicate' | 'skipped';
  id: string | null;
  error: string | null;
  agencyName: string | null;
  year: number | null;
  format: string | null;
  /** «年度：2019，依据：标题；格式：V2019，依据：表格栏目» */
  detection: string | null;
  counts: FindingCounts;
}

export interface CellDifference {
  where: string;
  label: string;
  imported: number | null;
  generated: number | null;
}

export interface Comparison {
  agency: { id: string; name: string };
  year: number;
  format: string;
  generated: AnnualReport;
  differences: CellDifference[];
}

export const reportChecksApi = {
  list: (signal?: AbortSignal) => request<{ items: CheckSummary[] }>('GET', '/report-checks', { signal }),
  get: (id: string, signal?: AbortSignal) =>
    request<CheckDetail>('GET', `/report-checks/${encodeURIComponent(id)}`, { signal }),
  compare: (id: string, signal?: AbortSignal) =>
    request<Comparison>('GET', `/report-checks/${encodeURIComponent(id)}/comparison`, { signal }),
  upload: (files: Array<{ name: string; content: string; year?: number; agency?: string }>) =>
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
