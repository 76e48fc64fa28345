/**
 * The rule that produced a stored reply due date, in one line (STYLE.md rule 13: the due date
 * is stored with the rule that produced it), e.g. 「第三十三条第二款：自收到申请之日起20个工作日，经批准延长20个工作日」.
 */
import { DEFAULT_CLOCK_SETTINGS, type ClockSettings } from '../clock/settings.ts';
import type { ClockResult } from '../clock/types.ts';

/** The rule behind `clock.replyDue`, or null when there is no due date (the period from the clock settings). */
export function dueRuleOf(
  clock: ClockResult,
  delayedReply: boolean,
  settings: ClockSettings = DEFAULT_CLOCK_SETTINGS,
): string | null {
  if (clock.replyDue === null) return null;
  if (delayedReply) return '第三十五条：本机关确定的延迟答复期限';
  const n = settings.replyWorkingDays;
  const from =
    clock.correctionReceivedDate !== null
      ? `第三十条、第三十三条：自收到补正后的申请之日起${n}个工作日`
      : `第三十三条：自收到申请之日起${n}个工作日`;
  const parts = [from];
  if (clock.extensionWorkingDays > 0)
    parts.push(`经负责人同意延长${clock.extensionWorkingDays}个工作日（第三十三条第二款）`);
  if (clock.consultations.length > 0) parts.push('征求意见时间不计算在内（第三十三条第三款）');
  if (clock.feeNoticeDate !== null) parts.push('收费通知至缴费期间不计算在内');
  return parts.join('，');
}
