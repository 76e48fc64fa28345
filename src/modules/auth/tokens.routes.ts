import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { authorize } from '../../policies/can.ts';
import { TOKEN_SCOPES } from '../../policies/permissions.ts';
import { errorResponses } from '../../http/schemas.ts';
import { requireActor } from '../../http/actor.ts';
import { IdParams } from '../agencies/agencies.schemas.ts';
import { createToken, listTokens, revokeToken, type TokenRecord } from './tokens.service.ts';

const TokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

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
          200: Type.Object({ items: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })) }),
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
        response: { 200: Type.Object({ items: Type.Array(TokenSchema) }), ...errorResponses },
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
        body: Type.Object({
          name: Type.String({ maxLength: 100 }),
          scopes: Type.Array(Type.String(), { maxItems: 20 }),
          expiresAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
        }),
        response: { 201: Type.Object({ token: Type.String(), item: TokenSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token, item } = await createToken(db, requireActor(request), request.body, clock);
      return reply.code(201).send({ token, item: present(item) });
    },
  );

  app.delete(
    '/api/v1/tokens/:id',
    { schema: { tags, summary: '吊销令牌', params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await revokeToken(db, requireActor(request), request.params.id, clock);
      return reply.code(204).send(null);
    },
  );
};
