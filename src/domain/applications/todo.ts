/**
 * 待办: what waits for whom in the 依申请公开 workflow (第四十五条: 登记、审核、办理、答复、归档).
 * Each kind of work is a condition on an open application's stored state and the permission that
 * does it (src/domain/applications/workflow.ts STEP_PERMISSION): the clerk confirms receipt
 * (第三十一条) and assigns, the handler works on what is assigned to them, the reviewer reviews
 * (第十七条), the office head approves extensions and signs replies off (第三十三条第二款). Some
 * kinds are waiting states: the office waits for the applicant's 补正 (第三十条), a consulted party
 * (第三十二条, 第三十四条) or a fee — listed so the handler sees them, not as work to do.
 *
 * Urgency: overdue first, then due within DUE_SOON_WORKING_DAYS working days of the official
 * calendar (调休 included), then by due date.
 */
import type { Calendar } from '../calendar/calendar.ts';
import type { ApplicationPermission } from './workflow.ts';

/** Every kind of 待办, in the order the dashboard lists them. */
export const TODO_KINDS = [
  'confirm',
  'assign',
  'handle',
  'review',
  'signOff',
  'approveExtension',
  'deliver',
  'correction',
  'consultation',
  'fee',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

/** Chinese names, as the dashboard and the inbox filter show them. */
export const TODO_LABELS: Record<TodoKind, string> = {
  confirm: '待确认收到',
  assign: '待分派',
  handle: '待办理',
  review: '待保密审查',
  signOff: '待签发',
  approveExtension: '待批准延期',
  deliver: '待送达',
  correction: '待申请人补正',
  consultation: '征求意见中',
  fee: '待申请人缴费',
};

/** What each kind means, for the inbox filter's tooltip and docs/applications.md. */
export const TODO_HINTS: Record<TodoKind, string> = {
  confirm: '平常信函、电子邮件、网上等渠道收到的申请，须确认收到后答复期限才起算（第三十一条）',
  assign: '尚未分派承办人的申请',
  handle: '分派给本人、尚未拟定答复或保密审查退回修改的申请',
  review: '已拟定答复，等待保密审查（第十七条）',
  signOff: '已通过保密审查，等待政府信息公开工作机构负责人签发',
  approveExtension: '承办人申请延期答复，等待负责人同意或不同意（第三十三条第二款）',
  deliver: '已签发，等待本人送达答复',
  correction: '已一次性告知补正，等待申请人补正（第三十条）',
  consultation: '正在征求第三方或其他机关意见（第三十二条、第三十四条）',
  fee: '已发出收费通知，等待申请人缴费',
};

/** Kinds that are a state of waiting for someone outside the office, not work to do. */
export const WAITING_KINDS: readonly TodoKind[] = ['correction', 'consultation', 'fee'];

/**
 * Who a kind waits for: the permission that does the work, and whether it is the assigned
 * handler's own (`mine`) or anyone's with the permission in the agency.
 */
export const TODO_OWNER: Record<TodoKind, { permission: ApplicationPermission; mine: boolean }> = {
  confirm: { permission: 'applications.register', mine: false },
  assign: { permission: 'applications.register', mine: false },
  handle: { permission: 'applications.handle', mine: true },
  review: { permission: 'applications.review', mine: false },
  signOff: { permission: 'applications.approve', mine: false },
  approveExtension: { permission: 'applications.approve', mine: false },
  deliver: { permission: 'applications.handle', mine: true },
  correction: { permission: 'applications.handle', mine: true },
  consultation: { permission: 'applications.handle', mine: true },
  fee: { permission: 'applications.handle', mine: true },
};

/** The stored facts a kind is decided on (the derived columns of the application row). */
export interface TodoFacts {
  readonly state: string;
  readonly handlerId: string | null;
  readonly decisionStatus: string | null;
  readonly extensionRequested: boolean;
  readonly archived: boolean;
}

/**
 * Whether an application is of a kind, for `userId` (the handler for the `mine` kinds). The SQL
 * of the inbox filter (applications.repository.ts todoWhere) says the same; a test holds them equal.
 */
export function isTodo(kind: TodoKind, a: TodoFacts, userId: string | null): boolean {
  if (a.state === 'closed' || a.archived) return false;
  const mine = !TODO_OWNER[kind].mine || (userId !== null && a.handlerId === userId);
  switch (kind) {
    case 'confirm':
      return a.state === 'awaitingConfirmation';
    case 'assign':
      return a.handlerId === null;
    case 'handle':
      return mine && a.state === 'running' && (a.decisionStatus === null || a.decisionStatus === 'returned');
    case 'review':
      return a.decisionStatus === 'draft';
    case 'signOff':
      return a.decisionStatus === 'reviewed';
    case 'approveExtension':
      return a.extensionRequested;
    case 'deliver':
      return mine && a.decisionStatus === 'signed';
    case 'correction':
      return mine && a.state === 'awaitingCorrection';
    case 'consultation':
      return mine && a.state === 'consulting';
    case 'fee':
      return mine && a.state === 'awaitingFee';
  }
}

/** Working days ahead counted as "due soon" on the 待办 list. */
export const DUE_SOON_WORKING_DAYS = 3;

/** How urgent a due date is on `today`. */
export type Urgency = 'overdue' | 'dueSoon' | 'later' | 'none';

/**
 * The last date still "due soon": the DUE_SOON_WORKING_DAYS-th working day after today, by the
 * official calendar (a year not loaded counts on its provisional calendar rather than failing:
 * the list must show even then).
 */
export function dueSoonLimit(today: string, calendar: Calendar): string {
  return calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS, { provisional: true }).value;
}

/** Overdue (the due date has passed), due soon (by `limit`), later, or no due date yet. */
export function urgencyOf(replyDue: string | null, today: string, limit: string): Urgency {
  if (replyDue === null) return 'none';
  if (replyDue < today) return 'overdue';
  return replyDue <= limit ? 'dueSoon' : 'later';
}
