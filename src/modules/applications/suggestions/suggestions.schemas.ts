/** Request schemas of the 第四十四条 suggestion actions (TypeBox: validation, types and OpenAPI at once). */
import { Type } from '@fastify/type-provider-typebox';

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
