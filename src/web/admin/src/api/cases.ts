/**
 * The 行政复议 / 行政诉讼 register endpoints (src/modules/cases/cases.routes.ts, docs/cases.md).
 * The types are the server's schemas (src/modules/cases/cases.schemas.ts), never copies.
 */
import type { Static } from 'typebox';
import type {
  CaseCreateBody,
  CaseListSchema,
  CasePatchBody,
  CaseSchema,
  FiguresSchema,
} from '../../../../modules/cases/cases.schemas.ts';
import { request, type Query } from './client.ts';

export type DisclosureCase = Static<typeof CaseSchema>;
export type CaseKind = DisclosureCase['kind'];
export type CaseResult = DisclosureCase['result'];
/** What the form sends (the agency goes separately on creation). */
export type CaseInput = Required<Omit<Static<typeof CaseCreateBody>, 'agencyId'>>;
export type CaseFiguresAnswer = Static<typeof FiguresSchema>;
export type CaseCounts = CaseFiguresAnswer['figures'][CaseKind];

export const casesApi = {
  list: (query: Query, signal?: AbortSignal) =>
    request<Static<typeof CaseListSchema>>('GET', '/cases', { query, signal }),
  create: (agencyId: string, input: CaseInput) =>
    request<DisclosureCase>('POST', '/cases', { body: { agencyId, ...input } satisfies Static<typeof CaseCreateBody> }),
  update: (id: string, input: Static<typeof CasePatchBody>) =>
    request<DisclosureCase>('PATCH', `/cases/${encodeURIComponent(id)}`, { body: input }),
  figures: (agencyId: string, year: number, signal?: AbortSignal) =>
    request<CaseFiguresAnswer>('GET', '/cases/figures', { query: { agencyId, year }, signal }),
};
