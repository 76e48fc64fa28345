import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authorize } from '../../policies/can.ts';
import { errorResponses } from '../../http/schemas.ts';
import { requireActor } from '../../http/actor.ts';
import { findAll } from '../agencies/agencies.repository.ts';
import { AuditPageSchema, AuditQuery, AuditVerifySchema } from './audit.schemas.ts';
import { searchAudit, verifyAudit } from './audit.service.ts';

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, config } = app.ctx;
  const tags = ['audit'];

  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags,
        summary: '审计日志（新在前，按游标分页）',
        querystring: AuditQuery,
        response: {
          200: AuditPageSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const page = await searchAudit(db, requireActor(request), request.query);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((e) => ({
          id: e.id,
          seq: e.seq,
          agencyId: e.agencyId,
          agencyName: e.agencyName,
          actorId: e.actorId,
          actorName: e.actorName,
          action: e.action,
          subjectType: e.subjectType,
          subjectId: e.subjectId,
          summary: e.summary,
          before: e.beforeJson ? JSON.parse(e.beforeJson) : null,
          after: e.afterJson ? JSON.parse(e.afterJson) : null,
          at: e.at,
          clientIp: e.clientIp,
          hash: e.hash,
        })),
      };
    },
  );

  app.get(
    '/api/v1/audit/verify',
    {
      schema: {
        tags,
        summary: '校验审计日志哈希链',
        response: {
          200: AuditVerifySchema,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'audit.read');
      const result = await verifyAudit(db, config.auditAnchorDir);
      const names = new Map((await findAll(db)).map((a) => [a.id, a.name]));
      return {
        ok: result.ok,
        chains: result.chains.map((c) => ({
          agencyId: c.chain === 'system' ? null : c.chain,
          agencyName: c.chain === 'system' ? '系统' : (names.get(c.chain) ?? c.chain),
          events: c.events,
          headHash: c.headHash,
          ok: c.ok,
          firstBrokenSeq: c.firstBrokenSeq,
          reason: c.reason,
        })),
      };
    },
  );
};
