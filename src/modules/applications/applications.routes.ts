/**
 * The applications API for the console and other systems: thin routes — authenticate →
 * validate (TypeBox) → one service call → presenter.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import { shanghaiDate } from '../../domain/time.ts';
import { authorize } from '../../policies/can.ts';
import { requireActor } from '../../http/actor.ts';
import { documentResponse, errorResponses, fileResponse } from '../../http/schemas.ts';
import { appDeps } from './applications.deps.ts';
import { createApplication } from './intake/intake.service.ts';
import { presentDetail, presentSummary } from './applications.present.ts';
import { MessageSchema } from '../outbox/outbox.schemas.ts';
import {
  AgencyQuery,
  ApplicationDetailSchema,
  CreatedSchema,
  FileSchema,
  FiguresSchema,
  HandlersSchema,
  LegacyImportReportSchema,
  ReplyLetterBody,
  ReplyLetterPreviewSchema,
  RevealedSchema,
  TemplateQuery,
  TrackingSettingsSchema,
  DocumentFormatParams,
  DocumentParams,
  SendBody,
  FileParams,
  FiguresQuery,
  IdParams,
  InboxPage,
  InboxQuery,
  IntakeBody,
  SettingsBody,
  StepBody,
  StepParams,
  TodoSchema,
} from './applications.schemas.ts';
import { listTodo } from './todo/todo.service.ts';
import {
  addFile,
  applicationFigures,
  getApplication,
  listApplications,
  readFile,
  revealPersonalData,
} from './applications.service.ts';
import { importLegacy } from './import/import.service.ts';
import { legacyTemplate } from './import/import-template.ts';
import { saveTrackingSettings, trackingSettings } from './numbering/numbering.service.ts';
import { dismissSuggestion, draftFromSuggestion, listSuggestions } from './suggestions/suggestions.service.ts';
import {
  DismissSuggestionBody,
  DismissedSchema,
  DraftedSchema,
  DraftSuggestionBody,
  SuggestionListSchema,
} from './suggestions/suggestions.schemas.ts';
import { readLetter, sendDocument } from './documents/documents.service.ts';
import { generateReplyLetter, previewReplyLetter } from './documents/reply-letter.ts';
import { parseStepBody, performStep, STEP_BODY_FIELDS } from './steps/steps.service.ts';
import { listHandlers } from './handlers.repository.ts';
import { isParsedForm, registerMultipart } from './intake/multipart.ts';
import { MAX_UPLOAD_BYTES } from './intake/files.ts';

export const applicationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = appDeps(app.ctx);
  const tags = ['applications'];
  const today = () => shanghaiDate(deps.clock.now());
  registerMultipart(app, MAX_UPLOAD_BYTES + 64 * 1024);

  app.get(
    '/api/v1/applications',
    {
      schema: { tags, summary: '申请收件箱', querystring: InboxQuery, response: { 200: InboxPage, ...errorResponses } },
    },
    async (request) => {
      const r = await listApplications(deps, requireActor(request), request.query);
      return {
        items: r.items.map((a) => presentSummary(a, r.today)),
        total: r.total,
        totalCapped: r.totalCapped,
        nextCursor: r.nextCursor,
        page: r.page,
        pageSize: r.pageSize,
      };
    },
  );

  app.get(
    '/api/v1/applications-todo',
    {
      schema: {
        tags,
        summary:
          '本人待办：按本人角色和承办分派列出待确认收到、待分派、待办理、待保密审查、待签发、待批准延期、待送达等，超期和3个工作日内到期的在前',
        querystring: AgencyQuery,
        response: { 200: TodoSchema, ...errorResponses },
      },
    },
    async (request) => {
      const r = await listTodo(deps, requireActor(request), request.query.agencyId);
      return {
        ...r,
        groups: r.groups.map((g) => ({
          ...g,
          items: g.items.map((i) => ({ application: presentSummary(i.application, r.today), urgency: i.urgency })),
        })),
      };
    },
  );

  app.post(
    '/api/v1/applications',
    {
      schema: {
        tags,
        summary: '登记申请（当面、口头、邮寄、传真、电子邮件）',
        body: IntakeBody,
        response: { 201: CreatedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await createApplication(deps, requireActor(request), request.body);
      return reply
        .code(201)
        .send({ id: r.application.id, trackingNumber: r.application.trackingNumber, queryCode: r.queryCode });
    },
  );

  app.post(
    '/api/v1/applications-import',
    {
      schema: {
        tags,
        summary:
          '导入历史申请（XLSX/CSV，multipart：agencyId，file，mode = check 仅检查 | valid 只导入无误的行 | all 全部无误才导入，默认 all）',
        response: { 200: LegacyImportReportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const body = request.body;
      if (!isParsedForm(body) || !body.files.file?.[0]) throw new ValidationError({ file: '请选择XLSX或CSV文件' });
      const mode = body.fields.mode ?? 'all';
      if (mode !== 'check' && mode !== 'valid' && mode !== 'all')
        throw new ValidationError({
          mode: '导入方式应为 check（仅检查）、valid（只导入无误的行）或 all（全部无误才导入）',
        });
      return importLegacy(deps, requireActor(request), body.fields.agencyId ?? '', body.files.file[0].content, mode);
    },
  );

  app.get(
    '/api/v1/applications-import/template',
    {
      schema: {
        tags,
        summary: '历史申请导入模板（XLSX 含填写说明，或 CSV 表头）',
        querystring: TemplateQuery,
        response: {
          200: fileResponse('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      authorize(requireActor(request), 'applications.register');
      const file = await legacyTemplate(request.query.format ?? 'xlsx');
      return reply
        .type(file.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.content);
    },
  );

  app.get(
    '/api/v1/applications/:id',
    {
      schema: {
        tags,
        summary: '申请详情（含期限说明与可办理的步骤）',
        params: IdParams,
        response: { 200: ApplicationDetailSchema, ...errorResponses },
      },
    },
    async (request) => presentDetail(await getApplication(deps, requireActor(request), request.params.id), today()),
  );

  app.post(
    '/api/v1/applications/:id/steps/:step',
    {
      schema: {
        tags,
        summary: '办理一个步骤',
        description: STEP_BODY_FIELDS,
        params: StepParams,
        body: StepBody,
        response: { 200: ApplicationDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const input = parseStepBody(request.params.step, request.body);
      await performStep(deps, actor, request.params.id, request.params.step, input);
      return presentDetail(await getApplication(deps, actor, request.params.id), today());
    },
  );

  app.post(
    '/api/v1/applications/:id/files',
    {
      schema: {
        tags,
        summary: '上传文件（multipart：role = original | released | reply_letter | signoff_scan，file）',
        params: IdParams,
        response: { 201: FileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body;
      if (!isParsedForm(body)) throw new ValidationError({ file: '请以 multipart/form-data 上传文件' });
      const role = body.fields.role;
      if (role !== 'original' && role !== 'released' && role !== 'reply_letter' && role !== 'signoff_scan')
        throw new ValidationError({ role: '文件类别应为原件、提供文件、答复书或审签单扫描件' });
      const upload = body.files.file?.[0];
      if (!upload) throw new ValidationError({ file: '请选择文件' });
      return reply.code(201).send(await addFile(deps, actor, request.params.id, role, upload));
    },
  );

  app.post(
    '/api/v1/applications/:id/reply-letter',
    {
      schema: {
        tags,
        summary: '按本机关模板生成答复书（须再经保密审查和签发）',
        params: IdParams,
        body: ReplyLetterBody,
        response: { 201: FileSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await generateReplyLetter(deps, requireActor(request), request.params.id, request.body.format)),
  );

  app.get(
    '/api/v1/applications/:id/reply-letter/preview',
    {
      schema: {
        tags,
        summary: '答复书预览：按本机关模板和当前拟定的答复填写的全文（供签发前审阅）',
        params: IdParams,
        response: { 200: ReplyLetterPreviewSchema, ...errorResponses },
      },
    },
    async (request) => previewReplyLetter(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/applications/:id/documents/:documentId/:format',
    {
      schema: {
        tags,
        summary: '下载文书（补正告知书、征求意见书、延期答复告知书、收费通知书）的 PDF 或 DOCX',
        params: DocumentFormatParams,
        response: { 200: documentResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { file, content } = await readLetter(
        deps,
        requireActor(request),
        request.params.id,
        request.params.documentId,
        request.params.format,
      );
      return reply
        .type(file.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .send(content);
    },
  );

  app.post(
    '/api/v1/applications/:id/documents/:documentId/send',
    {
      schema: {
        tags,
        summary: '通过发件箱送达文书（电子邮件，或待登记的邮寄、当面送达）；答复书须经保密审查和签发',
        params: DocumentParams,
        body: SendBody,
        response: { 201: MessageSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await sendDocument(deps, requireActor(request), request.params.id, request.params.documentId, request.body),
        ),
  );

  app.get(
    '/api/v1/applications/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: '下载文件',
        params: FileParams,
        response: { 200: fileResponse('application/octet-stream'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { file, content } = await readFile(deps, requireActor(request), request.params.id, request.params.fileId);
      return reply
        .type(file.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .send(content);
    },
  );

  app.post(
    '/api/v1/applications/:id/reveal',
    {
      schema: {
        tags,
        summary: '查看完整身份证件号码、电话、地址（留痕）',
        params: IdParams,
        response: { 200: RevealedSchema, ...errorResponses },
      },
    },
    async (request) => revealPersonalData(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/application-handlers',
    {
      schema: {
        tags,
        summary: '可分派的承办人',
        querystring: AgencyQuery,
        response: { 200: HandlersSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agencyId = request.query.agencyId ?? actor.agencyId;
      if (!agencyId) throw new DomainError('BAD_REQUEST', '请选择机构');
      authorize(actor, 'applications.read', { agencyId });
      return { items: await listHandlers(deps.db, agencyId) };
    },
  );

  app.get(
    '/api/v1/application-figures',
    {
      schema: {
        tags,
        summary: '表三（V2021 细目，7列）',
        querystring: FiguresQuery,
        response: { 200: FiguresSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agencyId = request.query.agencyId ?? actor.agencyId;
      if (!agencyId) throw new DomainError('BAD_REQUEST', '请选择机构');
      authorize(actor, 'applications.read', { agencyId });
      return { year: request.query.year, table3: await applicationFigures(deps.db, [agencyId], request.query.year) };
    },
  );

  app.get(
    '/api/v1/application-suggestions',
    {
      schema: {
        tags,
        summary: '第四十四条：多人申请相同信息，建议主动公开（待处理的建议和已处理的记录）',
        querystring: AgencyQuery,
        response: { 200: SuggestionListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agencyId = request.query.agencyId ?? actor.agencyId;
      if (!agencyId) throw new DomainError('BAD_REQUEST', '请选择机构');
      return listSuggestions(deps, actor, agencyId);
    },
  );

  app.post(
    '/api/v1/application-suggestions/draft',
    {
      schema: {
        tags,
        summary: '第四十四条：据建议起草主动公开信息（草稿仍须保密审查和审核）',
        body: DraftSuggestionBody,
        response: { 201: DraftedSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { agencyId = actor.agencyId, ...input } = request.body;
      if (!agencyId) throw new DomainError('BAD_REQUEST', '请选择机构');
      return reply.code(201).send(await draftFromSuggestion(deps, actor, agencyId, input));
    },
  );

  app.post(
    '/api/v1/application-suggestions/dismiss',
    {
      schema: {
        tags,
        summary: '第四十四条：不采纳建议（须写明理由）',
        body: DismissSuggestionBody,
        response: { 200: DismissedSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const agencyId = request.body.agencyId ?? actor.agencyId;
      if (!agencyId) throw new DomainError('BAD_REQUEST', '请选择机构');
      return dismissSuggestion(deps, actor, agencyId, request.body.applicationIds, request.body.reason);
    },
  );

  app.get(
    '/api/v1/application-settings/:id',
    {
      schema: {
        tags,
        summary: '申请编号格式和下一个申请编号',
        params: IdParams,
        response: { 200: TrackingSettingsSchema, ...errorResponses },
      },
    },
    async (request) => trackingSettings(deps, requireActor(request), request.params.id),
  );

  app.put(
    '/api/v1/application-settings/:id',
    {
      schema: {
        tags,
        summary: '修改申请编号格式（如 洛工信依申〔{year}〕{seq}号）或逾期缴费设置（负责人）',
        params: IdParams,
        body: SettingsBody,
        response: { 200: TrackingSettingsSchema, ...errorResponses },
      },
    },
    async (request) => saveTrackingSettings(deps, requireActor(request), request.params.id, request.body),
  );
};
