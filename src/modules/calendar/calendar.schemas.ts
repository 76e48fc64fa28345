/** Request and response schemas of the official calendar API (节假日安排). */
import { Type } from '@fastify/type-provider-typebox';

const Notice = Type.Object({
  title: Type.String(),
  documentNo: Type.Union([Type.String(), Type.Null()]),
  date: Type.Union([Type.String(), Type.Null()]),
});

/** A loaded year: bundled with the platform or imported, with the notice it comes from. */
export const YearSummary = Type.Object({
  year: Type.Integer(),
  source: Type.Union([Type.Literal('bundled'), Type.Literal('import')]),
  notice: Notice,
  days: Type.Integer(),
  overridesBundled: Type.Boolean(),
  importedAt: Type.Union([Type.String(), Type.Null()]),
  importedBy: Type.Union([Type.String(), Type.Null()]),
});

export const ImportBody = Type.Object({
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

export const YearListSchema = Type.Object({ items: Type.Array(YearSummary) });

export const ImportResultSchema = Type.Object({
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
});

/** One problem of a refused calendar file, in the 422 problem's `issues` (CALENDAR_INVALID). */
export const CalendarIssueSchema = Type.Object({
  where: Type.Union([Type.String(), Type.Null()]),
  date: Type.Union([Type.String(), Type.Null()]),
  message: Type.String(),
});
