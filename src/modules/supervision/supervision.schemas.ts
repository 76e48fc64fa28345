/** Request and response schemas of the supervision API (TypeBox: validation, types, OpenAPI). */
import { Type } from '@fastify/type-provider-typebox';
import { AnnualReportSchema, FindingSchema } from '../reports/reports.schemas.ts';

const Count = Type.Number();
const MaybeNumber = Type.Union([Type.Number(), Type.Null()]);
const Counts = Type.Record(Type.String(), Type.Number());

/**
 * Period fields are taken as text and checked by the period rules, so a bad one gets a Chinese
 * message naming the field (not a generic schema error).
 */
export const PeriodQuery = {
  year: Type.Optional(Type.String({ description: '统计年度，例如 2025' })),
  quarter: Type.Optional(Type.String({ description: '季度 1–4（与 year 一起）' })),
  month: Type.Optional(Type.String({ description: '月份 1–12（与 year 一起）' })),
  from: Type.Optional(Type.String({ description: '开始日期 YYYY-MM-DD（与 to 一起，代替 year）' })),
  to: Type.Optional(Type.String({ description: '结束日期 YYYY-MM-DD' })),
};

export const StatisticsQuery = Type.Object({
  agencyId: Type.Optional(Type.String({ description: '统计的上级机关（默认：本人监督范围的最上级）' })),
  ...PeriodQuery,
});

export const RecordsQuery = Type.Object({
  agencyId: Type.Optional(Type.String()),
  metric: Type.String({ description: '统计项，例如 overdueNow、closedLate、outcome:granted、publishedLate' }),
  scope: Type.Optional(Type.Union([Type.Literal('own'), Type.Literal('subtree')])),
  ...PeriodQuery,
});

export const PeriodSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  label: Type.String(),
  year: Type.Integer(),
});

const FiguresSchema = Type.Object({
  applications: Type.Object({
    received: Count,
    closed: Count,
    open: Count,
    overdueNow: Count,
    closedLate: Count,
    refusals: Count,
    refusalsWithReasons: Count,
    replyDays: Counts,
    outcomes: Counts,
    feesYuan: Count,
  }),
  catalog: Type.Object({
    published: Count,
    byItem: Counts,
    onTime: Count,
    late: Count,
    overdueNow: Count,
    normativePublic: Count,
    normativeInForce: Count,
    normativeEnded: Count,
    normativeDated: Count,
    interpretations: Count,
    normativePublished: Count,
  }),
  cases: Type.Object({
    filed: Counts,
    concluded: Count,
    corrected: Count,
    upheld: Count,
    pending: Count,
  }),
  derived: Type.Object({
    onTimeRate: MaybeNumber,
    medianReplyDays: MaybeNumber,
    p90ReplyDays: MaybeNumber,
    publicationOnTimeRate: MaybeNumber,
    correctionRate: MaybeNumber,
  }),
});

const ReportRollupSchema = Type.Object({
  agencies: Count,
  published: Count,
  publishedLate: Count,
  overdue: Count,
  draft: Count,
  withErrors: Count,
});

export const StatisticsSchema = Type.Object({
  root: Type.Object({ id: Type.String(), name: Type.String() }),
  period: PeriodSchema,
  today: Type.String(),
  total: FiguresSchema,
  reports: ReportRollupSchema,
  months: Type.Array(Type.Object({ month: Type.String(), received: Count, closed: Count, closedLate: Count })),
  agencies: Type.Array(
    Type.Object({
      agency: Type.Object({
        id: Type.String(),
        name: Type.String(),
        shortName: Type.String(),
        level: Type.String(),
        parentId: Type.Union([Type.String(), Type.Null()]),
        depth: Type.Integer(),
      }),
      own: FiguresSchema,
      subtree: FiguresSchema,
      report: Type.Object({
        year: Type.Integer(),
        deadline: Type.String(),
        status: Type.Union([Type.String(), Type.Null()]),
        state: Type.String(),
        publishedOn: Type.Union([Type.String(), Type.Null()]),
        late: Type.Boolean(),
        version: Type.Integer(),
        errors: Count,
        warnings: Count,
        rules: Type.Array(Type.String()),
      }),
      reports: ReportRollupSchema,
    }),
  ),
});

export const RecordsSchema = Type.Object({
  agency: Type.Object({ id: Type.String(), name: Type.String() }),
  metric: Type.String(),
  period: PeriodSchema,
  total: Count,
  items: Type.Array(
    Type.Object({
      kind: Type.String(),
      id: Type.String(),
      agencyId: Type.String(),
      agencyName: Type.String(),
      reference: Type.String(),
      title: Type.String(),
      date: Type.Union([Type.String(), Type.Null()]),
      due: Type.Union([Type.String(), Type.Null()]),
      state: Type.String(),
      link: Type.String(),
    }),
  ),
});

export const BinaryFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '文件' });

export const AggregateQuery = Type.Object({
  agencyId: Type.Optional(Type.String({ description: '汇总的上级机关（默认：本人监督范围的最上级）' })),
  year: Type.String({ description: '报告年度' }),
});

export const AggregateExportQuery = Type.Object({
  agencyId: Type.Optional(Type.String()),
  year: Type.String({ description: '报告年度' }),
  format: Type.Union(
    ['json', 'docx', 'xlsx', 'pdf'].map((f) => Type.Literal(f)),
    { description: '导出格式' },
  ),
});

export const AggregateSchema = Type.Object({
  report: AnnualReportSchema,
  findings: Type.Array(FindingSchema),
  asOf: Type.String(),
});

export const ScorecardQuery = Type.Object({
  agencyId: Type.Optional(Type.String({ description: '考核范围的上级机关（默认：本人监督范围的最上级）' })),
  year: Type.String({ description: '考核年度' }),
});

const RuleSchema = Type.Object(
  {
    kind: Type.String({ description: 'ratio | atLeast | atMost' }),
    numerator: Type.Optional(Type.String()),
    denominator: Type.Optional(Type.String()),
    metric: Type.Optional(Type.String()),
    zero: Type.Number(),
    full: Type.Number(),
    noData: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const IndicatorSchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  dimension: Type.String(),
  weight: Type.Number(),
  rule: RuleSchema,
  basis: Type.String(),
  advice: Type.String(),
});

export const IndicatorSetBody = Type.Object({
  name: Type.String({ maxLength: 200 }),
  indicators: Type.Array(IndicatorSchema, { maxItems: 100 }),
  note: Type.Optional(Type.String({ maxLength: 1000, description: '调整说明' })),
});

const SetSchema = Type.Object({
  name: Type.String(),
  indicators: Type.Array(IndicatorSchema),
  version: Type.Integer(),
  savedBy: Type.Union([Type.String(), Type.Null()]),
  savedAt: Type.Union([Type.String(), Type.Null()]),
  note: Type.String(),
});

export const IndicatorSetsSchema = Type.Object({
  root: Type.Object({ id: Type.String(), name: Type.String() }),
  year: Type.Integer(),
  current: SetSchema,
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      name: Type.String(),
      note: Type.String(),
      savedBy: Type.String(),
      savedAt: Type.String(),
    }),
  ),
  defaults: Type.Object({ name: Type.String(), indicators: Type.Array(IndicatorSchema) }),
  metrics: Type.Record(Type.String(), Type.String()),
});

export const SavedSetSchema = SetSchema;

export const ScorecardSchema = Type.Object({
  root: Type.Object({ id: Type.String(), name: Type.String() }),
  year: Type.Integer(),
  set: SetSchema,
  agencies: Type.Array(
    Type.Object({
      agency: Type.Object({ id: Type.String(), name: Type.String(), level: Type.String(), depth: Type.Integer() }),
      total: Type.Number(),
      rank: Type.Integer(),
      indicators: Type.Array(
        Type.Object({
          key: Type.String(),
          points: Type.Number(),
          max: Type.Number(),
          value: Type.Union([Type.Number(), Type.Null()]),
          evidenceCount: Type.Number(),
          evidenceMetric: Type.Union([Type.String(), Type.Null()]),
          evidenceLink: Type.Union([Type.String(), Type.Null()]),
          advice: Type.String(),
        }),
      ),
    }),
  ),
});
