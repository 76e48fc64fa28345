/**
 * Letter templates: the defaults of src/domain/letters, each overridable per agency, and the
 * rendering of a letter to DOCX or PDF. The applications workflow calls `renderLetter` to make
 * the reply letter and notices it sends through the outbox.
 */
import type { Db, DbOrTx } from '../../db/database.ts';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import {
  assertPlaceholders,
  DEFAULT_TEMPLATES,
  LETTER_KEYS,
  TEMPLATE_PLACEHOLDERS,
  type LetterKey,
  type LetterTemplate,
  type PlaceholderName,
} from '../../domain/letters/index.ts';
import type { Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import { findById as findAgency } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  renderDocument,
  type DocumentFormat,
  type OfficialDocument,
  type RenderedDocument,
} from '../documents/index.ts';
import { composeLetter, type LetterContext } from './letters.compose.ts';
import * as repo from './letters.repository.ts';
import { agencyRemedy } from './remedy.service.ts';

/** A template as an agency uses it: its own wording or the default. */
export interface EffectiveTemplate extends LetterTemplate {
  key: LetterKey;
  overridden: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  /** The placeholders this template may use (what its letter is filled with). */
  placeholders: PlaceholderName[];
}

function checkKey(key: string): LetterKey {
  if (!(LETTER_KEYS as readonly string[]).includes(key))
    throw new DomainError('NOT_FOUND', `没有名为“${key}”的文书模板`);
  return key as LetterKey;
}

/** Every template for an agency, overrides applied. No authorization: see listTemplates. */
export async function effectiveTemplates(db: DbOrTx, agencyId: string): Promise<EffectiveTemplate[]> {
  const overrides = new Map((await repo.findOverrides(db, agencyId)).map((o) => [o.key, o]));
  return LETTER_KEYS.map((key) => {
    const o = overrides.get(key);
    const d = DEFAULT_TEMPLATES[key];
    const placeholders = [...TEMPLATE_PLACEHOLDERS[key]];
    return o
      ? {
          key,
          name: d.name,
          title: o.title,
          recipient: o.recipient,
          body: o.body,
          overridden: true,
          updatedAt: o.updatedAt,
          updatedBy: o.updatedBy,
          placeholders,
        }
      : { key, ...d, overridden: false, updatedAt: null, updatedBy: null, placeholders };
  });
}

export async function listTemplates(db: DbOrTx, actor: Actor, agencyId: string): Promise<EffectiveTemplate[]> {
  authorize(actor, 'letters.read', { agencyId });
  return effectiveTemplates(db, agencyId);
}

/** Saves the agency's wording of a template after checking every placeholder. */
export async function saveTemplate(
  db: Db,
  actor: Actor,
  agencyId: string,
  key: string,
  input: { title: string; recipient: string; body: string },
  clock: Clock,
): Promise<EffectiveTemplate> {
  authorize(actor, 'letters.manage', { agencyId });
  const k = checkKey(key);
  const t = {
    title: input.title.trim(),
    recipient: input.recipient.trim(),
    body: input.body.replace(/\r\n/g, '\n').trim(),
  };
  const errors: Record<string, string> = {};
  if (!t.title) errors.title = '请填写文书标题';
  else if (t.title.length > 60) errors.title = '不超过 60 个字符';
  if (!t.recipient) errors.recipient = '请填写收件人（如 {{申请人}}）';
  if (!t.body) errors.body = '请填写正文';
  else if (t.body.length > 5000) errors.body = '不超过 5000 个字符';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const allowed = { name: DEFAULT_TEMPLATES[k].name, placeholders: TEMPLATE_PLACEHOLDERS[k] };
  assertPlaceholders('title', t.title, allowed);
  assertPlaceholders('recipient', t.recipient, allowed);
  assertPlaceholders('body', t.body, allowed);
  const now = clock.now().toISOString();
  await db.transaction().execute(async (tx) => {
    const before = (await repo.findOverrides(tx, agencyId)).find((o) => o.key === k);
    await repo.saveOverride(tx, agencyId, { key: k, ...t, updatedAt: now, updatedBy: actor.name });
    await recordAudit(
      tx,
      actor,
      {
        agencyId,
        action: 'letter_template.save',
        subjectType: 'letter_template',
        subjectId: k,
        summary: `修改文书模板“${DEFAULT_TEMPLATES[k].name}”`,
        before: before ?? DEFAULT_TEMPLATES[k],
        after: t,
      },
      clock,
    );
  });
  return (await effectiveTemplates(db, agencyId)).find((e) => e.key === k)!;
}

/** Drops the agency's wording: the default applies again. */
export async function resetTemplate(
  db: Db,
  actor: Actor,
  agencyId: string,
  key: string,
  clock: Clock,
): Promise<EffectiveTemplate> {
  authorize(actor, 'letters.manage', { agencyId });
  const k = checkKey(key);
  await db.transaction().execute(async (tx) => {
    if ((await repo.deleteOverride(tx, agencyId, k)) > 0) {
      await recordAudit(
        tx,
        actor,
        {
          agencyId,
          action: 'letter_template.reset',
          subjectType: 'letter_template',
          subjectId: k,
          summary: `文书模板“${DEFAULT_TEMPLATES[k].name}”恢复为默认`,
          after: DEFAULT_TEMPLATES[k],
        },
        clock,
      );
    }
  });
  return (await effectiveTemplates(db, agencyId)).find((e) => e.key === k)!;
}

/**
 * Renders a letter of an agency (its wording, or the default) with the given values. For the
 * applications workflow and the console's preview; the caller has authorized the application.
 */
export async function renderLetter(
  db: DbOrTx,
  agencyId: string,
  key: string,
  ctx: Omit<LetterContext, 'agencyName'>,
  format: DocumentFormat,
): Promise<RenderedDocument & { title: string }> {
  const doc = await composeAgencyLetter(db, agencyId, key, ctx);
  return { ...(await renderDocument(doc, format)), title: doc.title };
}

/**
 * Fills the agency's wording of a letter without rendering it: the document as issued, which
 * the applications workflow stores with the step that issues it and renders to DOCX or PDF
 * when it is first downloaded or sent. Throws ValidationError naming every missing value.
 * `wording: 'default'` uses the platform's wording instead of the agency's: for a letter no
 * person issues (the sweep's), when the agency's wording cannot be filled.
 */
export async function composeAgencyLetter(
  db: DbOrTx,
  agencyId: string,
  key: string,
  ctx: Omit<LetterContext, 'agencyName'>,
  wording: 'agency' | 'default' = 'agency',
): Promise<OfficialDocument> {
  const k = checkKey(key);
  const agency = await findAgency(db, agencyId);
  if (!agency) throw new DomainError('NOT_FOUND', '机构不存在');
  const template =
    wording === 'default' ? DEFAULT_TEMPLATES[k] : (await effectiveTemplates(db, agencyId)).find((e) => e.key === k)!;
  // The office's phone from the agency's contact details (第十二条 指南) and the 救济途径 from its
  // place in the tree or its setting (remedy.service.ts), unless the caller gives them.
  const remedy = await agencyRemedy(db, agencyId);
  const values = {
    联系电话: agency.contact.phone || '（见本机关政府信息公开指南）',
    复议机关: remedy.reviewOrgan,
    管辖法院: remedy.court,
    ...ctx.values,
  };
  return composeLetter(template, { ...ctx, values, agencyName: agency.name });
}

/** The console's preview: checks the reader may use the agency's templates first. */
export async function previewLetter(
  db: DbOrTx,
  actor: Actor,
  agencyId: string,
  key: string,
  ctx: Omit<LetterContext, 'agencyName'>,
  format: DocumentFormat,
): Promise<RenderedDocument & { title: string }> {
  authorize(actor, 'letters.read', { agencyId });
  return renderLetter(db, agencyId, key, ctx, format);
}
