/**
 * The reply letter (告知书) of a decided application, rendered from the agency's template of its
 * outcome by the letters module (src/modules/letters) and stored as the application's
 * `reply_letter` file — which then needs 保密审查 and sign-off like any file that leaves.
 */
import { randomUUID, createHash } from 'node:crypto';
import {
  DELIVERY_FORM_LABELS,
  DELIVERY_METHOD_LABELS,
  type DeliveryForm,
  type DeliveryMethod,
} from '../../../domain/applications/kinds.ts';
import { DomainError } from '../../../domain/errors.ts';
import { citedBasis, type LetterKey } from '../../../domain/letters/index.ts';
import type { OutcomeKey } from '../../../domain/report/index.ts';
import { formatChineseDate, shanghaiDate } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import { authorize } from '../../../policies/can.ts';
import { findById as findAgency } from '../../agencies/agencies.repository.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { composeAgencyLetter, renderLetter } from '../../letters/letters.service.ts';
import type { AppDeps } from '../applications.deps.ts';
import * as events from '../applications.events.repository.ts';
import * as repo from '../applications.repository.ts';

/** The template key and the values of an application's reply letter (the same for the file and the preview). */
async function replyLetterInput(
  deps: AppDeps,
  rec: repo.ApplicationRecord,
): Promise<{ key: string; values: Record<string, string> }> {
  const agency = await findAgency(deps.db, rec.agencyId);
  const key =
    rec.decisionOutcome === 'unavailable_not_held' && rec.responsibleAgency
      ? 'unavailable_not_responsible'
      : rec.decisionOutcome;
  // 第三十条: after a 补正 the application is what the applicant corrected it to; the reply answers that.
  const corrected = (await events.listEvents(deps.db, rec.id))
    .filter((e) => e.type === 'correctionReceived' && typeof e.payload.text === 'string' && e.payload.text.trim())
    .at(-1)?.payload.text as string | undefined;
  const requested = [rec.infoTitle, rec.infoDocNumber, rec.infoDescription].filter(Boolean).join('；');
  const values = {
    申请人: rec.applicantName,
    申请编号: rec.trackingNumber,
    收到申请日期: rec.receivedDate ? formatChineseDate(rec.receivedDate) : '',
    信息名称: corrected ? `${corrected.trim()}（补正后）` : requested,
    答复期限: rec.replyDue ? formatChineseDate(rec.replyDue) : '',
    法律依据: citedBasis(key as LetterKey, rec.decisionOutcome as OutcomeKey, rec.decisionBasis),
    不予公开理由: rec.decisionReasons || '见上',
    获取方式: `${DELIVERY_FORM_LABELS[rec.deliveryForm as DeliveryForm] ?? ''}，${DELIVERY_METHOD_LABELS[rec.deliveryMethod as DeliveryMethod] ?? ''}`,
    负责机关: rec.responsibleAgency ?? '',
    联系电话: agency?.contact.phone || '（见本机关政府信息公开指南）',
  };
  return { key: key!, values };
}

/**
 * The reply letter as it will be sent, for the office head's 签发 dialog: the agency's wording
 * filled with the decision as it stands today (the same values and template as the file
 * generateReplyLetter stores), as title, paragraphs and signature.
 */
export async function previewReplyLetter(deps: AppDeps, actor: Actor, id: string) {
  const rec = await repo.findById(deps.db, id);
  if (!rec) throw new DomainError('NOT_FOUND', '申请不存在');
  authorize(actor, 'applications.read', { agencyId: rec.agencyId });
  if (!rec.decisionOutcome || rec.kind !== 'disclosure')
    throw new DomainError('STEP_NOT_ALLOWED', '尚未拟定答复；更正申请的答复书为上传的文件');
  const { key, values } = await replyLetterInput(deps, rec);
  const doc = await composeAgencyLetter(deps.db, rec.agencyId, key, { values, date: shanghaiDate(deps.clock.now()) });
  return {
    title: doc.title,
    subtitle: doc.subtitle ?? null,
    recipient: doc.recipient ?? '',
    paragraphs: doc.body.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])),
    signature: { agency: doc.signature?.agency ?? '', date: doc.signature?.date ?? '' },
  };
}

/** Renders and stores the reply letter; a decision must have been drafted. */
export async function generateReplyLetter(
  deps: AppDeps,
  actor: Actor,
  id: string,
  format: 'pdf' | 'docx',
): Promise<events.FileRecord> {
  const { db, clock } = deps;
  const rec = await repo.findById(db, id);
  if (!rec) throw new DomainError('NOT_FOUND', '申请不存在');
  authorize(actor, 'applications.handle', { agencyId: rec.agencyId });
  if (!rec.decisionOutcome || rec.kind !== 'disclosure')
    throw new DomainError('STEP_NOT_ALLOWED', '请先拟定答复；更正申请的答复书请上传');
  if (rec.decisionStatus === 'sent') throw new DomainError('STEP_NOT_ALLOWED', '答复已送达');
  const today = shanghaiDate(clock.now());
  const { key, values } = await replyLetterInput(deps, rec);
  const rendered = await renderLetter(db, rec.agencyId, key, { values, date: today }, format);
  const file: events.FileRecord = {
    id: randomUUID(),
    applicationId: id,
    role: 'reply_letter',
    filename: `${rendered.title}（${rec.trackingNumber}）${rendered.extension}`,
    mime: rendered.contentType,
    size: rendered.data.length,
    sha256: createHash('sha256').update(rendered.data).digest('hex'),
    reviewed: false,
    sent: false,
    createdBy: actor.name,
    createdAt: clock.now().toISOString(),
  };
  await db.transaction().execute(async (tx) => {
    await events.insertFile(tx, file, rendered.data);
    if (rec.decisionStatus === 'reviewed' || rec.decisionStatus === 'signed')
      await repo.updateApplication(tx, id, {
        decisionStatus: 'draft',
        reviewedAt: null,
        reviewedBy: null,
        signedAt: null,
        signedBy: null,
      });
    await recordAudit(
      tx,
      actor,
      {
        agencyId: rec.agencyId,
        action: 'application.letter',
        subjectType: 'application',
        subjectId: id,
        summary: `${rec.trackingNumber}：生成答复书（${format.toUpperCase()}）`,
        after: { filename: file.filename, sha256: file.sha256 },
      },
      clock,
    );
  });
  return file;
}
