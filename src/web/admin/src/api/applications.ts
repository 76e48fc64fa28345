/** The applications endpoints of the JSON API (src/modules/applications/applications.routes.ts). */
import { ApiError, request, type Query } from './client.ts';
import type { OutboxMessage } from './outbox.ts';

/** One inbox row. */
export interface ApplicationRow {
  id: string;
  agencyId: string;
  kind: string;
  trackingNumber: string;
  channel: string;
  arrivalDate: string;
  receivedDate: string | null;
  state: string;
  replyDue: string | null;
  /** 暂定: the reply due date was counted on a provisional calendar. */
  replyDueProvisional: boolean;
  dueRule: string | null;
  overdue: boolean;
  closedDate: string | null;
  outcome: string | null;
  applicantKind: string;
  applicantName: string;
  idNumberMasked: string;
  phoneMasked: string;
  infoSummary: string;
  handlerId: string | null;
  decisionStatus: string | null;
  archived: boolean;
}

/** A stored event of the timeline. */
export interface ApplicationEvent {
  seq: number;
  type: string;
  date: string;
  summary: string;
  public: boolean;
  actorName: string;
  at: string;
  consultationId?: string;
  /** The consulted party (征求意见). */
  partyName?: string;
}

export interface ApplicationFile {
  id: string;
  role: string;
  filename: string;
  mime: string;
  size: number;
  reviewed: boolean;
  sent: boolean;
  createdBy: string;
  createdAt: string;
}

/**
 * A document of the application (src/modules/applications/documents/documents.service.ts): a notice
 * a step issued (DOCX and PDF) or a reply letter file, with its release state and deliveries.
 */
export interface ApplicationDocument {
  id: string;
  source: 'letter' | 'file';
  kind:
    | 'reply_letter'
    | 'correction_notice'
    | 'consultation_letter'
    | 'extension_notice'
    | 'fee_notice'
    | 'lapse_notice'
    | 'third_party_notice';
  kindLabel: string;
  title: string;
  addressee: 'applicant' | 'party';
  recipientName: string;
  date: string;
  state: 'issued' | 'awaitingReview' | 'awaitingSignOff' | 'signed' | 'released';
  stateLabel: string;
  formats: Array<'pdf' | 'docx'>;
  fileId: string | null;
  /** Why it cannot be sent now (release control, a provisional date), or null. */
  sendBlocker: string | null;
  /** 暂定: its dates depend on calendar years not loaded (`missingYears`); it states them as 暂定 and may be sent. */
  provisional: boolean;
  missingYears: number[];
  /** Made void (a lapse reversed by a fact entered late): kept, never sent again. */
  voided: boolean;
  deliveries: OutboxMessage[];
}

/** A consulted third party that objected to disclosure (第三十二条). */
export interface ObjectingParty {
  consultationId: string;
  partyName: string;
}

/** Body of POST …/documents/:id/send. */
export interface SendDocumentInput {
  channel: 'email' | 'post' | 'in_person';
  /** Blank: the applicant's own e-mail or postal address. */
  address?: string;
}

/** The application page. */
export interface ApplicationDetail extends ApplicationRow {
  oral: boolean;
  contactPerson: string;
  idDocType: string;
  email: string;
  addressMasked: string;
  postcode: string;
  infoTitle: string;
  infoDocNumber: string;
  infoDescription: string;
  deliveryForm: string;
  deliveryMethod: string;
  recordsOutcome: string | null;
  extensionRequestedDays: number | null;
  extensionReason: string | null;
  reasonsAsked: boolean;
  feeBasis: string | null;
  feeAmount: number | null;
  decision: null | {
    outcome: string;
    legalBasis: string | null;
    reasons: string | null;
    responsibleAgency: string | null;
    status: string | null;
    decidedBy: string | null;
    reviewedBy: string | null;
    reviewedAt: string | null;
    signedBy: string | null;
    signedAt: string | null;
  };
  clock: {
    state: string;
    receivedDate: string | null;
    correctionNoticeDue: string | null;
    correctionPeriodEnd: string | null;
    replyDue: string | null;
    baseDue: string | null;
    paymentDue: string | null;
    replyDueProvisional: boolean;
    correctionPeriodEndProvisional: boolean;
    paymentDueProvisional: boolean;
    extensionWorkingDays: number;
    overdue: boolean;
    provisional: boolean;
    consultations: Array<{
      party: string;
      sentDate: string;
      partyDeadline: string;
      answeredDate: string | null;
      open: boolean;
    }>;
    warnings: Array<{ code: string; message: string }>;
    explanation: string;
  };
  events: ApplicationEvent[];
  files: ApplicationFile[];
  documents: ApplicationDocument[];
  steps: string[];
  /** 第三十二条: third parties whose latest answer objects, and those still to be told of the drafted decision to disclose. */
  objectingThirdParties: ObjectingParty[];
  thirdPartyNoticesMissing: ObjectingParty[];
  hints: { repeatOf: string[]; massRequest: boolean; requestsInWindow: number };
}

export interface InboxPage {
  items: ApplicationRow[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

/** Sends a multipart form (file uploads) with the session's CSRF token, read from /auth/me. */
async function upload<T>(path: string, form: FormData): Promise<T> {
  const csrf = (await request<{ csrfToken: string }>('GET', '/auth/me')).csrfToken;
  const response = await fetch(`/api/v1${path}`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: csrf ? { 'x-csrf-token': csrf, accept: 'application/json' } : { accept: 'application/json' },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as {
      code?: string;
      detail?: string;
      errors?: Record<string, string>;
    };
    throw new ApiError(
      response.status,
      problem.code ?? `HTTP_${response.status}`,
      problem.detail ?? '上传失败',
      problem.errors ?? {},
    );
  }
  return (await response.json()) as T;
}

export const applicationsApi = {
  inbox: (query: Query, signal?: AbortSignal) => request<InboxPage>('GET', '/applications', { query, signal }),
  get: (id: string, signal?: AbortSignal) =>
    request<ApplicationDetail>('GET', `/applications/${encodeURIComponent(id)}`, { signal }),
  create: (body: Record<string, unknown>) =>
    request<{ id: string; trackingNumber: string; queryCode: string }>('POST', '/applications', { body }),
  step: (id: string, step: string, body: Record<string, unknown>) =>
    request<ApplicationDetail>('POST', `/applications/${encodeURIComponent(id)}/steps/${step}`, { body }),
  reveal: (id: string) =>
    request<{ idNumber: string; phone: string; address: string }>(
      'POST',
      `/applications/${encodeURIComponent(id)}/reveal`,
      { body: {} },
    ),
  handlers: (agencyId: string, signal?: AbortSignal) =>
    request<{ items: Array<{ id: string; displayName: string }> }>('GET', '/application-handlers', {
      query: { agencyId },
      signal,
    }),
  upload: (id: string, role: string, file: File) => {
    const form = new FormData();
    form.set('role', role);
    form.set('file', file);
    return upload<ApplicationFile>(`/applications/${encodeURIComponent(id)}/files`, form);
  },
  replyLetter: (id: string, format: 'pdf' | 'docx') =>
    request<ApplicationFile>('POST', `/applications/${encodeURIComponent(id)}/reply-letter`, { body: { format } }),
  fileUrl: (id: string, fileId: string) =>
    `/api/v1/applications/${encodeURIComponent(id)}/files/${encodeURIComponent(fileId)}`,
  /** Where the browser downloads a notice as PDF or DOCX (rendered on first download). */
  documentUrl: (id: string, documentId: string, format: 'pdf' | 'docx') =>
    `/api/v1/applications/${encodeURIComponent(id)}/documents/${encodeURIComponent(documentId)}/${format}`,
  sendDocument: (id: string, documentId: string, input: SendDocumentInput) =>
    request<OutboxMessage>(
      'POST',
      `/applications/${encodeURIComponent(id)}/documents/${encodeURIComponent(documentId)}/send`,
      { body: input },
    ),
};
