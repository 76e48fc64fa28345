/**
 * The application clock: a pure function from an application's clock events, the settings,
 * the calendar and today's date to its state, deadlines and their explanation
 * (lifecycle.md). Deadlines are derived, never stored as truth: call it again after every
 * event and whenever a calendar year is imported.
 */
import type { Calendar } from '../calendar/calendar.ts';
import { parseDate } from '../calendar/calendar.ts';
import { formatChineseDate as cn, formatIsoDate, yearOf } from '../calendar/dates.ts';
import {
  consultationPauseEnd,
  correctionNoticeDue as noticeDue,
  lapseBy,
  pausesAsOf,
  replyDueAsOf,
  type ClockFacts,
} from './deadlines.ts';
import { explainClock } from './explain.ts';
import { resolveClockSettings, type ClockSettings } from './settings.ts';
import { buildFacts } from './timeline.ts';
import type { ClockEvent, ClockResult, ClockState, ClockWarning, ClosedBy } from './types.ts';
import type { OutcomeKey } from './outcomes.ts';
import { WorkingDays } from './work.ts';

export interface ClockInput {
  readonly events: readonly ClockEvent[];
  /** Today's Asia/Shanghai date, passed in (STYLE.md rule 5). */
  readonly today: string;
  readonly calendar: Calendar;
  readonly settings?: Partial<ClockSettings>;
  /** Count missing calendar years as weekends only and flag the result, instead of failing. */
  readonly provisional?: boolean;
}

const iso = (day: number | null): string | null => (day === null ? null : formatIsoDate(day));

function stateOf(facts: ClockFacts, closed: boolean, today: number): ClockState {
  if (closed) return 'closed';
  if (facts.received === null) return 'awaitingConfirmation';
  if (facts.correction !== null && facts.correction.received === null) return 'awaitingCorrection';
  if (facts.fees.some((f) => f.paid === null && (f.due === null || today <= f.due))) return 'awaitingFee';
  if (facts.consultations.some((c) => c.answered === null && today <= c.deadline)) return 'consulting';
  return 'running';
}

function warningsOf(facts: ClockFacts, correctionNoticeDue: number | null, overdue: boolean): ClockWarning[] {
  const warnings: ClockWarning[] = [];
  const c = facts.correction;
  if (c !== null && correctionNoticeDue !== null && c.requested > correctionNoticeDue) {
    warnings.push({
      code: 'CORRECTION_NOTICE_LATE',
      message: `补正告知晚于第三十条规定的期限（应于${cn(correctionNoticeDue)}前告知）`,
    });
  }
  const arrival = facts.arrival;
  if (arrival?.channel === 'post-ordinary' && facts.received !== null && facts.received > arrival.day) {
    warnings.push({
      code: 'RECEIPT_CONFIRMATION_LATE',
      message: '第三十一条第二项要求收到平常信函的当日与申请人确认，本件确认晚于收信之日',
    });
  }
  for (const k of facts.consultations)
    if (k.answered !== null && k.answered > k.deadline)
      warnings.push({
        code: 'CONSULTATION_ANSWER_LATE',
        message: `${k.party === 'agency' ? '被征求意见的机关' : '第三方'}于${cn(k.answered)}答复，晚于${cn(k.deadline)}届满的征求意见期限（第三十二条、第三十四条）：答复已登记供参考，答复期限只扣除至期限届满之日`,
      });
  if (c?.receivedLate)
    warnings.push({ code: 'LATE_CORRECTION_ACCEPTED', message: '逾期补正，已按正当理由接受（第三十条）' });
  if (facts.fees.some((f) => f.paidLate))
    warnings.push({ code: 'LATE_PAYMENT_ACCEPTED', message: '逾期缴费，已按正当理由接受' });
  if (overdue) warnings.push({ code: 'OVERDUE', message: '已超过答复期限（第三十三条）' });
  return warnings;
}

/** The clock of one application on `today`. Throws CLOCK_EVENT_INVALID, INVALID_DATE or CALENDAR_NOT_LOADED. */
export function computeClock(input: ClockInput): ClockResult {
  const settings = resolveClockSettings(input.settings);
  const today = parseDate(input.today);
  const wd = new WorkingDays(input.calendar, input.provisional === true, settings.startDayCounted);
  const facts = buildFacts(input.events, wd, settings, today);

  const received = facts.received;
  const correctionNoticeDue = received === null ? null : noticeDue(wd, settings, received);
  const closure: { day: number; by: ClosedBy; outcome: OutcomeKey } | null = facts.closure ?? lapseBy(facts, today);
  const { baseDue, replyDue } = replyDueAsOf(wd, settings, facts, today);
  const overdue = closure === null && replyDue !== null && today > replyDue;
  const closedLate = closure?.by === 'replied' && replyDue !== null && closure.day > replyDue;
  const warnings = warningsOf(facts, correctionNoticeDue, overdue);
  const pauses = pausesAsOf(facts, settings, today);
  const explanation = explainClock(
    {
      facts,
      settings,
      wd,
      today,
      correctionNoticeDue,
      baseDue,
      replyDue,
      pauses,
      closure,
      overdue,
      closedLate,
      missingYears: [...wd.needs.missing].sort((a, b) => a - b),
      warnings,
    },
    input.calendar,
  );
  const missingYears = [...wd.needs.missing].sort((a, b) => a - b);
  const fee = facts.fees[facts.fees.length - 1] ?? null;
  const c = facts.correction;
  // A date is 暂定 when a day counted toward it, or the date itself, lies in a year not loaded.
  const provisionalSpan = (from: number | null, to: number | null): boolean => {
    if (from === null || to === null || missingYears.length === 0) return false;
    for (let y = yearOf(Math.min(from + 1, to)); y <= yearOf(to); y++) if (!input.calendar.hasYear(y)) return true;
    return false;
  };
  const delayedInForce = facts.delayed !== null && replyDue === facts.delayed.until;

  return {
    state: stateOf(facts, closure !== null, today),
    arrivalDate: iso(facts.arrival?.day ?? null),
    channel: facts.arrival?.channel ?? null,
    receivedDate: iso(received),
    countedIn: received === null ? null : yearOf(received),
    correctionNoticeDue: iso(correctionNoticeDue),
    correctionNoticeLate: c !== null && correctionNoticeDue !== null && c.requested > correctionNoticeDue,
    correctionRequestedDate: iso(c?.requested ?? null),
    correctionPeriodEnd: iso(c?.periodEnd ?? null),
    correctionReceivedDate: iso(c?.received ?? null),
    consultations: facts.consultations.map((k) => ({
      party: k.party,
      sentDate: formatIsoDate(k.sent),
      partyReceivedDate: formatIsoDate(k.partyReceived),
      partyDeadline: formatIsoDate(k.deadline),
      answeredDate: iso(k.answered),
      pauseEnd: formatIsoDate(consultationPauseEnd(k, today)),
      open: closure === null && k.answered === null && today <= k.deadline,
    })),
    feeNoticeDate: iso(fee?.notice ?? null),
    feeNoticeDelivery: fee?.delivery ?? null,
    feeNoticeReceivedDate: iso(fee?.received ?? null),
    feeReceiptUnknown: closure === null && fee !== null && fee.paid === null && fee.received === null,
    paymentDue: iso(fee?.due ?? null),
    feePaidDate: iso(fee?.paid ?? null),
    extensionWorkingDays: facts.extensions.reduce((sum, e) => sum + e.workingDays, 0),
    baseDue: iso(baseDue),
    replyDue: iso(replyDue),
    closed: iso(closure?.day ?? null),
    closedBy: closure?.by ?? null,
    outcome: closure?.outcome ?? null,
    overdue,
    closedLate,
    provisional: missingYears.length > 0,
    replyDueProvisional: !delayedInForce && provisionalSpan(c?.received ?? received, replyDue),
    correctionPeriodEndProvisional: c !== null && !c.officeSetEnd && provisionalSpan(c.requested, c.periodEnd),
    paymentDueProvisional: fee !== null && provisionalSpan(fee.received, fee.due),
    missingYears,
    warnings,
    explanation,
  };
}
