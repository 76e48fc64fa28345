import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parseCalendarFile } from '../../domain/calendar/parse.ts';
import { authorize } from '../../policies/can.ts';
import { errorResponses, ProblemSchema } from '../../http/schemas.ts';
import { requireActor } from '../../http/actor.ts';
import { ImportBody, ImportResultSchema, YearListSchema } from './calendar.schemas.ts';
import { importCalendarYear, listCalendarYears } from './calendar.service.ts';

/** The official calendar (节假日安排): list the loaded years; the system administrator imports a new one. */
export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.ctx;
  const tags = ['calendar'];

  app.get(
    '/api/v1/calendar/years',
    {
      schema: {
        tags,
        summary: '已载入的节假日安排（内置和导入）',
        response: { 200: YearListSchema, ...errorResponses },
      },
    },
    async (request) => {
      authorize(requireActor(request), 'calendar.read');
      return { items: await listCalendarYears(db) };
    },
  );

  app.post(
    '/api/v1/calendar/import',
    {
      schema: {
        tags,
        summary: '导入一年的节假日安排（JSON、CSV 或 .ics）；dryRun 只校验',
        body: ImportBody,
        response: {
          200: ImportResultSchema,
          422: ProblemSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'calendar.manage');
      const { fileName, content, dryRun, year, noticeTitle, documentNo, noticeDate } = request.body;
      const parsed = parseCalendarFile(fileName, content, {
        ...(year !== undefined ? { year } : {}),
        ...(noticeTitle ? { noticeTitle } : {}),
        ...(documentNo ? { documentNo } : {}),
        ...(noticeDate ? { noticeDate } : {}),
      });
      if (dryRun)
        return {
          year: parsed.year,
          days: parsed.days.length,
          dryRun: true,
          replacedImport: false,
          overridesBundled: false,
        };
      return { ...(await importCalendarYear(db, actor, parsed, clock)), dryRun: false };
    },
  );
};
