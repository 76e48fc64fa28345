/** Schemas shared by every route: the problem+json error body. */
import { Type } from '@fastify/type-provider-typebox';

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: '稳定的错误代码，例如 VALIDATION_FAILED' }),
    detail: Type.String({ description: '中文说明' }),
    errors: Type.Optional(Type.Record(Type.String(), Type.String(), { description: '字段 → 中文错误' })),
  },
  { $id: 'Problem', additionalProperties: true },
);

/** Standard error responses for an authenticated route. */
export const errorResponses = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
};
