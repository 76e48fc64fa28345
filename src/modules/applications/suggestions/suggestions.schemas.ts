/** Request and response schemas of the 第四十四条 suggestion actions (TypeBox: validation, types and OpenAPI at once). */
import { Type, type Static } from '@fastify/type-provider-typebox';

const ApplicationIds = Type.Array(Type.String({ maxLength: 64 }), {
  minItems: 1,
  maxItems: 500,
  description: '建议中的申请（用于识别建议；决定记在整组申请上）',
});

export const DraftSuggestionBody = Type.Object(
  {
    agencyId: Type.Optional(Type.String({ maxLength: 64 })),
    applicationIds: ApplicationIds,
    title: Type.String({ maxLength: 300 }),
    summary: Type.Optional(Type.String({ maxLength: 2000 })),
    statutoryItem: Type.String({ maxLength: 40 }),
    docType: Type.String({ maxLength: 40 }),
    formedOn: Type.String({ format: 'date', description: '成文日期（信息形成或者变更之日，第二十六条起算）' }),
  },
  { additionalProperties: false },
);

export const DismissSuggestionBody = Type.Object(
  {
    agencyId: Type.Optional(Type.String({ maxLength: 64 })),
    applicationIds: ApplicationIds,
    reason: Type.String({ maxLength: 1000, description: '不予主动公开的理由' }),
  },
  { additionalProperties: false },
);

const Decision = Type.Union([Type.Literal('drafted'), Type.Literal('dismissed')]);

/** A group of applications for the same information, with a proposed catalog title and summary. */
export const SuggestionSchema = Type.Object(
  {
    key: Type.String({ description: '同一组申请不变' }),
    applicants: Type.Integer(),
    proposedTitle: Type.String(),
    proposedSummary: Type.String(),
    members: Type.Array(
      Type.Object({
        id: Type.String(),
        trackingNumber: Type.String(),
        applicantKind: Type.String(),
        arrivalDate: Type.String(),
        receivedDate: Type.Union([Type.String(), Type.Null()]),
        outcome: Type.Union([Type.String(), Type.Null()]),
        information: Type.String(),
        decision: Type.Union([
          Type.Object({
            decision: Decision,
            reason: Type.String(),
            catalogItemId: Type.Union([Type.String(), Type.Null()]),
            decidedBy: Type.String(),
            decidedAt: Type.String(),
          }),
          Type.Null(),
        ]),
      }),
    ),
  },
  { $id: 'Suggestion' },
);
export type SuggestionView = Static<typeof SuggestionSchema>;

/** A decision already taken, with the applications it covered. */
export const HandledSuggestionSchema = Type.Object(
  {
    batchId: Type.String(),
    decision: Decision,
    reason: Type.String(),
    catalogItem: Type.Union([
      Type.Object({ id: Type.String(), title: Type.String(), state: Type.String() }),
      Type.Null(),
    ]),
    decidedBy: Type.String(),
    decidedAt: Type.String(),
    trackingNumbers: Type.Array(Type.String()),
  },
  { $id: 'HandledSuggestion' },
);

export const SuggestionListSchema = Type.Object({
  items: Type.Array(SuggestionSchema),
  handled: Type.Array(HandledSuggestionSchema),
});
export const DraftedSchema = Type.Object({ catalogItemId: Type.String() });
export const DismissedSchema = Type.Object({ dismissed: Type.Integer() });
