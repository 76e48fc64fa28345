/** Outbox endpoints (src/modules/outbox/outbox.routes.ts, docs/letters.md "Outbox"). */
import { request, type Query } from './client.ts';

export type OutboxChannel = 'email' | 'post' | 'in_person' | 'sms';
export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'posted' | 'handed_over';

/** A message to an applicant or a third party. */
export interface OutboxMessage {
  id: string;
  agencyId: string;
  channel: OutboxChannel;
  recipientName: string;
  /** E-mail address, postal address, or blank for a hand-over. */
  recipientAddress: string;
  subject: string;
  bodyText: string;
  relatedType: string | null;
  relatedId: string | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  createdBy: string;
  /** When it was sent, posted or handed over. */
  sentAt: string | null;
  /** The 挂号/EMS number or the hand-over note. */
  deliveryNote: string;
}

/** An attachment as listed (the file itself is downloaded by URL). */
export interface OutboxAttachment {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
}

/** Body of POST /outbox/:id/delivery. */
export interface DeliveryInput {
  status: 'posted' | 'handed_over';
  /** YYYY-MM-DD. */
  date: string;
  note: string;
}

export const outboxApi = {
  list: (query: Query, signal?: AbortSignal) =>
    request<{ items: OutboxMessage[]; total: number; smtpConfigured: boolean }>('GET', '/outbox', { query, signal }),
  get: (id: string, signal?: AbortSignal) =>
    request<{ message: OutboxMessage; attachments: OutboxAttachment[] }>('GET', `/outbox/${encodeURIComponent(id)}`, {
      signal,
    }),
  resend: (id: string) => request<OutboxMessage>('POST', `/outbox/${encodeURIComponent(id)}/resend`),
  recordDelivery: (id: string, input: DeliveryInput) =>
    request<OutboxMessage>('POST', `/outbox/${encodeURIComponent(id)}/delivery`, { body: input }),
  /** Where the browser downloads an attachment (the session cookie authorizes it). */
  attachmentUrl: (id: string, attachmentId: number) =>
    `/api/v1/outbox/${encodeURIComponent(id)}/attachments/${attachmentId}`,
};
