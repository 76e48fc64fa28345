/**
 * The deadlines of an application, from its facts (what the events established) and the
 * calendar. Each function cites the rule it implements; all dates are day numbers.
 */
import type { ClosedBy, Channel, ConsultedParty, FeeNoticeDelivery } from './types.ts';
import type { OutcomeKey } from './outcomes.ts';
import type { ClockSettings } from './settings.ts';
import type { Pause, WorkingDays } from './work.ts';

export interface ConsultationFact {
  readonly party: ConsultedParty;
  readonly id: string | null;
  readonly sent: number;
  readonly partyReceived: number;
  /** add(partyReceived, 15) (第三十二条, 第三十四条). */
  readonly deadline: number;
  answered: number | null;
}

export interface FeeFact {
  readonly notice: number;
  /** How the notice was sent (null: recorded before issue 13, read as received on the day issued). */
  readonly delivery: FeeNoticeDelivery | null;
  /** The applicant's receipt date F′; null while unknown (post not yet signed for). */
  received: number | null;
  /** add(F′, 20) (109号「收到收费通知次日起20个工作日内」; setting feePaymentWorkingDays); null while F′ is unknown. */
  due: number | null;
  paid: number | null;
  paidLate: boolean;
}

export interface ExtensionFact {
  readonly day: number;
  readonly workingDays: number;
  readonly approver: string | null;
  readonly notified: number | null;
}

export interface CorrectionFact {
  readonly requested: number;
  readonly periodEnd: number;
  /** The office set the end date itself instead of the default period. */
  readonly officeSetEnd: boolean;
  received: number | null;
  receivedLate: boolean;
}

/** What the events established, as the builder reads them in order. */
export interface ClockFacts {
  arrival: { day: number; channel: Channel } | null;
  received: number | null;
  correction: CorrectionFact | null;
  readonly consultations: ConsultationFact[];
  readonly fees: FeeFact[];
  readonly extensions: ExtensionFact[];
  delayed: { day: number; until: number } | null;
  closure: { day: number; by: ClosedBy; outcome: OutcomeKey } | null;
  /** Internal notes in order, for the staff explanation. */
  readonly notes: Array<{ day: number; text: string }>;
}

/** An empty set of facts. */
export function emptyFacts(): ClockFacts {
  return {
    arrival: null,
    received: null,
    correction: null,
    consultations: [],
    fees: [],
    extensions: [],
    delayed: null,
    closure: null,
    notes: [],
  };
}

/** 第三十条: the 补正 notice is due within 7 working days of receipt. */
export function correctionNoticeDue(wd: WorkingDays, settings: ClockSettings, received: number): number {
  return wd.add(received, settings.correctionNoticeWorkingDays);
}

/**
 * The last day a consultation pauses the reply clock: the answer, or the party's deadline
 * when it stays silent (第三十二条: the office then decides; 第三十四条: silence is consent)
 * or answers late. Answers after `asOf` are not known yet.
 */
export function consultationPauseEnd(c: ConsultationFact, asOf: number): number {
  return c.answered !== null && c.answered <= asOf ? Math.min(c.answered, c.deadline) : c.deadline;
}

/**
 * The pauses known on `asOf` (lifecycle.md): consultations (第三十三条第三款) from sending to
 * their end, and, with `feeTimeExcluded`, fee notices to payment (or to the payment due date
 * while unpaid).
 */
export function pausesAsOf(facts: ClockFacts, settings: ClockSettings, asOf: number): Pause[] {
  const pauses: Pause[] = [];
  for (const c of facts.consultations)
    if (c.sent <= asOf) pauses.push({ start: c.sent, end: consultationPauseEnd(c, asOf) });
  if (settings.feeTimeExcluded) {
    for (const f of facts.fees) {
      if (f.notice > asOf) continue;
      // Paid: to the payment; unpaid: to the payment due date, or — while the receipt date is
      // unknown — to `asOf` (the period has not even started: still excluded, and growing).
      const end = f.paid !== null && f.paid <= asOf ? f.paid : (f.due ?? Math.max(asOf, f.notice));
      pauses.push({ start: f.notice, end });
    }
  }
  return pauses;
}

/** The day the reply period counts from: receipt, or receipt of the correction (第三十条); null while unknown. */
export function replyBase(facts: ClockFacts): number | null {
  if (facts.received === null) return null;
  if (facts.correction === null) return facts.received;
  return facts.correction.received;
}

/** Extension days approved by `asOf` (第三十三条第二款). */
export function extensionDaysAsOf(facts: ClockFacts, asOf: number): number {
  return facts.extensions.filter((e) => e.day <= asOf).reduce((sum, e) => sum + e.workingDays, 0);
}

/** The reply due dates as known on `asOf`: base (no extension) and in force; null while unknown. */
export function replyDueAsOf(
  wd: WorkingDays,
  settings: ClockSettings,
  facts: ClockFacts,
  asOf: number,
): { baseDue: number | null; replyDue: number | null } {
  const base = replyBase(facts);
  if (base === null) return { baseDue: null, replyDue: null };
  const pauses = pausesAsOf(facts, settings, asOf);
  const baseDue = wd.addExcluding(base, settings.replyWorkingDays, pauses);
  // 第三十五条: a date the office set for a mass request replaces the 第三十三条 date.
  if (facts.delayed !== null && facts.delayed.day <= asOf) return { baseDue, replyDue: facts.delayed.until };
  const extension = extensionDaysAsOf(facts, asOf);
  const replyDue = extension === 0 ? baseDue : wd.addExcluding(base, settings.replyWorkingDays + extension, pauses);
  return { baseDue, replyDue };
}

/**
 * The closure a lapse causes, if any is due by `today` (lifecycle.md): no correction by the
 * period end → closed the next calendar day, `other_no_correction` (第三十条 视为放弃申请);
 * no payment by the due date → closed the next day, `other_no_fee` (never while the receipt date
 * of the 收费通知, and so the due date, is unknown). The earlier lapse wins.
 */
export function lapseBy(facts: ClockFacts, today: number): { day: number; by: ClosedBy; outcome: OutcomeKey } | null {
  const lapses: Array<{ day: number; by: ClosedBy; outcome: OutcomeKey }> = [];
  const c = facts.correction;
  if (c !== null && c.received === null && today > c.periodEnd) {
    lapses.push({ day: c.periodEnd + 1, by: 'correctionLapsed', outcome: 'other_no_correction' });
  }
  for (const f of facts.fees) {
    // No automatic lapse while the applicant's receipt date is unknown (lifecycle.md, fee row).
    if (f.paid === null && f.due !== null && today > f.due)
      lapses.push({ day: f.due + 1, by: 'feeLapsed', outcome: 'other_no_fee' });
  }
  lapses.sort((a, b) => a.day - b.day);
  return lapses[0] ?? null;
}
