/** The shapes of the public search API (search.routes.ts); the console reads them as its types. */
import { Type } from '@fastify/type-provider-typebox';

export const SearchHitSchema = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  indexNo: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  titleHtml: Type.String({ description: '标题，匹配词以 <mark> 标出（已转义）' }),
  snippetHtml: Type.String({ description: '正文摘要，匹配词以 <mark> 标出（已转义）' }),
  docNumber: Type.String(),
  docType: Type.String(),
  publishedOn: Type.Union([Type.String(), Type.Null()]),
  url: Type.String(),
});

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  agency: Type.Optional(Type.String({ maxLength: 100 })),
  item: Type.Optional(Type.String({ maxLength: 40 })),
  category: Type.Optional(Type.String({ maxLength: 64 })),
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
  type: Type.Optional(Type.String({ maxLength: 40 })),
  validity: Type.Optional(Type.String({ maxLength: 20 })),
  order: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('date')])),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});

export const SearchAnswerSchema = Type.Object({
  words: Type.Array(Type.String()),
  total: Type.Integer({ description: '命中条数，精确计数至 1000 条' }),
  totalExact: Type.Boolean({ description: 'false 表示命中超过 total 条' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  hits: Type.Array(SearchHitSchema),
});

export const SuggestQuery = Type.Object({
  q: Type.String({ maxLength: 100 }),
  agency: Type.Optional(Type.String({ maxLength: 100 })),
});

export const SuggestAnswerSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      indexNo: Type.Union([Type.String(), Type.Null()]),
      publishedOn: Type.Union([Type.String(), Type.Null()]),
      url: Type.String(),
    }),
  ),
});
