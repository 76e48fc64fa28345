/** Request and response schemas of the audit trail API. */
import { Type } from '@fastify/type-provider-typebox';

/** A snapshot of the record's fields, as recorded (field → value). */
const Snapshot = Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]);
/** One audit event (审计事件). */
export const EventSchema = Type.Object(
  {
    id: Type.Integer(),
    seq: Type.Integer(),
    agencyId: Type.Union([Type.String(), Type.Null()]),
    agencyName: Type.Union([Type.String(), Type.Null()]),
    actorId: Type.Union([Type.String(), Type.Null()]),
    actorName: Type.String(),
    action: Type.String(),
    subjectType: Type.String(),
    subjectId: Type.Union([Type.String(), Type.Null()]),
    summary: Type.String(),
    before: Snapshot,
    after: Snapshot,
    at: Type.String(),
    clientIp: Type.Union([Type.String(), Type.Null()]),
    hash: Type.String(),
  },
  { $id: 'AuditEvent' },
);

/** One page of events, newest first; `nextCursor` continues after the last. */
export const AuditPageSchema = Type.Object({
  items: Type.Array(EventSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const AuditQuery = Type.Object({
  agencyId: Type.Optional(Type.String()),
  actor: Type.Optional(Type.String({ maxLength: 50 })),
  action: Type.Optional(Type.String({ maxLength: 50 })),
  subjectType: Type.Optional(Type.String({ maxLength: 50 })),
  from: Type.Optional(Type.String({ maxLength: 30 })),
  to: Type.Optional(Type.String({ maxLength: 30 })),
  cursor: Type.Optional(Type.String({ maxLength: 20 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

/** The hash chains checked, one per agency and the system's. */
export const AuditVerifySchema = Type.Object({
  ok: Type.Boolean(),
  chains: Type.Array(
    Type.Object({
      agencyId: Type.Union([Type.String(), Type.Null()]),
      agencyName: Type.String(),
      events: Type.Integer(),
      headHash: Type.Union([Type.String(), Type.Null()]),
      ok: Type.Boolean(),
      firstBrokenSeq: Type.Union([Type.Integer(), Type.Null()]),
      reason: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
