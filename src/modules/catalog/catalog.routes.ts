/**
 * The catalog's JSON API for the console: thin routes (authenticate → validate → one service
 * call → present). Attachments are uploaded as the raw request body (application/octet-stream)
 * with the file name in `?name=`, and checked by content in the service.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import type { CatalogState, Timeliness, WorkflowAction } from '../../domain/catalog/index.ts';
import { CATALOG_STATES, DOC_TYPE_LABELS, statutoryItemsFor } from '../../domain/catalog/index.ts';
import { DomainError } from '../../domain/errors.ts';
import { requireActor } from '../../http/actor.ts';
import { authorize } from '../../policies/can.ts';
import { errorResponses, fileResponse, NoContent } from '../../http/schemas.ts';
import * as agencies from '../agencies/agencies.repository.ts';
import { MAX_ATTACHMENT_BYTES } from './attachments.ts';
import { findAttachmentContent, listAttachments, listEvents, type CatalogItem } from './catalog.repository.ts';
import {
  ActionBody,
  AgencyQuery,
  AttachmentParams,
  AttachmentSchema,
  CreateBody,
  IdParams,
  ItemDetailSchema,
  ItemInputSchema,
  ItemListSchema,
  LateSchema,
  ListQuery,
  MetaSchema,
  PolicyListSchema,
  InterpretationStatsSchema,
  type ActionBodyType,
  type ItemView,
} from './catalog.schemas.ts';
import { createDraft, discardDraft, getItem, lateCounts, listItems, updateDraft } from './catalog.service.ts';
import { categoriesOf } from './settings.service.ts';
import { act, addAttachment, removeAttachment } from './workflow.service.ts';
import { catalogSettingsRoutes } from './settings.routes.ts';
import { interpretationLinks, interpretationStats, policyChoices } from './interpretations.service.ts';
import { validityOf } from './validity.service.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { timeliness } from '../../domain/catalog/index.ts';
import { shanghaiDate } from '../../domain/time.ts';

/** The JSON view of an item. */
export function presentItem(i: CatalogItem, t: Timeliness): ItemView {
  const { bodyText: _bodyText, createdAt: _createdAt, ...rest } = i;
  return { ...rest, timeliness: t };
}

function toAction(b: ActionBodyType): WorkflowAction {
  switch (b.kind) {
    case 'submit':
      return { kind: 'submit' };
    case 'confidentiality_pass':
      return { kind: 'confidentiality_pass', opinion: b.opinion ?? '' };
    case 'approve':
      return { kind: 'approve', opinion: b.opinion ?? '', publishAt: b.publishAt ?? null };
    case 'send_back':
      return { kind: 'send_back', comment: b.comment ?? b.opinion ?? '' };
    case 'withdraw':
      return { kind: 'withdraw', reason: b.reason ?? '' };
    default:
      return { kind: 'correct', reason: b.reason ?? '' };
  }
}

export const catalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.ctx;
  const tags = ['catalog'];

  await app.register(catalogSettingsRoutes);

  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1 },
    (_req, body, done) => done(null, body),
  );

  async function detail(item: CatalogItem) {
    const cal = await loadCalendar(db);
    const today = shanghaiDate(clock.now());
    const [events, attachments] = await Promise.all([listEvents(db, item.id), listAttachments(db, [item.id])]);
    return {
      ...presentItem(item, timeliness(cal, item.dueOn, item.publishedOn, today)),
      validity: await validityOf(db, item, events, today),
      events: events.map((e) => ({
        step: e.step,
        result: e.result,
        opinion: e.opinion,
        actorName: e.actorName,
        at: e.at,
        version: e.version,
      })),
      attachments: attachments.map(({ itemId: _itemId, ...a }) => a),
      ...(await interpretationLinks(db, item)),
    };
  }

  app.get(
    '/api/v1/catalog/meta',
    {
      schema: {
        tags,
        summary: '公开事项、文件类型和本机关类别',
        querystring: AgencyQuery,
        response: { 200: MetaSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agencyId = request.query.agencyId ?? actor.agencyId;
      const agency = agencyId ? await agencies.findById(db, agencyId) : null;
      // Another agency's categories only for those who may read its catalog (route matrix finding).
      if (agency) authorize(actor, 'catalog.read', { agencyId: agency.id });
      return {
        states: [...CATALOG_STATES],
        docTypes: Object.entries(DOC_TYPE_LABELS).map(([key, label]) => ({ key, label })),
        statutoryItems: statutoryItemsFor(agency?.level ?? 'county'),
        categories: agency ? await categoriesOf(db, agency.id) : [],
      };
    },
  );

  app.get(
    '/api/v1/catalog/items',
    {
      schema: {
        tags,
        summary: '主动公开信息列表（含第二十六条期限状态）',
        querystring: ListQuery,
        response: { 200: ItemListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const agencyId = q.agencyId ?? actor.agencyId;
      if (!agencyId) throw new DomainError('VALIDATION_FAILED', '请选择机构', { fields: { agencyId: '请选择机构' } });
      const r = await listItems(
        db,
        actor,
        {
          agencyId,
          subtree: q.subtree,
          states: q.state as CatalogState[] | undefined,
          text: q.text,
          attention: q.attention,
          page: q.page,
          pageSize: q.pageSize,
        },
        clock,
      );
      return { total: r.total, items: r.items.map((x) => presentItem(x.item, x.timeliness)) };
    },
  );

  app.post(
    '/api/v1/catalog/items',
    {
      schema: {
        tags,
        summary: '起草主动公开信息',
        body: CreateBody,
        response: { 201: ItemDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { agencyId, ...input } = request.body;
      const target = agencyId ?? actor.agencyId;
      if (!target) throw new DomainError('VALIDATION_FAILED', '请选择机构', { fields: { agencyId: '请选择机构' } });
      const item = await createDraft(db, actor, target, input, clock);
      return reply.code(201).send(await detail(item));
    },
  );

  app.get(
    '/api/v1/catalog/policies',
    {
      schema: {
        tags,
        summary: '本机关可解读的政策（规章、规范性文件和第二十条第（一）项下的文件）',
        querystring: Type.Object({ agencyId: Type.String({ maxLength: 64 }) }),
        response: { 200: PolicyListSchema, ...errorResponses },
      },
    },
    async (request) => ({ items: await policyChoices(db, requireActor(request), request.query.agencyId) }),
  );

  app.get(
    '/api/v1/catalog/interpretation-stats',
    {
      schema: {
        tags,
        summary: '政策解读统计：某年发布的政策及其已发布解读数',
        querystring: Type.Object({
          agencyId: Type.String({ maxLength: 64 }),
          year: Type.Integer({ minimum: 2000, maximum: 2100 }),
          subtree: Type.Optional(Type.Boolean()),
        }),
        response: { 200: InterpretationStatsSchema, ...errorResponses },
      },
    },
    async (request) =>
      interpretationStats(db, requireActor(request), request.query.agencyId, request.query.year, request.query.subtree),
  );

  app.get(
    '/api/v1/catalog/items/:id',
    {
      schema: {
        tags,
        summary: '主动公开信息详情（含审查记录和附件）',
        params: IdParams,
        response: { 200: ItemDetailSchema, ...errorResponses },
      },
    },
    async (request) => detail(await getItem(db, requireActor(request), request.params.id)),
  );

  app.put(
    '/api/v1/catalog/items/:id',
    {
      schema: {
        tags,
        summary: '修改草稿',
        params: IdParams,
        body: ItemInputSchema,
        response: { 200: ItemDetailSchema, ...errorResponses },
      },
    },
    async (request) => detail(await updateDraft(db, requireActor(request), request.params.id, request.body, clock)),
  );

  app.delete(
    '/api/v1/catalog/items/:id',
    {
      schema: {
        tags,
        summary: '删除未发布过的草稿',
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await discardDraft(db, requireActor(request), request.params.id, clock);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/catalog/items/:id/actions',
    {
      schema: {
        tags,
        summary: '流转：提交、保密审查、审核发布、退回、撤回、更正',
        params: IdParams,
        body: ActionBody,
        response: { 200: ItemDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      detail(
        await act(db, requireActor(request), request.params.id, toAction(request.body), clock, request.body.correction),
      ),
  );

  app.post(
    '/api/v1/catalog/items/:id/attachments',
    {
      bodyLimit: MAX_ATTACHMENT_BYTES + 1,
      schema: {
        tags,
        summary: '上传附件（请求体为文件内容，?name= 文件名）',
        params: IdParams,
        querystring: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) }),
        response: { 201: AttachmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body))
        throw new DomainError('VALIDATION_FAILED', '请以 application/octet-stream 上传文件内容', {
          fields: { file: '请以 application/octet-stream 上传文件内容' },
        });
      const { itemId: _itemId, ...att } = await addAttachment(
        db,
        requireActor(request),
        request.params.id,
        request.query.name,
        request.body,
        clock,
      );
      return reply.code(201).send(att);
    },
  );

  app.get(
    '/api/v1/catalog/items/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: '下载附件',
        params: AttachmentParams,
        response: { 200: fileResponse('application/octet-stream'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const item = await getItem(db, requireActor(request), request.params.id);
      const file = await findAttachmentContent(db, item.id, request.params.attachmentId);
      if (!file) throw new DomainError('NOT_FOUND', '附件不存在');
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.content);
    },
  );

  app.delete(
    '/api/v1/catalog/items/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: '删除草稿的附件',
        params: AttachmentParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await removeAttachment(db, requireActor(request), request.params.id, request.params.attachmentId, clock);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/catalog/late',
    {
      schema: {
        tags,
        summary: '所辖机构逾期未公开和逾期公开的数量（第二十六条）',
        querystring: AgencyQuery,
        response: { 200: LateSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const root = request.query.agencyId ?? actor.agencyId;
      if (!root) throw new DomainError('VALIDATION_FAILED', '请选择机构', { fields: { agencyId: '请选择机构' } });
      return { items: await lateCounts(db, actor, root, clock) };
    },
  );
};
