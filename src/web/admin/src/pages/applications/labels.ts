/** Chinese labels of the application fields and states, shared by the screens (the domain's own tables). */
export { APPLICANT_KIND_LABELS, ID_DOC_LABELS } from '../../../../../domain/applications/applicant.ts';
export { OUTCOME_LABELS, OUTCOME_BASIS } from '../../../../../domain/applications/decision.ts';
export {
  CHANNEL_LABELS,
  DELIVERY_FORM_LABELS,
  DELIVERY_METHOD_LABELS,
  RECORDS_OUTCOME_LABELS,
  REQUEST_KIND_LABELS,
} from '../../../../../domain/applications/kinds.ts';
export { STEP_LABELS } from '../../../../../domain/applications/workflow.ts';
export { TODO_LABELS } from '../../../../../domain/applications/todo.ts';

export const STATE_LABELS: Record<string, string> = {
  awaitingConfirmation: '待确认收到',
  running: '办理中',
  awaitingCorrection: '待补正',
  consulting: '征求意见中',
  awaitingFee: '待缴费',
  closed: '已办结',
};

export const DECISION_STATUS_LABELS: Record<string, string> = {
  draft: '待保密审查',
  returned: '保密审查退回修改',
  reviewed: '待负责人签发',
  signed: '已签发待送达',
  sent: '已送达',
};

export const FILE_ROLE_LABELS: Record<string, string> = {
  attachment: '申请人材料',
  original: '原件（不对外）',
  released: '提供文件（经审查的对外版本）',
  reply_letter: '答复书',
  signoff_scan: '审签单扫描件',
};

/** Days until a due date (calendar days), for colouring. */
export function daysUntil(date: string, today: Date = new Date()): number {
  const t = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - t) / 86_400_000);
}

/** The due-date colour: red when overdue, orange within 3 days, blue otherwise. */
export function dueColour(date: string | null, overdue: boolean): string | undefined {
  if (!date) return undefined;
  if (overdue) return 'red';
  const left = daysUntil(date);
  return left <= 3 ? 'orange' : 'blue';
}

/** 2025-03-04 → 2025年3月4日. */
export function cnDate(date: string | null | undefined): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}
