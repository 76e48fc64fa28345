/** HTTP API of the outbox: list, detail, attachment download, resend, record posting / hand-over. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../http/actor.ts';
import { errorResponses, fileResponse } from '../../http/schemas.ts';
import {
  AttachmentParams,
  DeliveryBody,
  IdParams,
  MessageDetailSchema,
  MessageListSchema,
  MessageSchema,
  OutboxQuery,
} from './outbox.schemas.ts';
import { getAttachment, getMessage, listMessages, recordDelivery, resendMessage } from './outbox.service.ts';

export const outboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.ctx;
  const tags = ['outbox'];

  app.get(
    '/api/v1/outbox',
    {
      schema: {
        tags,
        summary: '发件箱：发给申请人和第三方的全部文书',
        querystring: OutboxQuery,
        response: {
          200: MessageListSchema,
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
          200: MessageDetailSchema,
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
        params: AttachmentParams,
        response: { 200: fileResponse('application/octet-stream'), ...errorResponses },
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
        body: DeliveryBody,
        response: { 200: MessageSchema, ...errorResponses },
      },
    },
    async (request) => recordDelivery(db, requireActor(request), request.params.id, request.body, clock),
  );
};
