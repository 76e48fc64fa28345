import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { ROLE_INFO, ROLES, SYSTEM_ROLES } from '../../domain/accounts.ts';
import { authorize } from '../../policies/can.ts';
import { errorResponses } from '../../http/schemas.ts';
import { requireActor } from '../../http/actor.ts';
import { IdParams } from '../agencies/agencies.schemas.ts';
import {
  OwnAccountPatchBody,
  OwnAccountSchema,
  RoleSchema,
  UserCreateBody,
  UserPatchBody,
  UserSchema,
} from './users.schemas.ts';
import {
  createUser,
  getOwnAccount,
  listUsers,
  presentOwnAccount,
  presentUser,
  resetPassword,
  unlockUser,
  updateOwnAccount,
  updateUser,
} from './users.service.ts';

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock, config } = app.ctx;
  const tags = ['users'];

  app.get(
    '/api/v1/roles',
    {
      schema: {
        tags,
        summary: '角色列表',
        response: { 200: Type.Object({ items: Type.Array(RoleSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'users.read');
      return { items: ROLES.map((key) => ({ key, ...ROLE_INFO[key], system: SYSTEM_ROLES.includes(key) })) };
    },
  );

  app.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: '账号列表',
        querystring: Type.Object({ agencyId: Type.Optional(Type.String()) }),
        response: { 200: Type.Object({ items: Type.Array(UserSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { items: (await listUsers(db, actor, request.query.agencyId)).map((u) => presentUser(u, actor)) };
    },
  );

  app.post(
    '/api/v1/users',
    { schema: { tags, summary: '新建账号', body: UserCreateBody, response: { 201: UserSchema, ...errorResponses } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const user = await createUser(db, actor, request.body, config.security, clock);
      return reply.code(201).send(presentUser(user, actor));
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        summary: '修改账号（姓名、角色、状态、邮箱、提醒邮件）',
        params: IdParams,
        body: UserPatchBody,
        response: { 200: UserSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentUser(await updateUser(db, actor, request.params.id, request.body, clock), actor);
    },
  );

  app.post(
    '/api/v1/users/:id/unlock',
    { schema: { tags, summary: '解除锁定', params: IdParams, response: { 200: UserSchema, ...errorResponses } } },
    async (request) => {
      const actor = requireActor(request);
      return presentUser(await unlockUser(db, actor, request.params.id, clock), actor);
    },
  );

  app.get(
    '/api/v1/account',
    { schema: { tags, summary: '我的账号', response: { 200: OwnAccountSchema, ...errorResponses } } },
    async (request) => presentOwnAccount(await getOwnAccount(db, requireActor(request))),
  );

  app.patch(
    '/api/v1/account',
    {
      schema: {
        tags,
        summary: '修改我的邮箱和期限提醒邮件设置',
        body: OwnAccountPatchBody,
        response: { 200: OwnAccountSchema, ...errorResponses },
      },
    },
    async (request) => presentOwnAccount(await updateOwnAccount(db, requireActor(request), request.body, clock)),
  );

  app.post(
    '/api/v1/users/:id/password',
    {
      schema: {
        tags,
        summary: '重置密码',
        params: IdParams,
        body: Type.Object({ password: Type.String({ maxLength: 128 }) }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await resetPassword(db, requireActor(request), request.params.id, request.body.password, config.security, clock);
      return reply.code(204).send(null);
    },
  );
};
