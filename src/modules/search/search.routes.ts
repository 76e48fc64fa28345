/**
 * The public search API (JSON): `/api/v1/public/search` for any client and
 * `/api/v1/public/suggest` for the application form's suggestions while the applicant types.
 * No login; rate-limited like the portal.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/schemas.ts';
import { searchPublic, suggest } from './search.service.ts';

const Hit = Type.Object({
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

const SearchQuery = Type.Object({
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

export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock, config } = app.ctx;
  // Each search queries the index: the search limit, not the page-view one (docs/configuration.md).
  const rateLimit = { max: config.security.searchRateLimit, timeWindow: '1 minute' };
  const tags = ['search'];

  app.get(
    '/api/v1/public/search',
    {
      config: { rateLimit },
      schema: {
        tags,
        security: [],
        summary: '检索已主动公开的政府信息（中文分词）',
        querystring: SearchQuery,
        response: {
          200: Type.Object({
            words: Type.Array(Type.String()),
            total: Type.Integer({ description: '命中条数，精确计数至 1000 条' }),
            totalExact: Type.Boolean({ description: 'false 表示命中超过 total 条' }),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            hits: Type.Array(Hit),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const r = await searchPublic(db, request.query, clock);
      return {
        ...r,
        hits: r.hits.map((h) => ({
          id: h.item.id,
          agencyId: h.item.agencyId,
          indexNo: h.item.indexNo,
          title: h.item.title,
          titleHtml: h.titleHtml,
          snippetHtml: h.snippetHtml,
          docNumber: h.item.docNumber,
          docType: h.item.docType,
          publishedOn: h.item.publishedOn,
          url: `/gk/items/${h.item.id}`,
        })),
      };
    },
  );

  app.get(
    '/api/v1/public/suggest',
    {
      config: { rateLimit },
      schema: {
        tags,
        security: [],
        summary: '申请表填写时提示已公开的信息',
        querystring: Type.Object({
          q: Type.String({ maxLength: 100 }),
          agency: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                title: Type.String(),
                indexNo: Type.Union([Type.String(), Type.Null()]),
                publishedOn: Type.Union([Type.String(), Type.Null()]),
                url: Type.String(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      items: (await suggest(db, request.query.q, request.query.agency, clock)).map((s) => ({
        id: s.id,
        title: s.title,
        indexNo: s.indexNo,
        publishedOn: s.publishedOn,
        url: `/gk/items/${s.id}`,
      })),
    }),
  );
};
