/** HTTP API of 年报体检 (docs/report-import.md): thin routes over the report-check services. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../http/actor.ts';
import { errorResponses, fileResponse, NoContent } from '../../http/schemas.ts';
import { originalFileOf, publishPastReport, withdrawPastReport } from './past-reports.service.ts';
import { moduleFigureSources } from '../reports/figure-sources.ts';
import { compareWithGenerated } from './report-checks.compare.ts';
import { compareStoredReports, comparisonDocx, comparisonWorkbook, reportLibrary } from './report-compare.service.ts';
import {
  CompareQuery,
  ComparisonSchema,
  LibrarySchema,
  YearComparisonSchema,
  DetailSchema,
  ExportQuery,
  IdParams,
  PastPublicationSchema,
  PublishPastBody,
  SummaryListSchema,
  UploadBody,
  UploadAnswerSchema,
} from './report-checks.schemas.ts';
import { getReportCheck, importsForExport, listReportChecks, uploadReports } from './report-checks.service.ts';
import { findingsWorkbook } from './report-checks.xlsx.ts';
import { UPLOAD_BODY_LIMIT } from '../../domain/report/upload-limits.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** content-disposition with an ASCII fallback and the Chinese name (RFC 6266). */
const attachment = (ascii: string, name: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** The file name for the ASCII fallback: its extension kept, the rest replaced. */
const asciiName = (name: string) => `report${/\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? ''}`;

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
        response: { 200: UploadAnswerSchema, ...errorResponses },
      },
    },
    async (request) => ({
      results: await uploadReports(
        db,
        requireActor(request),
        request.body.files.map((f) => ({
          name: f.name,
          data: Buffer.from(f.content, 'base64'),
          ...(f.year !== undefined ? { year: f.year } : {}),
          ...(f.agency !== undefined ? { agency: f.agency } : {}),
        })),
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
        response: { 200: SummaryListSchema, ...errorResponses },
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
    '/api/v1/report-checks/library',
    {
      schema: {
        tags,
        summary: '年报库：已导入的报告按机关和年度配对（同一文件只保存一次）',
        response: { 200: LibrarySchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await reportLibrary(db, requireActor(request)) }),
  );

  app.get(
    '/api/v1/report-checks/compare',
    {
      schema: {
        tags,
        summary: '同一机关两份年度报告逐年比较：表格每格变化、正文段落增删改、变化最大的数字、跨年度检查（R5–R7）',
        querystring: CompareQuery,
        response: { 200: YearComparisonSchema, ...errorResponses },
      },
    },
    async (request) => compareStoredReports(db, requireActor(request), request.query.a, request.query.b),
  );

  // The comparison as a file, one route per format.
  for (const f of [
    { ext: 'xlsx', label: 'XLSX', type: XLSX, render: comparisonWorkbook },
    { ext: 'docx', label: 'DOCX', type: DOCX, render: comparisonDocx },
  ] as const) {
    app.get(
      `/api/v1/report-checks/compare.${f.ext}`,
      {
        schema: {
          tags,
          summary: `逐年比较导出（${f.label}）`,
          querystring: CompareQuery,
          response: { 200: fileResponse(f.type), ...errorResponses },
        },
      },
      async (request, reply) => {
        const c = await compareStoredReports(db, requireActor(request), request.query.a, request.query.b);
        const name = `${c.agency}${c.before.year}-${c.after.year}年度报告比较.${f.ext}`;
        return reply
          .type(f.type)
          .header('content-disposition', attachment(`comparison.${f.ext}`, name))
          .send(await f.render(c));
      },
    );
  }

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
    '/api/v1/report-checks/:id/original',
    {
      schema: {
        tags,
        summary: '导入时上传的原文件',
        params: IdParams,
        response: { 200: fileResponse('application/octet-stream'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const f = await originalFileOf(db, requireActor(request), request.params.id);
      return reply
        .type(f.mediaType)
        .header('content-disposition', attachment(asciiName(f.fileName), f.fileName))
        .send(f.content);
    },
  );

  app.post(
    '/api/v1/report-checks/:id/publication',
    {
      schema: {
        tags,
        summary: '把导入的往年报告作为该机关该年度的年度报告在门户发布（原文导入）',
        params: IdParams,
        body: PublishPastBody,
        response: { 200: PastPublicationSchema, ...errorResponses },
      },
    },
    async (request) =>
      publishPastReport(db, requireActor(request), request.params.id, { publishedOn: request.body.publishedOn }, clock),
  );

  app.delete(
    '/api/v1/report-checks/:id/publication',
    {
      schema: {
        tags,
        summary: '从门户撤下原文导入的往年报告',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await withdrawPastReport(db, requireActor(request), request.params.id, clock);
      return reply.code(204).send(null);
    },
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
