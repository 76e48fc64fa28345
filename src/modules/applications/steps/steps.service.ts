/**
 * The workflow steps of the console (第三十条–第三十七条, 第四十二条, 第四十五条). Each step:
 * authorize by its permission → check the guard (src/domain/applications/workflow.ts) → validate
 * its input → append its events through `applyChange`. The steps the 条例 says are made in
 * writing issue their notice in the same transaction (modules/applications/documents/notices.ts): 补正, 征求意见
 * (one letter per party, several parties in one step), 批准延期, 收费, and 书面告知第三方
 * (第三十二条: a decision to disclose over a third party's objection).
 */
import { randomUUID } from 'node:crypto';
import { checkDecision, OUTCOME_LABELS, releasedFileMissing } from '../../../domain/applications/decision.ts';
import {
  assessFee,
  FEE_BASIS_LABELS,
  FEE_NOTICE_DELIVERY_LABELS,
  feeMonthOf,
  feeNoticeDeliveryFor,
  FEE_NOTICE_DELIVERIES,
} from '../../../domain/applications/fees.ts';
import type { FeeNoticeDelivery } from '../../../domain/clock/types.ts';
import { RECORDS_OUTCOMES, RECORDS_OUTCOME_LABELS, type RecordsOutcome } from '../../../domain/applications/kinds.ts';
import {
  assertStep,
  extensionRefusalProblem,
  STEP_LABELS,
  stepPermissions,
  type Step,
} from '../../../domain/applications/workflow.ts';
import { DomainError, ValidationError } from '../../../domain/errors.ts';
import {
  objectingThirdParties,
  thirdPartyNoticesMissing,
  THIRD_PARTY_NOTIFIED,
} from '../../../domain/applications/third-party.ts';
import { DOCUMENT_KIND_LABELS } from '../../../domain/letters/index.ts';
import { tryParseIsoDate } from '../../../domain/calendar/dates.ts';
import type { ApplicationPermission } from '../../../domain/applications/workflow.ts';
import { formatChineseDate, shanghaiDate } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import { authorize, can } from '../../../policies/can.ts';
import { calendarFor } from '../applications.calendar.ts';
import { applyChange, situationOf, type NewEvent } from '../applications.apply.ts';
import * as letters from '../documents/documents.repository.ts';
import {
  consultationLetter,
  correctionNotice,
  extensionNotice,
  feeNotice,
  infoName,
  issueNotice,
  thirdPartyNotice,
  type NoticeDraft,
} from '../documents/notices.ts';
import { clockOf } from '../applications.clock.ts';
import { agencyClockSettings, type AppDeps } from '../applications.deps.ts';
import { paperSigner, reverseLapse } from './back-entry.ts';
import * as events from '../applications.events.repository.ts';
import { assertHandler } from '../handlers.repository.ts';
import * as repo from '../applications.repository.ts';

/** The inputs of all steps (each uses a few). */
export interface StepInput {
  date?: string;
  note?: string;
  handlerId?: string;
  items?: string;
  periodEnd?: string;
  party?: 'third' | 'agency';
  partyName?: string;
  partyReceivedDate?: string;
  consultationId?: string;
  opinion?: 'agree' | 'object' | 'none';
  days?: number;
  reason?: string;
  notifiedDate?: string;
  until?: string;
  basis?: 'per_piece' | 'per_page';
  pieces?: number;
  pages?: number;
  outcome?: string;
  legalBasis?: string;
  reasons?: string;
  responsibleAgency?: string;
  passed?: boolean;
  /** 收费通知书: the account or way to pay (default: ask the office). */
  paymentMethod?: string;
  /**
   * 发出收费通知: how it reaches the applicant (default: the way the applicant chose to get the
   * information; 109号「按照申请人获取信息的途径」) — it decides the receipt date (lifecycle.md, fee row).
   */
  delivery?: FeeNoticeDelivery;
  /** 发出收费通知: the applicant's receipt date when already known (post: the signing date). */
  receivedDate?: string;
  /** 征求意见书: the information as the consulted party is told it (default: the application's wording). */
  partySubject?: string;
  /** 征求意见: several parties at once, one letter each (instead of party / partyName / partyReceivedDate / partySubject). */
  parties?: ConsultationRow[];
  /** 书面告知第三方 (第三十二条): the information the office decided to disclose… */
  disclosedContent?: string;
  /** …and why: not disclosing could have a major effect on the public interest. */
  publicInterestReason?: string;
  /** 拟定答复, 部分公开: what the objecting third parties objected to is among the withheld parts (no 第三十二条 notice needed). */
  thirdPartyWithheld?: boolean;
  /**
   * 登记补正 / 登记缴费 dated after its period: the office's reason for accepting it late (第三十条
   * 「无正当理由」; a payment only under the [INTERPRETATION] setting lateFeePaymentAcceptable).
   */
  lateReason?: string;
  /**
   * 保密审查 / 负责人签发 done on paper and entered by someone else (lifecycle.md "Facts entered
   * late"): who signed, and the scan of the signed form (a file of the application, role signoff_scan).
   */
  paper?: { signedBy: string; scanFileId: string };
}

/** One party of a 征求意见 step. */
export interface ConsultationRow {
  party?: 'third' | 'agency';
  partyName?: string;
  partyReceivedDate?: string;
  partySubject?: string;
}

/** Parties one 征求意见 step may consult at once. */
export const MAX_PARTIES_PER_STEP = 20;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The date a fact happened (lifecycle.md "Facts entered late": every event carries its own date,
 * whenever it is entered): today by default; never in the future, never before `after` — the fact
 * it depends on, named in the message.
 */
function stepDate(
  value: string | undefined,
  field: string,
  rec: repo.ApplicationRecord,
  today: string,
  after?: { date: string; what: string },
): string {
  const d = value ?? today;
  if (!DATE.test(d) || parseIsoOrNull(d) === null)
    throw new ValidationError({ [field]: `日期格式不正确：${d}（应为YYYY-MM-DD，如2025-03-06）` });
  if (d > today)
    throw new ValidationError({
      [field]: `日期${formatChineseDate(d)}晚于今天${formatChineseDate(today)}：不能登记尚未发生的事实`,
    });
  if (d < rec.arrivalDate)
    throw new ValidationError({
      [field]: `日期${formatChineseDate(d)}早于申请到达之日${formatChineseDate(rec.arrivalDate)}`,
    });
  if (after && d < after.date)
    throw new ValidationError({
      [field]: `日期${formatChineseDate(d)}早于${after.what}${formatChineseDate(after.date)}`,
    });
  return d;
}

const parseIsoOrNull = (d: string): number | null => tryParseIsoDate(d) ?? null;

/** The last stored event of a type (its date is what a later fact depends on). */
const lastOf = (stored: readonly events.EventRecord[], type: string) =>
  [...stored].reverse().find((e) => e.type === type);

function required(value: string | undefined, field: string, message: string): string {
  const v = (value ?? '').trim();
  if (v.length === 0) throw new ValidationError({ [field]: message });
  if (v.length > 4000) throw new ValidationError({ [field]: '不超过4000个字' });
  return v;
}

/** Takes one workflow step on an application. */
export async function performStep(
  deps: AppDeps,
  actor: Actor,
  id: string,
  step: Step,
  input: StepInput,
): Promise<repo.ApplicationRecord> {
  const { db, clock } = deps;
  const rec = await repo.findById(db, id);
  if (!rec) throw new DomainError('NOT_FOUND', '申请不存在');
  const settings = await agencyClockSettings(deps, rec.agencyId);
  authorize(actor, 'applications.read', { agencyId: rec.agencyId });
  // A review or sign-off done on paper may be entered by the clerk or handler, with the scan.
  const paper = (step === 'reviewConfidentiality' || step === 'signOff') && input.paper !== undefined;
  const allowed: readonly ApplicationPermission[] = paper
    ? [...stepPermissions(step), 'applications.register', 'applications.handle']
    : stepPermissions(step);
  if (!allowed.some((p) => can(actor, p, { agencyId: rec.agencyId })))
    authorize(actor, allowed[0]!, { agencyId: rec.agencyId });
  const today = shanghaiDate(clock.now());
  const calendar = await calendarFor(db);
  const stored = await events.listEvents(db, rec.id);
  const clockNow = clockOf(stored, today, calendar);
  assertStep(step, situationOf(rec, stored, clockNow, today, settings));
  const date = () => stepDate(input.date, 'date', rec, today);
  const ev: NewEvent[] = [];
  let patch: Partial<repo.ApplicationRecord> = {};
  let summary: string = STEP_LABELS[step];
  // A lapse the sweep recorded that this step's fact may reverse (lifecycle.md "Facts entered late").
  let reversible: 'correctionLapsed' | 'feeLapsed' | null = null;
  // The notices the step issues, each with the index in `ev` of its own event.
  const notices: Array<{ draft: NoticeDraft; event: number }> = [];
  const issue = (draft: NoticeDraft) => notices.push({ draft, event: ev.length - 1 });

  switch (step) {
    case 'confirmReceipt':
      ev.push({
        type: 'received',
        date: date(),
        public: true,
        summary: '双方确认收到申请（第三十一条），答复期限起算',
      });
      break;
    case 'assign':
      await assertHandler(db, rec.agencyId, input.handlerId);
      patch = { handlerId: input.handlerId! };
      ev.push({
        type: 'assigned',
        date: today,
        payload: { handlerId: input.handlerId },
        public: false,
        summary: '分派承办人',
      });
      break;
    case 'requestCorrection': {
      const items = required(input.items, 'items', '请列明需要补正的全部事项（第三十条：一次性告知）');
      if (input.periodEnd !== undefined && (!DATE.test(input.periodEnd) || input.periodEnd <= today))
        throw new ValidationError({ periodEnd: '补正期限应为今天以后的日期' });
      const d = date();
      ev.push({
        type: 'correctionRequested',
        date: d,
        payload: { items, ...(input.periodEnd ? { periodEnd: input.periodEnd } : {}) },
        public: true,
        summary: `一次性告知补正：${items}`,
      });
      issue(correctionNotice(rec, d, items));
      break;
    }
    case 'recordCorrection': {
      const d = stepDate(input.date, 'date', rec, today, {
        date: clockNow.correctionRequestedDate!,
        what: '告知补正之日',
      });
      const end = clockNow.correctionPeriodEnd!;
      // 第三十条: only a correction missing 「无正当理由」 lapses; a late one needs the office's reason.
      const late = d > end;
      const reason = (input.lateReason ?? '').trim();
      if (late && reason.length < 2)
        throw new ValidationError({
          lateReason: `补正日期${formatChineseDate(d)}晚于补正期限${formatChineseDate(end)}：依据第三十条，申请人无正当理由逾期不补正的视为放弃申请；确有正当理由接受逾期补正的，请写明理由`,
        });
      if (reason.length > 400) throw new ValidationError({ lateReason: '不超过400个字' });
      ev.push({
        type: 'correctionReceived',
        date: d,
        payload: {
          text: (input.note ?? '').slice(0, 4000),
          by: 'staff',
          ...(late ? { acceptedLate: true, lateReason: reason } : {}),
        },
        public: true,
        summary: late
          ? `收到逾期补正，因正当理由予以接受（第三十条）：${reason}；答复期限重新起算`
          : '收到补正后的申请，答复期限重新起算（第三十条）',
      });
      reversible = 'correctionLapsed';
      break;
    }
    case 'sendConsultation': {
      const d = date();
      for (const c of consultationRows(input, d, infoName(rec))) {
        const consultationId = randomUUID();
        ev.push({
          type: 'consultationSent',
          date: d,
          payload: { party: c.party, partyReceivedDate: c.received, consultationId, partyName: c.partyName },
          public: true,
          summary: c.party === 'third' ? '书面征求第三方意见（第三十二条）' : '征求相关行政机关意见（第三十四条）',
        });
        notices.push({
          draft: consultationLetter(d, { party: c.party, partyName: c.partyName, consultationId, subject: c.subject }),
          event: ev.length - 1,
        });
      }
      break;
    }
    case 'recordConsultationAnswer': {
      const sent = stored.filter(
        (e) => e.type === 'consultationSent' && e.payload.consultationId === input.consultationId,
      );
      // Any consultation not yet answered: an answer dated within the period may be entered after it ended.
      const answered = new Set(
        stored.filter((e) => e.type === 'consultationAnswered').map((e) => e.payload.consultationId),
      );
      const unanswered = stored.filter((e) => e.type === 'consultationSent' && !answered.has(e.payload.consultationId));
      const target = sent[0] ?? (unanswered.length === 1 ? unanswered[0] : undefined);
      if (!target) throw new ValidationError({ consultationId: '请选择要登记答复的征求意见' });
      if (answered.has(target.payload.consultationId))
        throw new ValidationError({ consultationId: '该征求意见的答复已经登记' });
      const opinion = input.opinion ?? 'none';
      const answeredOn = stepDate(input.date, 'date', rec, today, { date: target.date, what: '发出征求意见之日' });
      const deadline = clockNow.consultations.find(
        (c) => c.sentDate === target.date && c.partyReceivedDate === (target.payload.partyReceivedDate ?? target.date),
      )?.partyDeadline;
      const lateAnswer = deadline !== undefined && answeredOn > deadline;
      ev.push({
        type: 'consultationAnswered',
        date: answeredOn,
        payload: {
          party: target.payload.party,
          consultationId: target.payload.consultationId,
          opinion,
          note: input.note ?? '',
          ...(lateAnswer ? { late: true } : {}),
        },
        public: true,
        summary: lateAnswer
          ? `收到征求意见的答复（逾期：期限于${formatChineseDate(deadline)}届满，答复已登记供参考）`
          : '收到征求意见的答复',
      });
      break;
    }
    case 'requestExtension': {
      const days = input.days;
      const ceiling = settings.maxExtensionWorkingDays;
      const left = ceiling - clockNow.extensionWorkingDays;
      if (!Number.isInteger(days) || days! < 1 || days! > left)
        throw new ValidationError({
          days: `延长的工作日数应在1至${left}之间（第三十三条第二款：合计不超过${ceiling}个工作日）`,
        });
      patch = { extensionRequestedDays: days!, extensionReason: required(input.reason, 'reason', '请说明延期理由') };
      ev.push({
        type: 'extensionRequested',
        date: date(),
        payload: { days, reason: input.reason },
        public: false,
        summary: `申请延期答复${days}个工作日`,
      });
      break;
    }
    case 'approveExtension': {
      const requested = lastOf(stored, 'extensionRequested');
      const d = stepDate(input.date, 'date', rec, today, requested && { date: requested.date, what: '申请延期之日' });
      // 第三十三条第二款 against the due date in force on the approval date, not on the entry date:
      // the facts of that day and before (facts dated later, entered first, were not known then).
      const dueThen = clockOf(
        stored.filter((e) => e.date <= d),
        d,
        calendar,
      ).replyDue;
      if (dueThen !== null && d > dueThen)
        throw new ValidationError({
          date: `批准日期${formatChineseDate(d)}晚于当日的答复期限${formatChineseDate(dueThen)}：依据第三十三条第二款，延长答复期限应在期限届满前经负责人同意`,
        });
      const notified = input.notifiedDate ?? d;
      if (!DATE.test(notified) || notified < d)
        throw new ValidationError({ notifiedDate: '告知申请人的日期不能早于批准日期' });
      if (notified > today) throw new ValidationError({ notifiedDate: '告知申请人的日期不能晚于今天' });
      ev.push({
        type: 'extensionApproved',
        date: d,
        payload: {
          workingDays: rec.extensionRequestedDays,
          approverRole: 'officeHead',
          approver: actor.name,
          applicantNotifiedDate: notified,
        },
        public: true,
        summary: `经政府信息公开工作机构负责人同意，延长答复期限${rec.extensionRequestedDays}个工作日（第三十三条第二款）`,
      });
      // The notice is dated the day the applicant is told (第三十三条第二款「告知申请人」).
      issue(extensionNotice(rec, notified, rec.extensionRequestedDays!, rec.extensionReason ?? ''));
      patch = { extensionRequestedDays: null, extensionReason: null };
      break;
    }
    case 'refuseExtension': {
      // 不批准: the request is closed with the head's reason; no clock event, so the due date stays.
      const problem = extensionRefusalProblem(input.reason);
      if (problem) throw new ValidationError({ reason: problem });
      const reason = input.reason!.trim();
      const requested = lastOf(stored, 'extensionRequested');
      const d = stepDate(input.date, 'date', rec, today, requested && { date: requested.date, what: '申请延期之日' });
      ev.push({
        type: 'extensionRefused',
        date: d,
        payload: {
          days: rec.extensionRequestedDays,
          requestReason: rec.extensionReason ?? '',
          reason,
          refusedBy: actor.name,
        },
        public: false,
        summary: `负责人不批准延期答复${rec.extensionRequestedDays}个工作日：${reason}；答复期限不变${clockNow.replyDue ? `（${formatChineseDate(clockNow.replyDue)}）` : ''}`,
      });
      patch = { extensionRequestedDays: null, extensionReason: null };
      summary = `不批准延期答复：${reason}`;
      break;
    }
    case 'askReasons':
      patch = { reasonsAsked: true };
      ev.push({
        type: 'reasonsAsked',
        date: date(),
        payload: { note: input.note ?? '' },
        public: true,
        summary: '申请数量、频次明显超过合理范围，要求申请人说明理由（第三十五条）',
      });
      break;
    case 'setDelayedReply': {
      const d = date();
      if (!input.until || !DATE.test(input.until) || input.until <= d)
        throw new ValidationError({ until: '延迟答复的期限应晚于今天' });
      ev.push({
        type: 'delayedReplySet',
        date: d,
        payload: { until: input.until },
        public: true,
        summary: `确定延迟答复的合理期限至${formatChineseDate(input.until)}（第三十五条）`,
      });
      break;
    }
    case 'issueFeeNotice': {
      const d = date();
      // 按件: the applicant's pieces filed with this agency earlier in the same calendar month (第四条).
      const month = feeMonthOf(rec.arrivalDate);
      const earlier =
        input.basis === 'per_piece'
          ? await repo.countByApplicantSince(db, rec.agencyId, rec.idNumberHash, `${month}-01`, rec.id, {
              arrivalDate: rec.arrivalDate,
              createdAt: rec.createdAt,
            })
          : 0;
      const fee =
        input.basis === 'per_piece'
          ? assessFee({ basis: 'per_piece', earlierPieces: earlier, pieces: input.pieces ?? 1 }, rec.feeBasis as never)
          : input.basis === 'per_page'
            ? assessFee({ basis: 'per_page', pages: input.pages ?? 0 }, rec.feeBasis as never)
            : null;
      if (!fee) throw new ValidationError({ basis: '请选择按件计收或按量计收' });
      if (fee.amount === 0) throw new ValidationError({ basis: '按该标准本申请不收费，无需发出收费通知' });
      patch = { feeBasis: fee.basis, feeAmount: fee.amount };
      if ((input.paymentMethod ?? '').length > 400) throw new ValidationError({ paymentMethod: '不超过400个字' });
      const delivery = input.delivery ?? feeNoticeDeliveryFor(rec.deliveryMethod);
      if (!FEE_NOTICE_DELIVERIES.includes(delivery))
        throw new ValidationError({ delivery: '请选择收费通知的送达方式：当面交付、电子邮件、网上平台或邮寄' });
      const received =
        input.receivedDate === undefined
          ? undefined
          : stepDate(input.receivedDate, 'receivedDate', rec, today, { date: d, what: '发出收费通知之日' });
      const receipt = received ?? (delivery === 'post' ? null : d);
      ev.push({
        type: 'feeNotice',
        date: d,
        payload: {
          basis: fee.basis,
          units: fee.units,
          bands: fee.bands,
          amount: fee.amount,
          delivery,
          ...(received !== undefined ? { applicantReceivedDate: received } : {}),
        },
        public: true,
        summary: `发出收费通知（${FEE_NOTICE_DELIVERY_LABELS[delivery]}）：${FEE_BASIS_LABELS[fee.basis]}，${fee.amount}元（国办函〔2020〕109号）${
          receipt === null
            ? '；申请人签收日期待登记，缴费期限自收到次日起算'
            : `；申请人${formatChineseDate(receipt)}收到，缴费期限自次日起算`
        }`,
      });
      issue(feeNotice(rec, d, fee, input.paymentMethod));
      summary = `发出收费通知 ${fee.amount}元`;
      break;
    }
    case 'recordFeeReceipt': {
      // 109号「收到收费通知次日起20个工作日内」: the signing date of a posted notice, entered when known.
      const d = stepDate(input.date, 'date', rec, today, { date: clockNow.feeNoticeDate!, what: '发出收费通知之日' });
      ev.push({
        type: 'feeNoticeReceived',
        date: d,
        public: true,
        summary: `申请人于${formatChineseDate(d)}收到收费通知，缴费期限自次日起算（国办函〔2020〕109号）`,
      });
      summary = `登记收费通知送达：${formatChineseDate(d)}`;
      break;
    }
    case 'recordFeePaid': {
      const d = stepDate(input.date, 'date', rec, today, { date: clockNow.feeNoticeDate!, what: '发出收费通知之日' });
      // While the receipt date is unknown the period has not started: a payment cannot be late.
      const due = clockNow.paymentDue;
      const late = due !== null && d > due;
      const reason = (input.lateReason ?? '').trim();
      // 109号: 「逾期未缴纳的视为放弃申请」 — no 正当理由 exception; accepting is an [INTERPRETATION] setting.
      if (late && !settings.lateFeePaymentAcceptable)
        throw new ValidationError({
          date: `缴费日期${formatChineseDate(d)}晚于缴费期限${formatChineseDate(due!)}：依据国办函〔2020〕109号，申请人逾期未缴纳的视为放弃申请，逾期缴费不予登记`,
        });
      if (late && reason.length < 2)
        throw new ValidationError({
          lateReason: `缴费日期${formatChineseDate(d)}晚于缴费期限${formatChineseDate(due!)}：接受逾期缴费须写明理由（本机关设置：逾期缴费可予接受）`,
        });
      ev.push({
        type: 'feePaid',
        date: d,
        payload: late ? { acceptedLate: true, lateReason: reason } : {},
        public: true,
        summary: late
          ? `缴纳信息处理费${rec.feeAmount ?? 0}元（逾期缴费，予以接受：${reason}）`
          : `缴纳信息处理费${rec.feeAmount ?? 0}元`,
      });
      reversible = 'feeLapsed';
      break;
    }
    case 'decide': {
      let withheld = false;
      const basis = (input.legalBasis ?? '').trim();
      const reasons = (input.reasons ?? '').trim();
      if (rec.kind === 'records_correction') {
        if (!(RECORDS_OUTCOMES as readonly string[]).includes(input.outcome ?? ''))
          throw new ValidationError({ outcome: '请选择更正申请的处理结果（第四十一条）' });
        patch = {
          decisionOutcome: 'other_other',
          recordsOutcome: input.outcome!,
          decisionBasis: basis || '第四十一条',
          decisionReasons: reasons,
          decisionStatus: 'draft',
          decidedBy: actor.name,
        };
        summary = `拟定答复：${RECORDS_OUTCOME_LABELS[input.outcome as RecordsOutcome]}`;
      } else {
        const consulted = stored.some((e) => e.type === 'consultationSent' && e.payload.party === 'third');
        const outcome = checkDecision(
          {
            outcome: input.outcome ?? '',
            legalBasis: basis,
            reasons,
            responsibleAgency: input.responsibleAgency ?? null,
          },
          { correctionReceived: clockNow.correctionReceivedDate !== null, reasonsAsked: rec.reasonsAsked, consulted },
        );
        // 第三十二条: only a 部分公开 can keep an objecting third party's information back.
        if (input.thirdPartyWithheld === true && outcome !== 'partial')
          throw new ValidationError({
            thirdPartyWithheld:
              '只有部分公开才能对第三方不同意公开的内容不予公开；予以公开的，须书面告知第三方（第三十二条）',
          });
        withheld =
          outcome === 'partial' && input.thirdPartyWithheld === true && objectingThirdParties(stored).length > 0;
        patch = {
          decisionOutcome: outcome,
          decisionBasis: basis,
          decisionReasons: reasons,
          responsibleAgency: (input.responsibleAgency ?? '').trim() || null,
          decisionStatus: 'draft',
          decidedBy: actor.name,
          reviewedAt: null,
          reviewedBy: null,
          signedAt: null,
          signedBy: null,
        };
        summary = `拟定答复：${OUTCOME_LABELS[outcome]}`;
      }
      ev.push({
        type: 'decisionDrafted',
        date: today,
        payload: {
          outcome: patch.decisionOutcome,
          recordsOutcome: patch.recordsOutcome ?? null,
          ...(withheld ? { thirdPartyWithheld: true } : {}),
        },
        public: false,
        summary,
      });
      break;
    }
    case 'notifyThirdParty': {
      // 第三十二条: 「…可以决定予以公开，并将决定公开的政府信息内容和理由书面告知第三方」.
      const missing = thirdPartyNoticesMissing(rec.decisionOutcome, stored);
      const target = input.consultationId
        ? missing.find((p) => p.consultationId === input.consultationId)
        : missing.length === 1
          ? missing[0]
          : undefined;
      if (!target)
        throw new ValidationError({
          consultationId: input.consultationId
            ? '该第三方未提出不同意公开的意见，或已就本次拟定的答复书面告知'
            : '请选择要书面告知的第三方',
        });
      const disclosedContent = required(
        input.disclosedContent,
        'disclosedContent',
        '请写明决定公开的政府信息内容（第三十二条）',
      );
      const reason = required(
        input.publicInterestReason,
        'publicInterestReason',
        '请写明决定公开的理由：不公开可能对公共利益造成重大影响的情形（第三十二条）',
      );
      if (reason.length < 4)
        throw new ValidationError({
          publicInterestReason: '请具体说明不公开可能对公共利益造成的重大影响（第三十二条）',
        });
      // The information as the party was told it when consulted, never the applicant's own wording about themselves.
      const consulted = (await letters.listLetters(db, rec.id)).find(
        (l) => l.kind === 'consultation_letter' && l.consultationId === target.consultationId,
      );
      const d = date();
      ev.push({
        type: THIRD_PARTY_NOTIFIED,
        date: d,
        payload: { consultationId: target.consultationId, partyName: target.partyName },
        public: false,
        summary: `书面告知第三方决定公开的内容和理由（第三十二条）：${target.partyName}`,
      });
      issue(
        thirdPartyNotice(d, {
          partyName: target.partyName,
          consultationId: target.consultationId,
          subject: consulted?.values.信息名称 ?? infoName(rec),
          content: disclosedContent,
          reasons: reason,
        }),
      );
      summary = `书面告知第三方（第三十二条）：${target.partyName}`;
      break;
    }
    case 'reviewConfidentiality': {
      const passed = input.passed === true;
      const drafted = lastOf(stored, 'decisionDrafted');
      const d = stepDate(input.date, 'date', rec, today, drafted && { date: drafted.date, what: '拟定答复之日' });
      const signer = await paperSigner(deps, rec, step, input, actor, d, today);
      patch = passed
        ? { decisionStatus: 'reviewed', reviewedAt: clock.now().toISOString(), reviewedBy: signer.name }
        : { decisionStatus: 'returned' };
      if (passed) await events.markFiles(db, rec.id, ['released', 'reply_letter'], { reviewed: true });
      ev.push({
        type: 'confidentialityReviewed',
        date: d,
        payload: { passed, note: input.note ?? '', reviewer: signer.name, ...signer.payload },
        public: false,
        summary: `${passed ? '保密审查通过' : `保密审查未通过，退回修改：${input.note ?? ''}`}${signer.text}`,
      });
      summary = `${passed ? '保密审查通过' : '保密审查未通过'}${signer.text}`;
      break;
    }
    case 'signOff': {
      const reviewed = lastOf(stored, 'confidentialityReviewed');
      const d = stepDate(input.date, 'date', rec, today, reviewed && { date: reviewed.date, what: '保密审查之日' });
      const released = (await events.listFiles(db, rec.id)).filter((f) => f.role === 'released').length;
      const missing = rec.kind === 'disclosure' ? releasedFileMissing(rec.decisionOutcome, released) : null;
      if (missing) throw new DomainError('RELEASED_FILE_MISSING', missing, { outcome: rec.decisionOutcome });
      const signer = await paperSigner(deps, rec, step, input, actor, d, today);
      patch = { decisionStatus: 'signed', signedAt: clock.now().toISOString(), signedBy: signer.name };
      ev.push({
        type: 'signedOff',
        date: d,
        payload: { approver: signer.name, ...signer.payload },
        public: false,
        summary: `政府信息公开工作机构负责人签发${signer.text}`,
      });
      summary = `负责人签发${signer.text}`;
      break;
    }
    case 'reply': {
      // The letter may also go on paper and be filed later; whatever file does go must have been reviewed.
      const files = await events.listFiles(db, rec.id);
      if (files.some((f) => (f.role === 'released' || f.role === 'reply_letter') && !f.reviewed))
        throw new DomainError('STEP_NOT_ALLOWED', '有提供文件或答复书上传于保密审查之后，须重新审查后才能送达');
      const outcome = rec.decisionOutcome!;
      patch = { decisionStatus: 'sent' };
      const signed = lastOf(stored, 'signedOff');
      ev.push({
        type: 'replied',
        date: stepDate(input.date, 'date', rec, today, signed && { date: signed.date, what: '负责人签发之日' }),
        payload: { outcome },
        public: true,
        summary:
          rec.kind === 'records_correction'
            ? `答复：${RECORDS_OUTCOME_LABELS[rec.recordsOutcome as RecordsOutcome]}`
            : `答复：${OUTCOME_LABELS[outcome as keyof typeof OUTCOME_LABELS]}`,
      });
      await events.markFiles(db, rec.id, ['released', 'reply_letter'], { sent: true });
      break;
    }
    case 'withdraw':
      ev.push({
        type: 'withdrawn',
        date: date(),
        payload: { note: input.note ?? '' },
        public: true,
        summary: '申请人撤回申请',
      });
      break;
    case 'archive':
      patch = { archivedAt: clock.now().toISOString() };
      ev.push({ type: 'archived', date: today, public: false, summary: '归档（第四十五条）' });
      break;
  }
  const at = clock.now().toISOString();
  const issued = notices.map((n) => `${DOCUMENT_KIND_LABELS[n.draft.kind]}（致${n.draft.recipientName}）`);
  return applyChange(deps, actor, rec, calendar, {
    events: ev,
    patch,
    action: `application.${step}`,
    summary: issued.length ? `${summary}，出具${issued.join('、')}` : summary,
    after: issued.length
      ? { ...patch, notices: notices.map((n) => ({ kind: n.draft.kind, recipient: n.draft.recipientName })) }
      : undefined,
    // The step's events are the last ones appended, in the order pushed.
    also:
      notices.length || reversible
        ? async (tx, after, all) => {
            const first = all.length - ev.length;
            for (const n of notices)
              await issueNotice(tx, actor, rec, n.draft, { clock: after, calendar, step: all[first + n.event]!, at });
            if (reversible) await reverseLapse(tx, actor, clock, rec, reversible, after, all, at);
          }
        : undefined,
  });
}

/**
 * The parties of a 征求意见 step, checked: `parties` (several at once) or the single party's
 * fields. Every row's problems are reported at once, by field (`parties.1.partyName`), so the
 * console shows each beside its row.
 */
function consultationRows(
  input: StepInput,
  sent: string,
  defaultSubject: string,
): Array<{ party: 'third' | 'agency'; partyName: string; received: string; subject: string }> {
  const several = Array.isArray(input.parties) && input.parties.length > 0;
  const rows: ConsultationRow[] = several
    ? input.parties!
    : [
        {
          party: input.party,
          partyName: input.partyName,
          partyReceivedDate: input.partyReceivedDate,
          partySubject: input.partySubject,
        },
      ];
  if (rows.length > MAX_PARTIES_PER_STEP)
    throw new ValidationError({ parties: `一次最多征求${MAX_PARTIES_PER_STEP}方的意见` });
  const field = (i: number, name: string) => (several ? `parties.${i}.${name}` : name);
  const errors: Record<string, string> = {};
  const seen = new Map<string, number>();
  const checked = rows.map((r, i) => {
    const party = r.party === 'agency' ? ('agency' as const) : ('third' as const);
    const partyName = (r.partyName ?? '').trim();
    if (!partyName) errors[field(i, 'partyName')] = '请填写被征求意见的第三方或者机关';
    else if (partyName.length > 200) errors[field(i, 'partyName')] = '不超过200个字';
    else if (seen.has(`${party}:${partyName}`))
      errors[field(i, 'partyName')] = `与第${seen.get(`${party}:${partyName}`)! + 1}行重复：同一方只需一份征求意见书`;
    else seen.set(`${party}:${partyName}`, i);
    const received = r.partyReceivedDate || sent;
    if (!DATE.test(received) || received < sent) errors[field(i, 'partyReceivedDate')] = '对方收到日期不能早于发出日期';
    const subject = (r.partySubject ?? '').trim() || defaultSubject;
    if (subject.length > 4000) errors[field(i, 'partySubject')] = '不超过4000个字';
    return { party, partyName, received, subject };
  });
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return checked;
}
