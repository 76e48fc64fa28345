/**
 * The public search API (JSON): `/api/v1/public/search` for any client and
 * `/api/v1/public/suggest` for the application form's suggestions while the applicant types.
 * No login; rate-limited like the portal.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/schemas.ts';
import { SearchAnswerSchema, SearchQuery, SuggestAnswerSchema, SuggestQuery } from './search.schemas.ts';
import { searchPublic, suggest } from './search.service.ts';

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
          200: SearchAnswerSchema,
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
        querystring: SuggestQuery,
        response: {
          200: SuggestAnswerSchema,
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
