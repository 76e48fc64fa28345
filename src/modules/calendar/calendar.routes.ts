import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parseCalendarFile } from '../../domain/calendar/parse.ts';
import { authorize } from '../../policies/can.ts';
import { errorResponses, ProblemSchema } from '../../http/schemas.ts';
import { requireActor } from '../../http/actor.ts';
import { ValidationError } from '../../domain/errors.ts';
import { recomputeAfterCalendarImport } from '../applications/documents/provisional.ts';
import { ImportBody, ImportResultSchema, YearListSchema } from './calendar.schemas.ts';
import { checkStatutoryHolidays, importCalendarYear, listCalendarYears } from './calendar.service.ts';

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
      const { fileName, content, contentBase64, dryRun, year, noticeTitle, documentNo, noticeDate } = request.body;
      if ((content === undefined) === (contentBase64 === undefined))
        throw new ValidationError({
          content: '请提供文件内容（content 为文本，或 contentBase64 为文件的字节），二者选一',
        });
      const parsed = parseCalendarFile(fileName, content ?? Buffer.from(contentBase64!, 'base64'), {
        ...(year !== undefined ? { year } : {}),
        ...(noticeTitle ? { noticeTitle } : {}),
        ...(documentNo ? { documentNo } : {}),
        ...(noticeDate ? { noticeDate } : {}),
      });
      const none = { recomputed: 0, changed: 0, noticesSettled: 0, followUps: 0 };
      if (dryRun)
        return {
          year: parsed.year,
          days: parsed.days.length,
          dryRun: true,
          replacedImport: false,
          overridesBundled: false,
          missingHolidays: checkStatutoryHolidays(parsed, true),
          ...none,
        };
      const confirmed = request.body.confirmMissingHolidays === true;
      const result = await importCalendarYear(db, actor, parsed, clock, {
        confirmMissingHolidays: confirmed,
        afterImport: (tx, calendar) => recomputeAfterCalendarImport(tx, clock, calendar, [parsed.year]),
      });
      return {
        year: result.year,
        days: result.days,
        replacedImport: result.replacedImport,
        overridesBundled: result.overridesBundled,
        dryRun: false,
        missingHolidays: checkStatutoryHolidays(parsed, true),
        ...(result.after ?? none),
      };
    },
  );
};
