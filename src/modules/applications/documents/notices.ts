/**
 * The notices the workflow issues (docs/letters.md "Notices"): the one-time 补正告知书 (第三十条),
 * a 征求意见书 to each consulted party (第三十二条, 第三十四条), the 延期答复告知书 (第三十三条第二款),
 * the 收费通知书 (国办函〔2020〕109号), the 视为放弃申请告知书 when the sweep records a lapse
 * (modules/applications/sweep/lapse.ts) and the 决定公开告知书 to a third party that objected (第三十二条). A step
 * builds a draft; the draft is filled with the agency's template and stored in the step's own
 * transaction, its dates taken from the clock computed there after the step's events — so
 * every date a notice states is the engine's. A notice whose dates depend on a calendar year
 * not loaded is stored as provisional (暂定) with those years (modules/applications/documents/provisional.ts).
 * Rendering to DOCX/PDF happens on first download or sending (modules/applications/documents/documents.service.ts),
 * outside any transaction.
 */
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../../db/database.ts';
import type { FeeAssessment } from '../../../domain/applications/fees.ts';
import type { Calendar } from '../../../domain/calendar/calendar.ts';
import type { ClockResult } from '../../../domain/clock/types.ts';
import { DomainError } from '../../../domain/errors.ts';
import {
  consultationTemplate,
  DEFAULT_PAYMENT_METHOD,
  feeBasisText,
  missingYearsOf,
  numberCorrectionItems,
  provisionalDateText,
  type DateSpan,
  type DocumentKind,
  type LetterKey,
  type PlaceholderValues,
} from '../../../domain/letters/index.ts';
import { formatChineseDate } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import { composeAgencyLetter } from '../../letters/letters.service.ts';
import type { OfficialDocument } from '../../documents/index.ts';
import * as letters from './documents.repository.ts';
import type { EventRecord } from '../applications.events.repository.ts';
import type { ApplicationRecord } from '../applications.repository.ts';

/** What a step issues, before the clock after the step is known. */
export interface NoticeDraft {
  kind: DocumentKind;
  templateKey: LetterKey;
  addressee: 'applicant' | 'party';
  recipientName: string;
  consultationId: string | null;
  /** The letter's date. */
  date: string;
  /** The values known before the step's clock (its dates come from `noticeDates`). */
  values: PlaceholderValues;
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

/** What identifies a notice's dates: its kind and template, its date, and the event of its step. */
export interface NoticeRef {
  kind: DocumentKind;
  templateKey: string;
  date: string;
}

/**
 * The dates a notice states, from the clock after its step, and what each was counted from (for
 * the provisional check). Used when the notice is issued and again when a provisional notice is
 * settled after its calendar year was loaded, so both times the engine's dates are stated.
 * `step` is the notice's own event (a consultation's, with the party's receipt date).
 */
export function noticeDates(
  n: NoticeRef,
  clock: ClockResult,
  step: Pick<EventRecord, 'payload'> | undefined,
): { values: PlaceholderValues; spans: DateSpan[] } {
  const span = (from: string | null, to: string | null): DateSpan[] => (from && to ? [{ from, to }] : []);
  const received = { 收到申请日期: cn(clock.receivedDate, '收到申请之日') };
  switch (n.kind) {
    case 'correction_notice':
      return {
        values: { ...received, 补正期限: cn(clock.correctionPeriodEnd, '补正期限') },
        spans: span(clock.correctionRequestedDate, clock.correctionPeriodEnd),
      };
    case 'consultation_letter': {
      const party = n.templateKey === 'consultation_agency' ? 'agency' : 'third';
      const partyReceived =
        typeof step?.payload.partyReceivedDate === 'string' ? step.payload.partyReceivedDate : n.date;
      const k = clock.consultations.find(
        (x) => x.party === party && x.sentDate === n.date && x.partyReceivedDate === partyReceived,
      );
      return {
        values: { ...received, 征求意见期限: cn(k?.partyDeadline ?? null, '对方提出意见的期限') },
        spans: span(partyReceived, k?.partyDeadline ?? null),
      };
    }
    case 'extension_notice':
      return {
        values: { ...received, 答复期限: cn(clock.replyDue, '延长后的答复期限') },
        spans: span(clock.correctionReceivedDate ?? clock.receivedDate, clock.replyDue),
      };
    case 'fee_notice':
      // 109号: 20 working days from the day after the applicant receives it. Sent by post, the
      // signing date is not known yet: the notice states the rule instead of a date.
      return clock.paymentDue === null && clock.feeReceiptUnknown
        ? { values: { ...received, 缴费期限: '收到本通知次日起20个工作日届满之日' }, spans: [] }
        : {
            values: { ...received, 缴费期限: cn(clock.paymentDue, '缴费期限') },
            spans: span(clock.feeNoticeReceivedDate ?? clock.feeNoticeDate, clock.paymentDue),
          };
    case 'lapse_notice':
      // The lapsed period and the closure the day after it (lifecycle.md).
      return n.templateKey === 'other_no_fee'
        ? {
            values: { ...received, 缴费期限: cn(clock.paymentDue, '缴费期限') },
            spans: span(clock.feeNoticeDate, clock.closed),
          }
        : {
            values: { ...received, 补正期限: cn(clock.correctionPeriodEnd, '补正期限') },
            spans: span(clock.correctionRequestedDate, clock.closed),
          };
    case 'date_change_notice':
      // Its dates are the settled ones, given by the import (dateChangeNotice).
      return { values: received, spans: [] };
    case 'third_party_notice':
    case 'reply_letter':
      return { values: {}, spans: [] };
  }
}

/**
 * The values a notice states: on a provisional calendar every date it states but the receipt
 * carries 「（暂定，以国务院办公厅公布的节假日安排为准）」 (lifecycle.md "Provisional years").
 */
export function statedDates(
  dates: { values: PlaceholderValues; spans: DateSpan[] },
  calendar: Calendar,
): { values: PlaceholderValues; provisionalYears: number[] } {
  const provisionalYears = missingYearsOf(calendar, dates.spans);
  if (provisionalYears.length === 0) return { values: dates.values, provisionalYears };
  const values: PlaceholderValues = {};
  for (const [k, v] of Object.entries(dates.values) as Array<[keyof PlaceholderValues, string]>)
    values[k] = k === '收到申请日期' ? v : provisionalDateText(v);
  return { values, provisionalYears };
}

/**
 * lifecycle.md "Provisional years": the follow-up to an applicant whose provisional date moved
 * when the year's notice was imported, naming each date before and after.
 */
export function dateChangeNotice(
  rec: ApplicationRecord,
  date: string,
  years: readonly number[],
  changes: ReadonlyArray<{ what: string; before: string; after: string }>,
): NoticeDraft {
  return {
    kind: 'date_change_notice',
    templateKey: 'date_change_notice',
    addressee: 'applicant',
    recipientName: rec.applicantName,
    consultationId: null,
    date,
    values: {
      ...toApplicant(rec),
      节假日年份: years.map((y) => `${y}年`).join('、'),
      变更事项: changes.map((c) => `${c.what}由${c.before}（暂定）调整为${c.after}`).join('；'),
    },
  };
}

/** 第三十条: every item to correct at once, and the period's end (the office's date or the engine's default). */
export function correctionNotice(rec: ApplicationRecord, date: string, items: string): NoticeDraft {
  return {
    kind: 'correction_notice',
    templateKey: 'correction_notice',
    addressee: 'applicant',
    recipientName: rec.applicantName,
    consultationId: null,
    date,
    values: { ...toApplicant(rec), 补正事项: numberCorrectionItems(items) },
  };
}

/**
 * 第三十二条 / 第三十四条: the letter to one consulted party, with its 15-working-day deadline
 * from its own receipt. It never names the applicant; `subject` lets the handler describe the
 * information without what the applicant wrote about themselves.
 */
export function consultationLetter(
  date: string,
  c: { party: 'third' | 'agency'; partyName: string; consultationId: string; subject: string },
): NoticeDraft {
  return {
    kind: 'consultation_letter',
    templateKey: consultationTemplate(c.party),
    addressee: 'party',
    recipientName: c.partyName,
    consultationId: c.consultationId,
    date,
    values: { 第三方: c.partyName, 信息名称: c.subject },
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
  };
}

/** 国办函〔2020〕109号: the amount by its tiers, how it was computed, and the payment period. */
export function feeNotice(
  rec: ApplicationRecord,
  date: string,
  fee: FeeAssessment,
  paymentMethod: string | undefined,
): NoticeDraft {
  return {
    kind: 'fee_notice',
    templateKey: 'fee_notice',
    addressee: 'applicant',
    recipientName: rec.applicantName,
    consultationId: null,
    date,
    values: {
      ...toApplicant(rec),
      收费金额: String(fee.amount),
      收费依据: feeBasisText(fee),
      缴费方式: paymentMethod?.trim() || DEFAULT_PAYMENT_METHOD,
    },
  };
}

/**
 * 第三十条 逾期不补正 / 国办函〔2020〕109号 逾期未缴费: the written notice that the application is
 * treated as abandoned, dated the day it closed (the lapsed period's end + 1 calendar day).
 */
export function lapseNotice(rec: ApplicationRecord, closed: string, by: 'correctionLapsed' | 'feeLapsed'): NoticeDraft {
  return {
    kind: 'lapse_notice',
    templateKey: by === 'feeLapsed' ? 'other_no_fee' : 'other_no_correction',
    addressee: 'applicant',
    recipientName: rec.applicantName,
    consultationId: null,
    date: closed,
    values: toApplicant(rec),
  };
}

/**
 * 第三十二条: to a third party that objected, the content the office decided to disclose and why
 * (不公开可能对公共利益造成重大影响). Addressed to the party the consultation step recorded and
 * worded, like the consultation letter, without the applicant.
 */
export function thirdPartyNotice(
  date: string,
  c: { partyName: string; consultationId: string; subject: string; content: string; reasons: string },
): NoticeDraft {
  return {
    kind: 'third_party_notice',
    templateKey: 'third_party_disclosure',
    addressee: 'party',
    recipientName: c.partyName,
    consultationId: c.consultationId,
    date,
    values: { 第三方: c.partyName, 信息名称: c.subject, 公开内容: c.content, 公开理由: c.reasons },
  };
}

/**
 * Fills the draft with the agency's template and stores it, in the transaction of the step
 * (`applyChange`'s `also`) or the sweep, with the clock after the step's events; `step` is the
 * notice's own event. `compose` may replace the agency's wording (the sweep falls back to the
 * default wording when an agency's old override cannot be filled).
 */
export async function issueNotice(
  tx: DbOrTx,
  actor: Actor,
  rec: ApplicationRecord,
  draft: NoticeDraft,
  ctx: {
    clock: ClockResult;
    calendar: Calendar;
    step: EventRecord;
    at: string;
    compose?: (values: PlaceholderValues) => Promise<OfficialDocument>;
  },
): Promise<letters.LetterRecord> {
  const stated = statedDates(noticeDates(draft, ctx.clock, ctx.step), ctx.calendar);
  const values = { ...draft.values, ...stated.values };
  const content = ctx.compose
    ? await ctx.compose(values)
    : await composeAgencyLetter(tx, rec.agencyId, draft.templateKey, { values, date: draft.date });
  const letter = {
    id: randomUUID(),
    applicationId: rec.id,
    eventSeq: ctx.step.seq,
    kind: draft.kind,
    templateKey: draft.templateKey,
    addressee: draft.addressee,
    recipientName: draft.recipientName,
    consultationId: draft.consultationId,
    date: draft.date,
    title: content.title,
    content,
    values: values as Record<string, string>,
    provisionalYears: stated.provisionalYears,
    createdBy: actor.name,
    createdAt: ctx.at,
  };
  await letters.insertLetter(tx, letter);
  return { ...letter, pdfFileId: null, docxFileId: null, voidedAt: null, voidReason: null };
}
