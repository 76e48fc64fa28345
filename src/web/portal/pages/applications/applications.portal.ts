/**
 * The applicant's pages on the portal: the online application form, its receipt, the tracking
 * page with the online correction and the downloads. Anonymous forms are protected by a signed
 * double-submit token (a random cookie + a hidden field holding its HMAC under the app secret),
 * a honeypot field and per-address rate limits — nobody is ever locked out. A double submit of
 * the same form (same hidden submission token) creates one application.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ValidationError } from '../../../../domain/errors.ts';
import { CONTROL_CHARACTER_MESSAGE, forbiddenCharacterFields } from '../../../../domain/text.ts';
import { publicAgencyByCode } from '../../../../modules/agencies/agencies.service.ts';
import { applyPage, receiptPage, type FormAgency } from './apply.ts';
import { emptyForm, type FormState } from './fields.ts';
import { trackFormPage, trackResultPage } from './track.ts';
import { portalLimits } from '../../limits.ts';
import { errorPage, notFoundPage } from '../agency.ts';
import { appDeps } from '../../../../modules/applications/applications.deps.ts';
import { MAX_UPLOAD_BYTES } from '../../../../modules/applications/intake/files.ts';
import { createApplication, type IntakeInput } from '../../../../modules/applications/intake/intake.service.ts';
import {
  applicantFile,
  correctOnline,
  findForApplicant,
  NOT_FOUND_MESSAGE,
  trackingView,
} from '../../../../modules/applications/public/public.service.ts';
import { isParsedForm, registerMultipart, type ParsedForm } from '../../../../modules/applications/intake/multipart.ts';
import { secureCookie } from '../../../../http/secure.ts';

const FORM_COOKIE = 'gk_form';
const MAX_FIELD = 200_000;
const ASSETS = new URL('./', import.meta.url);
const ASSET_FILES: Record<string, string> = {
  'apply.js': 'text/javascript; charset=utf-8',
  'applications.css': 'text/css; charset=utf-8',
};
const STYLE = '<link rel="stylesheet" href="/gk-assets/applications/applications.css">';
const FORM_FIELDS = [
  'applicantKind',
  'applicantName',
  'contactPerson',
  'idDocType',
  'idNumber',
  'phone',
  'email',
  'address',
  'postcode',
  'infoTitle',
  'infoDocNumber',
  'infoDescription',
  'deliveryForm',
  'deliveryMethod',
] as const;

/** The page with the applications stylesheet added after the portal's own. */
const withStyle = (page: string) => page.replace('</head>', `${STYLE}\n</head>`);

/** Whether the body came from an HTML form (the only thing these pages take): not JSON, not text. */
function isFormPost(request: FastifyRequest): boolean {
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  return type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
}

function formOf(body: unknown): ParsedForm {
  if (isParsedForm(body)) return body;
  const fields: Record<string, string> = {};
  if (body && typeof body === 'object')
    for (const [k, v] of Object.entries(body)) fields[k] = Array.isArray(v) ? String(v[0] ?? '') : String(v ?? '');
  return { fields, files: {} };
}

export const applicationsPortalRoutes: FastifyPluginAsync = async (app) => {
  const deps = appDeps(app.ctx);
  const { config, secret } = app.ctx;
  // Submissions and lookups are limited harder than reading pages (against floods and code guessing).
  const pageLimit = portalLimits(config).page;
  const postLimit = portalLimits(config).form;
  registerMultipart(app, 4 * MAX_UPLOAD_BYTES);
  const csrfFor = (nonce: string) =>
    createHmac('sha256', secret).update(`gongkai form csrf\0${nonce}`).digest('base64url');

  /** The form cookie's nonce (set if missing) and the hidden field's token. */
  function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
    let nonce = request.cookies[FORM_COOKIE];
    if (!nonce || !/^[A-Za-z0-9_-]{20,64}$/.test(nonce)) {
      nonce = randomBytes(18).toString('base64url');
      reply.setCookie(FORM_COOKIE, nonce, {
        path: '/gk/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookie(request, config),
      });
    }
    return csrfFor(nonce);
  }

  function csrfValid(request: FastifyRequest, token: string | undefined): boolean {
    const nonce = request.cookies[FORM_COOKIE];
    if (!nonce || !token) return false;
    const a = Buffer.from(csrfFor(nonce));
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  async function agencyOf(code: string): Promise<FormAgency | null> {
    const a = await publicAgencyByCode(deps.db, code);
    return a ? { id: a.id, name: a.name, code: a.code } : null;
  }

  const html = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');

  // The portal's forms are HTML forms. Any other body (JSON shaped like a parsed form, text) is a
  // 400 page before a handler reads it, rather than a guess at what it meant.
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || isFormPost(request)) return;
    return html(reply).code(400).send(errorPage('请通过页面上的表单提交。'));
  });

  app.get<{ Params: { file: string } }>(
    '/gk-assets/applications/:file',
    { config: { rateLimit: pageLimit } },
    async (request, reply) => {
      const type = ASSET_FILES[request.params.file];
      if (!type) return reply.code(404).type('text/plain').send('not found');
      return reply
        .type(type)
        .header('cache-control', 'public, max-age=3600')
        .send(readFileSync(new URL(request.params.file, ASSETS)));
    },
  );

  app.get<{ Params: { code: string } }>(
    '/gk/:code/apply',
    { config: { rateLimit: pageLimit } },
    async (request, reply) => {
      const agency = await agencyOf(request.params.code);
      if (!agency) return html(reply).code(404).send(notFoundPage('没有找到该机关。'));
      const state: FormState = {
        values: {
          applicantKind: 'natural_person',
          idDocType: 'resident_id',
          deliveryForm: 'electronic',
          deliveryMethod: 'online',
        },
        errors: {},
      };
      return html(reply).send(
        withStyle(
          applyPage(agency, state, {
            csrf: csrfToken(request, reply),
            submission: randomBytes(18).toString('base64url'),
          }),
        ),
      );
    },
  );

  app.post<{ Params: { code: string } }>(
    '/gk/:code/apply',
    // Control characters are answered beside their field below, keeping what was typed.
    { config: { rateLimit: postLimit, textChecked: true } },
    async (request, reply) => {
      const agency = await agencyOf(request.params.code);
      if (!agency) return html(reply).code(404).send(notFoundPage('没有找到该机关。'));
      const form = formOf(request.body);
      // Nothing is cut: an over-long field is refused with its limit named and comes back whole.
      // (The request body limit bounds the size; this cap only stops a pathological field.)
      const values = Object.fromEntries(
        FORM_FIELDS.map((f) => [f, (form.fields[f] ?? '').slice(0, MAX_FIELD)]),
      ) as Record<(typeof FORM_FIELDS)[number], string>;
      const submission = /^[A-Za-z0-9_-]{16,64}$/.test(form.fields.submission ?? '')
        ? form.fields.submission!
        : randomBytes(18).toString('base64url');
      const again = (errors: Record<string, string>, status = 400) =>
        html(reply)
          .code(status)
          .send(withStyle(applyPage(agency, { values, errors }, { csrf: csrfToken(request, reply), submission })));
      if (!csrfValid(request, form.fields.csrf))
        return again({ form: '页面已过期，请核对内容后再次提交（您填写的内容已保留）' }, 403);
      // A filled honeypot is a robot: say nothing specific, create nothing.
      if ((form.fields.website ?? '') !== '') return again({ form: '提交未成功，请核对后再次提交' });
      const unreadable = forbiddenCharacterFields(values);
      if (Object.keys(forbiddenCharacterFields(form.files)).length > 0)
        unreadable.attachments = `附件名称${CONTROL_CHARACTER_MESSAGE}`;
      if (Object.keys(unreadable).length > 0) return again(unreadable);
      const input: IntakeInput = {
        ...values,
        agencyId: agency.id,
        channel: 'online',
        idempotencyKey: `portal:${submission}`,
        attachments: form.files.attachments ?? [],
      };
      try {
        const r = await createApplication(deps, null, input);
        const a = r.application;
        return html(reply).send(
          withStyle(
            receiptPage(agency, {
              trackingNumber: a.trackingNumber,
              queryCode: r.queryCode,
              arrivalDate: a.arrivalDate,
              applicantName: a.applicantName,
              summary: (a.infoTitle || a.infoDescription || a.infoDocNumber).slice(0, 200),
            }),
          ),
        );
      } catch (err) {
        if (err instanceof ValidationError) return again(err.fields);
        throw err;
      }
    },
  );

  app.get<{ Params: { code: string } }>(
    '/gk/:code/track',
    { config: { rateLimit: pageLimit } },
    async (request, reply) => {
      const agency = await agencyOf(request.params.code);
      if (!agency) return html(reply).code(404).send(notFoundPage('没有找到该机关。'));
      return html(reply).send(withStyle(trackFormPage(agency, emptyForm(), csrfToken(request, reply))));
    },
  );

  /** Looks the application up from a posted form; any failure → the lookup form with the one message. */
  async function lookup(request: FastifyRequest<{ Params: { code: string } }>, reply: FastifyReply) {
    const agency = await agencyOf(request.params.code);
    if (!agency) {
      html(reply).code(404).send(notFoundPage('没有找到该机关。'));
      return null;
    }
    const form = formOf(request.body);
    const trackingNumber = (form.fields.trackingNumber ?? '').slice(0, 60);
    const queryCode = (form.fields.queryCode ?? '').slice(0, 32);
    const fail = (status: number, message: string) => {
      html(reply)
        .code(status)
        .send(
          withStyle(
            trackFormPage(
              agency,
              { values: { trackingNumber, queryCode: '' }, errors: {} },
              csrfToken(request, reply),
              message,
            ),
          ),
        );
      return null;
    };
    if (!csrfValid(request, form.fields.csrf)) return fail(403, '页面已过期，请重新输入查询码后查询');
    try {
      const rec = await findForApplicant(deps, agency.id, trackingNumber, queryCode);
      return {
        agency,
        rec,
        form,
        creds: { trackingNumber: rec.trackingNumber, queryCode, csrf: csrfToken(request, reply) },
      };
    } catch (err) {
      if (err instanceof DomainError && err.code === 'NOT_FOUND') return fail(404, NOT_FOUND_MESSAGE);
      throw err;
    }
  }

  app.post<{ Params: { code: string } }>(
    '/gk/:code/track',
    { config: { rateLimit: postLimit } },
    async (request, reply) => {
      const found = await lookup(request, reply);
      if (!found) return reply;
      return html(reply).send(
        withStyle(trackResultPage(found.agency, await trackingView(deps, found.rec), found.creds, emptyForm())),
      );
    },
  );

  app.post<{ Params: { code: string } }>(
    '/gk/:code/track/correct',
    { config: { rateLimit: postLimit } },
    async (request, reply) => {
      const found = await lookup(request, reply);
      if (!found) return reply;
      const text = (found.form.fields.correction ?? '').slice(0, MAX_FIELD);
      try {
        await correctOnline(deps, found.rec, text, found.form.files.correctionFiles ?? [], request.ip);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        const state: FormState = {
          values: { correction: text },
          errors: err.fields.correctionFiles ? { correction: err.fields.correctionFiles } : err.fields,
        };
        return html(reply)
          .code(400)
          .send(withStyle(trackResultPage(found.agency, await trackingView(deps, found.rec), found.creds, state)));
      }
      return html(reply).send(
        withStyle(
          trackResultPage(
            found.agency,
            await trackingView(deps, found.rec),
            found.creds,
            emptyForm(),
            '补正已提交。答复期限自今日起重新计算（第三十条）。',
          ),
        ),
      );
    },
  );

  app.post<{ Params: { code: string } }>(
    '/gk/:code/track/file',
    { config: { rateLimit: postLimit } },
    async (request, reply) => {
      const found = await lookup(request, reply);
      if (!found) return reply;
      const { file, content } = await applicantFile(deps, found.rec, found.form.fields.fileId ?? '');
      return reply
        .type(file.mime)
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .send(content);
    },
  );
};
