/**
 * Reads an application's clock events in date order, checks each against the rules of the
 * 条例 and builds the facts the deadlines are computed from. An event the rules do not
 * allow raises CLOCK_EVENT_INVALID with a Chinese message citing the article.
 */
import { tryParseIsoDate, formatChineseDate } from '../calendar/dates.ts';
import { DomainError } from '../errors.ts';
import { invalidEvent, type EventRef } from './errors.ts';
import { LAPSE_OUTCOMES, isOutcomeKey } from './outcomes.ts';
import type { ClockSettings } from './settings.ts';
import type { Channel, ClockEvent, FeeNoticeDelivery } from './types.ts';
import type { WorkingDays } from './work.ts';
import { emptyFacts, lapseBy, replyDueAsOf, type ClockFacts } from './deadlines.ts';

const CHANNELS: readonly Channel[] = ['in-person', 'post-signed', 'post-ordinary', 'online', 'email', 'fax'];
/** 第三十一条第一项、第二项前段: the arrival is the receipt for these channels. */
export const RECEIPT_ON_ARRIVAL: readonly Channel[] = ['in-person', 'post-signed'];

const cn = formatChineseDate;

function dayOf(value: string, ref: EventRef, field: string): number {
  const day = tryParseIsoDate(value);
  if (day === undefined) {
    throw new DomainError(
      'INVALID_DATE',
      `第${ref.index + 1}个事件（${ref.type}）的${field}格式不正确：${String(value)}（应为YYYY-MM-DD）`,
      {
        index: ref.index,
        field,
      },
    );
  }
  return day;
}

/**
 * The order of facts of the same day: what a fact depends on first. With it the clock does not
 * depend on the order the events were entered in (lifecycle.md "Facts entered late"): a fact
 * back-entered after a later one of the same day is read in its place.
 */
const SAME_DAY_RANK: Record<string, number> = {
  arrived: 0,
  received: 1,
  answeredOnSpot: 1,
  correctionRequested: 2,
  correctionReceived: 3,
  consultationSent: 4,
  feeNotice: 4,
  feeNoticeReceived: 5,
  consultationAnswered: 5,
  feePaid: 6,
  extensionApproved: 7,
  delayedReplySet: 7,
  replied: 9,
  withdrawn: 9,
};

/** Builds the facts from the events, validating each (events are read in date order, same-day ones by what depends on what, then as given). */
export function buildFacts(
  events: readonly ClockEvent[],
  wd: WorkingDays,
  settings: ClockSettings,
  today: number,
): ClockFacts {
  const facts = emptyFacts();
  const ordered = events
    .map((event, index) => ({ event, ref: { index, type: String(event.type), date: String(event.date) } }))
    .map((e) => ({ ...e, day: dayOf(e.event.date, e.ref, '日期') }))
    .sort(
      (a, b) =>
        a.day - b.day ||
        (SAME_DAY_RANK[a.ref.type] ?? 5) - (SAME_DAY_RANK[b.ref.type] ?? 5) ||
        a.ref.index - b.ref.index,
    );
  for (const { event, ref, day } of ordered) {
    if (day > today) throw invalidEvent(ref, `事件日期${cn(day)}晚于今天，不能记录尚未发生的事件`);
    checkStillOpen(facts, ref, day, event);
    applyEvent(facts, event, ref, day, wd, settings);
    if (event.note) facts.notes.push({ day, text: event.note });
  }
  return facts;
}

/** No event after the application was closed, by an event or by a lapse. */
function checkStillOpen(facts: ClockFacts, ref: EventRef, day: number, event: ClockEvent): void {
  if (facts.closure !== null) throw invalidEvent(ref, `申请已于${cn(facts.closure.day)}办结，之后不能再记录事件`);
  const lapse = lapseBy(facts, day);
  if (lapse === null) return;
  const lateAccepted = (event.type === 'correctionReceived' || event.type === 'feePaid') && event.acceptedLate === true;
  if (lateAccepted) return;
  if (lapse.by === 'correctionLapsed') {
    throw invalidEvent(
      ref,
      `补正期限已于${cn(lapse.day - 1)}届满，申请人逾期不补正，依据第三十条视为放弃申请，不能再记录事件（有正当理由接受逾期补正的，请注明 acceptedLate）`,
    );
  }
  throw invalidEvent(
    ref,
    `缴费期限已于${cn(lapse.day - 1)}届满，申请人逾期未缴费，依据国办函〔2020〕109号视为放弃申请，不能再记录事件`,
  );
}

function requireReceived(facts: ClockFacts, ref: EventRef, what: string): number {
  if (facts.received === null) throw invalidEvent(ref, `尚未收到申请（第三十一条：收到申请之日未确定），不能${what}`);
  return facts.received;
}

function applyEvent(
  facts: ClockFacts,
  event: ClockEvent,
  ref: EventRef,
  day: number,
  wd: WorkingDays,
  settings: ClockSettings,
): void {
  switch (event.type) {
    case 'arrived': {
      if (facts.arrival !== null || facts.received !== null)
        throw invalidEvent(ref, '申请的到达只能记录一次，且应在收到申请之前');
      if (!CHANNELS.includes(event.channel)) throw invalidEvent(ref, `无法识别的申请渠道：${String(event.channel)}`);
      facts.arrival = { day, channel: event.channel };
      if (RECEIPT_ON_ARRIVAL.includes(event.channel)) facts.received = day;
      return;
    }
    case 'received':
    case 'answeredOnSpot': {
      if (
        facts.received !== null &&
        !(facts.arrival !== null && facts.received === facts.arrival.day && day === facts.received)
      ) {
        throw invalidEvent(ref, `已于${cn(facts.received)}收到申请（第三十一条），收到申请之日只有一个`);
      }
      facts.received = day;
      if (event.type === 'answeredOnSpot') {
        if (!isOutcomeKey(event.outcome) || LAPSE_OUTCOMES.includes(event.outcome))
          throw invalidEvent(ref, `当场答复的结果无法识别：${String(event.outcome)}`);
        facts.closure = { day, by: 'answeredOnSpot', outcome: event.outcome };
      }
      return;
    }
    case 'correctionRequested': {
      const received = requireReceived(facts, ref, '告知补正');
      if (facts.correction !== null) {
        throw invalidEvent(
          ref,
          `依据第三十条，补正应当一次性告知；已于${cn(facts.correction.requested)}告知补正，不能再次要求补正`,
        );
      }
      if (day < received) throw invalidEvent(ref, '补正告知不能早于收到申请之日（第三十条）');
      const periodEnd =
        event.periodEnd === undefined
          ? wd.add(day, settings.correctionPeriodWorkingDays)
          : dayOf(event.periodEnd, ref, '补正期限');
      if (periodEnd <= day) throw invalidEvent(ref, '补正期限应晚于告知补正之日（第三十条「合理的补正期限」）');
      facts.correction = {
        requested: day,
        periodEnd,
        officeSetEnd: event.periodEnd !== undefined,
        received: null,
        receivedLate: false,
      };
      return;
    }
    case 'correctionReceived': {
      const c = facts.correction;
      if (c === null) throw invalidEvent(ref, '尚未告知补正，不能记录收到补正（第三十条）');
      if (c.received !== null) throw invalidEvent(ref, `已于${cn(c.received)}收到补正（第三十条）`);
      if (day < c.requested)
        throw invalidEvent(ref, `收到补正的日期${cn(day)}早于告知补正之日${cn(c.requested)}（第三十条）`);
      c.received = day;
      c.receivedLate = day > c.periodEnd;
      return;
    }
    case 'consultationSent': {
      requireReceived(facts, ref, '征求意见');
      const party = event.party ?? 'third';
      if (party !== 'third' && party !== 'agency')
        throw invalidEvent(ref, `征求意见的对象应为 third（第三方）或 agency（其他机关），收到：${String(party)}`);
      const partyReceived =
        event.partyReceivedDate === undefined ? day : dayOf(event.partyReceivedDate, ref, '对方收到征求意见书的日期');
      if (partyReceived < day) throw invalidEvent(ref, '对方收到征求意见书的日期不能早于发出之日');
      // 第三十二条 / 第三十四条: 15 working days from the party's receipt of the letter.
      const deadline = wd.add(partyReceived, settings.consultationWorkingDays);
      facts.consultations.push({
        party,
        id: event.consultationId ?? null,
        sent: day,
        partyReceived,
        deadline,
        answered: null,
      });
      return;
    }
    case 'consultationAnswered': {
      const open = facts.consultations.filter((c) => c.answered === null);
      const match =
        open.find((c) => event.consultationId !== undefined && c.id === event.consultationId) ??
        (event.consultationId === undefined
          ? open.find((c) => event.party === undefined || c.party === event.party)
          : undefined);
      if (!match) throw invalidEvent(ref, '没有与之对应、尚未答复的征求意见（第三十二条、第三十四条）');
      if (day < match.sent)
        throw invalidEvent(ref, `答复日期${cn(day)}早于发出征求意见之日${cn(match.sent)}（第三十二条、第三十四条）`);
      match.answered = day;
      return;
    }
    case 'extensionApproved':
      applyExtension(facts, event, ref, day, wd, settings);
      return;
    case 'feeNotice': {
      requireReceived(facts, ref, '发出收费通知');
      if (facts.fees.some((f) => f.paid === null))
        throw invalidEvent(ref, '上一份收费通知尚未缴费，不能再发出收费通知（国办函〔2020〕109号）');
      const delivery = event.delivery ?? null;
      if (delivery !== null && !FEE_NOTICE_DELIVERIES.includes(delivery))
        throw invalidEvent(ref, `无法识别的收费通知送达方式：${String(delivery)}`);
      const given =
        event.applicantReceivedDate === undefined
          ? null
          : dayOf(event.applicantReceivedDate, ref, '申请人收到收费通知的日期');
      if (given !== null && given < day) throw invalidEvent(ref, '申请人收到收费通知的日期不能早于发出之日');
      const received = given ?? feeNoticeReceiptOnIssue(delivery, day);
      facts.fees.push({ notice: day, delivery, ...feeReceipt(received, wd, settings), paid: null, paidLate: false });
      return;
    }
    case 'feeNoticeReceived': {
      const fee = facts.fees[facts.fees.length - 1];
      if (!fee) throw invalidEvent(ref, '尚未发出收费通知，不能记录申请人收到收费通知（国办函〔2020〕109号）');
      if (fee.received !== null) throw invalidEvent(ref, `申请人已于${cn(fee.received)}收到收费通知，收到日期只有一个`);
      if (day < fee.notice)
        throw invalidEvent(ref, `收到收费通知的日期${cn(day)}早于发出之日${cn(fee.notice)}（国办函〔2020〕109号）`);
      if (fee.paid !== null)
        throw invalidEvent(ref, `收到收费通知的日期${cn(day)}晚于缴费之日${cn(fee.paid)}（国办函〔2020〕109号）`);
      Object.assign(fee, feeReceipt(day, wd, settings));
      return;
    }
    case 'feePaid': {
      const fee = facts.fees.find((f) => f.paid === null);
      if (!fee) throw invalidEvent(ref, '没有待缴费的收费通知，不能记录缴费（国办函〔2020〕109号）');
      if (day < fee.notice)
        throw invalidEvent(ref, `缴费日期${cn(day)}早于发出收费通知之日${cn(fee.notice)}（国办函〔2020〕109号）`);
      fee.paid = day;
      fee.paidLate = fee.due !== null && day > fee.due;
      return;
    }
    case 'delayedReplySet': {
      requireReceived(facts, ref, '确定延迟答复期限');
      if (facts.correction !== null && facts.correction.received === null)
        throw invalidEvent(ref, '等待补正期间答复期限尚未起算（第三十条），不能确定延迟答复期限');
      if (facts.delayed !== null) throw invalidEvent(ref, `已于${cn(facts.delayed.day)}依据第三十五条确定延迟答复期限`);
      const until = dayOf(event.until, ref, '延迟答复期限');
      if (until <= day) throw invalidEvent(ref, '依据第三十五条确定的延迟答复期限应晚于确定之日');
      facts.delayed = { day, until };
      return;
    }
    case 'replied': {
      requireReceived(facts, ref, '答复');
      if (!isOutcomeKey(event.outcome)) throw invalidEvent(ref, `答复结果无法识别：${String(event.outcome)}`);
      if (LAPSE_OUTCOMES.includes(event.outcome)) {
        throw invalidEvent(
          ref,
          '逾期不补正、逾期未缴费由期限届满自动认定（第三十条、国办函〔2020〕109号），不作为答复结果记录',
        );
      }
      facts.closure = { day, by: 'replied', outcome: event.outcome };
      return;
    }
    case 'withdrawn': {
      requireReceived(facts, ref, '记录撤回');
      facts.closure = { day, by: 'withdrawn', outcome: 'other_other' };
      return;
    }
    default:
      throw invalidEvent(ref, `无法识别的事件类型：${String((event as { type: unknown }).type)}`);
  }
}

/** The delivery methods of a 收费通知 (types.ts FeeNoticeDelivery). */
export const FEE_NOTICE_DELIVERIES: readonly FeeNoticeDelivery[] = ['in-person', 'email', 'online', 'post'];

/** How a 收费通知 reaches the applicant, in Chinese. */
export const FEE_NOTICE_DELIVERY_LABELS: Record<FeeNoticeDelivery, string> = {
  'in-person': '当面交付',
  email: '电子邮件',
  online: '网上平台',
  post: '邮寄',
};

/**
 * The applicant's receipt date F′ of a 收费通知 as known on the day it is issued (lifecycle.md, fee
 * row): handed over → that day; e-mail or online → the day sent; post → the signing date, unknown
 * until recorded (null). A record made before issue 13 (no delivery) is read as received that day.
 */
export function feeNoticeReceiptOnIssue(delivery: FeeNoticeDelivery | null, issued: number): number | null {
  return delivery === 'post' ? null : issued;
}

/** 109号: 「申请人应当在收到收费通知次日起20个工作日内缴纳费用」 — the due date from F′ (none while unknown). */
function feeReceipt(
  received: number | null,
  wd: WorkingDays,
  settings: ClockSettings,
): { received: number | null; due: number | null } {
  return { received, due: received === null ? null : wd.add(received, settings.feePaymentWorkingDays) };
}

/** 第三十三条第二款: extension approved by the office head before the current due date; ≤ 20 working days in all. */
function applyExtension(
  facts: ClockFacts,
  event: Extract<ClockEvent, { type: 'extensionApproved' }>,
  ref: EventRef,
  day: number,
  wd: WorkingDays,
  settings: ClockSettings,
): void {
  requireReceived(facts, ref, '延长答复期限');
  if (!Number.isInteger(event.workingDays) || event.workingDays < 1)
    throw invalidEvent(ref, '延长的期限应为正整数个工作日（第三十三条第二款）');
  if (event.approverRole !== undefined && event.approverRole !== 'officeHead') {
    throw invalidEvent(ref, '依据第三十三条第二款，延长答复期限应当经政府信息公开工作机构负责人同意');
  }
  if (facts.delayed !== null) throw invalidEvent(ref, '已依据第三十五条确定延迟答复期限，不再延长第三十三条的答复期限');
  const { replyDue } = replyDueAsOf(wd, settings, facts, day);
  if (replyDue === null) throw invalidEvent(ref, '等待补正期间答复期限尚未起算（第三十条），不能延长');
  if (day > replyDue) {
    throw invalidEvent(ref, `依据第三十三条第二款，延长应在答复期限届满前经批准；答复期限已于${cn(replyDue)}届满`);
  }
  const total = facts.extensions.reduce((sum, e) => sum + e.workingDays, 0) + event.workingDays;
  if (total > settings.maxExtensionWorkingDays) {
    throw invalidEvent(
      ref,
      `依据第三十三条第二款，延长的期限最长不得超过${settings.maxExtensionWorkingDays}个工作日（累计将达${total}个工作日）`,
    );
  }
  const notified =
    event.applicantNotifiedDate === undefined ? null : dayOf(event.applicantNotifiedDate, ref, '告知申请人的日期');
  facts.extensions.push({ day, workingDays: event.workingDays, approver: event.approver ?? null, notified });
}
