/**
 * Keeping the applicant informed: when a step concerns them, a Chinese e-mail (to the address
 * they gave, if any) and — where the agency contracts an SMS gateway — a text message go into
 * the outbox in the step's own transaction (so the notice exists exactly when the step does),
 * with the tracking page's address and no personal data (src/domain/applications/notifications.ts).
 * The sweep delivers them (modules/outbox/outbox.delivery.ts).
 */
import type { DbOrTx } from '../../../db/database.ts';
import {
  applicantMail,
  applicantSms,
  type ApplicantNoticeFacts,
  type ApplicantNoticeKind,
} from '../../../domain/applications/notifications.ts';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../../domain/letters/index.ts';
import type { Clock } from '../../../domain/time.ts';
import { findById as findAgency } from '../../agencies/agencies.repository.ts';
import { enqueueSystemNotice } from '../../outbox/outbox.service.ts';
import { applicantEmail } from '../../privacy/email-sealing.ts';
import type { AppDeps } from '../applications.deps.ts';
import type { ApplicationRecord } from '../applications.repository.ts';

/** Which stored events tell the applicant what (the rest are internal or covered by another notice). */
const EVENT_NOTICES: Record<string, ApplicantNoticeKind> = {
  received: 'deadline', // the receipt confirmed (第三十一条): the reply deadline now runs
  correctionRequested: 'correction', // 第三十条
  correctionReceived: 'deadline', // the period restarts from the 补正
  extensionApproved: 'deadline', // 第三十三条第二款
  delayedReplySet: 'deadline',
  feeNotice: 'document', // the 收费通知书 is issued with the step
  lapsed: 'document', // the sweep issues the 视为放弃申请告知书 with the lapse (第三十条; 逾期未缴费)
  replied: 'reply',
};

/** The document an event's notice names. */
const EVENT_DOCUMENTS: Record<string, DocumentKind> = { feeNotice: 'fee_notice', lapsed: 'lapse_notice' };

/** The notice a stored event gives the applicant, if any, and the document it names. */
export function noticeForEvent(type: string): { kind: ApplicantNoticeKind; documentKind?: DocumentKind } | null {
  const kind = EVENT_NOTICES[type];
  return kind ? { kind, documentKind: EVENT_DOCUMENTS[type] } : null;
}

/** Queues the notice for the applicant, if they can be reached. Returns the outbox ids. */
export async function notifyApplicant(
  tx: DbOrTx,
  deps: Pick<AppDeps, 'cipher' | 'publicUrl' | 'smsEnabled'> & { clock: Clock },
  rec: ApplicationRecord,
  kind: ApplicantNoticeKind,
  facts: { replyDue?: string | null; correctionDue?: string | null; documentKind?: DocumentKind },
): Promise<string[]> {
  // Where the applicant can be reached: the e-mail they gave (sealed at rest) and, for SMS, their phone.
  const email = applicantEmail(deps.cipher, rec);
  const phone = deps.smsEnabled && rec.phoneEnc ? deps.cipher.decrypt(rec.phoneEnc) : '';
  if (!email && !phone) return [];
  const agency = await findAgency(tx, rec.agencyId);
  if (!agency) return [];
  const f: ApplicantNoticeFacts = {
    agencyName: agency.name,
    trackingNumber: rec.trackingNumber,
    trackUrl: `${deps.publicUrl ?? 'http://localhost:3000'}/gk/${encodeURIComponent(agency.code)}/track`,
    replyDue: facts.replyDue ?? null,
    correctionDue: facts.correctionDue ?? null,
    documentLabel: facts.documentKind ? DOCUMENT_KIND_LABELS[facts.documentKind] : undefined,
  };
  // A message on each channel the applicant can be reached on, e-mail first.
  const messages: { channel: 'email' | 'sms'; recipientAddress: string; subject: string; bodyText: string }[] = [];
  if (email) {
    const mail = applicantMail(kind, f);
    messages.push({ channel: 'email', recipientAddress: email, subject: mail.subject, bodyText: mail.text });
  }
  if (phone) {
    const text = applicantSms(kind, f);
    messages.push({ channel: 'sms', recipientAddress: phone, subject: text.slice(0, 60), bodyText: text });
  }
  const related = { type: 'application', id: rec.id };
  const ids: string[] = [];
  for (const m of messages)
    ids.push(
      await enqueueSystemNotice(tx, { ...m, agencyId: rec.agencyId, recipientName: '申请人', related }, deps.clock),
    );
  return ids;
}
