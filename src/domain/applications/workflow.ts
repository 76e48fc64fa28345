/**
 * The application workflow on top of the statutory clock (第四十五条: 登记、审核、办理、答复、归档).
 * The clock (src/domain/clock) says where the deadlines stand; this file says which step may be
 * taken next and by whom. Each step is guarded by a pure rule that returns the reason, in
 * Chinese, why it cannot be taken now — or null.
 */
import type { ClockState, ClosedBy } from '../clock/types.ts';
import { DomainError } from '../errors.ts';

/** Every workflow step. */
export const STEPS = [
  'confirmReceipt',
  'assign',
  'requestCorrection',
  'recordCorrection',
  'sendConsultation',
  'recordConsultationAnswer',
  'requestExtension',
  'approveExtension',
  'refuseExtension',
  'askReasons',
  'setDelayedReply',
  'issueFeeNotice',
  'recordFeeReceipt',
  'recordFeePaid',
  'decide',
  'notifyThirdParty',
  'reviewConfidentiality',
  'signOff',
  'reply',
  'withdraw',
  'archive',
] as const;
export type Step = (typeof STEPS)[number];

/** Chinese names of the steps, for buttons, the timeline and the audit trail. */
export const STEP_LABELS: Record<Step, string> = {
  confirmReceipt: '确认收到申请',
  assign: '分派承办人',
  requestCorrection: '一次性告知补正',
  recordCorrection: '登记补正',
  sendConsultation: '征求意见',
  recordConsultationAnswer: '登记征求意见答复',
  requestExtension: '申请延期答复',
  approveExtension: '批准延期答复',
  refuseExtension: '不批准延期',
  askReasons: '要求说明理由（第三十五条）',
  setDelayedReply: '确定延迟答复期限（第三十五条）',
  issueFeeNotice: '发出收费通知',
  recordFeeReceipt: '登记收费通知送达',
  recordFeePaid: '登记缴费',
  decide: '拟定答复',
  notifyThirdParty: '书面告知第三方（第三十二条）',
  reviewConfidentiality: '保密审查',
  signOff: '负责人签发',
  reply: '答复送达',
  withdraw: '登记撤回申请',
  archive: '归档',
};

/** The permissions the steps need (src/policies/permissions.ts maps roles to them). */
export type ApplicationPermission =
  | 'applications.read'
  | 'applications.register'
  | 'applications.handle'
  | 'applications.approve'
  | 'applications.review';

/**
 * Who does what (any of the listed permissions): the clerk (登记员) registers and confirms, and
 * may give the 补正 notice at registration; the handler (承办人) handles; the head
 * of the disclosure office (政府信息公开工作机构负责人) approves extensions and signs replies off
 * (第三十三条第二款); the confidentiality reviewer (保密审查员) reviews before release (第十七条).
 */
export const STEP_PERMISSION: Record<Step, ApplicationPermission | readonly ApplicationPermission[]> = {
  confirmReceipt: 'applications.register',
  assign: 'applications.register',
  requestCorrection: ['applications.register', 'applications.handle'],
  recordCorrection: ['applications.register', 'applications.handle'],
  sendConsultation: 'applications.handle',
  recordConsultationAnswer: 'applications.handle',
  requestExtension: 'applications.handle',
  approveExtension: 'applications.approve',
  refuseExtension: 'applications.approve',
  askReasons: 'applications.handle',
  setDelayedReply: 'applications.approve',
  issueFeeNotice: 'applications.handle',
  recordFeeReceipt: ['applications.register', 'applications.handle'],
  recordFeePaid: 'applications.register',
  decide: 'applications.handle',
  notifyThirdParty: 'applications.handle',
  reviewConfidentiality: 'applications.review',
  signOff: 'applications.approve',
  reply: 'applications.handle',
  withdraw: 'applications.register',
  archive: 'applications.register',
};

/** Where a drafted reply stands in release control. */
/** 'returned': the 保密审查 did not pass and the draft went back to the handler to be revised (第十七条). */
export type DecisionStatus = 'draft' | 'returned' | 'reviewed' | 'signed' | 'sent';

/** What the guards need to know about one application. */
export interface Situation {
  readonly clockState: ClockState;
  /** A correction was already requested once (第三十条: 一次性告知). */
  readonly correctionRequested: boolean;
  readonly openConsultations: number;
  /**
   * Consultations with no answer recorded, open or past the party's deadline: an answer dated
   * within the period may be registered after it ended (lifecycle.md "Facts entered late").
   */
  readonly unansweredConsultations: number;
  /** How the clock closed the application, if it did: a lapse can be reversed by a fact entered late. */
  readonly closedBy: ClosedBy | null;
  readonly extensionRequested: boolean;
  readonly extensionDaysUsed: number;
  readonly maxExtensionDays: number;
  /** The reply due date in force and today (YYYY-MM-DD). */
  readonly replyDue: string | null;
  readonly today: string;
  readonly reasonsAsked: boolean;
  readonly feeNoticed: boolean;
  /** A 收费通知 is unpaid and the applicant's receipt date unknown (post not yet signed for): record it first. */
  readonly feeReceiptUnknown: boolean;
  readonly decision: DecisionStatus | null;
  /**
   * Third parties that objected and are not yet told of the drafted decision to disclose
   * (第三十二条; src/domain/applications/third-party.ts), by name.
   */
  readonly thirdPartyNoticesMissing: readonly string[];
  readonly archived: boolean;
}

const open = (s: Situation) => s.clockState !== 'closed';

/** The permissions any one of which allows a step. */
export function stepPermissions(step: Step): readonly ApplicationPermission[] {
  const p = STEP_PERMISSION[step];
  return typeof p === 'string' ? [p] : p;
}

/** Why `step` cannot be taken now, or null when it can. */
export function stepBlocker(step: Step, s: Situation): string | null {
  if (s.archived) return '申请已归档';
  if (step === 'archive') return open(s) ? '申请办结后才能归档（第四十五条）' : null;
  // lifecycle.md "Facts entered late": a correction or payment registered after the sweep recorded
  // the lapse (its date decides whether it was in time; the service checks it).
  if (!open(s) && s.closedBy === 'correctionLapsed' && step === 'recordCorrection') return null;
  if (!open(s) && s.closedBy === 'feeLapsed' && step === 'recordFeePaid') return null;
  if (!open(s)) return '申请已办结';
  if (step === 'withdraw' || step === 'assign') return null;
  if (s.clockState === 'awaitingConfirmation')
    return step === 'confirmReceipt' ? null : '尚未确认收到申请（第三十一条），答复期限未起算';
  if (step === 'confirmReceipt') return '已确认收到申请';
  switch (step) {
    case 'requestCorrection':
      return s.correctionRequested
        ? '补正只能一次性告知（第三十条）'
        : s.decision
          ? '已拟定答复，不能再要求补正'
          : null;
    case 'recordCorrection':
      return s.clockState === 'awaitingCorrection' ? null : '当前没有待补正事项';
    case 'sendConsultation':
    case 'requestExtension':
    case 'askReasons':
    case 'issueFeeNotice':
      if (s.clockState === 'awaitingCorrection') return '等待申请人补正期间不能办理此步骤';
      if (step === 'requestExtension') {
        if (s.extensionRequested) return '已有待批准的延期申请';
        if (s.extensionDaysUsed >= s.maxExtensionDays)
          return `延长的期限合计不得超过${s.maxExtensionDays}个工作日（第三十三条第二款）`;
      }
      if (step === 'issueFeeNotice' && s.feeNoticed) return '本申请已发出收费通知';
      return null;
    case 'recordConsultationAnswer':
      return s.unansweredConsultations > 0 ? null : '没有尚未登记答复的征求意见';
    case 'approveExtension':
      // 第三十三条第二款 is checked against the due date in force on the approval date, which the
      // office gives (an approval on paper entered later): the service checks it, not today.
      return s.extensionRequested ? null : '没有待批准的延期申请';
    case 'refuseExtension':
      // 第三十三条第二款「经…负责人同意」: the head may also not agree; the due date then stays.
      return s.extensionRequested ? null : '没有待批准的延期申请';
    case 'setDelayedReply':
      return s.reasonsAsked ? null : '须先要求申请人说明理由（第三十五条）';
    case 'recordFeeReceipt':
      return s.feeReceiptUnknown ? null : '没有待登记送达日期的收费通知';
    case 'recordFeePaid':
      return s.clockState === 'awaitingFee' || s.feeNoticed ? null : '没有待缴的信息处理费';
    case 'decide':
      if (s.clockState === 'awaitingCorrection') return '等待申请人补正期间不能拟定答复';
      return s.decision === 'signed' || s.decision === 'sent' ? '答复已签发' : null;
    case 'notifyThirdParty':
      if (s.decision === null) return '尚未拟定答复';
      if (s.decision === 'sent') return '答复已送达';
      return s.thirdPartyNoticesMissing.length > 0
        ? null
        : '没有需要书面告知的第三方：仅在第三方不同意公开而本机关决定公开时告知（第三十二条）';
    case 'reviewConfidentiality':
      if (s.decision === 'returned') return '保密审查未通过，已退回承办人：须重新拟定答复后再审查';
      return s.decision === 'draft' ? null : s.decision === null ? '尚未拟定答复' : '保密审查已完成';
    case 'signOff':
      return s.decision === 'reviewed'
        ? null
        : s.decision === 'draft' || s.decision === 'returned'
          ? '须先完成保密审查'
          : s.decision === null
            ? '尚未拟定答复'
            : '答复已签发';
    case 'reply':
      if (s.decision !== 'signed') return '答复须经保密审查和负责人签发后才能送达';
      // 第三十二条: the third party is told in writing before the information is disclosed.
      return s.thirdPartyNoticesMissing.length > 0
        ? `须先将决定公开的内容和理由书面告知第三方（第三十二条）：${s.thirdPartyNoticesMissing.join('、')}`
        : null;
    default:
      return null;
  }
}

/**
 * Why an extension request cannot be refused as given, or null: 第三十三条第二款 makes the extension
 * the office head's decision; a refusal is one too, and the handler must learn why (the reason is
 * recorded on the timeline the handler works from). The due date is left as it is.
 */
export function extensionRefusalProblem(reason: string | undefined): string | null {
  const r = (reason ?? '').trim();
  if (r.length === 0) return '请写明不批准延期的理由，承办人将据此继续办理';
  if (r.length > 2000) return '不批准延期的理由不超过2000个字';
  return null;
}

/** The steps that may be taken now (the console shows these buttons). */
export function availableSteps(s: Situation): Step[] {
  return STEPS.filter((step) => stepBlocker(step, s) === null);
}

/** Throws STEP_NOT_ALLOWED (409) with the reason when the step cannot be taken now. */
export function assertStep(step: Step, s: Situation): void {
  const reason = stepBlocker(step, s);
  if (reason !== null) throw new DomainError('STEP_NOT_ALLOWED', `不能${STEP_LABELS[step]}：${reason}`, { step });
}
