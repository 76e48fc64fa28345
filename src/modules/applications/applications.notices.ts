/**
 * The notices the workflow's steps issue (docs/letters.md "Notices"): the one-time 补正告知书
 * (第三十条), a 征求意见书 to each consulted party (第三十二条, 第三十四条), the 延期答复告知书
 * (第三十三条第二款) and the 收费通知书 (国办函〔2020〕109号). A step builds a draft; the draft is
 * filled with the agency's template and stored in the step's own transaction, its dates taken
 * from the clock computed there after the step's events — so every date a notice states is
 * the engine's. Rendering to DOCX/PDF happens on first download or sending
 * (applications.documents.ts), outside any transaction.
 */
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/database.ts';
import type { FeeAssessment } from '../../domain/applications/fees.ts';
import type { ClockResult } from '../../domain/clock/types.ts';
import { DomainError } from '../../domain/errors.ts';
import { consultationTemplate, DEFAULT_PAYMENT_METHOD, feeBasisText, type DocumentKind, type LetterKey, type PlaceholderValues } from '../../domain/letters/index.ts';
import { formatChineseDate } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { composeAgencyLetter } from '../letters/letters.service.ts';
import * as letters from './applications.documents.repository.ts';
import type { ApplicationRecord } from './applications.repository.ts';

/** What a step issues, before the clock after the step is known. */
export interface NoticeDraft {
  kind: DocumentKind;
  templateKey: LetterKey;
  addressee: 'applicant' | 'party';
  recipientName: string;
  consultationId: string | null;
  /** The letter's date. */
  date: string;
  values: PlaceholderValues;
  /** The values that are dates of the clock after the step. */
  datesFrom(clock: ClockResult): PlaceholderValues;
}

const cn = (date: string | null, what: string): string => {
  if (!date) throw new DomainError('STEP_NOT_ALLOWED', `无法确定${what}，不能生成文书`);
  return formatChineseDate(date);
};

/** The information asked for, as the letters name it. */
export function infoName(rec: ApplicationRecord): string {
  return [rec.infoTitle, rec.infoDocNumber, rec.infoDescription].filter(Boolean).join('；');
}

function toApplicant(rec: ApplicationRecord): PlaceholderValues {
  return { 申请人: rec.applicantName, 申请编号: rec.trackingNumber, 信息名称: infoName(rec) };
}

const received = (clock: ClockResult) => ({ 收到申请日期: cn(clock.receivedDate, '收到申请之日') });

/** 第三十条: every item to correct at once, and the period's end (the office's date or the engine's default). */
export function correctionNotice(rec: ApplicationRecord, date: string, items: string): NoticeDraft {
  return {
    kind: 'correction_notice',
    templateKey: 'correction_notice',
    addressee: 'applicant',
    recipientName: rec.applicantName,
    consultationId: null,
    date,
    values: { ...toApplicant(rec), 补正事项: items },
    datesFrom: (clock) => ({ ...received(clock), 补正期限: cn(clock.correctionPeriodEnd, '补正期限') }),
  };
}

/**
 * 第三十二条 / 第三十四条: the letter to one consulted party, with its 15-working-day deadline
 * from its own receipt. It never names the applicant; `subject` lets the handler describe the
 * information without what the applicant wrote about themselves.
 */
export function consultationLetter(rec: ApplicationRecord, date: string, c: { party: 'third' | 'agency'; partyName: string; partyReceivedDate: string; consultationId: string; subject: string }): NoticeDraft {
  return {
    kind: 'consultation_letter',
    templateKey: consultationTemplate(c.party),
    addressee: 'party',
    recipientName: c.partyName,
    consultationId: c.consultationId,
    date,
    values: { 第三方: c.partyName, 信息名称: c.subject },
    datesFrom: (clock) => {
      const k = clock.consultations.find((x) => x.party === c.party && x.sentDate === date && x.partyReceivedDate === c.partyReceivedDate);
      return { ...received(clock), 征求意见期限: cn(k?.partyDeadline ?? null, '对方提出意见的期限') };
    },
  };
}

/** 第三十三条第二款: the extension the office head approved and the reply due date it gives. */
export function extensionNotice(rec: ApplicationRecord, date: string, days: number, reason: string): NoticeDraft {
  return {
    kind: 'extension_notice',
    templateKey: 'extension_notice',
    addressee: 'applicant',
    recipientName: rec.applicantName,
    consultationId: null,
    date,
    values: { ...toApplicant(rec), 延长天数: String(days), 延期理由: reason },
    datesFrom: (clock) => ({ ...received(clock), 答复期限: cn(clock.replyDue, '延长后的答复期限') }),
  };
}

/** 国办函〔2020〕109号: the amount by its tiers, how it was computed, and the payment period. */
export function feeNotice(rec: ApplicationRecord, date: string, fee: FeeAssessment, paymentMethod: string | undefined): NoticeDraft {
  return {
    kind: 'fee_notice',
    templateKey: 'fee_notice',
    addressee: 'applicant',
    recipientName: rec.applicantName,
    consultationId: null,
    date,
    values: { ...toApplicant(rec), 收费金额: String(fee.amount), 收费依据: feeBasisText(fee), 缴费方式: paymentMethod?.trim() || DEFAULT_PAYMENT_METHOD },
    datesFrom: (clock) => ({ ...received(clock), 缴费期限: cn(clock.paymentDue, '缴费期限') }),
  };
}

/**
 * Fills the draft with the agency's template and stores it, in the transaction of the step
 * (`applyChange`'s `also`), with the clock after the step's events; `eventSeq` is the step's event.
 */
export async function issueNotice(tx: DbOrTx, actor: Actor, rec: ApplicationRecord, draft: NoticeDraft, clock: ClockResult, eventSeq: number, at: string): Promise<letters.LetterRecord> {
  const values = { ...draft.values, ...draft.datesFrom(clock) };
  const content = await composeAgencyLetter(tx, rec.agencyId, draft.templateKey, { values, date: draft.date });
  const letter = {
    id: randomUUID(),
    applicationId: rec.id,
    eventSeq,
    kind: draft.kind,
    templateKey: draft.templateKey,
    addressee: draft.addressee,
    recipientName: draft.recipientName,
    consultationId: draft.consultationId,
    date: draft.date,
    title: content.title,
    content,
    values: values as Record<string, string>,
    createdBy: actor.name,
    createdAt: at,
  };
  await letters.insertLetter(tx, letter);
  return { ...letter, pdfFileId: null, docxFileId: null };
}
