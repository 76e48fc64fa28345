/** Request and response schemas of the annual report API (TypeBox: validation, types, OpenAPI). */
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { AnnualReport } from '../../domain/report/annual-report.ts';
import type { Severity } from '../../domain/report/findings.ts';

const Year = Type.Integer({ minimum: 2019, maximum: 2100, description: '报告年度' });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const CellValue = Type.Union([Type.Number(), Type.Null()]);
const Row = Type.Array(CellValue);

export const ReportParams = Type.Object({ agencyId: Type.String({ minLength: 1 }), year: Year });
export const VersionParams = Type.Object({
  agencyId: Type.String({ minLength: 1 }),
  year: Year,
  version: Type.Integer({ minimum: 1 }),
});
export const ListQuery = Type.Object({ agencyId: Type.String({ minLength: 1 }) });
export const SubtreeQuery = Type.Object({ rootId: Type.String({ minLength: 1 }), year: Year });
export const ExportQuery = Type.Object({
  format: Type.Union(['json', 'docx', 'xlsx', 'pdf', 'html'].map((f) => Type.Literal(f))),
  version: Type.Optional(Type.Integer({ minimum: 1, description: '已发布的版本号；不填为当前记录计算的报告' })),
});

const Sections = Type.Object({
  preamble: Type.String(),
  overview: Type.String(),
  problems: Type.String(),
  other: Type.String(),
});

export const SaveBody = Type.Object(
  {
    sections: Type.Optional(
      Type.Partial(
        Type.Object({
          preamble: Type.String({ maxLength: 20000 }),
          overview: Type.String({ maxLength: 50000 }),
          problems: Type.String({ maxLength: 20000 }),
          other: Type.String({ maxLength: 20000 }),
        }),
        { additionalProperties: false },
      ),
    ),
    signatureDate: Type.Optional(Type.Union([IsoDate, Type.Null()])),
    format: Type.Optional(
      Type.Union([
        Type.Object({
          format: Type.Union([Type.Literal('V2019'), Type.Literal('V2021')]),
          reason: Type.String({ maxLength: 500 }),
        }),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false },
);
export type SaveBody = Static<typeof SaveBody>;

export const CommentBody = Type.Object(
  { comment: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export const ReasonBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

/**
 * gongkai.annual-report/1 (report-json.md), loosely: the tables are row key → cells. Only ever
 * sent, never read from a request, so its type is the domain's AnnualReport that the server sends.
 */
export const AnnualReportSchema = Type.Unsafe<AnnualReport>(
  Type.Object(
    {
      schema: Type.Literal('gongkai.annual-report/1'),
      format: Type.Union([Type.Literal('V2019'), Type.Literal('V2021')]),
      agency: Type.Object({
        name: Type.String(),
        code: Type.Optional(Type.String()),
        level: Type.Optional(Type.String()),
        makesRules: Type.Optional(Type.Boolean()),
      }),
      includedAgencies: Type.Optional(
        Type.Array(
          Type.Object({
            name: Type.String(),
            code: Type.Optional(Type.String()),
            level: Type.Optional(Type.String()),
            makesRules: Type.Optional(Type.Boolean()),
          }),
        ),
      ),
      year: Type.Integer(),
      date: Type.Optional(Type.Union([Type.String(), Type.Null()])),
      table2: Type.Record(Type.String(), Row),
      table3: Type.Record(Type.String(), Row),
      table4: Type.Record(Type.String(), Row),
      sections: Type.Optional(
        Type.Object({
          overview: Type.Optional(Type.String()),
          problems: Type.Optional(Type.String()),
          other: Type.Optional(Type.String()),
        }),
      ),
    },
    { $id: 'AnnualReport' },
  ),
);

/** error, warning or info (src/domain/report/findings.ts). */
export const SeveritySchema = Type.Unsafe<Severity>({ type: 'string', enum: ['error', 'warning', 'info'] });
export const FindingSchema = Type.Object({
  rule: Type.String(),
  severity: SeveritySchema,
  where: Type.String(),
  message: Type.String(),
});
export const ChangeSchema = Type.Object({
  where: Type.String(),
  label: Type.String(),
  published: CellValue,
  current: CellValue,
});

export const RecordSchema = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  year: Type.Integer(),
  format: Type.String(),
  formatReason: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('draft'), Type.Literal('review'), Type.Literal('published')]),
  sections: Sections,
  signatureDate: Type.Union([Type.String(), Type.Null()]),
  currentVersion: Type.Integer(),
  revisionReason: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
});

export const VersionSummarySchema = Type.Object({
  version: Type.Integer(),
  reason: Type.Union([Type.String(), Type.Null()]),
  publishedOn: Type.String(),
  publishedAt: Type.String(),
  publishedByName: Type.String(),
});

export const VersionSchema = Type.Object({
  ...VersionSummarySchema.properties,
  report: AnnualReportSchema,
  preamble: Type.String(),
});

/** Where an agency stands with one year's report under 第四十九条. */
export const DueSchema = Type.Object({
  deadline: Type.String({ description: '法定公布期限（YYYY-MM-DD）' }),
  kind: Type.Union([Type.Literal('department'), Type.Literal('government'), Type.Literal('township')]),
  basis: Type.String({ description: '期限依据，如「县级以上人民政府部门（第四十九条第一款）」' }),
  state: Type.Union([
    Type.Literal('published'),
    Type.Literal('year_not_ended'),
    Type.Literal('not_due'),
    Type.Literal('due_soon'),
    Type.Literal('overdue'),
  ]),
});

export const ListSchema = Type.Object({
  today: Type.String(),
  items: Type.Array(RecordSchema),
  years: Type.Array(
    Type.Object({ year: Type.Integer(), record: Type.Union([RecordSchema, Type.Null()]), due: DueSchema }),
  ),
});

export const ViewSchema = Type.Object({
  agency: Type.Object({ id: Type.String(), name: Type.String(), code: Type.String(), level: Type.String() }),
  record: Type.Union([RecordSchema, Type.Null()]),
  report: AnnualReportSchema,
  sections: Sections,
  draft: Sections,
  findings: Type.Array(FindingSchema),
  changes: Type.Array(ChangeSchema),
  versions: Type.Array(VersionSummarySchema),
  previousSource: Type.Union([Type.String(), Type.Null()]),
  deadline: Type.String(),
  due: DueSchema,
  today: Type.String(),
  preview: Type.Union([Type.String(), Type.Null()], {
    description: '年度未结束时的预览标注「截至×月×日，未到发布时间」；年度结束后为 null',
  }),
});

export const OverviewSchema = Type.Object({
  year: Type.Integer(),
  rows: Type.Array(
    Type.Object({
      agency: Type.Object({ id: Type.String(), name: Type.String(), code: Type.String(), level: Type.String() }),
      deadline: Type.String(),
      state: Type.String(),
      status: Type.Union([Type.String(), Type.Null()]),
      publishedOn: Type.Union([Type.String(), Type.Null()]),
      late: Type.Boolean(),
      version: Type.Integer(),
    }),
  ),
});

export const AggregateSchema = Type.Object({ report: AnnualReportSchema, findings: Type.Array(FindingSchema) });
