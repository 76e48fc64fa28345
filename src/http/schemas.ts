/** Schemas shared by every route: the problem+json error body. */
import type { Readable } from 'node:stream';
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

/**
 * The 2xx response of a file download: its content types, each a binary body. Fastify sends a
 * Buffer or stream as it is; the schema is for the OpenAPI document (and its test).
 */
export function fileResponse(...contentTypes: [string, ...string[]]) {
  // Typed as what the handler sends (the type provider checks `reply.send`), shown as binary.
  const binary = Type.Unsafe<Uint8Array | Readable>({ type: 'string', format: 'binary' });
  return {
    description: '文件',
    content: Object.fromEntries(contentTypes.map((type) => [type, { schema: binary }])),
  };
}

/** The 204 response of a change with nothing to return. */
export const NoContent = Type.Null({ description: '无内容' });

/** A generated document: PDF or DOCX (Word/WPS). */
export const documentResponse = fileResponse(
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
);
