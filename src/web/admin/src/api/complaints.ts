/** The 投诉、举报 endpoints (src/modules/complaints/complaints.routes.ts, docs/cases.md). */
import type { Static } from 'typebox';
import type {
  ComplaintCreateBody,
  ComplaintDetailSchema,
  ComplaintListSchema,
  ComplaintSchema,
  ConcludeBody,
  StepBody,
  StepSchema,
} from '../../../../modules/complaints/complaints.schemas.ts';
import { request, type Query } from './client.ts';

export type Complaint = Static<typeof ComplaintSchema>;
export type ComplaintKind = Complaint['kind'];
export type ComplaintStatus = Complaint['status'];
export type ComplaintResult = NonNullable<Complaint['result']>;
export type ComplaintStep = Static<typeof StepSchema>;
export type ComplaintInput = Static<typeof ComplaintCreateBody>;

export const complaintsApi = {
  list: (query: Query, signal?: AbortSignal) =>
    request<Static<typeof ComplaintListSchema>>('GET', '/complaints', { query, signal }),
  get: (id: string, signal?: AbortSignal) =>
    request<Static<typeof ComplaintDetailSchema>>('GET', `/complaints/${encodeURIComponent(id)}`, {
      signal,
    }),
  register: (input: ComplaintInput) => request<Complaint>('POST', '/complaints', { body: input }),
  addStep: (id: string, step: Static<typeof StepBody>) =>
    request<ComplaintStep>('POST', `/complaints/${encodeURIComponent(id)}/steps`, { body: step }),
  conclude: (id: string, c: Static<typeof ConcludeBody>) =>
    request<Complaint>('POST', `/complaints/${encodeURIComponent(id)}/conclusion`, { body: c }),
};
