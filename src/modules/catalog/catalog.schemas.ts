/** Request and response schemas of the catalog API (TypeBox: validation, types and OpenAPI at once). */
import { Type, type Static } from '@fastify/type-provider-typebox';
import {
  CATALOG_STATES,
  GUIDE_SECTIONS,
  TIMELINESS_LABELS,
  type CatalogState,
  type Timeliness,
} from '../../domain/catalog/index.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const DateString = Type.String({ format: 'date' });
const StateSchema = Type.Unsafe<CatalogState>({ type: 'string', enum: [...CATALOG_STATES] });

export const ItemInputSchema = Type.Object({
  title: Type.String({ maxLength: 300 }),
  docNumber: Type.Optional(Type.String({ maxLength: 60 })),
  publisher: Type.Optional(Type.String({ maxLength: 100 })),
  statutoryItem: Type.String({ maxLength: 40 }),
  categoryId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  docType: Type.String({ maxLength: 40 }),
  summary: Type.Optional(Type.String({ maxLength: 2000 })),
  bodyHtml: Type.Optional(Type.String({ maxLength: 2_000_000 })),
  formedOn: DateString,
  special: Type.Optional(
    Type.Union([Type.Object({ workingDays: Type.Integer(), basis: Type.String({ maxLength: 200 }) }), Type.Null()]),
  ),
  effectiveOn: Type.Optional(Type.Union([DateString, Type.Null()])),
  replacesId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  interpretsId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  videoUrl: Type.Optional(Type.Union([Type.String({ maxLength: 600 }), Type.Null()])),
  qa: Type.Optional(
    Type.Union([
      Type.Array(Type.Object({ question: Type.String({ maxLength: 400 }), answer: Type.String({ maxLength: 6000 }) }), {
        maxItems: 40,
      }),
      Type.Null(),
    ]),
  ),
});

export const CreateBody = Type.Intersect([
  Type.Object({ agencyId: Type.Optional(Type.String({ maxLength: 64 })) }),
  ItemInputSchema,
]);

export const ActionBody = Type.Object({
  kind: Type.Union([
    Type.Literal('submit'),
    Type.Literal('confidentiality_pass'),
    Type.Literal('approve'),
    Type.Literal('send_back'),
    Type.Literal('withdraw'),
    Type.Literal('correct'),
  ]),
  opinion: Type.Optional(Type.String({ maxLength: 2000 })),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
  publishAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  correction: Type.Optional(ItemInputSchema),
});
export type ActionBodyType = Static<typeof ActionBody>;

export const AttachmentSchema = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
});

export const EventSchema = Type.Object({
  step: Type.String(),
  result: Type.String(),
  opinion: Type.String(),
  actorName: Type.String(),
  at: Type.String(),
  version: Type.Integer(),
});

export const ItemSchema = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  indexNo: Nullable(Type.String()),
  title: Type.String(),
  docNumber: Type.String(),
  publisher: Type.String(),
  statutoryItem: Type.String(),
  categoryId: Nullable(Type.String()),
  docType: Type.String(),
  summary: Type.String(),
  bodyHtml: Type.String(),
  formedOn: Type.String(),
  special: Type.Union([Type.Object({ workingDays: Type.Integer(), basis: Type.String() }), Type.Null()]),
  dueOn: Type.String(),
  dueExplanation: Type.String(),
  dueProvisional: Type.Boolean(),
  timeliness: Type.Unsafe<Timeliness>({
    type: 'string',
    enum: Object.keys(TIMELINESS_LABELS),
    description: 'on_time 按时公开 · late 逾期公开 · soon_due 即将到期 · pending 未到期 · overdue 已逾期未公开',
  }),
  state: StateSchema,
  publishedAt: Nullable(Type.String()),
  publishedOn: Nullable(Type.String()),
  withdrawnOn: Nullable(Type.String()),
  withdrawReason: Nullable(Type.String()),
  effectiveOn: Nullable(Type.String()),
  endedAs: Nullable(Type.String()),
  endedOn: Nullable(Type.String()),
  replacesId: Nullable(Type.String()),
  interpretsId: Nullable(Type.String()),
  videoUrl: Nullable(Type.String()),
  qa: Type.Array(Type.Object({ question: Type.String(), answer: Type.String() })),
  authorId: Nullable(Type.String()),
  authorName: Type.String(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type ItemView = Static<typeof ItemSchema>;

const ValidityEndSchema = Type.Union([Type.Literal('repealed'), Type.Literal('lapsed'), Type.Literal('revised')]);

/** 规章 and 规范性文件 only: validity today, the documents it revises or that revise it, and its history. */
export const ValiditySchema = Type.Object({
  status: Type.Union([Type.Literal('valid'), ValidityEndSchema]),
  effectiveOn: Nullable(Type.String()),
  endedAs: Type.Union([ValidityEndSchema, Type.Null()]),
  endedOn: Nullable(Type.String()),
  replaces: Type.Union([Type.Object({ id: Type.String(), title: Type.String(), state: StateSchema }), Type.Null()]),
  revisions: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      state: StateSchema,
      effectiveOn: Nullable(Type.String()),
      publishedOn: Nullable(Type.String()),
    }),
  ),
  history: Type.Array(
    Type.Object({
      step: Type.String(),
      on: Type.String(),
      text: Type.String(),
      actorName: Type.String(),
      at: Type.String(),
    }),
  ),
});

export const LinkedItemSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  state: Type.String(),
  publishedOn: Nullable(Type.String()),
});

export const ItemDetailSchema = Type.Intersect([
  ItemSchema,
  Type.Object({
    events: Type.Array(EventSchema),
    attachments: Type.Array(AttachmentSchema),
    validity: Type.Union([ValiditySchema, Type.Null()]),
    /** 政策解读: the policy this 解读 explains, or this policy's 解读; the reviewer's warnings. */
    interprets: Type.Union([LinkedItemSchema, Type.Null()]),
    interpretations: Type.Array(LinkedItemSchema),
    warnings: Type.Array(Type.String()),
  }),
]);

export const ListQuery = Type.Object({
  agencyId: Type.Optional(Type.String({ maxLength: 64 })),
  subtree: Type.Optional(Type.Boolean()),
  state: Type.Optional(Type.Array(Type.String({ maxLength: 40 }))),
  text: Type.Optional(Type.String({ maxLength: 100 })),
  attention: Type.Optional(Type.Boolean()),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});

export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const AttachmentParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  attachmentId: Type.String({ maxLength: 64 }),
});

export const ItemListSchema = Type.Object({ total: Type.Integer(), items: Type.Array(ItemSchema) });

export const AgencyQuery = Type.Object({ agencyId: Type.Optional(Type.String({ maxLength: 64 })) });

/** One of the agency's own categories (本机关类别), under a statutory item. */
export const CategorySchema = Type.Object(
  {
    id: Type.String(),
    agencyId: Type.String(),
    name: Type.String(),
    statutoryItem: Type.String(),
    sortOrder: Type.Integer(),
  },
  { $id: 'CatalogCategory' },
);

/** What the catalog screens choose from: states, document types, the statutory items, the categories. */
export const MetaSchema = Type.Object(
  {
    states: Type.Array(Type.Unsafe<CatalogState>({ type: 'string', enum: [...CATALOG_STATES] })),
    docTypes: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })),
    statutoryItems: Type.Array(
      Type.Object({ key: Type.String(), article: Type.String(), name: Type.String(), text: Type.String() }),
    ),
    categories: Type.Array(CategorySchema),
  },
  { $id: 'CatalogMeta' },
);

/** 第二十六条 per agency of a subtree: not yet published though due, and published late this year. */
export const LateSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      agencyId: Type.String(),
      agencyName: Type.String(),
      overdue: Type.Integer(),
      publishedLateThisYear: Type.Integer(),
    }),
  ),
});

export const GuideSchema = Type.Partial(
  Type.Object(Object.fromEntries(GUIDE_SECTIONS.map((k) => [k, Type.String({ maxLength: 20_000 })]))),
);

/** The 专栏 settings of an agency: 索引号 scheme, the 指南 sections it rewrote, the 制度 page. */
export const SettingsSchema = Type.Object(
  {
    agencyId: Type.String(),
    indexScheme: Type.String(),
    orgCode: Type.String(),
    indexCode: Type.Optional(Type.String({ description: '新索引号所用的代码（只读）' })),
    indexCodeLabel: Type.Optional(Type.String({ description: '该代码是什么（只读）' })),
    indexRule: Type.Optional(Type.String({ description: '指南所述的索引号规则（只读）' })),
    guide: GuideSchema,
    rulesHtml: Type.String(),
  },
  { $id: 'CatalogSettings' },
);
export const SettingsWithCategoriesSchema = Type.Object({
  settings: SettingsSchema,
  categories: Type.Array(CategorySchema),
});
export const SettingsSavedSchema = Type.Object({ settings: SettingsSchema });

export const SettingsBody = Type.Object({
  indexScheme: Type.Optional(Type.String({ maxLength: 80 })),
  orgCode: Type.Optional(Type.String({ maxLength: 40 })),
  guide: Type.Optional(GuideSchema),
  rulesHtml: Type.Optional(Type.String({ maxLength: 200_000 })),
});
export const CategoryBody = Type.Object({
  name: Type.String({ maxLength: 60 }),
  statutoryItem: Type.String({ maxLength: 40 }),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
});
export const AgencyParams = Type.Object({ agencyId: Type.String({ maxLength: 64 }) });
export const CategoryParams = Type.Object({
  agencyId: Type.String({ maxLength: 64 }),
  id: Type.String({ maxLength: 64 }),
});

/** 废止、失效 or 已修订 (naming the published revision). */
export const ValidityChangeBody = Type.Object({
  endedAs: ValidityEndSchema,
  endedOn: Type.String({ format: 'date' }),
  reason: Type.String({ maxLength: 500 }),
  replacedById: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
});
export const ValidityEndedSchema = Type.Object({
  id: Type.String(),
  endedAs: ValidityEndSchema,
  endedOn: Type.String(),
});

/** GET /catalog/policies: the policies a 解读 may explain. */
export const PolicyListSchema = Type.Object({ items: Type.Array(LinkedItemSchema) }, { $id: 'CatalogPolicyList' });

/** GET /catalog/interpretation-stats: a year's published policies with their published 解读. */
export const InterpretationStatsSchema = Type.Object(
  {
    year: Type.Integer(),
    policies: Type.Array(
      Type.Object({
        id: Type.String(),
        agencyId: Type.String(),
        title: Type.String(),
        docType: Type.String(),
        publishedOn: Type.String(),
        interpretations: Type.Integer(),
      }),
    ),
    totals: Type.Object({
      policies: Type.Integer(),
      withInterpretation: Type.Integer(),
      interpretations: Type.Integer(),
    }),
  },
  { $id: 'CatalogInterpretationStats' },
);
