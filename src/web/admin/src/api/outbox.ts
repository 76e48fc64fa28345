/**
 * Outbox endpoints (src/modules/outbox/outbox.routes.ts, docs/letters.md "Outbox"). The types are
 * the server's schemas (src/modules/outbox/outbox.schemas.ts), never copies.
 */
import type { Static } from 'typebox';
import type {
  DeliveryBody,
  MessageDetailSchema,
  MessageListSchema,
  MessageSchema,
} from '../../../../modules/outbox/outbox.schemas.ts';
import { request, type Query } from './client.ts';

export type OutboxMessage = Static<typeof MessageSchema>;
export type OutboxChannel = OutboxMessage['channel'];
export type OutboxStatus = OutboxMessage['status'];
export type OutboxAttachment = Static<typeof MessageDetailSchema>['attachments'][number];
export type DeliveryInput = Static<typeof DeliveryBody>;

export const outboxApi = {
  list: (query: Query, signal?: AbortSignal) =>
    request<Static<typeof MessageListSchema>>('GET', '/outbox', { query, signal }),
  get: (id: string, signal?: AbortSignal) =>
    request<Static<typeof MessageDetailSchema>>('GET', `/outbox/${encodeURIComponent(id)}`, { signal }),
  resend: (id: string) => request<OutboxMessage>('POST', `/outbox/${encodeURIComponent(id)}/resend`),
  recordDelivery: (id: string, input: DeliveryInput) =>
    request<OutboxMessage>('POST', `/outbox/${encodeURIComponent(id)}/delivery`, { body: input }),
  attachmentUrl: (id: string, attachmentId: number) =>
    `/api/v1/outbox/${encodeURIComponent(id)}/attachments/${attachmentId}`,
};
