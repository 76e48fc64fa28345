/** Request and response schemas of the case register API. */
import { Type, type Static } from '@fastify/type-provider-typebox';
import { CASE_KINDS, CASE_RESULTS, type CaseKind, type CaseResult } from '../../domain/cases/index.ts';

export const CaseKindSchema = Type.Unsafe<CaseKind>({
  type: 'string',
  enum: [...CASE_KINDS],
  description:
    'reconsideration 行政复议 | litigation_direct 未经复议直接起诉 | litigation_after_reconsideration 复议后起诉',
});
export const CaseResultSchema = Type.Unsafe<CaseResult>({
  type: 'string',
  enum: [...CASE_RESULTS],
  description: 'upheld 结果维持 | corrected 结果纠正 | other 其他结果 | pending 尚未审结',
});
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const CaseSchema = Type.Object(
  {
    id: Type.String(),
    agencyId: Type.String(),
    applicationId: Type.Union([Type.String(), Type.Null()]),
    kind: CaseKindSchema,
    caseNumber: Type.String(),
    party: Type.String(),
    organ: Type.String(),
    subject: Type.String(),
    filedDate: Type.String(),
    concludedDate: Type.Union([Type.String(), Type.Null()]),
    result: CaseResultSchema,
    resultNote: Type.String(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Case' },
);
export type CaseView = Static<typeof CaseSchema>;
export const CaseListSchema = Type.Object({ items: Type.Array(CaseSchema), total: Type.Integer() });

const CaseFieldsBody = {
  kind: CaseKindSchema,
  caseNumber: Type.Optional(Type.String({ maxLength: 60 })),
  party: Type.String({ maxLength: 100 }),
  organ: Type.String({ maxLength: 100 }),
  subject: Type.Optional(Type.String({ maxLength: 1000 })),
  filedDate: Type.String({ maxLength: 10 }),
  concludedDate: Type.Optional(Nullable(Type.String({ maxLength: 10 }))),
  result: CaseResultSchema,
  resultNote: Type.Optional(Type.String({ maxLength: 1000 })),
  applicationId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
};

export const CaseCreateBody = Type.Object(
  { agencyId: Type.String({ minLength: 1, maxLength: 64 }), ...CaseFieldsBody },
  { additionalProperties: false },
);
export const CasePatchBody = Type.Partial(Type.Object(CaseFieldsBody, { additionalProperties: false }));

export const CaseListQuery = Type.Object({
  agencyId: Type.Optional(Type.String({ maxLength: 64 })),
  year: Type.Optional(Type.Integer({ minimum: 2008, maximum: 2100 })),
  kind: Type.Optional(CaseKindSchema),
  result: Type.Optional(CaseResultSchema),
  applicationId: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});

const Counts = Type.Object({
  upheld: Type.Integer(),
  corrected: Type.Integer(),
  other: Type.Integer(),
  pending: Type.Integer(),
});
export const FiguresQuery = Type.Object({
  agencyId: Type.String({ maxLength: 64 }),
  year: Type.Integer({ minimum: 2008, maximum: 2100 }),
});
export const FiguresSchema = Type.Object({
  year: Type.Integer(),
  figures: Type.Object({
    reconsideration: Counts,
    litigation_direct: Counts,
    litigation_after_reconsideration: Counts,
  }),
  table4: Type.Object({
    reconsideration: Type.Array(Type.Integer()),
    litigation_direct: Type.Array(Type.Integer()),
    litigation_after_reconsideration: Type.Array(Type.Integer()),
  }),
});
export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
