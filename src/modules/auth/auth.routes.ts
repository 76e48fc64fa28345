import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { permissionsOf } from '../../policies/can.ts';
import type { Actor } from '../../policies/actor.ts';
import { errorResponses, ProblemSchema } from '../../http/schemas.ts';
import { requireActor } from '../../http/actor.ts';
import { SESSION_COOKIE } from './session-cookie.ts';
import type { UserRecord } from '../accounts/users.repository.ts';
import { changeOwnPassword, presentIdentity } from '../accounts/users.service.ts';
import { login, logout } from './auth.service.ts';
import { LoginBody, PasswordChangeBody, SessionView } from './auth.schemas.ts';
import { secureCookie } from '../../http/secure.ts';

function presentMe(user: UserRecord, actor: Actor) {
  return {
    ...presentIdentity(user),
    permissions: [...permissionsOf(actor)].sort(),
    mustChangePassword: user.mustChangePassword,
  };
}

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, config, clock } = app.ctx;
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/',
  };

  app.post(
    '/api/v1/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: '登录（控制台）',
        body: LoginBody,
        response: { 200: SessionView, 401: ProblemSchema, 423: ProblemSchema, 429: ProblemSchema },
      },
      config: { rateLimit: { max: config.security.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await login(
        db,
        { ...request.body, clientIp: request.ip, userAgent: request.headers['user-agent'] ?? '' },
        config.security,
        clock,
      );
      reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        ...cookieOptions,
        secure: secureCookie(request, config),
        maxAge: config.security.sessionMaxHours * 3600,
      });
      return { user: presentMe(result.user, result.actor), csrfToken: result.csrfToken };
    },
  );

  app.get(
    '/api/v1/auth/me',
    { schema: { tags: ['auth'], summary: '当前登录用户', response: { 200: SessionView, 401: ProblemSchema } } },
    async (request) => {
      requireActor(request);
      const session = request.session;
      if (!session) throw Object.assign(new Error('API 令牌没有会话'), { statusCode: 400 });
      return { user: presentMe(session.user, session.actor), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      if (request.session) await logout(db, request.session, clock);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改自己的密码',
        body: PasswordChangeBody,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await changeOwnPassword(
        db,
        actor,
        request.body.currentPassword,
        request.body.newPassword,
        config.security,
        clock,
      );
      return reply.code(204).send(null);
    },
  );
};
