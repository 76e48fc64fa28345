import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { parseCalendarFile } from '../../domain/calendar/parse.ts';
import { authorize } from '../../policies/can.ts';
import { errorResponses, ProblemSchema } from '../../http/schemas.ts';
import { requireActor } from '../../http/actor.ts';
import { ValidationError } from '../../domain/errors.ts';
import { recomputeAfterCalendarImport } from '../applications/documents/provisional.ts';
import { checkStatutoryHolidays, importCalendarYear, listCalendarYears } from './calendar.service.ts';

const Notice = Type.Object({
  title: Type.String(),
  documentNo: Type.Union([Type.String(), Type.Null()]),
  date: Type.Union([Type.String(), Type.Null()]),
});

const YearSummary = Type.Object({
  year: Type.Integer(),
  source: Type.Union([Type.Literal('bundled'), Type.Literal('import')]),
  notice: Notice,
  days: Type.Integer(),
  overridesBundled: Type.Boolean(),
  importedAt: Type.Union([Type.String(), Type.Null()]),
  importedBy: Type.Union([Type.String(), Type.Null()]),
});

const ImportBody = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  /** The file's text (JSON, CSV or iCalendar), at most 1 MB… */
  content: Type.Optional(Type.String({ minLength: 1, maxLength: 1_000_000 })),
  /** …or its bytes in base64 (a CSV saved by Excel or WPS on Chinese Windows is GB18030). */
  contentBase64: Type.Optional(Type.String({ minLength: 1, maxLength: 1_400_000 })),
  /** Import although the file lacks statutory holidays of 《全国年节及纪念日放假办法》. */
  confirmMissingHolidays: Type.Optional(Type.Boolean()),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  noticeTitle: Type.Optional(Type.String({ maxLength: 200 })),
  documentNo: Type.Optional(Type.String({ maxLength: 100 })),
  noticeDate: Type.Optional(Type.String({ format: 'date' })),
  dryRun: Type.Optional(Type.Boolean()),
});

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
        response: { 200: Type.Object({ items: Type.Array(YearSummary) }), ...errorResponses },
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
          200: Type.Object({
            year: Type.Integer(),
            days: Type.Integer(),
            dryRun: Type.Boolean(),
            replacedImport: Type.Boolean(),
            overridesBundled: Type.Boolean(),
            /** Statutory holidays the file does not list as days off (dry run: to confirm; import: confirmed). */
            missingHolidays: Type.Array(Type.Object({ name: Type.String(), date: Type.String() })),
            /** Applications recomputed, changed, provisional notices settled and 期限调整告知书 issued (not on a dry run). */
            recomputed: Type.Integer(),
            changed: Type.Integer(),
            noticesSettled: Type.Integer(),
            followUps: Type.Integer(),
          }),
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
