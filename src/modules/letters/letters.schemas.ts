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

/** The 救济途径 the agency's letters name (复议机关 and court): derived from the tree, or the agency's setting. */
export const RemedySchema = Type.Object(
  {
    agencyId: Type.String(),
    reviewOrgan: Type.String({ description: '文书写明的行政复议机关' }),
    court: Type.String({ description: '文书写明的管辖法院' }),
    reviewOrganBasis: Type.String({ description: '复议机关的来源：本机关设置或推定所依据的条款' }),
    courtBasis: Type.String({ description: '管辖法院的来源' }),
    reviewOrganCertain: Type.Boolean({ description: 'false：无法确定，请设置' }),
    courtCertain: Type.Boolean(),
    setting: Type.Object(
      {
        reviewOrgan: Type.String(),
        court: Type.String(),
        updatedAt: Type.Union([Type.String(), Type.Null()]),
        updatedBy: Type.Union([Type.String(), Type.Null()]),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, $id: 'LetterRemedy' },
);

/** Setting the 救济途径: blanks return to the derivation from the agency's place in the tree. */
export const RemedyBody = Type.Object(
  { reviewOrgan: Type.String({ maxLength: 200 }), court: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);
