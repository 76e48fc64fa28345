/** The 第二十条 figures API: read, enter one figure, enter a year's amounts, import a file. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError } from '../../domain/errors.ts';
import { requireActor } from '../../http/actor.ts';
import { errorResponses } from '../../http/schemas.ts';
import { importFigures } from './power-list.import.ts';
import {
  AgencyParams,
  AmountBody,
  AmountSchema,
  FigureBody,
  FigureSchema,
  FiguresSchema,
  ImportQuery,
  ImportResultSchema,
  YearQuery,
} from './power-list.schemas.ts';
import { figuresOf, saveAmounts, saveFigure } from './power-list.service.ts';

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
        params: AgencyParams,
        querystring: YearQuery,
        response: { 200: FiguresSchema, ...errorResponses },
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
        params: AgencyParams,
        body: FigureBody,
        response: { 200: FigureSchema, ...errorResponses },
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
        params: AgencyParams,
        body: AmountBody,
        response: { 200: AmountSchema, ...errorResponses },
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
        params: AgencyParams,
        querystring: ImportQuery,
        response: { 200: ImportResultSchema, ...errorResponses },
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
