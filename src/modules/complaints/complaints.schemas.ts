/** Request and response schemas of the 投诉、举报 API. */
import { Type } from '@fastify/type-provider-typebox';
import {
  COMPLAINT_KINDS,
  COMPLAINT_RESULTS,
  COMPLAINT_STATUSES,
  type ComplaintKind,
  type ComplaintResult,
  type ComplaintStatus,
} from '../../domain/complaints/rules.ts';

const KindSchema = Type.Unsafe<ComplaintKind>({
  type: 'string',
  enum: [...COMPLAINT_KINDS],
  description: 'complaint 投诉 | report 举报',
});
const StatusSchema = Type.Unsafe<ComplaintStatus>({ type: 'string', enum: [...COMPLAINT_STATUSES] });
const ResultSchema = Type.Unsafe<ComplaintResult>({ type: 'string', enum: [...COMPLAINT_RESULTS] });
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const ComplaintSchema = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  agencyName: Type.String(),
  receivingAgencyId: Type.String(),
  receivingAgencyName: Type.String(),
  kind: KindSchema,
  complainant: Type.String(),
  contact: Type.String(),
  contactMasked: Type.Boolean(),
  receivedDate: Type.String(),
  subject: Type.String(),
  applicationId: NullableString,
  status: StatusSchema,
  result: Type.Union([ResultSchema, Type.Null()]),
  resultNote: Type.String(),
  concludedDate: NullableString,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const StepSchema = Type.Object({
  id: Type.Integer(),
  date: Type.String(),
  action: Type.String(),
  note: Type.String(),
  actorName: Type.String(),
  createdAt: Type.String(),
});

export const ComplaintCreateBody = Type.Object(
  {
    agencyId: Type.String({ minLength: 1, maxLength: 64 }),
    kind: KindSchema,
    complainant: Type.String({ maxLength: 100 }),
    contact: Type.Optional(Type.String({ maxLength: 120 })),
    receivedDate: Type.String({ maxLength: 10 }),
    subject: Type.String({ maxLength: 2000 }),
    applicationId: Type.Optional(NullableString),
  },
  { additionalProperties: false },
);

export const StepBody = Type.Object(
  {
    date: Type.String({ maxLength: 10 }),
    action: Type.String({ maxLength: 60 }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export const ConcludeBody = Type.Object(
  {
    result: ResultSchema,
    concludedDate: Type.String({ maxLength: 10 }),
    resultNote: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export const ComplaintListQuery = Type.Object({
  agencyId: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(StatusSchema),
  year: Type.Optional(Type.Integer({ minimum: 2008, maximum: 2100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const ComplaintListSchema = Type.Object({ items: Type.Array(ComplaintSchema), total: Type.Integer() });
export const ComplaintDetailSchema = Type.Object({ complaint: ComplaintSchema, steps: Type.Array(StepSchema) });
