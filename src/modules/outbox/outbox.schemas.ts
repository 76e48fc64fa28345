/** Request and response schemas of the outbox API (messages to applicants and third parties). */
import { Type, type Static } from '@fastify/type-provider-typebox';

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'posted', 'handed_over'] as const;
export const OUTBOX_CHANNELS = ['email', 'post', 'in_person', 'sms'] as const;

const Status = Type.Unsafe<(typeof OUTBOX_STATUSES)[number]>({ type: 'string', enum: [...OUTBOX_STATUSES] });
const Channel = Type.Unsafe<(typeof OUTBOX_CHANNELS)[number]>({ type: 'string', enum: [...OUTBOX_CHANNELS] });
const Nullable = Type.Union([Type.String(), Type.Null()]);

/** One message: an e-mail sent by the platform, or a letter to post or hand over, and its state. */
export const MessageSchema = Type.Object(
  {
    id: Type.String(),
    agencyId: Type.String(),
    channel: Channel,
    recipientName: Type.String(),
    recipientAddress: Type.String(),
    subject: Type.String(),
    bodyText: Type.String(),
    relatedType: Nullable,
    relatedId: Nullable,
    status: Status,
    attempts: Type.Integer(),
    lastError: Nullable,
    createdAt: Type.String(),
    createdBy: Type.String(),
    sentAt: Nullable,
    deliveryNote: Type.String(),
  },
  { $id: 'OutboxMessage' },
);
export type MessageView = Static<typeof MessageSchema>;

export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const AttachmentParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  attachmentId: Type.Integer({ minimum: 1 }),
});

export const OutboxQuery = Type.Object({
  agencyId: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(Status),
  channel: Type.Optional(Channel),
  relatedId: Type.Optional(Type.String({ maxLength: 64 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(Type.String({ maxLength: 10, description: '创建日期（北京时间）起，YYYY-MM-DD，含' })),
  to: Type.Optional(Type.String({ maxLength: 10, description: '创建日期止，YYYY-MM-DD，含' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const MessageListSchema = Type.Object({
  items: Type.Array(MessageSchema),
  total: Type.Integer(),
  smtpConfigured: Type.Boolean(),
});

export const MessageDetailSchema = Type.Object({
  message: MessageSchema,
  attachments: Type.Array(
    Type.Object({
      id: Type.Integer(),
      fileName: Type.String(),
      contentType: Type.String(),
      size: Type.Integer(),
    }),
  ),
});

export const DeliveryBody = Type.Object(
  {
    status: Type.Unsafe<'posted' | 'handed_over'>({ type: 'string', enum: ['posted', 'handed_over'] }),
    date: Type.String({ maxLength: 10 }),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
