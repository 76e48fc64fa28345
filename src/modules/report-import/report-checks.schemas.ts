/** Request and response schemas of the 年报体检 API (TypeBox: validation, types, OpenAPI). */
import { Type, type Static } from '@fastify/type-provider-typebox';
import { AnnualReportSchema, SeveritySchema } from '../reports/reports.schemas.ts';
import { UPLOAD_MAX_FILES } from '../../domain/report/upload-limits.ts';

const CellValue = Type.Union([Type.Number(), Type.Null()]);

export const UploadBody = Type.Object(
  {
    files: Type.Array(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 500, description: '文件名（可含文件夹中的相对路径）' }),
          content: Type.String({ pattern: '^[A-Za-z0-9+/]*={0,2}$', description: '文件内容，Base64 编码' }),
          year: Type.Optional(
            Type.Integer({ minimum: 2008, maximum: 2099, description: '报告所属年度（文件本身没有写明时填写）' }),
          ),
          agency: Type.Optional(
            Type.String({ minLength: 1, maxLength: 100, description: '发布机关全称（文件本身没有写明时填写）' }),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: UPLOAD_MAX_FILES },
    ),
  },
  { additionalProperties: false },
);
export type UploadBody = Static<typeof UploadBody>;

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
export const ExportQuery = Type.Object({
  id: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '只导出这一份报告的检查结果' })),
  year: Type.Optional(Type.Integer({ minimum: 2019, maximum: 2100, description: '只导出这一年度' })),
});

const Counts = Type.Object({ error: Type.Integer(), warning: Type.Integer(), info: Type.Integer() });

export const UploadResultSchema = Type.Object({
  file: Type.String(),
  status: Type.Union([Type.Literal('inserted'), Type.Literal('duplicate'), Type.Literal('skipped')]),
  id: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  agencyName: Type.Union([Type.String(), Type.Null()]),
  year: Type.Union([Type.Integer(), Type.Null()]),
  format: Type.Union([Type.String(), Type.Null()]),
  /** «年度：2019，依据：标题» */
  detection: Type.Union([Type.String(), Type.Null()]),
  counts: Counts,
});

/** The answer of an upload: one result per file. */
export const UploadAnswerSchema = Type.Object({ results: Type.Array(UploadResultSchema) });

export const SummarySchema = Type.Object({
  id: Type.String(),
  agencyName: Type.String(),
  agencyId: Type.Union([Type.String(), Type.Null()]),
  year: Type.Integer(),
  format: Type.String(),
  sourceFile: Type.String(),
  importedAt: Type.String(),
  importedBy: Type.Union([Type.String(), Type.Null()]),
  counts: Counts,
});

export const SummaryListSchema = Type.Object({ items: Type.Array(SummarySchema) });

export const LabelledFindingSchema = Type.Object({
  rule: Type.String(),
  ruleName: Type.String({ description: '规则的中文名称，如「行合计（R1）」' }),
  severity: SeveritySchema,
  where: Type.String(),
  cells: Type.Optional(Type.Array(Type.String(), { description: '分组的检查结果涉及的单元格' })),
  label: Type.String(),
  message: Type.String(),
});

/** Where an import stands on the portal (issue 16, 原文导入). */
export const PastPublicationSchema = Type.Object({
  agencyId: Type.String(),
  agencyName: Type.String(),
  year: Type.Integer(),
  publishedOn: Type.String({ description: '机关原来发布该报告的日期' }),
  publishedAt: Type.String(),
  publishedBy: Type.Union([Type.String(), Type.Null()]),
});

export const PublishPastBody = Type.Object(
  {
    publishedOn: Type.Optional(
      Type.String({
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        description: '机关原来发布该报告的日期（YYYY-MM-DD）；不填则取报告落款日期',
      }),
    ),
  },
  { additionalProperties: false },
);

export const DetailSchema = Type.Object({
  ...SummarySchema.properties,
  report: AnnualReportSchema,
  detection: Type.Union([Type.String(), Type.Null()]),
  findings: Type.Array(LabelledFindingSchema),
  /** The file as uploaded; null for imports stored before originals were kept. */
  original: Type.Union([
    Type.Object({ fileName: Type.String(), mediaType: Type.String(), size: Type.Integer() }),
    Type.Null(),
  ]),
  /** Published on the portal as the agency's report of its year (原文导入), or null. */
  publication: Type.Union([
    Type.Object({
      publishedOn: Type.String(),
      publishedAt: Type.String(),
      publishedBy: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
});

export const ComparisonSchema = Type.Object({
  agency: Type.Object({ id: Type.String(), name: Type.String() }),
  year: Type.Integer(),
  format: Type.String(),
  generated: AnnualReportSchema,
  differences: Type.Array(
    Type.Object({ where: Type.String(), label: Type.String(), imported: CellValue, generated: CellValue }),
  ),
});

export const CompareQuery = Type.Object({
  a: Type.String({ minLength: 1, maxLength: 100, description: '一份导入的年度报告' }),
  b: Type.String({ minLength: 1, maxLength: 100, description: '同一机关的另一份年度报告（先后不限）' }),
});

const YearCellChangeSchema = Type.Object({
  where: Type.String(),
  label: Type.String(),
  before: CellValue,
  after: CellValue,
  change: Type.Union([Type.Number(), Type.Null()]),
  ratio: Type.Union([Type.Number(), Type.Null()]),
});

export const YearComparisonSchema = Type.Object({
  agency: Type.String(),
  before: Type.Object({ year: Type.Integer(), format: Type.String() }),
  after: Type.Object({ year: Type.Integer(), format: Type.String() }),
  sameFormat: Type.Boolean(),
  cells: Type.Array(YearCellChangeSchema),
  movers: Type.Array(YearCellChangeSchema),
  paragraphs: Type.Array(
    Type.Object({
      section: Type.String(),
      kind: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
      before: Type.Union([Type.String(), Type.Null()]),
      after: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  crossYear: Type.Array(
    Type.Object({ rule: Type.String(), severity: Type.String(), where: Type.String(), message: Type.String() }),
  ),
});

export const LibrarySchema = Type.Object({
  items: Type.Array(
    Type.Object({
      agencyName: Type.String(),
      years: Type.Array(
        Type.Object({ year: Type.Integer(), id: Type.String(), sourceFile: Type.String(), format: Type.String() }),
      ),
      pairs: Type.Array(
        Type.Object({ before: Type.String(), after: Type.String(), years: Type.Array(Type.Integer()) }),
      ),
    }),
  ),
});
