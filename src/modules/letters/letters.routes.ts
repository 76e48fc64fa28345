/** HTTP API of letter templates: list, override, reset, preview (thin routes over letters.service.ts). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { LETTER_KEYS, PLACEHOLDERS } from '../../domain/letters/index.ts';
import { requireActor } from '../../http/actor.ts';
import { documentResponse, errorResponses } from '../../http/schemas.ts';
import { documentFileName } from '../documents/index.ts';
import {
  PlaceholderListSchema,
  PreviewBody,
  RemedyBody,
  RemedySchema,
  TemplateBody,
  TemplateListSchema,
  TemplateSchema,
} from './letters.schemas.ts';
import { listTemplates, previewLetter, resetTemplate, saveTemplate } from './letters.service.ts';
import { getRemedy, saveRemedy } from './remedy.service.ts';

const KeyParams = Type.Object({ key: Type.Unsafe<string>({ type: 'string', enum: [...LETTER_KEYS] }) });
const AgencyQuery = Type.Object({ agencyId: Type.String({ minLength: 1, maxLength: 64 }) });

export const letterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.ctx;
  const tags = ['letters'];

  app.get(
    '/api/v1/letters/placeholders',
    {
      schema: {
        tags,
        summary: '文书模板可用的占位符',
        response: {
          200: PlaceholderListSchema,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      requireActor(request);
      return { items: Object.entries(PLACEHOLDERS).map(([name, description]) => ({ name, description })) };
    },
  );

  app.get(
    '/api/v1/letters/remedy',
    {
      schema: {
        tags,
        summary: '本机关文书的救济途径（复议机关、管辖法院）',
        querystring: AgencyQuery,
        response: { 200: RemedySchema, ...errorResponses },
      },
    },
    async (request) => getRemedy(db, requireActor(request), request.query.agencyId),
  );

  app.put(
    '/api/v1/letters/remedy',
    {
      schema: {
        tags,
        summary: '设置救济途径（留空则按机构层级和所在地推定）',
        querystring: AgencyQuery,
        body: RemedyBody,
        response: { 200: RemedySchema, ...errorResponses },
      },
    },
    async (request) => saveRemedy(db, requireActor(request), request.query.agencyId, request.body, clock),
  );

  app.get(
    '/api/v1/letters/templates',
    {
      schema: {
        tags,
        summary: '本机关的文书模板（含默认模板）',
        querystring: AgencyQuery,
        response: { 200: TemplateListSchema, ...errorResponses },
      },
    },
    async (request) => ({
      items: await listTemplates(db, requireActor(request), request.query.agencyId),
    }),
  );

  app.put(
    '/api/v1/letters/templates/:key',
    {
      schema: {
        tags,
        summary: '保存本机关的模板措辞',
        params: KeyParams,
        body: TemplateBody,
        response: { 200: TemplateSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { agencyId, ...input } = request.body;
      return saveTemplate(db, requireActor(request), agencyId, request.params.key, input, clock);
    },
  );

  app.delete(
    '/api/v1/letters/templates/:key',
    {
      schema: {
        tags,
        summary: '恢复默认模板',
        params: KeyParams,
        querystring: AgencyQuery,
        response: { 200: TemplateSchema, ...errorResponses },
      },
    },
    async (request) => resetTemplate(db, requireActor(request), request.query.agencyId, request.params.key, clock),
  );

  app.post(
    '/api/v1/letters/preview',
    {
      schema: {
        tags,
        summary: '按模板生成文书（DOCX 或 PDF）',
        body: PreviewBody,
        response: { 200: documentResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { agencyId, key, format, date, values } = request.body;
      const doc = await previewLetter(db, requireActor(request), agencyId, key, { values, date }, format);
      return reply
        .type(doc.contentType)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(documentFileName(doc.title, format))}`,
        )
        .send(doc.data);
    },
  );
};
