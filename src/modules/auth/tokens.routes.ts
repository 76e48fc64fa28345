import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authorize } from '../../policies/can.ts';
import { TOKEN_SCOPES } from '../../policies/permissions.ts';
import { errorResponses, NoContent } from '../../http/schemas.ts';
import { requireActor } from '../../http/actor.ts';
import { IdParams } from '../agencies/agencies.schemas.ts';
import { CreatedTokenSchema, TokenCreateBody, TokenListSchema, TokenScopeListSchema } from './tokens.schemas.ts';
import { createToken, listTokens, revokeToken, type TokenRecord } from './tokens.service.ts';

const present = (t: TokenRecord) => ({
  id: t.id,
  name: t.name,
  scopes: t.scopes,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

export const tokenRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.ctx;
  const tags = ['tokens'];

  app.get(
    '/api/v1/tokens/scopes',
    {
      schema: {
        tags,
        summary: '令牌可用的权限范围',
        response: {
          200: TokenScopeListSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'tokens.manage');
      return { items: TOKEN_SCOPES };
    },
  );

  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: 'API 令牌列表',
        response: { 200: TokenListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listTokens(db, requireActor(request))).map(present),
    }),
  );

  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: '创建 API 令牌（明文只显示一次）',
        body: TokenCreateBody,
        response: { 201: CreatedTokenSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token, item } = await createToken(db, requireActor(request), request.body, clock);
      return reply.code(201).send({ token, item: present(item) });
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    { schema: { tags, summary: '吊销令牌', params: IdParams, response: { 204: NoContent, ...errorResponses } } },
    async (request, reply) => {
      await revokeToken(db, requireActor(request), request.params.id, clock);
      return reply.code(204).send(null);
    },
  );
};
