/** HTTP API of the 投诉、举报 register: thin routes over complaints.service.ts. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { requireActor } from '../../http/actor.ts';
import { errorResponses } from '../../http/schemas.ts';
import { createPersonalDataCipher } from '../privacy/personal-data.ts';
import {
  ComplaintCreateBody,
  ComplaintListQuery,
  ComplaintSchema,
  ConcludeBody,
  IdParams,
  StepBody,
  StepSchema,
} from './complaints.schemas.ts';
import {
  addComplaintStep,
  concludeComplaint,
  getComplaint,
  listComplaints,
  registerComplaint,
} from './complaints.service.ts';

export const complaintRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.ctx;
  const cipher = createPersonalDataCipher(app.ctx.encryptionKey, app.ctx.config.cryptoSuite);
  const tags = ['complaints'];

  app.get(
    '/api/v1/complaints',
    {
      schema: {
        tags,
        summary: '投诉、举报列表（主管部门看所辖机构，机构看本机构）',
        querystring: ComplaintListQuery,
        response: {
          200: Type.Object({ items: Type.Array(ComplaintSchema), total: Type.Integer() }),
          ...errorResponses,
        },
      },
    },
    async (request) => listComplaints(db, requireActor(request), request.query, cipher),
  );

  app.get(
    '/api/v1/complaints/:id',
    {
      schema: {
        tags,
        summary: '投诉、举报详情及办理环节',
        params: IdParams,
        response: {
          200: Type.Object({ complaint: ComplaintSchema, steps: Type.Array(StepSchema) }),
          ...errorResponses,
        },
      },
    },
    async (request) => getComplaint(db, requireActor(request), request.params.id, cipher),
  );

  app.post(
    '/api/v1/complaints',
    {
      schema: {
        tags,
        summary: '登记投诉、举报（第四十七条、第五十一条）',
        body: ComplaintCreateBody,
        response: { 201: ComplaintSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await registerComplaint(db, requireActor(request), request.body, cipher, clock)),
  );

  app.post(
    '/api/v1/complaints/:id/steps',
    {
      schema: {
        tags,
        summary: '记录办理环节',
        params: IdParams,
        body: StepBody,
        response: { 201: StepSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addComplaintStep(db, requireActor(request), request.params.id, request.body, clock)),
  );

  app.post(
    '/api/v1/complaints/:id/conclusion',
    {
      schema: {
        tags,
        summary: '办结并登记结果',
        params: IdParams,
        body: ConcludeBody,
        response: { 200: ComplaintSchema, ...errorResponses },
      },
    },
    async (request) => concludeComplaint(db, requireActor(request), request.params.id, request.body, cipher, clock),
  );
};
