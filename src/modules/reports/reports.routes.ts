/** HTTP API of the annual reports (第四十九条、第五十条): thin routes over the report services. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError } from '../../domain/errors.ts';
import { requireActor } from '../../http/actor.ts';
import { errorResponses, fileResponse } from '../../http/schemas.ts';
import { exportReport } from './export/index.ts';
import { moduleFigureSources } from './figure-sources.ts';
import { agencyRef, presentRecord, presentVersion, presentView } from './reports.presenters.ts';
import { findVersion } from './reports.repository.ts';
import {
  AggregateSchema,
  CommentBody,
  ExportQuery,
  ListQuery,
  ListSchema,
  OverviewSchema,
  ReasonBody,
  RecordSchema,
  ReportParams,
  SaveBody,
  SubtreeQuery,
  VersionParams,
  VersionSchema,
  ViewSchema,
} from './reports.schemas.ts';
import {
  listAgencyReports,
  liveExportInput,
  publishReport,
  reportView,
  returnReport,
  saveReport,
  startRevision,
  submitReport,
} from './reports.service.ts';
import { aggregateReport, supervisorOverview } from './reports.supervision.ts';

export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock, config } = app.ctx;
  const deadlines = config.reportDeadlines;
  const sources = moduleFigureSources;
  const tags = ['reports'];
  const base = '/api/v1/reports/:agencyId/:year';

  app.get(
    '/api/v1/reports',
    {
      schema: {
        tags,
        summary: '机关的年度报告记录（各年度）',
        querystring: ListQuery,
        response: { 200: ListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const list = await listAgencyReports(db, requireActor(request), request.query.agencyId, clock, deadlines);
      return {
        today: list.today,
        items: list.years.flatMap((y) => (y.record ? [presentRecord(y.record)] : [])),
        years: list.years.map((y) => ({ year: y.year, record: y.record ? presentRecord(y.record) : null, due: y.due })),
      };
    },
  );

  app.get(
    '/api/v1/reports/supervision',
    {
      schema: {
        tags,
        summary: '下级机关年度报告发布情况（第四十九条）',
        querystring: SubtreeQuery,
        response: { 200: OverviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const rows = await supervisorOverview(
        db,
        requireActor(request),
        request.query.rootId,
        request.query.year,
        clock,
        deadlines,
      );
      return { year: request.query.year, rows: rows.map((r) => ({ ...r, agency: agencyRef(r.agency) })) };
    },
  );

  app.get(
    '/api/v1/reports/aggregate',
    {
      schema: {
        tags,
        summary: '本级及下级机关汇总报告',
        querystring: SubtreeQuery,
        response: { 200: AggregateSchema, ...errorResponses },
      },
    },
    async (request) => {
      const live = await aggregateReport(db, requireActor(request), request.query.rootId, request.query.year, sources);
      return { report: live.report, findings: live.findings };
    },
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: '年度报告（按记录计算的表格、正文、检查结果、版本）',
        params: ReportParams,
        response: { 200: ViewSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentView(
        await reportView(
          db,
          requireActor(request),
          request.params.agencyId,
          request.params.year,
          clock,
          sources,
          deadlines,
        ),
      ),
  );

  app.put(
    base,
    {
      schema: {
        tags,
        summary: '保存年度报告草稿（正文、成文日期、格式）',
        params: ReportParams,
        body: SaveBody,
        response: { 200: ViewSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentView(
        await saveReport(
          db,
          requireActor(request),
          request.params.agencyId,
          request.params.year,
          request.body,
          clock,
          sources,
        ),
      ),
  );

  app.post(
    `${base}/submit`,
    { schema: { tags, summary: '提交审核', params: ReportParams, response: { 200: RecordSchema, ...errorResponses } } },
    async (request) =>
      presentRecord(await submitReport(db, requireActor(request), request.params.agencyId, request.params.year, clock)),
  );

  app.post(
    `${base}/return`,
    {
      schema: {
        tags,
        summary: '退回修改',
        params: ReportParams,
        body: CommentBody,
        response: { 200: RecordSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentRecord(
        await returnReport(
          db,
          requireActor(request),
          request.params.agencyId,
          request.params.year,
          request.body.comment,
          clock,
        ),
      ),
  );

  app.post(
    `${base}/publish`,
    {
      schema: {
        tags,
        summary: '发布（冻结为新版本）',
        params: ReportParams,
        response: { 200: VersionSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentVersion(
        await publishReport(db, requireActor(request), request.params.agencyId, request.params.year, clock, sources),
      ),
  );

  app.post(
    `${base}/revise`,
    {
      schema: {
        tags,
        summary: '开始编制新版本（须写明理由）',
        params: ReportParams,
        body: ReasonBody,
        response: { 200: RecordSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentRecord(
        await startRevision(
          db,
          requireActor(request),
          request.params.agencyId,
          request.params.year,
          request.body.reason,
          clock,
        ),
      ),
  );

  app.get(
    `${base}/versions/:version`,
    {
      schema: {
        tags,
        summary: '已发布的某一版本',
        params: VersionParams,
        response: { 200: VersionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const view = await reportView(
        db,
        requireActor(request),
        request.params.agencyId,
        request.params.year,
        clock,
        sources,
        deadlines,
      );
      const v = view.record ? await findVersion(db, view.record.id, request.params.version) : null;
      if (!v) throw new DomainError('NOT_FOUND', '该版本不存在');
      return presentVersion(v);
    },
  );

  app.get(
    `${base}/export`,
    {
      schema: {
        tags,
        summary: '导出（JSON、DOCX、XLSX、PDF、HTML）',
        params: ReportParams,
        querystring: ExportQuery,
        response: {
          200: fileResponse(
            'application/json',
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'application/pdf',
            'text/html',
          ),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const view = await reportView(
        db,
        requireActor(request),
        request.params.agencyId,
        request.params.year,
        clock,
        sources,
        deadlines,
      );
      const wanted = request.query.version;
      const v = wanted !== undefined && view.record ? await findVersion(db, view.record.id, wanted) : null;
      if (wanted !== undefined && !v) throw new DomainError('NOT_FOUND', '该版本不存在');
      const input = v
        ? { report: v.report, preamble: v.preamble, version: { number: v.version, reason: v.reason } }
        : liveExportInput(view);
      const file = await exportReport(input, request.query.format as 'json');
      return reply
        .type(file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="report.${request.query.format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(file.data);
    },
  );
};
