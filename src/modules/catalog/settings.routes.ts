/** The 专栏 settings API: 索引号 scheme, editable 指南 sections, 制度 page, categories; and validity changes. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../http/actor.ts';
import { errorResponses } from '../../http/schemas.ts';
import { authorize } from '../../policies/can.ts';
import {
  AgencyParams,
  CategoryBody,
  CategoryParams,
  CategorySchema,
  IdParams,
  SettingsBody,
  SettingsSavedSchema,
  SettingsWithCategoriesSchema,
  ValidityChangeBody,
  ValidityEndedSchema,
} from './catalog.schemas.ts';
import { categoriesOf, saveCategory, saveSettings, settingsFor } from './settings.service.ts';
import { endValidity } from './validity.service.ts';

export const catalogSettingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.ctx;
  const tags = ['catalog'];

  app.get(
    '/api/v1/catalog/settings/:agencyId',
    {
      schema: {
        tags,
        summary: '专栏设置和本机关类别',
        params: AgencyParams,
        response: { 200: SettingsWithCategoriesSchema, ...errorResponses },
      },
    },
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
        params: AgencyParams,
        body: SettingsBody,
        response: { 200: SettingsSavedSchema, ...errorResponses },
      },
    },
    async (request) => ({
      settings: await saveSettings(db, requireActor(request), request.params.agencyId, request.body, clock),
    }),
  );

  app.post(
    '/api/v1/catalog/settings/:agencyId/categories',
    {
      schema: {
        tags,
        summary: '新增本机关类别',
        params: AgencyParams,
        body: CategoryBody,
        response: { 201: CategorySchema, ...errorResponses },
      },
    },
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
        params: CategoryParams,
        body: CategoryBody,
        response: { 200: CategorySchema, ...errorResponses },
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
        params: IdParams,
        body: ValidityChangeBody,
        response: { 200: ValidityEndedSchema, ...errorResponses },
      },
    },
    async (request) => {
      const item = await endValidity(db, requireActor(request), request.params.id, request.body, clock);
      return { id: item.id, endedAs: item.endedAs!, endedOn: item.endedOn! };
    },
  );
};
