/**
 * The applications endpoints of the JSON API (src/modules/applications/applications.routes.ts). The
 * types are the server's schemas (applications.schemas.ts), never copies.
 */
import type { Static } from 'typebox';
import type {
  ApplicationDetailSchema,
  ApplicationSummary,
  CreatedSchema,
  DocumentSchema,
  FileSchema,
  HandlersSchema,
  InboxPage as InboxPageSchema,
  IntakeBody,
  ObjectingPartySchema,
  ReplyLetterBody,
  ReplyLetterPreviewSchema,
  RevealedSchema,
  SendBody,
  StepBody,
  TodoSchema,
} from '../../../../modules/applications/applications.schemas.ts';
import { ApiError, request, type Query } from './client.ts';
import type { OutboxMessage } from './outbox.ts';

export type ApplicationRow = Static<typeof ApplicationSummary>;
export type ApplicationDetail = Static<typeof ApplicationDetailSchema>;
export type ApplicationEvent = ApplicationDetail['events'][number];
export type ApplicationFile = Static<typeof FileSchema>;
/** A notice a step issued (DOCX and PDF) or a reply letter file, with its release state and deliveries. */
export type ApplicationDocument = Static<typeof DocumentSchema>;
/** A consulted third party that objected to disclosure (第三十二条). */
export type ObjectingParty = Static<typeof ObjectingPartySchema>;
export type SendDocumentInput = Static<typeof SendBody>;
export type IntakeInput = Static<typeof IntakeBody>;
export type InboxPage = Static<typeof InboxPageSchema>;
/** 待办: what waits for the signed-in person, by kind. */
export type Todo = Static<typeof TodoSchema>;

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
  todo: (agencyId: string, signal?: AbortSignal) =>
    request<Todo>('GET', '/applications-todo', { query: { agencyId }, signal }),
  get: (id: string, signal?: AbortSignal) =>
    request<ApplicationDetail>('GET', `/applications/${encodeURIComponent(id)}`, { signal }),
  create: (body: IntakeInput) => request<Static<typeof CreatedSchema>>('POST', '/applications', { body }),
  step: (id: string, step: string, body: Static<typeof StepBody>) =>
    request<ApplicationDetail>('POST', `/applications/${encodeURIComponent(id)}/steps/${step}`, { body }),
  reveal: (id: string) =>
    request<Static<typeof RevealedSchema>>('POST', `/applications/${encodeURIComponent(id)}/reveal`, { body: {} }),
  handlers: (agencyId: string, signal?: AbortSignal) =>
    request<Static<typeof HandlersSchema>>('GET', '/application-handlers', {
      query: { agencyId },
      signal,
    }),
  upload: (id: string, role: string, file: File) => {
    const form = new FormData();
    form.set('role', role);
    form.set('file', file);
    return upload<ApplicationFile>(`/applications/${encodeURIComponent(id)}/files`, form);
  },
  replyLetterPreview: (id: string, signal?: AbortSignal) =>
    request<Static<typeof ReplyLetterPreviewSchema>>(
      'GET',
      `/applications/${encodeURIComponent(id)}/reply-letter/preview`,
      {
        signal,
      },
    ),
  replyLetter: (id: string, format: Static<typeof ReplyLetterBody>['format']) =>
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
