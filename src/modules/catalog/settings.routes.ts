/** The 专栏 settings API: 索引号 scheme, editable 指南 sections, 制度 page, categories; and validity changes. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { requireActor } from '../../http/actor.ts';
import { authorize } from '../../policies/can.ts';
import { categoriesOf, saveCategory, saveSettings, settingsFor, GUIDE_SECTIONS } from './settings.service.ts';
import { endValidity } from './validity.service.ts';

const Guide = Type.Partial(
  Type.Object(Object.fromEntries(GUIDE_SECTIONS.map((k) => [k, Type.String({ maxLength: 20_000 })]))),
);
const Category = Type.Object({
  name: Type.String({ maxLength: 60 }),
  statutoryItem: Type.String({ maxLength: 40 }),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
});

export const catalogSettingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.ctx;
  const tags = ['catalog'];
  const params = Type.Object({ agencyId: Type.String({ maxLength: 64 }) });

  app.get(
    '/api/v1/catalog/settings/:agencyId',
    { schema: { tags, summary: '专栏设置和本机关类别', params } },
    async (request) => {
      authorize(requireActor(request), 'catalog.read', { agencyId: request.params.agencyId });
      return {
        settings: await settingsFor(db, request.params.agencyId),
        categories: await categoriesOf(db, request.params.agencyId),
      };
    },
  );

  app.put(
    '/api/v1/catalog/settings/:agencyId',
    {
      schema: {
        tags,
        summary: '修改专栏设置（索引号规则、指南各部分、制度）',
        params,
        body: Type.Object({
          indexScheme: Type.Optional(Type.String({ maxLength: 80 })),
          orgCode: Type.Optional(Type.String({ maxLength: 40 })),
          guide: Type.Optional(Guide),
          rulesHtml: Type.Optional(Type.String({ maxLength: 200_000 })),
        }),
      },
    },
    async (request) => ({
      settings: await saveSettings(db, requireActor(request), request.params.agencyId, request.body, clock),
    }),
  );

  app.post(
    '/api/v1/catalog/settings/:agencyId/categories',
    { schema: { tags, summary: '新增本机关类别', params, body: Category } },
    async (request, reply) =>
      reply
        .code(201)
        .send(await saveCategory(db, requireActor(request), request.params.agencyId, null, request.body, clock)),
  );

  app.put(
    '/api/v1/catalog/settings/:agencyId/categories/:id',
    {
      schema: {
        tags,
        summary: '修改本机关类别',
        params: Type.Object({ agencyId: Type.String({ maxLength: 64 }), id: Type.String({ maxLength: 64 }) }),
        body: Category,
      },
    },
    async (request) =>
      saveCategory(db, requireActor(request), request.params.agencyId, request.params.id, request.body, clock),
  );

  app.post(
    '/api/v1/catalog/items/:id/validity',
    {
      schema: {
        tags,
        summary: '登记规章、规范性文件废止、失效或已修订（已修订须指明已发布的修订后文件）',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        body: Type.Object({
          endedAs: Type.Union([Type.Literal('repealed'), Type.Literal('lapsed'), Type.Literal('revised')]),
          endedOn: Type.String({ format: 'date' }),
          reason: Type.String({ maxLength: 500 }),
          replacedById: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
        }),
      },
    },
    async (request) => {
      const item = await endValidity(db, requireActor(request), request.params.id, request.body, clock);
      return { id: item.id, endedAs: item.endedAs, endedOn: item.endedOn };
    },
  );
};
