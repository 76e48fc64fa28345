/**
 * HTTP API of supervision (监督): the subtree's statistics and their workbook, the records behind
 * a figure, the aggregate annual report as a file, and the assessment scorecard. Thin routes:
 * authenticate → validate → one service → present. Supervisors of the subtree; auditors read.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { requireActor } from '../../http/actor.ts';
import { errorResponses } from '../../http/schemas.ts';
import { aggregateOfSubtree, exportAggregate, type AggregateFormat } from './aggregate.service.ts';
import { drillDown } from './records.service.ts';
import { indicatorSets, saveIndicatorSet, subtreeScorecard } from './scorecard.service.ts';
import { scorecardXlsx } from './scorecard.xlsx.ts';
import { SCORECARD_METRICS, type IndicatorSet } from '../../domain/supervision/scorecard.ts';
import { subtreeStatistics } from './statistics.service.ts';
import { statisticsXlsx } from './statistics.xlsx.ts';
import {
  AggregateExportQuery,
  AggregateQuery,
  AggregateSchema,
  BinaryFile,
  IndicatorSetBody,
  IndicatorSetsSchema,
  SavedSetSchema,
  ScorecardQuery,
  ScorecardSchema,
  RecordsQuery,
  RecordsSchema,
  StatisticsQuery,
  StatisticsSchema,
} from './supervision.schemas.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a file as an attachment with a Chinese file name (RFC 6266 filename*). */
export function sendFile(reply: FastifyReply, data: Buffer, contentType: string, fileName: string, ascii: string) {
  return reply
    .type(contentType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(data);
}

export const supervisionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.ctx;
  const tags = ['supervision'];

  app.get(
    '/api/v1/supervision/statistics',
    {
      schema: {
        tags,
        summary: '本级及下级机关政府信息公开工作统计（任意期间）',
        querystring: StatisticsQuery,
        response: { 200: StatisticsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { agencyId, ...period } = request.query;
      return subtreeStatistics(db, requireActor(request), { rootId: agencyId, period }, clock);
    },
  );

  app.get(
    '/api/v1/supervision/statistics.xlsx',
    {
      schema: {
        tags,
        summary: '统计表（XLSX）',
        querystring: StatisticsQuery,
        response: { 200: BinaryFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { agencyId, ...period } = request.query;
      const s = await subtreeStatistics(db, requireActor(request), { rootId: agencyId, period }, clock);
      const data = await statisticsXlsx(s);
      return sendFile(reply, data, XLSX, `${s.root.name}${s.period.label}政府信息公开工作统计.xlsx`, 'statistics.xlsx');
    },
  );

  app.get(
    '/api/v1/supervision/records',
    {
      schema: {
        tags,
        summary: '统计数字对应的记录（下钻）',
        querystring: RecordsQuery,
        response: { 200: RecordsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { agencyId, metric, scope, ...period } = request.query;
      return drillDown(db, requireActor(request), { agencyId, metric, scope, period }, clock);
    },
  );

  app.get(
    '/api/v1/supervision/aggregate',
    {
      schema: {
        tags,
        summary: '本级及下级机关年度报告汇总（表二、表三、表四）',
        querystring: AggregateQuery,
        response: { 200: AggregateSchema, ...errorResponses },
      },
    },
    async (request) =>
      aggregateOfSubtree(
        db,
        requireActor(request),
        { rootId: request.query.agencyId, year: request.query.year },
        clock,
      ),
  );

  app.get(
    '/api/v1/supervision/aggregate/export',
    {
      schema: {
        tags,
        summary: '导出汇总报告（JSON、DOCX、XLSX、PDF）',
        querystring: AggregateExportQuery,
        response: { 200: BinaryFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const a = await aggregateOfSubtree(
        db,
        requireActor(request),
        { rootId: request.query.agencyId, year: request.query.year },
        clock,
      );
      const format = request.query.format as AggregateFormat;
      const file = await exportAggregate(a, format);
      return sendFile(reply, file.data, file.contentType, file.fileName, `aggregate.${format}`);
    },
  );

  app.get(
    '/api/v1/supervision/scorecard',
    {
      schema: {
        tags,
        summary: '政务公开考核得分（各机关得分、名次、指标依据）',
        querystring: ScorecardQuery,
        response: { 200: ScorecardSchema, ...errorResponses },
      },
    },
    async (request) =>
      subtreeScorecard(db, requireActor(request), { rootId: request.query.agencyId, year: request.query.year }, clock),
  );

  app.get(
    '/api/v1/supervision/scorecard.xlsx',
    {
      schema: {
        tags,
        summary: '考核得分表（XLSX）',
        querystring: ScorecardQuery,
        response: { 200: BinaryFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const card = await subtreeScorecard(
        db,
        requireActor(request),
        { rootId: request.query.agencyId, year: request.query.year },
        clock,
      );
      return sendFile(
        reply,
        await scorecardXlsx(card),
        XLSX,
        `${card.root.name}${card.year}年政务公开考核得分.xlsx`,
        'scorecard.xlsx',
      );
    },
  );

  app.get(
    '/api/v1/supervision/scorecard/indicators',
    {
      schema: {
        tags,
        summary: '考核指标体系（当前版本、历史版本、默认指标、可用统计项）',
        querystring: ScorecardQuery,
        response: { 200: IndicatorSetsSchema, ...errorResponses },
      },
    },
    async (request) => ({
      ...(await indicatorSets(db, requireActor(request), { rootId: request.query.agencyId, year: request.query.year })),
      metrics: Object.fromEntries(Object.entries(SCORECARD_METRICS).map(([k, v]) => [k, v.label])),
    }),
  );

  app.put(
    '/api/v1/supervision/scorecard/indicators',
    {
      schema: {
        tags,
        summary: '调整考核指标（分值、阈值；保存为新版本并记入审计）',
        querystring: ScorecardQuery,
        body: IndicatorSetBody,
        response: { 200: SavedSetSchema, ...errorResponses },
      },
    },
    async (request) =>
      saveIndicatorSet(
        db,
        requireActor(request),
        {
          rootId: request.query.agencyId,
          year: request.query.year,
          set: { name: request.body.name, indicators: request.body.indicators as IndicatorSet['indicators'] },
          note: request.body.note,
        },
        clock,
      ),
  );
};
