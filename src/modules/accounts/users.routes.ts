import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { ROLE_INFO, ROLES, SYSTEM_ROLES } from '../../domain/accounts.ts';
import { authorize } from '../../policies/can.ts';
import { errorResponses } from '../../http/schemas.ts';
import { requireActor } from '../../http/actor.ts';
import { IdParams } from '../agencies/agencies.schemas.ts';
import { approveChange, listChanges, pendingFor, presentChange, rejectChange } from './account-changes.service.ts';
import {
  AccountChangeSchema,
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
      const users = await listUsers(db, actor, request.query.agencyId);
      const pending = await pendingFor(
        db,
        users.map((u) => u.id),
      );
      return { items: users.map((u) => presentUser(u, actor, pending)) };
    },
  );

  app.post(
    '/api/v1/users',
    { schema: { tags, summary: '新建账号', body: UserCreateBody, response: { 201: UserSchema, ...errorResponses } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const user = await createUser(db, actor, request.body, config.security, clock);
      return reply.code(201).send(presentUser(user, actor, await pendingFor(db, [user.id])));
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
      const user = await updateUser(db, actor, request.params.id, request.body, clock);
      return presentUser(user, actor, await pendingFor(db, [user.id]));
    },
  );

  app.post(
    '/api/v1/users/:id/unlock',
    { schema: { tags, summary: '解除锁定', params: IdParams, response: { 200: UserSchema, ...errorResponses } } },
    async (request) => {
      const actor = requireActor(request);
      const user = await unlockUser(db, actor, request.params.id, clock);
      return presentUser(user, actor, await pendingFor(db, [user.id]));
    },
  );

  app.get(
    '/api/v1/account',
    { schema: { tags, summary: '我的账号', response: { 200: OwnAccountSchema, ...errorResponses } } },
    async (request) => {
      const user = await getOwnAccount(db, requireActor(request));
      return presentOwnAccount(user, await pendingFor(db, [user.id]));
    },
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
    async (request) => {
      const user = await updateOwnAccount(db, requireActor(request), request.body, clock);
      return presentOwnAccount(user, await pendingFor(db, [user.id]));
    },
  );

  app.post(
    '/api/v1/users/:id/password',
    {
      schema: {
        tags,
        summary: '重置密码（管理员申请，安全保密管理员批准后生效：202；命令行操作员：204）',
        params: IdParams,
        body: Type.Object({ password: Type.Optional(Type.String({ maxLength: 128 })) }),
        response: { 202: Type.Object({ status: Type.Literal('requested') }), 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const done = await resetPassword(
        db,
        requireActor(request),
        request.params.id,
        request.body.password,
        config.security,
        clock,
      );
      return done === 'requested' ? reply.code(202).send({ status: 'requested' as const }) : reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/account-changes',
    {
      schema: {
        tags,
        summary: '账号变更申请（角色授予、重置密码）：安全保密管理员审批，审计管理员与申请方可查看',
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union([
              Type.Literal('pending'),
              Type.Literal('approved'),
              Type.Literal('rejected'),
              Type.Literal('superseded'),
            ]),
          ),
          userId: Type.Optional(Type.String()),
        }),
        response: { 200: Type.Object({ items: Type.Array(AccountChangeSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listChanges(db, requireActor(request), request.query)).map(presentChange),
    }),
  );

  app.post(
    '/api/v1/account-changes/:id/approve',
    {
      schema: {
        tags,
        summary: '批准账号变更申请（安全保密管理员）；生成的密码只在此返回一次，请当面交付本人',
        params: IdParams,
        response: {
          200: Type.Object({
            change: AccountChangeSchema,
            password: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const r = await approveChange(db, requireActor(request), request.params.id, config.security, clock);
      reply.header('cache-control', 'no-store');
      return { change: presentChange(r.change), password: r.password };
    },
  );

  app.post(
    '/api/v1/account-changes/:id/reject',
    {
      schema: {
        tags,
        summary: '不予批准账号变更申请（安全保密管理员）',
        params: IdParams,
        body: Type.Object({ note: Type.String({ maxLength: 500 }) }),
        response: { 200: AccountChangeSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentChange(await rejectChange(db, requireActor(request), request.params.id, request.body.note, clock)),
  );
};
