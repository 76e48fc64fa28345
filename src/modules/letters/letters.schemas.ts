/** Request and response schemas of the letter templates API (文书模板). */
import { Type } from '@fastify/type-provider-typebox';
import { LETTER_KEYS } from '../../domain/letters/index.ts';

/** A template as the agency uses it: its own override or the platform's text. */
export const TemplateSchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  title: Type.String(),
  recipient: Type.String(),
  body: Type.String(),
  overridden: Type.Boolean(),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  placeholders: Type.Array(Type.String(), { description: '此模板可用的占位符' }),
});
export const TemplateListSchema = Type.Object({ items: Type.Array(TemplateSchema) });
export const PlaceholderListSchema = Type.Object({
  items: Type.Array(Type.Object({ name: Type.String(), description: Type.String() })),
});

export const TemplateBody = Type.Object(
  {
    agencyId: Type.String({ minLength: 1, maxLength: 64 }),
    title: Type.String({ maxLength: 60 }),
    recipient: Type.String({ maxLength: 100 }),
    body: Type.String({ maxLength: 5000 }),
  },
  { additionalProperties: false },
);

/** A letter generated from a template with the values given, as DOCX or PDF. */
export const PreviewBody = Type.Object(
  {
    agencyId: Type.String({ minLength: 1, maxLength: 64 }),
    key: Type.Unsafe<string>({ type: 'string', enum: [...LETTER_KEYS] }),
    format: Type.Union([Type.Literal('docx'), Type.Literal('pdf')]),
    date: Type.String({ format: 'date' }),
    values: Type.Record(Type.String({ maxLength: 20 }), Type.String({ maxLength: 5000 })),
  },
  { additionalProperties: false },
);
