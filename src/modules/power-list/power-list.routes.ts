/** The 第二十条 figures API: read, enter one figure, enter a year's amounts, import a file. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { POWER_LIST_KINDS } from '../../domain/catalog/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { requireActor } from '../../http/actor.ts';
import { importFigures } from './power-list.import.ts';
import { figuresOf, saveAmounts, saveFigure } from './power-list.service.ts';

const Int = Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]);
const Dec = Type.Union([Type.String({ maxLength: 24 }), Type.Null()]);

export const powerListRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.ctx;
  const tags = ['power-list'];

  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/v1/power-list/:agencyId',
    {
      schema: {
        tags,
        summary: '权责清单等第二十条数据（本年和上一年）',
        params: Type.Object({ agencyId: Type.String() }),
        querystring: Type.Object({ year: Type.Integer({ minimum: 2008, maximum: 2100 }) }),
      },
    },
    async (request) =>
      figuresOf(db, requireActor(request), request.params.agencyId, [request.query.year - 1, request.query.year]),
  );

  app.put(
    '/api/v1/power-list/:agencyId/figures',
    {
      schema: {
        tags,
        summary: '登记一项权责清单数据',
        params: Type.Object({ agencyId: Type.String() }),
        body: Type.Object({
          year: Type.Integer(),
          kind: Type.Union(POWER_LIST_KINDS.map((k) => Type.Literal(k))),
          itemCount: Int,
          added: Type.Optional(Int),
          removed: Type.Optional(Int),
          decisions: Int,
          source: Type.String({ maxLength: 200 }),
        }),
      },
    },
    async (request) => saveFigure(db, requireActor(request), request.params.agencyId, request.body, clock),
  );

  app.put(
    '/api/v1/power-list/:agencyId/amounts',
    {
      schema: {
        tags,
        summary: '登记政府集中采购和收费金额',
        params: Type.Object({ agencyId: Type.String() }),
        body: Type.Object({
          year: Type.Integer(),
          procurementProjects: Int,
          procurementAmountYuan: Dec,
          feesCollectedWan: Dec,
          source: Type.String({ maxLength: 200 }),
        }),
      },
    },
    async (request) => saveAmounts(db, requireActor(request), request.params.agencyId, request.body, clock),
  );

  app.post(
    '/api/v1/power-list/:agencyId/import',
    {
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags,
        summary: '从 XLSX/CSV 导入（请求体为文件内容，?name= 文件名；?apply=1 时导入无误的行）',
        params: Type.Object({ agencyId: Type.String() }),
        querystring: Type.Object({
          name: Type.String({ maxLength: 200 }),
          apply: Type.Optional(Type.Boolean()),
          source: Type.Optional(Type.String({ maxLength: 200 })),
        }),
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body))
        throw new DomainError('VALIDATION_FAILED', '请以 application/octet-stream 上传文件内容');
      return importFigures(
        db,
        requireActor(request),
        request.params.agencyId,
        {
          fileName: request.query.name,
          content: request.body,
          apply: request.query.apply === true,
          defaultSource: request.query.source,
        },
        clock,
      );
    },
  );
};
