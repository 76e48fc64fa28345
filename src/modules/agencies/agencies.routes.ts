import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/schemas.ts';
import { requireActor } from '../../http/actor.ts';
import type { Agency } from './agencies.repository.ts';
import {
  AgencyCreateBody,
  AgencyListSchema,
  AgencyPatchBody,
  AgencySchema,
  IdParams,
  type AgencyView,
} from './agencies.schemas.ts';
import { createAgency, getAgency, listVisibleAgencies, updateAgency } from './agencies.service.ts';

export function presentAgency(a: Agency): AgencyView {
  return {
    id: a.id,
    parentId: a.parentId,
    name: a.name,
    shortName: a.shortName,
    code: a.code,
    level: a.level,
    makesRules: a.makesRules,
    contact: a.contact,
  };
}

export const agencyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.ctx;
  const tags = ['agencies'];

  app.get(
    '/api/v1/agencies',
    {
      schema: {
        tags,
        summary: '可见的机构（扁平列表，按 parentId 组成树）',
        response: { 200: AgencyListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const items = await listVisibleAgencies(db, requireActor(request));
      return { items: items.map(presentAgency) };
    },
  );

  app.get(
    '/api/v1/agencies/:id',
    { schema: { tags, summary: '机构详情', params: IdParams, response: { 200: AgencySchema, ...errorResponses } } },
    async (request) => presentAgency(await getAgency(db, requireActor(request), request.params.id)),
  );

  app.post(
    '/api/v1/agencies',
    {
      schema: { tags, summary: '新建机构', body: AgencyCreateBody, response: { 201: AgencySchema, ...errorResponses } },
    },
    async (request, reply) => {
      const agency = await createAgency(db, requireActor(request), request.body, clock);
      return reply.code(201).send(presentAgency(agency));
    },
  );

  app.patch(
    '/api/v1/agencies/:id',
    {
      schema: {
        tags,
        summary: '修改机构',
        params: IdParams,
        body: AgencyPatchBody,
        response: { 200: AgencySchema, ...errorResponses },
      },
    },
    async (request) =>
      presentAgency(await updateAgency(db, requireActor(request), request.params.id, request.body, clock)),
  );
};
