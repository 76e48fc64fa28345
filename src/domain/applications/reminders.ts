/**
 * Which reminders an open application is due for on a day: 3 working days before each of its
 * deadlines ("approaching") and once it has passed ("passed"). Each reminder has a stable key
 * (deadline kind + date + stage), so the sweep records it once and never sends it twice, and a
 * deadline that moves (extension, correction) gets new reminders for its new date.
 */
import type { Calendar } from '../calendar/calendar.ts';
import type { ClockResult } from '../clock/types.ts';

export type DeadlineKind = 'reply' | 'correctionPeriod' | 'consultation' | 'payment';

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  reply: '答复期限（第三十三条）',
  correctionPeriod: '补正期限（第三十条）',
  consultation: '征求意见答复期限（第三十二条、第三十四条）',
  payment: '缴费期限',
};

export interface Reminder {
  readonly key: string;
  readonly kind: DeadlineKind;
  readonly stage: 'approaching' | 'passed';
  readonly deadline: string;
}

/** Working days before a deadline at which the first reminder goes (issue 5: 3). */
export const REMINDER_WORKING_DAYS = 3;

/**
 * The deadlines still running for a clock result. The 第三十条 notice period is not one of them:
 * most applications need no correction, and a reminder for each would be noise.
 */
export function runningDeadlines(clock: ClockResult): Array<{ kind: DeadlineKind; date: string }> {
  if (clock.state === 'closed' || clock.receivedDate === null) return [];
  const out: Array<{ kind: DeadlineKind; date: string }> = [];
  if (clock.replyDue !== null) out.push({ kind: 'reply', date: clock.replyDue });
  if (clock.state === 'awaitingCorrection' && clock.correctionPeriodEnd !== null) out.push({ kind: 'correctionPeriod', date: clock.correctionPeriodEnd });
  for (const c of clock.consultations) if (c.open) out.push({ kind: 'consultation', date: c.partyDeadline });
  if (clock.state === 'awaitingFee' && clock.paymentDue !== null) out.push({ kind: 'payment', date: clock.paymentDue });
  return out;
}

/**
 * The reminders due on `today`: "approaching" when at most 3 working days remain (today
 * itself not counted) and the deadline has not passed; "passed" once today is after it.
 */
export function remindersDue(clock: ClockResult, today: string, calendar: Calendar): Reminder[] {
  const out: Reminder[] = [];
  for (const d of runningDeadlines(clock)) {
    let stage: Reminder['stage'] | null = null;
    if (today > d.date) stage = 'passed';
    else {
      const left = calendar.workingDaysBetween(today, d.date, { provisional: true });
      const n = typeof left === 'number' ? left : left.value;
      if (n <= REMINDER_WORKING_DAYS) stage = 'approaching';
    }
    if (stage) out.push({ key: `${d.kind}:${d.date}:${stage}`, kind: d.kind, stage, deadline: d.date });
  }
  return out;
}
