/** The 行政复议 / 行政诉讼 register endpoints (src/modules/cases/cases.routes.ts, docs/cases.md). */
import { request, type Query } from './client.ts';

/** reconsideration 行政复议 · litigation_direct 未经复议直接起诉 · litigation_after_reconsideration 复议后起诉. */
export type CaseKind = 'reconsideration' | 'litigation_direct' | 'litigation_after_reconsideration';
/** upheld 结果维持 · corrected 结果纠正 · other 其他结果 · pending 尚未审结. */
export type CaseResult = 'upheld' | 'corrected' | 'other' | 'pending';

/** A case of the register. Dates are YYYY-MM-DD. */
export interface DisclosureCase {
  id: string;
  agencyId: string;
  /** The application the case is about, or null for a case about the disclosure work in general. */
  applicationId: string | null;
  kind: CaseKind;
  caseNumber: string;
  party: string;
  organ: string;
  subject: string;
  filedDate: string;
  concludedDate: string | null;
  result: CaseResult;
  resultNote: string;
  createdAt: string;
  updatedAt: string;
}

/** Body of POST /cases without `agencyId`, and of PATCH /cases/:id. */
export interface CaseInput {
  kind: CaseKind;
  caseNumber: string;
  party: string;
  organ: string;
  subject: string;
  filedDate: string;
  concludedDate: string | null;
  result: CaseResult;
  resultNote: string;
  applicationId: string | null;
}

/** Counts of one group of table 四. */
export interface CaseCounts {
  upheld: number;
  corrected: number;
  other: number;
  pending: number;
}

/** GET /cases/figures: table 四 of one agency and year, counted as the annual report counts it. */
export interface CaseFiguresAnswer {
  year: number;
  figures: Record<CaseKind, CaseCounts>;
  /** Per group: 维持, 纠正, 其他, 尚未审结, 总计. */
  table4: Record<CaseKind, number[]>;
}

export const casesApi = {
  list: (query: Query, signal?: AbortSignal) =>
    request<{ items: DisclosureCase[]; total: number }>('GET', '/cases', { query, signal }),
  create: (agencyId: string, input: CaseInput) =>
    request<DisclosureCase>('POST', '/cases', { body: { agencyId, ...input } }),
  update: (id: string, input: CaseInput) =>
    request<DisclosureCase>('PATCH', `/cases/${encodeURIComponent(id)}`, { body: input }),
  figures: (agencyId: string, year: number, signal?: AbortSignal) =>
    request<CaseFiguresAnswer>('GET', '/cases/figures', { query: { agencyId, year }, signal }),
};
