/** HTTP API of 年报体检 (docs/report-import.md): thin routes over the report-check services. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { requireActor } from '../../http/actor.ts';
import { errorResponses, fileResponse } from '../../http/schemas.ts';
import { moduleFigureSources } from '../reports/figure-sources.ts';
import { compareWithGenerated } from './report-checks.compare.ts';
import {
  ComparisonSchema,
  DetailSchema,
  ExportQuery,
  IdParams,
  SummarySchema,
  UploadBody,
  UploadResultSchema,
} from './report-checks.schemas.ts';
import { getReportCheck, importsForExport, listReportChecks, uploadReports } from './report-checks.service.ts';
import { findingsWorkbook } from './report-checks.xlsx.ts';
import { UPLOAD_BODY_LIMIT } from '../../domain/report/upload-limits.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportCheckRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.ctx;
  const tags = ['report-checks'];

  app.post(
    '/api/v1/report-checks/uploads',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        summary: '上传已公布的年度报告（HTML、DOCX、PDF、文本；Base64），读取、检查并保存',
        body: UploadBody,
        response: { 200: Type.Object({ results: Type.Array(UploadResultSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      results: await uploadReports(
        db,
        requireActor(request),
        request.body.files.map((f) => ({ name: f.name, data: Buffer.from(f.content, 'base64') })),
        clock,
      ),
    }),
  );

  app.get(
    '/api/v1/report-checks',
    {
      schema: {
        tags,
        summary: '已导入的年度报告（机关 × 年度）及检查结果数量',
        response: { 200: Type.Object({ items: Type.Array(SummarySchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await listReportChecks(db, requireActor(request)),
    }),
  );

  app.get(
    '/api/v1/report-checks/findings.xlsx',
    {
      schema: {
        tags,
        summary: '检查结果导出（XLSX，每条一行）',
        querystring: ExportQuery,
        response: {
          200: fileResponse('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const data = await findingsWorkbook(await importsForExport(db, requireActor(request), request.query));
      const name = `年报体检结果${request.query.year ? `-${request.query.year}年` : ''}.xlsx`;
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="report-checks.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(data);
    },
  );

  app.get(
    '/api/v1/report-checks/:id',
    {
      schema: {
        tags,
        summary: '一份导入的年度报告及其检查结果',
        params: IdParams,
        response: { 200: DetailSchema, ...errorResponses },
      },
    },
    async (request) => getReportCheck(db, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/report-checks/:id/comparison',
    {
      schema: {
        tags,
        summary: '与平台按业务记录生成的同年度报告逐格比对',
        params: IdParams,
        response: { 200: ComparisonSchema, ...errorResponses },
      },
    },
    async (request) => compareWithGenerated(db, requireActor(request), request.params.id, clock, moduleFigureSources),
  );
};
