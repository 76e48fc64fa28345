import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { ping } from '../../db/connect.ts';

/**
 * /healthz: the process is up. /readyz: the database answers (load balancers route on it).
 * Probes come every few seconds: they log only warnings and errors, not a line per request.
 */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const Status = Type.Object({ status: Type.String() });
  app.get(
    '/healthz',
    { logLevel: 'warn', schema: { tags: ['health'], summary: '进程存活', response: { 200: Status } } },
    async () => ({
      status: 'ok',
    }),
  );
  app.get(
    '/readyz',
    { logLevel: 'warn', schema: { tags: ['health'], summary: '数据库可用', response: { 200: Status, 503: Status } } },
    async (_request, reply) => {
      try {
        await ping(app.ctx.db);
        return { status: 'ready' };
      } catch (err) {
        app.log.error({ err }, 'readiness check failed');
        return reply.code(503).send({ status: 'database unavailable' });
      }
    },
  );
};
