import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { authorize } from '../../policies/can.ts';
import { errorResponses } from '../../http/schemas.ts';
import { requireActor } from '../../http/actor.ts';
import { findAll } from '../agencies/agencies.repository.ts';
import { searchAudit, verifyAudit } from './audit.service.ts';

/** A snapshot of the record's fields, as recorded (field → value). */
const Snapshot = Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]);
const EventSchema = Type.Object({
  id: Type.Integer(),
  seq: Type.Integer(),
  agencyId: Type.Union([Type.String(), Type.Null()]),
  agencyName: Type.Union([Type.String(), Type.Null()]),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.String(),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.Union([Type.String(), Type.Null()]),
  summary: Type.String(),
  before: Snapshot,
  after: Snapshot,
  at: Type.String(),
  clientIp: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String(),
});

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, config } = app.ctx;
  const tags = ['audit'];

  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags,
        summary: '审计日志（新在前，按游标分页）',
        querystring: Type.Object({
          agencyId: Type.Optional(Type.String()),
          actor: Type.Optional(Type.String({ maxLength: 50 })),
          action: Type.Optional(Type.String({ maxLength: 50 })),
          subjectType: Type.Optional(Type.String({ maxLength: 50 })),
          from: Type.Optional(Type.String({ maxLength: 30 })),
          to: Type.Optional(Type.String({ maxLength: 30 })),
          cursor: Type.Optional(Type.String({ maxLength: 20 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(EventSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }),
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
          200: Type.Object({
            ok: Type.Boolean(),
            chains: Type.Array(
              Type.Object({
                agencyId: Type.Union([Type.String(), Type.Null()]),
                agencyName: Type.String(),
                events: Type.Integer(),
                headHash: Type.Union([Type.String(), Type.Null()]),
                ok: Type.Boolean(),
                firstBrokenSeq: Type.Union([Type.Integer(), Type.Null()]),
                reason: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
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
