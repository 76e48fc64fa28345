/** HTTP API of the 行政复议 / 行政诉讼 register: thin routes over cases.service.ts. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { table4Rows } from '../../domain/cases/index.ts';
import { authorize } from '../../policies/can.ts';
import { requireActor } from '../../http/actor.ts';
import { errorResponses } from '../../http/schemas.ts';
import {
  CaseCreateBody,
  CaseListSchema,
  CaseListQuery,
  CasePatchBody,
  CaseSchema,
  FiguresQuery,
  FiguresSchema,
  IdParams,
  type CaseView,
} from './cases.schemas.ts';
import { caseFigures, createCase, getCase, listCases, updateCase, type DisclosureCase } from './cases.service.ts';

/** A case as the API shows it. */
export function presentCase(c: DisclosureCase): CaseView {
  return { ...c };
}

export const caseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.ctx;
  const tags = ['cases'];

  app.get(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: '行政复议、行政诉讼案件列表',
        querystring: CaseListQuery,
        response: { 200: CaseListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { items, total } = await listCases(db, requireActor(request), request.query);
      return { items: items.map(presentCase), total };
    },
  );

  app.get(
    '/api/v1/cases/figures',
    {
      schema: {
        tags,
        summary: '年度报告表四（按生命周期规则统计）',
        querystring: FiguresQuery,
        response: { 200: FiguresSchema, ...errorResponses },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'cases.read', { agencyId: request.query.agencyId });
      const figures = await caseFigures(db, [request.query.agencyId], request.query.year);
      return { year: request.query.year, figures, table4: table4Rows(figures) };
    },
  );

  app.get(
    '/api/v1/cases/:id',
    { schema: { tags, summary: '案件详情', params: IdParams, response: { 200: CaseSchema, ...errorResponses } } },
    async (request) => presentCase(await getCase(db, requireActor(request), request.params.id)),
  );

  app.post(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: '登记行政复议或行政诉讼案件',
        body: CaseCreateBody,
        response: { 201: CaseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { agencyId, ...input } = request.body;
      return reply.code(201).send(presentCase(await createCase(db, requireActor(request), agencyId, input, clock)));
    },
  );

  app.patch(
    '/api/v1/cases/:id',
    {
      schema: {
        tags,
        summary: '修改案件（如登记审结结果）',
        params: IdParams,
        body: CasePatchBody,
        response: { 200: CaseSchema, ...errorResponses },
      },
    },
    async (request) => presentCase(await updateCase(db, requireActor(request), request.params.id, request.body, clock)),
  );
};
