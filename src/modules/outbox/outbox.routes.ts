/** HTTP API of the outbox: list, detail, attachment download, resend, record posting / hand-over. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { requireActor } from '../../http/actor.ts';
import { errorResponses } from '../../http/schemas.ts';
import {
  getAttachment,
  getMessage,
  listMessages,
  recordDelivery,
  resendMessage,
  type OutboxChannel,
  type OutboxStatus,
} from './outbox.service.ts';

const Status = Type.Unsafe<OutboxStatus>({
  type: 'string',
  enum: ['queued', 'sending', 'sent', 'failed', 'posted', 'handed_over'],
});
const Channel = Type.Unsafe<OutboxChannel>({ type: 'string', enum: ['email', 'post', 'in_person', 'sms'] });
const Nullable = Type.Union([Type.String(), Type.Null()]);
const MessageSchema = Type.Object({
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
});
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const outboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.ctx;
  const tags = ['outbox'];

  app.get(
    '/api/v1/outbox',
    {
      schema: {
        tags,
        summary: '发件箱：发给申请人和第三方的全部文书',
        querystring: Type.Object({
          agencyId: Type.Optional(Type.String({ maxLength: 64 })),
          status: Type.Optional(Status),
          channel: Type.Optional(Channel),
          relatedId: Type.Optional(Type.String({ maxLength: 64 })),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          from: Type.Optional(Type.String({ maxLength: 10, description: '创建日期（北京时间）起，YYYY-MM-DD，含' })),
          to: Type.Optional(Type.String({ maxLength: 10, description: '创建日期止，YYYY-MM-DD，含' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          offset: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(MessageSchema), total: Type.Integer(), smtpConfigured: Type.Boolean() }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      ...(await listMessages(db, requireActor(request), request.query)),
      smtpConfigured: app.ctx.config.smtp !== null,
    }),
  );

  app.get(
    '/api/v1/outbox/:id',
    {
      schema: {
        tags,
        summary: '消息详情及附件',
        params: IdParams,
        response: {
          200: Type.Object({
            message: MessageSchema,
            attachments: Type.Array(
              Type.Object({
                id: Type.Integer(),
                fileName: Type.String(),
                contentType: Type.String(),
                size: Type.Integer(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => getMessage(db, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/outbox/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: '下载附件',
        params: Type.Object({ id: Type.String({ maxLength: 64 }), attachmentId: Type.Integer({ minimum: 1 }) }),
      },
    },
    async (request, reply) => {
      const a = await getAttachment(db, requireActor(request), request.params.id, request.params.attachmentId);
      return reply
        .type(a.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
        .send(a.data);
    },
  );

  app.post(
    '/api/v1/outbox/:id/resend',
    {
      schema: {
        tags,
        summary: '重新发送电子邮件',
        params: IdParams,
        response: { 200: MessageSchema, ...errorResponses },
      },
    },
    async (request) => resendMessage(db, requireActor(request), request.params.id, clock),
  );

  app.post(
    '/api/v1/outbox/:id/delivery',
    {
      schema: {
        tags,
        summary: '登记已邮寄或已当面送达',
        params: IdParams,
        body: Type.Object(
          {
            status: Type.Unsafe<'posted' | 'handed_over'>({ type: 'string', enum: ['posted', 'handed_over'] }),
            date: Type.String({ maxLength: 10 }),
            note: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: MessageSchema, ...errorResponses },
      },
    },
    async (request) => recordDelivery(db, requireActor(request), request.params.id, request.body, clock),
  );
};
