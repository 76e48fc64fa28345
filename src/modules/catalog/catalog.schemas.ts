/** Request and response schemas of the catalog API (TypeBox: validation, types and OpenAPI at once). */
import { Type, type Static } from '@fastify/type-provider-typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const DateString = Type.String({ format: 'date' });

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
  kind: Type.Union(
    ['submit', 'confidentiality_pass', 'approve', 'send_back', 'withdraw', 'correct'].map((k) => Type.Literal(k)),
  ),
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
  timeliness: Type.String({
    description: 'on_time 按时公开 · late 逾期公开 · soon_due 即将到期 · pending 未到期 · overdue 已逾期未公开',
  }),
  state: Type.String(),
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
  replaces: Type.Union([Type.Object({ id: Type.String(), title: Type.String(), state: Type.String() }), Type.Null()]),
  revisions: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      state: Type.String(),
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

const LinkedItemSchema = Type.Object({
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
