/** The 投诉、举报 endpoints (src/modules/complaints/complaints.routes.ts, docs/cases.md). */
import { request, type Query } from './client.ts';

export type ComplaintKind = 'complaint' | 'report';
export type ComplaintStatus = 'received' | 'handling' | 'concluded';
export type ComplaintResult = 'substantiated' | 'partly_substantiated' | 'unsubstantiated' | 'withdrawn';

/** A complaint as its reader may see it: the contact is masked for the agency complained about. */
export interface Complaint {
  id: string;
  /** The agency complained about. */
  agencyId: string;
  agencyName: string;
  /** The supervising office that registered it. */
  receivingAgencyId: string;
  receivingAgencyName: string;
  kind: ComplaintKind;
  complainant: string;
  contact: string;
  contactMasked: boolean;
  receivedDate: string;
  subject: string;
  applicationId: string | null;
  status: ComplaintStatus;
  result: ComplaintResult | null;
  resultNote: string;
  concludedDate: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A handling step (转办、调查核实、约谈、督促整改…). */
export interface ComplaintStep {
  id: number;
  date: string;
  action: string;
  note: string;
  actorName: string;
  createdAt: string;
}

/** Body of POST /complaints. */
export interface ComplaintInput {
  agencyId: string;
  kind: ComplaintKind;
  complainant: string;
  contact: string;
  receivedDate: string;
  subject: string;
}

export const complaintsApi = {
  list: (query: Query, signal?: AbortSignal) =>
    request<{ items: Complaint[]; total: number }>('GET', '/complaints', { query, signal }),
  get: (id: string, signal?: AbortSignal) =>
    request<{ complaint: Complaint; steps: ComplaintStep[] }>('GET', `/complaints/${encodeURIComponent(id)}`, {
      signal,
    }),
  register: (input: ComplaintInput) => request<Complaint>('POST', '/complaints', { body: input }),
  addStep: (id: string, step: { date: string; action: string; note: string }) =>
    request<ComplaintStep>('POST', `/complaints/${encodeURIComponent(id)}/steps`, { body: step }),
  conclude: (id: string, c: { result: ComplaintResult; concludedDate: string; resultNote: string }) =>
    request<Complaint>('POST', `/complaints/${encodeURIComponent(id)}/conclusion`, { body: c }),
};
