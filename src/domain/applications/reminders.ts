/**
 * Which reminders an open application is due for on a day: 3 working days before each of its
 * deadlines ("approaching") and once it has passed ("passed"). Each reminder has a stable key
 * (deadline kind + date + stage), so the sweep records it once and never sends it twice, and a
 * deadline that moves (extension, correction) gets new reminders for its new date. Also the
 * e-mail that tells the handler and the office head (docs/applications.md "Reminders").
 */
import type { Calendar } from '../calendar/calendar.ts';
import type { ClockResult } from '../clock/types.ts';
import { formatChineseDate } from '../time.ts';

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
  /** For "approaching": working days left after today (0 = the deadline is today); null once passed. */
  readonly workingDaysLeft: number | null;
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
  if (clock.state === 'awaitingCorrection' && clock.correctionPeriodEnd !== null)
    out.push({ kind: 'correctionPeriod', date: clock.correctionPeriodEnd });
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
    if (today > d.date) {
      out.push({
        key: `${d.kind}:${d.date}:passed`,
        kind: d.kind,
        stage: 'passed',
        deadline: d.date,
        workingDaysLeft: null,
      });
      continue;
    }
    const left = calendar.workingDaysBetween(today, d.date, { provisional: true });
    const n = typeof left === 'number' ? left : left.value;
    if (n <= REMINDER_WORKING_DAYS)
      out.push({
        key: `${d.kind}:${d.date}:approaching`,
        kind: d.kind,
        stage: 'approaching',
        deadline: d.date,
        workingDaysLeft: n,
      });
  }
  return out;
}

/** Why a staff member receives a reminder: the application's 承办人, or the office head (负责人), who receives them all. */
export type ReminderRecipientRole = 'handler' | 'officeHead';

export interface ReminderMailInput {
  readonly trackingNumber: string;
  readonly agencyName: string;
  readonly reminder: Reminder;
  readonly recipientName: string;
  readonly recipientRole: ReminderRecipientRole;
  /** Whether a handler has been assigned (the office head is told when none has). */
  readonly handlerAssigned: boolean;
  /** The application's page in the console. */
  readonly link: string;
}

/**
 * The reminder e-mail, in Chinese. It names the application only by its tracking number: no
 * applicant's name, contact or request text leaves the office in a mail that may sit in an
 * ordinary mailbox (个人信息保护法第六条: only what the recipient needs to act).
 */
export function reminderMail(m: ReminderMailInput): { subject: string; bodyText: string } {
  const r = m.reminder;
  const label = DEADLINE_LABELS[r.kind];
  const date = formatChineseDate(r.deadline);
  const when =
    r.stage === 'passed'
      ? `已于${date}届满，申请尚未办结，请尽快处理。`
      : r.workingDaysLeft === 0
        ? `于今天（${date}）届满，请及时处理。`
        : `将于${date}届满，还有${r.workingDaysLeft}个工作日（不含今天），请及时处理。`;
  const subject =
    r.stage === 'passed'
      ? `【期限已过】${m.trackingNumber}：${label}已于${date}届满`
      : `【期限提醒】${m.trackingNumber}：${label}将于${date}届满`;
  const why =
    m.recipientRole === 'handler'
      ? '您是该申请的承办人'
      : '您是本机关政府信息公开工作机构负责人，负责批准延期和签发答复';
  const lines = [
    `${m.recipientName}：`,
    '',
    `${m.agencyName}收到的政府信息公开申请 ${m.trackingNumber}，${label}${when}`,
    ...(m.recipientRole === 'officeHead' && !m.handlerAssigned ? ['该申请尚未指定承办人。'] : []),
    '',
    '在管理后台查看和办理：',
    m.link,
    '',
    `您收到这封邮件，是因为${why}。`,
    '本邮件由系统按法定期限自动发送，不含申请人信息，请勿直接回复。不希望接收期限提醒邮件的，可在管理后台“我的账号”中关闭。',
  ];
  return { subject, bodyText: lines.join('\n') };
}
